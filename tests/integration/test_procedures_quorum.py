"""A representatives' meeting without quorum: the step fails and the procedure cannot go on."""
import datetime as dt

from tests.integration.conftest import assert_problem


def day(offset: int) -> str:
    return (dt.date.today() + dt.timedelta(days=offset)).isoformat()


def record(api, headers, pid, number, **body):
    return api.post(f"/api/v1/procedures/{pid}/steps/{number}/record", headers=headers, json=body)


def test_representatives_without_two_thirds_block_the_procedure(api, login):
    secretary = login("yan.fenying")  # 上蒋村
    pid = api.post("/api/v1/procedures", headers=secretary, json={
        "template_code": "sixiyi_liang_gongkai", "title": "集体厂房出租方案",
        "category": "asset_disposal", "amount_fen": 3_000_000}).json()["id"]
    for number, (size, present, yes) in enumerate([(5, 4, 4), (9, 7, 6), (30, 20, 18)], start=1):
        reply = record(api, secretary, pid, number, held_on=day(-30 + number), body_size=size,
                       present=present, votes_for=yes)
        assert reply.json()["current_step"] == number + 1, reply.text
    # 30 representatives, 19 present: 19/30 < 2/3 — no quorum, whatever the votes say.
    failed = record(api, secretary, pid, 4, body="representative_assembly", held_on=day(-20),
                    body_size=30, present=19, votes_for=19)
    assert failed.status_code == 200, failed.text
    procedure = failed.json()
    step = procedure["steps"][3]
    assert step["status"] == "failed" and step["record"]["quorum_met"] is False
    assert "未达法定人数" in step["record"]["result_zh"]
    assert procedure["state"] == "blocked" and procedure["current_step"] == 4
    assert "未通过" in procedure["guidance_zh"]
    ahead = record(api, secretary, pid, 5, channel="公开栏", start_on=day(-10), end_on=day(-1))
    body = assert_problem(ahead, 422, "INVALID_TRANSITION")
    assert body["field"] == "number" and "第4步" in body["detail"]
    english = record(api, {**secretary, "Accept-Language": "en"}, pid, 6, channel="x",
                     start_on=day(-2), end_on=day(-1))
    assert "Step 4 failed" in assert_problem(english, 422, "INVALID_TRANSITION")["detail"]
    blocked = api.get("/api/v1/procedures", params={"org_id": "330688100", "state": "blocked",
                                                    "stage": "villager_resolution"},
                      headers=login("dong.qing"))
    assert pid in {p["id"] for p in blocked.json()["procedures"]}
    # Exactly two-thirds (20 of 30) is enough: the meeting is convened again and passes.
    retry = record(api, secretary, pid, 4, held_on=day(-12), body_size=30, present=20,
                   votes_for=11, votes_against=9)
    assert retry.json()["steps"][3]["record"]["attempt"] == 2
    assert retry.json()["state"] == "in_progress" and retry.json()["current_step"] == 5


def test_a_tie_among_those_present_does_not_pass(api, login):
    cadre = login("dong.yanmei")
    pid = api.post("/api/v1/procedures", headers=cadre, json={
        "template_code": "sixiyi_liang_gongkai", "title": "村集体收益分配"}).json()["id"]
    assert record(api, cadre, pid, 1, held_on=day(-5), body_size=5, present=5,
                  votes_for=3).json()["current_step"] == 2
    tie = record(api, cadre, pid, 2, held_on=day(-4), body_size=10, present=10, votes_for=5,
                 votes_against=5).json()
    assert tie["steps"][1]["status"] == "failed" and tie["steps"][1]["record"]["quorum_met"]
