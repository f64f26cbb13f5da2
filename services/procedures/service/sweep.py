"""The periodic sweep: stalled procedures and missed 三务公开, flagged once across replicas."""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import random

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from services.procedures import domain
from services.procedures.models import disclosures, procedures, villages
from services.procedures.service import common
from shared import db as dbmod
from shared.workdays import add_working_days, local_date
from zhili.procedures.v1 import events_pb2 as events

log = logging.getLogger(__name__)


async def sweep(database, as_of: dt.datetime) -> tuple[int, int]:
    """Each finding in its own transaction; a replica that flagged it first wins the unique key."""
    stalled = overdue = 0
    async with database.sessions() as session:
        open_rows = (await session.execute(select(procedures).where(
            procedures.c.state.not_in(("completed", "abandoned"))))).all()
        tracked = (await session.execute(select(villages))).all()
    for row in open_rows:
        step = json.loads(row.snapshot_json)["steps"][row.current_step - 1]
        # Chinese working days (Monday–Friday in a year no holiday calendar covers)
        if as_of > add_working_days(dbmod.as_utc(row.stage_since), step["max_days"]):
            stalled += await _once(database, lambda tx, row=row, step=step: common.raise_warning(
                tx, kind=domain.PROCEDURE_STALLED, village_id=row.village_id, procedure=row,
                step_number=row.current_step, amount_fen=row.amount_fen,
                dedupe_key=f"{domain.PROCEDURE_STALLED}:{row.id}:{row.current_step}",
                detail_zh=f"第{row.current_step}步“{step['name']}”超过{step['max_days']}个工作日未推进",
                detail_en=f"Step {row.current_step} idle for over {step['max_days']} working days"))
    today = local_date(as_of)
    for village in tracked:
        async with database.sessions() as session:
            schedule = (await common.rules_for(session, village.village_id))[
                "disclosure.schedule"]["value"]
        for category in domain.DISCLOSURE_CATEGORIES:
            period = domain.previous_period(today, schedule[category])
            end = domain.period_end(period)
            due = end + dt.timedelta(days=schedule["grace_days"])
            if village.since > end or today <= due:
                continue
            overdue += await _once(database, lambda tx, v=village, c=category, p=period, d=due:
                                   _flag_overdue(tx, v.village_id, c, p, d))
    return stalled, overdue


async def _flag_overdue(tx, village_id: str, category: str, period: str, due: dt.date) -> str | None:
    if await tx.session.scalar(select(disclosures.c.id).where(
            disclosures.c.village_id == village_id, disclosures.c.category == category,
            disclosures.c.period == period).limit(1)):
        return None
    name = domain.DISCLOSURE_CATEGORIES[category]
    warning_id = await common.raise_warning(
        tx, kind=domain.DISCLOSURE_OVERDUE, village_id=village_id, category=category,
        period=period, dedupe_key=f"{domain.DISCLOSURE_OVERDUE}:{village_id}:{category}:{period}",
        detail_zh=f"{period}{name}公开应于{due}前完成，至今未公开",
        detail_en=f"The {category} disclosure for {period} was due by {due}")
    if warning_id:
        tx.emit("procedures.disclosure.overdue", events.DisclosureOverdue(
            village_id=village_id, town_id=domain.town_of(village_id), category=category,
            period=period, due_on=due.isoformat(), warning_id=warning_id))
    return warning_id


async def _once(database, action) -> int:
    try:
        async with database.transaction(actor_id="system") as tx:
            return 1 if await action(tx) else 0
    except IntegrityError:  # another replica raised the same warning a moment earlier
        return 0


async def run_forever(database, interval_seconds: float) -> None:
    """Every replica runs it; the warnings' unique dedupe key keeps the effect single."""
    while True:
        await asyncio.sleep(interval_seconds * (0.5 + random.random()))
        try:
            stalled, overdue = await sweep(database, dt.datetime.now(dt.UTC))
            if stalled or overdue:
                log.info("sweep raised warnings", extra={"stalled": stalled, "overdue": overdue})
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # database briefly unavailable: try again next round
            log.warning("sweep failed", extra={"error": repr(exc)})
