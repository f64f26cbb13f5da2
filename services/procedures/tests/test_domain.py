"""Quorum and majority at the boundaries, step order, publicity length, 重大事项, periods (no I/O)."""
import datetime as dt
import json

import pytest

from services.procedures import domain, legal
from shared.errors import InvalidArgument, InvalidTransition

RULES = legal.DEFAULT_RULES


def rule(body):
    return RULES[f"quorum.{body}"]["value"], RULES[f"pass.{body}"]["value"]


def meeting(size, present, yes, no=0, abstain=0, basis=""):
    return domain.Meeting(body_size=size, present=present, votes_for=yes, votes_against=no,
                          abstentions=abstain, basis=basis)


@pytest.mark.parametrize("present, size, quorate", [
    (5, 10, False),   # exactly half is not 过半数
    (6, 10, True),
    (50, 101, False),  # odd size: 50.5 needed, 50 is short
    (51, 101, True),
])
def test_villager_assembly_needs_more_than_half_of_adult_villagers(present, size, quorate):
    quorum, passing = rule("villager_assembly")
    outcome = domain.evaluate(meeting(size, present, present, basis="villagers"), quorum, passing)
    assert outcome.quorum_met is quorate


@pytest.mark.parametrize("present, size, quorate", [
    (6, 9, True),     # exactly two-thirds: 三分之二以上 includes the number itself
    (5, 9, False),
    (7, 10, True),    # two-thirds of 10 is 6.67: rounding up, 7 is needed
    (6, 10, False),
    (20, 30, True),
    (19, 30, False),
])
def test_representatives_need_two_thirds_present_at_least(present, size, quorate):
    quorum, passing = rule("representative_assembly")
    assert domain.evaluate(meeting(size, present, present), quorum, passing).quorum_met is quorate


def test_villager_assembly_by_households_uses_two_thirds_inclusive():
    quorum, passing = rule("villager_assembly")
    assert domain.evaluate(meeting(300, 200, 150, basis="households"), quorum, passing).passed
    assert not domain.evaluate(meeting(300, 199, 150, basis="households"), quorum,
                               passing).quorum_met
    with pytest.raises(InvalidArgument):
        domain.evaluate(meeting(300, 200, 150, basis="guests"), quorum, passing)


@pytest.mark.parametrize("present, yes, no, abstain, passed", [
    (20, 10, 10, 0, False),   # exactly half of those present does not pass
    (20, 11, 9, 0, True),
    (20, 10, 4, 6, False),    # abstentions count as present, not for
    (21, 11, 0, 10, True),    # 11 of 21 is more than half
    (21, 10, 0, 0, False),    # those who did not vote still count as present
])
def test_representative_resolution_needs_more_than_half_of_those_present(present, yes, no,
                                                                         abstain, passed):
    quorum, passing = rule("representative_assembly")
    outcome = domain.evaluate(meeting(30, present, yes, no, abstain), quorum, passing)
    assert outcome.quorum_met and outcome.passed is passed


def test_party_assembly_quorum_is_half_inclusive_and_passing_counts_all_members():
    quorum, passing = rule("party_assembly")
    assert domain.evaluate(meeting(10, 5, 5), quorum, passing).quorum_met  # 半数以上 includes half
    assert not domain.evaluate(meeting(10, 4, 4), quorum, passing).quorum_met
    # passing is against the members entitled to attend (应到), not those present
    assert not domain.evaluate(meeting(10, 8, 5), quorum, passing).passed
    assert domain.evaluate(meeting(10, 6, 6), quorum, passing).passed


def test_impossible_counts_are_refused():
    quorum, passing = rule("representative_assembly")
    for bad in (meeting(0, 0, 0), meeting(10, 11, 5), meeting(10, 8, 5, 3, 1),
                meeting(10, 8, -1)):
        with pytest.raises(InvalidArgument):
            domain.evaluate(bad, quorum, passing)


