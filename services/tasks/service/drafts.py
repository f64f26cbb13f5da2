"""Task use cases: draft, revise, screen through the catalogue, review, merge, read and list."""
from __future__ import annotations

import dataclasses

from sqlalchemy import select, update

from services.tasks import deadlines, domain
from services.tasks.models import tasks
from services.tasks.service import protos
from services.tasks.service.core import Core, principal_town
from shared import db as dbmod
from shared.auth import Principal
from shared.errors import Conflict, InvalidArgument, PermissionDenied
from shared.outbox import Transaction
from shared.paging import next_page_token, page_window
from zhili.catalogue.v1 import catalogue_pb2
from zhili.tasks.v1 import events_pb2 as events
from zhili.tasks.v1 import tasks_pb2 as pb


@dataclasses.dataclass(frozen=True)
class PendingScreening:
    """A catalogue answer for the draft as it was at `version` (its updated_at)."""

    screening: catalogue_pb2.Screening
    version: str


def _draft_values(principal: Principal, request: pb.CreateTaskRequest) -> dict:
    town_id = principal_town(principal)
    draft = domain.Draft(
        title=request.title, description=request.description, category=request.category,
        matter_code=request.matter_code, target_village_ids=list(request.target_village_ids),
        points=request.points, co_handler_org_ids=list(request.co_handler_org_ids),
        has_deadline=request.HasField("deadline"),
        time_limit_amount=request.time_limit.amount, time_limit_unit=request.time_limit.unit,
        urgency=request.urgency or "normal")
    domain.validate_draft(draft, town_id)
    issuer = request.issuer_org_id or principal.org_id
    if domain.town_of(issuer) != town_id or domain.is_village_id(issuer):
        raise InvalidArgument("发起单位应为本镇或本镇职能办公室", "issuer must be the town or one of its offices",
                              field="issuer_org_id")
    return dict(town_id=town_id, issuer_org_id=issuer, title=draft.title.strip(),
                description=draft.description, category=draft.category,
                matter_code=draft.matter_code.strip(), target_village_ids=draft.target_village_ids,
                deadline=protos.from_ts(request.deadline, draft.has_deadline),
                time_limit_amount=draft.time_limit_amount,
                time_limit_unit=draft.time_limit_unit if draft.time_limit_amount else "",
                points=draft.points, co_handler_org_ids=draft.co_handler_org_ids,
                urgency=draft.urgency)


