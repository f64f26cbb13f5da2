"""Petition rules: states, who may move a petition where, and the org arithmetic behind routing."""
from __future__ import annotations

from dataclasses import dataclass

from shared.auth import (ADMIN, COUNTY_STAFF, DEPUTY_SECRETARY, GRID_WORKER, TOWN_LEADER,
                         TOWN_STAFF, VILLAGE_CADRE, VILLAGE_SECRETARY)
from services.petitions.orgs import (county_of, kind_of_category, org_kind, town_of,  # noqa: F401
                                     village_of)
from shared.errors import InvalidArgument, InvalidTransition, PermissionDenied

SOURCES = {
    "grid_report": ("网格员上报", "grid worker report"),
    "snapshot": ("随手拍", "photo report"),
    "mailbox": ("村民信箱", "villagers' mailbox"),
    "visit": ("民情日记走访", "household visit"),
    "hotline": ("12345热线", "12345 hotline"),
    "partner": ("合作系统工单", "partner work order"),
}
PARTNER_SOURCES = {"hotline", "partner"}
STATUSES = {
    "received": ("待受理", "received"),
    "processing": ("办理中", "in progress"),
    "resolved": ("已办结待回访", "resolved, awaiting follow-up"),
    "followed_up": ("已回访待关闭", "followed up"),
    "closed": ("已关闭", "closed"),
    "declined": ("不予受理", "declined as invalid"),
}
OPEN_STATUSES = ("received", "processing")
LEVELS = ("village", "town", "county")
SATISFACTION = {"satisfied": "满意", "basically_satisfied": "基本满意", "unsatisfied": "不满意"}
OUTCOMES = {"agreement": "达成协议", "failed": "调解不成", "referred": "移交处理"}
TOWN_LEADS = (TOWN_LEADER, DEPUTY_SECRETARY)
VILLAGE_PEOPLE = (VILLAGE_SECRETARY, VILLAGE_CADRE)
MAX_EXTENSION_DAYS = 30


@dataclass(frozen=True)
class Actor:
    """The caller as the rules need them (mirrors shared.auth.Principal, no I/O)."""

    subject: str
    roles: tuple[str, ...]
    org_id: str
    scope_org_id: str

    def has(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)


@dataclass(frozen=True)
class State:
    """The parts of a petition the transition rules look at."""

    status: str
    level: str
    handler_org_id: str
    village_id: str
    kind: str = "general"
    anonymous: bool = False
    reporter_id: str = ""
    extension_pending: bool = False


@dataclass(frozen=True)
class Move:
    """Where a transition takes the petition."""

    status: str
    level: str
    handler_org_id: str


# --- who acts for the handler ---------------------------------------------------------------

def acts_for(actor: Actor, org_id: str) -> bool:
    """Whether the actor may act as the handling org `org_id`."""
    kind = org_kind(org_id)
    if kind == "village":
        return actor.has(*VILLAGE_PEOPLE) and actor.org_id == org_id
    if kind == "town":
        return actor.has(*TOWN_LEADS) and actor.org_id == org_id
    if kind == "office":  # the office itself, or the town's leaders who dispatched it there
        return (actor.has(TOWN_STAFF) and actor.org_id == org_id) or (
            actor.has(*TOWN_LEADS) and actor.org_id == town_of(org_id))
    if kind == "department":
        return (actor.has(COUNTY_STAFF) and actor.org_id == org_id) or actor.has(ADMIN)
    return False


def supervises(actor: Actor, state: State) -> bool:
    """The handler's superior: town leaders for village/town work, the county admin above."""
    if state.level in ("village", "town"):
        return actor.has(*TOWN_LEADS) and actor.org_id == town_of(state.village_id) or actor.has(ADMIN)
    return actor.has(ADMIN)


def may_follow_up(actor: Actor, state: State) -> bool:
    """The reporter, or a cadre of the village (or its town) calling back on their behalf."""
    return (actor.subject == state.reporter_id
            or actor.has(*VILLAGE_PEOPLE) and actor.org_id == state.village_id
            or actor.has(GRID_WORKER) and actor.org_id.startswith(state.village_id)
            or actor.has(*TOWN_LEADS) and actor.org_id == town_of(state.village_id))


