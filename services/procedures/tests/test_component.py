"""The procedures service with its real database and NATS: a run, events, warnings, the sweep."""
from __future__ import annotations

import asyncio
import datetime as dt

import grpc
import nats
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from shared.errors import from_rpc_error
from stack.processes import Stack, StackConfig
from stack.testing import create_database
from zhili.directory.v1 import directory_pb2, directory_pb2_grpc
from zhili.procedures.v1 import events_pb2
from zhili.procedures.v1 import procedures_pb2 as pb
from zhili.procedures.v1 import procedures_pb2_grpc

VILLAGE = "330688100202"  # 上蒋村
TODAY = dt.date.today()


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


@pytest.fixture(scope="module")
def stack(backend, request, tmp_path_factory):
    urls = {}
    if backend == "postgresql":
        admin = request.getfixturevalue("postgres_admin_url")
        urls = {s: create_database(admin, s[:4]) for s in ("directory", "procedures")}
    running = Stack(StackConfig.ephemeral(tmp_path_factory.mktemp("procedures"), urls))
    running.prepare(demo=True)
    try:
        running.start_nats()
        running.start_service("directory")
        running.start_service("procedures")
        yield running
    finally:
        running.stop_all()


@pytest.fixture(scope="module")
def stub(stack):
    with grpc.insecure_channel(stack.config.grpc_addr("procedures")) as channel:
        yield procedures_pb2_grpc.ProceduresServiceStub(channel)


@pytest.fixture(scope="module")
def auth(stack):
    tokens = {}
    with grpc.insecure_channel(stack.config.grpc_addr("directory")) as channel:
        directory = directory_pb2_grpc.DirectoryServiceStub(channel)

        def metadata(username: str, key: str = ""):
            if username not in tokens:
                tokens[username] = directory.Authenticate(directory_pb2.AuthenticateRequest(
                    username=username, password="Zhili@2026")).access_token
            extra = [("idempotency-key", key)] if key else []
            return [("authorization", f"Bearer {tokens[username]}")] + extra

        yield metadata


def meeting(procedure_id, number, size, present, yes, **extra):
    return pb.RecordStepRequest(procedure_id=procedure_id, number=number, held_on=day(-20 + number),
                                body_size=size, present=present, votes_for=yes,
                                votes_against=present - yes, **extra)


def error_code(call) -> str:
    with pytest.raises(grpc.RpcError) as failed:
        call()
    return from_rpc_error(failed.value).code


def read_events(stack, subject: str, match, count: int):
    async def run():
        nc = await nats.connect(f"nats://127.0.0.1:{stack.config.nats_port}")
        found = []
        try:
            sub = await nc.jetstream().pull_subscribe(subject, durable=None, stream="PROCEDURES")
            for _ in range(30):
                try:
                    messages = await sub.fetch(50, timeout=1)
                except TimeoutError:  # nats-py also raises a bare asyncio.TimeoutError
                    continue
                for message in messages:
                    found.append((message.subject, message.headers, message.data))
                if len([f for f in found if match(f)]) >= count:
                    break
            return [f for f in found if match(f)]
        finally:
            await nc.close()
    return asyncio.run(run())


def test_a_full_run_publishes_every_step_and_completes(stack, stub, auth):
    secretary = auth("yan.fenying")
    procedure = stub.StartProcedure(pb.StartProcedureRequest(
        template_code="sixiyi_liang_gongkai", title="修缮村道", category="public_works",
        amount_fen=8_000_000), metadata=secretary)
    assert procedure.village_id == VILLAGE and procedure.major and procedure.current_step == 1
    for number, (size, present, yes) in enumerate([(5, 5, 5), (9, 8, 7), (40, 30, 25),
                                                   (30, 20, 15)], start=1):
        procedure = stub.RecordStep(meeting(procedure.id, number, size, present, yes),
                                    metadata=secretary)
        assert procedure.steps[number - 1].status == "passed", procedure.steps[number - 1]
    for number in (5, 6):
        procedure = stub.RecordStep(pb.RecordStepRequest(
            procedure_id=procedure.id, number=number, channel="村务公开栏",
            start_on=day(-12 + number), end_on=day(-5 + number)), metadata=secretary)
    assert procedure.state == "completed" and procedure.open_warnings == 0

    def mine(found):
        return procedure.id.encode() in found[2]
    subjects = [s for s, _, _ in read_events(stack, "procedures.>", mine, 16)]
    assert subjects.count("procedures.step.recorded") == 6
    assert subjects.count("procedures.step.passed") == 6
    assert "procedures.procedure.started" in subjects
    assert "procedures.procedure.completed" in subjects
    assert subjects.count("procedures.disclosure.published") == 2  # the two publicity steps


