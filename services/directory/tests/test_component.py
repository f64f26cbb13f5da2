"""The directory service alone, with its real database and NATS: events, imports, idempotency."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import grpc
import nats
import pytest
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from shared.errors import from_rpc_error
from stack.processes import Stack, StackConfig
from stack.testing import create_database
from zhili.directory.v1 import directory_pb2 as pb
from zhili.directory.v1 import directory_pb2_grpc, events_pb2

GRID = "330688100201G01"


@pytest.fixture(scope="module")
def directory(backend, request, tmp_path_factory):
    urls = {}
    if backend == "postgresql":
        urls["directory"] = create_database(request.getfixturevalue("postgres_admin_url"), "dir")
    running = Stack(StackConfig.ephemeral(tmp_path_factory.mktemp("directory"), urls))
    running.prepare(demo=True)
    try:
        running.start_nats()
        running.start_service("directory")
        yield running
    finally:
        running.stop_all()


@pytest.fixture(scope="module")
def stub(directory):
    with grpc.insecure_channel(directory.config.grpc_addr("directory")) as channel:
        yield directory_pb2_grpc.DirectoryServiceStub(channel)


def auth(stub, username="jin.yi", key=""):
    token = stub.Authenticate(pb.AuthenticateRequest(username=username, password="Zhili@2026"))
    metadata = [("authorization", f"Bearer {token.access_token}")]
    return metadata + ([("idempotency-key", key)] if key else [])


def test_recolouring_publishes_an_event_with_its_id_as_msg_id(directory, stub):
    household = stub.CreateHousehold(pb.CreateHouseholdRequest(
        grid_id=GRID, head_name="孙大娘", color="green"), metadata=auth(stub))
    stub.ChangeHouseholdColor(pb.ChangeHouseholdColorRequest(
        id=household.id, color="red", reason="突发重病"), metadata=auth(stub))

    async def read_event():
        nc = await nats.connect(f"nats://127.0.0.1:{directory.config.nats_port}")
        try:
            js = nc.jetstream()
            sub = await js.pull_subscribe("directory.household.color_changed", durable=None,
                                          stream="DIRECTORY")
            for _ in range(50):
                for message in await sub.fetch(10, timeout=5):
                    event = events_pb2.HouseholdColorChanged.FromString(message.data)
                    if event.household_id == household.id:
                        return message.headers, event
            return None, None
        finally:
            await nc.close()

    headers, event = asyncio.run(read_event())
    assert event is not None, "the event never reached JetStream"
    assert headers["Nats-Msg-Id"] == event.meta.event_id
    assert (event.from_color, event.to_color, event.reason) == ("green", "red", "突发重病")
    assert event.meta.actor_id and event.meta.subject == "directory.household.color_changed"


def test_people_import_is_all_or_nothing(stub):
    admin = auth(stub, "fu.min")
    before = stub.ListPeople(pb.ListPeopleRequest(org_id="330688", include_subtree=True,
                                                  page=dict(page_size=500)), metadata=admin)
    csv_text = ("username,name,gender,phone,org_id,position,title,password\n"
                "new.cadre,新干部,男,13900000000,330688100201,village_cadre,文书,Initial#2026\n"
                "bad.one,坏行,男,123,330688999201,grid_worker,,Initial#2026\n")
    reply = stub.ImportDirectory(pb.ImportDirectoryRequest(kind="people", csv_text=csv_text),
                                 metadata=admin)
    assert reply.imported == 0
    assert {(e.line, e.field) for e in reply.errors} == {(3, "phone"), (3, "org_id")}
    after = stub.ListPeople(pb.ListPeopleRequest(org_id="330688", include_subtree=True,
                                                 page=dict(page_size=500)), metadata=admin)
    assert len(after.people) == len(before.people)


def test_concurrent_requests_with_one_key_create_one_household(stub):
    metadata = auth(stub, key="concurrent-key-1")
    request = pb.CreateHouseholdRequest(grid_id=GRID, head_name="并发户", color="yellow")

    def create(_):
        try:
            return stub.CreateHousehold(request, metadata=metadata).id
        except grpc.RpcError as error:
            return from_rpc_error(error).code

    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(create, range(4)))
    ids = {o for o in outcomes if o not in ("IDEMPOTENCY_IN_PROGRESS",)}
    assert len(ids) == 1, outcomes  # every winner got the same household
    listed = stub.ListHouseholds(pb.ListHouseholdsRequest(org_id=GRID, page=dict(page_size=500)),
                                 metadata=auth(stub))
    assert sum(h.head_name == "并发户" for h in listed.households) == 1


def test_unauthenticated_calls_are_refused(stub):
    with pytest.raises(grpc.RpcError) as refused:
        stub.GetMe(pb.GetMeRequest())
    assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert from_rpc_error(refused.value).code == "MISSING_TOKEN"


def test_reflection_lists_the_service(directory):
    with grpc.insecure_channel(directory.config.grpc_addr("directory")) as channel:
        stub = reflection_pb2_grpc.ServerReflectionStub(channel)
        replies = stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(
            list_services="")]))
        names = {s.name for s in next(replies).list_services_response.service}
    assert "zhili.directory.v1.DirectoryService" in names and "grpc.health.v1.Health" in names
