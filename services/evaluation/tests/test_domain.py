"""Pure evaluation rules: periods, exact points, ranking ties, the bonus pool, indices, rules."""
from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal

import pytest

from services.evaluation import domain, indices
from shared.errors import InvalidArgument


def test_periods_parse_and_step_back():
    assert str(domain.Period.parse("2026-01").previous()) == "2025-12"
    assert str(domain.Period.parse("2026-Q1").previous()) == "2025-Q4"
    assert str(domain.Period.parse("2026").previous()) == "2025"
    assert domain.Period.parse("2026-Q2").months() == ["2026-04", "2026-05", "2026-06"]
    assert len(domain.Period.parse("2026").months()) == 12
    assert domain.Period.parse("2026-12").end() == dt.datetime(2027, 1, 1, tzinfo=domain.CHINA)
    assert domain.periods_of_month("2026-11") == ["2026-11", "2026-Q4", "2026"]
    for bad in ["2026-13", "2026-Q5", "26-01", "", "2026-1", "abc"]:
        with pytest.raises(InvalidArgument):
            domain.Period.parse(bad)


def test_month_follows_china_time():
    # 2026-04-30 17:00 UTC is already 1 May in China.
    assert domain.month_of(dt.datetime(2026, 4, 30, 17, 0, tzinfo=dt.UTC)) == "2026-05"
    assert domain.month_of(dt.datetime(2026, 4, 30, 15, 59, tzinfo=dt.UTC)) == "2026-04"
    assert domain.next_month("2026-12") == "2027-01"


def test_task_points_are_exact_hundredths():
    assert domain.task_points(10, 95, Decimal("1")) == 950
    assert domain.task_points(7, 83, Decimal("1.1")) == 639   # 6.391 → 6.39
    assert domain.task_points(3, 85, Decimal("1")) == 255
    assert domain.task_points(1, 5, Decimal("0.1")) == 1      # 0.005 rounds half up → 0.01
    assert domain.show(639) == "6.39" and domain.show(-250) == "-2.50"
    # Ten thousand additions of 0.1 stay exactly 1000.00 (no float drift).
    assert domain.show(sum(domain.centi(Decimal("0.1")) for _ in range(10_000))) == "1000.00"


def test_even_split_sums_exactly():
    shares = domain.split_evenly(1000, ["c", "a", "b"])
    assert shares == {"a": 334, "b": 333, "c": 333}
    assert domain.split_evenly(950, ["x"]) == {"x": 950}
    assert domain.split_evenly(950, []) == {}


def test_largest_remainder_pool_sums_to_the_fen():
    pool = 10_000_00  # 10,000 yuan in fen
    weights = {"a": Decimal(1), "b": Decimal(1), "c": Decimal(1)}
    assert domain.largest_remainder(pool, weights) == {"a": 333334, "b": 333333, "c": 333333}
    shares = domain.largest_remainder(100, {"x": Decimal("2.5"), "y": Decimal("1.5"),
                                            "z": Decimal(0)})
    assert shares == {"x": 63, "y": 37, "z": 0}       # 62.5/37.5: tie broken by name
    rng = random.Random(7)
    for _ in range(200):
        weights = {f"w{i}": Decimal(rng.randint(0, 10_000)) / 100 for i in range(rng.randint(1, 40))}
        total = rng.randint(1, 10**9)
        shares = domain.largest_remainder(total, weights)
        if any(weights.values()):
            assert sum(shares.values()) == total
        assert all(v >= 0 for v in shares.values())
        exact = {k: Decimal(total) * w / sum(weights.values()) for k, w in weights.items()} \
            if any(weights.values()) else {k: 0 for k in weights}
        assert all(abs(shares[k] - exact[k]) < 1 for k in weights)


def test_competition_ranking_ties_share_the_better_rank():
    ranked = domain.competition_ranks([("d", 50), ("a", 90), ("c", 70), ("b", 70), ("e", 10)])
    assert ranked == [("a", 90, 1), ("b", 70, 2), ("c", 70, 2), ("d", 50, 4), ("e", 10, 5)]
    assert [r for _, _, r in domain.competition_ranks([("x", 5), ("y", 5), ("z", 5)])] == [1, 1, 1]
    shuffled = [("d", 50), ("b", 70), ("e", 10), ("a", 90), ("c", 70)]
    assert domain.competition_ranks(shuffled) == ranked


def test_indicators_and_board_value():
    counters = dict(points=1234, tasks_accepted=4, tasks_on_time=3, quality_sum=362,
                    petitions_received=8, petitions_resolved=6, petitions_rated=5,
                    petitions_satisfied=4, overdue=1, warnings=2)
    values = indices.indicators(counters)
    assert values["points"] == Decimal("12.34")
    assert values["on_time_rate"] == Decimal("75.00")
    assert values["average_quality"] == Decimal("90.50")
    assert values["resolve_rate"] == Decimal("75.00")
    assert values["satisfaction_rate"] == Decimal("80.00")
    weights = domain.DEFAULT_RULES["boards"]["villages"]
    # 12.34 + 0.1×75 + 0.1×75 + 0.1×80 = 35.34
    assert indices.board_value(values, weights) == 3534
    assert indices.board_value(indices.indicators({}), weights) == 0
    assert indices.board_value(values, {"points": "1", "overdue_count": "-2",
                                        "warning_count": "-3"}) == 1234 - 200 - 600


