"""Outbound deliveries through the real stack: 410 disables, Retry-After, dead letters and replay, subscriptions.

Each test has its own partner and its own loopback receiver (a real HTTP server in this process)
that answers from a script, so what one test's receiver answers never affects another's.
The session stack runs with a 15 s retry period (INTEGRATION_RETRY_PERIOD_SECONDS, conftest).
"""
from __future__ import annotations

import datetime as dt
import email.utils
import json
import threading
import time
import uuid
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.integration.conftest import assert_problem
from tests.integration.integration_helpers import order, signed_headers, webhook_signature_ok

ADMIN = "fu.min"
VILLAGE = "330688100201"       # 桃源村 (tu.su, ge.yu; grid worker jin.yi)
OTHER_VILLAGE = "330688100202"  # 上蒋村 (yan.fenying; grid worker wang.songfu)
TOWN = "330688100"


class ScriptedReceiver:
    """A loopback HTTP server answering each POST from a script of (status, headers, body)."""

    def __init__(self, default_status: int = 200) -> None:
        self.requests: list[tuple[float, dict, bytes]] = []
        self.script: deque = deque()
        self.default_status = default_status
        self.default_body = b'{"errcode":0,"errmsg":"ok"}'
        self.delay = 0.0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                outer.requests.append((time.monotonic(), {k.lower(): v for k, v in self.headers.items()},
                                       body))
                status, headers, answer = (outer.script.popleft() if outer.script
                                           else (outer.default_status, {}, outer.default_body))
                time.sleep(outer.delay)  # a slow partner: the request is in flight meanwhile
                headers = headers() if callable(headers) else headers
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def payloads(self) -> list[tuple[dict, dict]]:
        return [(headers, json.loads(body)) for _, headers, body in list(self.requests)]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receivers():
    made: list[ScriptedReceiver] = []

    def make(**kwargs) -> ScriptedReceiver:
        made.append(ScriptedReceiver(**kwargs))
        return made[-1]
    yield make
    for receiver in made:
        receiver.close()


def wait_for(predicate, timeout: float = 40.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"{what} not met within {timeout} s")


def register(api, login, *, callback_url: str = "", kind: str = "hotline_12345",
             jurisdiction: str = "330688", scopes=("work_orders:create", "status:read")) -> dict:
    reply = api.post("/api/v1/partners", headers=login(ADMIN), json={
        "code": f"p-{uuid.uuid4().hex[:8]}", "name": "测试合作系统", "kind": kind,
        "jurisdiction_org_id": jurisdiction, "scopes": list(scopes), "callback_url": callback_url})
    assert reply.status_code == 201, reply.text
    return reply.json()


def send_order(api, partner: dict) -> dict:
    raw = json.dumps(order(), ensure_ascii=False).encode()
    reply = api.post("/partner/v1/work-orders", content=raw,
                     headers=signed_headers(partner["key_id"], partner["secret"], raw))
    assert reply.status_code == 201, reply.text
    return reply.json()


def act(api, login, who: str, petition_id: str, action: str, **body) -> dict:
    reply = api.post(f"/api/v1/petitions/{petition_id}/{action}", json=body, headers=login(who))
    assert reply.status_code == 200, reply.text
    return reply.json()


def report(api, login, who: str, content: str) -> str:
    reply = api.post("/api/v1/petitions", headers=login(who), json={
        "source": "grid_report", "content": content, "element_code": "E0301"})
    assert reply.status_code == 201, reply.text
    return reply.json()["id"]


def deliveries(api, login, partner_id: str, status: str | None = None) -> list[dict]:
    params = {"partner_id": partner_id, "page_size": 100, **({"status": status} if status else {})}
    reply = api.get("/api/v1/deliveries", params=params, headers=login(ADMIN))
    assert reply.status_code == 200, reply.text
    return reply.json()["deliveries"]


def delivery(api, login, delivery_id: str) -> dict:
    reply = api.get(f"/api/v1/deliveries/{delivery_id}", headers=login(ADMIN))
    assert reply.status_code == 200, reply.text
    return reply.json()


def partner_row(api, login, partner_id: str) -> dict:
    reply = api.get(f"/api/v1/partners/{partner_id}", headers=login(ADMIN))
    assert reply.status_code == 200, reply.text
    return reply.json()


def codes(found: dict) -> list[int]:
    return [a["status_code"] for a in found.get("attempts", [])]


# --- (a) 410 Gone ---------------------------------------------------------------------------------

