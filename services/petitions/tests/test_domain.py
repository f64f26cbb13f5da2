"""Pure petition rules: routing, who may act, SLA arithmetic with exact values, phone masking."""
from __future__ import annotations

import datetime as dt

import pytest

from services.petitions import clock, domain
from shared.errors import InvalidArgument, InvalidTransition, PermissionDenied
from shared.workdays import TimeLimit, TimeUnit

VILLAGE, TOWN = "330688100201", "330688100"
OFFICE, OTHER_OFFICE = f"{TOWN}B07", f"{TOWN}B04"
DEPARTMENT, OTHER_DEPARTMENT = "330688K06", "330688K10"
UTC = dt.UTC


def person(role: str, org: str, subject: str = "p1") -> domain.Actor:
    return domain.Actor(subject=subject, roles=(role,), org_id=org, scope_org_id=org)


SECRETARY = person("village_secretary", VILLAGE)
GRID = person("grid_worker", f"{VILLAGE}G01", "grid-1")
LEADER = person("town_leader", TOWN)
OFFICER = person("town_staff", OFFICE)
COUNTY = person("county_staff", DEPARTMENT)
STRANGER = person("village_secretary", "330688100202")


def state(status="processing", level="village", handler=VILLAGE, **extra) -> domain.State:
    return domain.State(status=status, level=level, handler_org_id=handler, village_id=VILLAGE,
                        **extra)


def test_the_four_level_chain_up_and_down():
    assert domain.accept(SECRETARY, state("received")) == domain.Move("processing", "village", VILLAGE)
    assert domain.escalate(SECRETARY, state(), "") == domain.Move("processing", "town", TOWN)
    at_town = state(level="town", handler=TOWN)
    assert domain.assign(LEADER, at_town, OFFICE) == domain.Move("processing", "town", OFFICE)
    at_office = state(level="town", handler=OFFICE)
    assert domain.escalate(OFFICER, at_office, DEPARTMENT) == domain.Move("processing", "county", DEPARTMENT)
    at_county = state(level="county", handler=DEPARTMENT)
    assert domain.return_down(COUNTY, at_county, "应由镇处理") == domain.Move("processing", "town", TOWN)
    assert domain.return_down(OFFICER, at_office, "村能办") == domain.Move("processing", "village", VILLAGE)


def test_illegal_moves_are_invalid_transitions():
    with pytest.raises(InvalidTransition):
        domain.resolve(SECRETARY, state("received"), "done")
    with pytest.raises(InvalidTransition):
        domain.escalate(COUNTY, state(level="county", handler=DEPARTMENT), OTHER_DEPARTMENT)
    with pytest.raises(InvalidTransition):
        domain.return_down(SECRETARY, state(), "再退")
    with pytest.raises(InvalidTransition):
        domain.assign(LEADER, state(), OFFICE)  # still at the village
    with pytest.raises(InvalidTransition):
        domain.transfer(SECRETARY, state(), "330688100203", "不归我们")
    with pytest.raises(InvalidTransition):
        domain.close(SECRETARY, state("resolved"))  # not followed up, not anonymous
    with pytest.raises(InvalidTransition):
        domain.mediate(SECRETARY, state(), "agreement")  # not a dispute


def test_only_the_handler_acts_and_only_superiors_approve():
    with pytest.raises(PermissionDenied):
        domain.accept(STRANGER, state("received"))
    with pytest.raises(PermissionDenied):
        domain.accept(GRID, state("received"))
    with pytest.raises(PermissionDenied):
        domain.resolve(OFFICER, state(level="town", handler=OTHER_OFFICE), "done")
    with pytest.raises(PermissionDenied):
        domain.resolve(person("county_staff", OTHER_DEPARTMENT), state(level="county", handler=DEPARTMENT), "x")
    pending = state(level="town", handler=OFFICE, extension_pending=True)
    with pytest.raises(PermissionDenied):
        domain.decide_extension(OFFICER, pending)
    domain.decide_extension(LEADER, pending)
    with pytest.raises(InvalidTransition):
        domain.request_extension(OFFICER, pending, 3, "等材料")


def test_routing_targets_must_belong_to_the_right_org():
    with pytest.raises(InvalidArgument):
        domain.assign(LEADER, state(level="town", handler=TOWN), "330688101B07")  # another town's office
    with pytest.raises(InvalidArgument):
        domain.escalate(LEADER, state(level="town", handler=TOWN), "330689K06")  # another county
    assert domain.transfer(OFFICER, state(level="town", handler=OFFICE), OTHER_OFFICE, "职责不符") == \
        domain.Move("processing", "town", OTHER_OFFICE)
    assert domain.transfer(COUNTY, state(level="county", handler=DEPARTMENT), OTHER_DEPARTMENT, "职责") == \
        domain.Move("processing", "county", OTHER_DEPARTMENT)
    with pytest.raises(InvalidArgument):
        domain.decline(SECRETARY, state("received"), "   ")


