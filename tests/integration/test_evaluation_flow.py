"""Evaluation through the gateway: the real task loop feeds ledgers and boards; closed periods freeze."""
from __future__ import annotations

import asyncio
import datetime as dt
import time

import nats

from services.evaluation import domain
from services.evaluation.tests import events as ev
from tests.integration.conftest import assert_problem
from tests.integration.test_tasks_loop import (SHANGJIANG, TAOYUAN, THIRD, TOWN, act, by_village,
                                               dispatch, notice, person_id)

API = "/api/v1"
# Notices of their own: the tasks tests dispatch theirs to the same villages on the same stack,
# and the catalogue refuses a second dispatch of the same notice to a village as a duplicate.
LAWYER = ("法律顾问坐班公示", "请各村在公开栏公布驻村法律顾问联系方式和坐班时间，为有需要的村民预约法律咨询，"
          "本月底前完成公示。")
FIRE_STATION = ("微型消防站器材检查", "请各村对微型消防站器材进行一次清点补齐，组织志愿消防队员开展一次实操训练，"
                "月底前报训练情况。")


def this_month() -> str:
    return domain.month_of(dt.datetime.now(dt.UTC))


def eventually(read, check, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if check(value):
            return value
        assert time.monotonic() < deadline, f"not reached in time: {value}"
        time.sleep(0.3)


def score(api, login, subject: str, period: str, who: str = "dong.qing") -> dict:
    reply = api.get(f"{API}/scores/{subject}", params={"period": period, "page_size": 500},
                    headers=login(who))
    return reply.json() if reply.status_code == 200 else {"lines": [], "status": reply.status_code}


def lines_of(body: dict, source_id: str) -> list[dict]:
    return [line for line in body["lines"] if line["source_id"] == source_id]


def board(api, login, name: str, period: str, who: str = "dong.qing", org: str = TOWN) -> dict:
    reply = api.get(f"{API}/leaderboards/{name}", params={"org_id": org, "period": period,
                                                          "page_size": 500}, headers=login(who))
    assert reply.status_code == 200, reply.text
    return reply.json()


def test_accepted_assignment_reaches_the_cadre_ledger_and_the_village_board(api, login):
    task = dispatch(api, login, notice(*LAWYER, [SHANGJIANG], points=12))
    [assignment] = by_village(task).values()
    act(api, login, "yan.fenying", assignment, "sign")
    cadre = person_id(api, login, SHANGJIANG, "dong.yanmei")
    act(api, login, "yan.fenying", assignment, "allocate", {"assignee_ids": [cadre]})
    act(api, login, "dong.yanmei", assignment, "submit")
    act(api, login, "dong.qing", assignment, "accept", {"quality": 85})
    month = this_month()
    mine = eventually(lambda: lines_of(score(api, login, cadre, month), assignment), bool)
    assert [(line["component"], line["points"]) for line in mine] == [("task", "10.20")]
    assert "分值12 × 质量85/100" in mine[0]["explanation"]
    assert mine[0]["source_type"] == "assignment" and mine[0]["rule_version"]
    # The cadre reads their own ledger too; the village's line points at the same assignment.
    own = score(api, login, cadre, month, who="dong.yanmei")
    assert lines_of(own, assignment)
    village = eventually(lambda: board(api, login, "villages", month),
                         lambda b: SHANGJIANG in {e["subject_id"] for e in b["entries"]})
    entry = next(e for e in village["entries"] if e["subject_id"] == SHANGJIANG)
    assert entry["rank"] >= 1 and float(entry["points"]) >= 10.2
    assert [e["rank"] for e in village["entries"]] == sorted(e["rank"] for e in village["entries"])
    # Boards are shown to the villages inside the town (晾晒); a stranger town's scope is refused.
    assert board(api, login, "villages", month, who="yan.fenying")["total"] >= 1
    assert_problem(api.get(f"{API}/leaderboards/villages", params={
        "org_id": "330688101", "period": month}, headers=login("yan.fenying")), 403)
    cadres = board(api, login, "cadres", month)
    assert cadre in {e["subject_id"] for e in cadres["entries"]}


def test_overdue_assignment_deducts(api, login):
    deadline = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=3)
    task = dispatch(api, login, notice(*FIRE_STATION, [THIRD], deadline=deadline))
    [assignment] = by_village(task).values()
    time.sleep(max(0.0, (deadline - dt.datetime.now(dt.UTC)).total_seconds()) + 0.5)
    assert api.post(f"{API}/deadline-sweeps", headers=login("fu.min")).status_code == 200
    month = this_month()
    lines = eventually(lambda: lines_of(score(api, login, THIRD, month), assignment), bool)
    assert [(line["component"], line["points"]) for line in lines] == [("overdue", "-2.00")]
    dashboard = api.get(f"{API}/dashboard", params={"org_id": TOWN, "period": month},
                        headers=login("dong.qing")).json()
    assert dashboard["tasks_overdue"] >= 1 and dashboard["tasks_total"] >= 1
    assert dashboard["top_villages"] and dashboard["bottom_villages"]


