"""The tasks service with its real database and NATS (and the directory), a stand-in catalogue."""
from __future__ import annotations

import asyncio
import datetime as dt
import sys
import time
from concurrent import futures

import grpc
import nats
import pytest

from shared import migrate
from shared.auth import generate_keys
from shared.errors import from_rpc_error
from stack.processes import Stack, StackConfig, free_port
from stack.testing import create_database
from zhili.catalogue.v1 import catalogue_pb2, catalogue_pb2_grpc
from zhili.directory.v1 import directory_pb2, directory_pb2_grpc
from zhili.tasks.v1 import events_pb2, tasks_pb2 as pb, tasks_pb2_grpc

TOWN, VILLAGES = "330688100", ["330688100201", "330688100202", "330688100203"]


class FakeCatalogue(catalogue_pb2_grpc.CatalogueServiceServicer):
    """Answers with `decision`; "down" aborts UNAVAILABLE as an unreachable catalogue would."""

    def __init__(self) -> None:
        self.decision, self.requests = "accepted", []

    def Screen(self, request, context):
        self.requests.append((request, dict(context.invocation_metadata())))
        if self.decision == "down":
            context.abort(grpc.StatusCode.UNAVAILABLE, "catalogue down")
        reasons = [catalogue_pb2.Reason(code="OFF_LIST", detail="不在涉村事项清单内")] \
            if self.decision == "rejected" else []
        return catalogue_pb2.Screening(id=f"scr-{len(self.requests)}", decision=self.decision,
                                       matter_code="V-HJ-001", reasons=reasons, task_id=request.task_id)


@pytest.fixture(scope="module")
def catalogue():
    fake, port = FakeCatalogue(), free_port()
    server = grpc.server(futures.ThreadPoolExecutor(4))
    catalogue_pb2_grpc.add_CatalogueServiceServicer_to_server(fake, server)
    server.add_insecure_port(f"127.0.0.1:{port}")
    server.start()
    fake.address = f"127.0.0.1:{port}"
    yield fake
    server.stop(0)


@pytest.fixture(scope="module")
def stack(backend, request, tmp_path_factory, catalogue):
    urls = {}
    if backend == "postgresql":
        admin = request.getfixturevalue("postgres_admin_url")
        urls = {s: create_database(admin, s) for s in ("directory", "tasks")}
    config = StackConfig.ephemeral(tmp_path_factory.mktemp("tasks"), urls)
    config.extra_env.update(CATALOGUE_GRPC_ADDR=catalogue.address, TASKS_SWEEP_SECONDS="0.3")
    running = Stack(config)
    generate_keys(config.data_dir / "keys")
    for service in ("directory", "tasks"):  # only what this test runs, not every service
        migrate.upgrade(service, config.database_url(service))
    running.run_command("directory-demo", [sys.executable, "-m", "services.directory", "load-demo"],
                        running.service_env("directory"))
    try:
        running.start_nats()
        running.start_service("directory")
        running.start_service("tasks")
        yield running
    finally:
        running.stop_all()


@pytest.fixture(scope="module")
def tasks(stack):
    with grpc.insecure_channel(stack.config.grpc_addr("tasks")) as channel:
        yield tasks_pb2_grpc.TasksServiceStub(channel)


@pytest.fixture(scope="module")
def login(stack):
    with grpc.insecure_channel(stack.config.grpc_addr("directory")) as channel:
        stub, cache = directory_pb2_grpc.DirectoryServiceStub(channel), {}

        def metadata(username: str, key: str = ""):
            if username not in cache:
                cache[username] = stub.Authenticate(directory_pb2.AuthenticateRequest(
                    username=username, password="Zhili@2026")).access_token
            return [("authorization", f"Bearer {cache[username]}")] + (
                [("idempotency-key", key)] if key else [])

        metadata.people = lambda org, who: stub.ListPeople(directory_pb2.ListPeopleRequest(
            org_id=org, include_subtree=True), metadata=metadata(who)).people
        yield metadata


def draft(**changes) -> pb.CreateTaskRequest:
    deadline = changes.pop("deadline", dt.datetime.now(dt.UTC) + dt.timedelta(days=10))
    values = dict(title="开展农村人居环境整治“五清”行动", category="town",
                  description="清理房前屋后垃圾杂物", target_village_ids=VILLAGES, points=10,
                  co_handler_org_ids=[f"{TOWN}B03"])
    request = pb.CreateTaskRequest(**{**values, **changes})
    if deadline is not None:
        request.deadline.FromDatetime(deadline)
    return request


