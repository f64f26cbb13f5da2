"""Rate limits on a stack of their own with low limits (SQLite only; one gateway worker, because
each worker keeps its own buckets): per login, per partner key, per client IP on the login and
on the login-free endpoints."""
from __future__ import annotations

import json
import time

import httpx
import pytest

from stack.processes import Stack, StackConfig
from tests.integration.conftest import PASSWORD, assert_problem
from tests.integration.integration_helpers import order, signed_headers

LIMITS = {"RATE_LIMIT_PER_MINUTE_LOGIN": "6", "RATE_LIMIT_PER_MINUTE_USER": "20",
          "RATE_LIMIT_PER_MINUTE_PARTNER": "10", "RATE_LIMIT_PER_MINUTE_PUBLIC": "8"}


@pytest.fixture(scope="module", params=["sqlite"])
def limited(request, tmp_path_factory):
    config = StackConfig.ephemeral(tmp_path_factory.mktemp(f"stack-limited-{request.param}"))
    config.gateway_workers = 1
    config.extra_env.update(LIMITS)
    running = Stack(config)
    running.prepare(demo=True)
    try:
        running.start_all()
        yield running
    finally:
        running.stop_all()


def client(stack, source: str = "127.0.0.1") -> httpx.Client:
    return httpx.Client(base_url=stack.config.base_url, timeout=15,
                        transport=httpx.HTTPTransport(local_address=source))


def token(api: httpx.Client, username: str) -> dict:
    reply = api.post("/api/v1/auth/token", json={"username": username, "password": PASSWORD})
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['access_token']}"}


def assert_limited(reply: httpx.Response) -> int:
    body = assert_problem(reply, 429, "RATE_LIMITED")
    retry_after = int(reply.headers["retry-after"])
    assert retry_after >= 1 and body["trace_id"]
    return retry_after


def test_each_login_has_its_own_budget_and_retry_after_is_honest(limited):
    with client(limited, "127.0.0.2") as api:  # an address of its own: its own login budget
        leader, secretary = token(api, "he.fangya"), token(api, "tu.su")
        statuses = [api.get("/api/v1/me", headers=leader).status_code for _ in range(25)]
        assert statuses[:20] == [200] * 20 and 429 in statuses[20:], statuses
        refused = api.get("/api/v1/me", headers={**leader, "Accept-Language": "en"})
        retry_after = assert_limited(refused)
        assert retry_after <= 3  # 20 a minute: one token every 3 s
        assert "retry" in refused.json()["detail"].lower()
        assert api.get("/api/v1/me", headers=secretary).status_code == 200  # another login
        time.sleep(retry_after)
        assert api.get("/api/v1/me", headers=leader).status_code == 200


def test_a_forged_token_does_not_spend_its_victims_budget(limited):
    """Requests with a bad token are counted against the sender's IP, not the `sub` they claim."""
    with client(limited, "127.0.0.3") as victim_side, client(limited, "127.0.0.4") as attacker:
        victim = token(victim_side, "dong.qing")
        forged = victim["Authorization"] + "x"  # the victim's `sub`, a signature that fails
        for _ in range(25):
            attacker.get("/api/v1/me", headers={"Authorization": forged})
        assert_limited(attacker.get("/api/v1/me", headers={"Authorization": forged}))
        assert victim_side.get("/api/v1/me", headers=victim).status_code == 200


def test_each_partner_key_has_its_own_budget(limited):
    with client(limited, "127.0.0.5") as api:
        admin = token(api, "fu.min")
        keys = []
        for code in ("limit-a", "limit-b"):
            reply = api.post("/api/v1/partners", headers=admin, json={
                "code": code, "name": "越溪县12345热线", "kind": "hotline_12345",
                "jurisdiction_org_id": "330688", "scopes": ["work_orders:create"]})
            assert reply.status_code == 201, reply.text
            keys.append(reply.json())
        first, second = keys

        def send(partner):
            raw = json.dumps(order(), ensure_ascii=False).encode()
            return api.post("/partner/v1/work-orders", content=raw,
                            headers=signed_headers(partner["key_id"], partner["secret"], raw))

        statuses = [send(first).status_code for _ in range(12)]
        assert statuses[:10] == [201] * 10 and statuses[10:] == [429, 429], statuses
        assert_limited(send(first))
        assert send(second).status_code == 201


def test_password_guessing_is_slowed_per_client_address(limited):
    with client(limited, "127.0.0.6") as guesser, client(limited, "127.0.0.7") as other:
        statuses = [guesser.post("/api/v1/auth/token", json={
            "username": "he.fangya", "password": f"guess-{n}"}).status_code for n in range(8)]
        assert statuses[:6] == [401] * 6 and statuses[6:] == [429, 429], statuses
        # Even the right password waits now: the limit is on attempts, not on failures.
        assert_limited(guesser.post("/api/v1/auth/token", json={
            "username": "he.fangya", "password": PASSWORD}))
        token(other, "he.fangya")  # another address is not held up


def test_login_free_reads_are_limited_per_client_address(limited):
    with client(limited, "127.0.0.8") as reader, client(limited, "127.0.0.9") as neighbour:
        def read(api, path="/public/v1/disclosures?village_id=330688100201"):
            return api.get(path)
        statuses = [read(reader).status_code for _ in range(8)]
        assert statuses == [200] * 8, statuses
        assert_limited(read(reader))
        assert_limited(read(reader, "/open311/v2/services.json"))  # the same address, same budget
        assert read(neighbour).status_code == 200
