"""Partner work orders through the gateway: HMAC, replay refusal, idempotency, signed status callbacks."""
from __future__ import annotations

import json
import time
import uuid

import pytest

from tests.integration.conftest import assert_problem
from tests.integration.integration_helpers import Receiver, order, signed_headers, webhook_signature_ok


@pytest.fixture(scope="module")
def receiver():
    running = Receiver()
    yield running
    running.close()


@pytest.fixture(scope="module")
def partner(api, login, receiver):
    reply = api.post("/api/v1/partners", headers=login("fu.min"), json={
        "code": f"hotline-{uuid.uuid4().hex[:6]}", "name": "越溪县12345热线", "kind": "hotline_12345",
        "jurisdiction_org_id": "330688", "scopes": ["work_orders:create", "status:read"],
        "callback_url": receiver.url, "category_map": {"HL-0301": "P08-01"}})
    assert reply.status_code == 201, reply.text
    return reply.json()


def send(api, partner, body: dict, **kwargs):
    raw = json.dumps(body, ensure_ascii=False).encode()
    return api.post("/partner/v1/work-orders", content=raw,
                    headers=signed_headers(partner["key_id"], partner["secret"], raw, **kwargs))


def petition_count(api, login) -> int:
    listed = api.get("/api/v1/petitions", params={"page_size": 500}, headers=login("fu.min"))
    assert listed.status_code == 200, listed.text
    return len(listed.json()["petitions"])


def test_a_signed_work_order_creates_a_mapped_petition(api, login, partner):
    reply = send(api, partner, order())
    assert reply.status_code == 201, reply.text
    receipt = reply.json()
    petition = api.get(f"/api/v1/petitions/{receipt['petition_id']}", headers=login("fu.min")).json()
    assert petition["source"] == "hotline"
    assert petition["external_id"].endswith(receipt["order_id"])
    assert petition["category_code"] == "P08-01"  # through the partner's category map
    assert petition["village_id"] == "330688100201"


def test_the_same_order_twice_gives_one_petition(api, login, partner):
    body = order()
    first = send(api, partner, body)
    before = petition_count(api, login)
    second = send(api, partner, body, timestamp=int(time.time()) + 1)  # a retry is signed afresh
    assert (first.status_code, second.status_code) == (201, 200), second.text
    assert second.json()["petition_id"] == first.json()["petition_id"]
    assert second.json()["duplicate"] is True
    assert petition_count(api, login) == before


def test_a_replayed_request_is_refused_and_creates_nothing(api, login, partner):
    body = order()
    raw = json.dumps(body, ensure_ascii=False).encode()
    headers = signed_headers(partner["key_id"], partner["secret"], raw)
    assert api.post("/partner/v1/work-orders", content=raw, headers=headers).status_code == 201
    before = petition_count(api, login)
    replayed = api.post("/partner/v1/work-orders", content=raw, headers=headers)
    assert_problem(replayed, 401, "REPLAYED_REQUEST")
    assert petition_count(api, login) == before


@pytest.mark.parametrize("tamper, code", [
    ("signature", "BAD_SIGNATURE"), ("body", "BAD_SIGNATURE"), ("stale", "STALE_TIMESTAMP"),
    ("key", "UNKNOWN_API_KEY")])
def test_a_badly_signed_order_is_refused_and_creates_nothing(api, login, partner, tamper, code):
    body = order()
    raw = json.dumps(body, ensure_ascii=False).encode()
    headers = signed_headers(partner["key_id"], partner["secret"], raw)
    if tamper == "signature":
        headers["X-Signature"] = "v1," + "A" * 44
    elif tamper == "body":
        raw = json.dumps({**body, "content": "改过的内容"}, ensure_ascii=False).encode()
    elif tamper == "stale":
        headers = signed_headers(partner["key_id"], partner["secret"], raw, timestamp=1_700_000_000)
    else:
        headers["X-Api-Key"] = "pk_unknown"
    assert_problem(api.post("/partner/v1/work-orders", content=raw, headers=headers), 401, code)
    # Nothing was created: the first valid sending of that order is new, not a duplicate.
    assert send(api, partner, body).status_code == 201


