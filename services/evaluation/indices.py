"""Pure calculations on counters: core indicators, board values, 领雁指数, 雁阵, grid bonus."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from services.evaluation.domain import (CENT, HUNDRED, LINGYAN_DIMENSIONS, centi,
                                        competition_ranks, largest_remainder)

COUNTERS = ("points", "tasks_accepted", "tasks_on_time", "quality_sum", "overdue", "sent_back",
            "warnings", "petitions_received", "petitions_resolved", "petitions_rated",
            "petitions_satisfied", "patrols", "problems_found", "grid_resolved", "listings_won",
            "democratic_sum", "democratic_count")
DIMENSION_NAMES = {
    "leadership": "领导能力", "governance": "治理能力", "development": "发展实绩",
    "reputation": "群众口碑", "integrity": "廉洁自律", "commitment": "担当作为",
}
INDICATOR_NAMES = {
    "on_time_rate": "任务按时完成率", "average_quality": "任务平均质量", "resolve_rate": "民情办结率",
    "task_points": "任务积分完成度", "satisfaction_rate": "群众满意率",
    "democratic_average": "民主测评平均分", "warning_free": "负面预警扣减后得分",
    "overdue_free": "超期扣减后得分", "listings": "揭榜挂帅",
}


def q2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def rate(part: int, whole: int) -> Decimal | None:
    return q2(Decimal(part) * HUNDRED / Decimal(whole)) if whole else None


def indicators(c: dict) -> dict[str, Decimal | None]:
    """Core indicators of one subject and period from its counters (None = no data)."""
    accepted = c.get("tasks_accepted", 0)
    return {
        "points": q2(Decimal(c.get("points", 0)) * CENT),
        "on_time_rate": rate(c.get("tasks_on_time", 0), accepted),
        "average_quality": q2(Decimal(c.get("quality_sum", 0)) / accepted) if accepted else None,
        "resolve_rate": rate(c.get("petitions_resolved", 0), c.get("petitions_received", 0)),
        "satisfaction_rate": rate(c.get("petitions_satisfied", 0), c.get("petitions_rated", 0)),
        "overdue_count": Decimal(c.get("overdue", 0)),
        "warning_count": Decimal(c.get("warnings", 0)),
        "sent_back_count": Decimal(c.get("sent_back", 0)),
        "patrols": Decimal(c.get("patrols", 0)),
        "problems_found": Decimal(c.get("problems_found", 0)),
        "petitions_resolved": Decimal(c.get("grid_resolved", 0) or c.get("petitions_resolved", 0)),
        "listings_won": Decimal(c.get("listings_won", 0)),
    }


def board_value(values: dict[str, Decimal | None], weights: dict[str, str]) -> int:
    """Σ weight × indicator in hundredths; an indicator without data counts as 0."""
    total = sum((Decimal(str(w)) * (values.get(name) or Decimal(0))
                 for name, w in weights.items()), Decimal(0))
    return centi(total)


def shown(values: dict[str, Decimal | None]) -> dict[str, str]:
    return {name: ("" if value is None else str(value)) for name, value in values.items()}


@dataclass(frozen=True)
class DimensionScore:
    code: str
    weight: Decimal
    score: Decimal | None
    parts: list[tuple[str, Decimal | None, str]]  # (indicator code, 0–100 value, raw figure)


def _mean(values: list[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return q2(sum(known, Decimal(0)) / len(known)) if known else None


def _capped(value: Decimal) -> Decimal:
    return q2(min(HUNDRED, max(Decimal(0), value)))


def lingyan(c: dict, config: dict) -> tuple[Decimal, list[DimensionScore]]:
    """领雁指数 (0–100): weighted mean of six dimensions, each the mean of named indicators.

    A dimension without any data is left out and the others' weights are renormalised, so a
    village with no petitions is not punished for it.
    """
    values = indicators(c)
    points = Decimal(c.get("points", 0)) * CENT
    target = Decimal(str(config["development_target"]))
    democratic = (q2(Decimal(c["democratic_sum"]) * CENT / c["democratic_count"])
                  if c.get("democratic_count") else None)
    warning_free = _capped(HUNDRED - c.get("warnings", 0) * Decimal(str(config["warning_penalty"])))
    overdue_free = _capped(HUNDRED - c.get("overdue", 0) * Decimal(str(config["overdue_penalty"])))
    listings = _capped(c.get("listings_won", 0) * Decimal(str(config["listing_bonus"])))
    parts = {
        "leadership": [("on_time_rate", values["on_time_rate"], f"{c.get('tasks_on_time', 0)}/"
                        f"{c.get('tasks_accepted', 0)}"),
                       ("average_quality", values["average_quality"], str(c.get("quality_sum", 0)))],
        "governance": [("resolve_rate", values["resolve_rate"], f"{c.get('petitions_resolved', 0)}/"
                        f"{c.get('petitions_received', 0)}")],
        "development": [("task_points", _capped(points * HUNDRED / target), str(q2(points)))],
        "reputation": [("satisfaction_rate", values["satisfaction_rate"],
                        f"{c.get('petitions_satisfied', 0)}/{c.get('petitions_rated', 0)}"),
                       ("democratic_average", democratic, str(c.get("democratic_count", 0)))],
        "integrity": [("warning_free", warning_free, str(c.get("warnings", 0)))],
        "commitment": [("overdue_free", overdue_free, str(c.get("overdue", 0))),
                       ("listings", listings if c.get("listings_won") else None,
                        str(c.get("listings_won", 0)))],
    }
    dimensions = [DimensionScore(code, Decimal(str(config["weights"][code])),
                                 _mean([v for _, v, _ in parts[code]]), parts[code])
                  for code in LINGYAN_DIMENSIONS]
    counted = [d for d in dimensions if d.score is not None and d.weight > 0]
    weight = sum((d.weight for d in counted), Decimal(0))
    index = q2(sum((d.weight * d.score for d in counted), Decimal(0)) / weight) if weight else \
        Decimal("0.00")
    return index, dimensions


def grade(tiers: list, points: Decimal, below: str = "待提升") -> str:
    for floor, name in tiers:
        if points >= Decimal(str(floor)):
            return str(name)
    return below


def yanzhen(members: dict[str, int], tiers: list) -> list[tuple[str, int, int, str]]:
    """雁阵: a village's cadres ranked by points, each with a grade from the tiers."""
    return [(person, value, rank, grade(tiers, Decimal(value) * CENT))
            for person, value, rank in competition_ranks(list(members.items()))]


