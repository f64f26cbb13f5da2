"""Writes by people: 民主测评 / 荣誉表彰 entries, and closing a period into a frozen snapshot."""
from __future__ import annotations

import json
from decimal import Decimal

from sqlalchemy import select

from services.evaluation import domain
from services.evaluation.models import closed_periods, ledger_lines, score_entries, snapshots
from services.evaluation.service import access
from services.evaluation.service.boards import BOARDS, check_scope, frozen_entries, live_entries, \
    plain_ranks, rank
from services.evaluation.service.ledger import (CADRE, GRID_WORKER, VILLAGE, Source, Subject,
                                                add_line, booking_month, rules_in_force,
                                                touch)
from services.evaluation.service.queries import _line
from shared import db as dbmod
from shared.auth import Principal
from shared.errors import Conflict, InvalidArgument, InvalidTransition
from zhili.evaluation.v1 import evaluation_pb2 as pb
from zhili.evaluation.v1 import events_pb2 as events

KINDS = {"democratic": ("民主测评", "democratic_weight", Decimal(0), Decimal(100)),
         "honour": ("荣誉表彰加分", "honour_weight", Decimal(0), Decimal(100))}
SUBJECT_ORG = {VILLAGE: (12,), CADRE: (12,), GRID_WORKER: (15,)}


async def add_entry(self, tx, principal: Principal, request: pb.AddScoreEntryRequest
                    ) -> pb.ScoreEntry:
    if request.kind not in KINDS:
        raise InvalidArgument("类型应为democratic或honour", "kind must be democratic or honour",
                              code="VALIDATION_FAILED", field="kind")
    if request.subject_type not in SUBJECT_ORG:
        raise InvalidArgument("对象类型应为cadre、village或grid_worker", "Unknown subject_type",
                              code="VALIDATION_FAILED", field="subject_type")
    org_id = access.org(request.org_id, sizes=SUBJECT_ORG[request.subject_type])
    if request.subject_type == VILLAGE and request.subject_id != org_id:
        raise InvalidArgument("村（社区）对象的编码应与org_id一致", "A village's subject_id is its org_id",
                              code="VALIDATION_FAILED", field="subject_id")
    if not request.subject_id or len(request.subject_id) > 64:
        raise InvalidArgument("对象编号无效", "Invalid subject_id", code="VALIDATION_FAILED",
                              field="subject_id")
    access.require_manager(principal, org_id[:9])
    month = domain.validate_month(request.month)
    what, weight_key, low, high = KINDS[request.kind]
    value = domain.decimal(request.value, field="value")
    if not low <= value <= high:
        raise InvalidArgument(f"{what}分值应在{low}到{high}之间", f"value must be in [{low}, {high}]",
                              code="VALIDATION_FAILED", field="value")
    session = tx.session
    if request.kind == "democratic" and await session.scalar(select(score_entries.c.id).where(
            score_entries.c.kind == "democratic", score_entries.c.subject_id == request.subject_id,
            score_entries.c.month == month)):
        raise Conflict("该对象本月已录入民主测评", "A democratic score exists for this month",
                       code="ENTRY_EXISTS", field="subject_id")
    label, rules = await rules_in_force(session, org_id, month)
    weight = domain.rule(rules, weight_key)
    points = domain.centi(value * weight)
    entry_id, now = dbmod.new_id(), dbmod.utcnow()
    booked = await booking_month(session, org_id, month)
    subject = Subject(request.subject_type, request.subject_id, org_id)
    counts = dict(democratic_sum=domain.centi(value), democratic_count=1) \
        if request.kind == "democratic" else {}
    await add_line(session, subject, Source("entry", entry_id, entry_id, now, label),
                   component=request.kind, points=points, booked=booked, counts=counts,
                   explanation=f"{what}{value}（{request.note or '镇街录入'}）× 权重{weight} = "
                               f"{domain.show(points)}")
    await session.execute(score_entries.insert().values(
        id=entry_id, kind=request.kind, subject_type=request.subject_type,
        subject_id=request.subject_id, org_id=org_id, month=month, value=str(value),
        points=points, note=request.note, created_by=principal.subject, created_at=now))
    await touch(session, "writes")
    await tx.audit(entity="score_entry", entity_id=entry_id, action=request.kind,
                   to_state=domain.show(points), reason=request.note)
    line = (await session.execute(select(ledger_lines).where(
        ledger_lines.c.event_id == entry_id))).first()
    return pb.ScoreEntry(id=entry_id, kind=request.kind, subject_id=request.subject_id,
                         subject_type=request.subject_type, org_id=org_id, month=booked,
                         value=str(value), points=domain.show(points), note=request.note,
                         line=_line(line))


