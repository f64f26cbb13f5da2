"""Durable JetStream consumers with exactly-once effect: effect and event id commit together."""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from google.protobuf.message import DecodeError, Message
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from nats.js.errors import NotFoundError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from shared import db as dbmod
from shared.bus import DEAD_LETTER_PREFIX
from shared.errors import DomainError
from shared.logs import trace_id_var
from shared.metrics import EVENT_LAG, EVENTS_CONSUMED
from shared.outbox import EMITTED_AT_HEADER, MSG_ID_HEADER, TRACE_ID_HEADER, Database, Transaction

log = logging.getLogger(__name__)


class PoisonMessage(Exception):
    """The event can never be applied (malformed, contradicts the rules): park it, do not retry."""


class _AppliedElsewhere(Exception):
    pass


Handler = Callable[[Transaction, Message], Awaitable[None]]
Finish = Callable[[Transaction], Awaitable[None]]


@dataclass
class Subscription:
    durable: str            # consumer name, also the key in processed_events
    stream: str
    subject: str            # filter subject, e.g. "tasks.assignment.>"
    message_type: type[Message]
    handler: Handler
    max_deliver: int = 12   # after that many failed attempts the event is parked, never dropped
    ack_wait_seconds: float = 30.0
    # Events applied per transaction (each still with its own processed_events row). 1: one
    # transaction per event. A batch that fails as a whole is rolled back and its events are
    # applied one by one, so a poison event or a transient error is handled as before.
    batch_size: int = 1
    # Called once before the commit of every transaction that applied events (after the
    # handler of the last one): where a handler that buffers its writes in `tx.session.info`
    # writes them out. It must only touch tx.session too.
    finish: Finish | None = None


def observe_lag(consumer: str, headers: dict) -> None:
    """Record emit → applied for an event this consumer has just committed (if it says when)."""
    try:
        emitted = float(headers.get(EMITTED_AT_HEADER, ""))
    except ValueError:
        return  # published before the header existed, or by something other than an outbox
    EVENT_LAG.labels(consumer).observe(max(time.time() - emitted, 0.0))


def backoff_seconds(attempt: int) -> float:
    """Delay before redelivery after `attempt` failed deliveries: 0.5 s doubling up to 60 s."""
    return min(0.5 * 2 ** max(attempt - 1, 0), 60.0)


