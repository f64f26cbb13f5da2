"""Evaluation rules: periods, the scoring-rules document, exact point arithmetic, ranking, pools."""
from __future__ import annotations

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from shared.errors import InvalidArgument

CHINA = dt.timezone(dt.timedelta(hours=8))  # periods follow the local calendar (no DST in China)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")

# --- periods -------------------------------------------------------------------------------

PERIOD = re.compile(r"(?P<year>20\d\d)(?:-(?:(?P<month>0[1-9]|1[0-2])|Q(?P<quarter>[1-4])))?")


@dataclass(frozen=True)
class Period:
    """A month (2026-05), a quarter (2026-Q2) or a year (2026)."""

    kind: str
    year: int
    number: int = 0   # month 1–12 or quarter 1–4; 0 for a year

    @classmethod
    def parse(cls, text: str, *, field: str = "period") -> "Period":
        match = PERIOD.fullmatch(text or "")
        if not match:
            raise InvalidArgument(f"期间“{text}”无效，应为YYYY-MM、YYYY-Qn或YYYY",
                                  f"Invalid period {text!r}: use YYYY-MM, YYYY-Qn or YYYY",
                                  code="INVALID_PERIOD", field=field)
        year = int(match["year"])
        if match["month"]:
            return cls("month", year, int(match["month"]))
        if match["quarter"]:
            return cls("quarter", year, int(match["quarter"]))
        return cls("year", year)

    def __str__(self) -> str:
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.number}"
        return str(self.year)

    def months(self) -> list[str]:
        if self.kind == "month":
            return [str(self)]
        first, count = ((self.number - 1) * 3 + 1, 3) if self.kind == "quarter" else (1, 12)
        return [f"{self.year}-{m:02d}" for m in range(first, first + count)]

    def previous(self) -> "Period":
        if self.kind == "year":
            return Period("year", self.year - 1)
        last = 12 if self.kind == "month" else 4
        if self.number == 1:
            return Period(self.kind, self.year - 1, last)
        return Period(self.kind, self.year, self.number - 1)

    def end(self) -> dt.datetime:
        """First instant after the period, in China time."""
        year, month = map(int, self.months()[-1].split("-"))
        return dt.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=CHINA)


def month_of(moment: dt.datetime) -> str:
    return moment.astimezone(CHINA).strftime("%Y-%m")


def next_month(month: str) -> str:
    year, number = map(int, month.split("-"))
    return f"{year + number // 12}-{number % 12 + 1:02d}"


def periods_of_month(month: str) -> list[str]:
    """The month, its quarter and its year: the three rows a monthly fact adds to."""
    year, number = month.split("-")
    return [month, f"{year}-Q{(int(number) - 1) // 3 + 1}", year]


def validate_month(text: str, *, field: str = "month") -> str:
    period = Period.parse(text, field=field)
    if period.kind != "month":
        raise InvalidArgument("此处需要月份（YYYY-MM）", "A month (YYYY-MM) is required",
                              code="INVALID_PERIOD", field=field)
    return str(period)


# --- exact arithmetic: points are kept as integers of hundredths ----------------------------

def decimal(text: str | int | Decimal, *, field: str = "value") -> Decimal:
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise InvalidArgument(f"{field}应为十进制数", f"{field} must be a decimal number",
                              code="VALIDATION_FAILED", field=field)
    return value


