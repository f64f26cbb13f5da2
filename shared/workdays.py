"""Chinese working-day arithmetic: holidays and 调休 make-up days, working hours, pausable SLA clocks.

The holiday arrangement comes from ``chinese_calendar`` (one release per year, once the State
Council publishes the next year's notice, usually in November) plus, optionally, an operator's
supplement file (``HOLIDAY_CALENDAR_FILE``) for a year the installed package does not know yet.
A day in no covered year is counted Monday–Friday — the one estimate every service uses — and
:func:`covers` tells a caller that a deadline was estimated so it can say so.
"""
from __future__ import annotations

import enum
import functools
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import chinese_calendar
from chinese_calendar import constants as _cc

from shared.csvtext import read_csv
from shared.errors import InvalidArgument

log = logging.getLogger(__name__)

try:
    LOCAL_TZ: timezone | ZoneInfo = ZoneInfo("Asia/Shanghai")
except ZoneInfoNotFoundError:  # slim images without tzdata; China has had no DST since 1991
    LOCAL_TZ = timezone(timedelta(hours=8), "CST")

#: Years the installed ``chinese_calendar`` knows (1.11.0: 2004–2026). Each release adds the next
#: year once the State Council publishes its arrangement, usually in November.
SUPPORTED_YEARS: tuple[int, int] = (min(_cc.holidays).year, max(_cc.holidays).year)

SUPPLEMENT_ENV = "HOLIDAY_CALENDAR_FILE"
SUPPLEMENT_KINDS = {"holiday": False, "workday": True}


class HolidaySupplementError(ValueError):
    """The operator's holiday supplement file cannot be used (the process should not start)."""


@dataclass(frozen=True)
class HolidaySupplement:
    """Whole years typed in from the State Council's notice: each listed day's answer; every other
    day of a listed year is a working day from Monday to Friday."""

    years: frozenset[int] = frozenset()
    days: dict[date, bool] = field(default_factory=dict)

    @classmethod
    def read(cls, path: str | Path) -> HolidaySupplement:
        """CSV ``date,kind,name``: kind ``holiday`` (a statutory day off, also on a weekday) or
        ``workday`` (a weekend 调休 make-up working day). The years with rows are the years covered,
        so a year must be typed in whole; they must follow on from the package's last year."""
        days: dict[date, bool] = {}
        problems: list[str] = []
        try:
            header, rows = read_csv(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise HolidaySupplementError(f"{SUPPLEMENT_ENV}={path}: {exc.strerror}") from None
        except InvalidArgument as exc:
            raise HolidaySupplementError(f"{path}: {exc.message_en}") from None
        if not {"date", "kind"} <= set(header):
            raise HolidaySupplementError(f"{path}: the header must be date,kind,name")
        for line, row in enumerate(rows, start=2):
            try:
                day = date.fromisoformat((row.get("date") or "").strip())
            except ValueError:
                problems.append(f"line {line}: date {row.get('date')!r} is not YYYY-MM-DD")
                continue
            kind = (row.get("kind") or "").strip()
            if kind not in SUPPLEMENT_KINDS:
                problems.append(f"line {line}: kind {kind!r} is not holiday or workday")
            elif kind == "workday" and day.weekday() < 5:
                problems.append(f"line {line}: {day} is a weekday; only weekend make-up days are listed")
            elif day in days:
                problems.append(f"line {line}: {day} is listed twice")
            else:
                days[day] = SUPPLEMENT_KINDS[kind]
        years = frozenset(day.year for day in days)
        expected = set(range(SUPPORTED_YEARS[1] + 1, SUPPORTED_YEARS[1] + 1 + len(years)))
        if years and years != expected:
            problems.append(f"years {sorted(years)} must be the ones after the package's last year "
                            f"({SUPPORTED_YEARS[1]}), without a gap")
        if problems:
            raise HolidaySupplementError(f"{path}: " + "; ".join(problems))
        return cls(years, days)

    @classmethod
    def from_environment(cls) -> HolidaySupplement:
        path = os.environ.get(SUPPLEMENT_ENV, "").strip()
        return cls.read(path) if path else cls()


_supplement = HolidaySupplement.from_environment()


def use_supplement(supplement: HolidaySupplement) -> None:
    """Replace the supplement read from the environment at import (tests, tools)."""
    global _supplement
    _supplement = supplement
    _is_workday.cache_clear()
    _warn_estimated.cache_clear()


def covered_years() -> tuple[int, int]:
    """First and last year whose arrangement is known (package, then supplement)."""
    return SUPPORTED_YEARS[0], SUPPORTED_YEARS[1] + len(_supplement.years)


def covers(day: date | datetime) -> bool:
    """True when ``day``'s year has a known holiday arrangement; otherwise counting is Mon–Fri."""
    if isinstance(day, datetime):
        day = local_date(day)
    first, last = covered_years()
    return first <= day.year <= last


Pause = tuple[datetime, datetime | None]
_Interval = tuple[datetime, datetime]


@dataclass(frozen=True)
class WorkingWindow:
    """Office hours on a working day: ``day_start``–``day_end`` minus an optional lunch break."""

    day_start: time = time(8, 30)
    day_end: time = time(17, 30)
    lunch: tuple[time, time] | None = (time(12, 0), time(13, 30))

    def __post_init__(self) -> None:
        bounds = [self.day_start, *(self.lunch or ()), self.day_end]
        if any(b.tzinfo is not None for b in bounds) or bounds != sorted(bounds) or self.day_start == self.day_end:
            raise ValueError("working window must satisfy day_start <= lunch start <= lunch end <= day_end "
                             "(naive local times, non-empty)")

    def segments(self, day: date) -> list[_Interval]:
        """The UTC intervals during which the clock runs on ``day`` (empty on rest days)."""
        if not is_working_day(day):
            return []
        cuts = [self.day_start, *(self.lunch or ()), self.day_end]
        pairs = zip(cuts[0::2], cuts[1::2])
        return [(_at(day, a), _at(day, b)) for a, b in pairs if a < b]


DEFAULT_WINDOW = WorkingWindow()


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=LOCAL_TZ).astimezone(UTC)