def may_close(actor: Actor, state: State) -> bool:
    return (actor.has(*VILLAGE_PEOPLE) and actor.org_id == state.village_id
            or actor.has(*TOWN_LEADS) and actor.org_id == town_of(state.village_id))


# --- transitions -----------------------------------------------------------------------------

def _illegal(action_zh: str, action: str, state: State) -> InvalidTransition:
    status_zh, status_en = STATUSES.get(state.status, (state.status, state.status))
    return InvalidTransition(f"当前状态（{status_zh}）不能{action_zh}",
                             f"Cannot {action} a petition that is {status_en}")


def _not_yours(action_zh: str, action: str) -> PermissionDenied:
    return PermissionDenied(f"您不是该诉求当前的承办方，不能{action_zh}",
                            f"Only the current handler may {action} this petition",
                            code="NOT_HANDLER")


def _require_handler(actor: Actor, state: State, action_zh: str, action: str) -> None:
    if not acts_for(actor, state.handler_org_id):
        raise _not_yours(action_zh, action)


def _require_status(state: State, allowed: tuple[str, ...], action_zh: str, action: str) -> None:
    if state.status not in allowed:
        raise _illegal(action_zh, action, state)


def require_reason(reason: str, what_zh: str) -> str:
    if not reason.strip():
        raise InvalidArgument(f"{what_zh}须说明原因", "A reason is required", field="reason")
    return reason.strip()


def accept(actor: Actor, state: State) -> Move:
    _require_status(state, ("received",), "受理", "accept")
    _require_handler(actor, state, "受理", "accept")
    return Move("processing", state.level, state.handler_org_id)


def decline(actor: Actor, state: State, reason: str) -> Move:
    _require_status(state, ("received",), "不予受理", "decline")
    _require_handler(actor, state, "不予受理", "decline")
    require_reason(reason, "不予受理")
    return Move("declined", state.level, state.handler_org_id)


def escalate(actor: Actor, state: State, target_org_id: str) -> Move:
    """Village → its town (复杂上报); town or one of its offices → a county department."""
    _require_status(state, ("processing",), "上报", "escalate")
    _require_handler(actor, state, "上报", "escalate")
    if state.level == "village":
        return Move("processing", "town", town_of(state.village_id))
    if state.level == "town":
        if org_kind(target_org_id) != "department" or county_of(target_org_id) != county_of(state.village_id):
            raise InvalidArgument("请选择本县的县级部门", "Choose a department of this county",
                                  field="target_org_id")
        return Move("processing", "county", target_org_id)
    raise InvalidTransition("县级部门已是最高层级，不能再上报", "A county department cannot escalate further")


def assign(actor: Actor, state: State, target_org_id: str) -> Move:
    """The town dispatches to one of its own offices (部门流转)."""
    _require_status(state, ("processing",), "分派", "assign")
    if state.level != "town":
        raise InvalidTransition("只有镇街层级的诉求可以分派给职能办公室",
                                "Only a petition at town level can be assigned to an office")
    town = town_of(state.village_id)
    if not (actor.has(*TOWN_LEADS) and actor.org_id == town):
        raise PermissionDenied("分派仅限本镇领导", "Only the town's leaders may assign", code="NOT_HANDLER")
    if org_kind(target_org_id) != "office" or town_of(target_org_id) != town:
        raise InvalidArgument("请选择本镇的职能办公室", "Choose an office of this town", field="target_org_id")
    if target_org_id == state.handler_org_id:
        raise InvalidTransition("已在该办公室办理", "Already with this office")
    return Move("processing", "town", target_org_id)


def transfer(actor: Actor, state: State, target_org_id: str, reason: str) -> Move:
    """Sideways to the right office (same town) or department (same county)."""
    _require_status(state, ("processing",), "转办", "transfer")
    _require_handler(actor, state, "转办", "transfer")
    require_reason(reason, "转办")
    current = org_kind(state.handler_org_id)
    target = org_kind(target_org_id)
    same_town = current == target == "office" and town_of(target_org_id) == town_of(state.handler_org_id)
    same_county = current == target == "department" and county_of(target_org_id) == county_of(state.handler_org_id)
    if not (same_town or same_county) or target_org_id == state.handler_org_id:
        raise InvalidTransition("只能在同级的镇职能办公室之间或县级部门之间转办",
                                "Transfers go sideways between offices of a town or departments of a county")
    return Move("processing", state.level, target_org_id)


