"""Evaluation with its real database and NATS: events in, ledgers and boards out, exactly once."""
from __future__ import annotations

import asyncio
import datetime as dt
import random
import time

import grpc
import nats
import pytest
from sqlalchemy import select, text

from services.evaluation import subscribers
from services.evaluation.models import infra, ledger_lines, subject_stats
from services.evaluation.service import boards
from services.evaluation.tests import events as ev
from shared import migrate
from shared.auth import TokenIssuer, generate_keys
from shared.errors import from_rpc_error
from shared.outbox import Database
from stack.processes import Stack, StackConfig
from stack.testing import create_database
from zhili.evaluation.v1 import evaluation_pb2 as pb
from zhili.evaluation.v1 import evaluation_pb2_grpc

UTC = dt.UTC
V1, V2, V3 = "330688100201", "330688100202", "330688100203"
SEPT = dt.datetime(2026, 9, 10, 2, 0, tzinfo=UTC)
OCT = dt.datetime(2026, 10, 12, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def evaluation(backend, request, tmp_path_factory):
    urls = {}
    if backend == "postgresql":
        urls["evaluation"] = create_database(request.getfixturevalue("postgres_admin_url"), "ev")
    config = StackConfig.ephemeral(tmp_path_factory.mktemp("evaluation"), urls)
    config.extra_env["LEADERBOARD_REFRESH_SECONDS"] = "0"
    running = Stack(config)
    generate_keys(config.data_dir / "keys")
    migrate.upgrade("evaluation", config.database_url("evaluation"))
    try:
        running.start_nats()
        running.start_service("evaluation")
        yield running
    finally:
        running.stop_all()


@pytest.fixture(scope="module")
def stub(evaluation):
    with grpc.insecure_channel(evaluation.config.grpc_addr("evaluation")) as channel:
        yield evaluation_pb2_grpc.EvaluationServiceStub(channel)


def token(evaluation, roles=("deputy_secretary",), org="330688100", subject="dong.qing"):
    keys = evaluation.config.data_dir / "keys"
    issuer = TokenIssuer.from_files(keys / "jwt_private.pem", (keys / "jwt_key_id").read_text(),
                                    issuer="zhili-directory", audience="zhili",
                                    ttl=dt.timedelta(hours=1))
    value = issuer.issue(subject=subject, name=subject, roles=list(roles), org_id=org,
                         scope_org_id=org)
    return [("authorization", f"Bearer {value}")]


def publish_all(evaluation, items, msg_ids=None):
    async def run():
        nc = await nats.connect(f"nats://127.0.0.1:{evaluation.config.nats_port}")
        try:
            js = nc.jetstream()
            for index, (subject, event) in enumerate(items):
                await ev.publish(js, subject, event, msg_id=(msg_ids or {}).get(index, ""))
        finally:
            await nc.close()
    asyncio.run(run())


def eventually(read, check, timeout=30.0):
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = read()
            if check(value):
                return value
        except grpc.RpcError as error:
            if from_rpc_error(error).code != "SUBJECT_NOT_FOUND":
                raise
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.2)


def score(stub, evaluation, subject, period="2026-09", org="330688100"):
    return stub.GetScore(pb.GetScoreRequest(subject_id=subject, period=period,
                                            page=dict(page_size=100)),
                         metadata=token(evaluation, org=org))


def test_accepted_assignment_books_points_for_village_and_cadres(evaluation, stub):
    publish_all(evaluation, [ev.accepted("a-1", V1, ["cadre-1", "cadre-2"], 10, 95, SEPT),
                             ev.overdue("a-2", V1, ["cadre-1"], 5, SEPT)])
    village = eventually(lambda: score(stub, evaluation, V1), lambda s: len(s.lines) == 2)
    assert village.total == "7.50" and village.subject_type == "village"
    assert village.components == {"task": "9.50", "overdue": "-2.00"}
    task_line = next(line for line in village.lines if line.component == "task")
    assert task_line.source_type == "assignment" and task_line.source_id == "a-1"
    assert task_line.rule_version == "default@v0" and "分值10 × 质量95/100" in task_line.explanation
    cadre = eventually(lambda: score(stub, evaluation, "cadre-1"), lambda s: len(s.lines) == 2)
    assert cadre.total == "2.75"          # half of 9.50 = 4.75, minus 2.00 overdue
    assert score(stub, evaluation, "cadre-2").total == "4.75"