def _aware(moment: datetime, name: str = "start") -> datetime:
    if not isinstance(moment, datetime) or moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")
    return moment


def local_date(moment: datetime) -> date:
    """The Asia/Shanghai calendar date of an aware instant."""
    return _aware(moment, "moment").astimezone(LOCAL_TZ).date()


def is_working_day(d: date) -> bool:
    """True on Chinese working days: Mon–Fri that are not statutory holidays, plus weekend 调休 make-up days.

    An aware ``datetime`` is judged by its Asia/Shanghai date. In a year no calendar covers
    (:func:`covers` is False) Monday–Friday are working days, and a warning is logged once a year.
    """
    if isinstance(d, datetime):
        d = local_date(d)
    return _is_workday(d)


@functools.lru_cache(maxsize=4096)
def _is_workday(d: date) -> bool:
    """The calendar's answer for one date (fixed for a release and supplement: asked once per date)."""
    if SUPPORTED_YEARS[0] <= d.year <= SUPPORTED_YEARS[1]:
        return chinese_calendar.is_workday(d)
    if d.year in _supplement.years:
        return _supplement.days.get(d, d.weekday() < 5)
    _warn_estimated(d.year)
    return d.weekday() < 5


@functools.cache
def _warn_estimated(year: int) -> None:
    log.warning("no holiday calendar for the year: counting Monday-Friday; upgrade chinese-calendar "
                "or set %s", SUPPLEMENT_ENV, extra={"year": year, "covered": list(covered_years())})


def next_working_day(d: date, *, include_today: bool = False) -> date:
    """The first working day after ``d`` (or ``d`` itself when ``include_today`` and it is one)."""
    d = d if include_today else d + timedelta(days=1)
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


# --- clocks -----------------------------------------------------------------------------------
# A clock is a function day -> UTC intervals during which it runs. Working days: the whole local
# day (so N working days from 15:00 end at 15:00); working hours: the window's segments.

Clock = Callable[[date], list[_Interval]]


def _calendar_clock(day: date) -> list[_Interval]:
    return [(_at(day, time(0)), _at(day + timedelta(days=1), time(0)))]


