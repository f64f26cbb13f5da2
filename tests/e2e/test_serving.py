"""The gateway serves the console beside the API, with its security headers, and nothing else."""
import httpx


def test_console_is_served_with_security_headers(api):
    page = api.get("/console/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "治理" in page.text and 'type="module"' in page.text
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    script = api.get("/console/js/app.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert script.headers["x-content-type-options"] == "nosniff"
    assert api.get("/console/css/console.css").headers["content-type"].startswith("text/css")


def test_console_paths_and_the_api_beside_it(api, login):
    moved = api.get("/console", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"].endswith("/console/")
    missing = api.get("/console/js/nothing-here.js")
    assert missing.status_code == 404 and "content-security-policy" in missing.headers
    assert api.get("/console/../gateway/app.py").status_code == 404
    assert api.post("/console/", content=b"x").status_code == 405
    # the API is untouched: its own content types, no console headers
    me = api.get("/api/v1/me", headers=login("tu.su"))
    assert me.status_code == 200 and "content-security-policy" not in me.headers
    assert api.get("/consolex").status_code == 404
    assert api.get("/healthz").status_code == 200


def test_console_talks_only_to_the_public_api(stack):
    """Every fetch in the console's modules goes to /api/v1 (no private endpoint)."""
    from pathlib import Path
    root = Path(__file__).resolve().parents[2] / "gateway/console/js"
    sources = {p.name: p.read_text(encoding="utf-8") for p in root.rglob("*.js")}
    fetchers = [name for name, text in sources.items() if "fetch(" in text]
    assert fetchers == ["api.js"]
    assert 'const BASE = "/api/v1"' in sources["api.js"]
    with httpx.Client(base_url=stack.config.base_url) as client:
        assert client.get("/api/v1/openapi.json").status_code == 200


def test_an_install_without_the_console_files_still_serves_the_api(tmp_path):
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from gateway.console import with_console

    async def api_app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"api"})

    app = with_console(api_app, tmp_path / "missing")

    async def status(path: str) -> int:
        sent = []

        async def receive():
            return {"type": "http.request", "body": b""}

        async def send(message):
            sent.append(message)

        await app({"type": "http", "method": "GET", "path": path, "root_path": "", "headers": [],
                   "query_string": b""}, receive, send)
        return sent[0]["status"]

    # Its own thread: Playwright's sync API keeps an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, status("/console/")).result() == 404
        assert pool.submit(asyncio.run, status("/api/v1/me")).result() == 200
