"""民情日记 visits (one household per entry), households due for a visit by colour, patrol records."""
from __future__ import annotations

import datetime as dt
import json

import grpc
from sqlalchemy import func, select

from services.petitions import domain
from services.petitions.models import patrols, visits
from services.petitions.service import intake, rows
from shared import db as dbmod
from shared.auth import GRID_WORKER, VILLAGE_CADRE, VILLAGE_SECRETARY, Principal
from shared.errors import (Conflict, InvalidArgument, NotFound, PermissionDenied, Unavailable,
                           from_rpc_error)
from shared.grpc_client import call_metadata
from shared.paging import next_page_token, page_window
from shared.workdays import LOCAL_TZ
from zhili.common.v1 import common_pb2
from zhili.directory.v1 import directory_pb2 as dpb
from zhili.petitions.v1 import events_pb2 as events
from zhili.petitions.v1 import petitions_pb2 as pb

#: 三色管理: how often a household of each colour is visited (days between visits).
VISIT_INTERVAL_DAYS = {"red": 7, "yellow": 15, "green": 30}
VISITORS = (VILLAGE_SECRETARY, VILLAGE_CADRE, GRID_WORKER)
PATROL_SUBJECT = "petitions.patrol.recorded"


async def _directory(service, principal: Principal, method: str, request):
    """Ask the directory with the caller's own token, so its scope rules apply to them too."""
    try:
        return await getattr(service.directory, method)(
            request, timeout=5, metadata=call_metadata(token=principal.token))
    except grpc.aio.AioRpcError as error:
        remote = from_rpc_error(error)
        if remote.status == grpc.StatusCode.NOT_FOUND:
            raise NotFound(remote.message_zh, remote.message_en, code=remote.code, field="household_id") from None
        if remote.status == grpc.StatusCode.PERMISSION_DENIED:
            raise NotFound("住户不存在或不在您的管辖范围内", "Household not found in your scope",
                           code="HOUSEHOLD_NOT_FOUND", field="household_id") from None
        raise Unavailable("人口信息服务暂不可用，请稍后重试", "The directory is unavailable; retry later",
                          code="DIRECTORY_UNAVAILABLE") from None


def _today() -> dt.date:
    return dt.datetime.now(LOCAL_TZ).date()


def _date(text: str, field: str) -> dt.date:
    if not text:
        return _today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidArgument("日期应为YYYY-MM-DD", f"{field} must be YYYY-MM-DD", field=field) from None


async def record_visit(service, tx, principal: Principal, request: pb.RecordVisitRequest,
                       household: dpb.Household) -> pb.Visit:
    principal.require_writer()
    principal.require_role(*VISITORS)
    visited_on = _date(request.visited_on, "visited_on")
    if visited_on > _today():
        raise InvalidArgument("走访日期不能晚于今天", "visited_on cannot be in the future", field="visited_on")
    if not request.content.strip():
        raise InvalidArgument("请填写走访情况", "content is required", field="content")
    if request.open_petition and not request.concerns.strip():
        raise InvalidArgument("转为诉求须填写群众诉求", "concerns are required to open a petition",
                              field="concerns")
    petition_id = ""
    if request.open_petition:
        petition = await intake.create_petition(service, tx, principal, pb.CreatePetitionRequest(
            source="visit", title=f"民情日记：{household.head_name}户", content=request.concerns,
            grid_id=household.grid_id, household_id=household.id,
            reporter_name=household.head_name))
        petition_id = petition.id
    taken = await tx.session.scalar(select(visits.c.id).where(
        visits.c.household_id == household.id, visits.c.visited_on == visited_on,
        visits.c.visitor_id == principal.subject))
    if taken:
        raise Conflict("您当天已记录过该户的民情日记", "You already recorded a visit to this household that day",
                       code="VISIT_ALREADY_RECORDED", field="visited_on")
    visit_id = dbmod.new_id()
    await tx.session.execute(visits.insert().values(
        id=visit_id, household_id=household.id, household_head=household.head_name,
        household_color=household.color, grid_id=household.grid_id,
        village_id=household.village_id, visitor_id=principal.subject,
        visitor_name=principal.name, visited_on=visited_on, content=request.content.strip(),
        concerns=request.concerns.strip(), petition_id=petition_id, created_at=dbmod.utcnow()))
    await tx.audit(entity="visit", entity_id=visit_id, action="recorded", reason=household.id)
    row = (await tx.session.execute(select(visits).where(visits.c.id == visit_id))).first()
    return _visit(row)