def test_meets_is_exact_integer_arithmetic():
    third = {"num": 1, "den": 3, "strict": True}
    assert not domain.meets(1, 3, third) and domain.meets(2, 3, third)
    big = {"num": 2, "den": 3, "strict": False}
    assert domain.meets(2 * 10**17, 3 * 10**17, big)
    assert not domain.meets(2 * 10**17 - 1, 3 * 10**17, big)


def test_publicity_days_include_both_ends():
    start = dt.date(2026, 5, 1)
    assert domain.publicity_days(start, dt.date(2026, 5, 7)) == 7
    assert domain.publicity_days(start, start) == 1


@pytest.mark.parametrize("state, current, number, error", [
    ("in_progress", 2, 3, "须先完成第2步"),
    ("in_progress", 3, 1, "已通过"),
    ("blocked", 4, 5, "未通过"),
    ("completed", 0, 6, "程序已完成"),
])
def test_only_the_current_step_can_be_recorded(state, current, number, error):
    with pytest.raises(InvalidTransition) as refused:
        domain.check_step_number(state, current, number, 6)
    assert error in refused.value.message_zh and refused.value.code == "INVALID_TRANSITION"


def test_current_and_failed_steps_can_be_recorded():
    domain.check_step_number("in_progress", 2, 2, 6)
    domain.check_step_number("blocked", 4, 4, 6)
    with pytest.raises(InvalidArgument):
        domain.check_step_number("in_progress", 1, 7, 6)


def test_major_matter_by_amount_threshold_or_category():
    major = RULES["major_matter"]["value"]
    assert domain.is_major(5_000_000, "", major)        # at the threshold
    assert not domain.is_major(4_999_999, "", major)
    assert domain.is_major(100, "land_compensation", major)


def test_periods():
    assert domain.previous_period(dt.date(2026, 6, 5), "monthly") == "2026-05"
    assert domain.previous_period(dt.date(2026, 1, 5), "monthly") == "2025-12"
    assert domain.previous_period(dt.date(2026, 4, 1), "quarterly") == "2026-Q1"
    assert domain.previous_period(dt.date(2026, 2, 1), "quarterly") == "2025-Q4"
    assert domain.period_end("2026-02") == dt.date(2026, 2, 28)
    assert domain.period_end("2026-Q4") == dt.date(2026, 12, 31)
    domain.validate_period("2026-Q2", "quarterly")
    with pytest.raises(InvalidArgument):
        domain.validate_period("2026-05", "quarterly")


def test_templates_must_name_known_bodies_and_unique_keys():
    good = {"key": "a_step", "name": "甲", "kind": "meeting", "bodies": ["party_assembly"]}
    domain.validate_template_steps([good])
    for bad in ([], [good, good], [{**good, "bodies": ["club"]}], [{**good, "kind": "vote"}]):
        with pytest.raises(InvalidArgument):
            domain.validate_template_steps(bad)


def test_every_default_rule_names_its_source():
    assert all(spec["source"] for spec in RULES.values())
    assert "第二十二条" in RULES["quorum.villager_assembly"]["source"]
    assert RULES["notice_days.villager_assembly"]["value"] == 10


def test_province_and_county_rows_override_defaults_most_specific_last():
    rows = [{"key": "publicity.min_days", "region": "330688", "value": 10, "source": "县"},
            {"key": "publicity.min_days", "region": "33", "value": 5, "source": "省"}]
    assert legal.effective(rows, "330688100201")["publicity.min_days"]["value"] == 10
    assert legal.effective(rows, "330700100201")["publicity.min_days"]["value"] == 5
    assert legal.effective(rows, "110101001001")["publicity.min_days"]["value"] == 7


# --- 撤回/终止, manual resolution, province rule files ------------------------------------------

@pytest.mark.parametrize("state", ["in_progress", "blocked"])
def test_a_procedure_can_be_abandoned_until_its_resolution(state):
    domain.check_abandonable(state, resolution_passed=False)


