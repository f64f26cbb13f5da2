"""Screening through the gateway: the seed's slag case, level mismatch, emergencies, duplicates, quotas."""
from __future__ import annotations

import asyncio
import datetime as dt
import time

import nats

from shared import bus
from tests.integration.conftest import assert_problem
from zhili.tasks.v1 import events_pb2 as task_events

TOWN, OFFICE = "330688100", "330688100B01"
TAOYUAN, ZHUXI, SHIMEN, SHEQU = ("330688100201", "330688100203",
                                            "330688100204", "330688100001")
DEADLINE = (dt.date.today() + dt.timedelta(days=14)).isoformat()


def publish_dispatch(stack, task_id, body, issuer=OFFICE):
    """What the tasks service publishes when a task goes out to its villages."""
    async def send():
        nc = await nats.connect(f"nats://127.0.0.1:{stack.config.nats_port}")
        try:
            js = nc.jetstream()
            await bus.ensure_service_stream(js, "tasks")
            event = task_events.TaskDispatched(
                task_id=task_id, title=body["title"], description=body.get("description", ""),
                matter_code=body.get("matter_code", ""), issuer_org_id=issuer, town_id=TOWN,
                assignments=[task_events.DispatchedAssignment(assignment_id=f"{task_id}-{v}",
                                                              village_id=v)
                             for v in body["target_org_ids"]])
            event.meta.event_id = f"event-{task_id}"
            event.dispatched_at.FromDatetime(dt.datetime.now(dt.UTC))
            await js.publish("tasks.task.dispatched", event.SerializeToString(),
                             headers={"Nats-Msg-Id": event.meta.event_id})
        finally:
            await nc.close()

    asyncio.run(send())


def screen(api, headers, body, **extra):
    return api.post("/api/v1/screenings", json=body, headers={**headers, **extra})


def screen_until(api, headers, body, code, timeout=20.0):
    """The dispatch event is consumed asynchronously: screen until its effect shows."""
    end = time.monotonic() + timeout
    while True:
        reply = screen(api, headers, body)
        assert reply.status_code == 201, reply.text
        if code in [r["code"] for r in reply.json()["reasons"]] or time.monotonic() > end:
            return reply.json()
        time.sleep(0.3)


def test_slag_dumping_is_rejected_and_goes_to_the_enforcement_team(api, login):
    body = {"title": "清理金溪村山坡工业渣土", "target_org_ids": [TAOYUAN], "deadline": DEADLINE,
            "description": "有群众反映你村山坡上有人倾倒工业渣土，请你村尽快组织人员清理干净，按时反馈。"}
    reply = screen(api, login("chen.qianmei"), body)
    assert reply.status_code == 201, reply.text
    result = reply.json()
    assert result["decision"] == "rejected" and result["reasons"][0]["code"] == "OFF_LIST"
    assert result["town_matches"][0]["department"] == "镇综合行政执法队"
    assert "综合行政执法队" in result["reasons"][0]["detail"]
    assert set(result) >= {"id", "decision", "matter_code", "reasons", "suggestions",
                           "town_matches", "duplicates"}
    english = api.get(f"/api/v1/screenings/{result['id']}",
                      headers={**login("chen.qianmei"), "Accept-Language": "en"}).json()
    assert "must not be pushed down to villages" in english["reasons"][0]["detail"]
    leader = api.get(f"/api/v1/screenings/{result['id']}", headers=login("he.fangya"))
    assert leader.status_code == 200 and leader.json()["decision"] == "rejected"


def test_a_town_code_pushed_to_a_village_is_a_level_mismatch(api, login):
    body = {"title": "秸秆禁烧", "matter_code": "T-ZH-012", "target_org_ids": [TAOYUAN],
            "deadline": DEADLINE, "description": "请各村落实秸秆禁烧巡查，发现焚烧及时劝阻。"}
    result = screen(api, login("he.fangya"), body).json()
    assert result["decision"] == "rejected"
    assert [r["code"] for r in result["reasons"]] == ["LEVEL_MISMATCH"]
    assert result["town_matches"][0]["code"] == "T-ZH-012"


