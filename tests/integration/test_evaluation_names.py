"""Leaderboards name every village and cadre, also for a village secretary who may not read them."""
from __future__ import annotations

from tests.integration.conftest import demo_rows
from tests.integration.test_evaluation_flow import board, eventually, this_month
from tests.integration.test_tasks_loop import (API, SHANGJIANG, TAOYUAN, act, by_village,
                                               dispatch, notice, person_id)

# A notice of its own (the catalogue refuses the same notice to a village twice in 30 days).
CHECKUPS = ("老年人免费体检通知", "镇卫生院定于下月中旬开展65周岁以上老年人免费体检，请各村提前把通知送到每位老人手里，"
            "安排好车辆接送，体检当天派两名村干部到现场维持秩序。")


def test_village_secretary_sees_the_other_villages_and_their_cadres_by_name(api, login):
    village_names = {r["id"]: r["name"] for r in demo_rows("org_units.csv")}
    task = dispatch(api, login, notice(*CHECKUPS, [TAOYUAN, SHANGJIANG]))
    work = {TAOYUAN: ("tu.su", "ge.yu"), SHANGJIANG: ("yan.fenying", "dong.yanmei")}
    for village, assignment in by_village(task).items():
        secretary, cadre = work[village]
        act(api, login, secretary, assignment, "sign")
        act(api, login, secretary, assignment, "allocate",
            {"assignee_ids": [person_id(api, login, village, cadre)]})
        act(api, login, cadre, assignment, "submit")
        act(api, login, "he.fangya", assignment, "accept", {"quality": 80})
    # 屠素 (桃源村) may not read 上蒋村 in the directory ...
    assert api.get(f"{API}/org-units/{SHANGJIANG}", headers=login("tu.su")).status_code in (403, 404)
    # ... yet the town's board she is shown names it, and every other village ranked with it
    month = this_month()
    villages = eventually(lambda: board(api, login, "villages", month, who="tu.su"),
                          lambda b: SHANGJIANG in {e["subject_id"] for e in b["entries"]})
    named = [e for e in villages["entries"] if e["subject_id"] in village_names]
    assert {TAOYUAN, SHANGJIANG} <= {e["subject_id"] for e in named}
    for entry in named:   # (other tests may rank made-up ids from events they publish)
        assert entry["subject_name"] == village_names[entry["subject_id"]], entry
        assert entry["org_name"] == village_names[entry["org_id"]], entry
    # Both cadres credited just now (董燕美 may already stand there from earlier work this month,
    # so waiting for her alone could read the board before this test's acceptances reach it)
    cadres = eventually(lambda: board(api, login, "cadres", month, who="tu.su"),
                        lambda b: {"董燕美", "葛宇"} <= {e["subject_name"] for e in b["entries"]})
    dong = next(e for e in cadres["entries"] if e["subject_name"] == "董燕美")
    assert dong["org_id"] == SHANGJIANG and dong["org_name"] == "上蒋村"
    people = {p["id"]: p["name"] for p in api.get(f"{API}/people", params={
        "org_id": "330688100", "include_subtree": "true", "page_size": 500},
        headers=login("he.fangya")).json()["people"]}
    shown = [e for e in cadres["entries"] if e["subject_id"] in people]
    assert len(shown) >= 2
    assert all(e["subject_name"] == people[e["subject_id"]] for e in shown), shown
