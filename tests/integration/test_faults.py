"""Faults on a stack of our own: kill -9 every process (and PostgreSQL) under a mixed workload and
audit that nothing accepted was lost or doubled; a hung or dead peer answers fast, not a pile-up."""
from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import os
import time

import httpx
import pytest

from stack.processes import SERVICES, Stack, StackConfig
from stack.testing import create_database, throwaway_cluster
from tests.integration.conftest import PASSWORD, assert_problem
from tests.integration.fault_workload import API, TAOYUAN, Workload, ledger_lines, pages, read

# Starting this stack takes 1-3 minutes and each restart 5-30 s, depending on the machine's load.
pytestmark = pytest.mark.timeout(900)
GRPC_TIMEOUT = 1.0  # the gateway's deadline on every gRPC call in this stack
PEOPLE = ["jin.yi", "he.fangya", "dong.qing", "tu.su", "ge.yu"]


# PostgreSQL (production) always; SQLite too with ZHILI_FAULT_BACKENDS=postgresql,sqlite (each
# backend adds a stack start and a fault round: several minutes on a 2-core machine).
FAULT_BACKENDS = os.environ.get("ZHILI_FAULT_BACKENDS", "postgresql").split(",")


@pytest.fixture(scope="module", params=FAULT_BACKENDS)
def faulty(request, tmp_path_factory):
    """(stack, cluster): our own processes and, on PostgreSQL, our own cluster, free to be
    killed without disturbing the session stack of the other tests."""
    with contextlib.ExitStack() as cleanup:
        cluster, urls = None, {}
        if request.param == "postgresql":
            cluster = cleanup.enter_context(throwaway_cluster(synchronous_commit=True))
            urls = {service: create_database(cluster.admin_url, service) for service in SERVICES}
        config = StackConfig.ephemeral(tmp_path_factory.mktemp(f"faults-{request.param}"), urls)
        # Deadlines: services give up on their peers before the gateway gives up on them.
        config.extra_env.update(GRPC_TIMEOUT_SECONDS=str(GRPC_TIMEOUT), PEER_TIMEOUT_SECONDS="0.8")
        running = Stack(config)
        running.prepare(demo=True)
        cleanup.callback(running.stop_all)
        running.start_all()
        yield running, cluster


@pytest.fixture(scope="module")
def client(faulty):
    stack, _ = faulty
    with httpx.Client(base_url=stack.config.base_url, timeout=20) as http:
        yield http


@pytest.fixture(scope="module")
def headers(client) -> dict[str, dict]:
    found = {}
    for username in PEOPLE:
        reply = client.post(f"{API}/auth/token", json={"username": username, "password": PASSWORD})
        assert reply.status_code == 200, reply.text
        found[username] = {"Authorization": f"Bearer {reply.json()['access_token']}"}
    return found


def timed(call) -> tuple[float, httpx.Response]:
    started = time.monotonic()
    reply = call()
    return time.monotonic() - started, reply


def concurrently(call, n: int) -> list[tuple[float, httpx.Response]]:
    with concurrent.futures.ThreadPoolExecutor(n) as pool:
        return list(pool.map(lambda _: timed(call), range(n)))