def _working_day_clock(day: date) -> list[_Interval]:
    return _calendar_clock(day) if is_working_day(day) else []


def _window_clock(window: WorkingWindow) -> Clock:
    return window.segments


def _normalise_pauses(pauses: Iterable[Pause], start: datetime) -> list[tuple[datetime, datetime | None]]:
    merged: list[tuple[datetime, datetime | None]] = []
    for begin, end in sorted(((_aware(b, "pause start"), e) for b, e in pauses), key=lambda p: p[0]):
        if end is not None and _aware(end, "pause end") < begin:
            raise ValueError("a pause cannot end before it begins")
        if end is not None and end <= start:
            continue
        begin = max(begin, start)
        if merged and (merged[-1][1] is None or begin <= merged[-1][1]):
            last_end = merged[-1][1]
            merged[-1] = (merged[-1][0], None if last_end is None or end is None else max(last_end, end))
        else:
            merged.append((begin, end))
    return merged


def _running(clock: Clock, start: datetime, pauses: Sequence[Pause]) -> Iterator[_Interval | None]:
    """Yield, in order, the intervals after ``start`` during which the clock runs; ``None`` marks an
    open-ended pause (nothing runs after it)."""
    start = _aware(start).astimezone(UTC)
    stops = _normalise_pauses(pauses, start)
    day = local_date(start)
    while True:
        for a, b in clock(day):
            a = max(a, start)
            for p_begin, p_end in stops:
                if a >= b:
                    break
                if p_end is not None and p_end <= a or p_begin >= b:
                    continue
                if p_begin > a:
                    yield (a, p_begin)
                if p_end is None:
                    yield None
                    return
                a = p_end
            if a < b:
                yield (a, b)
        day += timedelta(days=1)


def _advance(clock: Clock, start: datetime, amount: timedelta, pauses: Sequence[Pause] = ()) -> datetime | None:
    """First instant at which ``amount`` of clock time has run since ``start``; ``None`` if an open
    pause stops the clock first. A zero amount gives the instant the clock (re)starts."""
    if amount < timedelta(0):
        raise ValueError("amount must not be negative")
    remaining = amount
    for interval in _running(clock, start, pauses):
        if interval is None:
            return None
        a, b = interval
        if b - a >= remaining:
            return a + remaining
        remaining -= b - a
    raise AssertionError("unreachable")  # _running is infinite


def _elapsed(clock: Clock, start: datetime, end: datetime, pauses: Sequence[Pause] = ()) -> timedelta:
    start, end = _aware(start), _aware(end, "end")
    total = timedelta(0)
    if end <= start:
        return total
    for interval in _running(clock, start, pauses):
        if interval is None or interval[0] >= end:
            break
        total += min(interval[1], end) - interval[0]
    return total


# --- public arithmetic --------------------------------------------------------------------------

def add_calendar_days(start: datetime, days: int) -> datetime:
    """``start`` plus ``days`` calendar days at the same Asia/Shanghai clock time, in UTC."""
    local = _aware(start).astimezone(LOCAL_TZ)
    return datetime.combine(local.date() + timedelta(days=days), local.timetz()).astimezone(UTC)


def add_working_days(start: datetime, days: int) -> datetime:
    """Deadline ``days`` working days after ``start``, in UTC.

    From a working day the result keeps the Asia/Shanghai clock time (Tue 15:00 + 1 → next working
    day 15:00). From a rest day counting starts at 00:00 of the next working day, so the deadline is
    the end (24:00) of the ``days``-th working day, returned as 00:00 of the following day.
    Make-up days count; holidays do not; past :func:`covered_years`, Monday–Friday.
    """
    result = _advance(_working_day_clock, start, timedelta(days=days))
    assert result is not None
    return result


def _window(day_start: time, day_end: time, lunch: tuple[time, time] | None) -> WorkingWindow:
    return WorkingWindow(day_start=day_start, day_end=day_end, lunch=lunch)


