"""Transactional outbox: events saved in the same transaction as the change, published by a relay."""
from __future__ import annotations

import asyncio
import contextvars
import datetime as dt
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from google.protobuf.message import Message
from sqlalchemy import (Column, DateTime, Index, LargeBinary, MetaData, String, Table, Text,
                        delete, select, update)
from sqlalchemy.ext.asyncio import AsyncConnection

from shared import db as dbmod
from shared.logs import current_trace_id
from shared.metrics import EVENTS_PUBLISHED, OUTBOX_LAG

log = logging.getLogger(__name__)

MSG_ID_HEADER = "Nats-Msg-Id"
TRACE_ID_HEADER = "Zhili-Trace-Id"
EMITTED_AT_HEADER = "Zhili-Emitted-At"  # Unix time (seconds, 6 decimals) the event was emitted


@dataclass(frozen=True)
class InfraTables:
    """The bookkeeping tables every service keeps beside its own."""

    outbox: Table
    processed_events: Table
    idempotency_keys: Table
    audit_log: Table


def infrastructure_tables(metadata: MetaData) -> InfraTables:
    outbox = Table(
        "outbox", metadata,
        Column("id", String(36), primary_key=True),  # the event id, time-ordered
        Column("subject", String(200), nullable=False),
        Column("payload", LargeBinary, nullable=False),
        Column("trace_id", String(64), nullable=False, default=""),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("published_at", DateTime(timezone=True), nullable=True),
        Index("ix_outbox_unpublished", "published_at", "id"),
    )
    processed = Table(
        "processed_events", metadata,
        Column("consumer", String(100), primary_key=True),
        Column("event_id", String(64), primary_key=True),
        Column("processed_at", DateTime(timezone=True), nullable=False),
    )
    idempotency = Table(
        "idempotency_keys", metadata,
        Column("caller", String(100), primary_key=True),
        Column("key", String(200), primary_key=True),
        Column("request_hash", String(64), nullable=False),
        Column("response", LargeBinary, nullable=True),
        Column("created_at", DateTime(timezone=True), nullable=False),
    )
    audit = Table(
        "audit_log", metadata,
        Column("id", String(36), primary_key=True),
        Column("entity", String(50), nullable=False),
        Column("entity_id", String(64), nullable=False),
        Column("action", String(50), nullable=False),
        Column("from_state", String(50), nullable=False, default=""),
        Column("to_state", String(50), nullable=False, default=""),
        Column("reason", Text, nullable=False, default=""),
        Column("actor_id", String(64), nullable=False, default=""),
        Column("trace_id", String(64), nullable=False, default=""),
        Column("at", DateTime(timezone=True), nullable=False),
        Index("ix_audit_log_entity", "entity", "entity_id"),
    )
    return InfraTables(outbox, processed, idempotency, audit)


@dataclass
class Transaction:
    """One unit of work: its connection plus the events it will publish once committed.

    `session` is a Core `AsyncConnection` inside one database transaction (execute, scalar,
    scalars, begin_nested, info): SQL only, no ORM unit of work, which costs about 1 ms of CPU
    per transaction that our statements never used. Its `info` holds only what this transaction
    put there.
    """

    session: AsyncConnection
    tables: InfraTables
    actor_id: str = ""
    emitted: list[str] = field(default_factory=list)
    pending: list[dict] = field(default_factory=list, repr=False)

    def emit(self, subject: str, event: Message) -> str:
        """Queue `event` (a message with a `meta` EventMeta field) on `subject`; returns its id."""
        meta = event.meta
        if not meta.event_id:
            meta.event_id = dbmod.new_id()
        now = dbmod.utcnow()
        if not meta.occurred_at.seconds:
            meta.occurred_at.FromDatetime(now)
        meta.trace_id = meta.trace_id or current_trace_id()
        meta.actor_id = meta.actor_id or self.actor_id
        meta.subject = subject
        self.pending.append(dict(id=meta.event_id, subject=subject,
                                  payload=event.SerializeToString(), trace_id=meta.trace_id,
                                  created_at=now, published_at=None))
        self.emitted.append(meta.event_id)
        return meta.event_id

    async def audit(self, *, entity: str, entity_id: str, action: str, from_state: str = "",
                    to_state: str = "", reason: str = "") -> None:
        """Keep who changed what, when, from which state to which, and why."""
        await self.session.execute(self.tables.audit_log.insert(), dict(
            id=dbmod.new_id(), entity=entity, entity_id=entity_id, action=action,
            from_state=from_state, to_state=to_state, reason=reason, actor_id=self.actor_id,
            trace_id=current_trace_id(), at=dbmod.utcnow()))

    async def flush_events(self) -> None:
        if self.pending:
            await self.session.execute(self.tables.outbox.insert(), self.pending)
            self.pending = []


_writing: contextvars.ContextVar[bool] = contextvars.ContextVar("sqlite_writing", default=False)