# --- a hung peer and a dead peer ---------------------------------------------------------------
def test_a_hung_peer_is_a_fast_504_and_a_dead_one_a_fast_503_without_pile_up(faulty, client,
                                                                               headers):
    stack, _ = faulty
    read = lambda: client.get(f"{API}/tasks", params={"page_size": 5}, headers=headers["he.fangya"])  # noqa: E731
    other = lambda: client.get(f"{API}/petitions", params={"page_size": 5}, headers=headers["jin.yi"])  # noqa: E731
    assert read().status_code == 200
    stack.pause("tasks")
    try:
        answers = concurrently(read, 24)
        slowest = max(seconds for seconds, _ in answers)
        print(f"\nhung tasks: 24 concurrent reads, slowest {slowest:.2f} s, statuses "
              f"{collections.Counter(r.status_code for _, r in answers)}")
        for _, reply in answers:
            assert_problem(reply, 504, "TIMEOUT")
        assert slowest <= GRPC_TIMEOUT + 1.5, slowest  # each waits its own deadline, no queue
        seconds, reply = timed(other)  # the other peers are not held up by the hung one
        assert reply.status_code == 200 and seconds < 1.0, (seconds, reply.text)
    finally:
        stack.resume("tasks")
    assert read().status_code == 200  # recovered as soon as it runs again

    stack.kill("catalogue")
    try:
        answers = concurrently(lambda: client.get(f"{API}/catalogue/items", headers=headers[
            "he.fangya"]), 24)
        slowest = max(seconds for seconds, _ in answers)
        print(f"dead catalogue: 24 concurrent reads, slowest {slowest:.2f} s")
        for _, reply in answers:
            assert_problem(reply, 503, "UNAVAILABLE")
        assert slowest <= GRPC_TIMEOUT + 1.0, slowest
    finally:
        stack.start_service("catalogue")
    # The gateway's channel reconnects on its own backoff (at most 2 s, shared/grpc_client.py):
    # until then a request may still get the retryable 503; within a few seconds it is served.
    deadline = time.monotonic() + 5.0
    items = lambda: client.get(f"{API}/catalogue/items", headers=headers["he.fangya"])  # noqa: E731
    while (reply := items()).status_code != 200:
        assert_problem(reply, 503, "UNAVAILABLE")
        assert time.monotonic() < deadline, "the gateway did not reconnect to the restarted catalogue"
        time.sleep(0.2)


def test_a_hung_catalogue_fails_a_screening_fast_through_the_tasks_service(faulty, client, headers):
    """tasks → catalogue (PEER_TIMEOUT_SECONDS) gives up before the gateway's own deadline."""
    stack, _ = faulty
    draft = client.post(f"{API}/tasks", headers=headers["he.fangya"], json={
        "title": "村级防汛物资清点", "category": "town", "points": 5, "target_village_ids": [TAOYUAN],
        "description": "请各村清点防汛沙袋、救生衣等物资，缺的补齐，月底前报镇应急办。",
        "deadline": "2027-01-30T00:00:00+00:00"})
    assert draft.status_code == 201, draft.text
    submit = lambda: client.post(f"{API}/tasks/{draft.json()['id']}/submit",  # noqa: E731
                                 headers=headers["he.fangya"])
    stack.pause("catalogue")
    try:
        seconds, reply = timed(submit)
        print(f"\nhung catalogue: submit answered {reply.status_code} in {seconds:.2f} s")
        assert reply.status_code in (503, 504), reply.text
        assert_problem(reply, reply.status_code)
        assert seconds <= GRPC_TIMEOUT + 1.0
    finally:
        stack.resume("catalogue")
    task = client.get(f"{API}/tasks/{draft.json()['id']}", headers=headers["he.fangya"]).json()
    assert task["state"] == "draft"  # nothing half-done: the failed screening changed nothing
    assert submit().status_code == 200


# --- kill -9 everything in turn under load ----------------------------------------------------
FAULTS = ["tasks", "petitions", "evaluation", "catalogue", "directory", "gateway", "nats",
          "postgresql"]


def inject(stack: Stack, cluster, target: str) -> None:
    if target == "postgresql":
        cluster.kill()
        time.sleep(1.5)
        cluster.start()
    elif target == "nats":
        stack.kill("nats")
        time.sleep(1.5)
        stack.start_nats()
    elif target == "gateway":
        stack.kill("gateway", group=True)
        time.sleep(1.5)
        stack.start_gateway()
    else:
        stack.kill(target)
        time.sleep(1.5)
        stack.start_service(target)


def wait_for_progress(workload: Workload, timeout: float = 60.0) -> None:
    before = workload.progress()
    deadline = time.monotonic() + timeout
    while workload.progress() < before + 3:
        assert time.monotonic() < deadline, "no progress after the restart"
        time.sleep(0.2)


