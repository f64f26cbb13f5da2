"""The whole stack, really started (NATS, services, gateway under gunicorn), once per backend."""
from __future__ import annotations

import csv
from pathlib import Path

import httpx
import pytest

from stack.processes import SERVICES, Stack, StackConfig
from stack.testing import create_database

DEMO = Path(__file__).resolve().parents[2] / "services/directory/data/demo"
PASSWORD = "Zhili@2026"


@pytest.fixture(scope="session")
def stack(backend, request, tmp_path_factory):
    urls = {}
    if backend == "postgresql":
        admin = request.getfixturevalue("postgres_admin_url")
        urls = {service: create_database(admin, service) for service in SERVICES}
    config = StackConfig.ephemeral(tmp_path_factory.mktemp(f"stack-{backend}"), urls)
    # Webhook retries in seconds, not hours, so "receiver down, then back" fits in a test, and a
    # retry period of 15 s instead of 3 days, so a receiver that never recovers is dead-lettered.
    config.extra_env.update(INTEGRATION_RETRY_BASE_SECONDS="0.3", INTEGRATION_RETRY_MAX_SECONDS="1",
                            INTEGRATION_RETRY_PERIOD_SECONDS="15", INTEGRATION_POLL_SECONDS="0.2")
    running = Stack(config)
    running.prepare(demo=True)
    try:
        running.start_all()
        yield running
    finally:
        running.stop_all()


@pytest.fixture(scope="session")
def api(stack):
    with httpx.Client(base_url=stack.config.base_url, timeout=15) as client:
        yield client


@pytest.fixture(scope="session")
def login(api):
    """login("username") → Authorization headers for that demo person (cached)."""
    tokens: dict[str, dict] = {}

    def headers(username: str) -> dict:
        if username not in tokens:
            reply = api.post("/api/v1/auth/token", json={"username": username, "password": PASSWORD})
            assert reply.status_code == 200, reply.text
            tokens[username] = {"Authorization": f"Bearer {reply.json()['access_token']}"}
        return tokens[username]

    return headers


def demo_rows(name: str) -> list[dict]:
    with (DEMO / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def assert_problem(reply: httpx.Response, status: int, code: str | None = None) -> dict:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    body = reply.json()
    assert body["status"] == status
    if code:
        assert body["code"] == code, body
    assert "Traceback" not in reply.text and "127.0.0.1" not in reply.text
    return body