def test_duplicates_and_out_of_order_events_change_nothing_twice(evaluation, stub):
    first = ev.accepted("a-3", V2, ["cadre-3"], 8, 50, SEPT)
    resolved = ev.petition("resolved", "p-1", V2, SEPT, resolved_level="village")
    received = ev.petition("received", "p-1", V2, SEPT - dt.timedelta(days=1), status="received")
    followed = ev.petition("followed_up", "p-1", V2, SEPT + dt.timedelta(days=1),
                           status="followed_up", satisfaction="satisfied")
    # Follow-up and resolution before the petition was received; the accepted assignment
    # published twice under another message id (so JetStream does not drop it).
    publish_all(evaluation, [followed, resolved, first, received, first],
                msg_ids={4: "another-message-id"})
    village = eventually(lambda: score(stub, evaluation, V2),
                         lambda s: {"task", "petition"} <= set(s.components))
    time.sleep(1.0)  # let the duplicate arrive
    village = score(stub, evaluation, V2)
    assert village.components == {"task": "4.00", "petition": "1.00"}
    assert village.indicators["resolve_rate"] == "100.00"
    assert village.indicators["satisfaction_rate"] == "100.00"
    dashboard = stub.GetDashboard(pb.GetDashboardRequest(org_id="330688100", period="2026-09"),
                                  metadata=token(evaluation))
    assert dashboard.petitions_by_status == {"followed_up": 1}
    assert dashboard.resolve_rate == "100.00" and dashboard.resolved_in_village_share == "100.00"


def test_a_dashboard_read_again_shows_what_happened_since(evaluation, stub):
    """Dashboards are kept between reads; any event in between must show on the next read."""
    town, july = "330688104", dt.datetime(2026, 7, 6, 2, 0, tzinfo=UTC)
    reader = token(evaluation, org=town)

    def read():
        return stub.GetDashboard(pb.GetDashboardRequest(org_id=town, period="2026-07"),
                                 metadata=reader)
    publish_all(evaluation, [ev.petition("received", "kept-1", f"{town}201", july)])
    eventually(read, lambda d: d.petitions_total == 1)
    assert read().petitions_total == 1  # the same answer again, nothing changed
    publish_all(evaluation, [ev.petition("received", "kept-2", f"{town}202", july),
                             ev.accepted("kept-a", f"{town}201", [], 5, 80, july)])
    later = eventually(read, lambda d: d.petitions_total == 2 and d.tasks_total == 1)
    assert later.petitions_by_status == {"received": 2} and later.tasks_by_status == {"accepted": 1}


def test_warning_deducts_and_the_board_ranks_villages(evaluation, stub):
    publish_all(evaluation, [ev.warning("raised", "w-1", V3, "proc-1", SEPT),
                             ev.warning("resolved", "w-1", V3, "proc-1", SEPT),
                             ev.accepted("a-4", V3, [], 8, 50, SEPT)])
    eventually(lambda: score(stub, evaluation, V3), lambda s: len(s.lines) == 2)
    board = stub.GetLeaderboard(pb.GetLeaderboardRequest(board="villages", org_id="330688100",
                                                         period="2026-09"),
                                metadata=token(evaluation, ("village_cadre",), "330688100201"))
    # value = points + 0.1 × (on-time rate + 办结率 + 满意率); no petitions counts as 0
    assert [(e.subject_id, e.rank, e.value) for e in board.entries] == [
        (V2, 1, "35.00"),   # 5.00 + 0.1 × (100 + 100 + 100)
        (V1, 2, "17.50"),   # 7.50 + 0.1 × 100
        (V3, 3, "11.00")]   # 4.00 − 3.00 warning + 0.1 × 100
    assert board.entries[0].indicators["warning_count"] == "0"
    dashboard = stub.GetDashboard(pb.GetDashboardRequest(org_id=V3, period="2026-09"),
                                  metadata=token(evaluation))
    assert (dashboard.procedures_with_warnings, dashboard.open_warnings) == (1, 0)