class Drafts(Core):
    async def create_task(self, tx: Transaction, principal: Principal,
                          request: pb.CreateTaskRequest) -> pb.Task:
        principal.require_writer()
        domain.check_task_transition("update", domain.DRAFT, principal.roles)
        values, now, task_id = _draft_values(principal, request), dbmod.utcnow(), dbmod.new_id()
        await tx.session.execute(tasks.insert().values(
            id=task_id, created_by=principal.subject, state=domain.DRAFT, review_comment="",
            milestones=[], created_at=now, updated_at=now, **values))
        await tx.audit(entity="task", entity_id=task_id, action="drafted", to_state=domain.DRAFT)
        return protos.task(await self._task(tx.session, principal, task_id))

    async def update_task(self, tx: Transaction, principal: Principal,
                          request: pb.UpdateTaskRequest) -> pb.Task:
        principal.require_writer()
        row = await self._task(tx.session, principal, request.id, lock=True)
        domain.check_task_transition("update", row.state, principal.roles)
        self._require_own_town(principal, row)
        values = _draft_values(principal, request.draft)
        await tx.session.execute(update(tasks).where(tasks.c.id == row.id).values(
            updated_at=dbmod.utcnow(), **values))
        await tx.audit(entity="task", entity_id=row.id, action="revised", from_state=row.state,
                       to_state=row.state)
        return protos.task(await self._task(tx.session, principal, row.id))

    async def screen_draft(self, principal: Principal, task_id: str) -> PendingScreening | None:
        """Asks the catalogue about a draft, outside any transaction (no lock held while waiting).
        None when the task is no longer a draft: the retry of a finished submit replays instead."""
        async with self.database.sessions() as session:
            row = await self._task(session, principal, task_id)
        if row.state != domain.DRAFT:
            return None
        principal.require_writer()
        domain.check_task_transition("submit", row.state, principal.roles)
        self._require_own_town(principal, row)
        deadline = dbmod.as_utc(row.deadline)
        if deadline is None and row.time_limit_amount:
            deadline = deadlines.due(dbmod.utcnow(), row.time_limit_amount, row.time_limit_unit)
        screening = await self.catalogue.screen(principal, catalogue_pb2.ScreenRequest(
            title=row.title, description=row.description, matter_code=row.matter_code,
            target_org_ids=row.target_village_ids, deadline=protos.ts(deadline),
            urgency=row.urgency, issuer_org_id=row.issuer_org_id, task_id=row.id))
        return PendingScreening(screening, dbmod.as_utc(row.updated_at).isoformat())

    async def submit_task(self, tx: Transaction, principal: Principal, request: pb.TaskActionRequest,
                          pending: PendingScreening | None) -> pb.Task:
        principal.require_writer()
        row = await self._task(tx.session, principal, request.id, lock=True)
        domain.check_task_transition("submit", row.state, principal.roles)
        if pending is None or dbmod.as_utc(row.updated_at).isoformat() != pending.version:
            raise Conflict("草稿在过筛期间被修改，请重新提交", "The draft changed while it was screened; submit again",
                           code="TASK_CHANGED")
        screening, now = pending.screening, dbmod.utcnow()
        decision = screening.decision if screening.decision in (
            "accepted", "rejected", "needs_review") else "needs_review"
        to_state = domain.DRAFT if decision == "rejected" else domain.SCREENED
        stored = {"id": screening.id, "decision": decision, "matter_code": screening.matter_code,
                  "reasons": [{"code": r.code, "detail": r.detail} for r in screening.reasons],
                  "suggested_codes": [s.code for s in screening.suggestions][:5],
                  "screened_at": now.isoformat()}
        matter_code = row.matter_code if decision == "rejected" else (
            screening.matter_code or row.matter_code)
        await tx.session.execute(update(tasks).where(tasks.c.id == row.id).values(
            state=to_state, screening=stored, matter_code=matter_code, updated_at=now))
        await tx.audit(entity="task", entity_id=row.id, action=f"screened_{decision}",
                       from_state=row.state, to_state=to_state,
                       reason="; ".join(f"{r.code}: {r.detail}" for r in screening.reasons))
        tx.emit("tasks.task.screened", events.TaskScreened(
            task_id=row.id, town_id=row.town_id, screening_id=screening.id, decision=decision,
            matter_code=matter_code, reason_codes=[r.code for r in screening.reasons],
            screened_at=protos.ts(now)))
        return protos.task(await self._task(tx.session, principal, row.id))

    async def approve_task(self, tx: Transaction, principal: Principal,
                           request: pb.TaskActionRequest) -> pb.Task:
        principal.require_writer()
        row = await self._task(tx.session, principal, request.id, lock=True)
        domain.check_task_transition("approve", row.state, principal.roles)
        self._require_own_town(principal, row)
        decision = row.collective_decision
        if request.HasField("collective_decision"):
            given = request.collective_decision
            decision = {"meeting": domain.require_text(given.meeting, "collective_decision.meeting", "会议名称"),
                        "decided_on": domain.require_text(given.decided_on, "collective_decision.decided_on", "决定日期"),
                        "summary": given.summary.strip()}
        if row.category == "major" and not decision:
            raise InvalidArgument("重大任务须经集体讨论决定，请填写集体决策记录",
                                  "A major task needs a recorded collective decision before approval",
                                  code="COLLECTIVE_DECISION_REQUIRED", field="collective_decision")
        now = dbmod.utcnow()
        await tx.session.execute(update(tasks).where(tasks.c.id == row.id).values(
            state=domain.DISPATCHED, collective_decision=decision, review_comment=request.comment,
            dispatched_at=now, updated_at=now))
        await tx.audit(entity="task", entity_id=row.id, action="approved", from_state=row.state,
                       to_state=domain.DISPATCHED, reason=request.comment)
        merged = (await tx.session.execute(select(tasks.c.id).where(
            tasks.c.merged_into == row.id))).scalars().all()
        tx.emit("tasks.task.approved", events.TaskApproved(
            task_id=row.id, town_id=row.town_id, category=row.category, points=row.points,
            approved_by=principal.subject, collective_decision=bool(decision),
            approved_at=protos.ts(now), merged_task_ids=merged))
        await self._dispatch(tx, row, principal, now)
        return await self._task_with_progress(tx.session, principal, row.id)

    async def return_task(self, tx: Transaction, principal: Principal,
                          request: pb.TaskActionRequest) -> pb.Task:
        return await self._review(tx, principal, request, "return", "returned")

    async def reject_task(self, tx: Transaction, principal: Principal,
                          request: pb.TaskActionRequest) -> pb.Task:
        return await self._review(tx, principal, request, "reject", "rejected")

    async def _review(self, tx, principal, request, action: str, verb: str) -> pb.Task:
        principal.require_writer()
        row = await self._task(tx.session, principal, request.id, lock=True)
        to_state = domain.check_task_transition(action, row.state, principal.roles)
        self._require_own_town(principal, row)
        comment = domain.require_text(request.comment, "comment", "审核意见")
        await tx.session.execute(update(tasks).where(tasks.c.id == row.id).values(
            state=to_state, review_comment=comment, updated_at=dbmod.utcnow()))
        await tx.audit(entity="task", entity_id=row.id, action=verb, from_state=row.state,
                       to_state=to_state, reason=comment)
        return protos.task(await self._task(tx.session, principal, row.id))

    async def merge_tasks(self, tx: Transaction, principal: Principal,
                          request: pb.MergeTasksRequest) -> pb.Task:
        """归并同类项: the others are closed as merged; their villages join the absorbing task,
        which goes back to draft to be screened again with its wider reach."""
        principal.require_writer()
        keeper = await self._task(tx.session, principal, request.id, lock=True)
        others = [await self._task(tx.session, principal, other_id, lock=True)
                  for other_id in dict.fromkeys(request.merged_task_ids)]
        if not others or keeper.id in {o.id for o in others}:
            raise InvalidArgument("请选择要归并的其他任务", "name other tasks to merge",
                                  field="merged_task_ids")
        for row in [keeper, *others]:
            domain.check_task_transition("merge", row.state, principal.roles)
            self._require_own_town(principal, row)
        villages = list(dict.fromkeys([*keeper.target_village_ids,
                                       *(v for o in others for v in o.target_village_ids)]))
        points = max([keeper.points, *(o.points for o in others)])
        now = dbmod.utcnow()
        for other in others:
            await tx.session.execute(update(tasks).where(tasks.c.id == other.id).values(
                state=domain.MERGED, merged_into=keeper.id, updated_at=now))
            await tx.audit(entity="task", entity_id=other.id, action="merged",
                           from_state=other.state, to_state=domain.MERGED, reason=request.comment)
        await tx.session.execute(update(tasks).where(tasks.c.id == keeper.id).values(
            state=domain.DRAFT, target_village_ids=villages, points=points, screening=None,
            review_comment=request.comment, updated_at=now))
        await tx.audit(entity="task", entity_id=keeper.id, action="absorbed",
                       from_state=keeper.state, to_state=domain.DRAFT,
                       reason=f"{request.comment} ({', '.join(o.id for o in others)})")
        return await self._task_with_progress(tx.session, principal, keeper.id)

    async def get_task(self, principal: Principal, *, task_id: str) -> pb.Task:
        async with self.database.sessions() as session:
            return await self._task_with_progress(session, principal, task_id)

    async def list_tasks(self, principal: Principal, *, town_id: str, state: str, category: str,
                         page_size: int, page_token: str):
        offset, limit = page_window(page_size, page_token)
        town_id = town_id or principal_town(principal) or principal.scope_org_id
        principal.require_visible(town_id)
        if state and state not in domain.TASK_STATES:
            raise InvalidArgument("任务状态无效", "unknown task state", field="state")
        query = (select(tasks).where(tasks.c.town_id.startswith(town_id, autoescape=True))
                 .order_by(tasks.c.created_at.desc(), tasks.c.id.desc()))
        if state:
            query = query.where(tasks.c.state == state)
        if category:
            query = query.where(tasks.c.category == category)
        async with self.database.sessions() as session:
            rows = (await session.execute(query.offset(offset).limit(limit + 1))).all()
        return [protos.task(r) for r in rows[:limit]], next_page_token(offset, limit, len(rows))

    async def _task_with_progress(self, session, principal: Principal, task_id: str) -> pb.Task:
        row = await self._task(session, principal, task_id)
        progress = [protos.village_progress(a) for a in await self._progress(session, row.id)
                    if principal.can_see(a.village_id) or principal.can_see(row.town_id)
                    or principal.org_id in row.co_handler_org_ids]
        return protos.task(row, progress)

    @staticmethod
    def _require_own_town(principal: Principal, row) -> None:
        if principal_town(principal) != row.town_id:
            raise PermissionDenied("只能处理本镇的任务", "Only the town's own people may do this",
                                   code="NOT_THIS_TOWN")
