"""Shared parts of the tasks use cases: loading rows with scope checks, timeline, dispatching."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from services.tasks import deadlines, domain
from services.tasks.models import assignees, assignments, tasks, timeline
from services.tasks.peers import Catalogue, Directory
from services.tasks.service import protos
from shared import db as dbmod
from shared.auth import Principal
from shared.errors import InvalidTransition, NotFound
from shared.outbox import Database, Transaction
from zhili.tasks.v1 import events_pb2 as events


def task_not_found() -> NotFound:
    return NotFound("任务不存在或不在您的管辖范围内", "Task not found in your scope",
                    code="TASK_NOT_FOUND", field="id")


def assignment_not_found() -> NotFound:
    return NotFound("派单不存在或不在您的管辖范围内", "Assignment not found in your scope",
                    code="ASSIGNMENT_NOT_FOUND", field="id")


def principal_town(principal: Principal) -> str:
    return domain.town_of(principal.org_id) if len(principal.org_id) >= domain.TOWN_ID_LENGTH else ""


def can_see_task(principal: Principal, row) -> bool:
    """Town subtree and county roles; offices co-handling it; villages it was dispatched to."""
    if principal.can_see(row.town_id) or principal.org_id in row.co_handler_org_ids:
        return True
    return (row.state == domain.DISPATCHED
            and domain.village_of(principal.org_id) in row.target_village_ids)


def can_see_assignment(principal: Principal, row, task_row) -> bool:
    return (principal.can_see(row.village_id) or principal.subject in row.assignee_ids
            or principal.org_id in task_row.co_handler_org_ids)


def actor(principal: Principal) -> domain.Actor:
    return domain.Actor(person_id=principal.subject, roles=principal.roles, org_id=principal.org_id)


@dataclass
class Core:
    database: Database
    catalogue: Catalogue
    directory: Directory
    remind_before: dt.timedelta = dt.timedelta(hours=24)

    async def _task(self, session, principal: Principal, task_id: str, *, lock: bool = False):
        query = select(tasks).where(tasks.c.id == task_id)
        if lock and not dbmod.is_sqlite(self.database.url):
            query = query.with_for_update()
        row = (await session.execute(query)).first()
        if row is None or not can_see_task(principal, row):
            raise task_not_found()
        return row

    async def _assignment(self, session, principal: Principal, assignment_id: str, *,
                          lock: bool = False):
        query = select(assignments).where(assignments.c.id == assignment_id)
        if lock and not dbmod.is_sqlite(self.database.url):
            query = query.with_for_update()
        row = (await session.execute(query)).first()
        if row is None:
            raise assignment_not_found()
        task_row = (await session.execute(select(tasks).where(tasks.c.id == row.task_id))).first()
        if not can_see_assignment(principal, row, task_row):
            raise assignment_not_found()
        return row, task_row

    async def _progress(self, session, task_id: str):
        rows = (await session.execute(select(assignments).where(assignments.c.task_id == task_id)
                                      .order_by(assignments.c.village_id))).all()
        return rows

    async def _timeline(self, tx: Transaction, *, assignment_id: str, action: str,
                        from_state: str, to_state: str, principal: Principal | None,
                        note: str = "", percent: int | None = None,
                        photo_urls: list[str] | None = None, at: dt.datetime | None = None) -> None:
        await tx.session.execute(timeline.insert().values(
            id=dbmod.new_id(), assignment_id=assignment_id, action=action, from_state=from_state,
            to_state=to_state, actor_id=principal.subject if principal else "system",
            actor_name=principal.name if principal else "系统", note=note, percent=percent,
            photo_urls=photo_urls or [], at=at or dbmod.utcnow()))
        await tx.audit(entity="assignment", entity_id=assignment_id, action=action,
                       from_state=from_state, to_state=to_state, reason=note)

    async def _dispatch(self, tx: Transaction, task_row, principal: Principal,
                        now: dt.datetime, *, assignee_ids: list[str] | None = None) -> None:
        """One assignment per target village, all with the task's deadline; emits the dispatch."""
        deadline = dbmod.as_utc(task_row.deadline)
        if deadline is None and task_row.time_limit_amount:
            deadline = deadlines.due(now, task_row.time_limit_amount, task_row.time_limit_unit)
        if deadline is not None and deadline <= now:
            raise InvalidTransition("截止时间已过，请退回修改截止时间后再派发",
                                    "The deadline has passed; return the task to change it",
                                    code="DEADLINE_PASSED", field="deadline")
        event = events.TaskDispatched(
            task_id=task_row.id, title=task_row.title, description=task_row.description,
            matter_code=task_row.matter_code, issuer_org_id=task_row.issuer_org_id,
            town_id=task_row.town_id, deadline=protos.ts(deadline), category=task_row.category,
            points=task_row.points, dispatched_at=protos.ts(now))
        for village_id in task_row.target_village_ids:
            assignment_id = dbmod.new_id()
            await tx.session.execute(assignments.insert().values(
                id=assignment_id, task_id=task_row.id, village_id=village_id,
                town_id=task_row.town_id, state=domain.PENDING, assignee_ids=assignee_ids or [],
                percent=0, deadline=deadline, urge_count=0, send_back_count=0,
                rating_burden="", rating_comment="", created_at=now))
            for person_id in assignee_ids or []:
                await tx.session.execute(assignees.insert().values(
                    assignment_id=assignment_id, person_id=person_id))
            await self._timeline(tx, assignment_id=assignment_id, action="dispatched",
                                 from_state="", to_state=domain.PENDING, principal=principal,
                                 note=task_row.title, at=now)
            event.assignments.add(assignment_id=assignment_id, village_id=village_id)
        tx.emit("tasks.task.dispatched", event)
