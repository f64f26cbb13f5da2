"""Extensions (延期, clock paused while pending), mediation sessions of disputes, the overdue sweep."""
from __future__ import annotations

import datetime as dt
import json
import logging

from sqlalchemy import select, update

from services.petitions import clock, domain
from services.petitions.models import extension_requests, mediation_sessions, petitions
from services.petitions.service import rows
from services.petitions.service.flow import SUBJECT, _begin, apply_move
from shared import db as dbmod
from shared.auth import Principal
from shared.errors import InvalidArgument
from zhili.petitions.v1 import events_pb2 as events
from zhili.petitions.v1 import petitions_pb2 as pb

log = logging.getLogger(__name__)


def _stay(row) -> domain.Move:
    return domain.Move(row.status, row.level, row.handler_org_id)


async def request_extension(service, tx, principal: Principal, request: pb.ActionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    domain.request_extension(actor, state, request.days, request.reason)
    now = dbmod.utcnow()
    await tx.session.execute(extension_requests.insert().values(
        id=dbmod.new_id(), petition_id=row.id, days=request.days, reason=request.reason.strip(),
        status="pending", requested_by=principal.subject, requested_org_id=row.handler_org_id,
        requested_at=now))
    pauses = clock.pause(clock.load_pauses(row.pauses), now)
    return await apply_move(tx, principal, row, _stay(row), "extension_requested",
                            reason=request.reason, note=f"申请延期{request.days}天，计时暂停",
                            values={"pauses": clock.dump_pauses(pauses), "due_at": None})


async def decide_extension(service, tx, principal: Principal, request: pb.ActionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    domain.decide_extension(actor, state)
    now = dbmod.utcnow()
    pending = (await tx.session.execute(select(extension_requests).where(
        extension_requests.c.petition_id == row.id,
        extension_requests.c.status == "pending"))).first()
    await tx.session.execute(update(extension_requests).where(
        extension_requests.c.id == pending.id).values(
        status="approved" if request.approve else "rejected", decided_by=principal.subject,
        decided_at=now, decision_reason=request.reason))
    limit = rows.limit_of(row)
    if request.approve:
        limit = clock.extended(limit, pending.days)
    pauses = clock.resume(clock.load_pauses(row.pauses), now)
    start = dbmod.as_utc(row.clock_started_at)
    due = clock.due(limit, start, pauses)
    values = {"pauses": clock.dump_pauses(pauses), "due_at": due.at, "limit_amount": limit.amount}
    if request.approve and row.overdue_at is not None and due.at and due.at > now:
        values["overdue_at"] = None  # the new deadline lies ahead: no longer under 督办
    action = "extension_approved" if request.approve else "extension_rejected"
    note = f"计时恢复；新时限：{clock.describe(limit)}"
    if due.estimated:
        note += clock.ESTIMATED_NOTE
    return await apply_move(tx, principal, row, _stay(row), action, reason=request.reason,
                            note=note, values=values)


async def add_mediation(service, tx, principal: Principal, request: pb.AddMediationSessionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    domain.mediate(actor, state, request.outcome)
    try:
        held_on = dt.date.fromisoformat(request.held_on)
    except ValueError:
        raise InvalidArgument("调解日期应为YYYY-MM-DD", "held_on must be YYYY-MM-DD",
                              field="held_on") from None
    mediators = [m.strip() for m in request.mediators if m.strip()]
    parties = [p.strip() for p in request.parties if p.strip()]
    if not mediators or len(parties) < 2:
        raise InvalidArgument("须有调解员和至少两方当事人", "At least one mediator and two parties",
                              field="parties" if mediators else "mediators")
    now = dbmod.utcnow()
    await tx.session.execute(mediation_sessions.insert().values(
        id=dbmod.new_id(), petition_id=row.id, held_on=held_on,
        mediators=json.dumps(mediators, ensure_ascii=False),
        parties=json.dumps(parties, ensure_ascii=False), outcome=request.outcome,
        note=request.note, expert_requested=request.expert_requested,
        expert_field=request.expert_field, recorded_by=principal.subject, recorded_at=now))
    note = f"调解（{held_on.isoformat()}）：{domain.OUTCOMES[request.outcome]}"
    if request.expert_requested:
        note += f"；申请专家支持：{request.expert_field or '未指明领域'}"
    return await apply_move(tx, principal, row, _stay(row), "mediated", note=note,
                            reason=request.note)


async def sweep_overdue(database, now: dt.datetime | None = None) -> list[str]:
    """Mark open petitions past their due time overdue, once each, with one event each.

    The conditional UPDATE (… AND overdue_at IS NULL) is the guard: replicas sweeping at the
    same moment race on it and exactly one sees rowcount 1; a restart re-reads the same state.
    """
    now = now or dbmod.utcnow()
    async with database.sessions() as session:
        candidates = list((await session.execute(select(petitions.c.id).where(
            petitions.c.status.in_(domain.OPEN_STATUSES), petitions.c.overdue_at.is_(None),
            petitions.c.due_at.is_not(None), petitions.c.due_at < now)
            .order_by(petitions.c.due_at).limit(500))).scalars())
    marked = []
    for petition_id in candidates:
        async with database.transaction(actor_id="system") as tx:
            result = await tx.session.execute(update(petitions).where(
                petitions.c.id == petition_id, petitions.c.overdue_at.is_(None),
                petitions.c.status.in_(domain.OPEN_STATUSES), petitions.c.due_at < now)
                .values(overdue_at=now))
            if result.rowcount != 1:
                continue
            row = await rows.load_any(tx.session, petition_id)
            await rows.add_timeline(tx.session, petition_id, None, "overdue", from_status=row.status,
                                    to_status=row.status, to_org_id=row.handler_org_id,
                                    level=row.level, at=now,
                                    note=f"超过办理时限（截止{dbmod.as_utc(row.due_at).isoformat()}），列入督办")
            await tx.audit(entity="petition", entity_id=petition_id, action="overdue",
                           from_state=row.status, to_state=row.status)
            tx.emit(SUBJECT.format("overdue"), events.PetitionOverdue(
                petition=rows.facts(row), overdue_at=rows.stamp(now)))
            marked.append(petition_id)
    if marked:
        log.info("petitions marked overdue", extra={"count": len(marked)})
    return marked
