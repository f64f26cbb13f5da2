"""Idempotency-Key through the gateway: a retry gets the first response, a reused key with another
body is refused (422), concurrent twins never make two objects (one wins, the others 409 or replay)."""
from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from shared.errors import Conflict
from shared.idempotency import run_idempotent
from shared.outbox import Database
from tests.integration import event_probe as probe
from tests.integration.conftest import assert_problem
from tests.integration.fault_workload import pages
from zhili.directory.v1 import events_pb2

API = "/api/v1"
TAOYUAN = "330688100201"


def report(marker: str) -> dict:
    return {"source": "grid_report", "element_code": "E0301",
            "content": f"村口垃圾桶满了三天没人清运，气味很大（{marker}）"}


def stored_petitions(api, login, marker: str) -> list[str]:
    return [p["id"] for p in pages(api, f"{API}/petitions", "petitions", login("jin.yi"),
                                   view="reported_by_me") if f"（{marker}）" in p["content"]]


def with_key(login, who: str, key: str) -> dict:
    return {**login(who), "Idempotency-Key": key}


def test_a_retry_with_the_same_key_and_body_returns_the_first_response(api, login):
    marker, key = uuid.uuid4().hex[:8], str(uuid.uuid4())
    first = api.post(f"{API}/petitions", json=report(marker), headers=with_key(login, "jin.yi", key))
    assert first.status_code == 201, first.text
    again = api.post(f"{API}/petitions", json=report(marker), headers=with_key(login, "jin.yi", key))
    assert again.status_code == 201, again.text
    assert again.json() == first.json()  # the very same answer, not a second petition
    assert stored_petitions(api, login, marker) == [first.json()["id"]]
    # Without a key the same body is a new report: the key, not the body, makes the retry safe.
    plain = api.post(f"{API}/petitions", json=report(marker), headers=login("jin.yi"))
    assert plain.status_code == 201 and plain.json()["id"] != first.json()["id"]
    assert sorted(stored_petitions(api, login, marker)) == sorted([first.json()["id"],
                                                                   plain.json()["id"]])


def test_the_same_key_with_another_body_is_refused_and_changes_nothing(api, login):
    marker, other, key = uuid.uuid4().hex[:8], uuid.uuid4().hex[:8], str(uuid.uuid4())
    first = api.post(f"{API}/petitions", json=report(marker), headers=with_key(login, "jin.yi", key))
    assert first.status_code == 201, first.text
    reused = api.post(f"{API}/petitions", json=report(other), headers=with_key(login, "jin.yi", key))
    problem = assert_problem(reused, 422, "IDEMPOTENCY_KEY_REUSED")
    assert problem["field"] == "Idempotency-Key"
    assert stored_petitions(api, login, other) == []
    # A different action under the same key is another request too.
    task = api.post(f"{API}/tasks", headers=with_key(login, "he.fangya", key), json=draft("键复用"))
    assert task.status_code == 201, task.text  # keys belong to a caller: he.fangya's is fresh
    twin = api.post(f"{API}/tasks/{task.json()['id']}/submit",
                    headers=with_key(login, "he.fangya", key))
    assert_problem(twin, 422, "IDEMPOTENCY_KEY_REUSED")
    assert api.get(f"{API}/tasks/{task.json()['id']}",
                   headers=login("he.fangya")).json()["state"] == "draft"


def draft(word: str) -> dict:
    deadline = dt.datetime.now(dt.UTC) + dt.timedelta(days=15)
    return {"title": f"村级{word}台账整理（{uuid.uuid4().hex[:6]}）", "category": "town", "points": 5,
            "description": "请各村整理本村防汛物资台账，缺的补齐，月底前报镇应急办。",
            "target_village_ids": [TAOYUAN], "deadline": deadline.isoformat()}


def at_once(send, n: int):
    with concurrent.futures.ThreadPoolExecutor(n) as pool:
        return list(pool.map(lambda _: send(), range(n)))


def check_twins(replies, ok: int) -> tuple[str, collections.Counter]:
    """Every twin got the winner's answer or 409 IDEMPOTENCY_IN_PROGRESS; returns the winner's id."""
    seen = collections.Counter()
    ids = set()
    for reply in replies:
        if reply.status_code == ok:
            ids.add(reply.json()["id"])
            seen["replayed or won"] += 1
        else:
            assert_problem(reply, 409, "IDEMPOTENCY_IN_PROGRESS")
            seen["409"] += 1
    assert len(ids) == 1, ids  # never two objects for one key
    return ids.pop(), seen


