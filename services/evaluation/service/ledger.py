"""Booking points: ledger lines, additive counters, closed-period routing, the rules in force."""
from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.dialects import postgresql, sqlite

from services.evaluation import domain
from services.evaluation.indices import COUNTERS
from services.evaluation.models import (change_counters, closed_periods, ledger_lines,
                                        rule_versions, subject_stats)
from shared import db as dbmod

CADRE, VILLAGE, GRID_WORKER = "cadre", "village", "grid_worker"
DEFAULT_LABEL = "default@v0"


@dataclass(frozen=True)
class Subject:
    type: str
    id: str
    village_id: str      # the village; for a grid worker the grid (its id starts with the village)

    @property
    def town_id(self) -> str:
        return self.village_id[:9]

    @property
    def county_id(self) -> str:
        return self.village_id[:6]


def occurred(meta) -> dt.datetime:
    return meta.occurred_at.ToDatetime(tzinfo=dt.UTC) if meta.occurred_at.seconds else dbmod.utcnow()


def order_key(meta) -> str:
    """Sortable stamp of an event: its time, then its id, so 'latest wins' ignores arrival order."""
    return f"{occurred(meta).isoformat()}|{meta.event_id}"


# --- rules in force --------------------------------------------------------------------------

async def rules_in_force(session, org_id: str, month: str) -> tuple[str, dict]:
    """(label, rules) for a town's month: its own latest version, else the county's, else built-in.

    Remembered for the rest of the transaction when it applies a batch of events."""
    cache = _batch(session, "rules")
    key = (org_id[:9], month)
    if cache is not None and key in cache:
        return cache[key]
    found = await _rules_in_force(session, org_id, month)
    if cache is not None:
        cache[key] = found
    return found


async def _rules_in_force(session, org_id: str, month: str) -> tuple[str, dict]:
    town, county = org_id[:9], org_id[:6]
    for org in dict.fromkeys([town, county]):
        row = (await session.execute(
            select(rule_versions.c.version, rule_versions.c.rules)
            .where(rule_versions.c.org_id == org, rule_versions.c.effective_from <= month)
            .order_by(rule_versions.c.effective_from.desc(), rule_versions.c.version.desc())
            .limit(1))).first()
        if row is not None:
            return f"{org}@v{row.version}", json.loads(row.rules)
    return DEFAULT_LABEL, domain.DEFAULT_RULES


class RuleBook:
    """Every rule version in memory, for reads that need the rules of many towns at once."""

    def __init__(self, versions: dict[str, list[tuple[str, int, dict]]]) -> None:
        self._versions = versions  # org → [(effective_from, version, rules)], newest first

    @classmethod
    async def load(cls, session) -> "RuleBook":
        versions: dict[str, list] = {}
        rows = (await session.execute(select(rule_versions).order_by(
            rule_versions.c.effective_from.desc(), rule_versions.c.version.desc()))).all()
        for row in rows:
            versions.setdefault(row.org_id, []).append(
                (row.effective_from, row.version, json.loads(row.rules)))
        return cls(versions)

    def rules(self, org_id: str, month: str) -> dict:
        for org in dict.fromkeys([org_id[:9], org_id[:6]]):
            for effective_from, _, rules in self._versions.get(org, []):
                if effective_from <= month:
                    return rules
        return domain.DEFAULT_RULES


# --- closed periods --------------------------------------------------------------------------

async def closed_months(session, org_id: str) -> set[str]:
    """Months frozen for a village's town or county."""
    rows = (await session.execute(select(closed_periods.c.period).where(
        closed_periods.c.org_id.in_({org_id[:9], org_id[:6]})))).scalars()
    return {month for period in rows for month in domain.Period.parse(period).months()}


async def booking_month(session, org_id: str, month: str) -> str:
    """A fact of a closed month is booked in the next open month; the closed one stays frozen."""
    cache = _batch(session, "closed")
    town = org_id[:9]
    if cache is not None and town in cache:
        frozen = cache[town]
    else:
        frozen = await closed_months(session, org_id)
        if cache is not None:
            cache[town] = frozen
    while month in frozen:
        month = domain.next_month(month)
    return month


# --- counters and lines ----------------------------------------------------------------------

def _insert(session, table):
    return (postgresql.insert if dbmod.dialect_name(session) == "postgresql" else sqlite.insert)(table)


# --- batches: what the events of one transaction share ----------------------------------------

_BATCH = "evaluation.batch"


def start_batch(session) -> None:
    """From now on this transaction remembers rules and closed months, and sums counters and
    change counts in memory; `finish_batch` writes them (the consumer calls it before commit)."""
    session.info.setdefault(_BATCH, dict(rules={}, closed={}, counts={}, changes={}))


