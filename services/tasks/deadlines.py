"""Deadlines from time limits: Chinese working days via shared.workdays (Monday–Friday past its calendar)."""
from __future__ import annotations

import datetime as dt

from shared.workdays import TimeLimit


def due(start: dt.datetime, amount: float, unit: str) -> dt.datetime:
    """`start` plus the limit. In a year no holiday calendar covers yet, shared.workdays counts
    Monday–Friday and logs it once: a deadline must exist, and a few days' error in a holiday week
    is better than refusing the task."""
    result = TimeLimit(amount, unit).due(start)
    assert result is not None  # no pauses, so the clock always finishes
    return result
