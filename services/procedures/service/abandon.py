"""撤回/终止: a village abandons a procedure before its resolution, with a reason kept for all to see."""
from __future__ import annotations

import json

from sqlalchemy import and_, select, update

from services.procedures import domain
from services.procedures.models import disclosures, procedures, warnings
from services.procedures.service import common
from services.procedures.service.running import latest_record, view
from shared import db as dbmod
from shared.auth import Principal
from shared.errors import Conflict
from zhili.procedures.v1 import events_pb2 as events
from zhili.procedures.v1 import procedures_pb2 as pb


async def resolution_passed(session, row) -> bool:
    """Whether a decisive step (村民(代表)会议决议) has passed: after that, no withdrawal."""
    steps = json.loads(row.snapshot_json)["steps"]
    for number, step in enumerate(steps, start=1):
        if step.get("decisive"):
            record = await latest_record(session, row.id, number)
            if record is not None and record["passed"]:
                return True
    return False


async def abandon(tx, principal: Principal, request: pb.AbandonProcedureRequest) -> pb.Procedure:
    principal.require_writer()
    principal.require_role(*common.VILLAGE_ROLES)
    row = await common.load_procedure(tx.session, principal, request.id)
    reason = domain.require_note(request.reason, "reason", "撤回终止的理由",
                                 "A reason for abandoning")
    domain.check_abandonable(row.state, await resolution_passed(tx.session, row))
    now = dbmod.utcnow()
    moved = await tx.session.execute(update(procedures).where(
        procedures.c.id == row.id, procedures.c.revision == row.revision).values(
        state="abandoned", abandon_reason=reason, abandoned_at=now,
        abandoned_by=principal.subject, updated_at=now, revision=row.revision + 1))
    if moved.rowcount != 1:
        raise Conflict("该程序正被他人同时修改，请刷新后重试",
                       "The procedure changed meanwhile; reload and retry", code="CONCURRENT_UPDATE")
    # A stopped procedure no longer stalls; what was wrong in its records stays flagged.
    await common.resolve_warnings(tx, and_(
        warnings.c.procedure_id == row.id, warnings.c.kind == domain.PROCEDURE_STALLED),
        f"程序已撤回终止：{reason}")
    public = await _announce_publicly(tx, row, reason, principal.subject)
    await tx.audit(entity="procedure", entity_id=row.id, action="abandoned",
                   from_state=row.state, to_state="abandoned", reason=reason)
    tx.emit("procedures.procedure.abandoned", events.ProcedureAbandoned(
        procedure_id=row.id, village_id=row.village_id, town_id=row.town_id,
        kind=row.template_code, title=row.title, amount_fen=row.amount_fen, major=row.major,
        step_number=row.current_step, reason=reason, public=public))
    return await view(tx.session, row.id)


async def _announce_publicly(tx, row, reason: str, actor: str) -> bool:
    """Residents who saw the matter on the notice board also see that it was withdrawn, and why."""
    seen = await tx.session.scalar(select(disclosures.c.id).where(
        disclosures.c.procedure_id == row.id).limit(1))
    if not seen:
        return False
    from services.procedures.service.disclosures import insert_disclosure
    await insert_disclosure(
        tx, village_id=row.village_id, category="village_affairs", kind="major", period="",
        title=f"{row.title}：撤回终止公告", content=f"该事项已撤回终止。理由：{reason}",
        channel="", published_on=common.today(), attachments=[], procedure_id=row.id,
        actor=actor)
    return True