def return_down(actor: Actor, state: State, reason: str) -> Move:
    """退回 one level down: county → town, town (or its office) → village."""
    _require_status(state, ("processing",), "退回", "return")
    _require_handler(actor, state, "退回", "return")
    require_reason(reason, "退回")
    if state.level == "county":
        return Move("processing", "town", town_of(state.village_id))
    if state.level == "town":
        return Move("processing", "village", state.village_id)
    raise InvalidTransition("村级已是最低层级，不能退回", "A village cannot return a petition further down")


def request_extension(actor: Actor, state: State, days: int, reason: str) -> None:
    _require_status(state, ("processing",), "申请延期", "request an extension for")
    _require_handler(actor, state, "申请延期", "request an extension for")
    require_reason(reason, "申请延期")
    if state.extension_pending:
        raise InvalidTransition("已有待审批的延期申请", "An extension request is already pending")
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise InvalidArgument(f"延期天数应为1—{MAX_EXTENSION_DAYS}", "days must be 1-30", field="days")


def decide_extension(actor: Actor, state: State) -> None:
    if not state.extension_pending:
        raise InvalidTransition("没有待审批的延期申请", "No extension request is pending")
    if not supervises(actor, state):
        raise PermissionDenied("延期申请须由承办方的上级审批", "Only the handler's superior may decide",
                               code="NOT_SUPERIOR")


def resolve(actor: Actor, state: State, result: str) -> Move:
    _require_status(state, ("processing",), "办结", "resolve")
    _require_handler(actor, state, "办结", "resolve")
    if not result.strip():
        raise InvalidArgument("请填写办理结果", "A result is required", field="result")
    return Move("resolved", state.level, state.handler_org_id)


def follow_up(actor: Actor, state: State, satisfaction: str) -> Move:
    """回访: 不满意 reopens at the same level and handler (重办)."""
    _require_status(state, ("resolved",), "回访", "follow up")
    if satisfaction not in SATISFACTION:
        raise InvalidArgument("满意度应为satisfied/basically_satisfied/unsatisfied",
                              "satisfaction must be satisfied, basically_satisfied or unsatisfied",
                              field="satisfaction")
    if not may_follow_up(actor, state):
        raise PermissionDenied("回访须由反映人或所在村（社区）、镇街干部进行",
                               "Only the reporter or the village's cadres may follow up", code="NOT_ALLOWED")
    if satisfaction == "unsatisfied":
        return Move("processing", state.level, state.handler_org_id)
    return Move("followed_up", state.level, state.handler_org_id)


def close(actor: Actor, state: State) -> Move:
    """Closed after a follow-up; an anonymous petition (nobody to call back) straight after resolution."""
    allowed = ("followed_up", "resolved") if state.anonymous else ("followed_up",)
    _require_status(state, allowed, "关闭", "close")
    if not may_close(actor, state):
        raise PermissionDenied("关闭须由所在村（社区）或镇街干部进行",
                               "Only the village's or town's cadres may close", code="NOT_ALLOWED")
    return Move("closed", state.level, state.handler_org_id)


def reopen(actor: Actor, state: State, reason: str) -> Move:
    """重办 after closing (e.g. a complaint that it was not really solved): back to the resolver."""
    _require_status(state, ("closed",), "重办", "reopen")
    if not supervises(actor, state):
        raise PermissionDenied("重办须由镇街领导决定", "Only the town's leaders may reopen", code="NOT_SUPERIOR")
    require_reason(reason, "重办")
    return Move("processing", state.level, state.handler_org_id)


def urge(actor: Actor, state: State) -> None:
    """督办: a superior presses the handler of an open petition."""
    _require_status(state, OPEN_STATUSES, "督办", "urge")
    if not (supervises(actor, state)
            or actor.has(*TOWN_LEADS) and actor.org_id == town_of(state.village_id)):
        raise PermissionDenied("督办须由上级进行", "Only a superior may urge", code="NOT_SUPERIOR")