def test_board_entries_carry_the_names_the_directory_published(evaluation, stub):
    town, aug = "330688103", dt.datetime(2026, 8, 5, 2, 0, tzinfo=UTC)
    east, west, unnamed = f"{town}201", f"{town}202", f"{town}203"
    publish_all(evaluation, [
        ev.org_unit(east, "东坞村", aug - dt.timedelta(days=30)),
        ev.org_unit(west, "西坞村", aug - dt.timedelta(days=30)),
        ev.person("cadre-west", "王晓", west, aug - dt.timedelta(days=30)),
        ev.accepted("n-1", east, [], 10, 90, aug),
        ev.accepted("n-2", west, ["cadre-west"], 10, 70, aug),
        ev.accepted("n-3", unnamed, [], 10, 50, aug)])
    # a village cadre of 东坞村 reads the town board and sees the other villages by name
    east_cadre = token(evaluation, ("village_cadre",), east, subject="cadre-east")
    villages = eventually(lambda: stub.GetLeaderboard(pb.GetLeaderboardRequest(
        board="villages", org_id=town, period="2026-08"), metadata=east_cadre),
        lambda b: len(b.entries) == 3 and b.entries[1].subject_name)
    assert [(e.subject_id, e.subject_name, e.org_name) for e in villages.entries] == [
        (east, "东坞村", "东坞村"), (west, "西坞村", "西坞村"), (unnamed, "", "")]
    cadres = stub.GetLeaderboard(pb.GetLeaderboardRequest(
        board="cadres", org_id=town, period="2026-08"), metadata=east_cadre)
    assert [(e.subject_name, e.org_name) for e in cadres.entries] == [("王晓", "西坞村")]
    # a later fact about a name wins; a redelivered older one does not undo it
    renamed = ev.org_unit(west, "西坞新村", aug)
    publish_all(evaluation, [renamed, ev.org_unit(west, "西坞村", aug - dt.timedelta(days=1))])
    dashboard = eventually(lambda: stub.GetDashboard(pb.GetDashboardRequest(
        org_id=town, period="2026-08"), metadata=token(evaluation, org=town)),
        lambda d: d.top_villages[1].subject_name == "西坞新村")
    time.sleep(0.5)
    dashboard = stub.GetDashboard(pb.GetDashboardRequest(org_id=town, period="2026-08"),
                                  metadata=token(evaluation, org=town))
    assert [e.subject_name for e in dashboard.top_villages] == ["东坞村", "西坞新村", ""]


def test_closed_period_stays_frozen_and_late_events_book_next_month(evaluation, stub):
    manager = token(evaluation)
    before = stub.GetLeaderboard(pb.GetLeaderboardRequest(
        board="villages", org_id="330688100", period="2026-09"), metadata=manager)
    closure = stub.ClosePeriod(pb.ClosePeriodRequest(org_id="330688100", period="2026-09"),
                               metadata=manager)
    assert closure.ranked["villages"] == len(before.entries)
    publish_all(evaluation, [ev.accepted("late-1", V3, ["cadre-9"], 100, 100, SEPT)])
    cadre = eventually(lambda: score(stub, evaluation, "cadre-9", "2026-10"),
                       lambda s: s.total == "100.00")
    assert cadre.lines[0].month == "2026-10" and cadre.lines[0].event_month == "2026-09"
    after = stub.GetLeaderboard(pb.GetLeaderboardRequest(
        board="villages", org_id="330688100", period="2026-09"), metadata=manager)
    assert after.frozen and [(e.subject_id, e.rank, e.value) for e in after.entries] == \
        [(e.subject_id, e.rank, e.value) for e in before.entries]
    assert score(stub, evaluation, V3).frozen
    with pytest.raises(grpc.RpcError) as again:
        stub.ClosePeriod(pb.ClosePeriodRequest(org_id="330688100", period="2026-09"),
                         metadata=manager)
    assert from_rpc_error(again.value).code == "PERIOD_CLOSED"


def test_rules_change_only_from_next_month_and_need_a_manager(evaluation, stub):
    with pytest.raises(grpc.RpcError) as past:
        stub.SetScoringRules(pb.SetScoringRulesRequest(
            org_id="330688100", rules_json='{"task_weight": "2"}', effective_from="2026-01"),
            metadata=token(evaluation))
    assert from_rpc_error(past.value).code == "RULES_NOT_RETROACTIVE"
    with pytest.raises(grpc.RpcError) as cadre:
        stub.SetScoringRules(pb.SetScoringRulesRequest(org_id="330688100",
                                                       rules_json='{"task_weight": "2"}'),
                             metadata=token(evaluation, ("village_cadre",), "330688100201"))
    assert from_rpc_error(cadre.value).code in ("OUT_OF_SCOPE", "ROLE_REQUIRED")
    made = stub.SetScoringRules(pb.SetScoringRulesRequest(org_id="330688100",
                                                          rules_json='{"task_weight": "2"}'),
                                metadata=token(evaluation))
    assert made.in_force.label == "330688100@v1" and '"task_weight": "2"' in made.rules_json
    now = stub.GetScoringRules(pb.GetScoringRulesRequest(org_id="330688100201"),
                               metadata=token(evaluation))
    assert now.in_force.label == "default@v0"  # this month keeps the rules it started with


