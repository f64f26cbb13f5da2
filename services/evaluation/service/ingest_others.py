"""Petition and procedure events → petition and warning read models, rates, grid worker points."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from sqlalchemy import select

from services.evaluation import domain
from services.evaluation.models import grid_workers, petitions, warnings
from services.evaluation.service.ledger import (GRID_WORKER, VILLAGE, Source, Subject, add_counts,
                                                add_line, booking_month, occurred, order_key,
                                                rules_in_force)
from zhili.petitions.v1 import events_pb2 as pe
from zhili.procedures.v1 import events_pb2 as pr

PETITION_TYPES = {f"petitions.petition.{verb}": message for verb, message in [
    ("received", pe.PetitionReceived), ("accepted", pe.PetitionAccepted),
    ("declined", pe.PetitionDeclined), ("escalated", pe.PetitionEscalated),
    ("assigned", pe.PetitionAssigned), ("transferred", pe.PetitionTransferred),
    ("returned", pe.PetitionReturned), ("resolved", pe.PetitionResolved),
    ("followed_up", pe.PetitionFollowedUp), ("closed", pe.PetitionClosed),
    ("reopened", pe.PetitionReopened), ("overdue", pe.PetitionOverdue)]}
PATROL_RECORDED = "petitions.patrol.recorded"
PETITION_TYPES[PATROL_RECORDED] = pe.PatrolRecorded
PROCEDURE_TYPES = {"procedures.warning.raised": pr.WarningChanged,
                   "procedures.warning.resolved": pr.WarningChanged}
SATISFIED = {"satisfied", "basically_satisfied"}
GRID_REPORT = "grid_report"


async def apply_petition(session, subject: str, event) -> None:
    if subject == PATROL_RECORDED:
        await apply_patrol(session, event)
        return
    facts, meta = event.petition, event.meta
    if not facts.village_id:
        return  # not yet placed in a village: nothing to score or count by org
    row = await _petition_row(session, facts, meta)
    verb = subject.rsplit(".", 1)[1]
    received_month = row.month
    village = Subject(VILLAGE, facts.village_id, facts.village_id)
    if verb == "received" and not row.received:
        await _update(session, facts.petition_id, received=True)
        await add_counts(session, village, received_month, petitions_received=1)
        if facts.source == GRID_REPORT and facts.grid_id and facts.reporter_id:
            await _grid_points(session, event, "problem", "problem_points", "发现并上报问题",
                               dict(problems_found=1))
    elif verb == "resolved" and not row.resolved:
        await _update(session, facts.petition_id, resolved=True,
                      resolved_level=event.resolved_level, resolved_at=order_key(meta))
        await add_counts(session, village, received_month, petitions_resolved=1)
        if event.resolved_level == "village":
            await _village_points(session, event, "petition", "petition_resolved_points", 1,
                                  "民情诉求在村内办结")
            if facts.source == GRID_REPORT and facts.grid_id and facts.reporter_id:
                await _grid_points(session, event, "resolved", "resolved_points",
                                   "上报的问题在村内办结", dict(grid_resolved=1))
    elif verb == "resolved" and order_key(meta) > row.resolved_at:
        await _update(session, facts.petition_id, resolved_level=event.resolved_level,
                      resolved_at=order_key(meta))
    if verb in ("followed_up", "closed") and event.satisfaction:
        await _satisfaction(session, row, village, event)
        if verb == "followed_up" and event.satisfaction == "unsatisfied":
            await _village_points(session, event, "satisfaction", "unsatisfied_deduction", -1,
                                  "回访不满意")
    if verb == "overdue" and not row.overdue:
        await _update(session, facts.petition_id, overdue=True)


async def _petition_row(session, facts, meta):
    stamp = order_key(meta)
    row = (await session.execute(select(petitions).where(
        petitions.c.petition_id == facts.petition_id))).first()
    if row is None:
        received = (facts.received_at.ToDatetime(tzinfo=dt.UTC) if facts.received_at.seconds
                    else occurred(meta))
        values = dict(petition_id=facts.petition_id, village_id=facts.village_id,
                      month=domain.month_of(received), level=facts.level, status=facts.status,
                      state_at=stamp, received=False, resolved=False, resolved_level="",
                      resolved_at="", satisfaction="", satisfaction_at="", overdue=False)
        await session.execute(petitions.insert(), values)
        return SimpleNamespace(**values)  # what a read back would give, without the round trip
    if stamp > row.state_at:
        await _update(session, facts.petition_id, level=facts.level, status=facts.status,
                      state_at=stamp)
        return SimpleNamespace(**{**row._asdict(), "level": facts.level,
                                  "status": facts.status, "state_at": stamp})
    return row


async def _update(session, petition_id: str, **values) -> None:
    await session.execute(petitions.update().where(petitions.c.petition_id == petition_id), values)


async def _satisfaction(session, row, village: Subject, event) -> None:
    """The latest follow-up's satisfaction counts; counters move by the difference."""
    stamp = order_key(event.meta)
    if stamp <= row.satisfaction_at:
        return
    old, new = row.satisfaction, event.satisfaction
    await _update(session, row.petition_id, satisfaction=new, satisfaction_at=stamp)
    await add_counts(session, village, row.month, petitions_rated=0 if old else 1,
                     petitions_satisfied=(new in SATISFIED) - (old in SATISFIED))


