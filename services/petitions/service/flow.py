"""Transitions of a petition: each checks role, scope and state, moves it, writes timeline and event."""
from __future__ import annotations

from sqlalchemy import update

from services.petitions import clock, domain
from services.petitions.models import petitions
from services.petitions.service import rows
from shared import db as dbmod
from shared.auth import Principal
from zhili.petitions.v1 import events_pb2 as events
from zhili.petitions.v1 import petitions_pb2 as pb

SUBJECT = "petitions.petition.{}"


async def apply_move(tx, principal: Principal, row, move: domain.Move, action: str, *,
                     reason: str = "", note: str = "", values: dict | None = None):
    """Write the move, its timeline entry and audit row; returns the updated row."""
    now = dbmod.utcnow()
    changes = {"status": move.status, "level": move.level, "handler_org_id": move.handler_org_id,
               "updated_at": now, **(values or {})}
    await tx.session.execute(update(petitions).where(petitions.c.id == row.id).values(**changes))
    if move.handler_org_id != row.handler_org_id:
        await rows.remember_org(tx.session, row.id, move.handler_org_id)
    await rows.add_timeline(tx.session, row.id, principal, action, from_status=row.status,
                            to_status=move.status, from_org_id=row.handler_org_id,
                            to_org_id=move.handler_org_id, level=move.level, reason=reason,
                            note=note, at=now)
    await tx.audit(entity="petition", entity_id=row.id, action=action, from_state=row.status,
                   to_state=move.status, reason=reason or note)
    return await rows.load_any(tx.session, row.id)


async def _begin(tx, principal: Principal, petition_id: str):
    principal.require_writer()
    row = await rows.load(tx.session, principal, petition_id, for_update=True)
    pending = await rows.extension_pending(tx.session, row.id)
    return row, rows.state_of(row, pending=pending), rows.actor_of(principal)