def test_lingyan_index_over_six_dimensions():
    counters = dict(points=8000, tasks_accepted=10, tasks_on_time=9, quality_sum=880,
                    petitions_received=20, petitions_resolved=18, petitions_rated=10,
                    petitions_satisfied=9, warnings=1, overdue=1, democratic_sum=9000,
                    democratic_count=1)
    index, dims = indices.lingyan(counters, domain.DEFAULT_RULES["lingyan"])
    scores = {d.code: d.score for d in dims}
    assert scores == {"leadership": Decimal("89.00"), "governance": Decimal("90.00"),
                      "development": Decimal("80.00"), "reputation": Decimal("90.00"),
                      "integrity": Decimal("80.00"), "commitment": Decimal("90.00")}
    # (20×89 + 20×90 + 15×80 + 20×90 + 15×80 + 10×90) / 100 = 86.80
    assert index == Decimal("86.80")
    # No petitions and no democratic score: governance drops out, weights renormalise.
    index, dims = indices.lingyan(dict(points=8000, tasks_accepted=10, tasks_on_time=9,
                                       quality_sum=880), domain.DEFAULT_RULES["lingyan"])
    assert {d.code for d in dims if d.score is None} == {"governance", "reputation"}
    # (20×89 + 15×80 + 15×100 + 10×100) / 60 = 91.33
    assert index == Decimal("91.33")


def test_yanzhen_grades_by_points():
    members = indices.yanzhen({"p1": 9000, "p2": 4000, "p3": 4000, "p4": -100},
                              domain.DEFAULT_RULES["yanzhen"])
    assert members == [("p1", 9000, 1, "头雁"), ("p2", 4000, 2, "强雁"), ("p3", 4000, 2, "强雁"),
                       ("p4", -100, 4, "待提升")]


def test_grid_bonus_second_adjustment_and_exact_pool():
    workers = [indices.GridWorkerYear("w1", "g1", 45, 10000, 0),    # ×1.2 → 120.00, coef 1.5
               indices.GridWorkerYear("w2", "g2", 25, 10000, 500),  # ×1.1 + 5 → 115.00, coef 1.2
               indices.GridWorkerYear("w3", "g3", 3, 9000, -1000),  # ×1 − 10 → 80.00, coef 1
               indices.GridWorkerYear("w4", "g4", 3, 0, -100)]      # negative → no bonus
    rows = {r["worker"].subject_id: r for r in indices.grid_bonus(
        workers, 1_000_000, domain.DEFAULT_RULES["grid"])}
    assert [rows[w]["final"] for w in ("w1", "w2", "w3", "w4")] == [12000, 11500, 8000, -100]
    # weights 180 : 138 : 80 : 0 of 398 → 452261.3, 346733.6, 201005.0 → remainders by size
    assert {w: rows[w]["amount_fen"] for w in rows} == {"w1": 452261, "w2": 346734,
                                                       "w3": 201005, "w4": 0}
    assert sum(r["amount_fen"] for r in rows.values()) == 1_000_000


def test_rules_merge_validates_and_keeps_the_rest():
    merged = domain.merge_rules(domain.DEFAULT_RULES, json.dumps(
        {"task_weight": "1.5", "boards": {"villages": {"points": "1", "warning_count": "-5"}}}))
    assert merged["task_weight"] == "1.5" and merged["overdue_deduction"] == "2"
    assert merged["boards"]["villages"] == {"points": "1", "warning_count": "-5"}
    assert domain.DEFAULT_RULES["task_weight"] == "1"  # the default is never mutated
    for bad in ['{"task_weight": "-1"}', '{"nope": 1}', '[1]', '{', '{"task_weight": true}',
                '{"boards": {"villages": {"speed": "1"}}}', '{"boards": {"x": {}}}',
                '{"lingyan": {"weights": {"speed": "10"}}}', '{"lingyan": {"weights": {"leadership": "-1"}}}',
                '{"grid": {"size_tiers": [["1", "1"], ["5", "2"]]}}',
                '{"yanzhen": [["80", ""]]}', '{"task_weight": "NaN"}']:
        with pytest.raises(InvalidArgument) as error:
            domain.merge_rules(domain.DEFAULT_RULES, bad)
        assert error.value.code == "INVALID_RULES"


def test_fast_board_value_equals_the_decimal_one():
    rng = random.Random(11)
    weight_sets = [*domain.DEFAULT_RULES["boards"].values(),
                   {"points": "0.35", "overdue_count": "-1.5", "resolve_rate": "0.125",
                    "satisfaction_rate": "0.3333", "warning_count": "-2", "listings_won": "7"}]
    for weights in weight_sets:
        fast = indices.value_function(weights)
        for _ in range(2000):
            counters = {name: rng.randint(0, 50) for name in indices.COUNTERS}
            counters["points"] = rng.randint(-5000, 500_000)
            counters["tasks_on_time"] = rng.randint(0, counters["tasks_accepted"])
            counters["quality_sum"] = counters["tasks_accepted"] * rng.randint(0, 100)
            assert fast(counters) == indices.board_value(indices.indicators(counters), weights)
