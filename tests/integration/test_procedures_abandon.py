"""撤回/终止 and manual warning resolution through the gateway (汪德's 下塘-like village, town 330688101)."""
import datetime as dt

from tests.integration.conftest import assert_problem

VILLAGE = "330688101202"
SECRETARY = "wang.de"


def day(offset: int) -> str:
    return (dt.date.today() + dt.timedelta(days=offset)).isoformat()


def start(api, headers, title, **extra):
    reply = api.post("/api/v1/procedures", headers=headers, json={
        "template_code": "sixiyi_liang_gongkai", "title": title, **extra})
    assert reply.status_code == 201, reply.text
    return reply.json()["id"]


def record(api, headers, pid, number, **body):
    return api.post(f"/api/v1/procedures/{pid}/steps/{number}/record", headers=headers, json=body)


def test_a_public_procedure_is_withdrawn_with_its_reason_for_residents_to_read(api, login):
    secretary = login(SECRETARY)
    pid = start(api, secretary, "村文化广场扩建", category="public_works", amount_fen=9_500_000)
    shown = api.post("/api/v1/disclosures", headers=secretary, json={
        "category": "village_affairs", "kind": "major", "title": "文化广场扩建议题公示",
        "content": "拟扩建文化广场，欢迎村民提出意见", "procedure_id": pid})
    assert shown.status_code == 201, shown.text
    assert record(api, secretary, pid, 1, held_on=day(-5), body_size=5, present=5,
                  votes_for=5).status_code == 200

    empty = api.post(f"/api/v1/procedures/{pid}/abandon", headers=secretary, json={"reason": ""})
    assert_problem(empty, 400)
    supervisor = api.post(f"/api/v1/procedures/{pid}/abandon", headers=login("yu.zhenying"),
                          json={"reason": "越权"})
    assert_problem(supervisor, 403, "READ_ONLY_ROLE")

    reason = "上级专项资金未获批准，经村两委研究撤回"
    keyed = {**secretary, "Idempotency-Key": f"abandon-{pid}"}
    first = api.post(f"/api/v1/procedures/{pid}/abandon", headers=keyed, json={"reason": reason})
    assert first.status_code == 200, first.text
    again = api.post(f"/api/v1/procedures/{pid}/abandon", headers=keyed, json={"reason": reason})
    assert again.status_code == 200 and again.json() == first.json()
    ended = api.get(f"/api/v1/procedures/{pid}", headers=login("han.de")).json()
    assert (ended["state"], ended["current_step"], ended["abandon_reason"]) == (
        "abandoned", 2, reason)
    assert [e["action"] for e in ended["timeline"]] == ["started", "step_passed", "abandoned"]
    assert ended["timeline"][-1]["note"] == reason

    later = record(api, secretary, pid, 2, held_on=day(-1), body_size=9, present=9, votes_for=9)
    assert_problem(later, 422, "INVALID_TRANSITION")

    public = api.get("/public/v1/disclosures", params={"village_id": VILLAGE})
    assert public.status_code == 200
    notices = [d for d in public.json()["disclosures"]
               if d["procedure_id"] == pid and "撤回终止公告" in d["title"]]
    assert len(notices) == 1 and reason in notices[0]["content"]

    listed = api.get("/api/v1/procedures", headers=login("han.de"), params={
        "org_id": VILLAGE, "state": "abandoned", "page_size": 500})
    assert pid in {p["id"] for p in listed.json()["procedures"]}


def test_after_the_representatives_decided_the_procedure_cannot_be_withdrawn(api, login):
    secretary = login(SECRETARY)
    pid = start(api, secretary, "村级道路硬化", category="public_works", amount_fen=7_000_000)
    for number, (size, present, yes) in enumerate([(5, 5, 5), (9, 9, 8), (30, 25, 22),
                                                   (28, 24, 20)], start=1):
        assert record(api, secretary, pid, number, held_on=day(-30 + number), body_size=size,
                      present=present, votes_for=yes).status_code == 200
    refused = api.post(f"/api/v1/procedures/{pid}/abandon", headers=secretary,
                       json={"reason": "资金不足"})
    body = assert_problem(refused, 422, "RESOLUTION_ALREADY_TAKEN")
    assert "决议已作出" in body["detail"]
    english = api.post(f"/api/v1/procedures/{pid}/abandon",
                       headers={**secretary, "Accept-Language": "en"}, json={"reason": "资金不足"})
    assert "resolution has been taken" in assert_problem(english, 422)["detail"]


def test_a_supervisor_resolves_a_misreported_quorum_with_a_note(api, login):
    secretary = login(SECRETARY)
    pid = start(api, secretary, "村卫生室修缮", amount_fen=300_000)
    flagged = record(api, secretary, pid, 1, held_on=day(-3), body_size=7, present=3,
                     votes_for=3, declared_result="passed").json()
    [warning] = flagged["warnings"]
    assert warning["kind"] == "QUORUM_MISREPORTED" and warning["status"] == "open"
    url = f"/api/v1/procedure-warnings/{warning['id']}/resolve"
    note = "县纪委核查：会议实到5人，登记时漏录2人，已责成村里补正记录"

    assert_problem(api.post(url, headers=secretary, json={"note": note}), 403, "ROLE_REQUIRED")
    assert_problem(api.post(url, headers=login("dong.qing"), json={"note": note}), 404,
                   "WARNING_NOT_FOUND")  # another town's deputy secretary
    assert_problem(api.post(url, headers=login("yu.zhenying"), json={}), 400)

    done = api.post(url, headers=login("yu.zhenying"), json={"note": note})
    assert done.status_code == 200, done.text
    resolved = done.json()
    assert (resolved["status"], resolved["resolution"], resolved["resolution_note"]) == (
        "resolved", "manual", note)
    assert [h["action"] for h in resolved["history"]] == ["raised", "resolved"]
    assert resolved["history"][1]["by"] == resolved["resolved_by"] != "system"

    twice = api.post(url, headers=login("han.de"), json={"note": "复核"})
    assert_problem(twice, 422, "WARNING_ALREADY_RESOLVED")
    open_now = api.get("/api/v1/procedure-warnings", headers=login("han.de"), params={
        "procedure_id": pid, "status": "open"})
    assert open_now.json()["warnings"] == []
    assert api.get(f"/api/v1/procedures/{pid}", headers=secretary).json()["open_warnings"] == 0
