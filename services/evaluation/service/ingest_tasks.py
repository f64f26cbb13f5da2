"""Task events → assignment read model, task points, overdue and send-back deductions."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from sqlalchemy import select

from services.evaluation import domain
from services.evaluation.models import assignments, secretaries
from services.evaluation.service.ledger import (CADRE, VILLAGE, Source, Subject, add_line,
                                                booking_month, occurred, order_key,
                                                rules_in_force)
from zhili.tasks.v1 import events_pb2 as tasks

TYPES = {
    "tasks.task.dispatched": tasks.TaskDispatched,
    "tasks.assignment.signed": tasks.AssignmentSigned,
    "tasks.assignment.allocated": tasks.AssignmentAllocated,
    "tasks.assignment.progressed": tasks.AssignmentProgressed,
    "tasks.assignment.submitted": tasks.AssignmentSubmitted,
    "tasks.assignment.accepted": tasks.AssignmentAccepted,
    "tasks.assignment.sent_back": tasks.AssignmentSentBack,
    "tasks.assignment.reminded": tasks.AssignmentReminded,
    "tasks.assignment.overdue": tasks.AssignmentOverdue,
    "tasks.assignment.urged": tasks.AssignmentUrged,
    "tasks.assignment.rated": tasks.AssignmentRated,
    "tasks.listing.awarded": tasks.ListingAwarded,
}


async def apply(session, subject: str, event) -> None:
    if subject == "tasks.task.dispatched":
        for item in event.assignments:
            await _track(session, event.meta, item.assignment_id, event.task_id, item.village_id,
                         event.deadline, "dispatched")
        return
    if subject == "tasks.listing.awarded":
        await _listing(session, event)
        return
    facts = event.assignment
    row = await _track(session, event.meta, facts.assignment_id, facts.task_id, facts.village_id,
                       facts.deadline, facts.state or subject.rsplit(".", 1)[1])
    if subject == "tasks.assignment.signed" and event.signed_by:
        await _secretary(session, facts.village_id, event.signed_by, order_key(event.meta))
    elif subject == "tasks.assignment.accepted" and not row.accepted:
        await _set(session, facts.assignment_id, accepted=True)
        await _accepted(session, event)
    elif subject == "tasks.assignment.overdue" and not row.overdue:
        await _set(session, facts.assignment_id, overdue=True)
        await _deduct(session, event, "overdue", "overdue_deduction", "任务超期", dict(overdue=1))
    elif subject == "tasks.assignment.sent_back":
        await _deduct(session, event, "sent_back", "sent_back_deduction", "任务被退回",
                      dict(sent_back=1))


async def _track(session, meta, assignment_id, task_id, village_id, deadline, state):
    """Upsert the assignment row; its state is the one of the latest event, whatever the order."""
    stamp = order_key(meta)
    month = domain.month_of(deadline.ToDatetime(tzinfo=dt.UTC) if deadline.seconds
                            else occurred(meta))
    row = (await session.execute(select(assignments).where(
        assignments.c.assignment_id == assignment_id))).first()
    if row is None:
        values = dict(assignment_id=assignment_id, task_id=task_id, village_id=village_id,
                      month=month, state=state, state_at=stamp, overdue=False, accepted=False)
        await session.execute(assignments.insert().values(**values))
        return SimpleNamespace(**values)  # what a read back would give, without the round trip
    if stamp > row.state_at:
        await _set(session, assignment_id, state=state, state_at=stamp)
    return row


async def _set(session, assignment_id: str, **values) -> None:
    await session.execute(assignments.update().where(
        assignments.c.assignment_id == assignment_id).values(**values))


async def _secretary(session, village_id: str, person_id: str, stamp: str) -> None:
    row = (await session.execute(select(secretaries).where(
        secretaries.c.village_id == village_id))).first()
    if row is None:
        await session.execute(secretaries.insert().values(village_id=village_id,
                                                          person_id=person_id, seen_at=stamp))
    elif stamp > row.seen_at:
        await session.execute(secretaries.update().where(
            secretaries.c.village_id == village_id).values(person_id=person_id, seen_at=stamp))


async def _context(session, event, facts):
    at = occurred(event.meta)
    booked = await booking_month(session, facts.village_id, domain.month_of(at))
    label, rules = await rules_in_force(session, facts.village_id, domain.month_of(at))
    source = Source("assignment", facts.assignment_id, event.meta.event_id, at, label)
    return booked, rules, source


async def _accepted(session, event) -> None:
    facts = event.assignment
    booked, rules, source = await _context(session, event, facts)
    weight = domain.rule(rules, "task_weight")
    quality = max(0, min(100, event.quality))
    earned = domain.task_points(facts.points, quality, weight)
    formula = (f"任务“{facts.task_id}”验收：分值{facts.points} × 质量{quality}/100 × "
               f"权重{weight} = {domain.show(earned)}")
    counts = dict(tasks_accepted=1, tasks_on_time=0 if event.late else 1, quality_sum=quality)
    await add_line(session, Subject(VILLAGE, facts.village_id, facts.village_id), source,
                   component="task", points=earned, explanation=formula, booked=booked,
                   counts=counts)
    shares = domain.split_evenly(earned, list(facts.assignee_ids))
    for person, share in shares.items():
        note = formula + (f"，{len(shares)}人平分得{domain.show(share)}" if len(shares) > 1 else "")
        await add_line(session, Subject(CADRE, person, facts.village_id), source,
                       component="task", points=share, explanation=note, booked=booked,
                       counts=counts)


async def _deduct(session, event, component, key, what, counts) -> None:
    facts = event.assignment
    booked, rules, source = await _context(session, event, facts)
    amount = domain.rule(rules, key)
    points = -domain.centi(amount)
    text = f"{what}（任务“{facts.task_id}”）：扣{domain.show(-points)}分"
    for subject in [Subject(VILLAGE, facts.village_id, facts.village_id),
                    *(Subject(CADRE, p, facts.village_id) for p in sorted(set(facts.assignee_ids)))]:
        await add_line(session, subject, source, component=component, points=points,
                       explanation=text, booked=booked, counts=counts)


async def _listing(session, event) -> None:
    village = event.winner_village_id
    at = occurred(event.meta)
    booked = await booking_month(session, village, domain.month_of(at))
    label, rules = await rules_in_force(session, village, domain.month_of(at))
    points = domain.centi(domain.rule(rules, "listing_points"))
    await add_line(session, Subject(VILLAGE, village, village),
                   Source("listing", event.listing_id, event.meta.event_id, at, label),
                   component="listing", points=points, booked=booked,
                   explanation=f"揭榜挂帅“{event.listing_id}”揭榜成功：加{domain.show(points)}分",
                   counts=dict(listings_won=1))