def test_an_emergency_passes_under_other_and_its_compliance_review_is_closed(api, login):
    body = {"title": "寒潮道路除冰", "urgency": "emergency", "target_org_ids": [ZHUXI],
            "description": "今晚有冰冻，请各村立即组织人员对桥面、陡坡路段撒盐除冰，设置警示标志。"}
    result = screen(api, login("chen.qianmei"), body).json()
    assert (result["decision"], result["matter_code"]) == ("accepted", "OTHER")
    review_id = result["compliance_review_id"]
    listed = api.get("/api/v1/compliance-reviews", params={"status": "open"},
                     headers=login("dong.qing")).json()["reviews"]
    assert review_id in {r["id"] for r in listed}
    refused = api.post(f"/api/v1/compliance-reviews/{review_id}/close",
                       json={"outcome": "compliant"}, headers=login("chen.qianmei"))
    assert_problem(refused, 403, "ROLE_REQUIRED")
    no_note = api.post(f"/api/v1/compliance-reviews/{review_id}/close",
                       json={"outcome": "non_compliant"}, headers=login("dong.qing"))
    assert_problem(no_note, 400, "VALIDATION_FAILED")
    closed = api.post(f"/api/v1/compliance-reviews/{review_id}/close",
                      json={"outcome": "non_compliant", "note": "可提前安排，不属突发"},
                      headers=login("dong.qing"))
    assert closed.status_code == 200, closed.text
    assert (closed.json()["status"], closed.json()["outcome"]) == ("closed", "non_compliant")
    again = api.post(f"/api/v1/compliance-reviews/{review_id}/close",
                     json={"outcome": "compliant"}, headers=login("dong.qing"))
    assert_problem(again, 422, "INVALID_TRANSITION")
    stats = api.get("/api/v1/catalogue/statistics", headers=login("yu.zhenying")).json()
    office = {c["issuer_org_id"]: c for c in stats["compliance_by_issuer"]}[OFFICE]
    assert office["non_compliant"] >= 1 and stats["compliance_closed"] >= 1


def test_a_second_identical_dispatch_to_the_same_village_is_a_duplicate(api, login, stack):
    # A notice no other test sends: the stack is shared, and this dispatch stays in the index.
    body = {"title": "古树名木保护巡查", "target_org_ids": [SHEQU], "deadline": DEADLINE,
            "description": "请各村对辖区内古树名木开展一次巡查，核实挂牌和生长情况，发现枯枝病虫害及时上报镇农业农村办。"}
    first = screen(api, login("chen.qianmei"), body).json()
    assert first["decision"] == "accepted", first
    publish_dispatch(stack, "it-task-trees-1", {**body, "matter_code": first["matter_code"]})
    second = screen_until(api, login("chen.qianmei"), body, "DUPLICATE")
    assert second["decision"] == "rejected"
    assert [d["task_id"] for d in second["duplicates"]] == ["it-task-trees-1"]
    elsewhere = screen(api, login("chen.qianmei"), {**body, "target_org_ids": [TAOYUAN]}).json()
    assert elsewhere["decision"] == "accepted"


def test_quota_of_the_issuing_office_is_enforced(api, login, stack):
    set_quota = api.put("/api/v1/quotas", headers=login("fu.min"), json={
        "village_id": SHIMEN, "issuer_org_id": OFFICE, "period": "month", "max_tasks": 1})
    assert set_quota.status_code == 200, set_quota.text
    assert set_quota.json()["max_tasks"] == 1
    publish_dispatch(stack, "it-task-quota-1", {
        "title": "反诈宣传进村", "target_org_ids": [SHIMEN],
        "description": "请各村利用广播和微信群开展反诈宣传，月底前完成。"})
    body = {"title": "医保参保动员", "target_org_ids": [SHIMEN], "deadline": DEADLINE,
            "description": "请各村动员未参保村民参加城乡居民医保，按时完成缴费登记。"}
    try:
        result = screen_until(api, login("chen.qianmei"), body, "QUOTA_EXCEEDED")
        assert [r["code"] for r in result["reasons"]] == ["QUOTA_EXCEEDED"]
        quotas = api.get("/api/v1/quotas", headers=login("he.fangya")).json()["quotas"]
        assert any(q["village_id"] == SHIMEN for q in quotas)
    finally:  # the stack is shared with other tests: lift the limit again
        deleted = api.delete(f"/api/v1/quotas/{set_quota.json()['id']}", headers=login("fu.min"))
        assert deleted.status_code == 204
    assert screen(api, login("chen.qianmei"), body).json()["decision"] == "accepted"


def test_who_may_screen(api, login):
    body = {"title": "医保参保动员", "target_org_ids": [TAOYUAN], "deadline": DEADLINE,
            "description": "请各村动员未参保村民参加城乡居民医保。"}
    assert_problem(screen(api, login("yu.zhenying"), body), 403, "READ_ONLY_ROLE")
    assert_problem(screen(api, login("feng.zhenbin"), body), 403, "ROLE_REQUIRED")
    other_town = screen(api, login("chen.qianmei"), {**body, "target_org_ids": ["330688101201"]})
    assert_problem(other_town, 400, "VALIDATION_FAILED")
    bad_deadline = screen(api, login("chen.qianmei"), {**body, "deadline": "下周五"})
    assert_problem(bad_deadline, 400, "VALIDATION_FAILED")
