"""Loads the demo county's (越溪县 330688) 2026 catalogues from data/; does nothing when present."""
from __future__ import annotations

import logging

from sqlalchemy import select

from services.catalogue import app
from services.catalogue.matching import DATA_DIR
from services.catalogue.models import catalogues
from services.catalogue.service import CatalogueService

log = logging.getLogger(__name__)
DEMO_COUNTY = "330688"
DEMO_YEAR = 2026
FILES = [("village", "catalogue_village.csv"), ("town", "catalogue_town.csv"),
         ("negative", "negative_list.csv")]


async def load_demo(service: CatalogueService) -> bool:
    async with service.database.sessions() as session:
        if await session.scalar(select(catalogues.c.id).where(
                catalogues.c.county_id == DEMO_COUNTY, catalogues.c.year == DEMO_YEAR)):
            return False
    for kind, filename in FILES:
        count = await service.import_csv(None, county_id=DEMO_COUNTY, year=DEMO_YEAR, kind=kind,
                                         csv_text=(DATA_DIR / filename).read_text(encoding="utf-8"))
        log.info("demo catalogue loaded", extra={"kind": kind, "rows": count})
    return True


async def main() -> None:
    service = app.build_service(app.settings())
    try:
        loaded = await load_demo(service)
        print("demo catalogue loaded" if loaded else "demo catalogue already present")
    finally:
        await service.database.dispose()
