"""The petitions service with its real database and NATS (and the directory it asks about households)."""
from __future__ import annotations

import asyncio
import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import grpc
import nats
import pytest

from services.petitions.service import extras
from services.petitions.models import infra
from shared.errors import from_rpc_error
from shared.outbox import Database
from stack.processes import Stack, StackConfig
from stack.testing import create_database
from zhili.common.v1 import common_pb2
from zhili.directory.v1 import directory_pb2 as dpb
from zhili.directory.v1 import directory_pb2_grpc
from zhili.petitions.v1 import events_pb2
from zhili.petitions.v1 import petitions_pb2 as pb
from zhili.petitions.v1 import petitions_pb2_grpc

VILLAGE = "330688100201"
GRID = f"{VILLAGE}G01"


@pytest.fixture(scope="module")
def running(backend, request, tmp_path_factory):
    urls = {}
    if backend == "postgresql":
        admin = request.getfixturevalue("postgres_admin_url")
        urls = {"directory": create_database(admin, "dir"), "petitions": create_database(admin, "pet")}
    stack = Stack(StackConfig.ephemeral(tmp_path_factory.mktemp("petitions"), urls))
    stack.prepare(demo=True)
    try:
        stack.start_nats()
        stack.start_service("directory")
        stack.start_service("petitions")
        yield stack
    finally:
        stack.stop_all()


@pytest.fixture(scope="module")
def stub(running):
    with grpc.insecure_channel(running.config.grpc_addr("petitions")) as channel:
        yield petitions_pb2_grpc.PetitionsServiceStub(channel)


@pytest.fixture(scope="module")
def tokens(running):
    cache = {}
    with grpc.insecure_channel(running.config.grpc_addr("directory")) as channel:
        directory = directory_pb2_grpc.DirectoryServiceStub(channel)

        def token(username: str, key: str = ""):
            if username not in cache:
                cache[username] = directory.Authenticate(dpb.AuthenticateRequest(
                    username=username, password="Zhili@2026")).access_token
            metadata = [("authorization", f"Bearer {cache[username]}")]
            return metadata + ([("idempotency-key", key)] if key else [])

        yield token


def code_of(call) -> str:
    with pytest.raises(grpc.RpcError) as failed:
        call()
    return from_rpc_error(failed.value).code


def report(stub, tokens, text="村口路灯坏了三盏，晚上很黑", **extra):
    return stub.CreatePetition(pb.CreatePetitionRequest(
        source="grid_report", content=text, element_code="E0101", **extra), metadata=tokens("jin.yi"))


def test_a_grid_report_is_triaged_and_its_events_reach_jetstream(running, stub, tokens):
    petition = report(stub, tokens)
    assert (petition.status, petition.level, petition.handler_org_id) == ("received", "village", VILLAGE)
    assert petition.grid_id == GRID and petition.category_code == "P08-01"
    assert petition.triage[0].category_code == "P08-01"
    assert petition.time_limit == "5 working_days" and petition.HasField("due_at")
    stub.Accept(pb.ActionRequest(id=petition.id), metadata=tokens("tu.su"))

    async def read():
        nc = await nats.connect(f"nats://127.0.0.1:{running.config.nats_port}")
        try:
            sub = await nc.jetstream().pull_subscribe("petitions.petition.>", durable=None,
                                                      stream="PETITIONS")
            seen = []
            for _ in range(30):
                for message in await sub.fetch(20, timeout=5):
                    subject = message.subject
                    kind = {"petitions.petition.received": events_pb2.PetitionReceived,
                            "petitions.petition.accepted": events_pb2.PetitionAccepted}.get(subject)
                    if kind:
                        event = kind.FromString(message.data)
                        if event.petition.petition_id == petition.id:
                            assert message.headers["Nats-Msg-Id"] == event.meta.event_id
                            seen.append(subject)
                if len(seen) == 2:
                    return seen
            return seen
        finally:
            await nc.close()

    assert asyncio.run(read()) == ["petitions.petition.received", "petitions.petition.accepted"]


def test_illegal_transitions_change_nothing(stub, tokens):
    petition = report(stub, tokens, "垃圾桶满了没人清运")
    assert code_of(lambda: stub.Resolve(pb.ActionRequest(id=petition.id, result="已处理"),
                                        metadata=tokens("tu.su"))) == "INVALID_TRANSITION"
    assert code_of(lambda: stub.Accept(pb.ActionRequest(id=petition.id),
                                       metadata=tokens("jin.yi"))) == "NOT_HANDLER"
    again = stub.GetPetition(pb.GetPetitionRequest(id=petition.id), metadata=tokens("tu.su"))
    assert again.status == "received" and again.updated_at == petition.updated_at


