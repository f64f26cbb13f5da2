"""Task and assignment state machines: every transition, who may do it, from which state."""
from __future__ import annotations

import datetime as dt

import pytest

from services.tasks import deadlines, domain
from shared.errors import InvalidArgument, InvalidTransition, PermissionDenied

VILLAGE, OTHER_VILLAGE, TOWN = "330688100201", "330688100202", "330688100"
SECRETARY = domain.Actor("p-sec", ("village_secretary",), VILLAGE)
OTHER_SECRETARY = domain.Actor("p-sec2", ("village_secretary",), OTHER_VILLAGE)
CADRE = domain.Actor("p-cadre", ("village_cadre",), VILLAGE)
GRID = domain.Actor("p-grid", ("grid_worker",), VILLAGE + "G01")
LEADER = domain.Actor("p-lead", ("town_leader",), TOWN)
DEPUTY = domain.Actor("p-dep", ("deputy_secretary",), TOWN)
OTHER_TOWN_LEADER = domain.Actor("p-lead2", ("town_leader",), "330688101")
SUPERVISOR = domain.Actor("p-sup", ("supervisor",), "330688K13")


@pytest.mark.parametrize(("action", "state", "target"), [
    (action, state, target) for action, (sources, target, _) in domain.TASK_TRANSITIONS.items()
    for state in sources])
def test_every_task_transition_from_its_states(action, state, target):
    role = next(iter(domain.TASK_TRANSITIONS[action][2]))
    assert domain.check_task_transition(action, state, (role,)) == target


@pytest.mark.parametrize(("action", "state"), [
    (action, state) for action, (sources, _, _) in domain.TASK_TRANSITIONS.items()
    for state in domain.TASK_STATES if state not in sources])
def test_task_transition_from_a_wrong_state_is_refused(action, state):
    role = next(iter(domain.TASK_TRANSITIONS[action][2]))
    with pytest.raises(InvalidTransition) as raised:
        domain.check_task_transition(action, state, (role,))
    assert raised.value.code == "INVALID_TRANSITION"


@pytest.mark.parametrize(("action", "role"), [
    ("submit", "deputy_secretary"), ("submit", "village_secretary"), ("approve", "town_leader"),
    ("approve", "village_secretary"), ("return", "town_leader"), ("reject", "supervisor"),
    ("update", "deputy_secretary"), ("merge", "town_leader"), ("approve", "admin")])
def test_task_transition_by_the_wrong_role_is_refused(action, role):
    state = next(iter(domain.TASK_TRANSITIONS[action][0]))
    with pytest.raises(PermissionDenied) as raised:
        domain.check_task_transition(action, state, (role,))
    assert raised.value.code == "ROLE_REQUIRED"


def _step(action, state, who, assignees=("p-cadre",)):
    return domain.check_assignment_transition(action, state=state, actor=who, village_id=VILLAGE,
                                              assignee_ids=list(assignees))


ALLOWED = {"sign": SECRETARY, "allocate": SECRETARY, "progress": CADRE, "submit": CADRE,
           "accept": LEADER, "send_back": DEPUTY, "rate": SECRETARY, "urge": LEADER}
EXPECTED = {("sign", "pending"): "signed", ("allocate", "signed"): "allocated",
            ("progress", "allocated"): "in_progress", ("progress", "sent_back"): "in_progress",
            ("submit", "in_progress"): "submitted", ("submit", "sent_back"): "submitted",
            ("accept", "submitted"): "accepted", ("send_back", "submitted"): "sent_back",
            ("rate", "accepted"): "accepted", ("urge", "pending"): "pending",
            ("allocate", "in_progress"): "in_progress", ("urge", "sent_back"): "sent_back"}


@pytest.mark.parametrize(("action", "state"), [
    (action, state) for action, (sources, *_rest) in domain.ASSIGNMENT_TRANSITIONS.items()
    for state in sorted(sources)])
def test_every_assignment_transition_from_its_states(action, state):
    target = _step(action, state, ALLOWED[action])
    assert target in domain.ASSIGNMENT_STATES
    if (action, state) in EXPECTED:
        assert target == EXPECTED[(action, state)]


@pytest.mark.parametrize(("action", "state"), [
    (action, state) for action, (sources, *_rest) in domain.ASSIGNMENT_TRANSITIONS.items()
    for state in domain.ASSIGNMENT_STATES if state not in sources])
def test_assignment_transition_from_a_wrong_state_is_refused(action, state):
    with pytest.raises(InvalidTransition):
        _step(action, state, ALLOWED[action])


