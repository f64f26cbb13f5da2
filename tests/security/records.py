"""The records the authorization matrix asks about, all in village 330688100201 (桃源村) of town
330688100 (溪口镇): a grid worker's report, a dispatched task and its assignment, and the directory's
own rows of that village."""
from __future__ import annotations

import datetime as dt
import uuid

TOWN, VILLAGE, GRID = "330688100", "330688100201", "330688100201G01"
MISSING = "01900000-0000-7000-8000-000000000000"  # a well-formed id of nothing


def _ok(reply, status=200) -> dict:
    assert reply.status_code == status, reply.text
    return reply.json()


def create_records(api, login) -> tuple[dict, dict]:
    """(values for placeholders in bodies, path ids by (first path segment, parameter name))."""
    petition = _ok(api.post("/api/v1/petitions", headers=login("jin.yi"), json={
        "source": "grid_report", "content": "桃源村村口路灯不亮，夜间行人容易摔倒，请尽快修复。",
        "element_code": "E0301"}), 201)
    deadline = (dt.datetime.now(dt.UTC) + dt.timedelta(days=20)).isoformat()
    task = _ok(api.post("/api/v1/tasks", headers=login("he.fangya"), json={
        "title": "林长巡林和护林员日志", "category": "town", "points": 20, "deadline": deadline,
        "description": "请各村林长落实巡林制度，护林员每天填写巡护日志，发现盗伐滥伐、毁林开垦的及时报告"
                       "林业站。每月5日前报上月日志。", "target_village_ids": [VILLAGE]}), 201)
    _ok(api.post(f"/api/v1/tasks/{task['id']}/submit", headers=login("he.fangya")))
    task = _ok(api.post(f"/api/v1/tasks/{task['id']}/approve", json={"comment": "同意"},
                        headers=login("dong.qing")))
    assignment = task["progress"][0]["assignment_id"]
    county = login("fu.min")
    household = _ok(api.get("/api/v1/households", params={"org_id": VILLAGE},
                            headers=county))["households"][0]["id"]
    person = next(p["id"] for p in _ok(api.get("/api/v1/people", params={
        "org_id": VILLAGE, "page_size": 100}, headers=county))["people"] if p["username"] == "tu.su")
    item = _ok(api.get("/api/v1/catalogue/items", params={"page_size": 1},
                       headers=county))["items"][0]["code"]
    values = {"village": VILLAGE, "town": TOWN, "grid": GRID, "household": household,
              "person": person, "task": task["id"], "petition": petition["id"], "item": item,
              "record": MISSING, "nonce": uuid.uuid4().hex[:6]}
    record_ids = {("petitions", "id"): petition["id"], ("tasks", "id"): task["id"],
                  ("assignments", "id"): assignment, ("households", "id"): household,
                  ("people", "id"): person, ("grids", "id"): GRID, ("org-units", "id"): VILLAGE,
                  ("lingyan-index", "village_id"): VILLAGE, ("yanzhen", "village_id"): VILLAGE,
                  ("scores", "subject_id"): VILLAGE, ("catalogue", "code"): item}
    return values, record_ids