def test_same_external_id_from_concurrent_callers_makes_one_petition(stub, tokens):
    request = pb.CreatePetitionRequest(source="hotline", external_id="12345-20261123-0007",
                                       content="反映桃源村村口窨井盖缺失，很危险", village_id=VILLAGE,
                                       reporter_name="王先生", reporter_phone="13800001111")

    def create(_):
        try:
            return stub.CreatePetition(request, metadata=tokens("fu.min")).id
        except grpc.RpcError as error:
            return from_rpc_error(error).code

    with ThreadPoolExecutor(4) as pool:
        outcomes = set(pool.map(create, range(4)))
    assert len(outcomes) == 1, outcomes
    listed = stub.ListPetitions(pb.ListPetitionsRequest(org_id=VILLAGE, page=dict(page_size=500)),
                                metadata=tokens("tu.su"))
    assert sum(p.external_id == "12345-20261123-0007" for p in listed.petitions) == 1


def test_phone_is_masked_for_roles_that_do_not_call_back(stub, tokens):
    petition = stub.CreatePetition(pb.CreatePetitionRequest(
        source="mailbox", content="建议村里多装几个健身器材", village_id=VILLAGE,
        reporter_phone="13912345678", anonymous=True), metadata=tokens("ge.yu"))
    assert petition.reporter_phone == "13912345678" and petition.reporter_name == "匿名"
    supervisor = stub.GetPetition(pb.GetPetitionRequest(id=petition.id), metadata=tokens("yu.zhenying"))
    assert supervisor.reporter_phone == "139****5678"
    assert code_of(lambda: stub.GetPetition(pb.GetPetitionRequest(id=petition.id),
                                            metadata=tokens("jin.yi"))) == "PETITION_NOT_FOUND"


def test_overdue_sweep_marks_once_even_when_replicas_race(running, stub, tokens, backend):
    received = dt.datetime(2026, 11, 2, 1, 0, tzinfo=dt.UTC)  # Monday 09:00 local
    request = pb.CreatePetitionRequest(source="hotline", external_id="12345-sweep-1",
                                       content="小区消防通道被车辆堵塞", village_id=VILLAGE,
                                       category_code="P10-02")
    request.received_at.FromDatetime(received)
    petition = stub.CreatePetition(request, metadata=tokens("fu.min"))
    assert petition.due_at.ToDatetime(tzinfo=dt.UTC) == received + dt.timedelta(hours=24)

    async def race():
        database = Database(running.config.database_url("petitions"), infra)
        try:
            results = await asyncio.gather(*(extras.sweep_overdue(database) for _ in range(3)))
        finally:
            await database.dispose()
        return [pid for marked in results for pid in marked]

    marked = asyncio.run(race()) + asyncio.run(race())
    assert marked.count(petition.id) <= 1
    seen = stub.GetPetition(pb.GetPetitionRequest(id=petition.id), metadata=tokens("tu.su"))
    assert seen.overdue
    timeline = stub.GetTimeline(pb.GetPetitionRequest(id=petition.id), metadata=tokens("tu.su"))
    assert [e.action for e in timeline.entries].count("overdue") == 1


def test_visit_diary_reads_the_household_from_the_directory(stub, tokens, running):
    with grpc.insecure_channel(running.config.grpc_addr("directory")) as channel:
        directory = directory_pb2_grpc.DirectoryServiceStub(channel)
        household = directory.ListHouseholds(dpb.ListHouseholdsRequest(
            org_id=GRID, color="red"), metadata=tokens("jin.yi")).households[0]
    due = stub.ListHouseholdsDueForVisit(pb.ListHouseholdsDueForVisitRequest(org_id=GRID),
                                         metadata=tokens("jin.yi"))
    assert household.id in {h.household_id for h in due.households}
    visit = stub.RecordVisit(pb.RecordVisitRequest(
        household_id=household.id, content="老人身体还好，屋顶漏雨", concerns="屋顶漏雨需要修缮",
        open_petition=True), metadata=tokens("jin.yi"))
    assert visit.petition_id and visit.household_color == "red"
    due = stub.ListHouseholdsDueForVisit(pb.ListHouseholdsDueForVisitRequest(org_id=GRID),
                                         metadata=tokens("jin.yi"))
    assert household.id not in {h.household_id for h in due.households}
    later = (dt.date.today() + dt.timedelta(days=8)).isoformat()
    due = stub.ListHouseholdsDueForVisit(pb.ListHouseholdsDueForVisitRequest(org_id=GRID, as_of=later),
                                         metadata=tokens("jin.yi"))
    assert household.id in {h.household_id for h in due.households}
    assert code_of(lambda: stub.RecordVisit(pb.RecordVisitRequest(
        household_id=household.id, content="再次记录"), metadata=tokens("jin.yi"))) == "VISIT_ALREADY_RECORDED"


