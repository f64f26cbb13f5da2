"""The top-down loop through the gateway with the demo county's people (溪口镇 and its villages)."""
from __future__ import annotations

import datetime as dt
import time

from tests.integration.conftest import assert_problem

TOWN = "330688100"
TAOYUAN, SHANGJIANG, THIRD = "330688100201", "330688100202", "330688100203"
API = "/api/v1"


def notice(title: str, description: str, villages: list[str], **extra) -> dict:
    deadline = extra.pop("deadline", dt.datetime.now(dt.UTC) + dt.timedelta(days=20))
    return {"title": title, "description": description, "category": "town",
            "target_village_ids": villages, "points": 20, "deadline": deadline.isoformat(),
            "co_handler_org_ids": [f"{TOWN}B03"], **extra}


# Notices the demo catalogue accepts (bench/screening/notices.csv), each dispatched once per stack so
# the catalogue's duplicate check (same village, 30 days) does not refuse them.
STRAW = ("林长巡林和护林员日志",
         "请各村林长落实巡林制度，护林员每天填写巡护日志，发现盗伐滥伐、毁林开垦的及时报告林业站。"
         "每月5日前报上月日志。")
ELDERLY = ("松线虫病枯死松树普查",
           "请各村协助林业站对山上枯死松树进行普查标记，配合做好疫木除治，严防疫木私自下山流失。")
INSURANCE = ("田长巡田",
             "请各村田长和网格员每周巡田不少于一次，发现占用耕地建房、乱堆乱放、挖土取土的及时制止并上报，"
             "巡田记录月底汇总。")


def dispatch(api, login, body: dict) -> dict:
    created = api.post(f"{API}/tasks", json=body, headers=login("he.fangya"))
    assert created.status_code == 201, created.text
    task = created.json()
    assert task["state"] == "draft"
    screened = api.post(f"{API}/tasks/{task['id']}/submit", headers=login("he.fangya"))
    assert screened.status_code == 200, screened.text
    assert screened.json()["state"] == "screened", screened.json()["screening"]
    assert screened.json()["screening"]["decision"] in ("accepted", "needs_review")
    approved = api.post(f"{API}/tasks/{task['id']}/approve", json={"comment": "同意派发"},
                        headers=login("dong.qing"))
    assert approved.status_code == 200, approved.text
    return approved.json()


def person_id(api, login, village: str, username: str) -> str:
    people = api.get(f"{API}/people", params={"org_id": village, "page_size": 500},
                     headers=login("he.fangya")).json()["people"]
    return next(p["id"] for p in people if p["username"] == username)


def act(api, login, who: str, assignment_id: str, action: str, body: dict | None = None) -> dict:
    reply = api.post(f"{API}/assignments/{assignment_id}/{action}", json=body or {},
                     headers=login(who))
    assert reply.status_code == 200, reply.text
    return reply.json()


def by_village(task: dict) -> dict[str, str]:
    return {p["village_id"]: p["assignment_id"] for p in task["progress"]}


