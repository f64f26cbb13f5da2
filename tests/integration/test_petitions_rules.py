"""Petition rules through the gateway: holiday SLA, 督办, disputes, idempotent work orders, scope."""
from tests.integration.conftest import assert_problem

VILLAGE = "330688100201"        # 桃源村
OTHER_VILLAGE = "330688100202"  # 上蒋村


def work_order(api, login, external_id, content, **extra):
    reply = api.post("/api/v1/petitions", headers=login("fu.min"), json={
        "source": "hotline", "external_id": external_id, "content": content,
        "village_id": VILLAGE, "reporter_name": "李女士", "reporter_phone": "13700001234", **extra})
    assert reply.status_code == 201, reply.text
    return reply.json()


def test_a_work_order_filed_before_national_day_is_due_after_the_holiday(api, login):
    # Tue 2025-09-30 10:00 Beijing; 垃圾清运 allows 3 working days. 10-01…10-08 are holidays and
    # Sat 10-11 is a make-up working day: 14 h (09-30) + 24 h (10-09) + 24 h (10-10) + 10 h (10-11).
    petition = work_order(api, login, "12345-20250930-0001", "村里垃圾清运不及时，垃圾堆在路边",
                          category_code="P04-03", received_at="2025-09-30T02:00:00Z")
    assert petition["time_limit"] == "3 working_days"
    assert petition["due_at"] == "2025-10-11T02:00:00Z"  # counted in calendar days: 10-03
    swept = api.post("/api/v1/petition-overdue-sweeps", headers=login("he.fangya"))
    assert swept.status_code == 200, swept.text
    seen = api.get(f"/api/v1/petitions/{petition['id']}", headers=login("tu.su")).json()
    assert seen["overdue"] and seen["overdue_at"] > "2025-10-11T02:00:00Z"
    supervision = api.get("/api/v1/petitions", params={"view": "supervision", "page_size": 500},
                          headers=login("he.fangya")).json()["petitions"]
    assert petition["id"] in {p["id"] for p in supervision}
    urged = api.post(f"/api/v1/petitions/{petition['id']}/urge", json={"reason": "请尽快清运"},
                     headers=login("he.fangya"))
    assert urged.status_code == 200 and urged.json()["urge_count"] == 1
    again = api.post("/api/v1/petition-overdue-sweeps", headers=login("he.fangya")).json()
    assert petition["id"] not in again["petition_ids"]  # marked once
    timeline = api.get(f"/api/v1/petitions/{petition['id']}/timeline",
                       headers=login("tu.su")).json()["entries"]
    assert [e["action"] for e in timeline].count("overdue") == 1
    assert_problem(api.post(f"/api/v1/petitions/{petition['id']}/urge", json={},
                            headers=login("tu.su")), 403, "NOT_SUPERIOR")


def test_the_same_external_id_twice_is_one_petition(api, login):
    first = work_order(api, login, "12345-20261120-0042", "反映桃源村路口窨井盖破损")
    again = work_order(api, login, "12345-20261120-0042", "反映桃源村路口窨井盖破损")
    assert first["id"] == again["id"] and first["external_id"] == "12345-20261120-0042"
    listed = api.get("/api/v1/petitions", params={"org_id": VILLAGE, "page_size": 500},
                     headers=login("tu.su")).json()["petitions"]
    assert sum(p["external_id"] == "12345-20261120-0042" for p in listed) == 1


def test_a_village_cannot_read_another_villages_petition(api, login):
    petition = work_order(api, login, "12345-20261121-0003", "村里小广场晚上广场舞音响太吵")
    assert_problem(api.get(f"/api/v1/petitions/{petition['id']}", headers=login("yan.fenying")),
                   404, "PETITION_NOT_FOUND")
    assert_problem(api.post(f"/api/v1/petitions/{petition['id']}/accept", json={},
                            headers=login("yan.fenying")), 404, "PETITION_NOT_FOUND")
    theirs = api.get("/api/v1/petitions", params={"page_size": 500},
                     headers=login("yan.fenying")).json()["petitions"]
    assert all(p["village_id"] == OTHER_VILLAGE for p in theirs)
    assert_problem(api.get("/api/v1/petitions", params={"org_id": VILLAGE},
                           headers=login("yan.fenying")), 403, "OUT_OF_SCOPE")
    masked = api.get(f"/api/v1/petitions/{petition['id']}", headers=login("yu.zhenying")).json()
    assert masked["reporter_phone"] == "137****1234"
    assert api.get(f"/api/v1/petitions/{petition['id']}",
                   headers=login("tu.su")).json()["reporter_phone"] == "13700001234"