class EventConsumer:
    """Pulls one subscription's events and applies each exactly once in effect."""

    def __init__(self, database: Database, js, subscription: Subscription, *,
                 after_commit: Callable[[str], None] | None = None) -> None:
        self._db = database
        self._js = js
        self._sub = subscription
        self._after_commit = after_commit

    async def run(self) -> None:
        sub = self._sub
        config = ConsumerConfig(durable_name=sub.durable, ack_policy=AckPolicy.EXPLICIT,
                                deliver_policy=DeliverPolicy.ALL, filter_subject=sub.subject,
                                ack_wait=sub.ack_wait_seconds, max_deliver=-1)
        pull = await self._subscribe(config)
        while True:
            try:
                messages = await pull.fetch(batch=50, timeout=1)
            except TimeoutError:  # nats' own, or the bare asyncio one its fetch also raises
                continue
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # connection lost: nats-py reconnects, we keep asking
                log.warning("fetch failed", extra={"consumer": sub.durable, "error": repr(exc)})
                await asyncio.sleep(0.5)
                continue
            if sub.batch_size > 1 and len(messages) > 1:
                for start in range(0, len(messages), sub.batch_size):
                    await self.handle_batch(messages[start:start + sub.batch_size])
            else:
                for message in messages:
                    await self.handle(message)

    async def _subscribe(self, config: ConsumerConfig):
        """Wait for the producer's stream: a consumer may start before its producer ever ran."""
        sub, attempt = self._sub, 0
        while True:
            try:
                return await self._js.pull_subscribe(sub.subject, durable=sub.durable,
                                                     stream=sub.stream, config=config)
            except NotFoundError:
                attempt += 1
                if attempt == 1:
                    log.warning("stream not there yet, waiting for its producer",
                                extra={"consumer": sub.durable, "stream": sub.stream})
                await asyncio.sleep(min(0.5 * attempt, 5.0))

    async def handle(self, message) -> None:
        sub = self._sub
        headers = message.headers or {}
        event_id = headers.get(MSG_ID_HEADER, "")
        trace_id_var.set(headers.get(TRACE_ID_HEADER, ""))
        attempt = message.metadata.num_delivered if message.metadata else 1
        try:
            if not event_id:
                raise PoisonMessage("missing Nats-Msg-Id header")
            try:
                event = sub.message_type.FromString(message.data)
            except DecodeError as exc:
                raise PoisonMessage(f"cannot decode {sub.message_type.__name__}: {exc}") from exc
            applied = await self._apply_once(event_id, event)
        except (PoisonMessage, DomainError) as exc:
            await self._park(message, event_id, f"poison: {exc!r}")
            return
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # transient (database busy, peer down): retry later
            if attempt >= sub.max_deliver:
                await self._park(message, event_id, f"gave up after {attempt} attempts: {exc!r}")
                return
            EVENTS_CONSUMED.labels(sub.durable, "retried").inc()
            log.warning("event failed, will retry", extra={
                "consumer": sub.durable, "event_id": event_id, "attempt": attempt,
                "error": repr(exc)})
            await message.nak(delay=backoff_seconds(attempt))
            return
        if applied:
            observe_lag(sub.durable, headers)
        if self._after_commit:
            self._after_commit(event_id)
        await message.ack()
        EVENTS_CONSUMED.labels(sub.durable, "applied" if applied else "duplicate").inc()

    async def handle_batch(self, messages: list) -> None:
        """Apply several events in one transaction, each with its processed_events row; ack them
        after the commit. If anything fails, nothing of the batch is kept and every event goes
        through `handle` alone (poison parked, transient retried, duplicates skipped)."""
        sub = self._sub
        decoded = []
        for message in messages:
            headers = message.headers or {}
            event_id = headers.get(MSG_ID_HEADER, "")
            try:
                event = sub.message_type.FromString(message.data) if event_id else None
            except DecodeError:
                event = None
            if event is None:
                decoded = None  # malformed: `handle` parks it with its reason
                break
            decoded.append((message, event_id, headers.get(TRACE_ID_HEADER, ""), event))
        applied = None
        if decoded:
            try:
                applied = await self._apply_batch(decoded)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.info("batch not applied, applying its events one by one", extra={
                    "consumer": sub.durable, "events": len(messages), "error": repr(exc)})
        if applied is None:
            for message in messages:
                await self.handle(message)
            return
        for message, event_id, _, _ in decoded:
            if applied[event_id]:
                observe_lag(sub.durable, message.headers or {})
            if self._after_commit:
                self._after_commit(event_id)
            await message.ack()
            EVENTS_CONSUMED.labels(sub.durable, "applied" if applied[event_id] else
                                   "duplicate").inc()

    async def _apply_batch(self, decoded: list) -> dict[str, bool]:
        processed, durable = self._db.tables.processed_events, self._sub.durable
        applied: dict[str, bool] = {}
        async with self._db.transaction() as tx:
            ids = {event_id for _, event_id, _, _ in decoded}
            seen = set((await tx.session.execute(select(processed.c.event_id).where(
                processed.c.consumer == durable, processed.c.event_id.in_(ids)))).scalars())
            fresh = []
            for _, event_id, trace_id, event in decoded:
                applied.setdefault(event_id, event_id not in seen)
                if event_id not in seen:  # a redelivery inside the batch counts once too
                    seen.add(event_id)
                    fresh.append((event_id, trace_id, event))
            if fresh:
                now = dbmod.utcnow()
                # another replica that applied one of them concurrently makes this fail: the
                # events are then applied one by one, where that is a duplicate
                await tx.session.execute(processed.insert(), [
                    dict(consumer=durable, event_id=event_id, processed_at=now)
                    for event_id, _, _ in fresh])
                for _, trace_id, event in fresh:
                    trace_id_var.set(trace_id)
                    await self._sub.handler(tx, event)
                if self._sub.finish:
                    await self._sub.finish(tx)
        return applied

    async def _apply_once(self, event_id: str, event: Message) -> bool:
        processed = self._db.tables.processed_events
        try:
            async with self._db.transaction() as tx:
                seen = await tx.session.scalar(select(processed.c.event_id).where(
                    processed.c.consumer == self._sub.durable, processed.c.event_id == event_id))
                if seen:
                    return False
                try:
                    await tx.session.execute(processed.insert(), dict(
                        consumer=self._sub.durable, event_id=event_id,
                        processed_at=dbmod.utcnow()))
                except IntegrityError as exc:
                    raise _AppliedElsewhere from exc
                await self._sub.handler(tx, event)
                if self._sub.finish:
                    await self._sub.finish(tx)
        except _AppliedElsewhere:
            return False  # another replica applied it concurrently; its commit is the one effect
        return True

    async def _park(self, message, event_id: str, reason: str) -> None:
        """Move the event to the dead-letter stream with the reason, then stop redelivery."""
        log.error("event parked on dead-letter subject", extra={
            "consumer": self._sub.durable, "event_id": event_id, "reason": reason})
        await self._js.publish(f"{DEAD_LETTER_PREFIX}.{self._sub.durable}", message.data, headers={
            "Zhili-Dead-Reason": reason[:500], "Zhili-Original-Subject": message.subject,
            MSG_ID_HEADER: f"dead-{self._sub.durable}-{event_id or dbmod.new_id()}"})
        await message.term()
        EVENTS_CONSUMED.labels(self._sub.durable, "parked").inc()