def test_kill_9_each_process_under_load_loses_and_doubles_nothing(faulty, client, headers):
    stack, cluster = faulty
    people = pages(client, f"{API}/people", "people", headers["he.fangya"], org_id=TAOYUAN)
    cadre = next(p["id"] for p in people if p["username"] == "ge.yu")
    workload = Workload(stack.config.base_url, headers, cadre)
    started = time.monotonic()
    workload.start()
    faults = 0
    try:
        wait_for_progress(workload)
        for target in [f for f in FAULTS if cluster is not None or f != "postgresql"]:
            time.sleep(1.0)
            workload.tally.phase = target
            print(f"[{time.monotonic() - started:.1f} s] kill -9 {target}")
            inject(stack, cluster, target)
            faults += 1
            wait_for_progress(workload)
    finally:
        workload.stop()
    tally = workload.tally
    print(f"\n{faults} kill -9 faults ({', '.join(FAULTS[:faults])}) in "
          f"{time.monotonic() - started:.0f} s"
          f"\noperations accepted: {sum(tally.operations.values())} {dict(tally.operations)}"
          f"\nanswers seen (incl. retries), by fault: {tally.by_phase()}"
          f"\npetitions {len(tally.petitions)}, tasks {len(tally.tasks)}, "
          f"assignments {collections.Counter(tally.assignments.values())}")
    discrepancies = list(tally.problems)
    discrepancies += audit_petitions(client, headers, tally)
    discrepancies += audit_tasks(client, headers, tally)
    discrepancies += audit_ledgers(client, headers, tally, cadre)
    print(f"discrepancies: {len(discrepancies)}" + "".join(f"\n  {d}" for d in discrepancies))
    assert faults == len(FAULTS) - (cluster is None)
    assert len(tally.petitions) >= 10 and sum(s == "accepted" for s in tally.assignments.values()) >= 2
    assert discrepancies == []
    # A database or peer that is down is a 503/504 the client may retry, never a 500 (a bug).
    internal = {phase: n for (phase, answer), n in tally.answers.items() if answer.startswith("500")}
    assert internal == {}


def audit_petitions(client, headers, tally) -> list[str]:
    found = collections.defaultdict(list)
    for petition in pages(client, f"{API}/petitions", "petitions", headers["jin.yi"],
                          view="reported_by_me"):
        for marker in tally.petitions:
            if f"（{marker}）" in petition.get("content", ""):
                found[marker].append(petition["id"])
    wrong = []
    for marker, petition_id in tally.petitions.items():
        if found.get(marker) != [petition_id]:
            wrong.append(f"petition {marker}: accepted as {petition_id}, stored as {found.get(marker)}")
    return wrong


def audit_tasks(client, headers, tally) -> list[str]:
    found = collections.defaultdict(list)
    for task in pages(client, f"{API}/tasks", "tasks", headers["he.fangya"]):
        if task["title"] in tally.tasks:
            found[task["title"]].append(task["id"])
    wrong = [f"task {title}: accepted as {task_id}, stored as {found.get(title)}"
             for title, task_id in tally.tasks.items() if found.get(title) != [task_id]]
    for assignment, state in tally.assignments.items():
        reply = read(client, f"{API}/assignments/{assignment}", headers["he.fangya"])
        stored = reply.json() if reply.status_code == 200 else {}
        actions = collections.Counter(e["action"] for e in stored.get("timeline", []))
        expected = {"dispatched": 1, "sign": 1, "allocate": 1, "submit": 2, "send_back": 1,
                    "accept": 1} if state == "accepted" else None
        if stored.get("state") != state or (expected and dict(actions) != expected):
            wrong.append(f"assignment {assignment}: answered {state}, stored "
                         f"{stored.get('state')} with timeline {dict(actions)}")
    return wrong


def audit_ledgers(client, headers, tally, cadre: str, timeout: float = 60.0) -> list[str]:
    """Each accepted assignment: one task line and one send-back line, for the cadre and the village."""
    accepted = [a for a, state in tally.assignments.items() if state == "accepted"]
    expected = {(a, c): 1 for a in accepted for c in ("task", "sent_back")}

    def counts(subject: str) -> dict:
        lines = ledger_lines(client, headers["dong.qing"], subject)
        return dict(collections.Counter((line["source_id"], line["component"]) for line in lines
                                        if line["source_id"] in accepted))
    deadline = time.monotonic() + timeout
    while True:  # events arrive after the requests were answered: wait for the last ones
        found = {subject: counts(subject) for subject in (cadre, TAOYUAN)}
        if all(f == expected for f in found.values()) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    wrong = []
    for subject, lines in found.items():
        for key in sorted(set(expected) | set(lines)):
            if lines.get(key, 0) != expected.get(key, 0):
                wrong.append(f"ledger of {subject}: {key} has {lines.get(key, 0)} lines, "
                             f"expected {expected.get(key, 0)}")
    return wrong
