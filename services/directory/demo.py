"""Loads the demo county (越溪县) shipped in data/demo; does nothing when it is already there."""
from __future__ import annotations

import logging

from sqlalchemy import select

from services.directory import app
from services.directory.models import org_units
from services.directory.service import DATA_DIR, DirectoryService

log = logging.getLogger(__name__)
DEMO_DIR = DATA_DIR / "demo"
DEMO_PASSWORD = "Zhili@2026"
DEMO_COUNTY = "330688"
FILES = [("org_units", "org_units.csv"), ("people", "people.csv"),
         ("households", "households.csv"), ("grid_elements", "grid_elements.csv")]


async def load_demo(service: DirectoryService) -> bool:
    await service.load_reference_data()
    async with service.database.sessions() as session:
        if await session.scalar(select(org_units.c.id).where(org_units.c.id == DEMO_COUNTY)):
            return False
    for kind, filename in FILES:
        count = await service.import_csv(None, kind=kind, default_password=DEMO_PASSWORD,
                                         csv_text=(DEMO_DIR / filename).read_text(encoding="utf-8"))
        log.info("demo data loaded", extra={"kind": kind, "rows": count})
    return True


async def main() -> None:
    service = app.build_service(app.settings())
    try:
        loaded = await load_demo(service)
        print("demo county loaded" if loaded else "demo county already present")
    finally:
        await service.database.dispose()
