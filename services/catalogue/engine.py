"""Screening engine state: one Matcher per catalogue revision, one duplicate index fed from the DB."""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from pathlib import Path

from sqlalchemy import select

from services.catalogue.domain import CatalogueItem, NegativeEntry
from services.catalogue.dupindex import DuplicateIndex
from services.catalogue.matching import DATA_DIR, Matcher, load_offlist_model, load_synonyms
from services.catalogue.models import dispatch_villages, dispatches, items, negative_entries
from services.catalogue.offlist import load_rules
from shared import db as dbmod

log = logging.getLogger(__name__)
# Dispatches committed out of order (concurrent writers) are caught by re-reading a margin.
CATCH_UP_MARGIN = dt.timedelta(minutes=5)


class ScreeningEngine:
    """Matchers are built from database rows and cached by (catalogue id, revision).

    The duplicate index is rebuilt from persisted dispatches at start and caught up from the
    database before each screening, so every replica sees dispatches another replica consumed;
    each catch-up also prunes what fell out of the duplicate window, so memory stays bounded.
    A dispatch row whose `recorded_at` moved (a re-dispatch to more villages) is read again and
    the task's villages widened.
    """

    def __init__(self, *, data_dir: Path = DATA_DIR, duplicate_window: dt.timedelta = dt.timedelta(days=30),
                 model_setting: str = "") -> None:
        self.synonyms = load_synonyms(data_dir / "synonyms.csv")
        self.rules = load_rules(data_dir / "offlist_patterns.csv")
        self.offlist_model = load_offlist_model(data_dir, model_setting)
        self.duplicate_window = duplicate_window
        self.duplicates = DuplicateIndex(self.synonyms)
        self.duplicates.add_background(Matcher.from_data_dir(data_dir).item_texts())
        self._matchers: dict[str, tuple[int, Matcher]] = {}
        self._build_lock = asyncio.Lock()
        self._catch_up_lock = asyncio.Lock()
        self._recorded: dict[str, dt.datetime] = {}  # task id → recorded_at last indexed
        self._watermark: dt.datetime | None = None

    async def matcher(self, session, catalogue_id: str, revision: int) -> Matcher:
        cached = self._matchers.get(catalogue_id)
        if cached and cached[0] == revision:
            return cached[1]
        async with self._build_lock:
            cached = self._matchers.get(catalogue_id)
            if cached and cached[0] == revision:
                return cached[1]
            item_rows = (await session.execute(select(items).where(
                items.c.catalogue_id == catalogue_id).order_by(items.c.position))).all()
            negative_rows = (await session.execute(select(negative_entries).where(
                negative_entries.c.catalogue_id == catalogue_id)
                .order_by(negative_entries.c.position))).all()
            started = time.monotonic()
            matcher = await asyncio.to_thread(self._build, item_rows, negative_rows)
            log.info("matcher built", extra={"catalogue_id": catalogue_id, "revision": revision,
                                             "items": len(item_rows),
                                             "seconds": round(time.monotonic() - started, 2)})
            self._matchers[catalogue_id] = (revision, matcher)
            return matcher

    def _build(self, item_rows, negative_rows) -> Matcher:
        catalogue = [CatalogueItem(code=r.code, level=r.level, category=r.category, name=r.name,
                                   description=r.description, basis=r.basis,
                                   department=r.department, kind=r.kind,
                                   parent_code=r.parent_code or None, active=r.active)
                     for r in item_rows]
        negatives = [NegativeEntry(r.code, r.category, r.name, r.description, r.basis, r.redirect)
                     for r in negative_rows]
        return Matcher(catalogue, negatives, self.synonyms, self.rules, offlist_model=self.offlist_model)

    def add_dispatch(self, *, task_id: str, title: str, description: str, village_ids,
                     dispatched_at: dt.datetime, issuer_org_id: str, matter_code: str,
                     now: dt.datetime | None = None) -> bool:
        """Index a dispatch (a known task only gains villages); False if already out of the window."""
        dispatched_at = dbmod.as_utc(dispatched_at)
        if task_id in self.duplicates:
            self.duplicates.add_villages(task_id, village_ids)
            return True
        if dispatched_at < (now or dbmod.utcnow()) - self.duplicate_window:
            return False
        self.duplicates.add(task_id, title, description, tuple(village_ids), dispatched_at,
                            issuer_org_id or None, matter_code=matter_code or None)
        return True

    def prune(self, now: dt.datetime) -> int:
        removed = self.duplicates.prune(now - self.duplicate_window)
        for task_id in removed:
            self._recorded.pop(task_id, None)
        return len(removed)

    async def catch_up(self, sessions) -> int:
        """Index dispatches recorded since the last look (all recent ones the first time)."""
        async with self._catch_up_lock:
            now = dbmod.utcnow()
            if self._watermark is None:  # oldest first, so pruning later drops a clean prefix
                query = select(dispatches).where(
                    dispatches.c.dispatched_at >= now - self.duplicate_window).order_by(
                    dispatches.c.dispatched_at)
            else:
                query = select(dispatches).where(
                    dispatches.c.recorded_at >= self._watermark - CATCH_UP_MARGIN).order_by(
                    dispatches.c.recorded_at)
            async with sessions() as session:
                rows = [r for r in (await session.execute(query)).all()
                        if self._recorded.get(r.task_id) != dbmod.as_utc(r.recorded_at)]
                villages: dict[str, list[str]] = {}
                ids = [r.task_id for r in rows]
                for start in range(0, len(ids), 500):
                    chunk = ids[start:start + 500]
                    for task_id, village_id in (await session.execute(
                            select(dispatch_villages.c.task_id, dispatch_villages.c.village_id)
                            .where(dispatch_villages.c.task_id.in_(chunk)))).all():
                        villages.setdefault(task_id, []).append(village_id)
            for row in rows:
                if self.add_dispatch(task_id=row.task_id, title=row.title,
                                     description=row.description,
                                     village_ids=sorted(villages.get(row.task_id, [])),
                                     dispatched_at=row.dispatched_at,
                                     issuer_org_id=row.issuer_org_id,
                                     matter_code=row.matter_code, now=now):
                    self._recorded[row.task_id] = dbmod.as_utc(row.recorded_at)
            self.prune(now)
            if rows:
                latest = max(dbmod.as_utc(r.recorded_at) for r in rows)
                self._watermark = max(latest, self._watermark or latest)
            elif self._watermark is None:
                self._watermark = now - CATCH_UP_MARGIN
            return len(rows)