@pytest.mark.parametrize(("action", "state", "who", "code"), [
    ("sign", "pending", CADRE, "ROLE_REQUIRED"),          # only the secretary signs
    ("sign", "pending", GRID, "ROLE_REQUIRED"),
    ("sign", "pending", LEADER, "ROLE_REQUIRED"),
    ("sign", "pending", OTHER_SECRETARY, "NOT_THIS_VILLAGE"),
    ("allocate", "signed", CADRE, "ROLE_REQUIRED"),
    ("progress", "allocated", GRID, "NOT_ASSIGNEE"),      # not allocated to this grid worker
    ("submit", "in_progress", OTHER_SECRETARY, "NOT_ASSIGNEE"),
    ("accept", "submitted", SECRETARY, "ROLE_REQUIRED"),
    ("accept", "submitted", OTHER_TOWN_LEADER, "NOT_THIS_TOWN"),
    ("send_back", "submitted", CADRE, "ROLE_REQUIRED"),
    ("rate", "accepted", CADRE, "ROLE_REQUIRED"),
    ("urge", "pending", SECRETARY, "ROLE_REQUIRED"),
    ("urge", "pending", SUPERVISOR, "ROLE_REQUIRED"),
])
def test_assignment_transition_by_the_wrong_person_is_refused(action, state, who, code):
    with pytest.raises(PermissionDenied) as raised:
        _step(action, state, who)
    assert raised.value.code == code


def test_secretary_may_report_for_the_village_without_being_an_assignee():
    assert _step("progress", "allocated", SECRETARY, assignees=()) == "in_progress"


def test_allocated_grid_worker_may_report():
    assert _step("progress", "allocated", GRID, assignees=("p-grid",)) == "in_progress"


def test_points_earned_is_points_times_quality():
    assert domain.points_earned(10, 85) == 8.5
    assert domain.points_earned(7, 33) == 2.31
    assert domain.points_earned(0, 100) == 0


@pytest.mark.parametrize("quality", [-1, 101])
def test_quality_out_of_range(quality):
    with pytest.raises(InvalidArgument):
        domain.check_quality(quality)


def _draft(**changes):
    values = dict(title="清理河道", description="", category="town", matter_code="",
                  target_village_ids=[VILLAGE], points=10, co_handler_org_ids=[TOWN + "B03"],
                  has_deadline=True, time_limit_amount=0, time_limit_unit="", urgency="normal")
    return domain.Draft(**{**values, **changes})


def test_a_good_draft_passes():
    domain.validate_draft(_draft(), TOWN)


@pytest.mark.parametrize(("changes", "field"), [
    ({"title": " "}, "title"), ({"category": "huge"}, "category"),
    ({"target_village_ids": []}, "target_village_ids"),
    ({"target_village_ids": ["330688101201"]}, "target_village_ids"),  # another town's village
    ({"target_village_ids": [VILLAGE, VILLAGE]}, "target_village_ids"),
    ({"co_handler_org_ids": [VILLAGE]}, "co_handler_org_ids"),
    ({"points": -1}, "points"), ({"time_limit_amount": 3, "time_limit_unit": "working_days"}, "time_limit"),
    ({"has_deadline": False, "time_limit_amount": 3, "time_limit_unit": "fortnights"}, "time_limit"),
    ({"urgency": "now"}, "urgency")])
def test_bad_drafts_name_the_field(changes, field):
    with pytest.raises(InvalidArgument) as raised:
        domain.validate_draft(_draft(**changes), TOWN)
    assert raised.value.field == field


def test_working_days_skip_the_national_day_holiday():
    start = dt.datetime(2026, 9, 30, 2, 0, tzinfo=dt.UTC)  # Wednesday 10:00 in Shanghai
    due = deadlines.due(start, 1, "working_days")
    assert due.astimezone(dt.timezone(dt.timedelta(hours=8))).date() > dt.date(2026, 10, 7)


def test_working_days_past_the_calendar_fall_back_to_weekdays():
    start = dt.datetime(2027, 3, 5, 2, 0, tzinfo=dt.UTC)    # a Friday in Shanghai
    due = deadlines.due(start, 1, "working_days")
    assert due.astimezone(dt.timezone(dt.timedelta(hours=8))).date() == dt.date(2027, 3, 8)


def test_calendar_days_beyond_the_calendar_still_work():
    start = dt.datetime(2027, 3, 5, 2, 0, tzinfo=dt.UTC)
    assert deadlines.due(start, 3, "calendar_days") == start + dt.timedelta(days=3)