async def fetch_household(service, principal: Principal, household_id: str) -> dpb.Household:
    if not household_id:
        raise InvalidArgument("请指定住户", "household_id is required", field="household_id")
    return await _directory(service, principal, "GetHousehold", dpb.GetHouseholdRequest(id=household_id))


def _visit(row) -> pb.Visit:
    return pb.Visit(id=row.id, household_id=row.household_id, household_head=row.household_head,
                    household_color=row.household_color, grid_id=row.grid_id,
                    village_id=row.village_id, visitor_id=row.visitor_id,
                    visitor_name=row.visitor_name, visited_on=row.visited_on.isoformat(),
                    content=row.content, concerns=row.concerns, petition_id=row.petition_id,
                    created_at=rows.stamp(row.created_at))


VISIT_VIEWS = ("all", "mine")


def _period(request) -> tuple[dt.date | None, dt.date | None]:
    start = _date(request.from_date, "from_date") if request.from_date else None
    end = _date(request.to_date, "to_date") if request.to_date else None
    if start and end and start > end:
        raise InvalidArgument("开始日期不能晚于结束日期", "from_date must not be after to_date",
                              field="to_date")
    return start, end


def _require_diary_reader(principal: Principal) -> None:
    """民情日记 are about households: town offices and county departments, who see only the
    petitions sent to them, have no reason to read a village's household visits."""
    if rows.only_sent_to(principal):
        raise PermissionDenied("民情日记仅限村（社区）、网格和镇街领导查阅",
                               "Visit diaries are for villages, grids and town leaders",
                               code="OUT_OF_SCOPE")


async def list_visits(service, principal: Principal, request: pb.ListVisitsRequest):
    """A cadre's own diary (``view=mine``) or the visits in the caller's scope, newest first,
    filtered by household, visitor (one cadre) and period; the scope always applies, so naming
    another village's cadre or household finds nothing."""
    view = request.view or "all"
    if view not in VISIT_VIEWS:
        raise InvalidArgument("视图应为all/mine", "view must be all or mine", field="view")
    _require_diary_reader(principal)
    offset, limit = page_window(request.page.page_size, request.page.page_token)
    org_id = request.org_id or principal.scope_org_id
    principal.require_visible(org_id)
    start, end = _period(request)
    query = select(visits).where(visits.c.grid_id.startswith(org_id, autoescape=True))
    if request.household_id:
        query = query.where(visits.c.household_id == request.household_id)
    if view == "mine":
        query = query.where(visits.c.visitor_id == principal.subject)
    if request.visitor_id:
        query = query.where(visits.c.visitor_id == request.visitor_id)
    if start:
        query = query.where(visits.c.visited_on >= start)
    if end:
        query = query.where(visits.c.visited_on <= end)
    query = query.order_by(visits.c.visited_on.desc(), visits.c.id.desc())
    async with service.database.sessions() as session:
        found = (await session.execute(query.offset(offset).limit(limit + 1))).all()
    return [_visit(r) for r in found[:limit]], next_page_token(offset, limit, len(found))