async def _village_points(session, event, component, key, sign, what) -> None:
    facts = event.petition
    at = occurred(event.meta)
    booked = await booking_month(session, facts.village_id, domain.month_of(at))
    label, rules = await rules_in_force(session, facts.village_id, domain.month_of(at))
    points = sign * domain.centi(domain.rule(rules, key))
    await add_line(session, Subject(VILLAGE, facts.village_id, facts.village_id),
                   Source("petition", facts.petition_id, event.meta.event_id, at, label),
                   component=component, points=points, booked=booked,
                   explanation=f"{what}（诉求“{facts.petition_id}”）：{domain.show(points)}分")


async def _grid_points(session, event, component, key, what, counts) -> None:
    facts = event.petition
    at = occurred(event.meta)
    booked = await booking_month(session, facts.grid_id, domain.month_of(at))
    label, rules = await rules_in_force(session, facts.grid_id, domain.month_of(at))
    points = domain.centi(domain.rule(rules["grid"], key))
    await _remember_grid_worker(session, facts.reporter_id, facts.grid_id, order_key(event.meta))
    await add_line(session, Subject(GRID_WORKER, facts.reporter_id, facts.grid_id),
                   Source("petition", facts.petition_id, event.meta.event_id, at, label),
                   component=component, points=points, booked=booked, counts=counts,
                   explanation=f"{what}（诉求“{facts.petition_id}”）：加{domain.show(points)}分")


async def apply_patrol(session, event) -> None:
    """巡查: + `grid.patrol_points` to the grid worker, one line per patrol, counted in `patrols`."""
    worker = event.worker_id or event.meta.actor_id
    if not (event.patrol_id and event.grid_id and worker):
        return  # nobody to credit: nothing to book
    at = (event.patrolled_at.ToDatetime(tzinfo=dt.UTC) if event.patrolled_at.seconds
          else occurred(event.meta))
    booked = await booking_month(session, event.grid_id, domain.month_of(at))
    label, rules = await rules_in_force(session, event.grid_id, domain.month_of(at))
    points = domain.centi(domain.rule(rules["grid"], "patrol_points"))
    await _remember_grid_worker(session, worker, event.grid_id, order_key(event.meta))
    found = f"，发现问题并上报（诉求“{event.petition_id}”）" if event.petition_id else ""
    await add_line(session, Subject(GRID_WORKER, worker, event.grid_id),
                   Source("patrol", event.patrol_id, event.meta.event_id, at, label),
                   component="patrol", points=points, booked=booked, counts=dict(patrols=1),
                   explanation=f"网格巡查（巡查记录“{event.patrol_id}”，网格{event.grid_id}"
                               f"{found}）：加{domain.show(points)}分")


async def _remember_grid_worker(session, person_id: str, grid_id: str, stamp: str) -> None:
    row = (await session.execute(select(grid_workers).where(
        grid_workers.c.person_id == person_id))).first()
    if row is None:
        await session.execute(grid_workers.insert(), dict(person_id=person_id, grid_id=grid_id,
                                                          seen_at=stamp))
    elif stamp > row.seen_at:
        await session.execute(grid_workers.update().where(
            grid_workers.c.person_id == person_id).values(grid_id=grid_id, seen_at=stamp))


async def apply_procedure(session, subject: str, event) -> None:
    if not event.village_id or not event.warning_id:
        return
    at = occurred(event.meta)
    row = (await session.execute(select(warnings).where(
        warnings.c.warning_id == event.warning_id))).first()
    raised = subject.endswith(".raised")
    if row is None:
        await session.execute(warnings.insert().values(
            warning_id=event.warning_id, village_id=event.village_id,
            procedure_id=event.procedure_id, month=domain.month_of(at), raised=raised,
            resolved=not raised))
    else:
        values = dict(raised=True, month=domain.month_of(at)) if raised else dict(resolved=True)
        await session.execute(warnings.update().where(
            warnings.c.warning_id == event.warning_id).values(**values))
    if raised and (row is None or not row.raised):
        booked = await booking_month(session, event.village_id, domain.month_of(at))
        label, rules = await rules_in_force(session, event.village_id, domain.month_of(at))
        points = -domain.centi(domain.rule(rules, "warning_deduction"))
        await add_line(session, Subject(VILLAGE, event.village_id, event.village_id),
                       Source("warning", event.warning_id, event.meta.event_id, at, label),
                       component="warning", points=points, booked=booked,
                       counts=dict(warnings=1),
                       explanation=f"负面预警{event.warning_kind}（{event.detail or event.procedure_id}）"
                                   f"：扣{domain.show(-points)}分")
