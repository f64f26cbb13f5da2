"""Outbox and consumers under faults: NATS killed and restarted, a consumer killed before its ack."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

import pytest
from prometheus_client import REGISTRY
from sqlalchemy import func, select, update

from shared import bus
from shared.outbox import Database, OutboxRelay
from stack.processes import Stack, StackConfig
from tests.integration import event_probe as probe
from zhili.directory.v1 import events_pb2


@pytest.fixture
def nats(tmp_path):
    """A NATS server of our own, so the test may kill it."""
    running = Stack(StackConfig.ephemeral(tmp_path / "stack"))
    running.start_nats()
    yield running
    running.stop_all()


@pytest.fixture
def probe_db(database_url):
    probe.create_schema(database_url)
    return database_url


def nats_url(stack: Stack) -> str:
    return f"nats://127.0.0.1:{stack.config.nats_port}"


async def emit(database: Database, reason: str) -> str:
    async with database.transaction(actor_id="test") as tx:
        return tx.emit(probe.SUBJECT, events_pb2.HouseholdColorChanged(
            household_id="h1", grid_id="330688100201G01", from_color="green", to_color="red",
            reason=reason))


async def wait_for(predicate, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not await predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.1)


async def applied_counts(database: Database) -> dict[str, int]:
    async with database.sessions() as session:
        return dict((await session.execute(select(probe.effects.c.event_id,
                                                  probe.effects.c.applied))).all())


def lag_sample(suffix: str) -> float:
    return REGISTRY.get_sample_value(f"zhili_event_lag_seconds_{suffix}", {"consumer": probe.DURABLE}) or 0.0


async def test_event_written_while_nats_is_down_is_applied_once(nats, probe_db):
    lag_count, lag_sum = lag_sample("count"), lag_sample("sum")
    database = Database(probe_db, probe.infra)
    nc = await bus.connect(nats_url(nats), name="relay")
    js = nc.jetstream()
    await bus.ensure_service_stream(js, "directory")
    await bus.ensure_dead_letter_stream(js)
    relay = asyncio.create_task(OutboxRelay(database, js, poll_seconds=0.2).run())
    consumer_js = nc.jetstream()
    consumer = asyncio.create_task(probe.EventConsumer(database, consumer_js,
                                                       probe.subscription()).run())
    try:
        first = await emit(database, "before the outage")
        await wait_for(lambda: _has(database, first))
        nats.kill("nats")
        during = await emit(database, "while NATS is down")
        await asyncio.sleep(1.0)
        assert (await applied_counts(database)).get(during) is None
        nats.start_nats()  # same port, same store
        await wait_for(lambda: _has(database, during), timeout=30)
        # A relay that crashed after publishing but before marking the row publishes it again:
        async with database.sessions() as session, session.begin():
            await session.execute(update(probe.infra.outbox).where(
                probe.infra.outbox.c.id == during).values(published_at=None))
        database.events_committed.set()
        await wait_for(lambda: _all_published(database))
        await asyncio.sleep(1.0)
        assert await applied_counts(database) == {first: 1, during: 1}
        # The consumer's lag metric counts each applied event once (not the republished copy),
        # and the event written during the outage waited at least the second NATS was down.
        assert lag_sample("count") - lag_count == 2
        assert lag_sample("sum") - lag_sum >= 1.0
    finally:
        relay.cancel()
        consumer.cancel()
        await asyncio.gather(relay, consumer, return_exceptions=True)
        await nc.close()
        await database.dispose()


async def test_consumer_killed_between_commit_and_ack_applies_once(nats, probe_db):
    database = Database(probe_db, probe.infra)
    nc = await bus.connect(nats_url(nats), name="relay")
    js = nc.jetstream()
    await bus.ensure_service_stream(js, "directory")
    relay = asyncio.create_task(OutboxRelay(database, js, poll_seconds=0.2).run())
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    argv = [sys.executable, "-m", "tests.integration.event_probe", "consume", probe_db,
            nats_url(nats)]
    try:
        event_id = await emit(database, "crash test")
        await wait_for(lambda: _all_published(database))
        crashed = await asyncio.create_subprocess_exec(*argv, "--crash-after-commit", env=env,
                                                       stderr=subprocess.PIPE)
        _, stderr = await asyncio.wait_for(crashed.communicate(), timeout=60)
        assert crashed.returncode == -9, stderr.decode()[-2000:]
        assert await applied_counts(database) == {event_id: 1}  # committed, never acked
        survivor = subprocess.Popen(argv, env=env)
        try:
            async def acked() -> bool:
                info = await js.consumer_info(probe.STREAM, probe.DURABLE)
                return info.num_ack_pending == 0 and info.num_pending == 0
            await wait_for(acked, timeout=30)  # redelivered after ack_wait, then acked
        finally:
            survivor.terminate()
            survivor.wait(timeout=10)
        assert await applied_counts(database) == {event_id: 1}
        async with database.sessions() as session:
            processed = await session.scalar(select(func.count()).select_from(
                probe.infra.processed_events))
        assert processed == 1
    finally:
        relay.cancel()
        await asyncio.gather(relay, return_exceptions=True)
        await nc.close()
        await database.dispose()


async def test_poison_message_is_parked_with_its_reason(nats, probe_db):
    database = Database(probe_db, probe.infra)
    nc = await bus.connect(nats_url(nats), name="poison")
    js = nc.jetstream()
    await bus.ensure_service_stream(js, "directory")
    await bus.ensure_dead_letter_stream(js)
    consumer = asyncio.create_task(probe.EventConsumer(database, js, probe.subscription()).run())
    try:
        await js.publish(probe.SUBJECT, b"\xff\xfenot a protobuf", headers={"Nats-Msg-Id": "bad-1"})
        dead = await js.pull_subscribe("deadletter.probe", durable="inspect", stream="DEADLETTER")
        message = (await dead.fetch(1, timeout=10))[0]
        assert message.data == b"\xff\xfenot a protobuf"
        assert message.headers["Zhili-Dead-Reason"].startswith("poison")
        assert message.headers["Zhili-Original-Subject"] == probe.SUBJECT
        await message.ack()
        assert await applied_counts(database) == {}
    finally:
        consumer.cancel()
        await asyncio.gather(consumer, return_exceptions=True)
        await nc.close()
        await database.dispose()


async def _has(database: Database, event_id: str) -> bool:
    return event_id in await applied_counts(database)


async def _all_published(database: Database) -> bool:
    async with database.sessions() as session:
        return not await session.scalar(select(func.count()).select_from(
            probe.infra.outbox).where(probe.infra.outbox.c.published_at.is_(None)))


async def test_sqlite_writer_waiting_on_a_peer_stalls_neither_the_relay_nor_the_service(nats,
                                                                                       tmp_path):
    """SQLite runs in the event loop's thread: a write that met SQLite's busy lock there would
    stop the loop. A use case that holds the write lock while it awaits a peer must leave the
    loop running, and the relay's marking waits its turn."""
    url = f"sqlite:///{tmp_path / 'writer.db'}"
    probe.create_schema(url)
    database = Database(url, probe.infra)
    nc = await bus.connect(nats_url(nats), name="writer")
    js = nc.jetstream()
    await bus.ensure_service_stream(js, "directory")
    relay = asyncio.create_task(OutboxRelay(database, js, poll_seconds=0.2).run())
    gaps: list[float] = []

    async def ticker() -> None:
        last = time.monotonic()
        while True:
            await asyncio.sleep(0.05)
            now = time.monotonic()
            gaps.append(now - last)
            last = now

    ticking = asyncio.create_task(ticker())
    try:
        before = await emit(database, "committed just before")  # wakes the relay
        async with database.transaction(actor_id="test") as tx:
            await tx.session.execute(probe.effects.insert().values(event_id="held", applied=0))
            during = tx.emit(probe.SUBJECT, events_pb2.HouseholdColorChanged(
                household_id="h2", grid_id="330688100201G01", from_color="red",
                to_color="green", reason="while the write lock is held"))
            await asyncio.sleep(1.5)  # a gRPC call to a peer, with SQLite's write lock taken
        await wait_for(lambda: _all_published(database), timeout=10)
        assert max(gaps) < 0.5, f"the event loop stopped for {max(gaps):.1f} s"
        async with database.sessions() as session:
            published = set((await session.execute(select(probe.infra.outbox.c.id).where(
                probe.infra.outbox.c.published_at.is_not(None)))).scalars())
        assert published == {before, during}
    finally:
        for task in (relay, ticking):
            task.cancel()
        await asyncio.gather(relay, ticking, return_exceptions=True)
        await nc.close()
        await database.dispose()
