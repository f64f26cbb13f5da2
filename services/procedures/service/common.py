"""Shared pieces of the use cases: scope checks, rules in force, warnings raised and resolved."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select, update

from services.procedures import domain, legal
from services.procedures.models import procedures, rules, villages, warnings
from shared import db as dbmod
from shared.auth import VILLAGE_CADRE, VILLAGE_SECRETARY, Principal
from shared.errors import NotFound
from shared.workdays import local_date
from zhili.procedures.v1 import events_pb2 as events

VILLAGE_ROLES = (VILLAGE_SECRETARY, VILLAGE_CADRE)


def today() -> dt.date:
    return local_date(dbmod.utcnow())


def village_writer(principal: Principal, village_id: str) -> str:
    """The village a village secretary or cadre acts for (their own unless they name it)."""
    principal.require_writer()
    principal.require_role(*VILLAGE_ROLES)
    village_id = village_id or principal.org_id[:12]
    domain.require_village(village_id)
    principal.require_visible(village_id)
    return village_id


def scope_root(principal: Principal, org_id: str) -> str:
    org_id = org_id or principal.scope_org_id
    principal.require_visible(org_id)
    return org_id


async def rules_for(session, org_id: str) -> dict[str, dict]:
    """Rules in force for an org unit: national defaults, then province, then county rows."""
    rows = [dict(r._mapping) for r in (await session.execute(select(rules))).all()]
    for row in rows:
        row["value"] = json.loads(row.pop("value_json"))
    return legal.effective(rows, org_id)


async def load_procedure(session, principal: Principal | None, procedure_id: str):
    try:
        procedure_id = dbmod.uuid_text(procedure_id)
    except ValueError:
        procedure_id = ""
    row = (await session.execute(select(procedures).where(
        procedures.c.id == procedure_id))).first() if procedure_id else None
    if row is None or (principal is not None and not principal.can_see(row.village_id)):
        raise NotFound("程序不存在或不在您的管辖范围内", "Procedure not found in your scope",
                       code="PROCEDURE_NOT_FOUND", field="id")
    return row


async def track_village(session, village_id: str) -> None:
    """Put a village under the 三务公开 sweep, once."""
    if not await session.scalar(select(villages.c.village_id).where(
            villages.c.village_id == village_id)):
        await session.execute(villages.insert().values(
            village_id=village_id, town_id=domain.town_of(village_id), since=today()))


async def raise_warning(tx, *, kind: str, village_id: str, detail_zh: str, detail_en: str,
                        dedupe_key: str, procedure=None, step_number: int = 0,
                        amount_fen: int = 0, category: str = "", period: str = "") -> str | None:
    """Insert one open warning (none when the same fact was already flagged) and announce it."""
    if await tx.session.scalar(select(warnings.c.id).where(warnings.c.dedupe_key == dedupe_key)):
        return None
    warning_id, now = dbmod.new_id(), dbmod.utcnow()
    procedure_id = procedure.id if procedure is not None else None
    await tx.session.execute(warnings.insert().values(
        id=warning_id, kind=kind, status="open", procedure_id=procedure_id,
        village_id=village_id, town_id=domain.town_of(village_id), step_number=step_number,
        detail_zh=detail_zh, detail_en=detail_en, amount_fen=amount_fen, category=category,
        period=period, dedupe_key=dedupe_key, raised_at=now))
    if procedure_id:
        await tx.session.execute(update(procedures).where(procedures.c.id == procedure_id).values(
            open_warnings=procedures.c.open_warnings + 1))
    await tx.audit(entity="warning", entity_id=warning_id, action="raised", to_state="open",
                   reason=f"{kind}: {detail_zh}")
    tx.emit("procedures.warning.raised", events.WarningChanged(
        warning_id=warning_id, warning_kind=kind, procedure_id=procedure_id or "",
        village_id=village_id, town_id=domain.town_of(village_id),
        kind=procedure.template_code if procedure is not None else "", step_number=step_number,
        amount_fen=amount_fen, detail=detail_zh))
    return warning_id


async def resolve_warnings(tx, condition, reason: str, *, by: str = "system",
                           resolution: str = "auto") -> int:
    """Close the open warnings matching `condition` (by the facts, or by hand) and announce each."""
    rows = (await tx.session.execute(select(warnings).where(
        warnings.c.status == "open", condition))).all()
    now, closed = dbmod.utcnow(), 0
    for row in rows:
        changed = await tx.session.execute(update(warnings).where(
            warnings.c.id == row.id, warnings.c.status == "open").values(
            status="resolved", resolved_at=now, resolution=resolution, resolved_by=by,
            resolution_note=reason))
        if changed.rowcount != 1:  # a concurrent transaction closed it first
            continue
        closed += 1
        if row.procedure_id:
            await tx.session.execute(update(procedures).where(
                procedures.c.id == row.procedure_id).values(
                open_warnings=procedures.c.open_warnings - 1))
        await tx.audit(entity="warning", entity_id=row.id, action="resolved",
                       from_state="open", to_state="resolved", reason=reason)
        kind = ""
        if row.procedure_id:
            kind = await tx.session.scalar(select(procedures.c.template_code).where(
                procedures.c.id == row.procedure_id)) or ""
        tx.emit("procedures.warning.resolved", events.WarningChanged(
            warning_id=row.id, warning_kind=row.kind, procedure_id=row.procedure_id or "",
            village_id=row.village_id, town_id=row.town_id, kind=kind,
            step_number=row.step_number, amount_fen=row.amount_fen, detail=reason,
            resolution=resolution, resolved_by=by))
    return closed