def test_410_disables_the_callback_and_nothing_more_is_sent_until_it_is_replaced(api, login, receivers):
    gone = receivers()
    gone.script.append((410, {}, b'{"error":"gone"}'))
    created = register(api, login, callback_url=gone.url)
    partner_id = created["partner"]["id"]
    assert created["partner"].get("callback_disabled", False) is False
    pid = send_order(api, created)["petition_id"]
    act(api, login, "tu.su", pid, "accept")

    dead = wait_for(lambda: deliveries(api, login, partner_id, "dead"), what="410 dead-letters")
    assert len(dead) == 1 and dead[0]["event_type"] == "work_order.accepted"
    assert codes(dead[0]) == [410] and "410" in dead[0]["last_error"]
    assert partner_row(api, login, partner_id)["callback_disabled"] is True
    listed = api.get("/api/v1/partners", params={"kind": "hotline_12345", "page_size": 500},
                     headers=login(ADMIN)).json()["partners"]
    assert next(p for p in listed if p["id"] == partner_id)["callback_disabled"] is True

    # Later changes are recorded, but no request reaches the disabled endpoint any more.
    act(api, login, "ge.yu", pid, "resolve", result="已修复")
    both = wait_for(lambda: (lambda d: d if len(d) == 2 else None)(deliveries(api, login, partner_id, "dead")),
                    what="second delivery dead-lettered without an attempt")
    resolved = next(d for d in both if d["event_type"] == "work_order.resolved")
    assert codes(resolved) == [] and resolved.get("attempt_count", 0) == 0
    assert "410" in resolved["last_error"]
    time.sleep(1.0)  # several worker polls: still nothing sent
    assert len(gone.requests) == 1
    assert deliveries(api, login, partner_id, "pending") == []

    # The partner moved its endpoint: the new URL re-enables it, and replays reach the new one.
    moved = receivers()
    patched = api.patch(f"/api/v1/partners/{partner_id}", headers=login(ADMIN),
                        json={"callback_url": moved.url})
    assert patched.status_code == 200, patched.text
    assert patched.json().get("callback_disabled", False) is False
    for dead_one in sorted(both, key=lambda d: d["created_at"]):
        replayed = api.post(f"/api/v1/deliveries/{dead_one['id']}/replay", headers=login(ADMIN))
        assert replayed.status_code == 200, replayed.text
    wait_for(lambda: len(moved.requests) == 2, what="both replays at the new endpoint")
    assert {h["webhook-id"] for h, _ in moved.payloads()} == {d["id"] for d in both}
    assert len(gone.requests) == 1
    assert all(webhook_signature_ok(created["secret"], h, body) for _, h, body in moved.requests)
    wait_for(lambda: len(deliveries(api, login, partner_id, "succeeded")) == 2, what="replays succeeded")


# --- (b) Retry-After ------------------------------------------------------------------------------

def test_retry_after_in_seconds_and_as_a_date_is_a_floor(api, login, receivers):
    receiver = receivers()
    receiver.script.append((429, {"Retry-After": "3"}, b"slow down"))
    receiver.script.append((503, lambda: {"Retry-After": email.utils.format_datetime(
        dt.datetime.now(dt.UTC) + dt.timedelta(seconds=4), usegmt=True)}, b"maintenance"))
    created = register(api, login, callback_url=receiver.url)
    pid = send_order(api, created)["petition_id"]
    act(api, login, "tu.su", pid, "accept")

    wait_for(lambda: len(receiver.requests) >= 3, what="three attempts")
    (t1, h1, _), (t2, h2, _), (t3, h3, _) = receiver.requests[:3]
    # Without Retry-After the stack retries within 1 s (INTEGRATION_RETRY_MAX_SECONDS=1).
    assert t2 - t1 >= 3.0, t2 - t1
    assert t3 - t2 >= 3.0, t3 - t2
    assert h1["webhook-id"] == h2["webhook-id"] == h3["webhook-id"]
    found = wait_for(lambda: (lambda d: d if d["status"] == "succeeded" else None)(
        delivery(api, login, h1["webhook-id"])), what="delivery succeeded")
    assert codes(found) == [429, 503, 200]


# --- (c) dead letter after the retry period, then replay --------------------------------------------

