"""事前防: spendings checked against the 重大事项 rules, warnings and the supervision list."""
from __future__ import annotations

import json

from sqlalchemy import select

from services.procedures import domain
from services.procedures.models import procedures, spendings, warnings
from services.procedures.service import common
from services.procedures.service.running import latest_record, views_of
from services.procedures.service.views import ts, warning_proto
from shared import db as dbmod
from shared.auth import DEPUTY_SECRETARY, SUPERVISOR, TOWN_LEADER, Principal
from shared.errors import InvalidArgument, NotFound
from shared.paging import next_page_token, page_window
from zhili.procedures.v1 import procedures_pb2 as pb

WARNING_STATUSES = ("open", "resolved")


async def record_spending(tx, principal: Principal, r: pb.RecordSpendingRequest) -> pb.Spending:
    """A spending is a fact and is kept; what it reveals becomes warnings."""
    village_id = common.village_writer(principal, r.village_id)
    if r.amount_fen <= 0:
        raise InvalidArgument("金额须大于0（单位：分）", "amount_fen must be positive",
                              field="amount_fen")
    if not r.title.strip():
        raise InvalidArgument("支出事由不能为空", "title is required", field="title")
    spent_on = domain.parse_date(r.spent_on, "spent_on")
    domain.check_not_future(spent_on, common.today(), "spent_on")
    rule = (await common.rules_for(tx.session, village_id))["major_matter"]["value"]
    major = domain.is_major(r.amount_fen, r.category, rule)
    procedure = None
    if r.procedure_id:
        procedure = await common.load_procedure(tx.session, principal, r.procedure_id)
        if procedure.village_id != village_id:
            raise InvalidArgument("该程序不属于本村", "The procedure belongs to another village",
                                  field="procedure_id")
    spending_id = dbmod.new_id()
    await tx.session.execute(spendings.insert().values(
        id=spending_id, village_id=village_id, town_id=domain.town_of(village_id),
        procedure_id=procedure.id if procedure else "", title=r.title.strip(),
        category=r.category, amount_fen=r.amount_fen, spent_on=spent_on, major=major,
        recorded_at=dbmod.utcnow(), recorded_by=principal.subject))
    yuan = f"{r.amount_fen / 100:.2f}"
    raised = []
    if procedure is not None:
        problem = await _before_resolution(tx.session, procedure, spent_on)
        if problem:
            raised.append(await common.raise_warning(
                tx, kind=domain.IMPLEMENTATION_BEFORE_RESOLUTION, village_id=village_id,
                procedure=procedure, amount_fen=r.amount_fen, dedupe_key=f"SPEND:{spending_id}",
                detail_zh=f"“{r.title}”于{spent_on}支出{yuan}元，{problem}",
                detail_en=f"Spent {yuan} yuan on {spent_on} before the resolution passed"))
    elif major:
        raised.append(await common.raise_warning(
            tx, kind=domain.MAJOR_MATTER_WITHOUT_PROCEDURE, village_id=village_id,
            amount_fen=r.amount_fen, dedupe_key=f"SPEND:{spending_id}",
            detail_zh=f"重大事项“{r.title}”支出{yuan}元，未履行民主决策程序",
            detail_en=f"Major matter spending of {yuan} yuan without a procedure"))
    await tx.audit(entity="spending", entity_id=spending_id, action="recorded",
                   reason=f"{r.title} {yuan}")
    found = (await tx.session.execute(select(warnings).where(
        warnings.c.id.in_([w for w in raised if w])))).all()
    return pb.Spending(id=spending_id, village_id=village_id, town_id=domain.town_of(village_id),
                       procedure_id=procedure.id if procedure else "", title=r.title.strip(),
                       category=r.category, amount_fen=r.amount_fen, spent_on=spent_on.isoformat(),
                       major=major, warnings=[warning_proto(w) for w in found],
                       recorded_at=ts(dbmod.utcnow()))