def publish(stack, items) -> None:
    async def run():
        nc = await nats.connect(f"nats://127.0.0.1:{stack.config.nats_port}")
        try:
            js = nc.jetstream()
            for subject, event in items:
                await ev.publish(js, subject, event)
        finally:
            await nc.close()
    asyncio.run(run())


def test_closed_period_stays_frozen_after_new_events(api, login, stack):
    past = domain.Period.parse(this_month()).previous().previous()  # ended, nobody else uses it
    at = dt.datetime.fromisoformat(f"{past}-15T02:00:00+00:00")
    publish(stack, [ev.accepted(f"frozen-{n}", village, [f"frozen-cadre-{n}"], 10, 60 + 10 * n,
                                at) for n, village in enumerate([TAOYUAN, SHANGJIANG, THIRD])])
    period = str(past)
    before = eventually(lambda: board(api, login, "villages", period),
                        lambda b: b["total"] >= 3)
    denied = api.post(f"{API}/periods/{period}/close", json={"org_id": TOWN},
                      headers=login("tu.su"))
    assert_problem(denied, 403)
    closed = api.post(f"{API}/periods/{period}/close", json={"org_id": TOWN},
                      headers=login("dong.qing"))
    assert closed.status_code == 200, closed.text
    assert closed.json()["ranked"]["villages"] == before["total"]
    publish(stack, [ev.accepted("frozen-late", TAOYUAN, ["frozen-cadre-0"], 100, 100, at)])
    late = eventually(lambda: lines_of(score(api, login, "frozen-cadre-0",
                                             str(domain.next_month(period))), "frozen-late"), bool)
    assert late[0]["event_month"] == period and late[0]["month"] == domain.next_month(period)
    after = board(api, login, "villages", period)
    assert after["frozen"] is True
    assert [(e["subject_id"], e["rank"], e["value"]) for e in after["entries"]] == \
        [(e["subject_id"], e["rank"], e["value"]) for e in before["entries"]]
    frozen_score = score(api, login, "frozen-cadre-0", period)
    assert frozen_score["frozen"] is True and frozen_score["total"] == "6.00"
    assert_problem(api.post(f"{API}/periods/{period}/close", json={"org_id": TOWN},
                            headers=login("dong.qing")), 409, "PERIOD_CLOSED")
    listed = api.get(f"{API}/periods", params={"org_id": TOWN}, headers=login("dong.qing")).json()
    assert period in {c["period"] for c in listed["closures"]}