def test_a_receiver_that_never_recovers_is_dead_lettered_and_can_be_replayed(api, login, receivers):
    receiver = receivers(default_status=503)
    created = register(api, login, callback_url=receiver.url)
    partner_id = created["partner"]["id"]
    pid = send_order(api, created)["petition_id"]
    act(api, login, "tu.su", pid, "accept")

    dead = wait_for(lambda: deliveries(api, login, partner_id, "dead"), timeout=60,
                    what="dead-letter after the 15 s retry period")[0]
    assert dead["last_error"].startswith("retry period over")
    attempts = codes(dead)
    assert len(attempts) >= 5 and set(attempts) == {503}, attempts
    assert len(receiver.requests) == len(attempts) == dead["attempt_count"]
    # No attempt is scheduled after the period ends; one due just before it starts when the worker
    # next polls (INTEGRATION_POLL_SECONDS=0.2 here), so it may be stamped a moment later.
    last = dt.datetime.fromisoformat(dead["attempts"][-1]["at"].replace("Z", "+00:00"))
    assert last <= dt.datetime.fromisoformat(dead["expires_at"].replace("Z", "+00:00")) + \
        dt.timedelta(seconds=1)
    assert dead["id"] in {d["id"] for d in deliveries(api, login, partner_id, "dead")}
    assert partner_row(api, login, partner_id).get("callback_disabled", False) is False  # only 410 disables
    time.sleep(1.0)
    assert len(receiver.requests) == len(attempts)  # dead means no more attempts

    receiver.default_status = 200
    replayed = api.post(f"/api/v1/deliveries/{dead['id']}/replay", headers=login(ADMIN))
    assert replayed.status_code == 200 and replayed.json()["status"] == "pending", replayed.text
    assert replayed.json()["expires_at"] > dead["expires_at"]  # a fresh retry period
    final = wait_for(lambda: (lambda d: d if d["status"] == "succeeded" else None)(
        delivery(api, login, dead["id"])), what="replay delivered")
    assert codes(final) == attempts + [200]
    assert receiver.requests[-1][1]["webhook-id"] == dead["id"]
    assert json.loads(receiver.requests[-1][2])["data"]["petition_id"] == pid


def test_a_retry_after_beyond_the_retry_period_dead_letters_at_once(api, login, receivers):
    receiver = receivers()
    receiver.script.append((503, {"Retry-After": "3600"}, b"down for an hour"))
    created = register(api, login, callback_url=receiver.url)
    partner_id = created["partner"]["id"]
    pid = send_order(api, created)["petition_id"]
    act(api, login, "tu.su", pid, "accept")
    dead = wait_for(lambda: deliveries(api, login, partner_id, "dead"), what="dead-letter")[0]
    assert codes(dead) == [503] and dead["last_error"].startswith("retry period over")
    assert len(receiver.requests) == 1


def test_a_delivery_in_flight_cannot_be_replayed_twice_at_once(api, login, receivers):
    receiver = receivers()
    receiver.delay = 4.0
    created = register(api, login, callback_url=receiver.url)
    pid = send_order(api, created)["petition_id"]
    act(api, login, "tu.su", pid, "accept")
    wait_for(lambda: receiver.requests, what="the first request")
    delivery_id = receiver.requests[0][1]["webhook-id"]
    assert_problem(api.post(f"/api/v1/deliveries/{delivery_id}/replay", headers=login(ADMIN)),
                   409, "DELIVERY_IN_FLIGHT")
    receiver.delay = 0.0
    done = wait_for(lambda: (lambda d: d if d["status"] == "succeeded" else None)(
        delivery(api, login, delivery_id)), what="the slow attempt recorded")
    assert codes(done) == [200] and len(receiver.requests) == 1  # one request, not two at once
    replayed = api.post(f"/api/v1/deliveries/{delivery_id}/replay", headers=login(ADMIN))
    assert replayed.status_code == 200, replayed.text
    again = wait_for(lambda: (lambda d: d if d["status"] == "succeeded" and len(d["attempts"]) == 2 else None)(
        delivery(api, login, delivery_id)), what="the replay delivered")
    assert codes(again) == [200, 200] and len(receiver.requests) == 2


# --- (e) subscriptions -------------------------------------------------------------------------------

def subscribe(api, login, partner_id: str, event_types: list[str], url: str):
    return api.post("/api/v1/webhook-subscriptions", headers=login(ADMIN),
                    json={"partner_id": partner_id, "event_types": event_types, "url": url})


def petition_of(delivery: dict) -> str:
    return json.loads(delivery["payload_json"])["data"].get("petition_id", "")


def events_for(receiver: ScriptedReceiver, petition_id: str) -> list[str]:
    return [p["type"] for _, p in receiver.payloads() if p["data"].get("petition_id") == petition_id]


