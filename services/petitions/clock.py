"""SLA clocks of petitions: the time limit of a category, due times with pauses, estimated past the calendar."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from shared.workdays import Pause, TimeLimit, TimeUnit, covers

#: A limit under a day is an emergency (gas leak, flood, open manhole): round the clock.
ROUND_THE_CLOCK_BELOW_HOURS = 24
#: Safety hazards whose 24-hour limit must also run through nights and holidays.
ROUND_THE_CLOCK_CATEGORIES = {"P02-04", "P04-04", "P05-02", "P08-04", "P10-02", "P10-03"}
DEFAULT_LIMIT = TimeLimit(5, TimeUnit.WORKING_DAYS)  # an unrecognised report: 5 working days


def time_limit_for(category_code: str, sla_hours: int | None) -> TimeLimit:
    """How the category's `sla_hours` runs.

    The column reads as round-the-clock hours, but ordinary matters (7 days for a neighbour
    dispute, 10 for a subsidy) are counted by offices in working days: whole multiples of
    24 hours become working days. Emergencies (< 24 h) and the listed safety hazards stay in
    calendar hours, because a gas leak does not wait for Monday.
    """
    if not sla_hours:
        return DEFAULT_LIMIT
    if sla_hours < ROUND_THE_CLOCK_BELOW_HOURS or category_code in ROUND_THE_CLOCK_CATEGORIES \
            or sla_hours % 24:
        return TimeLimit(sla_hours, TimeUnit.CALENDAR_HOURS)
    return TimeLimit(sla_hours // 24, TimeUnit.WORKING_DAYS)


def extended(limit: TimeLimit, days: int) -> TimeLimit:
    """The limit after an approved extension of `days` (days of the limit's own kind)."""
    if limit.unit in (TimeUnit.CALENDAR_HOURS, TimeUnit.WORKING_HOURS):
        return TimeLimit(limit.amount + 24 * days, limit.unit)
    return TimeLimit(limit.amount + days, limit.unit)


def describe(limit: TimeLimit) -> str:
    amount = int(limit.amount) if float(limit.amount).is_integer() else limit.amount
    return f"{amount} {limit.unit.value}"


#: Added to the timeline note of a deadline counted Monday–Friday.
ESTIMATED_NOTE = "；节假日日历未覆盖截止日所在年份，按周一至周五估算（no holiday calendar for that year yet: Monday–Friday）"


@dataclass(frozen=True)
class Due:
    at: dt.datetime | None      # None while an open pause holds the clock
    estimated: bool = False     # working days counted Monday–Friday: no holiday calendar yet


def due(limit: TimeLimit, start: dt.datetime, pauses: list[Pause]) -> Due:
    at = limit.due(start, pauses)
    working = limit.unit in (TimeUnit.WORKING_DAYS, TimeUnit.WORKING_HOURS)
    return Due(at, estimated=working and at is not None and not covers(at))


def is_overdue(limit: TimeLimit, start: dt.datetime, now: dt.datetime, pauses: list[Pause]) -> bool:
    result = due(limit, start, pauses)
    return result.at is not None and now > result.at


# --- pauses stored as JSON [[start, end|null], …] --------------------------------------------

def load_pauses(text: str) -> list[Pause]:
    return [(dt.datetime.fromisoformat(a), dt.datetime.fromisoformat(b) if b else None)
            for a, b in json.loads(text or "[]")]


def dump_pauses(pauses: list[Pause]) -> str:
    return json.dumps([[a.isoformat(), b.isoformat() if b else None] for a, b in pauses])


def pause(pauses: list[Pause], at: dt.datetime) -> list[Pause]:
    return [*pauses, (at, None)]


def resume(pauses: list[Pause], at: dt.datetime) -> list[Pause]:
    return [(a, b if b is not None else at) for a, b in pauses]