class Database:
    """A service's database: engine, transactions that carry events, and the relay's wake-up."""

    def __init__(self, url: str, tables: InfraTables) -> None:
        self.url = url
        self.tables = tables
        self.engine = dbmod.create_engine(url)
        self.sessions = dbmod.sessionmaker(self.engine)
        self.events_committed = asyncio.Event()
        # SQLite has one writer at a time. Every write of this process (use cases, consumers,
        # the outbox relay) queues here: colliding in SQLite's busy handler instead would sleep
        # 1…100 ms between tries, and, as SQLite runs in the event loop's thread
        # (db.InThreadSqlite), would stop the loop, so the holder of the lock could never finish.
        self.writer_lock = asyncio.Lock() if dbmod.is_sqlite(url) else None

    @asynccontextmanager
    async def transaction(self, *, actor_id: str = "") -> AsyncIterator[Transaction]:
        async with self._one_writer():
            async with self.engine.connect() as connection:
                # `info` lives as long as the pooled connection: keep only what was there before
                kept = set(connection.info)
                try:
                    async with connection.begin():
                        tx = Transaction(session=connection, tables=self.tables,
                                         actor_id=actor_id)
                        yield tx
                        await tx.flush_events()
                finally:
                    # (an invalidated connection — the database went away — takes its info with it)
                    if not connection.invalidated:
                        for key in set(connection.info) - kept:
                            del connection.info[key]
        if tx.emitted:
            self.events_committed.set()

    @asynccontextmanager
    async def _one_writer(self) -> AsyncIterator[None]:
        if self.writer_lock is None or _writing.get():  # PostgreSQL, or nested in our own
            yield
            return
        async with self.writer_lock:
            token = _writing.set(True)
            try:
                yield
            finally:
                _writing.reset(token)

    async def dispose(self) -> None:
        await self.engine.dispose()


class OutboxRelay:
    """Publishes committed outbox rows to JetStream in order, with the event id as Nats-Msg-Id.

    A row is marked published only after JetStream acknowledged it; a crash in between
    republishes it, and JetStream's duplicate window (plus consumers' processed_events)
    turns that into exactly one effect.
    """

    def __init__(self, database: Database, js, *, batch: int = 200, poll_seconds: float = 1.0,
                 retention: dt.timedelta = dt.timedelta(days=1)) -> None:
        self._db = database
        self._js = js
        self._batch = batch
        self._poll = poll_seconds
        self._retention = retention

    async def run(self) -> None:
        failures = 0
        while True:
            try:
                published = await self.publish_pending()
                failures = 0
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # NATS or database down: wait and try again, lose nothing
                failures += 1
                log.warning("outbox relay failed, will retry", extra={"error": repr(exc)})
                await asyncio.sleep(min(0.2 * 2 ** failures, 5.0))
                continue
            if published < self._batch:
                await self._wait_for_work()

    async def _wait_for_work(self) -> None:
        wake = self._db.events_committed
        try:
            await asyncio.wait_for(wake.wait(), timeout=self._poll)
        except TimeoutError:
            await self.prune()
        wake.clear()

    async def publish_pending(self) -> int:
        outbox = self._db.tables.outbox
        query = (select(outbox).where(outbox.c.published_at.is_(None))
                 .order_by(outbox.c.id).limit(self._batch))
        if self._db.writer_lock is not None:
            # SQLite: one process per file, one relay per process. Read, publish, then mark in a
            # write transaction that queues with the others; holding SQLite's write lock across
            # the publishes would stall every writer of the service (a crash in between
            # republishes, which JetStream's duplicate window absorbs).
            async with self._db.sessions() as session:
                rows = (await session.execute(query)).all()
            done = await self._publish(rows)
            if done:
                async with self._db.transaction() as tx:
                    await tx.session.execute(self._mark_published(done))
            return len(done)
        # PostgreSQL: replicas share the outbox; the row locks keep each row with one relay.
        async with self._db.sessions() as session, session.begin():
            rows = (await session.execute(query.with_for_update(skip_locked=True))).all()
            done = await self._publish(rows)
            if done:
                await session.execute(self._mark_published(done))
            return len(done)

    async def _publish(self, rows) -> list[str]:
        done = []
        for row in rows:
            created = dbmod.as_utc(row.created_at)
            await self._js.publish(row.subject, row.payload, headers={
                MSG_ID_HEADER: row.id, TRACE_ID_HEADER: row.trace_id or "",
                EMITTED_AT_HEADER: f"{created.timestamp():.6f}"})
            done.append(row.id)
            EVENTS_PUBLISHED.labels(row.subject.split(".", 1)[0]).inc()
            OUTBOX_LAG.observe((dbmod.utcnow() - created).total_seconds())
        return done

    def _mark_published(self, ids: list[str]):
        outbox = self._db.tables.outbox
        return update(outbox).where(outbox.c.id.in_(ids)).values(published_at=dbmod.utcnow())

    async def prune(self) -> None:
        outbox = self._db.tables.outbox
        cutoff = dbmod.utcnow() - self._retention
        async with self._db.transaction() as tx:
            await tx.session.execute(delete(outbox).where(outbox.c.published_at < cutoff))