def test_a_subscription_delivers_what_was_subscribed_in_the_jurisdiction_and_nothing_else(
        api, login, receivers):
    consumer_hook, control_hook = receivers(), receivers()
    consumer = register(api, login, kind="data_consumer", jurisdiction=VILLAGE, scopes=["status:read"])
    control = register(api, login, kind="data_consumer", jurisdiction=TOWN, scopes=["status:read"])
    # A scope the partner lacks, and an event type nobody can subscribe to, are refused.
    assert_problem(subscribe(api, login, consumer["partner"]["id"], ["petitions.petition.overdue"],
                             consumer_hook.url), 400, "SCOPE_REQUIRED")
    assert_problem(subscribe(api, login, consumer["partner"]["id"], ["directory.person.created"],
                             consumer_hook.url), 400, "UNSUPPORTED_EVENT_TYPE")
    made = subscribe(api, login, consumer["partner"]["id"], ["petitions.petition.resolved"], consumer_hook.url)
    assert made.status_code == 201, made.text
    subscription = made.json()
    assert subscription["active"] is True
    # The control partner hears accepted and resolved in the whole town: once it has heard an event,
    # integration has fanned that event out to every subscription (one transaction per event).
    assert subscribe(api, login, control["partner"]["id"],
                     ["petitions.petition.accepted", "petitions.petition.resolved"],
                     control_hook.url).status_code == 201

    outside = report(api, login, "wang.songfu", "上蒋村村口垃圾桶满溢，三天没人清运")
    act(api, login, "yan.fenying", outside, "accept")
    act(api, login, "yan.fenying", outside, "resolve", result="已清运")
    inside = report(api, login, "jin.yi", "桃源村文化礼堂门口路灯不亮")
    act(api, login, "tu.su", inside, "accept")
    act(api, login, "ge.yu", inside, "resolve", result="已更换灯泡")

    for pid in (outside, inside):
        wait_for(lambda pid=pid: sorted(events_for(control_hook, pid)) == [
            "petitions.petition.accepted", "petitions.petition.resolved"], what="control heard both")
    wait_for(lambda: events_for(consumer_hook, inside), what="the subscribed event")
    headers, payload = next((h, p) for h, p in consumer_hook.payloads() if p["data"]["petition_id"] == inside)
    body = next(b for _, h, b in consumer_hook.requests if h["webhook-id"] == headers["webhook-id"])
    assert webhook_signature_ok(consumer["secret"], headers, body)
    assert payload["type"] == "petitions.petition.resolved"
    assert (payload["data"]["status"], payload["data"]["detail"]) == ("resolved", "已更换灯泡")
    assert events_for(consumer_hook, inside) == ["petitions.petition.resolved"]  # not accepted
    assert events_for(consumer_hook, outside) == []  # outside its jurisdiction
    assert {p["type"] for _, p in consumer_hook.payloads()} == {"petitions.petition.resolved"}
    listed = deliveries(api, login, consumer["partner"]["id"])
    assert {(d["event_type"], d["subscription_id"]) for d in listed} == {
        ("petitions.petition.resolved", subscription["id"])}

    # Unsubscribed: the next resolution reaches the control partner only.
    deleted = api.delete(f"/api/v1/webhook-subscriptions/{subscription['id']}", headers=login(ADMIN))
    assert deleted.status_code == 200 and deleted.json()["active"] is False, deleted.text
    later = report(api, login, "jin.yi", "桃源村小学门口窨井盖松动")
    act(api, login, "tu.su", later, "accept")
    act(api, login, "ge.yu", later, "resolve", result="已加固")
    wait_for(lambda: "petitions.petition.resolved" in events_for(control_hook, later), what="control heard")
    assert events_for(consumer_hook, later) == []


def test_410_from_a_subscription_endpoint_deactivates_only_that_subscription(api, login, receivers):
    hook, control_hook = receivers(), receivers()
    hook.script.append((410, {}, b""))
    partner = register(api, login, kind="data_consumer", jurisdiction=VILLAGE, scopes=["status:read"],
                       callback_url=receivers().url)
    partner_id = partner["partner"]["id"]
    control = register(api, login, kind="data_consumer", jurisdiction=VILLAGE, scopes=["status:read"])
    made = subscribe(api, login, partner_id, ["petitions.petition.accepted"], hook.url)
    assert made.status_code == 201, made.text
    assert subscribe(api, login, control["partner"]["id"], ["petitions.petition.accepted"],
                     control_hook.url).status_code == 201
    first = report(api, login, "jin.yi", "桃源村健身广场器材损坏")
    act(api, login, "tu.su", first, "accept")
    dead = wait_for(lambda: deliveries(api, login, partner_id, "dead"), what="410 dead-letter")[0]
    assert codes(dead) == [410] and dead["subscription_id"] == made.json()["id"]
    subs = api.get("/api/v1/webhook-subscriptions", params={"partner_id": partner_id},
                   headers=login(ADMIN)).json()["subscriptions"]
    assert [s["active"] for s in subs] == [False]
    assert partner_row(api, login, partner_id).get("callback_disabled", False) is False
    second = report(api, login, "jin.yi", "桃源村健身广场路面破损")
    act(api, login, "tu.su", second, "accept")
    wait_for(lambda: events_for(control_hook, second), what="control heard the second acceptance")
    # Only what concerns this test's petitions: the shared village may see other tests' late events.
    mine = {d["id"]: petition_of(d) for d in deliveries(api, login, partner_id)}
    assert dead["id"] in mine and second not in mine.values()
    time.sleep(0.5)
    assert events_for(hook, second) == []