def test_concurrent_twins_make_one_petition(api, login):
    seen = collections.Counter()
    for _ in range(3):
        marker, key = uuid.uuid4().hex[:8], str(uuid.uuid4())
        replies = at_once(lambda: api.post(f"{API}/petitions", json=report(marker),  # noqa: B023
                                           headers=with_key(login, "jin.yi", key)), 8)  # noqa: B023
        winner, counts = check_twins(replies, 201)
        seen += counts
        assert stored_petitions(api, login, marker) == [winner]
        late = api.post(f"{API}/petitions", json=report(marker), headers=with_key(login, "jin.yi", key))
        assert late.status_code == 201 and late.json()["id"] == winner  # after it finished: replay
    print(f"\n24 concurrent petition twins: {dict(seen)}")


def test_concurrent_twins_screen_and_dispatch_a_task_once(api, login):
    """The submit holds its key while the catalogue screens the draft: twins overlap for sure."""
    created = api.post(f"{API}/tasks", headers=login("he.fangya"), json=draft("防汛物资"))
    assert created.status_code == 201, created.text
    task_id, key = created.json()["id"], str(uuid.uuid4())
    replies = at_once(lambda: api.post(f"{API}/tasks/{task_id}/submit",
                                       headers=with_key(login, "he.fangya", key)), 6)
    winner, seen = check_twins(replies, 200)
    assert winner == task_id
    task = api.get(f"{API}/tasks/{task_id}", headers=login("he.fangya")).json()
    assert task["state"] in ("screened", "rejected")
    approve_key = str(uuid.uuid4())
    if task["state"] == "screened":
        approvals = at_once(lambda: api.post(f"{API}/tasks/{task_id}/approve", json={"comment": "同意"},
                                             headers=with_key(login, "dong.qing", approve_key)), 6)
        check_twins(approvals, 200)
        progress = api.get(f"{API}/tasks/{task_id}", headers=login("he.fangya")).json()["progress"]
        assert [p["village_id"] for p in progress] == [TAOYUAN]  # dispatched once, one assignment
    print(f"\n6 concurrent submit twins: {dict(seen)}")


# --- the twin that arrives while the first still runs (deterministic, on the real database) ---
async def test_a_twin_arriving_while_the_first_is_running_never_runs_its_use_case(database_url,
                                                                                   backend):
    """Through the gateway the window is a few milliseconds (above, twins mostly replay); here the
    first request is held inside its transaction so the twin surely arrives during it.

    PostgreSQL: the twin waits on the first one's claim row and is refused with 409 once it
    commits. SQLite: the twin waits for the single writer, then finds the stored response and
    replays it. Either way its use case never runs."""
    probe.create_schema(database_url)
    database = Database(database_url, probe.infra)
    request = events_pb2.HouseholdColorChanged(household_id="h1", reason="first")
    inside, release, ran = asyncio.Event(), asyncio.Event(), collections.Counter()

    def use_case(name: str, hold: bool):
        async def run(tx):
            ran[name] += 1
            await tx.session.execute(probe.effects.insert().values(event_id=name, applied=1))
            if hold:
                inside.set()
                await release.wait()
            return events_pb2.HouseholdColorChanged(household_id="h1", reason=name)
        return run

    def attempt(name: str, hold: bool = False):
        return run_idempotent(database, caller="jin.yi", key="k-1", request=request,
                              response_type=events_pb2.HouseholdColorChanged,
                              use_case=use_case(name, hold))
    try:
        first = asyncio.create_task(attempt("first", hold=True))
        await asyncio.wait_for(inside.wait(), 10)
        twin = asyncio.create_task(attempt("twin"))
        await asyncio.sleep(0.5)  # the twin is now blocked on the first one's claim
        release.set()
        assert (await asyncio.wait_for(first, 30)).reason == "first"
        if backend == "postgresql":
            with pytest.raises(Conflict) as refused:
                await asyncio.wait_for(twin, 30)
            assert refused.value.code == "IDEMPOTENCY_IN_PROGRESS"
        else:
            assert (await asyncio.wait_for(twin, 30)).reason == "first"
        assert (await attempt("late")).reason == "first"  # after completion: the first response
        assert dict(ran) == {"first": 1}
        async with database.sessions() as session:
            effects = (await session.execute(select(probe.effects.c.event_id))).scalars().all()
        assert effects == ["first"]
    finally:
        release.set()
        await database.dispose()
