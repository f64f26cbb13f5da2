"""Procedure rules: quorum and majority in exact integers, step order, publicity, warnings, periods."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from services.procedures.legal import BODIES
from shared.errors import InvalidArgument, InvalidTransition

STEP_KINDS = ("meeting", "publicity", "record")
STATES = ("in_progress", "blocked", "completed", "abandoned")
DISCLOSURE_CATEGORIES = {"party": "党务", "village_affairs": "村务", "finance": "财务"}
STEP_KEY = re.compile(r"[a-z][a-z0-9_]{1,39}")
VILLAGE_ID = re.compile(r"\d{12}")

# Warning kinds (stable; evaluation deducts points by kind).
STEP_OUT_OF_ORDER = "STEP_OUT_OF_ORDER"
QUORUM_MISREPORTED = "QUORUM_MISREPORTED"
IMPLEMENTATION_BEFORE_RESOLUTION = "IMPLEMENTATION_BEFORE_RESOLUTION"
PUBLICITY_TOO_SHORT = "PUBLICITY_TOO_SHORT"
NOTICE_TOO_SHORT = "NOTICE_TOO_SHORT"
PROCEDURE_STALLED = "PROCEDURE_STALLED"
MAJOR_MATTER_WITHOUT_PROCEDURE = "MAJOR_MATTER_WITHOUT_PROCEDURE"
DISCLOSURE_OVERDUE = "DISCLOSURE_OVERDUE"


def meets(count: int, base: int, rule: dict) -> bool:
    """count vs base × num/den in integers: strict = "more than" (过半数), else "at least" (以上)."""
    left, right = count * rule["den"], base * rule["num"]
    return left > right if rule["strict"] else left >= right


@dataclass(frozen=True)
class Meeting:
    body_size: int
    present: int
    votes_for: int
    votes_against: int
    abstentions: int
    basis: str = ""


@dataclass(frozen=True)
class Outcome:
    quorum_met: bool
    passed: bool
    reason_zh: str
    reason_en: str


def validate_meeting(m: Meeting) -> None:
    if m.body_size <= 0:
        raise InvalidArgument("应到人数须大于0", "body_size must be positive", field="body_size")
    if not 0 <= m.present <= m.body_size:
        raise InvalidArgument("实到人数须在0与应到人数之间", "present must be between 0 and body_size",
                              field="present")
    if min(m.votes_for, m.votes_against, m.abstentions) < 0:
        raise InvalidArgument("票数不能为负", "Votes cannot be negative", field="votes_for")
    if m.votes_for + m.votes_against + m.abstentions > m.present:
        raise InvalidArgument("赞成、反对、弃权票之和不能超过实到人数",
                              "for + against + abstentions cannot exceed those present",
                              field="votes_for")


def evaluate(m: Meeting, quorum: list[dict], passing: dict) -> Outcome:
    """Quorum under the chosen basis, then the passing rule; abstentions count as present only."""
    validate_meeting(m)
    options = [q for q in quorum if not m.basis or q["basis"] == m.basis]
    if not options:
        bases = "/".join(q["basis"] for q in quorum)
        raise InvalidArgument(f"法定人数口径应为{bases}", f"basis must be one of {bases}",
                              field="basis")
    rule = options[0]
    if not meets(m.present, m.body_size, rule):
        return Outcome(False, False, f"未达法定人数：应{rule['label']}，实到{m.present}/{m.body_size}",
                       f"No quorum: {m.present} of {m.body_size} present")
    base = m.present if passing["base"] == "present" else m.body_size
    if meets(m.votes_for, base, passing):
        return Outcome(True, True, f"通过：赞成{m.votes_for}票，{passing['label']}",
                       f"Passed with {m.votes_for} votes for (base {base})")
    return Outcome(True, False, f"未通过：赞成{m.votes_for}票，未达到“{passing['label']}”",
                   f"Not passed: {m.votes_for} votes for (base {base})")


def publicity_days(start: dt.date, end: dt.date) -> int:
    """Days a notice is up, both ends included (posted the 1st, taken down the 7th = 7 days)."""
    return (end - start).days + 1


def parse_date(value: str, field: str, *, required: bool = True) -> dt.date | None:
    if not value:
        if required:
            raise InvalidArgument(f"{field}不能为空", f"{field} is required", field=field)
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidArgument(f"{field}应为YYYY-MM-DD格式的日期", f"{field} must be YYYY-MM-DD",
                              field=field) from None


def check_not_future(day: dt.date, today: dt.date, field: str) -> None:
    if day > today:
        raise InvalidArgument("不能登记尚未发生的会议或事项", f"{field} cannot be in the future",
                              field=field)


def check_step_number(state: str, current: int, number: int, total: int) -> None:
    """Only the current step may be recorded (again, when it failed); nothing after completion."""
    if state == "completed":
        raise InvalidTransition("程序已完成，不能再登记", "The procedure is completed",
                                field="number")
    if state == "abandoned":
        raise InvalidTransition("程序已撤回终止，不能再登记", "The procedure was abandoned",
                                field="number")
    if not 1 <= number <= total:
        raise InvalidArgument(f"步骤序号应在1到{total}之间", f"step must be between 1 and {total}",
                              field="number")
    if number < current:
        raise InvalidTransition(f"第{number}步已通过，不能重复登记",
                                f"Step {number} has already passed", field="number")
    if number > current:
        if state == "blocked":
            raise InvalidTransition(f"第{current}步未通过，须重新履行该步骤后才能继续",
                                    f"Step {current} failed; redo it before going on",
                                    field="number")
        raise InvalidTransition(f"须先完成第{current}步，不能跳过步骤",
                                f"Step {current} must be done first; steps cannot be skipped",
                                field="number")


NOTE_MAX = 500


def require_note(text: str, field: str, what_zh: str, what_en: str) -> str:
    """A reason people will read later (who closed what, and why): required, at most 500 chars."""
    text = (text or "").strip()
    if not text:
        raise InvalidArgument(f"须填写{what_zh}", f"{what_en} is required", field=field)
    if len(text) > NOTE_MAX:
        raise InvalidArgument(f"{what_zh}不能超过{NOTE_MAX}字", f"{what_en} is over {NOTE_MAX} "
                              "characters", field=field)
    return text


def check_abandonable(state: str, resolution_passed: bool) -> None:
    """撤回/终止 only before the resolution: once the village has decided, only a new decision
    (a new procedure) can undo it, so the record of the decision is never withdrawn."""
    if state == "abandoned":
        raise InvalidTransition("程序已撤回终止", "The procedure was already abandoned",
                                field="id")
    if resolution_passed or state == "completed":
        raise InvalidTransition("决议已作出，程序不能撤回；如需改变决定，应重新履行民主决策程序",
                                "The resolution has been taken; the procedure can no longer be "
                                "abandoned (a new procedure must change the decision)",
                                code="RESOLUTION_ALREADY_TAKEN", field="id")


def check_resolvable(status: str) -> None:
    if status != "open":
        raise InvalidTransition("该预警已处置，不能重复处置", "The warning is already resolved",
                                code="WARNING_ALREADY_RESOLVED", field="id")


def is_major(amount_fen: int, category: str, rule: dict) -> bool:
    return amount_fen >= rule["threshold_fen"] or category in rule["categories"]


def validate_template_steps(steps: list[dict]) -> None:
    if not 1 <= len(steps) <= 20:
        raise InvalidArgument("模板须有1到20个步骤", "A template needs 1 to 20 steps", field="steps")
    keys = set()
    for i, step in enumerate(steps, start=1):
        field = f"steps[{i}]"
        if not STEP_KEY.fullmatch(step["key"]) or step["key"] in keys:
            raise InvalidArgument(f"第{i}步的key无效或重复", f"{field}.key is invalid or repeated",
                                  field=f"{field}.key")
        keys.add(step["key"])
        if not step["name"].strip():
            raise InvalidArgument(f"第{i}步须有名称", f"{field}.name is required", field=f"{field}.name")
        if step["kind"] not in STEP_KINDS:
            raise InvalidArgument(f"第{i}步类型应为{'/'.join(STEP_KINDS)}",
                                  f"{field}.kind must be one of {', '.join(STEP_KINDS)}",
                                  field=f"{field}.kind")
        if step["kind"] == "meeting":
            if not step["bodies"] or any(b not in BODIES for b in step["bodies"]):
                raise InvalidArgument(f"第{i}步须指定议事主体：{'/'.join(BODIES)}",
                                      f"{field}.bodies must name bodies from {', '.join(BODIES)}",
                                      field=f"{field}.bodies")
        if step.get("max_days", 0) < 0:
            raise InvalidArgument("停滞天数不能为负", "max_days cannot be negative",
                                  field=f"{field}.max_days")


def step_date(record: dict) -> dt.date | None:
    """The day a step happened: a meeting's date, or a publicity's first day."""
    value = record.get("held_on") or record.get("start_on")
    return dt.date.fromisoformat(value) if value else None


def town_of(village_id: str) -> str:
    return village_id[:9]


def require_village(org_id: str, field: str = "village_id") -> None:
    if not VILLAGE_ID.fullmatch(org_id or ""):
        raise InvalidArgument("须为村（社区）的12位行政区划代码", "Must be a 12-digit village code",
                              field=field)


def period_of(day: dt.date, frequency: str) -> str:
    if frequency == "monthly":
        return f"{day.year}-{day.month:02d}"
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def period_end(period: str) -> dt.date:
    """Last day of "2026-05" or "2026-Q2"."""
    year, part = period.split("-")
    month = int(part[1:]) * 3 if part.startswith("Q") else int(part)
    first_next = dt.date(int(year) + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def previous_period(day: dt.date, frequency: str) -> str:
    """The last period that ended before `day`."""
    months = 1 if frequency == "monthly" else 3
    start_month = (day.month - 1) // months * months + 1
    start = dt.date(day.year, start_month, 1)
    return period_of(start - dt.timedelta(days=1), frequency)


def validate_period(period: str, frequency: str) -> None:
    pattern = r"\d{4}-(0[1-9]|1[0-2])" if frequency == "monthly" else r"\d{4}-Q[1-4]"
    if not re.fullmatch(pattern, period or ""):
        example = "2026-05" if frequency == "monthly" else "2026-Q2"
        raise InvalidArgument(f"公开期间格式应为{example}", f"period must look like {example}",
                              field="period")