@pytest.mark.parametrize("state, passed, code", [
    ("in_progress", True, "RESOLUTION_ALREADY_TAKEN"),   # 决议 passed, publicity pending
    ("blocked", True, "RESOLUTION_ALREADY_TAKEN"),       # a publicity after the decision failed
    ("completed", True, "RESOLUTION_ALREADY_TAKEN"),
    ("completed", False, "RESOLUTION_ALREADY_TAKEN"),    # a template without a decisive step
    ("abandoned", False, "INVALID_TRANSITION"),
])
def test_abandoning_after_the_resolution_or_twice_is_refused(state, passed, code):
    with pytest.raises(InvalidTransition) as refused:
        domain.check_abandonable(state, resolution_passed=passed)
    assert refused.value.code == code and refused.value.message_zh


def test_a_note_is_required_and_bounded():
    assert domain.require_note("  核实：已补开会议  ", "note", "处置说明", "A note") == "核实：已补开会议"
    for bad in ("", "   ", "字" * (domain.NOTE_MAX + 1)):
        with pytest.raises(InvalidArgument) as refused:
            domain.require_note(bad, "note", "处置说明", "A note")
        assert refused.value.field == "note"


def test_a_resolved_warning_cannot_be_resolved_again():
    domain.check_resolvable("open")
    with pytest.raises(InvalidTransition) as refused:
        domain.check_resolvable("resolved")
    assert refused.value.code == "WARNING_ALREADY_RESOLVED"


def test_abandoned_procedures_take_no_more_records():
    with pytest.raises(InvalidTransition):
        domain.check_step_number("abandoned", 2, 2, 6)


PROVINCE_FILE = """
province: "44"
rules:
  quorum.representative_assembly:
    value: [{basis: members, num: 4, den: 5, strict: false, label: 五分之四以上的组成人员参加}]
    source: 某省实施办法第十条
"""


def test_a_province_file_becomes_region_rows_that_win_over_the_national_default():
    from services.procedures import legal
    from services.procedures.service.provinces import parse_province_rules
    rows = parse_province_rules("44", PROVINCE_FILE)
    assert [(r["key"], r["region"]) for r in rows] == [("quorum.representative_assembly", "44")]
    stored = [{**r, "value": json.loads(r["value_json"])} for r in rows]
    rule = legal.effective(stored, "440103001001")["quorum.representative_assembly"]
    assert rule["source"] == "某省实施办法第十条" and rule["value"][0]["num"] == 4
    elsewhere = legal.effective(stored, "330688100201")["quorum.representative_assembly"]
    assert elsewhere["value"][0]["num"] == 2 and "第二十六条" in elsewhere["source"]
    meeting = domain.Meeting(body_size=30, present=21, votes_for=20, votes_against=1,
                             abstentions=0)  # 21/30 ≥ 2/3 but < 4/5
    assert domain.evaluate(meeting, elsewhere["value"], legal.DEFAULT_RULES[
        "pass.representative_assembly"]["value"]).passed
    assert not domain.evaluate(meeting, rule["value"], legal.DEFAULT_RULES[
        "pass.representative_assembly"]["value"]).quorum_met


@pytest.mark.parametrize("text, problem", [
    ('province: "45"\nrules: {publicity.min_days: {value: 5, source: x}}', "province"),
    ('province: "44"\nrules: {no.such_rule: {value: 5, source: x}}', "unknown rule"),
    ('province: "44"\nrules: {publicity.min_days: {value: 5}}', "source"),
    ('province: "44"\nrules: {publicity.min_days: {value: "7", source: x}}', "shape"),
    ('province: "44"\nrules: {quorum.representative_assembly: {value: [{basis: members, num: 5, '
     'den: 4, strict: false, label: x}], source: x}}', "shape"),
])
def test_a_bad_province_file_is_refused_with_the_reason(text, problem):
    from services.procedures.service.provinces import ProvinceFileError, parse_province_rules
    with pytest.raises(ProvinceFileError, match=problem):
        parse_province_rules("44", text)


def test_the_shipped_province_files_are_valid():
    from services.procedures.service.provinces import RULES_DIR, read_province_file
    files = sorted(RULES_DIR.glob("*.yaml"))
    assert files
    for path in files:
        assert read_province_file(path.stem)