def test_failed_quorum_blocks_and_a_misreported_pass_is_flagged(stack, stub, auth):
    cadre = auth("dong.yanmei")
    procedure = stub.StartProcedure(pb.StartProcedureRequest(
        template_code="cunwu_lianxi_huiyi", title="村办公楼维修", amount_fen=100_000),
        metadata=cadre)
    procedure = stub.RecordStep(meeting(procedure.id, 1, 10, 5, 5, declared_result="passed"),
                                metadata=cadre)
    assert procedure.state == "blocked" and not procedure.steps[0].record.quorum_met
    assert [w.kind for w in procedure.warnings] == ["QUORUM_MISREPORTED"]
    refused = error_code(lambda: stub.RecordStep(pb.RecordStepRequest(
        procedure_id=procedure.id, number=2, channel="微信群", start_on=day(-3),
        end_on=day(5)), metadata=cadre))
    assert refused == "INVALID_TRANSITION"
    again = stub.RecordStep(meeting(procedure.id, 1, 10, 6, 6), metadata=cadre)
    assert again.state == "in_progress" and again.current_step == 2
    assert again.steps[0].record.attempt == 2

    def flagged(found):
        return found[0] == "procedures.warning.raised" and procedure.id.encode() in found[2]
    [(_, headers, data)] = read_events(stack, "procedures.warning.raised", flagged, 1)
    event = events_pb2.WarningChanged.FromString(data)
    assert headers["Nats-Msg-Id"] == event.meta.event_id
    assert (event.warning_kind, event.village_id, event.town_id, event.kind) == (
        "QUORUM_MISREPORTED", VILLAGE, "330688100", "cunwu_lianxi_huiyi")


def test_spending_without_procedure_and_before_resolution_raise_warnings(stub, auth):
    cadre = auth("huang.zhenya")
    alone = stub.RecordSpending(pb.RecordSpendingRequest(
        title="购置挖掘机", category="collective_project", amount_fen=30_000_000,
        spent_on=day(-1)), metadata=cadre)
    assert alone.major and [w.kind for w in alone.warnings] == ["MAJOR_MATTER_WITHOUT_PROCEDURE"]
    small = stub.RecordSpending(pb.RecordSpendingRequest(
        title="办公用品", amount_fen=20_000, spent_on=day(-1)), metadata=cadre)
    assert not small.major and not small.warnings
    procedure = stub.StartProcedure(pb.StartProcedureRequest(
        template_code="sixiyi_liang_gongkai", title="修建文化礼堂", amount_fen=9_000_000),
        metadata=cadre)
    early = stub.RecordSpending(pb.RecordSpendingRequest(
        procedure_id=procedure.id, title="礼堂定金", amount_fen=1_000_000, spent_on=day(-1)),
        metadata=cadre)
    assert [w.kind for w in early.warnings] == ["IMPLEMENTATION_BEFORE_RESOLUTION"]


def test_idempotent_start_and_supervisor_is_read_only(stub, auth):
    key = auth("yan.fenying", key="start-once-1")
    request = pb.StartProcedureRequest(template_code="sixiyi_liang_gongkai", title="幂等测试")
    assert stub.StartProcedure(request, metadata=key).id == stub.StartProcedure(
        request, metadata=key).id
    assert error_code(lambda: stub.StartProcedure(request, metadata=auth("yu.zhenying"))) \
        == "READ_ONLY_ROLE"
    listed = stub.ListProcedures(pb.ListProceduresRequest(org_id="330688"),
                                 metadata=auth("yu.zhenying"))
    assert any(p.title == "幂等测试" for p in listed.procedures)
    assert error_code(lambda: stub.ListProcedures(pb.ListProceduresRequest(org_id="330688101"),
                                                  metadata=auth("he.fangya"))) == "OUT_OF_SCOPE"


