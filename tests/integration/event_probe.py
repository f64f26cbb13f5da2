"""A tiny producer/consumer service used by the event-delivery tests (real DB, real NATS).

`python -m tests.integration.event_probe consume DATABASE_URL NATS_URL [--crash-after-commit]`
runs a durable consumer that counts HouseholdColorChanged events in `effects`; with
--crash-after-commit it kills itself with SIGKILL right after its first commit, before the ack.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import signal

from sqlalchemy import Column, Integer, String, Table, create_engine

from shared import bus, db
from shared.consumer import EventConsumer, Subscription
from shared.outbox import Database, Transaction, infrastructure_tables
from zhili.directory.v1 import events_pb2

metadata = db.make_metadata()
infra = infrastructure_tables(metadata)
effects = Table("effects", metadata,
                Column("event_id", String(64), primary_key=True),
                Column("applied", Integer, nullable=False))
STREAM, SUBJECT, DURABLE = "DIRECTORY", "directory.household.color_changed", "probe"


def create_schema(url: str) -> None:
    engine = create_engine(db.sync_url(url))
    metadata.create_all(engine)
    engine.dispose()


async def count_effect(tx: Transaction, event: events_pb2.HouseholdColorChanged) -> None:
    """Deliberately not idempotent itself: only the consumer's bookkeeping keeps it once."""
    row = (await tx.session.execute(effects.select().where(
        effects.c.event_id == event.meta.event_id))).first()
    if row is None:
        await tx.session.execute(effects.insert().values(event_id=event.meta.event_id, applied=1))
    else:
        await tx.session.execute(effects.update().where(
            effects.c.event_id == event.meta.event_id).values(applied=row.applied + 1))


def subscription(ack_wait: float = 2.0) -> Subscription:
    return Subscription(durable=DURABLE, stream=STREAM, subject=SUBJECT,
                        message_type=events_pb2.HouseholdColorChanged, handler=count_effect,
                        ack_wait_seconds=ack_wait)


async def consume(database_url: str, nats_url: str, crash_after_commit: bool) -> None:
    database = Database(database_url, infra)
    nc = await bus.connect(nats_url, name="probe")
    js = nc.jetstream()
    await bus.ensure_service_stream(js, "directory")
    await bus.ensure_dead_letter_stream(js)
    crash = (lambda _id: os.kill(os.getpid(), signal.SIGKILL)) if crash_after_commit else None
    await EventConsumer(database, js, subscription(), after_commit=crash).run()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["consume"])
    parser.add_argument("database_url")
    parser.add_argument("nats_url")
    parser.add_argument("--crash-after-commit", action="store_true")
    args = parser.parse_args()
    asyncio.run(consume(args.database_url, args.nats_url, args.crash_after_commit))