def test_democratic_entry_is_a_ledger_line(evaluation, stub):
    entry = stub.AddScoreEntry(pb.AddScoreEntryRequest(
        kind="democratic", subject_id="cadre-1", subject_type="cadre", org_id=V1,
        month="2026-10", value="90", note="年中民主测评"), metadata=token(evaluation))
    assert entry.points == "18.00" and entry.line.source_type == "entry"
    with pytest.raises(grpc.RpcError) as twice:
        stub.AddScoreEntry(pb.AddScoreEntryRequest(
            kind="democratic", subject_id="cadre-1", subject_type="cadre", org_id=V1,
            month="2026-10", value="80"), metadata=token(evaluation))
    assert from_rpc_error(twice.value).code == "ENTRY_EXISTS"
    with pytest.raises(grpc.RpcError) as bad:
        stub.AddScoreEntry(pb.AddScoreEntryRequest(
            kind="democratic", subject_id="cadre-1", subject_type="cadre", org_id=V1,
            month="2026-10", value="abc"), metadata=token(evaluation))
    assert bad.value.code() == grpc.StatusCode.INVALID_ARGUMENT



def test_patrols_count_in_the_grid_workers_daily_assessment_once_each(evaluation, stub):
    village, town = "330688101201", "330688101"
    grid, worker = f"{village}G01", "grid-worker-7"
    on_patrol = OCT + dt.timedelta(days=1)
    first = ev.patrol("patrol-1", grid, worker, OCT, event_id="patrol-event-1")
    # the second patrol found a problem: its grid report arrives as a petition
    second = ev.patrol("patrol-2", grid, worker, on_patrol, petition_id="gp-1",
                       event_id="patrol-event-2")
    report = ev.petition("received", "gp-1", village, on_patrol, source="grid_report",
                         grid_id=grid, reporter=worker, status="received")
    # the first patrol redelivered under another message id: booked once all the same
    publish_all(evaluation, [first, second, report, first], msg_ids={3: "patrol-again"})
    assessed = eventually(lambda: score(stub, evaluation, worker, "2026-10", town),
                          lambda s: len(s.lines) >= 3)
    time.sleep(1.0)  # let the redelivery arrive
    assessed = score(stub, evaluation, worker, "2026-10", town)
    assert assessed.subject_type == "grid_worker"
    assert assessed.components == {"patrol": "1.00", "problem": "1.00"}
    assert assessed.total == "2.00" and assessed.indicators["patrols"] == "2"
    patrols = sorted((line for line in assessed.lines if line.component == "patrol"),
                     key=lambda line: line.source_id)
    assert [(line.source_type, line.source_id, line.points) for line in patrols] == [
        ("patrol", "patrol-1", "0.50"), ("patrol", "patrol-2", "0.50")]
    assert "网格巡查" in patrols[1].explanation and "gp-1" in patrols[1].explanation
    board = stub.GetLeaderboard(pb.GetLeaderboardRequest(board="grid-workers", org_id=town,
                                                         period="2026-10"),
                                metadata=token(evaluation, org=town))
    assert [(e.subject_id, e.value) for e in board.entries] == [(worker, "2.00")]
    # a town sets its own patrol points: they apply from the month the rules take effect (by
    # default the next month after today's)
    changed = stub.SetScoringRules(pb.SetScoringRulesRequest(
        org_id=town, rules_json='{"grid": {"patrol_points": "1.5"}}'),
        metadata=token(evaluation, org=town))
    effective = changed.versions[0].effective_from
    year, month = map(int, effective.split("-"))
    in_effect = dt.datetime(year, month, 3, 2, 0, tzinfo=UTC)
    publish_all(evaluation, [ev.patrol("patrol-3", grid, worker, in_effect)])
    # (GetScore reads lines and totals in two statements: wait until both show the event)
    later = eventually(lambda: score(stub, evaluation, worker, effective, town),
                       lambda s: len(s.lines) == 1 and s.components)
    assert later.total == "1.50" and later.lines[0].rule_version == f"{town}@v1"



