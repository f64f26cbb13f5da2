"""Shared helpers of the petition use cases: scope, rows to protos, timeline entries, event facts."""
from __future__ import annotations

import datetime as dt
import json

from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import select, update

from services.petitions import clock, domain
from services.petitions.models import (extension_requests, mediation_sessions, petition_orgs,
                                       petitions, timeline)
from shared import db as dbmod
from shared.auth import COUNTY_STAFF, TOWN_STAFF, Principal
from shared.errors import NotFound
from shared.workdays import TimeLimit
from zhili.petitions.v1 import events_pb2 as events
from zhili.petitions.v1 import petitions_pb2 as pb


def actor_of(principal: Principal) -> domain.Actor:
    return domain.Actor(subject=principal.subject, roles=principal.roles, org_id=principal.org_id,
                        scope_org_id=principal.scope_org_id)


def only_sent_to(principal: Principal) -> bool:
    """County departments and town offices see only what was sent to them."""
    return principal.has_role(COUNTY_STAFF) or (
        principal.has_role(TOWN_STAFF) and domain.org_kind(principal.org_id) == "office")


def visible_clause(principal: Principal):
    """SQL condition: the petitions this caller may read."""
    if only_sent_to(principal):
        sent = select(petition_orgs.c.petition_id).where(petition_orgs.c.org_id == principal.org_id)
        return petitions.c.id.in_(sent)
    return petitions.c.origin_org_id.startswith(principal.scope_org_id, autoescape=True)


def not_found(petition_id: str) -> NotFound:
    return NotFound("诉求不存在或不在您的管辖范围内", "Petition not found in your scope",
                    code="PETITION_NOT_FOUND", field="id")


async def load(session, principal: Principal, petition_id: str, *, for_update: bool = False):
    query = select(petitions).where(petitions.c.id == petition_id, visible_clause(principal))
    if for_update and dbmod.dialect_name(session) != "sqlite":
        query = query.with_for_update()
    row = (await session.execute(query)).first()
    if row is None:
        raise not_found(petition_id)
    return row


async def load_any(session, petition_id: str):
    """The row, without a scope check (after the caller's access was checked)."""
    return (await session.execute(select(petitions).where(petitions.c.id == petition_id))).first()


async def lapse_extension(session, petition_id: str, actor_id: str, at: dt.datetime) -> None:
    """A pending request has no object once the petition is resolved."""
    await session.execute(update(extension_requests).where(
        extension_requests.c.petition_id == petition_id, extension_requests.c.status == "pending")
        .values(status="withdrawn", decided_by=actor_id, decided_at=at,
                decision_reason="已办结，申请失效"))


async def extension_pending(session, petition_id: str) -> bool:
    return bool(await session.scalar(select(extension_requests.c.id).where(
        extension_requests.c.petition_id == petition_id, extension_requests.c.status == "pending")))


def state_of(row, *, pending: bool = False) -> domain.State:
    return domain.State(status=row.status, level=row.level, handler_org_id=row.handler_org_id,
                        village_id=row.village_id, kind=row.kind, anonymous=row.anonymous,
                        reporter_id=row.reporter_id, extension_pending=pending)


def limit_of(row) -> TimeLimit:
    return TimeLimit(row.limit_amount, row.limit_unit)


def stamp(moment: dt.datetime | None) -> Timestamp | None:
    if moment is None:
        return None
    value = Timestamp()
    value.FromDatetime(dbmod.as_utc(moment))
    return value


async def add_timeline(session, petition_id: str, principal: Principal | None, action: str, *,
                       from_status: str = "", to_status: str = "", from_org_id: str = "",
                       to_org_id: str = "", level: str = "", reason: str = "", note: str = "",
                       at: dt.datetime | None = None) -> None:
    await session.execute(timeline.insert(), dict(
        id=dbmod.new_id(), petition_id=petition_id, at=at or dbmod.utcnow(), action=action,
        actor_id=principal.subject if principal else "system",
        actor_name=principal.name if principal else "系统", from_status=from_status,
        to_status=to_status, from_org_id=from_org_id, to_org_id=to_org_id, level=level,
        reason=reason, note=note))


