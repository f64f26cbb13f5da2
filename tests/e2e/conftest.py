"""Browser fixtures: the integration stack (SQLite only), demo activity, headless Debian Chromium."""
from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from tests.integration.conftest import PASSWORD, api, login, stack  # noqa: F401 - fixtures reused

from tests.e2e import demo_activity

CHROMIUM = os.environ.get("ZHILI_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--lang=zh-CN"]
COMMITTED_SHOTS = Path(__file__).resolve().parents[2] / "gateway/console/screenshots"
WAIT_MS = 15_000


@pytest.fixture(scope="session")
def backend() -> str:
    """The console is tested once, on SQLite: both backends are covered by tests/integration."""
    return "sqlite"


@pytest.fixture(scope="session")
def activity(api, login):  # noqa: F811 - the imported fixtures
    """Tasks, petitions, an overdue assignment and a warning, made through the REST API."""
    return demo_activity.run(api, login)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Python package `playwright` is missing: install the dev extras "
                    "(pip install -e '.[dev]')", pytrace=False)
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's package "
                    "(apt-get install -y chromium fonts-wqy-microhei) or set ZHILI_CHROMIUM",
                    pytrace=False)
    with sync_playwright() as playwright:
        # Playwright gives the browser a fresh temporary user-data-dir of its own on each launch.
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield launched
        launched.close()


def photo_png(width: int = 96, height: int = 72) -> bytes:
    """A small generated picture standing in for a field photo (tests reach no outside host)."""
    rows = b"".join(b"\x00" + b"".join(bytes((60 + x % 160, 110 + y % 120, 80)) for x in range(width))
                    for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


@pytest.fixture
def open_console(browser, stack):  # noqa: F811
    """open_console("tu.su", viewport=...) → a logged-in page at /console/ (own context each)."""
    contexts = []

    def opener(username: str, *, width: int = 1280, height: int = 860, mobile: bool = False):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      is_mobile=mobile, has_touch=mobile, locale="zh-CN",
                                      device_scale_factor=2 if mobile else 1)
        contexts.append(context)
        # Only the stack is reached: photo links get a generated picture, anything else is refused.
        picture = photo_png()
        base = stack.config.base_url

        def guard(route):
            url = route.request.url
            if url.startswith(base + "/"):
                return route.continue_()
            if url.startswith("https://files.example.cn/"):
                return route.fulfill(status=200, content_type="image/png", body=picture)
            return route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.console_errors = errors
        page.goto(f"{stack.config.base_url}/console/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("#login-form button[type=submit]")
        page.wait_for_selector("#who")
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory):
    """shots(page, "name") saves a screenshot under a tmp folder; with ZHILI_UPDATE_SCREENSHOTS=1
    also into gateway/console/screenshots/ for the README."""
    folder = tmp_path_factory.mktemp("screenshots")

    def take(page, name: str, full_page: bool = True) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        assert path.stat().st_size > 10_000, f"{name}: screenshot looks empty"
        if os.environ.get("ZHILI_UPDATE_SCREENSHOTS") == "1":
            COMMITTED_SHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, COMMITTED_SHOTS / path.name)
        return path

    take.folder = folder
    return take
