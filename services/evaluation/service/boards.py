"""Leaderboards: ranked in memory from the counters, refreshed in the background, frozen when closed."""
from __future__ import annotations

import asyncio
import contextvars
import dataclasses
import json
import logging
import threading
import time
from dataclasses import dataclass, field

from sqlalchemy import select

from services.evaluation import domain, indices
from services.evaluation.models import closed_periods, snapshots, subject_stats
from services.evaluation.service.ledger import (CADRE, GRID_WORKER, VILLAGE, RuleBook,
                                                changes)
from shared import db as dbmod
from shared.errors import InvalidArgument
from shared.outbox import Database

log = logging.getLogger(__name__)
# Set for the ranking work of one awaiting task; `off_loop` sets the event when that task is
# cancelled (a stopping process, an RPC cancelled after the stop grace) so the thread gives up.
_stop: contextvars.ContextVar[threading.Event | None] = contextvars.ContextVar("board_stop",
                                                                                default=None)
CHECK_EVERY = 4096  # rows between two looks at the stop event (well under 0.1 s of work)


class Abandoned(Exception):
    """The task that wanted this ranking is gone; the thread stops instead of finishing it."""


def _checkpoint(done: int) -> None:
    if done % CHECK_EVERY == 0:
        stop = _stop.get()
        if stop is not None and stop.is_set():
            raise Abandoned


async def off_loop(function, *args):
    """Run CPU-bound board work in a thread (the loop keeps serving), and stop that thread at
    its next checkpoint when the awaiting task is cancelled: a thread cannot be killed, and
    asyncio.run waits for it at exit, so without this a SIGTERM during a 200,000-row ranking
    waited until the ranking was done (tens of seconds on a loaded machine)."""
    stop = threading.Event()
    token = _stop.set(stop)   # to_thread copies the context: the thread sees this event
    try:
        return await asyncio.to_thread(function, *args)
    except asyncio.CancelledError:
        stop.set()
        raise
    finally:
        _stop.reset(token)
BOARDS = {"villages": VILLAGE, "cadres": CADRE, "grid-workers": GRID_WORKER}
SCOPE_COLUMN = {6: "county_id", 9: "town_id", 12: "village_id"}


@dataclass
class Entry:
    subject_id: str
    village_id: str
    value: int
    points: int
    shown: dict[str, str] | None = None   # indicators as text; computed when first shown
    rank: int = 0
    previous_rank: int = 0
    counters: dict | None = None

    @property
    def indicators(self) -> dict[str, str]:
        if self.shown is None:
            self.shown = indices.shown(indices.indicators(self.counters or {}))
        return self.shown


