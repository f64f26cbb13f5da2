"""Catalogue use cases, one module per area; `CatalogueService` puts them behind one object."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from services.catalogue.engine import ScreeningEngine
from services.catalogue.service.admission import AdmissionUseCases
from services.catalogue.models import catalogues
from services.catalogue.service.catalogues import CatalogueUseCases, ImportRejected
from services.catalogue.service.common import current_year, find_screening_catalogue
from services.catalogue.service.drafts import DraftUseCases
from services.catalogue.service.ratings import RatingUseCases
from services.catalogue.service.reviews import ReviewUseCases
from services.catalogue.service.screening import ScreeningUseCases
from services.catalogue.service.stats import StatisticsUseCases
from shared.errors import NotFound
from shared.outbox import Database

__all__ = ["CatalogueService", "ImportRejected"]


@dataclass
class CatalogueService(CatalogueUseCases, DraftUseCases, AdmissionUseCases, ScreeningUseCases,
                       ReviewUseCases, StatisticsUseCases, RatingUseCases):
    database: Database
    engine: ScreeningEngine

    async def warm_up(self) -> None:
        """Build the current catalogues' matchers and the duplicate index before the first draft."""
        await self.engine.catch_up(self.database.sessions)
        async with self.database.sessions() as session:
            counties = (await session.execute(select(catalogues.c.county_id).distinct())).scalars()
            for county_id in list(counties):  # the catalogue in force, not a draft being prepared
                try:
                    row = await find_screening_catalogue(session, county_id, current_year())
                except NotFound:
                    continue
                await self.engine.matcher(session, row.id, row.revision)