def test_an_order_outside_the_jurisdiction_is_forbidden(api, login):
    reply = api.post("/api/v1/partners", headers=login("fu.min"), json={
        "code": f"town-{uuid.uuid4().hex[:6]}", "name": "溪口镇投诉平台", "kind": "complaint_platform",
        "jurisdiction_org_id": "330688100", "scopes": ["work_orders:create"]})
    town_partner = reply.json()
    refused = send(api, town_partner, order(village_id="330688200201"))
    assert_problem(refused, 403, "OUT_OF_JURISDICTION")


def test_resolving_the_petition_calls_the_partner_back_signed(api, login, partner, receiver):
    receipt = send(api, partner, order()).json()
    pid = receipt["petition_id"]
    for who, action, body in [("tu.su", "accept", {}), ("ge.yu", "resolve", {"result": "已更换路灯"})]:
        reply = api.post(f"/api/v1/petitions/{pid}/{action}", json=body, headers=login(who))
        assert reply.status_code == 200, reply.text
    found = receiver.wait_for(lambda: [e for e in receiver.events_for(pid)
                                       if e[1]["type"] == "work_order.resolved"])
    headers, payload = found[0]
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    assert webhook_signature_ok(partner["secret"], headers, raw)
    assert payload["data"]["order_id"] == receipt["order_id"]
    assert payload["data"]["detail"] == "已更换路灯" and payload["data"]["status"] == "resolved"
    assert headers["webhook-id"].startswith("msg_")


def test_a_receiver_down_for_a_while_gets_the_callback_once_with_one_id(api, login, partner, receiver):
    receipt = send(api, partner, order()).json()
    pid = receipt["petition_id"]
    receiver.fail_only = lambda payload: payload["data"].get("petition_id") == pid
    receiver.fail_next = 3
    assert api.post(f"/api/v1/petitions/{pid}/accept", json={}, headers=login("tu.su")).status_code == 200
    receiver.wait_for(lambda: receiver.fail_next == 0 and [
        e for e in receiver.events_for(pid) if e[1]["type"] == "work_order.accepted"] and len(
        [e for e in receiver.events_for(pid) if e[1]["type"] == "work_order.accepted"]) >= 4)
    accepted = [e for e in receiver.events_for(pid) if e[1]["type"] == "work_order.accepted"]
    ids = {headers["webhook-id"] for headers, _ in accepted}
    assert len(accepted) == 4 and len(ids) == 1  # three refused attempts, one success, one id
    listed = api.get("/api/v1/deliveries", params={"partner_id": partner["partner"]["id"]},
                     headers=login("fu.min")).json()["deliveries"]
    delivery = next(d for d in listed if d["id"] == ids.pop())

    def succeeded():
        current = api.get(f"/api/v1/deliveries/{delivery['id']}", headers=login("fu.min")).json()
        return current if current["status"] == "succeeded" else None
    final = receiver.wait_for(succeeded)
    assert [a["status_code"] for a in final["attempts"]] == [503, 503, 503, 200]


def test_a_delivery_can_be_replayed_with_the_same_id(api, login, partner, receiver):
    listed = api.get("/api/v1/deliveries", params={"status": "succeeded"},
                     headers=login("fu.min")).json()["deliveries"]
    delivery = listed[0]
    before = sum(h["webhook-id"] == delivery["id"] for h, _ in receiver.received)
    replayed = api.post(f"/api/v1/deliveries/{delivery['id']}/replay", headers=login("fu.min"))
    assert replayed.status_code == 200 and replayed.json()["status"] == "pending"
    receiver.wait_for(lambda: sum(h["webhook-id"] == delivery["id"] for h, _ in receiver.received) > before)


def test_partners_are_for_admins_only(api, login):
    assert_problem(api.get("/api/v1/partners", headers=login("tu.su")), 403, "ROLE_REQUIRED")
