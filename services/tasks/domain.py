"""Task rules: task and assignment state machines, who may act, validation and point arithmetic."""
from __future__ import annotations

from dataclasses import dataclass

from shared.auth import (DEPUTY_SECRETARY, GRID_WORKER, TOWN_LEADER, VILLAGE_CADRE,
                         VILLAGE_SECRETARY)
from shared.errors import InvalidArgument, InvalidTransition, PermissionDenied

CATEGORIES = {"major": ("重大任务", "major task"), "upper": ("上级任务", "task from above"),
              "town": ("镇级任务", "town task")}
TIME_UNITS = {"calendar_days": "自然日", "working_days": "工作日"}
URGENCIES = ("normal", "emergency")
BURDENS = {"light": "负担轻", "moderate": "负担适中", "heavy": "负担重"}
MAX_POINTS = 1000
TOWN_ID_LENGTH = 9      # 330688100: county (6) + town (3)
VILLAGE_ID_LENGTH = 12  # 330688100201

# --- task state machine ----------------------------------------------------------------------
DRAFT, SCREENED, DISPATCHED, REJECTED, MERGED = "draft", "screened", "dispatched", "rejected", "merged"
TASK_STATES = {DRAFT: "草稿", SCREENED: "已过筛待审核", DISPATCHED: "已派发", REJECTED: "已驳回",
               MERGED: "已归并"}
# action → (states it may start from, state it ends in, roles that may do it)
TASK_TRANSITIONS = {
    "update": ({DRAFT}, DRAFT, {TOWN_LEADER}),
    "submit": ({DRAFT}, SCREENED, {TOWN_LEADER}),   # a rejected screening keeps it a draft
    "approve": ({SCREENED}, DISPATCHED, {DEPUTY_SECRETARY}),
    "return": ({SCREENED}, DRAFT, {DEPUTY_SECRETARY}),
    "reject": ({SCREENED}, REJECTED, {DEPUTY_SECRETARY}),
    "merge": ({DRAFT, SCREENED}, MERGED, {DEPUTY_SECRETARY}),
}
TASK_ACTION_NAMES = {"update": "修改", "submit": "提交过筛", "approve": "审核通过", "return": "退回修改",
                     "reject": "驳回", "merge": "归并"}

# --- assignment state machine ----------------------------------------------------------------
PENDING, SIGNED, ALLOCATED, IN_PROGRESS = "pending", "signed", "allocated", "in_progress"
SUBMITTED, SENT_BACK, ACCEPTED = "submitted", "sent_back", "accepted"
ASSIGNMENT_STATES = {PENDING: "待签收", SIGNED: "已签收", ALLOCATED: "已分派", IN_PROGRESS: "办理中",
                     SUBMITTED: "已提交待验收", SENT_BACK: "已退回重办", ACCEPTED: "已验收"}
OPEN_STATES = {PENDING, SIGNED, ALLOCATED, IN_PROGRESS, SENT_BACK}  # the deadline still matters
WORKING = {ALLOCATED, IN_PROGRESS, SENT_BACK}
TOWN_REVIEWERS = {TOWN_LEADER, DEPUTY_SECRETARY}
# action → (from states, to state or None = unchanged, roles, who: village|assignee|town)
ASSIGNMENT_TRANSITIONS = {
    "sign": ({PENDING}, SIGNED, {VILLAGE_SECRETARY}, "village"),
    "allocate": ({SIGNED, ALLOCATED, IN_PROGRESS, SENT_BACK}, None, {VILLAGE_SECRETARY}, "village"),
    "progress": (WORKING, IN_PROGRESS, {VILLAGE_SECRETARY, VILLAGE_CADRE, GRID_WORKER}, "assignee"),
    "submit": (WORKING, SUBMITTED, {VILLAGE_SECRETARY, VILLAGE_CADRE, GRID_WORKER}, "assignee"),
    "accept": ({SUBMITTED}, ACCEPTED, TOWN_REVIEWERS, "town"),
    "send_back": ({SUBMITTED}, SENT_BACK, TOWN_REVIEWERS, "town"),
    "rate": ({ACCEPTED}, None, {VILLAGE_SECRETARY}, "village"),
    "urge": (OPEN_STATES, None, TOWN_REVIEWERS, "town"),
}
ASSIGNMENT_ACTION_NAMES = {"sign": "签收", "allocate": "分派", "progress": "报告进展",
                           "submit": "提交办结", "accept": "验收", "send_back": "退回",
                           "rate": "评价", "urge": "催办"}
ASSIGNEE_POSITIONS = {VILLAGE_SECRETARY, VILLAGE_CADRE, GRID_WORKER}


def town_of(org_id: str) -> str:
    return org_id[:TOWN_ID_LENGTH]


def village_of(org_id: str) -> str:
    return org_id[:VILLAGE_ID_LENGTH]


def is_village_id(org_id: str) -> bool:
    return len(org_id) == VILLAGE_ID_LENGTH and org_id.isdigit()


def check_task_transition(action: str, state: str, roles: tuple[str, ...]) -> str:
    """The state a task moves to; raises when the role or the current state does not allow it."""
    sources, target, allowed = TASK_TRANSITIONS[action]
    _require_roles(allowed, roles, TASK_ACTION_NAMES[action])
    if state not in sources:
        raise InvalidTransition(
            f"任务当前状态为“{TASK_STATES.get(state, state)}”，不能{TASK_ACTION_NAMES[action]}",
            f"A task in state {state} cannot be {action}ed", field="state")
    return target