async def households_due(service, principal: Principal,
                         request: pb.ListHouseholdsDueForVisitRequest) -> list[pb.HouseholdDue]:
    """Households whose last visit is older than their colour's interval (never visited: due)."""
    _require_diary_reader(principal)
    org_id = request.org_id or principal.scope_org_id
    principal.require_visible(org_id)
    if request.color and request.color not in VISIT_INTERVAL_DAYS:
        raise InvalidArgument("颜色应为green/yellow/red", "color must be green, yellow or red", field="color")
    as_of = _date(request.as_of, "as_of")
    households, token = [], ""
    while True:  # the directory pages by 500
        page = await _directory(service, principal, "ListHouseholds", dpb.ListHouseholdsRequest(
            org_id=org_id, color=request.color,
            page=common_pb2.PageRequest(page_size=500, page_token=token)))
        households += page.households
        token = page.next_page_token
        if not token:
            break
    async with service.database.sessions() as session:
        last = dict((await session.execute(
            select(visits.c.household_id, func.max(visits.c.visited_on))
            .where(visits.c.grid_id.startswith(org_id, autoescape=True))
            .group_by(visits.c.household_id))).all())
    due = []
    for household in households:
        interval = VISIT_INTERVAL_DAYS[household.color]
        visited = last.get(household.id)
        due_on = visited + dt.timedelta(days=interval) if visited else None
        if due_on is not None and due_on > as_of:
            continue
        due.append(pb.HouseholdDue(
            household_id=household.id, head_name=household.head_name, grid_id=household.grid_id,
            village_id=household.village_id, color=household.color, interval_days=interval,
            last_visited_on=visited.isoformat() if visited else "",
            due_on=due_on.isoformat() if due_on else "",
            days_overdue=(as_of - due_on).days if due_on else 0))
    order = {"red": 0, "yellow": 1, "green": 2}
    return sorted(due, key=lambda h: (order[h.color], h.last_visited_on != "", -h.days_overdue, h.household_id))


async def record_patrol(service, tx, principal: Principal, request: pb.RecordPatrolRequest) -> pb.Patrol:
    principal.require_writer()
    principal.require_role(GRID_WORKER)
    grid_id = request.grid_id or principal.org_id
    principal.require_visible(grid_id)
    village_id = domain.village_of(grid_id)  # a patrol is of a grid (or a village without grids)
    petition_id = ""
    if request.issue.strip():
        petition = await intake.create_petition(service, tx, principal, pb.CreatePetitionRequest(
            source="grid_report", content=request.issue, grid_id=grid_id,
            element_code=request.issue_element_code or (request.element_codes[:1] or [""])[0]))
        petition_id = petition.id
    patrol_id, patrolled_at = dbmod.new_id(), dbmod.utcnow()
    await tx.session.execute(patrols.insert().values(
        id=patrol_id, grid_id=grid_id, worker_id=principal.subject, worker_name=principal.name,
        patrolled_at=patrolled_at, element_codes=json.dumps(list(request.element_codes)),
        note=request.note, petition_id=petition_id))
    await tx.audit(entity="patrol", entity_id=patrol_id, action="recorded", reason=grid_id)
    # In the patrol's transaction (outbox): evaluation counts it in the grid worker's assessment.
    tx.emit(PATROL_SUBJECT, events.PatrolRecorded(
        patrol_id=patrol_id, grid_id=grid_id, village_id=village_id, worker_id=principal.subject,
        patrolled_at=rows.stamp(patrolled_at), element_codes=list(request.element_codes),
        petition_id=petition_id))
    row = (await tx.session.execute(select(patrols).where(patrols.c.id == patrol_id))).first()
    return _patrol(row)


def _patrol(row) -> pb.Patrol:
    return pb.Patrol(id=row.id, grid_id=row.grid_id, worker_id=row.worker_id,
                     worker_name=row.worker_name, patrolled_at=rows.stamp(row.patrolled_at),
                     element_codes=json.loads(row.element_codes), note=row.note,
                     petition_id=row.petition_id)


async def list_patrols(service, principal: Principal, request: pb.ListPatrolsRequest):
    offset, limit = page_window(request.page.page_size, request.page.page_token)
    org_id = request.org_id or principal.scope_org_id
    principal.require_visible(org_id)
    query = (select(patrols).where(patrols.c.grid_id.startswith(org_id, autoescape=True))
             .order_by(patrols.c.patrolled_at.desc(), patrols.c.id.desc()))
    async with service.database.sessions() as session:
        found = (await session.execute(query.offset(offset).limit(limit + 1))).all()
    return [_patrol(r) for r in found[:limit]], next_page_token(offset, limit, len(found))