def _closure(row) -> pb.PeriodClosure:
    return pb.PeriodClosure(org_id=row.org_id, period=row.period,
                            closed_at=dbmod.as_utc(row.closed_at).isoformat(),
                            closed_by=row.closed_by, ranked=json.loads(row.ranked),
                            event_id=row.event_id)


async def close_period(self, tx, principal: Principal, request: pb.ClosePeriodRequest
                       ) -> pb.PeriodClosure:
    org_id = check_scope(access.org(request.org_id, sizes=(6, 9)))
    access.require_manager(principal, org_id)
    period = domain.Period.parse(request.period)
    if dbmod.utcnow() < period.end():
        raise InvalidTransition(f"期间{period}尚未结束，不能关账", f"Period {period} has not ended",
                                code="PERIOD_NOT_ENDED", field="period")
    session = tx.session
    if await session.scalar(select(closed_periods.c.org_id).where(
            closed_periods.c.org_id == org_id, closed_periods.c.period == str(period))):
        raise Conflict(f"期间{period}已关账", f"Period {period} is already closed",
                       code="PERIOD_CLOSED", field="period")
    ranked_counts, top = {}, []
    for board in BOARDS:
        frozen = await frozen_entries(session, board, org_id, str(period))
        entries = frozen if frozen is not None else rank(
            await live_entries(session, board, org_id, period))
        before = await plain_ranks(session, board, org_id, period.previous())
        rows = [dict(org_id=org_id, period=str(period), board=board, subject_id=e.subject_id,
                     village_id=e.village_id, rank=e.rank, value=e.value, points=e.points,
                     indicators=json.dumps(e.indicators, ensure_ascii=False),
                     previous_rank=before.get(e.subject_id, 0)) for e in entries]
        for start in range(0, len(rows), 1000):
            await session.execute(snapshots.insert(), rows[start:start + 1000])
        ranked_counts[board] = len(rows)
        top += [events.SnapshotEntry(board=board, subject_id=e.subject_id, rank=e.rank,
                                     value=domain.show(e.value), points=domain.show(e.points))
                for e in entries[:10]]
    event_id = tx.emit("evaluation.snapshot.published", events.SnapshotPublished(
        org_id=org_id, period=str(period), ranked=ranked_counts, top=top))
    await session.execute(closed_periods.insert().values(
        org_id=org_id, period=str(period), closed_at=dbmod.utcnow(), closed_by=principal.subject,
        ranked=json.dumps(ranked_counts), event_id=event_id))
    await touch(session, "writes")
    await tx.audit(entity="period", entity_id=f"{org_id}/{period}", action="close",
                   from_state="open", to_state="closed")
    self.boards.forget(org_id, str(period))
    row = (await session.execute(select(closed_periods).where(
        closed_periods.c.org_id == org_id, closed_periods.c.period == str(period)))).first()
    return _closure(row)


async def list_closures(self, principal: Principal, *, org_id: str) -> pb.ListClosedPeriodsResponse:
    access.org(org_id, sizes=(6, 9))
    access.require_board_reader(principal, org_id)
    async with self.database.sessions() as session:
        rows = (await session.execute(select(closed_periods).where(
            closed_periods.c.org_id.in_({org_id, org_id[:6]})).order_by(
            closed_periods.c.period.desc(), closed_periods.c.org_id))).all()
    return pb.ListClosedPeriodsResponse(closures=[_closure(r) for r in rows])
