"""Pure rules beyond screening: CSV rows, quota periods and scopes, admission criteria, reviews."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from shared.errors import InvalidArgument, InvalidTransition

KINDS = ("village", "town", "negative")
ITEM_COLUMNS = ("code", "level", "category", "name", "description", "basis", "department", "kind",
                "parent_code")
NEGATIVE_COLUMNS = ("code", "category", "name", "description", "basis", "redirect")
PERIODS = ("week", "month", "quarter", "year")
OUTCOMES = ("compliant", "non_compliant")
DECISIONS = ("admit", "reject")
OPEN, CLOSED, ADMITTED, REJECTED = "open", "closed", "admitted", "rejected"
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$")
_LIMITS = {"name": 200, "category": 50, "department": 100, "kind": 30}


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    message: str


def columns_for(kind: str) -> tuple[str, ...]:
    if kind not in KINDS:
        raise InvalidArgument("导入类型应为 village、town 或 negative",
                              "kind must be village, town or negative", field="kind")
    return NEGATIVE_COLUMNS if kind == "negative" else ITEM_COLUMNS


def validate_rows(kind: str, header: Sequence[str] | None, rows: Sequence[Mapping[str, str]],
                  existing_codes: Iterable[str] = ()) -> list[RowError]:
    """Every problem of a catalogue CSV, with its line (the header is line 1)."""
    required = ("code", "name")
    missing = [c for c in required if c not in (header or ())]
    if missing:
        return [RowError(1, c, f"缺少列 {c}") for c in missing]
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    codes = set(existing_codes) | {(r.get("code") or "").strip() for r in rows}
    for line, row in enumerate(rows, start=2):
        code = (row.get("code") or "").strip()
        if not _CODE.match(code):
            errors.append(RowError(line, "code", f"编码“{code}”无效（字母数字及 - _ .，至多40位）"))
        elif code in seen:
            errors.append(RowError(line, "code", f"编码{code}与第{seen[code]}行重复"))
        seen.setdefault(code, line)
        if not (row.get("name") or "").strip():
            errors.append(RowError(line, "name", "缺少名称"))
        for column, limit in _LIMITS.items():
            if len(row.get(column) or "") > limit:
                errors.append(RowError(line, column, f"{column}超过{limit}字"))
        if kind != "negative":
            level = (row.get("level") or kind).strip()
            if level != kind:
                errors.append(RowError(line, "level", f"层级应为{kind}，实为“{level}”"))
            parent = (row.get("parent_code") or "").strip()
            if parent and (parent == code or parent not in codes):
                errors.append(RowError(line, "parent_code", f"上级事项{parent}不存在"))
            active = (row.get("active") or "true").strip().lower()
            if active not in ("true", "false", "1", "0", "yes", "no", "是", "否"):
                errors.append(RowError(line, "active", "active 应为 true 或 false"))
    return errors


EDITABLE_FIELDS = ("level", "category", "name", "description", "basis", "department", "kind",
                   "parent_code")
_EDIT_LIMITS = {**_LIMITS, "description": 2000, "basis": 1000}
DRAFT, PUBLISHED = "draft", "published"


def item_changes(code: str, current: Mapping[str, str], requested: Mapping[str, str],
                 parents: Mapping[str, str]) -> dict[str, str]:
    """The fields of a draft item that a PATCH really changes, checked; `parents` maps every code
    of the version to its parent code ("" for none), so a new parent may not close a loop."""
    if not requested:
        raise InvalidArgument("没有要修改的字段", "Nothing to change", field="body")
    for field in requested:
        if field not in EDITABLE_FIELDS:
            raise InvalidArgument(f"字段{field}不可修改", f"{field} cannot be changed", field=field)
    values = {f: (v or "").strip() for f, v in requested.items()}
    if "level" in values and values["level"] not in ("village", "town"):
        raise InvalidArgument("层级应为 village 或 town", "level must be village or town",
                              field="level")
    if "name" in values and not values["name"]:
        raise InvalidArgument("名称不能为空", "name is required", field="name")
    for field, limit in _EDIT_LIMITS.items():
        if len(values.get(field, "")) > limit:
            raise InvalidArgument(f"{field}不能超过{limit}字", f"{field} is longer than {limit}",
                                  field=field)
    parent = values.get("parent_code")
    if parent:
        if parent not in parents:
            raise InvalidArgument(f"上级事项{parent}不存在", f"Parent item {parent} not found",
                                  field="parent_code")
        seen, step = {code}, parent
        while step:
            if step in seen:
                raise InvalidArgument(f"上级事项{parent}会形成循环", f"Parent {parent} would make a loop",
                                      field="parent_code")
            seen.add(step)
            step = parents.get(step, "")
    return {f: v for f, v in values.items() if v != (current.get(f) or "")}


def is_active(value: str | None) -> bool:
    return (value or "true").strip().lower() not in ("false", "0", "no", "否")


def period_start(period: str, day: date) -> date:
    """First day of the quota period containing `day` (weeks start on Monday)."""
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if period == "year":
        return day.replace(month=1, day=1)
    raise InvalidArgument("周期应为 week、month、quarter 或 year",
                          "period must be week, month, quarter or year", field="period")


@dataclass(frozen=True)
class QuotaRule:
    id: str
    village_id: str       # "" = every village
    issuer_org_id: str    # "" = every issuing office, each counted separately
    period: str
    max_tasks: int

    @property
    def specificity(self) -> int:
        return 2 * bool(self.village_id) + bool(self.issuer_org_id)


def applicable_quotas(rules: Sequence[QuotaRule], village_id: str,
                      issuer_org_id: str) -> list[QuotaRule]:
    """Per period, the most specific rule that covers this village and this office."""
    best: dict[str, QuotaRule] = {}
    for rule in rules:
        if rule.village_id not in ("", village_id) or rule.issuer_org_id not in ("", issuer_org_id):
            continue
        if rule.period not in best or rule.specificity > best[rule.period].specificity:
            best[rule.period] = rule
    return list(best.values())


def validate_quota(village_id: str, issuer_org_id: str, period: str, max_tasks: int,
                   county_id: str) -> None:
    period_start(period, date.today())
    if max_tasks < 0:
        raise InvalidArgument("上限不能为负数", "max_tasks must not be negative", field="max_tasks")
    for field, value in (("village_id", village_id), ("issuer_org_id", issuer_org_id)):
        if value and not value.startswith(county_id):
            raise InvalidArgument(f"{field}不属于该县", f"{field} is outside the county", field=field)


def criteria_met(required_by_law: bool, customary_assistance: bool,
                 within_capacity: bool) -> bool:
    """An item may enter the village list if villages can do it and law or custom puts it there."""
    return within_capacity and (required_by_law or customary_assistance)


def decide_admission(status: str, decision: str, criteria: bool) -> str:
    if status != OPEN:
        raise InvalidTransition("该准入审查已作出决定", "This admission review is already decided")
    if decision not in DECISIONS:
        raise InvalidArgument("决定应为 admit 或 reject", "decision must be admit or reject",
                              field="decision")
    if decision == "admit" and not criteria:
        raise InvalidTransition(
            "不满足准入条件（须在村级能力范围内，且属法律法规规定或村级惯例协助），不能准入",
            "Criteria not met: within village capacity and required by law or customary",
            code="ADMISSION_CRITERIA_NOT_MET")
    return ADMITTED if decision == "admit" else REJECTED


def close_compliance(status: str, outcome: str, note: str) -> str:
    if status != OPEN:
        raise InvalidTransition("该合规审查已关闭", "This compliance review is already closed")
    if outcome not in OUTCOMES:
        raise InvalidArgument("结论应为 compliant 或 non_compliant",
                              "outcome must be compliant or non_compliant", field="outcome")
    if outcome == "non_compliant" and not note.strip():
        raise InvalidArgument("认定不合规须说明理由", "A non-compliant finding needs a note",
                              field="note")
    return CLOSED


def month_of(moment: datetime) -> str:
    return moment.strftime("%Y-%m")
