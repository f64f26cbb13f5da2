"""Event subscriptions of evaluation: every tasks, petitions, procedures and directory event, one consumer each."""
from __future__ import annotations

from google.protobuf.message import DecodeError

from services.evaluation.service import ingest_others, ingest_tasks, names
from services.evaluation.service.ledger import finish_batch, start_batch, touch
from shared.consumer import PoisonMessage, Subscription
from shared.outbox import Transaction
from zhili.evaluation.v1 import events_pb2

# (stream, subjects it carries): streams are ensured before subscribing (see app.py).
STREAMS = {"TASKS": "tasks.>", "PETITIONS": "petitions.>", "PROCEDURES": "procedures.>",
           "DIRECTORY": "directory.>"}


class Envelope:
    """Any zhili event: its meta is read now, the payload is decoded by subject in the handler."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.meta = events_pb2.EventEnvelope.FromString(data).meta

    @classmethod
    def FromString(cls, data: bytes) -> "Envelope":  # noqa: N802 - the protobuf spelling
        return cls(data)


def _decode(envelope: Envelope, types: dict):
    message_type = types.get(envelope.meta.subject)
    if message_type is None:
        return None  # an event evaluation does not use: recorded as processed, nothing else
    try:
        return message_type.FromString(envelope.data)
    except DecodeError as exc:
        raise PoisonMessage(f"cannot decode {message_type.__name__}: {exc}") from exc


async def on_task_event(tx: Transaction, envelope: Envelope) -> None:
    start_batch(tx.session)
    event = _decode(envelope, ingest_tasks.TYPES)
    if event is not None:
        await ingest_tasks.apply(tx.session, envelope.meta.subject, event)
        await touch(tx.session, "tasks")


async def on_petition_event(tx: Transaction, envelope: Envelope) -> None:
    start_batch(tx.session)
    event = _decode(envelope, ingest_others.PETITION_TYPES)
    if event is not None:
        await ingest_others.apply_petition(tx.session, envelope.meta.subject, event)
        await touch(tx.session, "petitions")


async def on_procedure_event(tx: Transaction, envelope: Envelope) -> None:
    start_batch(tx.session)
    event = _decode(envelope, ingest_others.PROCEDURE_TYPES)
    if event is not None:
        await ingest_others.apply_procedure(tx.session, envelope.meta.subject, event)
        await touch(tx.session, "procedures")


async def on_directory_event(tx: Transaction, envelope: Envelope) -> None:
    # Names change no score or rank: nothing to count, no change counter to bump.
    event = _decode(envelope, names.TYPES)
    if event is not None:
        await names.apply(tx.session, envelope.meta.subject, event)


async def finish(tx: Transaction) -> None:
    """Before the commit: the counters and change counts the transaction's events summed up."""
    await finish_batch(tx.session)


# Up to BATCH events per transaction (see bench/evaluation/RESULTS.md for what it buys).
BATCH = 50
SUBSCRIPTIONS: list[Subscription] = [
    Subscription(durable="evaluation-tasks", stream="TASKS", subject="tasks.>",
                 message_type=Envelope, handler=on_task_event, batch_size=BATCH, finish=finish),
    Subscription(durable="evaluation-petitions", stream="PETITIONS", subject="petitions.>",
                 message_type=Envelope, handler=on_petition_event, batch_size=BATCH,
                 finish=finish),
    Subscription(durable="evaluation-procedures", stream="PROCEDURES", subject="procedures.>",
                 message_type=Envelope, handler=on_procedure_event, batch_size=BATCH,
                 finish=finish),
    Subscription(durable="evaluation-directory", stream="DIRECTORY", subject="directory.>",
                 message_type=Envelope, handler=on_directory_event, batch_size=BATCH),
]