def test_bad_evaluation_input_is_a_problem_not_a_500(api, login):
    manager = login("dong.qing")
    assert_problem(api.get(f"{API}/leaderboards/towns", params={"org_id": TOWN, "period": "2026"},
                           headers=manager), 400)
    assert_problem(api.get(f"{API}/scores/nobody", params={"period": "2026-13"},
                           headers=manager), 400)
    assert_problem(api.get(f"{API}/scores/nobody-at-all", params={"period": "2026-05"},
                           headers=manager), 404, "SUBJECT_NOT_FOUND")
    assert_problem(api.post(f"{API}/scoring-rules", json={"org_id": TOWN, "rules": {
        "task_weight": "-3"}}, headers=manager), 400, "INVALID_RULES")
    assert_problem(api.post(f"{API}/periods/2099-01/close", json={"org_id": TOWN},
                            headers=manager), 422, "PERIOD_NOT_ENDED")


def test_rules_democratic_entry_and_grid_bonus(api, login):
    manager = login("dong.qing")
    rules = api.get(f"{API}/scoring-rules", params={"org_id": TOWN}, headers=manager).json()
    assert rules["rules"]["task_weight"] and rules["in_force"]["label"]
    changed = api.post(f"{API}/scoring-rules", json={"org_id": TOWN, "rules": {
        "overdue_deduction": "3"}}, headers=manager)
    assert changed.status_code == 201, changed.text
    assert changed.json()["month"] == domain.next_month(this_month())
    assert changed.json()["rules"]["overdue_deduction"] == "3"
    still = api.get(f"{API}/scoring-rules", params={"org_id": TOWN}, headers=manager).json()
    assert still["rules"]["overdue_deduction"] == "2"      # this month keeps its rules
    secretary = person_id(api, login, TAOYUAN, "tu.su")
    entry = api.post(f"{API}/score-entries", json={
        "kind": "democratic", "subject_id": secretary, "subject_type": "cadre",
        "org_id": TAOYUAN, "month": this_month(), "value": "92.5", "note": "民主测评"},
        headers=manager)
    assert entry.status_code == 201, entry.text
    assert entry.json()["points"] == "18.50"
    index = api.get(f"{API}/lingyan-index/{TAOYUAN}", params={"period": this_month()},
                    headers=manager).json()
    assert [d["name"] for d in index["dimensions"]] == [
        "领导能力", "治理能力", "发展实绩", "群众口碑", "廉洁自律", "担当作为"]


def test_grid_worker_points_and_bonus_pool_paid_to_the_fen(api, login, stack):
    manager = login("dong.qing")
    grid = f"{TAOYUAN}G01"
    worker = person_id(api, login, grid, "jin.yi")
    now = dt.datetime.now(dt.UTC)
    publish(stack, [
        ev.petition("received", "grid-p-1", TAOYUAN, now, source="grid_report", grid_id=grid,
                    reporter=worker, status="received"),
        ev.petition("resolved", "grid-p-1", TAOYUAN, now, source="grid_report", grid_id=grid,
                    reporter=worker, resolved_level="village")])
    mine = eventually(lambda: score(api, login, worker, this_month()),
                      lambda s: len(lines_of(s, "grid-p-1")) == 2)
    assert sorted(line["component"] for line in lines_of(mine, "grid-p-1")) == ["problem",
                                                                                "resolved"]
    assert mine["subject_type"] == "grid_worker"
    pool = 1_000_001
    allocation = api.post(f"{API}/grid-bonus-allocations", json={
        "org_id": TOWN, "year": this_month()[:4], "pool_fen": pool,
        "adjustments": [{"subject_id": worker, "points": "1.5", "reason": "网格大、要素复杂"}]},
        headers=manager)
    assert allocation.status_code == 201, allocation.text
    body = allocation.json()
    assert body["allocated_fen"] == pool == sum(line["amount_fen"] for line in body["lines"])
    line = next(line for line in body["lines"] if line["subject_id"] == worker)
    assert line["grid_id"] == grid and line["elements"] > 0 and line["amount_fen"] > 0
    assert line["adjustment"] == "1.50"
    refused = api.post(f"{API}/grid-bonus-allocations", json={
        "org_id": TOWN, "year": this_month()[:4], "pool_fen": pool}, headers=login("jin.yi"))
    assert_problem(refused, 403)
