"""Loads the built-in templates and puts the demo county's villages under the 三务公开 sweep."""
from __future__ import annotations

import csv
import logging

from sqlalchemy import select

from services.procedures import app, domain
from services.procedures.models import villages
from services.procedures.service import ProceduresService
from services.procedures.service.templates import DEFAULTS_FILE

log = logging.getLogger(__name__)
VILLAGES_FILE = DEFAULTS_FILE.parent / "demo" / "villages.csv"


async def load_demo(service: ProceduresService) -> int:
    loaded = await service.load_reference_data()
    async with service.database.transaction(actor_id="system") as tx:
        known = set((await tx.session.execute(select(villages.c.village_id))).scalars())
        with VILLAGES_FILE.open(encoding="utf-8") as handle:
            rows = [r for r in csv.DictReader(handle) if r["village_id"] not in known]
        from services.procedures.service.common import today
        if rows:
            await tx.session.execute(villages.insert(), [
                {"village_id": r["village_id"], "town_id": domain.town_of(r["village_id"]),
                 "since": today()} for r in rows])
    log.info("procedures demo loaded", extra={"templates": loaded, "villages": len(rows)})
    return loaded


async def main() -> None:
    service = app.build_service(app.settings())
    try:
        await load_demo(service)
        print("procedures demo loaded")
    finally:
        await service.database.dispose()