def test_follow_up_reopens_at_the_same_level_when_unsatisfied():
    resolved = state("resolved", level="town", handler=OFFICE, reporter_id="grid-1")
    assert domain.follow_up(GRID, resolved, "unsatisfied") == domain.Move("processing", "town", OFFICE)
    assert domain.follow_up(GRID, resolved, "basically_satisfied").status == "followed_up"
    with pytest.raises(PermissionDenied):
        domain.follow_up(STRANGER, resolved, "satisfied")
    with pytest.raises(InvalidArgument):
        domain.follow_up(GRID, resolved, "ok")
    assert domain.close(SECRETARY, state("resolved", anonymous=True)).status == "closed"


def test_phone_masking():
    assert domain.mask_phone("13912345678") == "139****5678"
    assert domain.mask_phone("") == ""
    dispute = state()
    assert domain.sees_phone(SECRETARY, dispute) and domain.sees_phone(LEADER, dispute)
    assert not domain.sees_phone(person("supervisor", "330688K13"), dispute)
    assert not domain.sees_phone(STRANGER, dispute)


def test_org_arithmetic():
    assert domain.village_of(f"{VILLAGE}G03") == VILLAGE
    assert [domain.org_kind(o) for o in (VILLAGE, TOWN, OFFICE, DEPARTMENT, f"{VILLAGE}G01", "330688")] == [
        "village", "town", "office", "department", "grid", "county"]
    assert domain.kind_of_category("P01-03") == "dispute" and domain.kind_of_category("P08-01") == "general"
    with pytest.raises(InvalidArgument):
        domain.village_of(TOWN)


# --- SLA clocks ------------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "hours", "expected"), [
    ("P01-01", 168, TimeLimit(7, TimeUnit.WORKING_DAYS)),
    ("P04-03", 72, TimeLimit(3, TimeUnit.WORKING_DAYS)),
    ("P08-02", 12, TimeLimit(12, TimeUnit.CALENDAR_HOURS)),
    ("P10-01", 2, TimeLimit(2, TimeUnit.CALENDAR_HOURS)),
    ("P10-02", 24, TimeLimit(24, TimeUnit.CALENDAR_HOURS)),
    ("P03-04", 72, TimeLimit(3, TimeUnit.WORKING_DAYS)),
    ("UNCLASSIFIED", None, TimeLimit(5, TimeUnit.WORKING_DAYS)),
])
def test_how_each_category_clock_runs(code, hours, expected):
    assert clock.time_limit_for(code, hours) == expected


def test_filed_before_national_day_2025_it_is_not_overdue_during_the_holiday():
    limit = clock.time_limit_for("P04-03", 72)
    filed = dt.datetime(2025, 9, 30, 2, 0, tzinfo=UTC)  # Tue 10:00 Beijing
    due = clock.due(limit, filed, [])
    assert due == clock.Due(dt.datetime(2025, 10, 11, 2, 0, tzinfo=UTC))  # Sat make-up day 10:00
    for day in range(1, 9):  # 10-01 … 10-08, the whole holiday
        assert not clock.is_overdue(limit, filed, dt.datetime(2025, 10, day, 15, 0, tzinfo=UTC), [])
    assert not clock.is_overdue(limit, filed, dt.datetime(2025, 10, 11, 1, 59, tzinfo=UTC), [])
    assert clock.is_overdue(limit, filed, dt.datetime(2025, 10, 11, 2, 1, tzinfo=UTC), [])


def test_emergencies_run_round_the_clock_through_holidays():
    limit = clock.time_limit_for("P10-01", 2)
    filed = dt.datetime(2025, 10, 1, 14, 0, tzinfo=UTC)  # National Day, 22:00 Beijing
    assert clock.due(limit, filed, []).at == dt.datetime(2025, 10, 1, 16, 0, tzinfo=UTC)


def test_a_pending_extension_pauses_the_clock_and_an_approval_extends_it():
    limit = TimeLimit(3, TimeUnit.WORKING_DAYS)
    filed = dt.datetime(2026, 11, 2, 1, 0, tzinfo=UTC)  # Mon 09:00 Beijing
    paused = clock.pause([], dt.datetime(2026, 11, 3, 1, 0, tzinfo=UTC))  # after one working day
    assert clock.due(limit, filed, paused).at is None
    assert not clock.is_overdue(limit, filed, dt.datetime(2026, 11, 30, tzinfo=UTC), paused)
    resumed = clock.resume(paused, dt.datetime(2026, 11, 5, 1, 0, tzinfo=UTC))  # Thu 09:00
    # two working days left from Thu 09:00: Fri, then Mon 09:00
    assert clock.due(limit, filed, resumed).at == dt.datetime(2026, 11, 9, 1, 0, tzinfo=UTC)
    longer = clock.extended(limit, 2)
    assert longer == TimeLimit(5, TimeUnit.WORKING_DAYS)
    assert clock.due(longer, filed, resumed).at == dt.datetime(2026, 11, 11, 1, 0, tzinfo=UTC)
    assert clock.extended(TimeLimit(24, TimeUnit.CALENDAR_HOURS), 1) == TimeLimit(48, TimeUnit.CALENDAR_HOURS)
    assert clock.load_pauses(clock.dump_pauses(resumed)) == resumed


