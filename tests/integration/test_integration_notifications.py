"""Robot-webhook notifications (钉钉/企业微信-style) through the real stack, to a loopback robot."""
from __future__ import annotations

import json

import pytest

from tests.integration.test_integration_deliveries import ScriptedReceiver, act, report, wait_for

ADMIN = "fu.min"
TOWN = "330688100"
ENFORCEMENT = f"{TOWN}B07"  # 镇综合行政执法队 (wei.yayi)


@pytest.fixture
def robot():
    running = ScriptedReceiver()
    yield running
    running.close()


@pytest.fixture
def robot_of(api, login, robot):
    """robot_of(username, org_id) → the person's id, with their alerts going to the robot; reset after."""
    set_for = []

    def configure(username: str, org_id: str) -> str:
        reply = api.put("/api/v1/notification-preferences", headers=login(username), json={
            "org_id": org_id, "channels": ["webhook"], "webhook_url": robot.url})
        assert reply.status_code == 200, reply.text
        set_for.append((username, org_id))
        return reply.json()["person_id"]
    yield configure
    for username, org_id in set_for:
        api.put("/api/v1/notification-preferences", headers=login(username),
                json={"org_id": org_id, "channels": []})


def notifications(api, login, username: str) -> list[dict]:
    reply = api.get("/api/v1/notifications", params={"page_size": 100}, headers=login(username))
    assert reply.status_code == 200, reply.text
    return reply.json()["notifications"]


def robot_texts(robot: ScriptedReceiver) -> list[str]:
    found = []
    for _, headers, body in list(robot.requests):
        message = json.loads(body)
        assert headers["content-type"] == "application/json" and message["msgtype"] == "text"
        found.append(message["text"]["content"])
    return found


def test_a_petition_assigned_to_an_office_reaches_its_robot(api, login, robot, robot_of):
    robot_of("wei.yayi", ENFORCEMENT)
    pid = report(api, login, "jin.yi", "有人在桃源村河边违法搭建彩钢棚")
    act(api, login, "tu.su", pid, "accept")
    act(api, login, "tu.su", pid, "escalate", reason="涉及违法建设，村里无执法权")
    act(api, login, "he.fangya", pid, "assign", target_org_id=ENFORCEMENT)
    expected = f"【新的诉求交办】诉求 {pid} 已交由本单位办理，请及时处理。"
    wait_for(lambda: expected in robot_texts(robot), what="the robot message")
    sent = wait_for(lambda: [n for n in notifications(api, login, "wei.yayi")
                             if n["kind"] == "petition_assigned" and pid in n["body"]
                             and n["status"] == "sent"], what="notification marked sent")
    assert sent[0]["channel"] == "webhook" and sent[0]["attempt_count"] == 1
    assert robot_texts(robot).count(expected) == 1


def test_a_robot_down_twice_gets_the_message_on_the_third_attempt(api, login, robot, robot_of):
    person_id = robot_of("ge.yu", "330688100201")
    robot.script.extend([(500, {}, b"busy"), (502, {}, b"bad gateway")])
    reply = api.post("/api/v1/notifications", headers=login(ADMIN), json={
        "person_ids": [person_id], "kind": "custom", "title": "防汛值班提醒", "body": "今晚请到村委会值班",
        "urgent": True})
    assert reply.status_code == 201 and len(reply.json()["notification_ids"]) == 1, reply.text
    sent = wait_for(lambda: [n for n in notifications(api, login, "ge.yu")
                             if n["title"] == "防汛值班提醒" and n["status"] == "sent"], what="sent")
    assert sent[0]["attempt_count"] == 3
    assert robot_texts(robot) == ["【防汛值班提醒】今晚请到村委会值班"] * 3


def test_a_robot_refusing_with_an_errcode_is_not_counted_as_sent(api, login, robot, robot_of):
    """DingTalk/WeCom answer HTTP 200 with errcode ≠ 0 when they refuse a message."""
    person_id = robot_of("jin.yi", "330688100201G01")
    robot.default_body = b'{"errcode":310000,"errmsg":"keywords not in content"}'
    reply = api.post("/api/v1/notifications", headers=login(ADMIN), json={
        "person_ids": [person_id], "kind": "custom", "title": "巡查提醒", "body": "请完成本周网格巡查",
        "urgent": True})
    assert reply.status_code == 201, reply.text
    failed = wait_for(lambda: [n for n in notifications(api, login, "jin.yi")
                               if n["title"] == "巡查提醒" and n["status"] == "failed"], what="failed")
    assert failed[0]["attempt_count"] == 5  # retried like any failure, then given up
    assert "310000" in failed[0]["last_error"] and "keywords" in failed[0]["last_error"]
    assert len(robot_texts(robot)) == 5