def _batch(session, part: str):
    batch = session.info.get(_BATCH)
    return None if batch is None else batch[part]


async def finish_batch(session) -> None:
    """Write the summed counters (in key order, so concurrent consumers lock rows in the same
    order) and the change counts."""
    batch = session.info.pop(_BATCH, None)
    if batch is None:
        return
    rows = [{**dict.fromkeys(COUNTERS, 0), **row} for _, row in sorted(batch["counts"].items())]
    if rows:
        # one statement for every row (executemany): compiled once, not once per row count
        await session.execute(_counts_upsert(dbmod.dialect_name(session), tuple(COUNTERS)), rows)
    for name, count in sorted(batch["changes"].items()):
        await touch(session, name, count)


async def add_counts(session, subject: Subject, month: str, **deltas: int) -> None:
    """Add to the subject's month, quarter and year counters (commutative: order never matters)."""
    deltas = {name: value for name, value in deltas.items() if value}
    if not deltas:
        return
    rows = [dict(subject_type=subject.type, subject_id=subject.id, period=period,
                 village_id=subject.village_id, town_id=subject.town_id,
                 county_id=subject.county_id, **deltas)
            for period in domain.periods_of_month(month)]
    pending = _batch(session, "counts")
    if pending is None:
        await _upsert_counts(session, rows, list(deltas))
        return
    for row in rows:
        key = (row["subject_type"], row["subject_id"], row["period"])
        summed = pending.get(key)
        if summed is None:
            pending[key] = row
            continue
        for name, value in deltas.items():
            summed[name] = summed.get(name, 0) + value
        if row["village_id"] < summed["village_id"]:  # the smallest code, as in the upsert
            summed.update(village_id=row["village_id"], town_id=row["town_id"],
                          county_id=row["county_id"])


async def _upsert_counts(session, rows: list[dict], deltas: list[str]) -> None:
    await session.execute(_counts_upsert(dbmod.dialect_name(session), tuple(deltas)), rows)


@functools.lru_cache(maxsize=256)
def _counts_upsert(dialect: str, deltas: tuple[str, ...]):
    """One statement per dialect and set of counters, built once (rows go as parameters)."""
    statement = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(subject_stats)
    return statement.on_conflict_do_update(
        index_elements=["subject_type", "subject_id", "period"],
        set_={**{name: subject_stats.c[name] + statement.excluded[name] for name in deltas},
              # a subject seen in several villages is listed under the smallest code, whatever
              # the order of events
              **{column: case((statement.excluded[column] < subject_stats.c[column],
                               statement.excluded[column]), else_=subject_stats.c[column])
                 for column in ("village_id", "town_id", "county_id")}})


@dataclass(frozen=True)
class Source:
    type: str            # assignment | petition | warning | entry | listing
    id: str
    event_id: str
    at: dt.datetime
    rule_label: str


async def add_line(session, subject: Subject, source: Source, *, component: str, points: int,
                   explanation: str, booked: str, counts: dict[str, int] | None = None) -> bool:
    """One ledger line (and its counters) per event, subject and component; False if already there."""
    event_month = domain.month_of(source.at)
    # the unique (event, subject, component) key decides: one statement, no read before it
    inserted = await session.execute(_insert(session, ledger_lines).on_conflict_do_nothing(
        index_elements=["event_id", "subject_type", "subject_id", "component"],
    ).returning(ledger_lines.c.id), dict(
        id=dbmod.new_id(), subject_type=subject.type, subject_id=subject.id,
        org_id=subject.village_id, month=booked, event_month=event_month, component=component,
        points=points, source_type=source.type, source_id=source.id, event_id=source.event_id,
        rule_version=source.rule_label, explanation=explanation, occurred_at=source.at))
    if inserted.first() is None:  # (rowcount is not reliable for a skipped insert on psycopg)
        return False
    await add_counts(session, subject, booked, points=points, **(counts or {}))
    return True


async def touch(session, name: str, count: int = 1) -> None:
    """Count changes (one row per consumer, so consumers never wait on each other's row)."""
    pending = _batch(session, "changes")
    if pending is not None:
        pending[name] = pending.get(name, 0) + count
        return
    statement = _insert(session, change_counters).values(name=name, changes=count)
    await session.execute(statement.on_conflict_do_update(
        index_elements=["name"], set_={"changes": change_counters.c.changes + count}))


async def changes(session) -> int:
    return int(await session.scalar(select(func.coalesce(func.sum(change_counters.c.changes), 0))))
