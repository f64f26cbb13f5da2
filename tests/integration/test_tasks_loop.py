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


STRAW = ("关于做好秋季秸秆禁烧工作的通知",
         "各村：当前晚稻陆续开镰，秸秆焚烧进入高发期。请各村落实村干部、网格员分片包干，每天下田头巡一遍，"
         "发现点火的第一时间劝阻扑灭，并用村广播宣传秸秆还田、打捆离田。巡查记录每周五报镇农业农村办。")
ELDERLY = ("高龄补贴年审",
           "各村民政联络员：今年高龄补贴年审开始了，80岁以上老人都要认证一次，卧床在家的请上门帮忙刷脸，"
           "发现老人去世或者户口迁走的马上报社会事务办。")
INSURANCE = ("2026年度居民医保集中征缴",
             "各村（社区）：2026年度城乡居民医保集中缴费已经开始，请对照未参保人员清单逐户上门动员，"
             "重点是外出务工人员和新生儿，老年人不会手机缴费的帮忙操作。")


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
        "text": "第一网格已巡查三遍，劝阻点火两起", "percent": 60,
        "photo_urls": ["https://files.example.cn/patrol/1.jpg"]})
    act(api, login, "ge.yu", mine, "submit", {"note": "巡查台账已报农业农村办"})
    accepted = act(api, login, "he.fangya", mine, "accept", {"quality": 90, "comment": "巡查到位"})
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
    act(api, login, "dong.yanmei", assignment, "progress", {"text": "已认证32人", "percent": 100})
    act(api, login, "dong.yanmei", assignment, "submit")
    missing = api.post(f"{API}/assignments/{assignment}/send-back", json={"note": " "},
                       headers=login("dong.qing"))
    assert_problem(missing, 400)
    back = act(api, login, "dong.qing", assignment, "send-back", {"note": "卧床老人未上门认证，请补齐"})
    assert back["state"] == "sent_back"
    secretary_inbox = api.get(f"{API}/assignments", params={"view": "inbox"},
                              headers=login("yan.fenying")).json()["assignments"]
    assert assignment in {a["id"] for a in secretary_inbox}
    act(api, login, "dong.yanmei", assignment, "progress", {"text": "已上门认证卧床老人3人", "percent": 100})
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
    urged = act(api, login, "dong.qing", assignment, "urge", {"note": "医保征缴已超期，请今日签收办理"})
    assert urged["urge_count"] == 1 and urged["timeline"][-1]["action"] == "urge"
    assert urged["timeline"][-1]["note"] == "医保征缴已超期，请今日签收办理"


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