def dispatched(tasks, login, request=None):
    task = tasks.CreateTask(request or draft(), metadata=login("he.fangya"))
    screened = tasks.SubmitTask(pb.TaskActionRequest(id=task.id), metadata=login("he.fangya"))
    assert screened.state == "screened", screened
    return tasks.ApproveTask(pb.TaskActionRequest(id=task.id, comment="同意"),
                             metadata=login("dong.qing"))


def fail(call, *args, **kwargs):
    with pytest.raises(grpc.RpcError) as raised:
        call(*args, **kwargs)
    return from_rpc_error(raised.value)


def read_events(stack, subject: str, message_type, matches, *, wait: float = 10.0):
    async def run():
        nc = await nats.connect(f"nats://127.0.0.1:{stack.config.nats_port}")
        try:
            sub = await nc.jetstream().pull_subscribe(subject, durable=None, stream="TASKS")
            found, deadline = [], time.monotonic() + wait
            while time.monotonic() < deadline:
                try:
                    messages = await sub.fetch(100, timeout=1)
                except TimeoutError:  # nats-py also raises a bare asyncio.TimeoutError
                    if found:
                        break
                    continue
                for message in messages:
                    event = message_type.FromString(message.data)
                    if matches(event):
                        assert message.headers["Nats-Msg-Id"] == event.meta.event_id
                        found.append(event)
            return found
        finally:
            await nc.close()
    return asyncio.run(run())


def test_approval_dispatches_one_assignment_per_village_and_publishes_it(stack, tasks, login, catalogue):
    task = dispatched(tasks, login)
    assert task.state == "dispatched"
    assert sorted(p.village_id for p in task.progress) == VILLAGES
    request, metadata = catalogue.requests[-1]
    assert request.task_id == task.id and metadata["authorization"].startswith("Bearer ")
    assert task.matter_code == "V-HJ-001"  # filed under the code the screening gave
    [event] = read_events(stack, "tasks.task.dispatched", events_pb2.TaskDispatched,
                          lambda e: e.task_id == task.id)
    assert sorted(a.village_id for a in event.assignments) == VILLAGES
    assert event.town_id == TOWN and event.points == 10 and event.category == "town"


def test_rejected_screening_keeps_the_draft_with_reasons_and_it_can_be_resubmitted(tasks, login, catalogue):
    task = tasks.CreateTask(draft(title="清理山坡工业渣土"), metadata=login("he.fangya"))
    catalogue.decision = "rejected"
    try:
        screened = tasks.SubmitTask(pb.TaskActionRequest(id=task.id), metadata=login("he.fangya"))
    finally:
        catalogue.decision = "accepted"
    assert screened.state == "draft" and screened.screening.decision == "rejected"
    assert [r.code for r in screened.screening.reasons] == ["OFF_LIST"]
    revised = tasks.UpdateTask(pb.UpdateTaskRequest(id=task.id, draft=draft(title="整治村内河道垃圾")),
                               metadata=login("he.fangya"))
    assert revised.title == "整治村内河道垃圾"
    again = tasks.SubmitTask(pb.TaskActionRequest(id=task.id), metadata=login("he.fangya"))
    assert again.state == "screened" and again.screening.decision == "accepted"


def test_catalogue_down_is_503_and_the_draft_is_kept(tasks, login, catalogue):
    task = tasks.CreateTask(draft(), metadata=login("he.fangya"))
    catalogue.decision = "down"
    try:
        error = fail(tasks.SubmitTask, pb.TaskActionRequest(id=task.id), metadata=login("he.fangya"))
    finally:
        catalogue.decision = "accepted"
    assert error.status == grpc.StatusCode.UNAVAILABLE and error.code == "UNAVAILABLE"
    kept = tasks.GetTask(pb.GetTaskRequest(id=task.id), metadata=login("he.fangya"))
    assert kept.state == "draft" and kept.title == task.title


def test_major_task_needs_a_collective_decision(tasks, login):
    task = tasks.CreateTask(draft(category="major"), metadata=login("he.fangya"))
    tasks.SubmitTask(pb.TaskActionRequest(id=task.id), metadata=login("he.fangya"))
    error = fail(tasks.ApproveTask, pb.TaskActionRequest(id=task.id), metadata=login("dong.qing"))
    assert error.code == "COLLECTIVE_DECISION_REQUIRED"
    approved = tasks.ApproveTask(pb.TaskActionRequest(id=task.id, collective_decision=pb.CollectiveDecision(
        meeting="镇党委会议", decided_on="2026-11-20", summary="一致同意")), metadata=login("dong.qing"))
    assert approved.state == "dispatched" and approved.collective_decision.meeting == "镇党委会议"


