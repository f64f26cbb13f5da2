"""A 四议两公开 run for a bridge repair (越东村修桥-like), step by step through the gateway."""
import datetime as dt

from tests.integration.conftest import assert_problem

VILLAGE = "330688100201"  # 桃源村
TOWN = "330688100"


def day(offset: int) -> str:
    return (dt.date.today() + dt.timedelta(days=offset)).isoformat()


MEETINGS = [  # (body size, present, for, against, abstain) of steps 1-4
    (5, 5, 5, 0, 0),       # 党组织提议：支委会
    (9, 9, 8, 0, 1),       # 两委商议
    (42, 31, 29, 1, 1),    # 党员大会审议
    (35, 30, 27, 2, 1),    # 村民代表会议决议
]


def test_bridge_repair_runs_through_all_six_steps_and_passes(api, login):
    secretary = login("tu.su")
    started = api.post("/api/v1/procedures", headers=secretary, json={
        "template_code": "sixiyi_liang_gongkai", "title": "修复桃源桥（桥基损坏）",
        "category": "public_works", "amount_fen": 18_600_000,
        "description": "桥连接两个自然村并通往工业园区，桥基损坏，拟维修加固"})
    assert started.status_code == 201, started.text
    procedure = started.json()
    assert procedure["village_id"] == VILLAGE and procedure["town_id"] == TOWN
    assert procedure["major"] is True and procedure["amount_fen"] == 18_600_000
    assert [s["name"] for s in procedure["steps"]] == [
        "党组织提议", "两委商议", "党员大会审议", "村民(代表)会议决议", "决议公开", "实施结果公开"]
    assert "党组织提议" in procedure["guidance_zh"]
    pid = procedure["id"]
    for number, (size, present, yes, no, abstain) in enumerate(MEETINGS, start=1):
        reply = api.post(f"/api/v1/procedures/{pid}/steps/{number}/record", headers=secretary,
                         json={"held_on": day(-40 + 5 * number), "body_size": size,
                               "present": present, "votes_for": yes, "votes_against": no,
                               "abstentions": abstain, "minutes": f"第{number}次会议纪要",
                               "attachments": [f"https://files.example.cn/bridge/{number}.pdf"]})
        assert reply.status_code == 200, reply.text
        procedure = reply.json()
        step = procedure["steps"][number - 1]
        assert step["status"] == "passed" and step["record"]["quorum_met"], step
        assert procedure["current_step"] == number + 1
    assert "决议公开" in procedure["guidance_zh"] and "7天" in procedure["guidance_zh"]
    for number, (start, end) in ((5, (-18, -12)), (6, (-8, -2))):
        reply = api.post(f"/api/v1/procedures/{pid}/steps/{number}/record", headers=secretary,
                         json={"channel": "村务公开栏及村民微信群", "start_on": day(start),
                               "end_on": day(end)})
        assert reply.status_code == 200, reply.text
        procedure = reply.json()
        assert procedure["steps"][number - 1]["record"]["days"] == 7
    assert procedure["state"] == "completed" and procedure["current_step"] == 0
    assert procedure["open_warnings"] == 0 and procedure["warnings"] == []
    again = api.post(f"/api/v1/procedures/{pid}/steps/6/record", headers=secretary,
                     json={"channel": "公开栏", "start_on": day(-3), "end_on": day(3)})
    assert_problem(again, 422, "INVALID_TRANSITION")

    town = api.get("/api/v1/procedures", params={"org_id": TOWN, "state": "completed"},
                   headers=login("he.fangya"))
    assert pid in {p["id"] for p in town.json()["procedures"]}
    county = api.get(f"/api/v1/procedures/{pid}", headers=login("qian.genwen"))
    assert county.status_code == 200 and county.json()["state"] == "completed"
    other_town = api.get(f"/api/v1/procedures/{pid}", headers=login("han.de"))
    assert_problem(other_town, 404, "PROCEDURE_NOT_FOUND")


def test_a_cadre_of_another_village_cannot_record(api, login):
    started = api.post("/api/v1/procedures", headers=login("ge.yu"), json={
        "template_code": "sixiyi_liang_gongkai", "title": "村道路灯更换", "amount_fen": 2_000_000})
    assert started.status_code == 201 and started.json()["major"] is False
    reply = api.post(f"/api/v1/procedures/{started.json()['id']}/steps/1/record",
                     headers=login("yan.fenying"), json={
                         "held_on": day(-1), "body_size": 5, "present": 5, "votes_for": 5})
    assert_problem(reply, 404, "PROCEDURE_NOT_FOUND")
    bad = api.post(f"/api/v1/procedures/{started.json()['id']}/steps/1/record",
                   headers=login("ge.yu"), json={"held_on": day(-1), "body_size": 5,
                                                 "present": 6, "votes_for": 5})
    assert_problem(bad, 400, "VALIDATION_FAILED")
    future = api.post(f"/api/v1/procedures/{started.json()['id']}/steps/1/record",
                      headers=login("ge.yu"), json={"held_on": day(3), "body_size": 5,
                                                    "present": 5, "votes_for": 5})
    assert_problem(future, 400, "VALIDATION_FAILED")
