"""Leaderboards: ranked in memory from the counters, refreshed in the background, frozen when closed."""
from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass, field

from sqlalchemy import select

from services.evaluation import domain, indices
from services.evaluation.models import closed_periods, snapshots, subject_stats
from services.evaluation.service.ledger import CADRE, GRID_WORKER, VILLAGE, rules_in_force
from shared import db as dbmod
from shared.errors import InvalidArgument
from shared.outbox import Database

log = logging.getLogger(__name__)
BOARDS = {"villages": VILLAGE, "cadres": CADRE, "grid-workers": GRID_WORKER}
SCOPE_COLUMN = {6: "county_id", 9: "town_id", 12: "village_id"}


@dataclass
class Entry:
    subject_id: str
    village_id: str
    value: int
    points: int
    indicators: dict[str, str]
    rank: int = 0
    previous_rank: int = 0


@dataclass
class Ranked:
    board: str
    scope: str
    period: str
    entries: list[Entry]
    frozen: bool
    computed_at: str
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
    first_month = period.months()[0]
    weights_by_town: dict[str, dict] = {}
    entries = []
    for row in rows:
        town = row["town_id"]
        if town not in weights_by_town:
            _, rules = await rules_in_force(session, town, first_month)
            weights_by_town[town] = rules["boards"][board]
        values = indices.indicators(row)
        entries.append(Entry(row["subject_id"], row["village_id"],
                             indices.board_value(values, weights_by_town[town]), row["points"],
                             indices.shown(values)))
    return entries


def rank(entries: list[Entry]) -> list[Entry]:
    by_id = {e.subject_id: e for e in entries}
    ranked = []
    for subject_id, _, place in domain.competition_ranks([(e.subject_id, e.value) for e in entries]):
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
        if time.monotonic() - cached.built > self._refresh and key not in self._running:
            task = asyncio.get_running_loop().create_task(self._build(key, period))
            self._running[key] = task
            task.add_done_callback(lambda _t: self._running.pop(key, None))
        return cached

    def forget(self, scope: str, period: str) -> None:
        for key in [k for k in self._cache if k[2] == period and k[1].startswith(scope[:6])]:
            self._cache.pop(key, None)

    async def _build(self, key: tuple, period: domain.Period) -> Ranked:
        board, scope, _ = key
        async with self._db.sessions() as session:
            frozen = await frozen_entries(session, board, scope, str(period))
            entries = frozen if frozen is not None else rank(
                await live_entries(session, board, scope, period))
            if frozen is None or any(e.previous_rank < 0 for e in entries):
                before = await plain_ranks(session, board, scope, period.previous())
                for entry in entries:
                    entry.previous_rank = before.get(entry.subject_id, 0)
        result = Ranked(board, scope, str(period), entries, frozen is not None,
                        dbmod.utcnow().isoformat())
        self._cache[key] = result
        return result


async def plain_ranks(session, board: str, scope: str, period: domain.Period) -> dict[str, int]:
    """Ranks only (no movement): what the previous period's board says about each subject."""
    frozen = await frozen_entries(session, board, scope, str(period))
    entries = frozen if frozen is not None else rank(
        await live_entries(session, board, scope, period))
    return {entry.subject_id: entry.rank for entry in entries}