def test_the_whole_assignment_loop_with_score_in_the_event(stack, tasks, login):
    task = dispatched(tasks, login)
    village = VILLAGES[0]
    assignment_id = next(p.assignment_id for p in task.progress if p.village_id == village)
    error = fail(tasks.SignAssignment, pb.AssignmentActionRequest(id=assignment_id), metadata=login("ge.yu"))
    assert error.code == "ROLE_REQUIRED"
    tasks.SignAssignment(pb.AssignmentActionRequest(id=assignment_id), metadata=login("tu.su"))
    cadre = next(p for p in login.people(village, "tu.su") if p.username == "ge.yu")
    tasks.AllocateAssignment(pb.AllocateAssignmentRequest(id=assignment_id, assignee_ids=[cadre.id]),
                             metadata=login("tu.su"))
    inbox = tasks.ListAssignments(pb.ListAssignmentsRequest(view="inbox"), metadata=login("ge.yu"))
    assert assignment_id in {a.id for a in inbox.assignments}
    tasks.ReportProgress(pb.ReportProgressRequest(id=assignment_id, text="已清理一半", percent=50,
                                                  photo_urls=["https://img.example/1.jpg"]),
                         metadata=login("ge.yu"))
    tasks.SubmitAssignment(pb.AssignmentActionRequest(id=assignment_id), metadata=login("ge.yu"))
    accepted = tasks.AcceptAssignment(pb.AcceptAssignmentRequest(id=assignment_id, quality=85),
                                      metadata=login("he.fangya"))
    assert (accepted.state, accepted.quality, accepted.points_earned) == ("accepted", 85, 8.5)
    assert [e.action for e in accepted.timeline] == [
        "dispatched", "sign", "allocate", "progress", "submit", "accept"]
    [event] = read_events(stack, "tasks.assignment.accepted", events_pb2.AssignmentAccepted,
                          lambda e: e.assignment.assignment_id == assignment_id)
    assert (event.quality, event.points_earned, event.assignment.points) == (85, 8.5, 10)
    assert list(event.assignment.assignee_ids) == [cadre.id] and event.assignment.town_id == TOWN
    again = fail(tasks.AcceptAssignment, pb.AcceptAssignmentRequest(id=assignment_id, quality=90),
                 metadata=login("he.fangya"))
    assert again.code == "INVALID_TRANSITION"


def test_an_idempotency_key_signs_once(tasks, login):
    task = dispatched(tasks, login)
    assignment_id = next(p.assignment_id for p in task.progress if p.village_id == VILLAGES[1])
    request = pb.AssignmentActionRequest(id=assignment_id, note="已签收")
    first = tasks.SignAssignment(request, metadata=login("yan.fenying", key="sign-1"))
    second = tasks.SignAssignment(request, metadata=login("yan.fenying", key="sign-1"))
    assert first == second
    assert [e.action for e in second.timeline].count("sign") == 1


def test_overdue_is_marked_once_and_survives_a_restart(stack, tasks, login):
    task = dispatched(tasks, login, draft(deadline=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2)))
    assignment_id = task.progress[0].assignment_id
    for _ in range(100):
        found = tasks.GetAssignment(pb.GetAssignmentRequest(id=assignment_id), metadata=login("he.fangya"))
        if found.overdue:
            break
        time.sleep(0.1)
    assert found.overdue
    stack.stop("tasks")
    stack.start_service("tasks")
    time.sleep(1.0)  # several sweeps after the restart
    events = read_events(stack, "tasks.assignment.overdue", events_pb2.AssignmentOverdue,
                         lambda e: e.assignment.task_id == task.id, wait=3)
    assert sorted(e.assignment.village_id for e in events) == VILLAGES  # once per assignment
    overdue = tasks.ListAssignments(pb.ListAssignmentsRequest(view="overdue", town_id=TOWN),
                                    metadata=login("he.fangya"))
    assert assignment_id in {a.id for a in overdue.assignments}
    urged = tasks.UrgeAssignment(pb.AssignmentActionRequest(id=assignment_id, note="请今天办结"),
                                 metadata=login("dong.qing"))
    assert urged.urge_count == 1 and urged.timeline[-1].action == "urge"
    assert [e.action for e in urged.timeline].count("overdue") == 1