def test_past_the_holiday_calendar_working_days_are_estimated_monday_to_friday():
    limit = TimeLimit(15, TimeUnit.WORKING_DAYS)
    filed = dt.datetime(2026, 12, 20, 2, 0, tzinfo=UTC)  # a Sunday: counting starts on Monday
    due = clock.due(limit, filed, [])
    # 9 working days in December, then Fri 1 and Mon 4 – Fri 8 January: the end of Friday the 8th
    # (in Shanghai), not 15 calendar days (the 4th) as before, which made petitions late early
    assert due == clock.Due(dt.datetime(2027, 1, 8, 16, 0, tzinfo=UTC), estimated=True)
    assert clock.due(TimeLimit(48, TimeUnit.CALENDAR_HOURS), filed, []).estimated is False
    inside = clock.due(TimeLimit(3, TimeUnit.WORKING_DAYS), dt.datetime(2026, 12, 21, 2, 0, tzinfo=UTC), [])
    assert inside == clock.Due(dt.datetime(2026, 12, 24, 2, 0, tzinfo=UTC))
    assert clock.describe(TimeLimit(3, TimeUnit.WORKING_DAYS)) == "3 working_days"


# --- allowed_actions: the buttons a client shows, derived from the transitions above ------------

SUPERVISOR = person("supervisor", "330688", "sup-1")
REPORTER = person("villager", VILLAGE, "reporter-1")
COUNTY_ADMIN = person("admin", "330688", "admin-1")


def test_a_town_leader_may_only_urge_a_village_petition_not_yet_accepted():
    assert domain.allowed_actions(LEADER, state("received")) == ["urge"]


def test_the_village_secretary_handling_it_may_accept_or_decline():
    assert domain.allowed_actions(SECRETARY, state("received")) == ["accept", "decline"]
    assert domain.allowed_actions(STRANGER, state("received")) == []


def test_after_accepting_the_handler_may_resolve_escalate_or_ask_for_more_time():
    assert domain.allowed_actions(SECRETARY, state()) == ["escalate", "resolve", "request_extension"]
    assert domain.allowed_actions(SECRETARY, state(kind="dispute")) == [
        "escalate", "resolve", "request_extension", "add_mediation_session"]
    assert domain.allowed_actions(SECRETARY, state(extension_pending=True)) == ["escalate", "resolve"]
    assert domain.allowed_actions(LEADER, state(extension_pending=True)) == ["urge", "decide_extension"]


def test_at_an_office_it_may_go_sideways_up_or_back_and_the_town_leader_acts_for_it():
    at_office = state(level="town", handler=OFFICE)
    assert domain.allowed_actions(OFFICER, at_office) == [
        "escalate", "transfer", "return", "resolve", "request_extension"]
    assert domain.allowed_actions(LEADER, at_office) == [
        "escalate", "assign", "transfer", "return", "resolve", "urge", "request_extension"]
    assert domain.allowed_actions(LEADER, state(level="town", handler=TOWN)) == [
        "escalate", "assign", "return", "resolve", "urge", "request_extension"]
    assert domain.allowed_actions(COUNTY, state(level="county", handler=DEPARTMENT)) == [
        "transfer", "return", "resolve", "request_extension"]


def test_the_reporter_may_follow_up_a_resolved_petition_and_cadres_close_it():
    assert domain.allowed_actions(REPORTER, state("resolved", reporter_id="reporter-1")) == ["follow_up"]
    assert domain.allowed_actions(SECRETARY, state("followed_up")) == ["close"]
    assert domain.allowed_actions(SECRETARY, state("resolved", anonymous=True)) == ["follow_up", "close"]
    assert domain.allowed_actions(LEADER, state("closed")) == ["reopen"]
    assert domain.allowed_actions(SECRETARY, state("closed")) == []


STATES = [state(status, level, handler, kind=kind, extension_pending=pending, reporter_id="reporter-1")
          for status in domain.STATUSES
          for level, handler in (("village", VILLAGE), ("town", TOWN), ("town", OFFICE), ("county", DEPARTMENT))
          for kind in ("general", "dispute") for pending in (False, True)]
ACTORS = [SECRETARY, GRID, LEADER, OFFICER, COUNTY, STRANGER, SUPERVISOR, REPORTER, COUNTY_ADMIN]


def test_a_supervisor_may_do_nothing_anywhere():
    assert all(domain.allowed_actions(SUPERVISOR, s) == [] for s in STATES)


@pytest.mark.parametrize("actor", ACTORS, ids=lambda a: a.roles[0])
def test_every_allowed_action_goes_through_with_the_placeholders(actor):
    """The placeholders are valid input: an action listed as allowed does not fail at all."""
    for s in STATES:
        allowed = domain.allowed_actions(actor, s)
        for name, attempt in domain._trials(s):
            if name in allowed:
                attempt(actor)