def sweep_moment(ahead_days: int = 120) -> dt.datetime:
    """Noon on the 20th of a quarter's first month at least `ahead_days` from today: past every
    step's stall limit, and past the 10-day grace of the month and the quarter that just ended."""
    day = dt.date.today() + dt.timedelta(days=ahead_days)
    while not (day.day == 20 and day.month % 3 == 1):
        day += dt.timedelta(days=1)
    return dt.datetime(day.year, day.month, day.day, 4, 0, tzinfo=dt.UTC)


def test_sweep_flags_stalls_and_missed_disclosures_once(stack, stub, auth):
    admin = auth("fu.min")
    later = Timestamp()
    later.FromDatetime(sweep_moment())
    first = stub.RunSweep(pb.RunSweepRequest(as_of=later), metadata=admin)
    assert first.stalled >= 1 and first.overdue >= 13 * 3 - 3
    again = stub.RunSweep(pb.RunSweepRequest(as_of=later), metadata=admin)
    assert (again.stalled, again.overdue) == (0, 0)
    overdue = stub.ListWarnings(pb.ListWarningsRequest(
        org_id=VILLAGE, kind="DISCLOSURE_OVERDUE", status="open"), metadata=auth("yan.fenying"))
    finance = [w for w in overdue.warnings if w.disclosure_category == "finance"]
    assert finance, overdue
    stub.PublishDisclosure(pb.PublishDisclosureRequest(
        category="finance", period=finance[0].period, title="财务收支公开",
        content="收入…支出…"), metadata=auth("yan.fenying"))
    still = stub.ListWarnings(pb.ListWarningsRequest(
        org_id=VILLAGE, kind="DISCLOSURE_OVERDUE", status="open"), metadata=auth("yan.fenying"))
    assert finance[0].id not in {w.id for w in still.warnings}
    assert error_code(lambda: stub.RunSweep(pb.RunSweepRequest(), metadata=auth("tu.su"))) \
        == "ROLE_REQUIRED"


def test_public_disclosures_need_no_token(stub, auth):
    stub.PublishDisclosure(pb.PublishDisclosureRequest(
        category="party", period=f"{TODAY.year}-Q{(TODAY.month - 1) // 3 + 1}",
        title="党务公开：发展党员情况"), metadata=auth("yan.fenying"))
    public = stub.ListPublicDisclosures(pb.ListPublicDisclosuresRequest(village_id=VILLAGE))
    assert any(d.title == "党务公开：发展党员情况" for d in public.disclosures)
    assert {d.village_id for d in public.disclosures} == {VILLAGE}
    assert error_code(lambda: stub.ListDisclosures(pb.ListDisclosuresRequest())) == "MISSING_TOKEN"


# --- 撤回/终止 and manual resolution ----------------------------------------------------------