def add_working_hours(start: datetime, hours: float, *, day_start: time = time(8, 30),
                      day_end: time = time(17, 30),
                      lunch: tuple[time, time] | None = (time(12, 0), time(13, 30))) -> datetime:
    """Deadline after ``hours`` of office time (Asia/Shanghai window, working days only), in UTC.

    A start outside the window rolls to the next window opening. A deadline that lands exactly on
    the end of a segment is that end (e.g. 12:00), not the next opening.
    """
    result = _advance(_window_clock(_window(day_start, day_end, lunch)), start, timedelta(hours=hours))
    assert result is not None
    return result


def working_time_between(start: datetime, end: datetime, *, day_start: time = time(8, 30),
                         day_end: time = time(17, 30),
                         lunch: tuple[time, time] | None = (time(12, 0), time(13, 30)),
                         pauses: Sequence[Pause] = ()) -> timedelta:
    """Office time elapsed from ``start`` to ``end`` (zero if ``end`` is earlier), minus ``pauses``."""
    return _elapsed(_window_clock(_window(day_start, day_end, lunch)), start, end, pauses)


def working_days_between(start: datetime, end: datetime, *, pauses: Sequence[Pause] = ()) -> timedelta:
    """Time elapsed on the working-day clock (24 h per working day, nothing on rest days)."""
    return _elapsed(_working_day_clock, start, end, pauses)


def due_after_pauses(start: datetime, sla_hours: float, pauses: Sequence[Pause], *,
                     day_start: time = time(8, 30), day_end: time = time(17, 30),
                     lunch: tuple[time, time] | None = (time(12, 0), time(13, 30))) -> datetime | None:
    """Due time of a working-hours SLA whose clock stops during ``pauses`` (e.g. a pending extension).

    A pause is ``(paused_at, resumed_at)``; ``resumed_at=None`` means still paused, and then the due
    time is unknown (``None``) unless the SLA ran out before the pause began. Pauses may overlap.
    """
    clock = _window_clock(_window(day_start, day_end, lunch))
    return _advance(clock, start, timedelta(hours=sla_hours), pauses)


class TimeUnit(enum.StrEnum):
    """How a time limit is counted."""

    CALENDAR_DAYS = "calendar_days"
    CALENDAR_HOURS = "calendar_hours"  # round the clock, e.g. a 2-hour gas-leak response
    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"


@dataclass(frozen=True)
class TimeLimit:
    """A rule's time limit, e.g. ``TimeLimit(3, "working_days")``; ``due()`` applies it."""

    amount: float
    unit: TimeUnit
    window: WorkingWindow = field(default=DEFAULT_WINDOW)

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit", TimeUnit(self.unit))
        if self.amount < 0:
            raise ValueError("time limit amount must not be negative")

    def _clock(self) -> tuple[Clock, timedelta]:
        if self.unit is TimeUnit.WORKING_HOURS:
            return _window_clock(self.window), timedelta(hours=self.amount)
        if self.unit is TimeUnit.WORKING_DAYS:
            return _working_day_clock, timedelta(days=self.amount)
        if self.unit is TimeUnit.CALENDAR_HOURS:
            return _calendar_clock, timedelta(hours=self.amount)
        return _calendar_clock, timedelta(days=self.amount)

    def due(self, start: datetime, pauses: Sequence[Pause] = ()) -> datetime | None:
        """Due instant in UTC; ``None`` while an open pause holds the clock before the limit ran out."""
        clock, amount = self._clock()
        return _advance(clock, start, amount, pauses)

    def elapsed(self, start: datetime, now: datetime, pauses: Sequence[Pause] = ()) -> timedelta:
        """Clock time used so far (office time for working hours, 24 h per counted day otherwise)."""
        clock, _ = self._clock()
        return _elapsed(clock, start, now, pauses)

    def remaining(self, start: datetime, now: datetime, pauses: Sequence[Pause] = ()) -> timedelta:
        """Clock time left; negative once overdue."""
        return self._clock()[1] - self.elapsed(start, now, pauses)

    def is_overdue(self, start: datetime, now: datetime, pauses: Sequence[Pause] = ()) -> bool:
        """True once the limit has run out (a paused clock is never overdue while paused)."""
        return self.remaining(start, now, pauses) < timedelta(0)