def test_draft_screen_approve_dispatch_sign_allocate_progress_submit_accept(api, login):
    task = dispatch(api, login, notice(*STRAW, [TAOYUAN, SHANGJIANG, THIRD]))
    assert task["state"] == "dispatched" and task["matter_code"]
    assignments = by_village(task)
    assert set(assignments) == {TAOYUAN, SHANGJIANG, THIRD}
    mine = assignments[TAOYUAN]
    inbox = api.get(f"{API}/assignments", params={"view": "inbox"}, headers=login("tu.su")).json()
    assert mine in {a["id"] for a in inbox["assignments"]}

    refused = api.post(f"{API}/assignments/{mine}/sign", json={}, headers=login("ge.yu"))
    assert_problem(refused, 403, "ROLE_REQUIRED")  # a cadre may not sign: only the secretary
    other = api.post(f"{API}/assignments/{mine}/sign", json={}, headers=login("yan.fenying"))
    assert_problem(other, 404, "ASSIGNMENT_NOT_FOUND")  # another village does not even see it
    act(api, login, "tu.su", mine, "sign", {"note": "已签收"})
    again = api.post(f"{API}/assignments/{mine}/sign", json={}, headers=login("tu.su"))
    assert_problem(again, 422, "INVALID_TRANSITION")

    cadre, grid = person_id(api, login, TAOYUAN, "ge.yu"), person_id(api, login, TAOYUAN, "jin.yi")
    act(api, login, "tu.su", mine, "allocate", {"assignee_ids": [cadre, grid], "note": "分片包干"})
    worker_inbox = api.get(f"{API}/assignments", params={"view": "inbox"}, headers=login("jin.yi"))
    assert mine in {a["id"] for a in worker_inbox.json()["assignments"]}
    act(api, login, "jin.yi", mine, "progress", {
        "text": "第一网格已巡山三遍，发现毁林开垦一处已报林业站", "percent": 60,
        "photo_urls": ["https://files.example.cn/patrol/1.jpg"]})
    act(api, login, "ge.yu", mine, "submit", {"note": "巡护日志已报林业站"})
    accepted = act(api, login, "he.fangya", mine, "accept", {"quality": 90, "comment": "巡护到位"})
    assert accepted["state"] == "accepted" and accepted["quality"] == 90
    assert accepted["points_earned"] == 18.0  # 20 points × 90 / 100
    assert [e["action"] for e in accepted["timeline"]] == [
        "dispatched", "sign", "allocate", "progress", "submit", "accept"]
    assert accepted["timeline"][3]["photo_urls"] == ["https://files.example.cn/patrol/1.jpg"]

    rated = act(api, login, "tu.su", mine, "rate", {"reasonable": True, "burden": "moderate"})
    assert rated["rated"] and rated["rating_burden"] == "moderate"
    twice = api.post(f"{API}/assignments/{mine}/rate", json={"reasonable": False, "burden": "heavy"},
                     headers=login("tu.su"))
    assert_problem(twice, 422, "ALREADY_RATED")

    progress = api.get(f"{API}/tasks/{task['id']}", headers=login("he.fangya")).json()["progress"]
    assert {p["village_id"]: p["state"] for p in progress} == {
        TAOYUAN: "accepted", SHANGJIANG: "pending", THIRD: "pending"}
    village_view = api.get(f"{API}/tasks/{task['id']}", headers=login("tu.su")).json()["progress"]
    assert [p["village_id"] for p in village_view] == [TAOYUAN]  # a village sees its own only


def test_send_back_and_resubmission(api, login):
    task = dispatch(api, login, notice(*ELDERLY, [SHANGJIANG]))
    [assignment] = by_village(task).values()
    act(api, login, "yan.fenying", assignment, "sign")
    cadre = person_id(api, login, SHANGJIANG, "dong.yanmei")
    act(api, login, "yan.fenying", assignment, "allocate", {"assignee_ids": [cadre]})
    act(api, login, "dong.yanmei", assignment, "progress", {"text": "已标记枯死松树32株", "percent": 100})
    act(api, login, "dong.yanmei", assignment, "submit")
    missing = api.post(f"{API}/assignments/{assignment}/send-back", json={"note": " "},
                       headers=login("dong.qing"))
    assert_problem(missing, 400)
    back = act(api, login, "dong.qing", assignment, "send-back", {"note": "后山片区未普查，请补齐"})
    assert back["state"] == "sent_back"
    secretary_inbox = api.get(f"{API}/assignments", params={"view": "inbox"},
                              headers=login("yan.fenying")).json()["assignments"]
    assert assignment in {a["id"] for a in secretary_inbox}
    act(api, login, "dong.yanmei", assignment, "progress", {"text": "后山片区已补查标记11株", "percent": 100})
    act(api, login, "dong.yanmei", assignment, "submit")
    accepted = act(api, login, "dong.qing", assignment, "accept", {"quality": 75})
    assert accepted["points_earned"] == 15.0
    actions = [e["action"] for e in accepted["timeline"]]
    assert actions.count("submit") == 2 and "send_back" in actions


