"""揭榜挂帅 listings with bids and a public award, and a village's project request, via the gateway."""
from __future__ import annotations

import datetime as dt

from tests.integration.conftest import assert_problem

API = "/api/v1"
TOWN, TAOYUAN, SHANGJIANG = "330688100", "330688100201", "330688100202"


def test_listing_with_two_bids_and_a_public_award(api, login):
    closes = dt.datetime.now(dt.UTC) + dt.timedelta(days=7)
    posted = api.post(f"{API}/biddings", headers=login("he.fangya"), json={
        "title": "标准化村级档案室建设试点", "project": "建设一个标准化档案室并完成近十年档案整理",
        "resources": "镇党政综合办派员指导", "funds_fen": 5000000, "criteria": "有档案整理基础，村两委重视",
        "closes_at": closes.isoformat(), "points": 30})
    assert posted.status_code == 201, posted.text
    listing = posted.json()
    assert listing["state"] == "open" and listing["funds_fen"] == "5000000"

    first = api.post(f"{API}/biddings/{listing['id']}/bids", headers=login("tu.su"),
                     json={"statement": "本村已整理2015年以来的村务档案，有专人负责"})
    assert first.status_code == 201, first.text
    second = api.post(f"{API}/biddings/{listing['id']}/bids", headers=login("yan.fenying"),
                      json={"statement": "本村有闲置村部用房可改造为档案室，两委全力支持"})
    assert second.status_code == 201, second.text
    twice = api.post(f"{API}/biddings/{listing['id']}/bids", headers=login("tu.su"),
                     json={"statement": "再报一次"})
    assert_problem(twice, 409, "ALREADY_BID")
    by_cadre = api.post(f"{API}/biddings/{listing['id']}/bids", headers=login("ge.yu"),
                        json={"statement": "村干部不能代表村竞榜"})
    assert_problem(by_cadre, 403, "ROLE_REQUIRED")

    bids = {b["village_id"]: b["id"] for b in second.json()["bids"]}
    assert set(bids) == {TAOYUAN, SHANGJIANG}
    by_village = api.post(f"{API}/biddings/{listing['id']}/award", headers=login("tu.su"),
                          json={"bid_id": bids[TAOYUAN], "reason": "自己选自己"})
    assert_problem(by_village, 403, "ROLE_REQUIRED")
    due = dt.datetime.now(dt.UTC) + dt.timedelta(days=60)
    awarded = api.post(f"{API}/biddings/{listing['id']}/award", headers=login("he.fangya"), json={
        "bid_id": bids[TAOYUAN], "reason": "已有档案整理基础，见效最快",
        "milestones": [{"title": "完成选址和设计", "due_at": (due - dt.timedelta(days=40)).isoformat()},
                       {"title": "建成并通过验收", "due_at": due.isoformat()}]})
    assert awarded.status_code == 200, awarded.text
    result = awarded.json()
    assert result["state"] == "awarded" and result["winner_village_id"] == TAOYUAN
    assert result["award_reason"] == "已有档案整理基础，见效最快"

    public = api.get(f"{API}/biddings/{listing['id']}", headers=login("yan.fenying")).json()
    assert public["winner_village_id"] == TAOYUAN  # the losing village sees the award and reason
    task = api.get(f"{API}/tasks/{result['task_id']}", headers=login("he.fangya")).json()
    assert task["state"] == "dispatched" and task["target_village_ids"] == [TAOYUAN]
    assert [m["title"] for m in task["milestones"]] == ["完成选址和设计", "建成并通过验收"]
    inbox = api.get(f"{API}/assignments", params={"view": "inbox"}, headers=login("tu.su")).json()
    assert task["progress"][0]["assignment_id"] in {a["id"] for a in inbox["assignments"]}
    again = api.post(f"{API}/biddings/{listing['id']}/award", headers=login("he.fangya"),
                     json={"bid_id": bids[SHANGJIANG], "reason": "改主意"})
    assert_problem(again, 422, "INVALID_TRANSITION")


def test_village_project_request_reviewed_with_helping_offices(api, login):
    created = api.post(f"{API}/project-requests", headers=login("tu.su"), json={
        "title": "建设村爱心食堂", "description": "村里70岁以上独居老人40余人，吃饭难",
        "resources_needed": "懂建设、懂运营的人员；启动资金", "funds_fen": 20000000})
    assert created.status_code == 201, created.text
    request = created.json()
    assert request["state"] == "submitted" and request["village_id"] == TAOYUAN
    hidden = api.get(f"{API}/project-requests/{request['id']}", headers=login("yan.fenying"))
    assert_problem(hidden, 404, "PROJECT_REQUEST_NOT_FOUND")
    empty = api.post(f"{API}/project-requests/{request['id']}/review", headers=login("he.fangya"),
                     json={"decision": "approve"})
    assert_problem(empty, 400)
    reviewed = api.post(f"{API}/project-requests/{request['id']}/review", headers=login("he.fangya"),
                        json={"decision": "approve", "helping_org_ids": [f"{TOWN}B05", f"{TOWN}B09"],
                              "comment": "社会事务办协调运营团队，财政所协助资金"})
    assert reviewed.status_code == 200, reviewed.text
    assert reviewed.json()["state"] == "approved"
    assert reviewed.json()["helping_org_ids"] == [f"{TOWN}B05", f"{TOWN}B09"]
    listed = api.get(f"{API}/project-requests", params={"town_id": TOWN, "state": "approved"},
                     headers=login("dong.qing")).json()["project_requests"]
    assert request["id"] in {r["id"] for r in listed}