@dataclass
class Ranked:
    board: str
    scope: str
    period: str
    entries: list[Entry]
    frozen: bool
    computed_at: str
    version: int = 0
    build_seconds: float = 0.0
    built: float = field(default_factory=time.monotonic)
    by_subject: dict[str, Entry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_subject = {entry.subject_id: entry for entry in self.entries}


def check_board(board: str) -> str:
    if board not in BOARDS:
        raise InvalidArgument(f"榜单“{board}”不存在，应为villages、cadres或grid-workers",
                              f"Unknown leaderboard {board!r}", code="UNKNOWN_BOARD", field="board")
    return board


def check_scope(org_id: str, *, allow_village: bool = False) -> str:
    sizes = (6, 9, 12) if allow_village else (6, 9)
    if len(org_id) not in sizes or not org_id.isdigit():
        raise InvalidArgument("榜单范围应为县或乡镇（街道）编码", "Rank within a county or a town",
                              code="INVALID_SCOPE", field="org_id")
    return org_id


async def live_entries(session, board: str, scope: str, period: domain.Period) -> list[Entry]:
    """Every subject of the board in scope with its indicators and value (not yet ranked)."""
    column = subject_stats.c[SCOPE_COLUMN[len(scope)]]
    rows = (await session.execute(select(subject_stats).where(
        subject_stats.c.subject_type == BOARDS[board], subject_stats.c.period == str(period),
        column == scope))).mappings().all()
    book = await RuleBook.load(session)
    # CPU-bound for big boards: off the event loop, so gRPC calls and consumers keep running.
    return await off_loop(_entries, rows, book, board, period.months()[0])


def _entries(rows, book: RuleBook, board: str, first_month: str) -> list[Entry]:
    value_of: dict[str, object] = {}
    entries = []
    for done, row in enumerate(rows):
        _checkpoint(done)
        town = row["town_id"]
        if town not in value_of:
            value_of[town] = indices.value_function(book.rules(town, first_month)["boards"][board])
        entries.append(Entry(row["subject_id"], row["village_id"], value_of[town](row),
                             row["points"], counters=row))
    return entries


def rank(entries: list[Entry]) -> list[Entry]:
    by_id = {e.subject_id: e for e in entries}
    ranked = []
    for done, (subject_id, _, place) in enumerate(domain.competition_ranks(
            [(e.subject_id, e.value) for e in entries])):
        _checkpoint(done)
        entry = by_id[subject_id]
        entry.rank = place
        ranked.append(entry)
    return ranked


async def frozen_entries(session, board: str, scope: str, period: str) -> list[Entry] | None:
    """The snapshot of a closed period: the scope's own, or its county's re-ranked for a town."""
    owners = (await session.execute(select(closed_periods.c.org_id).where(
        closed_periods.c.period == period,
        closed_periods.c.org_id.in_({scope, scope[:9], scope[:6]})))).scalars().all()
    if not owners:
        return None
    owner = scope if scope in owners else max(owners, key=len)
    rows = (await session.execute(select(snapshots).where(
        snapshots.c.org_id == owner, snapshots.c.period == period, snapshots.c.board == board,
        snapshots.c.village_id.startswith(scope)).order_by(snapshots.c.rank,
                                                           snapshots.c.subject_id))).all()
    entries = [Entry(r.subject_id, r.village_id, r.value, r.points, json.loads(r.indicators),
                     r.rank, r.previous_rank if owner == scope else -1) for r in rows]
    return entries if owner == scope else rank(entries)  # -1: movement recomputed for the town


class Boards:
    """Ranked boards per (board, scope, period), kept in memory and refreshed in the background.

    A read never waits for a recomputation once a board has been built: it gets the last
    ranking (at most `refresh_seconds` old) and a refresh starts. refresh_seconds=0 ranks on
    every read.
    """

    def __init__(self, database: Database, refresh_seconds: float) -> None:
        self._db = database
        self._refresh = refresh_seconds
        self._cache: dict[tuple, Ranked] = {}
        self._running: dict[tuple, asyncio.Task] = {}

    async def ranked(self, board: str, scope: str, period: domain.Period) -> Ranked:
        key = (board, scope, str(period))
        cached = self._cache.get(key)
        if cached is None or self._refresh <= 0:
            return await self._build(key, period)
        # A big board re-ranks at most every 5 × its build time, capping the CPU it takes; a
        # town of a cached county is refreshed through its county (one load ranks every town).
        stale = time.monotonic() - cached.built > max(self._refresh, 5 * cached.build_seconds)
        county = (board, scope[:6], str(period))
        if stale and len(scope) == 9 and county in self._cache:
            key, cached = county, self._cache[county]
        if stale and key not in self._running:
            task = asyncio.get_running_loop().create_task(self._refresh_if_changed(
                key, period, cached))
            self._running[key] = task
            task.add_done_callback(lambda _t, done=key: self._running.pop(done, None))
        return self._cache.get((board, scope, str(period)), cached)

    def forget(self, scope: str, period: str) -> None:
        for key in [k for k in self._cache if k[2] == period and k[1].startswith(scope[:6])]:
            self._cache.pop(key, None)

    async def _refresh_if_changed(self, key: tuple, period: domain.Period, cached: Ranked) -> None:
        try:
            async with self._db.sessions() as session:
                unchanged = await changes(session) == cached.version
            if unchanged:
                board, scope, name = key
                for other, ranked in self._cache.items():
                    if other[0] == board and other[2] == name and other[1].startswith(scope):
                        ranked.built = time.monotonic()  # the county and its towns
            else:
                await self._build(key, period)
        except Exception:  # the next read tries again; the reader already has an answer
            log.exception("leaderboard refresh failed")

    async def _build(self, key: tuple, period: domain.Period) -> Ranked:
        board, scope, _ = key
        started = time.monotonic()
        async with self._db.sessions() as session:
            version = await changes(session)
            frozen = await frozen_entries(session, board, scope, str(period))
            entries = frozen if frozen is not None else await off_loop(
                rank, await live_entries(session, board, scope, period))
            earlier: list[Entry] = []
            if frozen is None or any(e.previous_rank < 0 for e in entries):
                cached = self._cache.get((board, scope, str(period.previous())))
                earlier = cached.entries if cached else await ranked_entries(
                    session, board, scope, period.previous())
                before = {e.subject_id: e.rank for e in earlier}
                for entry in entries:
                    entry.previous_rank = before.get(entry.subject_id, 0)
            if frozen is None and len(scope) == 6:
                await self._towns_of(session, board, period, entries, earlier, version)
        result = Ranked(board, scope, str(period), entries, frozen is not None,
                        dbmod.utcnow().isoformat(), version, time.monotonic() - started)
        self._cache[key] = result
        return result

    async def _towns_of(self, session, board: str, period: domain.Period, county: list[Entry],
                        earlier: list[Entry], version: int) -> None:
        """Rank every town of a county from the county's rows: one load warms all town boards."""
        closed = set((await session.execute(select(closed_periods.c.org_id).where(
            closed_periods.c.period == str(period)))).scalars())
        towns = await off_loop(_rank_towns, county, earlier, closed)
        for town, entries in towns.items():
            self._cache[(board, town, str(period))] = Ranked(
                board, town, str(period), entries, False, dbmod.utcnow().isoformat(), version)


def _rank_towns(county: list[Entry], earlier: list[Entry], closed: set[str]
                ) -> dict[str, list[Entry]]:
    """Each open town's board with movement, from the county's rows of now and of before."""
    before: dict[str, int] = {}
    for entries in _by_town(earlier).values():
        before.update((e.subject_id, e.rank) for e in rank(entries))
    towns = {}
    for town, entries in _by_town(county).items():
        if town in closed:
            continue  # a closed town keeps its snapshot
        for entry in rank(entries):
            entry.previous_rank = before.get(entry.subject_id, 0)
        towns[town] = entries
    return towns


def _by_town(entries: list[Entry]) -> dict[str, list[Entry]]:
    groups: dict[str, list[Entry]] = {}
    for done, entry in enumerate(entries):
        _checkpoint(done)
        groups.setdefault(entry.village_id[:9], []).append(dataclasses.replace(entry))
    return groups


async def ranked_entries(session, board: str, scope: str, period: domain.Period) -> list[Entry]:
    """The board of a period without movement (what the previous period says)."""
    frozen = await frozen_entries(session, board, scope, str(period))
    return frozen if frozen is not None else await off_loop(
        rank, await live_entries(session, board, scope, period))


async def plain_ranks(session, board: str, scope: str, period: domain.Period) -> dict[str, int]:
    return {e.subject_id: e.rank for e in await ranked_entries(session, board, scope, period)}