def centi(value: Decimal) -> int:
    """Round half up to hundredths and keep the integer count of hundredths."""
    return int((value / CENT).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def show(centis: int) -> str:
    return str((Decimal(centis) * CENT).quantize(CENT))


def task_points(points: int, quality: int, weight: Decimal) -> int:
    """分值 × 质量/100 × 权重, in hundredths."""
    return centi(Decimal(points) * Decimal(quality) / HUNDRED * weight)


def split_evenly(total: int, names: list[str]) -> dict[str, int]:
    """Share `total` hundredths among names; the shares sum exactly to it."""
    if not names:
        return {}
    return largest_remainder(total, {name: Decimal(1) for name in sorted(set(names))})


def largest_remainder(total: int, weights: dict[str, Decimal]) -> dict[str, int]:
    """Split an integer amount in proportion to weights (Hamilton's method), summing exactly.

    Every name gets floor(total × w / Σw); the units left over go one each to the largest
    fractional remainders, ties broken by name so that the result never depends on order.
    """
    positive = {name: w for name, w in weights.items() if w > 0}
    if total <= 0 or not positive:
        return {name: 0 for name in weights}
    whole = sum(positive.values())
    shares, remainders = {}, []
    for name, weight in positive.items():
        exact = Decimal(total) * weight / whole
        floor = int(exact.to_integral_value(rounding="ROUND_FLOOR"))
        shares[name] = floor
        remainders.append((exact - floor, name))
    left = total - sum(shares.values())
    for _, name in sorted(remainders, key=lambda item: (-item[0], item[1]))[:left]:
        shares[name] += 1
    return {name: shares.get(name, 0) for name in weights}


def competition_ranks(values: list[tuple[str, int]]) -> list[tuple[str, int, int]]:
    """Sort by value (high first, then id) and rank 1, 2, 2, 4: ties share the better rank."""
    ordered = sorted(values, key=lambda item: (-item[1], item[0]))
    ranked, rank = [], 0
    for position, (name, value) in enumerate(ordered, start=1):
        if position == 1 or value != ordered[position - 2][1]:
            rank = position
        ranked.append((name, value, rank))
    return ranked


# --- the scoring-rules document -------------------------------------------------------------

DEFAULT_RULES: dict = {
    "task_weight": "1",               # accepted assignment: 分值 × 质量/100 × task_weight
    "overdue_deduction": "2",         # per overdue assignment (village and each assignee)
    "sent_back_deduction": "0.5",     # per send-back
    "warning_deduction": "3",         # 负面预警扣分, per procedure warning raised (village)
    "petition_resolved_points": "1",  # village, per petition resolved in the village
    "unsatisfied_deduction": "1",     # village, per unsatisfied follow-up
    "democratic_weight": "0.2",       # 民主测评 score (0–100) × weight
    "honour_weight": "1",             # 荣誉表彰加分 points × weight
    "listing_points": "5",            # 揭榜挂帅 won (village)
    "grid": {"patrol_points": "0.5", "problem_points": "1", "resolved_points": "2",
             "size_tiers": [["40", "1.2"], ["20", "1.1"], ["0", "1"]],
             "bonus_tiers": [["40", "1.5"], ["20", "1.2"], ["0", "1"]]},
    "boards": {  # core indicators of each leaderboard and their weights
        "villages": {"points": "1", "on_time_rate": "0.1", "resolve_rate": "0.1",
                     "satisfaction_rate": "0.1"},
        "cadres": {"points": "1", "on_time_rate": "0.1", "average_quality": "0.1"},
        "grid-workers": {"points": "1"},
    },
    "lingyan": {"weights": {"leadership": "20", "governance": "20", "development": "15",
                            "reputation": "20", "integrity": "15", "commitment": "10"},
                "development_target": "100", "warning_penalty": "20", "overdue_penalty": "10",
                "listing_bonus": "10"},
    "yanzhen": [["80", "头雁"], ["40", "强雁"], ["0", "合格"]],
}
INDICATORS = {"points", "on_time_rate", "average_quality", "resolve_rate", "satisfaction_rate",
              "overdue_count", "warning_count", "sent_back_count", "patrols", "problems_found",
              "petitions_resolved", "listings_won"}
LINGYAN_DIMENSIONS = ("leadership", "governance", "development", "reputation", "integrity",
                      "commitment")


def rules_error(path: str, zh: str, en: str) -> InvalidArgument:
    return InvalidArgument(f"评分规则{path}：{zh}", f"Scoring rules {path}: {en}",
                           code="INVALID_RULES", field=f"rules.{path}")


def merge_rules(base: dict, patch_json: str) -> dict:
    """Merge a (partial) JSON document onto `base` and validate the result."""
    try:
        patch = json.loads(patch_json or "{}")
    except ValueError as exc:
        raise rules_error("", "不是合法的JSON", "not valid JSON") from exc
    if not isinstance(patch, dict):
        raise rules_error("", "应为JSON对象", "must be a JSON object")
    merged = copy.deepcopy(base)
    _merge(merged, patch, "")
    validate_rules(merged)
    return merged


def _merge(target: dict, patch: dict, path: str) -> None:
    for key, value in patch.items():
        where = f"{path}{key}"
        if key not in target and not path.startswith("boards."):
            raise rules_error(where, "未知的规则项", "unknown rule")
        if isinstance(target.get(key), dict) and isinstance(value, dict) and key != "boards":
            _merge(target[key], value, f"{where}.")
        elif key == "boards" and isinstance(value, dict):
            for board, weights in value.items():
                if board not in target["boards"] or not isinstance(weights, dict):
                    raise rules_error(f"boards.{board}", "未知的榜单", "unknown leaderboard")
                target["boards"][board] = weights  # a board's indicator set is replaced whole
        else:
            target[key] = value


def validate_rules(rules: dict) -> None:
    for key in ("task_weight", "overdue_deduction", "sent_back_deduction", "warning_deduction",
                "petition_resolved_points", "unsatisfied_deduction", "democratic_weight",
                "honour_weight", "listing_points"):
        _bounded(rules[key], key, Decimal(0), Decimal(1000))
    for key in ("patrol_points", "problem_points", "resolved_points"):
        _bounded(rules["grid"][key], f"grid.{key}", Decimal(0), Decimal(1000))
    for key in ("size_tiers", "bonus_tiers"):
        _tiers(rules["grid"][key], f"grid.{key}", numeric_label=True)
    _tiers(rules["yanzhen"], "yanzhen", numeric_label=False)
    for board, weights in rules["boards"].items():
        if not weights:
            raise rules_error(f"boards.{board}", "至少需要一项核心指标", "needs an indicator")
        for name, weight in weights.items():
            if name not in INDICATORS:
                raise rules_error(f"boards.{board}.{name}", "未知的核心指标", "unknown indicator")
            _bounded(weight, f"boards.{board}.{name}", Decimal(-1000), Decimal(1000))
    lingyan = rules["lingyan"]
    if set(lingyan["weights"]) != set(LINGYAN_DIMENSIONS):
        raise rules_error("lingyan.weights", "须恰好包含六个维度", "needs exactly the six dimensions")
    for name, weight in lingyan["weights"].items():
        _bounded(weight, f"lingyan.weights.{name}", Decimal(0), Decimal(100))
    if sum(Decimal(str(w)) for w in lingyan["weights"].values()) <= 0:
        raise rules_error("lingyan.weights", "权重之和须大于0", "weights must sum above zero")
    for key in ("development_target", "warning_penalty", "overdue_penalty", "listing_bonus"):
        _bounded(lingyan[key], f"lingyan.{key}", Decimal(0), Decimal(100000))
    if Decimal(str(lingyan["development_target"])) == 0:
        raise rules_error("lingyan.development_target", "须大于0", "must be above zero")


def _bounded(value, path: str, low: Decimal, high: Decimal) -> Decimal:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        number = Decimal("NaN")
    if isinstance(value, bool) or not number.is_finite() or not low <= number <= high:
        raise rules_error(path, f"应为{low}到{high}之间的数", f"must be a number in [{low}, {high}]")
    return number


def _tiers(tiers, path: str, *, numeric_label: bool) -> None:
    if not isinstance(tiers, list) or not tiers:
        raise rules_error(path, "应为非空的[下限, 值]列表", "must be a non-empty [floor, value] list")
    floors = []
    for tier in tiers:
        if not isinstance(tier, list) or len(tier) != 2:
            raise rules_error(path, "每档应为[下限, 值]", "each tier is [floor, value]")
        floors.append(_bounded(tier[0], path, Decimal(-100000), Decimal(100000)))
        if numeric_label:
            _bounded(tier[1], path, Decimal(0), Decimal(100))
        elif not isinstance(tier[1], str) or not tier[1]:
            raise rules_error(path, "等次名称不能为空", "grade names must be text")
    if floors != sorted(floors, reverse=True):
        raise rules_error(path, "各档下限应从高到低排列", "floors must be in descending order")


def rule(rules: dict, key: str) -> Decimal:
    return Decimal(str(rules[key]))