def test_overdue_assignment_and_urge(api, login):
    deadline = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=4)
    task = dispatch(api, login, notice(*INSURANCE, [THIRD], deadline=deadline))
    [assignment] = by_village(task).values()
    time.sleep(max(0.0, (deadline - dt.datetime.now(dt.UTC)).total_seconds()) + 0.5)
    denied = api.post(f"{API}/deadline-sweeps", headers=login("he.fangya"))
    assert_problem(denied, 403, "ROLE_REQUIRED")
    swept = api.post(f"{API}/deadline-sweeps", headers=login("fu.min"))
    assert swept.status_code == 200, swept.text
    found = api.get(f"{API}/assignments/{assignment}", headers=login("he.fangya")).json()
    assert found["overdue"] is True
    overdue = api.get(f"{API}/assignments", params={"view": "overdue", "town_id": TOWN},
                      headers=login("he.fangya")).json()["assignments"]
    assert assignment in {a["id"] for a in overdue}
    again = api.post(f"{API}/deadline-sweeps", headers=login("fu.min")).json()
    after = api.get(f"{API}/assignments/{assignment}", headers=login("he.fangya")).json()
    assert [e["action"] for e in after["timeline"]].count("overdue") == 1, again

    read_only = api.post(f"{API}/assignments/{assignment}/urge", json={"note": "请尽快办理"},
                         headers=login("yu.zhenying"))
    assert_problem(read_only, 403, "READ_ONLY_ROLE")
    urged = act(api, login, "dong.qing", assignment, "urge", {"note": "巡田已超期，请今日签收办理"})
    assert urged["urge_count"] == 1 and urged["timeline"][-1]["action"] == "urge"
    assert urged["timeline"][-1]["note"] == "巡田已超期，请今日签收办理"


def test_rejected_review_and_major_task_rules(api, login):
    body = notice(*ELDERLY, [TAOYUAN], category="major")
    created = api.post(f"{API}/tasks", json=body, headers=login("he.fangya")).json()
    api.post(f"{API}/tasks/{created['id']}/submit", headers=login("he.fangya"))
    by_leader = api.post(f"{API}/tasks/{created['id']}/approve", json={}, headers=login("he.fangya"))
    assert_problem(by_leader, 403, "ROLE_REQUIRED")  # review is the deputy secretary's
    no_decision = api.post(f"{API}/tasks/{created['id']}/approve", json={}, headers=login("dong.qing"))
    assert_problem(no_decision, 400, "COLLECTIVE_DECISION_REQUIRED")
    returned = api.post(f"{API}/tasks/{created['id']}/return", json={"comment": "请写明完成标准"},
                        headers=login("dong.qing"))
    assert returned.status_code == 200 and returned.json()["state"] == "draft"
    assert returned.json()["review_comment"] == "请写明完成标准"
    listed = api.get(f"{API}/tasks", params={"state": "draft", "town_id": TOWN},
                     headers=login("dong.qing")).json()["tasks"]
    assert created["id"] in {t["id"] for t in listed}


def test_catalogue_down_is_a_503_and_the_draft_is_kept(api, login, stack):
    created = api.post(f"{API}/tasks", json=notice(*STRAW, [THIRD]), headers=login("he.fangya"))
    task_id = created.json()["id"]
    stack.stop("catalogue")
    try:
        reply = api.post(f"{API}/tasks/{task_id}/submit", headers=login("he.fangya"))
    finally:
        stack.start_service("catalogue")
    body = assert_problem(reply, 503, "UNAVAILABLE")
    assert "草稿已保存" in body["detail"]
    kept = api.get(f"{API}/tasks/{task_id}", headers=login("he.fangya")).json()
    assert kept["state"] == "draft" and kept["title"] == STRAW[0]
