"""Database access: async engines for PostgreSQL (psycopg 3) and SQLite, metadata conventions, ids."""
from __future__ import annotations

import datetime as dt
import sqlite3
import uuid

import aiosqlite
import uuid6
from sqlalchemy import MetaData, event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def make_metadata() -> MetaData:
    return MetaData(naming_convention=NAMING_CONVENTION)


def new_id() -> str:
    """Time-ordered UUID (v7) as text: sortable by creation, unique across replicas."""
    return str(uuid6.uuid7())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite returns naive datetimes; everything we store is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def async_url(url: str) -> str:
    """`sqlite:///f.db` → aiosqlite, `postgresql://` → psycopg (async)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.set(drivername="sqlite+aiosqlite"))
    return str(parsed.set(drivername="postgresql+psycopg"))


def sync_url(url: str) -> str:
    """The same database with a synchronous driver (Alembic, admin scripts)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.set(drivername="sqlite"))
    return str(parsed.set(drivername="postgresql+psycopg"))


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, *, pool_size: int = 10) -> AsyncEngine:
    if is_sqlite(url):
        path = make_url(url).database or ":memory:"
        engine = create_async_engine(async_url(url),
                                     async_creator=lambda: InThreadSqlite.open(path, timeout=5))
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(async_url(url), pool_size=pool_size, max_overflow=pool_size,
                               pool_pre_ping=True)


class _RunNow:
    """Stands where aiosqlite keeps the queue to its worker thread: runs each call at once."""

    @staticmethod
    def put_nowait(item) -> None:
        future, function = item
        try:
            result = function()
        except Exception as exc:
            if future is not None:
                future.set_exception(exc)
        else:
            if future is not None:
                future.set_result(result)


class InThreadSqlite(aiosqlite.Connection):
    """aiosqlite's interface, with each SQLite call made in the event loop's own thread.

    A SQLite statement of ours takes microseconds (WAL, synchronous=NORMAL, one process per
    database file), while handing it to aiosqlite's worker thread and back costs several
    thread switches and, under load, waits for the GIL: py-spy of petition intake (bench/load)
    showed that hand-off, not SQL, as the service's largest cost. The one wait that can block
    here is SQLite's busy handler when another *process* holds the write lock: a service is the
    only process writing its file (migrations run before it starts), every write of its own
    queues on `Database.writer_lock` first, and the busy timeout is 5 s, after which the write
    fails as DATABASE_UNAVAILABLE (503, retryable) rather than hold the loop longer.
    It replaces aiosqlite's private queue (`_tx`) and skips its thread: checked against the
    aiosqlite version pinned in pyproject.toml (0.22.1); every SQLite test runs through it.
    """

    def __init__(self, connector) -> None:
        super().__init__(connector, iter_chunk_size=64)
        self._tx = _RunNow()  # no worker thread is started

    @classmethod
    async def open(cls, path: str, **kwargs) -> InThreadSqlite:
        connection = cls(lambda: sqlite3.connect(path, check_same_thread=False, **kwargs))
        return await connection._connect()

    def __await__(self):
        return self._connect().__await__()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers run beside the single writer; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def dialect_name(executor) -> str:
    """'sqlite' or 'postgresql', for a read session (AsyncSession) or a transaction's connection."""
    bind = getattr(executor, "bind", None) or executor
    return bind.dialect.name


def sessionmaker(engine: AsyncEngine) -> async_sessionmaker:
    return async_sessionmaker(engine, expire_on_commit=False)


def uuid_text(value: str) -> str:
    """Normalise an id given by a caller; raises ValueError when it is not a UUID."""
    return str(uuid.UUID(value))
