"""Deadlines from time limits: Chinese working days via shared.workdays, with a fallback past its calendar."""
from __future__ import annotations

import datetime as dt
import logging
import math

from shared.workdays import CalendarRangeError, TimeLimit

log = logging.getLogger(__name__)


def due(start: dt.datetime, amount: float, unit: str) -> dt.datetime:
    """`start` plus the limit. Working days past the years chinese-calendar covers (2004–2026) are
    counted as Monday–Friday: a deadline must exist, and a few days' error in a holiday week is
    better than refusing the task; the fallback is logged so the package can be upgraded."""
    try:
        result = TimeLimit(amount, unit).due(start)
    except CalendarRangeError:
        log.warning("holiday calendar does not cover the date, counting Monday-Friday",
                    extra={"start": start.isoformat(), "days": amount})
        return _weekdays_after(start, amount)
    assert result is not None  # no pauses, so the clock always finishes
    return result


def _weekdays_after(start: dt.datetime, amount: float) -> dt.datetime:
    shanghai = dt.timezone(dt.timedelta(hours=8))
    moment, left = start.astimezone(shanghai), math.ceil(amount)
    while left > 0:
        moment += dt.timedelta(days=1)
        if moment.weekday() < 5:
            left -= 1
    return moment.astimezone(dt.UTC)
