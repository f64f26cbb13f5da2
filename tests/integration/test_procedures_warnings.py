"""Early warnings: a too-short publicity is flagged for village, town and supervisors (read-only)."""
import datetime as dt

from tests.integration.conftest import assert_problem

VILLAGE = "330688100203"  # 竹溪村


def day(offset: int) -> str:
    return (dt.date.today() + dt.timedelta(days=offset)).isoformat()


def record(api, headers, pid, number, **body):
    reply = api.post(f"/api/v1/procedures/{pid}/steps/{number}/record", headers=headers, json=body)
    assert reply.status_code == 200, reply.text
    return reply.json()


def test_too_short_publicity_is_a_warning_supervisors_see_but_cannot_touch(api, login):
    secretary = login("yu.zhongming")
    pid = api.post("/api/v1/procedures", headers=secretary, json={
        "template_code": "sixiyi_liang_gongkai", "title": "竹溪村宅基地使用方案",
        "category": "homestead"}).json()["id"]
    for number, (size, present, yes) in enumerate([(5, 5, 5), (9, 9, 9), (20, 15, 15),
                                                   (25, 20, 18)], start=1):
        record(api, secretary, pid, number, held_on=day(-30 + number), body_size=size,
               present=present, votes_for=yes)
    short = record(api, secretary, pid, 5, channel="村务公开栏", start_on=day(-10),
                   end_on=day(-6))  # 5 days, under the 7-day minimum
    assert short["steps"][4]["status"] == "failed" and short["steps"][4]["record"]["days"] == 5
    assert [w["kind"] for w in short["warnings"]] == ["PUBLICITY_TOO_SHORT"]

    for supervisor in ("yu.zhenying", "qian.genwen"):
        seen = api.get("/api/v1/procedure-warnings", headers=login(supervisor), params={
            "kind": "PUBLICITY_TOO_SHORT", "status": "open", "page_size": 500})
        assert seen.status_code == 200
        mine = [w for w in seen.json()["warnings"] if w["procedure_id"] == pid]
        assert len(mine) == 1 and mine[0]["village_id"] == VILLAGE
        assert "少于规定的7天" in mine[0]["detail_zh"]
        flagged = api.get("/api/v1/procedures", headers=login(supervisor), params={
            "org_id": "330688", "with_warnings": "true", "page_size": 500})
        assert pid in {p["id"] for p in flagged.json()["procedures"]}
    town = api.get("/api/v1/procedure-warnings", headers=login("he.fangya"),
                   params={"org_id": "330688100", "status": "open", "page_size": 500})
    assert pid in {w["procedure_id"] for w in town.json()["warnings"]}

    write = api.post(f"/api/v1/procedures/{pid}/steps/5/record", headers=login("yu.zhenying"),
                     json={"channel": "公开栏", "start_on": day(-9), "end_on": day(-1)})
    assert_problem(write, 403, "READ_ONLY_ROLE")
    start = api.post("/api/v1/procedures", headers=login("qian.genwen"), json={
        "template_code": "sixiyi_liang_gongkai", "title": "越权启动", "village_id": VILLAGE})
    assert_problem(start, 403, "READ_ONLY_ROLE")

    fixed = record(api, secretary, pid, 5, channel="村务公开栏", start_on=day(-5),
                   end_on=day(1))
    assert fixed["current_step"] == 6 and fixed["open_warnings"] == 0
    resolved = api.get("/api/v1/procedure-warnings", headers=login("yu.zhenying"),
                       params={"procedure_id": pid})
    assert [w["status"] for w in resolved.json()["warnings"]] == ["resolved"]


def test_major_spending_without_procedure_is_flagged_for_the_town(api, login):
    reply = api.post("/api/v1/spendings", headers=login("shao.fa"), json={
        "title": "采购村集体冷库设备", "category": "collective_project",
        "amount_fen": 26_000_000, "spent_on": day(-2)})
    assert reply.status_code == 201, reply.text
    assert [w["kind"] for w in reply.json()["warnings"]] == ["MAJOR_MATTER_WITHOUT_PROCEDURE"]
    town = api.get("/api/v1/procedure-warnings", headers=login("he.fangya"), params={
        "kind": "MAJOR_MATTER_WITHOUT_PROCEDURE", "org_id": VILLAGE})
    assert reply.json()["warnings"][0]["id"] in {w["id"] for w in town.json()["warnings"]}