async def remember_org(session, petition_id: str, org_id: str, *, new: bool = False) -> None:
    """Record that `org_id` has handled the petition (a new petition has no such row yet)."""
    if not new:
        known = await session.scalar(select(petition_orgs.c.org_id).where(
            petition_orgs.c.petition_id == petition_id, petition_orgs.c.org_id == org_id))
        if known:
            return
    await session.execute(petition_orgs.insert(), dict(petition_id=petition_id, org_id=org_id))


def facts(row) -> events.PetitionFacts:
    return events.PetitionFacts(
        petition_id=row.id, source=row.source, external_id=row.external_id or "",
        category_code=row.category_code, kind=row.kind, village_id=row.village_id,
        grid_id=row.grid_id, level=row.level, handler_org_id=row.handler_org_id, status=row.status,
        reporter_id=row.reporter_id, received_at=stamp(row.received_at), due_at=stamp(row.due_at))


async def to_proto(session, row, principal: Principal, *, new: bool = False) -> pb.Petition:
    """The petition as its caller may see it, with what they may do now (none for a read-only role);
    a `new` one has no mediation or extensions yet."""
    state = state_of(row)
    phone = row.reporter_phone if domain.sees_phone(actor_of(principal), state) \
        else domain.mask_phone(row.reporter_phone)
    sessions, extensions = [], []
    if not new:
        sessions = (await session.execute(select(mediation_sessions).where(
            mediation_sessions.c.petition_id == row.id).order_by(mediation_sessions.c.held_on,
                                                                 mediation_sessions.c.id))).all()
        extensions = (await session.execute(select(extension_requests).where(
            extension_requests.c.petition_id == row.id).order_by(extension_requests.c.id))).all()
    paused = any(end is None for _, end in clock.load_pauses(row.pauses))
    pending = any(e.status == "pending" for e in extensions)
    allowed = [] if principal.read_only else domain.allowed_actions(
        actor_of(principal), state_of(row, pending=pending))
    location = None
    if row.latitude is not None or row.address:
        location = pb.Location(latitude=row.latitude or 0, longitude=row.longitude or 0,
                               address=row.address)
    return pb.Petition(
        id=row.id, source=row.source, external_id=row.external_id or "", title=row.title,
        content=row.content, kind=row.kind, category_code=row.category_code,
        category_name=row.category_name, suggested_level=row.suggested_level,
        suggested_department=row.suggested_department,
        triage=[pb.Suggestion(**s) for s in json.loads(row.triage)], village_id=row.village_id,
        grid_id=row.grid_id, element_code=row.element_code, photo_urls=json.loads(row.photo_urls),
        location=location, reporter_id=row.reporter_id,
        reporter_name="匿名" if row.anonymous else row.reporter_name, reporter_phone=phone,
        anonymous=row.anonymous, status=row.status, level=row.level,
        handler_org_id=row.handler_org_id, received_at=stamp(row.received_at),
        due_at=stamp(row.due_at), time_limit=clock.describe(limit_of(row)), clock_paused=paused,
        overdue=row.overdue_at is not None, overdue_at=stamp(row.overdue_at),
        urge_count=row.urge_count, reopen_count=row.reopen_count, resolution=row.resolution,
        resolved_at=stamp(row.resolved_at), resolved_level=row.resolved_level,
        resolved_org_id=row.resolved_org_id, satisfaction=row.satisfaction,
        closed_at=stamp(row.closed_at), decline_reason=row.decline_reason,
        household_id=row.household_id, created_at=stamp(row.created_at),
        updated_at=stamp(row.updated_at),
        mediation_sessions=[pb.MediationSession(
            id=s.id, held_on=s.held_on.isoformat(), mediators=json.loads(s.mediators),
            parties=json.loads(s.parties), outcome=s.outcome, note=s.note,
            expert_requested=s.expert_requested, expert_field=s.expert_field,
            recorded_by=s.recorded_by, recorded_at=stamp(s.recorded_at)) for s in sessions],
        extensions=[pb.ExtensionRequest(
            id=e.id, days=e.days, reason=e.reason, status=e.status, requested_by=e.requested_by,
            requested_org_id=e.requested_org_id, requested_at=stamp(e.requested_at),
            decided_by=e.decided_by, decided_at=stamp(e.decided_at),
            decision_reason=e.decision_reason) for e in extensions],
        allowed_actions=allowed)
