"""Assignment use cases: sign, allocate, progress, submit, accept or send back, rate, urge, read, list."""
from __future__ import annotations

from sqlalchemy import and_, delete, or_, select, update

from services.tasks import domain
from services.tasks.models import assignees, assignments, tasks, timeline
from services.tasks.service import protos
from services.tasks.service.core import Core, actor, principal_town
from shared import db as dbmod
from shared.auth import GRID_WORKER, VILLAGE_CADRE, VILLAGE_SECRETARY, Principal
from shared.errors import InvalidArgument
from shared.outbox import Transaction
from shared.paging import next_page_token, page_window
from zhili.tasks.v1 import events_pb2 as events
from zhili.tasks.v1 import tasks_pb2 as pb

MAX_PHOTOS = 20


class Assignments(Core):
    async def _step(self, tx: Transaction, principal: Principal, assignment_id: str, action: str,
                    *, note: str = "", report_percent: int | None = None,
                    photo_urls: list[str] | None = None, **values):
        """Checks and applies one transition; returns (old row, task row, new state, now)."""
        principal.require_writer()
        row, task_row = await self._assignment(tx.session, principal, assignment_id, lock=True)
        to_state = domain.check_assignment_transition(
            action, state=row.state, actor=actor(principal), village_id=row.village_id,
            assignee_ids=row.assignee_ids)
        now = dbmod.utcnow()
        # Conditional on the state read: a concurrent step on the same assignment loses cleanly.
        result = await tx.session.execute(update(assignments).where(
            assignments.c.id == row.id, assignments.c.state == row.state).values(
            state=to_state, **values))
        if result.rowcount != 1:
            raise domain.InvalidTransition("派单状态刚刚发生变化，请刷新后重试",
                                           "The assignment changed meanwhile; reload and retry")
        await self._timeline(tx, assignment_id=row.id, action=action, from_state=row.state,
                             to_state=to_state, principal=principal, note=note,
                             percent=report_percent,
                             photo_urls=photo_urls, at=now)
        return row, task_row, to_state, now

    async def sign_assignment(self, tx, principal, request: pb.AssignmentActionRequest):
        row, task_row, state, now = await self._step(tx, principal, request.id, "sign",
                                                     note=request.note, signed_at=dbmod.utcnow())
        tx.emit("tasks.assignment.signed", events.AssignmentSigned(
            assignment=protos.facts(row, task_row, state=state), signed_by=principal.subject,
            signed_at=protos.ts(now)))
        return await self._read(tx.session, principal, row.id)

    async def allocate_assignment(self, tx, principal, request: pb.AllocateAssignmentRequest,
                                  checked_ids: list[str]):
        ids = list(dict.fromkeys(checked_ids))
        row, task_row, state, now = await self._step(tx, principal, request.id, "allocate",
                                                     note=request.note, assignee_ids=ids)
        await tx.session.execute(delete(assignees).where(assignees.c.assignment_id == row.id))
        for person_id in ids:
            await tx.session.execute(assignees.insert().values(assignment_id=row.id,
                                                               person_id=person_id))
        tx.emit("tasks.assignment.allocated", events.AssignmentAllocated(
            assignment=protos.facts(row, task_row, state=state, assignee_ids=ids),
            allocated_at=protos.ts(now)))
        return await self._read(tx.session, principal, row.id)

    async def check_assignees(self, principal: Principal, request: pb.AllocateAssignmentRequest) -> list[str]:
        """Each assignee must be a cadre, grid worker or the secretary of the assignment's village
        (asked of the directory before the transaction, with the secretary's own token)."""
        if not request.assignee_ids:
            raise InvalidArgument("请至少选择一名承办人", "choose at least one assignee", field="assignee_ids")
        if len(request.assignee_ids) > 50:
            raise InvalidArgument("承办人不超过50名", "at most 50 assignees", field="assignee_ids")
        async with self.database.sessions() as session:
            row, _ = await self._assignment(session, principal, request.id)
        for person_id in dict.fromkeys(request.assignee_ids):
            person = await self.directory.person(principal, person_id)
            if (person.position not in domain.ASSIGNEE_POSITIONS
                    or domain.village_of(person.org_id) != row.village_id):
                raise InvalidArgument(f"{person.name}不是本村（社区）的干部或网格员",
                                      f"{person_id} is not a cadre or grid worker of this village",
                                      code="NOT_A_VILLAGE_WORKER", field="assignee_ids")
        return list(request.assignee_ids)

    async def report_progress(self, tx, principal, request: pb.ReportProgressRequest):
        domain.check_percent(request.percent)
        text = domain.require_text(request.text, "text", "进展情况")
        photos = list(request.photo_urls)
        if len(photos) > MAX_PHOTOS or any(not u.startswith(("https://", "http://")) or len(u) > 500
                                           for u in photos):
            raise InvalidArgument(f"照片最多{MAX_PHOTOS}张，须为http(s)链接",
                                  f"at most {MAX_PHOTOS} http(s) photo URLs", field="photo_urls")
        row, task_row, state, now = await self._step(
            tx, principal, request.id, "progress", note=text, report_percent=request.percent,
            photo_urls=photos, percent=request.percent)
        tx.emit("tasks.assignment.progressed", events.AssignmentProgressed(
            assignment=protos.facts(row, task_row, state=state), percent=request.percent,
            text=text, photo_count=len(photos), reported_at=protos.ts(now)))
        return await self._read(tx.session, principal, row.id)

    async def submit_assignment(self, tx, principal, request: pb.AssignmentActionRequest):
        now = dbmod.utcnow()
        row, task_row, state, _ = await self._step(tx, principal, request.id, "submit",
                                                   note=request.note, submitted_at=now)
        deadline = dbmod.as_utc(row.deadline)
        tx.emit("tasks.assignment.submitted", events.AssignmentSubmitted(
            assignment=protos.facts(row, task_row, state=state), submitted_at=protos.ts(now),
            late=deadline is not None and now > deadline))
        return await self._read(tx.session, principal, row.id)

    async def accept_assignment(self, tx, principal, request: pb.AcceptAssignmentRequest):
        domain.check_quality(request.quality)
        points = None
        async with self.database.sessions() as session:
            _, task_row = await self._assignment(session, principal, request.id)
            points = domain.points_earned(task_row.points, request.quality)
        row, task_row, state, now = await self._step(
            tx, principal, request.id, "accept", note=f"质量评分{request.quality}；{request.comment}",
            quality=request.quality, points_earned=points, accepted_at=dbmod.utcnow(), percent=100)
        deadline, submitted = dbmod.as_utc(row.deadline), dbmod.as_utc(row.submitted_at)
        tx.emit("tasks.assignment.accepted", events.AssignmentAccepted(
            assignment=protos.facts(row, task_row, state=state), quality=request.quality,
            points_earned=points, accepted_by=principal.subject, accepted_at=protos.ts(now),
            submitted_at=protos.ts(submitted),
            late=bool(deadline and submitted and submitted > deadline),
            send_back_count=row.send_back_count, urge_count=row.urge_count))
        return await self._read(tx.session, principal, row.id)

    async def send_back_assignment(self, tx, principal, request: pb.AssignmentActionRequest):
        reason = domain.require_text(request.note, "note", "退回理由")
        row, task_row, state, now = await self._step(
            tx, principal, request.id, "send_back", note=reason,
            send_back_count=assignments.c.send_back_count + 1)
        tx.emit("tasks.assignment.sent_back", events.AssignmentSentBack(
            assignment=protos.facts(row, task_row, state=state), reason=reason,
            sent_back_at=protos.ts(now)))
        return await self._read(tx.session, principal, row.id)

    async def rate_assignment(self, tx, principal, request: pb.RateAssignmentRequest):
        domain.check_burden(request.burden)
        async with self.database.sessions() as session:
            already, _ = await self._assignment(session, principal, request.id)
        if already.rated_at is not None:
            raise domain.InvalidTransition("该任务已评价过", "This task was already rated",
                                           code="ALREADY_RATED")
        row, task_row, state, now = await self._step(
            tx, principal, request.id, "rate", note=request.comment, rated_at=dbmod.utcnow(),
            rating_reasonable=request.reasonable, rating_burden=request.burden,
            rating_comment=request.comment)
        if row.rated_at is not None:  # rated concurrently since the check above
            raise domain.InvalidTransition("该任务已评价过", "This task was already rated",
                                           code="ALREADY_RATED")
        tx.emit("tasks.assignment.rated", events.AssignmentRated(
            assignment=protos.facts(row, task_row, state=state), reasonable=request.reasonable,
            burden=request.burden, comment=request.comment, rated_at=protos.ts(now)))
        return await self._read(tx.session, principal, row.id)

    async def urge_assignment(self, tx, principal, request: pb.AssignmentActionRequest):
        note = domain.require_text(request.note, "note", "催办说明")
        row, task_row, state, now = await self._step(
            tx, principal, request.id, "urge", note=note, urge_count=assignments.c.urge_count + 1)
        tx.emit("tasks.assignment.urged", events.AssignmentUrged(
            assignment=protos.facts(row, task_row, state=state), note=note,
            urge_count=row.urge_count + 1, urged_at=protos.ts(now)))
        return await self._read(tx.session, principal, row.id)

    async def get_assignment(self, principal: Principal, *, assignment_id: str) -> pb.Assignment:
        async with self.database.sessions() as session:
            return await self._read(session, principal, assignment_id)

    async def _read(self, session, principal: Principal, assignment_id: str) -> pb.Assignment:
        row, task_row = await self._assignment(session, principal, assignment_id)
        entries = (await session.execute(select(timeline).where(
            timeline.c.assignment_id == row.id).order_by(timeline.c.at, timeline.c.id))).all()
        return protos.assignment(row, task_row, entries)

    async def list_assignments(self, principal: Principal, *, view: str, town_id: str,
                               village_id: str, task_id: str, state: str, page_size: int,
                               page_token: str):
        offset, limit = page_window(page_size, page_token)
        query = (select(assignments, tasks).join(tasks, tasks.c.id == assignments.c.task_id)
                 .order_by(assignments.c.deadline, assignments.c.id))
        if view == "inbox":
            query = query.where(_inbox(principal))
        elif view in ("", "overdue"):
            root = village_id or town_id or principal.scope_org_id
            principal.require_visible(root)
            query = query.where(assignments.c.village_id.startswith(root, autoescape=True))
            if view == "overdue":
                query = query.where(assignments.c.overdue_at.is_not(None),
                                    assignments.c.state != domain.ACCEPTED)
        else:
            raise InvalidArgument("视图应为inbox或overdue", "view must be inbox or overdue", field="view")
        if task_id:
            query = query.where(assignments.c.task_id == task_id)
        if state:
            query = query.where(assignments.c.state == state)
        async with self.database.sessions() as session:
            rows = (await session.execute(query.offset(offset).limit(limit + 1))).all()
        found = [protos.assignment(_AssignmentView(r), _TaskView(r)) for r in rows[:limit]]
        return found, next_page_token(offset, limit, len(rows))