def mediate(actor: Actor, state: State, outcome: str) -> None:
    if state.kind != "dispute":
        raise InvalidTransition("只有矛盾纠纷类诉求可以记录调解", "Only disputes carry mediation sessions")
    _require_status(state, ("processing",), "记录调解", "record mediation on")
    _require_handler(actor, state, "记录调解", "record mediation on")
    if outcome not in OUTCOMES:
        raise InvalidArgument("调解结果应为agreement/failed/referred",
                              "outcome must be agreement, failed or referred", field="outcome")


# --- what the caller may do now ----------------------------------------------------------------

def _other(org_id: str, kind: str, parent: str) -> str:
    """An org of `kind` ("office"/"department") under `parent` that is not `org_id`."""
    mark = "B" if kind == "office" else "K"
    first = f"{parent}{mark}01"
    return first if first != org_id else f"{parent}{mark}02"


def _sibling(org_id: str) -> str:
    """Another org of the handler's kind and parent (a legal transfer target); "" if there is none."""
    kind = org_kind(org_id)
    if kind == "office":
        return _other(org_id, kind, town_of(org_id))
    if kind == "department":
        return _other(org_id, kind, county_of(org_id))
    return ""


_PLACEHOLDER = "（按钮判断用）"


def _trials(state: State):
    """Each API operation with a call of its transition on the real state and placeholder input.

    The placeholders pass every input check, as a well-filled form would: follow_up validates the
    satisfaction before the permission, so it gets a real one; transfer gets a sibling of the
    handler's kind (none for a village or town handler, which cannot transfer); assign an office of
    the town other than the handler; escalate a department of the county.
    """
    office = _other(state.handler_org_id, "office", town_of(state.village_id))
    department = f"{county_of(state.village_id)}K01"
    text = _PLACEHOLDER
    return (
        ("accept", lambda a: accept(a, state)),
        ("decline", lambda a: decline(a, state, text)),
        ("escalate", lambda a: escalate(a, state, department)),
        ("assign", lambda a: assign(a, state, office)),
        ("transfer", lambda a: transfer(a, state, _sibling(state.handler_org_id), text)),
        ("return", lambda a: return_down(a, state, text)),
        ("resolve", lambda a: resolve(a, state, text)),
        ("follow_up", lambda a: follow_up(a, state, "satisfied")),
        ("close", lambda a: close(a, state)),
        ("reopen", lambda a: reopen(a, state, text)),
        ("urge", lambda a: urge(a, state)),
        ("request_extension", lambda a: request_extension(a, state, 1, text)),
        ("decide_extension", lambda a: decide_extension(a, state)),
        ("add_mediation_session", lambda a: mediate(a, state, "agreement")),
    )


def allowed_actions(actor: Actor, state: State) -> list[str]:
    """The operations `actor` may take on the petition now, named as the API names them
    (RPC `Return` → "return", `AddMediationSession` → "add_mediation_session"), in a fixed order.

    Not a second copy of the rules: each transition above is called on the real state with
    placeholder arguments, and an action counts as allowed unless it raises PermissionDenied or
    InvalidTransition. An InvalidArgument still counts as allowed: apart from follow_up's
    satisfaction (given a valid one), every transition checks status and role before it validates
    its input, so such an error would be about the placeholder, not the caller. Clients (the web
    console) show their buttons from this list instead of mirroring the rules. Which petitions the
    caller may read at all, and read-only roles, are the service's part.
    """
    allowed = []
    for name, attempt in _trials(state):
        try:
            attempt(actor)
        except (PermissionDenied, InvalidTransition):
            continue
        except InvalidArgument:
            pass
        allowed.append(name)
    return allowed


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 7 else "****" if phone else ""


def sees_phone(actor: Actor, state: State) -> bool:
    """Those who call reporters back: the village's cadres, the town's leaders, the current handler."""
    return (actor.has(*VILLAGE_PEOPLE) and actor.org_id == state.village_id
            or actor.has(*TOWN_LEADS) and actor.org_id == town_of(state.village_id)
            or acts_for(actor, state.handler_org_id) or actor.subject == state.reporter_id)