async def accept(service, tx, principal: Principal, request: pb.ActionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    row = await apply_move(tx, principal, row, domain.accept(actor, state), "accepted",
                           note=request.comment)
    tx.emit(SUBJECT.format("accepted"), events.PetitionAccepted(petition=rows.facts(row)))
    return row


async def decline(service, tx, principal: Principal, request: pb.ActionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    move = domain.decline(actor, state, request.reason)
    row = await apply_move(tx, principal, row, move, "declined", reason=request.reason,
                           values={"decline_reason": request.reason.strip(), "due_at": None})
    tx.emit(SUBJECT.format("declined"), events.PetitionDeclined(petition=rows.facts(row),
                                                                reason=request.reason))
    return row


async def escalate(service, tx, principal: Principal, request: pb.ActionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    move = domain.escalate(actor, state, request.target_org_id)
    before = row
    row = await apply_move(tx, principal, row, move, "escalated", reason=request.reason)
    tx.emit(SUBJECT.format("escalated"), events.PetitionEscalated(
        petition=rows.facts(row), from_org_id=before.handler_org_id, from_level=before.level,
        reason=request.reason))
    return row


async def assign(service, tx, principal: Principal, request: pb.ActionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    move = domain.assign(actor, state, request.target_org_id)
    before = row
    row = await apply_move(tx, principal, row, move, "assigned", reason=request.reason)
    tx.emit(SUBJECT.format("assigned"), events.PetitionAssigned(
        petition=rows.facts(row), from_org_id=before.handler_org_id))
    return row


async def transfer(service, tx, principal: Principal, request: pb.ActionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    move = domain.transfer(actor, state, request.target_org_id, request.reason)
    before = row
    row = await apply_move(tx, principal, row, move, "transferred", reason=request.reason)
    tx.emit(SUBJECT.format("transferred"), events.PetitionTransferred(
        petition=rows.facts(row), from_org_id=before.handler_org_id, reason=request.reason))
    return row


async def return_down(service, tx, principal: Principal, request: pb.ActionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    move = domain.return_down(actor, state, request.reason)
    before = row
    row = await apply_move(tx, principal, row, move, "returned", reason=request.reason)
    tx.emit(SUBJECT.format("returned"), events.PetitionReturned(
        petition=rows.facts(row), from_org_id=before.handler_org_id, from_level=before.level,
        reason=request.reason))
    return row


async def resolve(service, tx, principal: Principal, request: pb.ActionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    move = domain.resolve(actor, state, request.result)
    now = dbmod.utcnow()
    pauses = clock.resume(clock.load_pauses(row.pauses), now)  # a pending extension lapses
    row = await apply_move(tx, principal, row, move, "resolved", note=request.result.strip(), values={
        "resolution": request.result.strip(), "resolved_at": now, "resolved_level": row.level,
        "resolved_org_id": row.handler_org_id, "pauses": clock.dump_pauses(pauses)})
    if state.extension_pending:
        await rows.lapse_extension(tx.session, row.id, principal.subject, now)
    tx.emit(SUBJECT.format("resolved"), events.PetitionResolved(
        petition=rows.facts(row), resolved_org_id=row.resolved_org_id,
        resolved_level=row.resolved_level, result=row.resolution,
        resolved_at=rows.stamp(row.resolved_at), overdue=row.overdue_at is not None))
    return row


async def follow_up(service, tx, principal: Principal, request: pb.ActionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    move = domain.follow_up(actor, state, request.satisfaction)
    label = domain.SATISFACTION[request.satisfaction]
    values = {"satisfaction": request.satisfaction}
    reopening = move.status == "processing"
    if reopening:  # 重办: a fresh clock at the same level, the earlier result kept on the timeline
        values.update(await _fresh_clock(row), reopen_count=row.reopen_count + 1)
    row = await apply_move(tx, principal, row, move, "followed_up", note=request.comment,
                           reason=label, values=values)
    tx.emit(SUBJECT.format("followed_up"), events.PetitionFollowedUp(
        petition=rows.facts(row), satisfaction=request.satisfaction,
        resolved_org_id=row.resolved_org_id, comment=request.comment))
    if reopening:
        await rows.add_timeline(tx.session, row.id, principal, "reopened", from_status="resolved",
                                to_status="processing", to_org_id=row.handler_org_id,
                                level=row.level, reason="回访不满意，重办")
        tx.emit(SUBJECT.format("reopened"), events.PetitionReopened(
            petition=rows.facts(row), reason="unsatisfied follow-up", reopen_count=row.reopen_count))
    return row


async def close(service, tx, principal: Principal, request: pb.ActionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    move = domain.close(actor, state)
    now = dbmod.utcnow()
    row = await apply_move(tx, principal, row, move, "closed", note=request.comment,
                           values={"closed_at": now})
    hours = (dbmod.as_utc(row.resolved_at) - dbmod.as_utc(row.received_at)).total_seconds() / 3600
    tx.emit(SUBJECT.format("closed"), events.PetitionClosed(
        petition=rows.facts(row), satisfaction=row.satisfaction,
        resolved_org_id=row.resolved_org_id, resolved_level=row.resolved_level,
        closed_at=rows.stamp(now), hours_to_resolve=round(hours, 2)))
    return row


async def reopen(service, tx, principal: Principal, request: pb.ActionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    move = domain.reopen(actor, state, request.reason)
    values = {**await _fresh_clock(row), "reopen_count": row.reopen_count + 1, "closed_at": None}
    row = await apply_move(tx, principal, row, move, "reopened", reason=request.reason, values=values)
    tx.emit(SUBJECT.format("reopened"), events.PetitionReopened(
        petition=rows.facts(row), reason=request.reason, reopen_count=row.reopen_count))
    return row


async def urge(service, tx, principal: Principal, request: pb.ActionRequest):
    row, state, actor = await _begin(tx, principal, request.id)
    domain.urge(actor, state)
    move = domain.Move(row.status, row.level, row.handler_org_id)
    return await apply_move(tx, principal, row, move, "urged", reason=request.reason,
                            values={"urge_count": row.urge_count + 1})


async def _fresh_clock(row) -> dict:
    """Reopened work gets the category's full time limit again, from now; overdue is cleared."""
    now = dbmod.utcnow()
    limit = rows.limit_of(row)
    return {"clock_started_at": now, "pauses": "[]", "due_at": clock.due(limit, now, []).at,
            "overdue_at": None, "resolved_at": None, "resolution": ""}