def test_visit_diaries_by_cadre_and_period_stay_in_scope(stub, tokens, running):
    with grpc.insecure_channel(running.config.grpc_addr("directory")) as channel:
        directory = directory_pb2_grpc.DirectoryServiceStub(channel)
        homes = directory.ListHouseholds(dpb.ListHouseholdsRequest(org_id=GRID),
                                         metadata=tokens("jin.yi")).households
    day = lambda n: (dt.date.today() - dt.timedelta(days=n)).isoformat()  # noqa: E731
    jin = [stub.RecordVisit(pb.RecordVisitRequest(household_id=home.id, visited_on=day(n),
                                                  content="入户走访"), metadata=tokens("jin.yi"))
           for home, n in ((homes[0], 30), (homes[1], 33), (homes[2], 50))]
    ge = stub.RecordVisit(pb.RecordVisitRequest(household_id=homes[0].id, visited_on=day(31),
                                                content="村干部回访"), metadata=tokens("ge.yu"))

    def listed(who, **filters):
        found, token = [], ""
        while True:
            page = stub.ListVisits(pb.ListVisitsRequest(page=common_pb2.PageRequest(
                page_size=1, page_token=token), **filters), metadata=tokens(who))
            found += page.visits
            token = page.next_page_token
            if not token:
                return [v.id for v in found]

    mine = listed("jin.yi", view="mine")
    assert {v.id for v in jin} <= set(mine) and ge.id not in mine
    assert listed("tu.su", visitor_id=jin[0].visitor_id, from_date=day(33), to_date=day(30)) == [
        jin[0].id, jin[1].id]
    assert listed("tu.su", from_date=day(31), to_date=day(31)) == [ge.id]
    assert listed("yan.fenying", visitor_id=jin[0].visitor_id) == []  # another village
    assert code_of(lambda: listed("chen.qianmei")) == "OUT_OF_SCOPE"  # a town office
    assert code_of(lambda: listed("tu.su", from_date=day(1), to_date=day(2))) == "VALIDATION_FAILED"
    assert code_of(lambda: listed("tu.su", view="everyone")) == "VALIDATION_FAILED"


def test_a_patrol_is_published_once_for_the_grid_workers_assessment(running, stub, tokens):
    request = pb.RecordPatrolRequest(element_codes=["E0101", "E0302"], note="巡查主干道和河道",
                                     issue="河道边护栏松动", issue_element_code="E0302")
    patrol = stub.RecordPatrol(request, metadata=tokens("jin.yi", "patrol-retry-1"))
    # The app retries the same request (lost reply): same patrol, no second event.
    again = stub.RecordPatrol(request, metadata=tokens("jin.yi", "patrol-retry-1"))
    assert again.id == patrol.id and patrol.grid_id == GRID and patrol.petition_id

    async def read():
        nc = await nats.connect(f"nats://127.0.0.1:{running.config.nats_port}")
        try:
            sub = await nc.jetstream().pull_subscribe("petitions.patrol.>", durable=None,
                                                      stream="PETITIONS")
            seen = []
            for _ in range(10):
                try:
                    messages = await sub.fetch(50, timeout=1)
                except TimeoutError:  # nats-py also raises a bare asyncio.TimeoutError
                    if seen:
                        return seen  # the stream is drained: nothing more will come
                    continue
                for message in messages:
                    event = events_pb2.PatrolRecorded.FromString(message.data)
                    if event.patrol_id == patrol.id:
                        assert message.headers["Nats-Msg-Id"] == event.meta.event_id
                        seen.append((message.subject, event))
            return seen
        finally:
            await nc.close()

    seen = asyncio.run(read())
    assert len(seen) == 1, seen
    subject, event = seen[0]
    assert subject == "petitions.patrol.recorded" and event.meta.subject == subject
    assert (event.grid_id, event.village_id, event.petition_id) == (GRID, VILLAGE, patrol.petition_id)
    assert event.worker_id == patrol.worker_id == event.meta.actor_id
    assert list(event.element_codes) == ["E0101", "E0302"]
    assert event.patrolled_at == patrol.patrolled_at