def test_a_malformed_event_in_a_batch_is_parked_and_the_others_applied_once(evaluation, stub):
    town, grid, worker = "330688102", "330688102201G02", "grid-worker-8"
    good = [ev.patrol(f"patrol-b{n}", grid, worker, OCT + dt.timedelta(minutes=n)) for n in range(6)]

    async def run():
        nc = await nats.connect(f"nats://127.0.0.1:{evaluation.config.nats_port}")
        try:
            js = nc.jetstream()
            # published back to back, so the consumer fetches them in one batch
            for subject, event in good[:3]:
                await ev.publish(js, subject, event)
            await js.publish("petitions.petition.received", b"\xff\xff not protobuf",
                             stream="PETITIONS", headers={"Nats-Msg-Id": "garbage-in-batch"})
            for subject, event in good[3:] + good[:2]:   # two redeliveries, new message ids
                await ev.publish(js, subject, event, msg_id=f"{event.meta.event_id}-again"
                                 if event in (good[0][1], good[1][1]) else "")
            parked = await js.pull_subscribe("deadletter.evaluation-petitions", durable=None,
                                             stream="DEADLETTER")
            for _ in range(30):
                for message in await parked.fetch(10, timeout=5):
                    if message.headers.get("Nats-Msg-Id") == "dead-evaluation-petitions-garbage-in-batch":
                        return message.headers["Zhili-Dead-Reason"]
            return ""
        finally:
            await nc.close()

    reason = asyncio.run(run())
    assert reason.startswith("poison")
    assessed = eventually(lambda: score(stub, evaluation, worker, "2026-10", town),
                          lambda s: len(s.lines) == 6 and s.components)
    time.sleep(1.0)  # the redeliveries
    assessed = score(stub, evaluation, worker, "2026-10", town)
    assert assessed.total == "3.00" and assessed.indicators["patrols"] == "6"


# --- replay: the same events in any order, with duplicates, give the same ledgers and ranks ---

def history() -> list:
    items = []
    for n in range(12):
        village = [V1, V2, V3][n % 3]
        items.append(ev.accepted(f"r-{n}", village, [f"c-{n % 4}", f"c-{(n + 1) % 4}"],
                                 3 + n, 60 + 3 * n, SEPT + dt.timedelta(hours=n), late=n % 5 == 0))
        if n % 4 == 0:
            items.append(ev.overdue(f"o-{n}", village, [f"c-{n % 4}"], 4, SEPT))
    items += [ev.petition("received", "rp-1", V1, SEPT, status="received"),
              ev.petition("resolved", "rp-1", V1, SEPT + dt.timedelta(hours=2),
                          resolved_level="village"),
              ev.petition("followed_up", "rp-1", V1, SEPT + dt.timedelta(hours=3),
                          satisfaction="unsatisfied"),
              ev.petition("followed_up", "rp-1", V1, SEPT + dt.timedelta(hours=5),
                          satisfaction="satisfied"),
              ev.warning("raised", "rw-1", V2, "proc-9", SEPT),
              ev.patrol("rpat-1", f"{V1}G01", "gw-1", SEPT),
              ev.patrol("rpat-2", f"{V1}G01", "gw-1", SEPT + dt.timedelta(hours=1))]
    return items


async def replay(database: Database, items: list, batch: int = 1) -> tuple:
    async with database.sessions() as session, session.begin():
        for table in ("ledger_lines", "subject_stats", "assignments", "petitions", "warnings",
                      "processed_events"):
            await session.execute(text(f"DELETE FROM {table}"))
    handlers = {"TASKS": subscribers.on_task_event, "PETITIONS": subscribers.on_petition_event,
                "PROCEDURES": subscribers.on_procedure_event}
    # as the consumers apply them: one transaction per event, or several per transaction
    for start in range(0, len(items), batch):
        async with database.transaction() as tx:
            for subject, event in items[start:start + batch]:
                await handlers[ev.stream_of(subject)](tx, subscribers.Envelope(
                    event.SerializeToString()))
                if batch == 1:
                    await subscribers.finish(tx)
            await subscribers.finish(tx)
    async with database.sessions() as session:
        lines = sorted((await session.execute(select(
            ledger_lines.c.subject_id, ledger_lines.c.component, ledger_lines.c.points,
            ledger_lines.c.source_id, ledger_lines.c.event_id, ledger_lines.c.month,
            ledger_lines.c.rule_version, ledger_lines.c.explanation))).all())
        stats = sorted((await session.execute(select(subject_stats))).all())
        period = boards.domain.Period.parse("2026-09")
        ranks = {board: [(e.subject_id, e.rank, e.value) for e in boards.rank(
            await boards.live_entries(session, board, "330688100", period))]
            for board in ("villages", "cadres")}
    return lines, stats, ranks


async def test_replay_in_any_order_with_duplicates_gives_the_same_result(database_url):
    migrate.upgrade("evaluation", database_url)
    database = Database(database_url, infra)
    items = history()
    try:
        expected = await replay(database, items)
        assert len(expected[0]) > 30 and expected[2]["villages"][0][1] == 1
        rng = random.Random(2026)
        for _ in range(3):
            shuffled = items + rng.sample(items, 6)   # redeliveries with new message ids
            rng.shuffle(shuffled)
            assert await replay(database, shuffled) == expected
            # several events per transaction (the consumers' batches), duplicates inside one
            assert await replay(database, shuffled, batch=rng.choice([5, 50])) == expected
    finally:
        await database.dispose()