def test_a_dispute_with_two_mediation_sessions(api, login):
    created = api.post("/api/v1/petitions", headers=login("ge.yu"), json={
        "source": "mailbox", "content": "两家因宅前排水沟堵塞闹矛盾，邻居把石头堆在我家门口不让走",
        "village_id": VILLAGE, "reporter_name": "张大伯", "reporter_phone": "13600002222"})
    assert created.status_code == 201, created.text
    petition = created.json()
    assert (petition["kind"], petition["category_code"]) == ("dispute", "P01-01")
    pid = petition["id"]
    assert api.post(f"/api/v1/petitions/{pid}/accept", json={}, headers=login("tu.su")).status_code == 200
    sessions = [
        {"held_on": "2026-11-10", "mediators": ["屠素", "村调委会主任"], "parties": ["张大伯", "李家"],
         "outcome": "failed", "note": "双方各执一词", "expert_requested": True,
         "expert_field": "水利"},
        {"held_on": "2026-11-17", "mediators": ["屠素", "镇司法所调解员"], "parties": ["张大伯", "李家"],
         "outcome": "agreement", "note": "李家移走石头，共同疏通排水沟"},
    ]
    for body in sessions:
        reply = api.post(f"/api/v1/petitions/{pid}/mediation-sessions", json=body, headers=login("tu.su"))
        assert reply.status_code == 201, reply.text
    recorded = reply.json()["mediation_sessions"]
    assert [(s["held_on"], s["outcome"]) for s in recorded] == [
        ("2026-11-10", "failed"), ("2026-11-17", "agreement")]
    assert recorded[0]["expert_requested"] and recorded[0]["expert_field"] == "水利"
    bad = api.post(f"/api/v1/petitions/{pid}/mediation-sessions", headers=login("tu.su"), json={
        **sessions[0], "parties": ["只有一方"]})
    assert_problem(bad, 400)
    resolved = api.post(f"/api/v1/petitions/{pid}/resolve", json={"result": "调解达成协议并履行"},
                        headers=login("tu.su"))
    assert resolved.status_code == 200 and len(resolved.json()["mediation_sessions"]) == 2


def test_an_extension_pauses_the_clock_until_the_town_approves(api, login):
    petition = work_order(api, login, "12345-20261122-0009", "村里路灯坏了好几盏")
    pid, due = petition["id"], petition["due_at"]
    assert api.post(f"/api/v1/petitions/{pid}/accept", json={}, headers=login("tu.su")).status_code == 200
    paused = api.post(f"/api/v1/petitions/{pid}/extension-requests", headers=login("tu.su"),
                      json={"days": 3, "reason": "需等待灯具采购"})
    assert paused.status_code == 200, paused.text
    assert paused.json()["clock_paused"] and "due_at" not in paused.json()
    assert_problem(api.post(f"/api/v1/petitions/{pid}/extension-decision", json={"approve": True},
                            headers=login("tu.su")), 403, "NOT_SUPERIOR")
    approved = api.post(f"/api/v1/petitions/{pid}/extension-decision", json={"approve": True},
                        headers=login("he.fangya")).json()
    assert not approved["clock_paused"] and approved["due_at"] > due
    assert approved["time_limit"] == "8 working_days"
    assert [e["status"] for e in approved["extensions"]] == ["approved"]


def test_bad_petition_input_is_a_4xx_problem_and_stores_nothing(api, login):
    headers = login("tu.su")
    before = len(api.get("/api/v1/petitions", params={"page_size": 500}, headers=headers).json()["petitions"])
    body = {"source": "mailbox", "content": "路面破损", "village_id": VILLAGE}
    assert_problem(api.post("/api/v1/petitions", json={**body, "source": "pigeon"}, headers=headers), 400)
    assert_problem(api.post("/api/v1/petitions", json={**body, "received_at": "yesterday"},
                            headers=headers), 400)
    assert_problem(api.post("/api/v1/petitions", json={**body, "received_at": "2099-01-01T00:00:00Z"},
                            headers=headers), 400, "VALIDATION_FAILED")
    assert_problem(api.post("/api/v1/petitions", json={**body, "photo_urls": ["javascript:alert(1)"]},
                            headers=headers), 400, "VALIDATION_FAILED")
    assert_problem(api.post("/api/v1/petitions", json={**body, "source": "grid_report"},
                            headers=headers), 403, "ROLE_REQUIRED")
    assert_problem(api.post("/api/v1/petitions", json={**body, "village_id": "330688101201"},
                            headers=headers), 403, "OUT_OF_SCOPE")
    assert_problem(api.get("/api/v1/petitions", params={"view": "everything"}, headers=headers), 400)
    assert_problem(api.post("/api/v1/petitions/no-such-id/accept", json={}, headers=headers), 404,
                   "PETITION_NOT_FOUND")
    after = len(api.get("/api/v1/petitions", params={"page_size": 500}, headers=headers).json()["petitions"])
    assert after == before