def _inbox(principal: Principal):
    """Secretary: to sign (and submissions sent back); cadre / grid worker: allocated to me;
    town leaders: submissions waiting for acceptance in their town."""
    mine = assignments.c.id.in_(select(assignees.c.assignment_id).where(
        assignees.c.person_id == principal.subject))
    clauses = []
    if principal.has_role(VILLAGE_SECRETARY):
        clauses.append(and_(assignments.c.village_id == domain.village_of(principal.org_id),
                            assignments.c.state.in_([domain.PENDING, domain.SENT_BACK])))
    if principal.has_role(VILLAGE_SECRETARY, VILLAGE_CADRE, GRID_WORKER):
        clauses.append(and_(mine, assignments.c.state.in_(list(domain.WORKING))))
    if principal.has_role(*domain.TOWN_REVIEWERS) and principal_town(principal):
        clauses.append(and_(assignments.c.town_id == principal_town(principal),
                            assignments.c.state == domain.SUBMITTED))
    return or_(*clauses) if clauses else assignments.c.id.is_(None)


class _AssignmentView:
    """The assignment half of a joined row, with attribute access like a plain row."""

    def __init__(self, row) -> None:
        self._m = row._mapping

    def __getattr__(self, name):
        return self._m[assignments.c[name]]


class _TaskView(_AssignmentView):
    def __getattr__(self, name):
        return self._m[tasks.c[name]]