@dataclass(frozen=True)
class Actor:
    """Who acts on an assignment, as far as the rules need to know."""

    person_id: str
    roles: tuple[str, ...]
    org_id: str


def check_assignment_transition(action: str, *, state: str, actor: Actor, village_id: str,
                                assignee_ids: list[str]) -> str:
    """The assignment's next state; checks role, relation to the assignment, and state."""
    sources, target, allowed, who = ASSIGNMENT_TRANSITIONS[action]
    name = ASSIGNMENT_ACTION_NAMES[action]
    _require_roles(allowed, actor.roles, name)
    if who == "village" and village_of(actor.org_id) != village_id:
        raise PermissionDenied(f"只有本村（社区）书记可以{name}", f"Only the village's own secretary may {action}",
                               code="NOT_THIS_VILLAGE")
    if who == "assignee" and not (
            (VILLAGE_SECRETARY in actor.roles and village_of(actor.org_id) == village_id)
            or actor.person_id in assignee_ids):
        raise PermissionDenied(f"只有承办人或本村书记可以{name}",
                               f"Only an assignee or the village secretary may {action}",
                               code="NOT_ASSIGNEE")
    if who == "town" and not village_id.startswith(actor.org_id[:TOWN_ID_LENGTH]):
        raise PermissionDenied(f"只有本镇领导可以{name}", f"Only the town's leaders may {action}",
                               code="NOT_THIS_TOWN")
    if state not in sources:
        raise InvalidTransition(
            f"任务当前状态为“{ASSIGNMENT_STATES.get(state, state)}”，不能{name}",
            f"An assignment in state {state} cannot take the action {action}", field="state")
    if action == "allocate" and state == SIGNED:
        return ALLOCATED
    return target or state


def _require_roles(allowed: set[str], roles: tuple[str, ...], action_name: str) -> None:
    if not set(roles) & allowed:
        raise PermissionDenied(f"您的职务不能{action_name}", f"Your position may not do this: {action_name}",
                               code="ROLE_REQUIRED")


# --- validation and arithmetic ---------------------------------------------------------------
@dataclass(frozen=True)
class Draft:
    title: str
    description: str
    category: str
    matter_code: str
    target_village_ids: list[str]
    points: int
    co_handler_org_ids: list[str]
    has_deadline: bool
    time_limit_amount: float
    time_limit_unit: str
    urgency: str


def validate_draft(draft: Draft, town_id: str) -> None:
    """Raises InvalidArgument naming the first bad field."""
    if not draft.title.strip() or len(draft.title) > 200:
        raise _bad("title", "标题不能为空且不超过200字", "title must be 1–200 characters")
    if len(draft.description) > 5000:
        raise _bad("description", "描述不超过5000字", "description must be at most 5000 characters")
    if draft.category not in CATEGORIES:
        raise _bad("category", "类别应为major（重大任务）、upper（上级任务）或town（镇级任务）",
                   "category must be major, upper or town")
    if not draft.target_village_ids:
        raise _bad("target_village_ids", "至少选择一个村（社区）", "choose at least one village")
    if len(set(draft.target_village_ids)) != len(draft.target_village_ids):
        raise _bad("target_village_ids", "目标村（社区）重复", "a village is listed twice")
    for village in draft.target_village_ids:
        if not is_village_id(village) or town_of(village) != town_id:
            raise _bad("target_village_ids", f"{village}不是本镇的村（社区）",
                       f"{village} is not a village of town {town_id}")
    for office in draft.co_handler_org_ids:
        if town_of(office) != town_id or len(office) <= TOWN_ID_LENGTH or is_village_id(office):
            raise _bad("co_handler_org_ids", f"{office}不是本镇的职能办公室或站所",
                       f"{office} is not an office of town {town_id}")
    if not 0 <= draft.points <= MAX_POINTS:
        raise _bad("points", f"分值应在0到{MAX_POINTS}之间", f"points must be 0–{MAX_POINTS}")
    if draft.has_deadline and draft.time_limit_amount:
        raise _bad("time_limit", "截止时间与办理时限只能填一项", "give a deadline or a time limit, not both")
    if draft.time_limit_amount and (draft.time_limit_unit not in TIME_UNITS
                                    or not 0 < draft.time_limit_amount <= 365):
        raise _bad("time_limit", "时限单位应为calendar_days或working_days，天数为1到365",
                   "time_limit needs unit calendar_days|working_days and 1–365 days")
    if draft.urgency not in URGENCIES:
        raise _bad("urgency", "紧急程度应为normal或emergency", "urgency must be normal or emergency")


def points_earned(points: int, quality: int) -> float:
    """Points × quality / 100, to two decimals."""
    return round(points * quality / 100, 2)


def check_quality(quality: int) -> None:
    if not 0 <= quality <= 100:
        raise _bad("quality", "质量评分应为0到100", "quality must be 0–100")


def check_percent(percent: int) -> None:
    if not 0 <= percent <= 100:
        raise _bad("percent", "进度应为0到100", "percent must be 0–100")


def check_burden(burden: str) -> None:
    if burden not in BURDENS:
        raise _bad("burden", "负担应为light、moderate或heavy", "burden must be light, moderate or heavy")


def require_text(value: str, field: str, what_zh: str) -> str:
    if not value.strip():
        raise _bad(field, f"请填写{what_zh}", f"{field} is required")
    if len(value) > 2000:
        raise _bad(field, f"{what_zh}不超过2000字", f"{field} must be at most 2000 characters")
    return value.strip()


def _bad(field: str, zh: str, en: str) -> InvalidArgument:
    return InvalidArgument(zh, en, field=field)