def test_abandoning_before_the_resolution_is_recorded_and_announced(stack, stub, auth):
    secretary = auth("yan.fenying")
    procedure = stub.StartProcedure(pb.StartProcedureRequest(
        template_code="sixiyi_liang_gongkai", title="拟出租村集体仓库", amount_fen=6_000_000),
        metadata=secretary)
    procedure = stub.RecordStep(meeting(procedure.id, 1, 5, 5, 4), metadata=secretary)
    request = pb.AbandonProcedureRequest(id=procedure.id, reason="承租方撤回意向，事项不再推进")
    assert error_code(lambda: stub.AbandonProcedure(pb.AbandonProcedureRequest(
        id=procedure.id, reason="  "), metadata=secretary)) == "VALIDATION_FAILED"
    assert error_code(lambda: stub.AbandonProcedure(request, metadata=auth("yu.zhenying"))) \
        == "READ_ONLY_ROLE"
    assert error_code(lambda: stub.AbandonProcedure(request, metadata=auth("he.fangya"))) \
        == "ROLE_REQUIRED"
    keyed = auth("yan.fenying", key="abandon-warehouse-1")
    ended = stub.AbandonProcedure(request, metadata=keyed)
    assert stub.AbandonProcedure(request, metadata=keyed) == ended  # a retry changes nothing
    assert (ended.state, ended.current_step, ended.abandon_reason) == (
        "abandoned", 2, "承租方撤回意向，事项不再推进")
    assert ended.abandoned_by and ended.HasField("abandoned_at")
    assert [e.action for e in ended.timeline] == ["started", "step_passed", "abandoned"]
    assert ended.timeline[-1].note == request.reason and ended.timeline[-1].step_number == 2
    assert "撤回终止" in ended.guidance_zh
    assert error_code(lambda: stub.RecordStep(meeting(procedure.id, 2, 9, 9, 9),
                                              metadata=secretary)) == "INVALID_TRANSITION"
    assert error_code(lambda: stub.AbandonProcedure(request, metadata=secretary)) \
        == "INVALID_TRANSITION"
    listed = stub.ListProcedures(pb.ListProceduresRequest(org_id=VILLAGE, state="abandoned"),
                                 metadata=auth("he.fangya"))
    assert procedure.id in {p.id for p in listed.procedures}
    public = stub.ListPublicDisclosures(pb.ListPublicDisclosuresRequest(village_id=VILLAGE))
    assert procedure.id not in {d.procedure_id for d in public.disclosures}  # never made public

    def mine(found):
        return found[0] == "procedures.procedure.abandoned" and procedure.id.encode() in found[2]
    found = read_events(stack, "procedures.procedure.abandoned", mine, 1)
    assert len(found) == 1  # the retry emitted nothing
    event = events_pb2.ProcedureAbandoned.FromString(found[0][2])
    assert (event.village_id, event.town_id, event.kind, event.step_number, event.reason,
            event.public) == (VILLAGE, "330688100", "sixiyi_liang_gongkai", 2, request.reason,
                              False)


def test_a_public_procedure_abandoned_is_announced_to_residents(stack, stub, auth):
    secretary = auth("yan.fenying")
    procedure = stub.StartProcedure(pb.StartProcedureRequest(
        template_code="sixiyi_liang_gongkai", title="村道拓宽征求意见", category="public_works"),
        metadata=secretary)
    stub.PublishDisclosure(pb.PublishDisclosureRequest(
        category="village_affairs", kind="major", title="村道拓宽议题公示",
        content="拟拓宽村道，征求村民意见", procedure_id=procedure.id), metadata=secretary)
    stub.AbandonProcedure(pb.AbandonProcedureRequest(
        id=procedure.id, reason="多数村民反对占用耕地"), metadata=secretary)
    public = stub.ListPublicDisclosures(pb.ListPublicDisclosuresRequest(village_id=VILLAGE))
    notice = [d for d in public.disclosures if d.procedure_id == procedure.id
              and "撤回终止公告" in d.title]
    assert len(notice) == 1 and "多数村民反对占用耕地" in notice[0].content

    def mine(found):
        return found[0] == "procedures.procedure.abandoned" and procedure.id.encode() in found[2]
    [(_, _, data)] = read_events(stack, "procedures.procedure.abandoned", mine, 1)
    assert events_pb2.ProcedureAbandoned.FromString(data).public


def test_after_the_resolution_a_procedure_cannot_be_abandoned(stub, auth):
    secretary = auth("yan.fenying")
    procedure = stub.StartProcedure(pb.StartProcedureRequest(
        template_code="sixiyi_liang_gongkai", title="村口路灯改造", amount_fen=200_000),
        metadata=secretary)
    for number, (size, present, yes) in enumerate([(5, 5, 5), (9, 8, 7), (40, 30, 25),
                                                   (30, 21, 20)], start=1):
        procedure = stub.RecordStep(meeting(procedure.id, number, size, present, yes),
                                    metadata=secretary)
    # 21 of 30 representatives meet the national two-thirds quorum (the province test differs).
    assert procedure.steps[3].status == "passed" and procedure.current_step == 5
    assert error_code(lambda: stub.AbandonProcedure(pb.AbandonProcedureRequest(
        id=procedure.id, reason="改变主意"), metadata=secretary)) == "RESOLUTION_ALREADY_TAKEN"
    assert stub.GetProcedure(pb.GetProcedureRequest(id=procedure.id),
                             metadata=secretary).state == "in_progress"


