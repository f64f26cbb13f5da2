"""Working-day arithmetic against the real 2025/2026 holiday arrangements in chinese_calendar."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta

import pytest

from shared.workdays import (
    LOCAL_TZ, SUPPORTED_YEARS, HolidaySupplement, HolidaySupplementError, TimeLimit, TimeUnit,
    WorkingWindow, add_calendar_days, add_working_days, add_working_hours, covered_years, covers,
    due_after_pauses, is_working_day, next_working_day, use_supplement, working_days_between,
    working_time_between,
)


def sh(*args: int) -> datetime:
    """An Asia/Shanghai wall-clock instant."""
    return datetime(*args, tzinfo=LOCAL_TZ)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- the calendar itself (checked by printing chinese_calendar 1.11.0's tables) ---------------

def test_supported_years_are_those_of_the_package() -> None:
    assert SUPPORTED_YEARS == (2004, 2026)


@pytest.mark.parametrize("day", [date(2025, 10, d) for d in range(1, 9)])
def test_national_day_2025_is_eight_days_off(day: date) -> None:
    assert not is_working_day(day)  # 国庆+中秋 10-01..10-08


@pytest.mark.parametrize("day", [date(2025, 9, 28), date(2025, 10, 11), date(2026, 2, 14),
                                 date(2026, 2, 28), date(2026, 1, 4)])
def test_weekend_make_up_days_are_working_days(day: date) -> None:
    assert day.weekday() >= 5
    assert is_working_day(day)


@pytest.mark.parametrize("day", [date(2026, 2, 15) + timedelta(days=i) for i in range(9)])
def test_spring_festival_2026_is_nine_days_off(day: date) -> None:
    assert not is_working_day(day)  # 春节 02-15..02-23


def test_plain_weekdays_and_weekends() -> None:
    assert is_working_day(date(2025, 9, 29))  # Monday
    assert not is_working_day(date(2025, 9, 27))  # Saturday, not a make-up day
    assert next_working_day(date(2025, 9, 30)) == date(2025, 10, 9)
    assert next_working_day(date(2025, 9, 27)) == date(2025, 9, 28)


def test_datetime_is_judged_by_its_shanghai_date() -> None:
    # 2025-09-30 17:00 UTC is already 10-01 01:00 in Shanghai: a holiday.
    assert not is_working_day(utc(2025, 9, 30, 17))
    assert is_working_day(utc(2025, 9, 30, 15))


# --- working days ---------------------------------------------------------------------------

def test_petition_before_national_day_2025_is_due_on_the_saturday_make_up_day() -> None:
    filed = sh(2025, 9, 30, 15, 0)  # Tuesday afternoon before the break
    due = add_working_days(filed, 3)  # 10-09 Thu, 10-10 Fri, 10-11 Sat (调休)
    assert due == utc(2025, 10, 11, 7, 0)
    assert due.tzinfo is UTC
    assert due.astimezone(LOCAL_TZ) == sh(2025, 10, 11, 15, 0)


def test_input_timezone_does_not_matter() -> None:
    assert add_working_days(utc(2025, 9, 30, 7), 3) == add_working_days(sh(2025, 9, 30, 15), 3)


def test_filed_on_a_saturday_counting_starts_on_the_sunday_make_up_day() -> None:
    # Sat 09-27 is a rest day; Sun 09-28 is a working day, so it is day 1.
    assert add_working_days(sh(2025, 9, 27, 10), 1) == sh(2025, 9, 29, 0, 0)
    assert add_working_days(sh(2025, 9, 27, 10), 2) == sh(2025, 9, 30, 0, 0)
    # 09-28, 09-29, 09-30: due at the end of 09-30, i.e. 00:00 of the first holiday
    assert add_working_days(sh(2025, 9, 27, 10), 3) == sh(2025, 10, 1, 0, 0)
    assert add_working_days(sh(2025, 9, 27, 10), 4) == sh(2025, 10, 10, 0, 0)


def test_filed_during_the_holiday_counts_from_the_first_working_day_after_it() -> None:
    assert add_working_days(sh(2025, 10, 3, 9), 3) == sh(2025, 10, 12, 0, 0)  # end of Sat 10-11


def test_spring_festival_2026() -> None:
    friday = sh(2026, 2, 13, 16, 0)
    assert add_working_days(friday, 1) == sh(2026, 2, 14, 16, 0)  # Saturday make-up day
    assert add_working_days(friday, 2) == sh(2026, 2, 24, 16, 0)  # after 02-15..02-23
    assert add_working_days(friday, 5) == sh(2026, 2, 27, 16, 0)
    assert add_working_days(friday, 6) == sh(2026, 2, 28, 16, 0)  # second make-up Saturday


def test_zero_days_and_negative_days() -> None:
    assert add_working_days(sh(2025, 9, 29, 10), 0) == sh(2025, 9, 29, 10)
    with pytest.raises(ValueError):
        add_working_days(sh(2025, 9, 29, 10), -1)


def test_working_days_between_counts_24_hours_per_working_day() -> None:
    assert working_days_between(sh(2025, 9, 30, 15), sh(2025, 10, 11, 15)) == timedelta(days=3)
    assert working_days_between(sh(2025, 10, 1), sh(2025, 10, 8, 23)) == timedelta(0)


def test_calendar_days_ignore_holidays() -> None:
    assert add_calendar_days(sh(2025, 9, 30, 15), 3) == sh(2025, 10, 3, 15)
    assert add_calendar_days(utc(2025, 9, 30, 20), 1) == sh(2025, 10, 2, 4)


# --- working hours ----------------------------------------------------------------------------

def test_working_hours_across_lunch() -> None:
    assert add_working_hours(sh(2025, 9, 29, 11, 0), 2) == sh(2025, 9, 29, 14, 30)
    assert add_working_hours(sh(2025, 9, 29, 12, 30), 1) == sh(2025, 9, 29, 14, 30)


def test_working_hours_across_a_night() -> None:
    assert add_working_hours(sh(2025, 9, 29, 16, 0), 3) == sh(2025, 9, 30, 10, 0)


def test_working_hours_across_the_holiday() -> None:
    assert add_working_hours(sh(2025, 9, 30, 16, 0), 4) == sh(2025, 10, 9, 11, 0)


def test_start_outside_the_window_rolls_to_the_next_opening() -> None:
    assert add_working_hours(sh(2025, 9, 29, 20, 0), 2) == sh(2025, 9, 30, 10, 30)
    assert add_working_hours(sh(2025, 9, 27, 9, 0), 1) == sh(2025, 9, 28, 9, 30)  # Sun make-up day
    assert add_working_hours(sh(2025, 9, 29, 6, 0), 0) == sh(2025, 9, 29, 8, 30)


def test_deadline_on_a_segment_end_is_that_end() -> None:
    assert add_working_hours(sh(2025, 9, 29, 8, 0), 3.5) == sh(2025, 9, 29, 12, 0)
    assert add_working_hours(sh(2025, 9, 29, 8, 30), 7.5) == sh(2025, 9, 29, 17, 30)  # a full day
    assert add_working_hours(sh(2025, 9, 29, 8, 30), 8) == sh(2025, 9, 30, 9, 0)


def test_configurable_window_without_lunch() -> None:
    due = add_working_hours(sh(2025, 9, 29, 17, 0), 2, day_start=time(9), day_end=time(18), lunch=None)
    assert due == sh(2025, 9, 30, 10, 0)


def test_invalid_window_is_rejected() -> None:
    with pytest.raises(ValueError):
        WorkingWindow(day_start=time(18), day_end=time(9))
    with pytest.raises(ValueError):
        add_working_hours(sh(2025, 9, 29, 9), 1, lunch=(time(13), time(12)))


def test_working_time_between() -> None:
    assert working_time_between(sh(2025, 9, 29, 11), sh(2025, 9, 29, 14)) == timedelta(hours=1, minutes=30)
    assert working_time_between(sh(2025, 9, 30, 16), sh(2025, 10, 9, 10)) == timedelta(hours=3)
    assert working_time_between(sh(2025, 9, 30, 16), sh(2025, 9, 29, 10)) == timedelta(0)


@pytest.mark.parametrize("start", [sh(2025, 9, 26, 7, 45), sh(2025, 9, 30, 12, 10), sh(2026, 2, 13, 17)])
@pytest.mark.parametrize("hours", [0.25, 3.5, 7.5, 20])
def test_hours_added_are_hours_elapsed(start: datetime, hours: float) -> None:
    assert working_time_between(start, add_working_hours(start, hours)) == timedelta(hours=hours)


# --- pauses -------------------------------------------------------------------------------------

def test_extension_request_pauses_the_clock() -> None:
    start = sh(2026, 3, 2, 9, 0)  # Monday
    assert due_after_pauses(start, 8, []) == sh(2026, 3, 3, 9, 30)
    paused = [(sh(2026, 3, 2, 10, 0), sh(2026, 3, 3, 10, 0))]  # one working day pending
    assert due_after_pauses(start, 8, paused) == sh(2026, 3, 4, 9, 30)


def test_pending_pause_leaves_due_time_unknown() -> None:
    assert due_after_pauses(sh(2026, 3, 2, 9), 8, [(sh(2026, 3, 2, 10), None)]) is None


def test_pause_after_the_deadline_does_not_help() -> None:
    pauses = [(sh(2026, 3, 3, 11), None)]
    assert due_after_pauses(sh(2026, 3, 2, 9), 8, pauses) == sh(2026, 3, 3, 9, 30)


def test_overlapping_unordered_and_early_pauses_are_merged() -> None:
    pauses = [(sh(2026, 3, 2, 14), sh(2026, 3, 2, 16)), (sh(2026, 3, 2, 10), sh(2026, 3, 2, 15)),
              (sh(2026, 3, 1, 8), sh(2026, 3, 1, 20))]  # the last one ends before the start
    # paused 10:00-16:00 on Monday: 4.5 office hours lost
    assert due_after_pauses(sh(2026, 3, 2, 9), 8, pauses) == sh(2026, 3, 3, 15, 30)
    with pytest.raises(ValueError):
        due_after_pauses(sh(2026, 3, 2, 9), 8, [(sh(2026, 3, 2, 12), sh(2026, 3, 2, 10))])


# --- TimeLimit ----------------------------------------------------------------------------------

def test_time_limit_units() -> None:
    filed = sh(2025, 9, 30, 15)
    assert TimeLimit(3, "working_days").due(filed) == sh(2025, 10, 11, 15)
    assert TimeLimit(3, TimeUnit.CALENDAR_DAYS).due(filed) == sh(2025, 10, 3, 15)
    assert TimeLimit(4, "working_hours").due(filed) == sh(2025, 10, 9, 10, 0)
    assert TimeLimit(2, "calendar_hours").due(filed) == sh(2025, 9, 30, 17)
    with pytest.raises(ValueError):
        TimeLimit(3, "fortnights")  # type: ignore[arg-type]


def test_time_limit_with_pauses_and_overdue() -> None:
    limit = TimeLimit(3, "working_days")
    filed = sh(2026, 3, 2, 9)  # Monday
    pauses = [(sh(2026, 3, 3, 9), sh(2026, 3, 4, 9))]  # one working day pending
    assert limit.due(filed) == sh(2026, 3, 5, 9)
    assert limit.due(filed, pauses) == sh(2026, 3, 6, 9)
    assert limit.remaining(filed, sh(2026, 3, 5, 9), pauses) == timedelta(days=1)
    assert not limit.is_overdue(filed, sh(2026, 3, 6, 9), pauses)
    assert limit.is_overdue(filed, sh(2026, 3, 6, 9, 1), pauses)
    assert not limit.is_overdue(filed, sh(2026, 3, 20), [(sh(2026, 3, 3), None)])


# --- errors -------------------------------------------------------------------------------------

def test_naive_datetimes_are_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        add_working_days(datetime(2025, 9, 30, 15), 3)


def test_past_the_calendar_working_days_are_monday_to_friday(caplog) -> None:
    use_supplement(HolidaySupplement())  # none; also forgets the years already warned about
    assert covered_years() == (2004, 2026) and not covers(date(2027, 1, 1))
    assert is_working_day(date(2027, 1, 1))            # a Friday: 元旦 is not known yet
    assert not is_working_day(date(2027, 1, 2))        # Saturday
    assert not is_working_day(date(2003, 12, 28))      # Sunday, before the package's first year
    # Mon 28 Dec 2026 09:00 + 5: Tue 29 … Fri 1 Jan (4), Mon 4 Jan 09:00
    assert add_working_days(sh(2026, 12, 28, 9), 5) == sh(2027, 1, 4, 9)
    assert "no holiday calendar for the year" in caplog.text
    # calendar days need no holiday table
    assert TimeLimit(7, "calendar_days").due(sh(2026, 12, 28, 9)) == sh(2027, 1, 4, 9)


@pytest.fixture
def supplement_file(tmp_path):
    """An operator's supplement for 2027 as typed from a notice (these rows are made up for the
    test: the real 2027 arrangement is not known to this project)."""
    path = tmp_path / "holidays.csv"
    path.write_text("date,kind,name\n2027-01-01,holiday,元旦\n2027-01-02,holiday,元旦\n"
                    "2027-01-03,holiday,元旦\n2027-01-09,workday,调休上班\n", encoding="utf-8")
    yield path
    use_supplement(HolidaySupplement())


def test_a_supplement_file_covers_the_next_year(supplement_file) -> None:
    use_supplement(HolidaySupplement.read(supplement_file))
    assert covered_years() == (2004, 2027) and covers(date(2027, 6, 1)) and not covers(date(2028, 1, 3))
    assert not is_working_day(date(2027, 1, 1))        # listed holiday on a Friday
    assert is_working_day(date(2027, 1, 9))            # listed Saturday make-up day
    assert is_working_day(date(2027, 1, 4)) and not is_working_day(date(2027, 1, 10))
    # Mon 28 Dec 2026 09:00 + 5: Tue 29, Wed 30, Thu 31, Mon 4, Tue 5 January 09:00
    assert add_working_days(sh(2026, 12, 28, 9), 5) == sh(2027, 1, 5, 9)
    use_supplement(HolidaySupplement())
    assert is_working_day(date(2027, 1, 1))            # the cache was dropped with the supplement


@pytest.mark.parametrize("rows, problem", [
    ("2027-13-01,holiday,x", "is not YYYY-MM-DD"),
    ("2027-02-01,rest,x", "is not holiday or workday"),
    ("2027-02-01,workday,x", "is a weekday"),
    ("2027-02-01,holiday,x\n2027-02-01,holiday,y", "listed twice"),
    ("2028-02-01,holiday,x", "without a gap"),
    ("2026-10-01,holiday,x", "without a gap"),
])
def test_a_bad_supplement_file_says_which_line(tmp_path, rows, problem) -> None:
    path = tmp_path / "holidays.csv"
    path.write_text("date,kind,name\n" + rows + "\n", encoding="utf-8")
    with pytest.raises(HolidaySupplementError, match=problem):
        HolidaySupplement.read(path)
    with pytest.raises(HolidaySupplementError, match="No such file"):
        HolidaySupplement.read(tmp_path / "missing.csv")


def test_a_process_reads_the_supplement_named_in_its_environment(supplement_file, tmp_path) -> None:
    probe = "from shared import workdays; print(workdays.covered_years())"
    env = {**os.environ, "HOLIDAY_CALENDAR_FILE": str(supplement_file)}
    started = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True,
                             check=False)
    assert started.returncode == 0 and started.stdout.strip() == "(2004, 2027)", started.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind,name\n2027-02-01,workday,x\n", encoding="utf-8")
    refused = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False,
                             env={**os.environ, "HOLIDAY_CALENDAR_FILE": str(bad)})
    assert refused.returncode != 0 and "line 2: 2027-02-01 is a weekday" in refused.stderr