@dataclass(frozen=True)
class GridWorkerYear:
    subject_id: str
    grid_id: str
    elements: int
    daily: int          # hundredths
    adjustment: int     # hundredths


def factor(tiers: list, elements: int) -> Decimal:
    for floor, value in tiers:
        if elements >= Decimal(str(floor)):
            return Decimal(str(value))
    return Decimal(1)


def grid_bonus(workers: list[GridWorkerYear], pool_fen: int, grid_rules: dict) -> list[dict]:
    """二次赋分 (daily × size factor + manual adjustment) and the pool split by score × coefficient."""
    rows, weights = [], {}
    for w in workers:
        size = factor(grid_rules["size_tiers"], w.elements)
        final = centi(Decimal(w.daily) * CENT * size) + w.adjustment
        coefficient = factor(grid_rules["bonus_tiers"], w.elements)
        weights[w.subject_id] = max(Decimal(final), Decimal(0)) * coefficient
        rows.append(dict(worker=w, size_factor=size, final=final, coefficient=coefficient))
    amounts = largest_remainder(pool_fen, weights)
    for row in rows:
        row["amount_fen"] = amounts[row["worker"].subject_id]
    return rows


# --- the same board value in integer arithmetic, for ranking hundreds of thousands of rows ----

def _ratio(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up (both non-negative); 0 without a denominator."""
    return (2 * numerator + denominator) // (2 * denominator) if denominator else 0


CENTI = {  # each indicator in hundredths, exactly as indicators() rounds it
    "points": lambda c: c["points"],
    "on_time_rate": lambda c: _ratio(c["tasks_on_time"] * 10000, c["tasks_accepted"]),
    "average_quality": lambda c: _ratio(c["quality_sum"] * 100, c["tasks_accepted"]),
    "resolve_rate": lambda c: _ratio(c["petitions_resolved"] * 10000, c["petitions_received"]),
    "satisfaction_rate": lambda c: _ratio(c["petitions_satisfied"] * 10000, c["petitions_rated"]),
    "overdue_count": lambda c: c["overdue"] * 100,
    "warning_count": lambda c: c["warnings"] * 100,
    "sent_back_count": lambda c: c["sent_back"] * 100,
    "patrols": lambda c: c["patrols"] * 100,
    "problems_found": lambda c: c["problems_found"] * 100,
    "petitions_resolved": lambda c: (c["grid_resolved"] or c["petitions_resolved"]) * 100,
    "listings_won": lambda c: c["listings_won"] * 100,
}


def value_function(weights: dict[str, str]):
    """A fast equivalent of board_value(indicators(c), weights) for counters `c`."""
    decimals = [Decimal(str(w)) for w in weights.values()]
    exponent = max([0, *(-d.as_tuple().exponent for d in decimals)])
    scale = 10 ** exponent
    terms = [(CENTI[name], int(d * scale)) for name, d in zip(weights, decimals)]

    def value(c) -> int:
        total = sum(weight * centi_of(c) for centi_of, weight in terms)
        magnitude = (2 * abs(total) + scale) // (2 * scale)  # half away from zero = ROUND_HALF_UP
        return magnitude if total >= 0 else -magnitude

    return value