def test_a_supervisor_resolves_a_warning_by_hand_with_a_note(stack, stub, auth):
    secretary = auth("yan.fenying")
    procedure = stub.StartProcedure(pb.StartProcedureRequest(
        template_code="cunwu_lianxi_huiyi", title="村委会议室空调更换", amount_fen=80_000),
        metadata=secretary)
    procedure = stub.RecordStep(meeting(procedure.id, 1, 10, 4, 4, declared_result="passed"),
                                metadata=secretary)
    [warning] = procedure.warnings
    assert warning.kind == "QUORUM_MISREPORTED" and procedure.open_warnings == 1
    request = pb.ResolveWarningRequest(id=warning.id, note="经核查系登记笔误，会议记录显示实到6人")
    assert error_code(lambda: stub.ResolveWarning(request, metadata=secretary)) == "ROLE_REQUIRED"
    assert error_code(lambda: stub.ResolveWarning(request, metadata=auth("han.de"))) \
        == "WARNING_NOT_FOUND"  # another town's deputy secretary
    assert error_code(lambda: stub.ResolveWarning(pb.ResolveWarningRequest(
        id=warning.id, note=""), metadata=auth("yu.zhenying"))) == "VALIDATION_FAILED"
    keyed = auth("yu.zhenying", key="resolve-aircon-1")
    resolved = stub.ResolveWarning(request, metadata=keyed)
    assert stub.ResolveWarning(request, metadata=keyed) == resolved
    assert (resolved.status, resolved.resolution, resolved.resolution_note) == (
        "resolved", "manual", request.note)
    assert resolved.resolved_by and resolved.HasField("resolved_at")
    assert [(h.action, h.by) for h in resolved.history] == [
        ("raised", "system"), ("resolved", resolved.resolved_by)]
    assert error_code(lambda: stub.ResolveWarning(request, metadata=auth("dong.qing"))) \
        == "WARNING_ALREADY_RESOLVED"
    after = stub.GetProcedure(pb.GetProcedureRequest(id=procedure.id), metadata=secretary)
    assert after.open_warnings == 0
    still_open = stub.ListWarnings(pb.ListWarningsRequest(
        org_id=VILLAGE, status="open", procedure_id=procedure.id), metadata=secretary)
    assert not still_open.warnings
    flagged = stub.ListProcedures(pb.ListProceduresRequest(org_id=VILLAGE, with_warnings=True),
                                  metadata=auth("dong.qing"))
    assert procedure.id not in {p.id for p in flagged.procedures}

    def mine(found):
        return found[0] == "procedures.warning.resolved" and warning.id.encode() in found[2]
    found = read_events(stack, "procedures.warning.resolved", mine, 1)
    assert len(found) == 1
    event = events_pb2.WarningChanged.FromString(found[0][2])
    assert (event.warning_kind, event.resolution, event.resolved_by, event.detail) == (
        "QUORUM_MISREPORTED", "manual", resolved.resolved_by, request.note)


def test_the_town_resolves_a_warning_without_a_procedure(stub, auth):
    spent = stub.RecordSpending(pb.RecordSpendingRequest(
        title="购置村集体农机", category="collective_project", amount_fen=12_000_000,
        spent_on=day(-3)), metadata=auth("yan.fenying"))
    [warning] = spent.warnings
    resolved = stub.ResolveWarning(pb.ResolveWarningRequest(
        id=warning.id, note="已补办四议两公开程序，见镇农办核查记录"), metadata=auth("dong.qing"))
    assert (resolved.status, resolved.resolution) == ("resolved", "manual")
    assert error_code(lambda: stub.ResolveWarning(pb.ResolveWarningRequest(
        id="not-a-warning", note="x"), metadata=auth("dong.qing"))) == "WARNING_NOT_FOUND"