async def _before_resolution(session, procedure, spent_on) -> str:
    """Why this spending came before the decision, or "" when it did not."""
    steps = json.loads(procedure.snapshot_json)["steps"]
    for number, step in enumerate(steps, start=1):
        if step.get("decisive"):
            record = await latest_record(session, procedure.id, number)
            if record is None or not record["passed"]:
                return f"而“{step['name']}”尚未通过"
            held = domain.step_date(record)
            if held and spent_on < held:
                return f"早于{held}的“{step['name']}”"
    return ""


async def list_procedures(session, principal: Principal, r: pb.ListProceduresRequest):
    root = common.scope_root(principal, r.org_id)
    offset, limit = page_window(r.page.page_size, r.page.page_token)
    query = (select(procedures).where(procedures.c.village_id.startswith(root, autoescape=True))
             .order_by(procedures.c.started_at.desc(), procedures.c.id.desc()))
    if r.stage:
        query = query.where(procedures.c.current_step_key == r.stage)
    if r.state:
        if r.state not in domain.STATES:
            raise InvalidArgument("状态应为in_progress/blocked/completed/abandoned",
                                  "Unknown state", field="state")
        query = query.where(procedures.c.state == r.state)
    if r.with_warnings:
        query = query.where(procedures.c.open_warnings > 0)
    rows = (await session.execute(query.offset(offset).limit(limit + 1))).all()
    return await views_of(session, rows[:limit]), next_page_token(offset, limit, len(rows))


async def list_warnings(session, principal: Principal, r: pb.ListWarningsRequest):
    root = common.scope_root(principal, r.org_id)
    offset, limit = page_window(r.page.page_size, r.page.page_token)
    query = (select(warnings).where(warnings.c.village_id.startswith(root, autoescape=True))
             .order_by(warnings.c.raised_at.desc(), warnings.c.id.desc()))
    if r.status:
        if r.status not in WARNING_STATUSES:
            raise InvalidArgument("状态应为open或resolved", "status must be open or resolved",
                                  field="status")
        query = query.where(warnings.c.status == r.status)
    if r.kind:
        query = query.where(warnings.c.kind == r.kind)
    if r.procedure_id:
        query = query.where(warnings.c.procedure_id == r.procedure_id)
    rows = (await session.execute(query.offset(offset).limit(limit + 1))).all()
    return [warning_proto(w) for w in rows[:limit]], next_page_token(offset, limit, len(rows))


# Who may close a warning by hand: the county's supervisors (纪委, 农业农村局) — the one write
# their read-only role allows, since the resolution is their own supervisory act and changes no
# village record — and the town's leaders (镇党委副书记, who also carries the town's 纪检 work, and
# the 分管领导). Never the village: a village does not clear the warnings about itself.
RESOLVERS = (SUPERVISOR, DEPUTY_SECRETARY, TOWN_LEADER)


async def resolve_warning(tx, principal: Principal, r: pb.ResolveWarningRequest) -> pb.Warning:
    principal.require_role(*RESOLVERS)
    try:
        warning_id = dbmod.uuid_text(r.id)
    except ValueError:
        warning_id = ""
    row = (await tx.session.execute(select(warnings).where(
        warnings.c.id == warning_id))).first() if warning_id else None
    if row is None or not principal.can_see(row.village_id):
        raise NotFound("预警不存在或不在您的管辖范围内", "Warning not found in your scope",
                       code="WARNING_NOT_FOUND", field="id")
    note = domain.require_note(r.note, "note", "处置说明", "A resolution note")
    domain.check_resolvable(row.status)
    closed = await common.resolve_warnings(tx, warnings.c.id == row.id, note,
                                           by=principal.subject, resolution="manual")
    if not closed:  # a concurrent resolution won between our read and our update
        domain.check_resolvable("resolved")
    found = (await tx.session.execute(select(warnings).where(warnings.c.id == row.id))).first()
    return warning_proto(found)
