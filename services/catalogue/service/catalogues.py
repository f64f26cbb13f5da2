"""Catalogue use cases: versions per county and year, items, retirement, negative list, CSV in and out."""
from __future__ import annotations

import csv
import io
from collections.abc import Callable

from sqlalchemy import func, or_, select, update

from services.catalogue import rules
from services.catalogue.models import catalogues, items, negative_entries
from services.catalogue.service.common import (county_of, current_year, find_catalogue, find_item,
                                               item_proto, require_manager, text, timestamp)
from shared import db as dbmod
from shared.auth import Principal
from shared.csvtext import read_csv
from shared.errors import Conflict, InvalidArgument, NotFound
from shared.paging import next_page_token, page_window
from zhili.catalogue.v1 import catalogue_pb2 as pb
from zhili.catalogue.v1 import events_pb2 as events


class ImportRejected(Exception):
    """The whole file was refused; `errors` lists every bad row."""

    def __init__(self, errors: list[rules.RowError]) -> None:
        super().__init__(f"{len(errors)} bad rows")
        self.errors = errors


async def bump_revision(session, catalogue_id: str) -> None:
    """Any change of items or the negative list makes cached matchers of this catalogue stale."""
    await session.execute(update(catalogues).where(catalogues.c.id == catalogue_id).values(
        revision=catalogues.c.revision + 1))


class CatalogueUseCases:
    async def list_catalogues(self, principal: Principal, *, county_id: str) -> list[pb.Catalogue]:
        county_id = county_of(principal, county_id)
        async with self.database.sessions() as session:
            rows = (await session.execute(select(catalogues).where(
                catalogues.c.county_id == county_id).order_by(catalogues.c.year))).all()
            return [await catalogue_proto(session, row) for row in rows]

    async def start_version(self, tx, principal: Principal,
                            request: pb.StartCatalogueVersionRequest) -> pb.Catalogue:
        """A new year's catalogue as a draft, copied from an earlier year; the earlier one stays
        readable and in force until the draft is published."""
        require_manager(principal)
        county_id = county_of(principal, request.county_id)
        year = request.year or current_year()
        if not 2000 <= year <= 2100:
            raise InvalidArgument("年度无效", "Invalid year", field="year")
        taken = await tx.session.scalar(select(catalogues.c.id).where(
            catalogues.c.county_id == county_id, catalogues.c.year == year))
        if taken:
            raise Conflict(f"{year}年度清单已存在", f"The {year} catalogue already exists",
                           code="CATALOGUE_EXISTS", field="year")
        source_query = select(catalogues).where(catalogues.c.county_id == county_id,
                                                catalogues.c.year < year)
        if request.copy_from_year:
            source_query = source_query.where(catalogues.c.year == request.copy_from_year)
        source = (await tx.session.execute(source_query.order_by(catalogues.c.year.desc())
                                           .limit(1))).first()
        if request.copy_from_year and source is None:
            raise NotFound(f"{request.copy_from_year}年度清单不存在", "Source catalogue not found",
                           code="CATALOGUE_NOT_FOUND", field="copy_from_year")
        new_id = await create_catalogue(tx.session, county_id, year, source.id if source else None,
                                        status=rules.DRAFT)
        if source is not None:
            for table in (items, negative_entries):
                rows = [dict(r._mapping, catalogue_id=new_id) for r in (await tx.session.execute(
                    select(table).where(table.c.catalogue_id == source.id))).all()]
                if table is items:  # retired items stay in the old version only
                    rows = [r for r in rows if r["active"]]
                if rows:
                    await tx.session.execute(table.insert(), rows)
        await tx.audit(entity="catalogue", entity_id=new_id, action="version_started",
                       to_state=str(year), reason=f"copied from {source.year}" if source else "")
        row = (await tx.session.execute(select(catalogues).where(catalogues.c.id == new_id))).first()
        return await catalogue_proto(tx.session, row)

    async def list_items(self, principal: Principal, request: pb.ListItemsRequest):
        county_id = county_of(principal, request.county_id)
        offset, limit = page_window(request.page.page_size, request.page.page_token)
        if request.level and request.level not in ("village", "town"):
            raise InvalidArgument("层级应为 village 或 town", "level must be village or town",
                                  field="level")
        async with self.database.sessions() as session:
            catalogue = await find_catalogue(session, county_id, request.year)
            query = select(items).where(items.c.catalogue_id == catalogue.id)
            if request.level:
                query = query.where(items.c.level == request.level)
            if request.category:
                query = query.where(items.c.category == request.category)
            if not request.include_retired:
                query = query.where(items.c.active.is_(True))
            if request.query:
                like = f"%{request.query}%"
                query = query.where(or_(items.c.name.like(like), items.c.description.like(like),
                                        items.c.code.like(like)))
            rows = (await session.execute(query.order_by(items.c.level.desc(), items.c.code)
                                          .offset(offset).limit(limit + 1))).all()
        found = [item_proto(r, county_id, catalogue.year) for r in rows[:limit]]
        return found, next_page_token(offset, limit, len(rows))

    async def get_item(self, principal: Principal, request: pb.GetItemRequest) -> pb.Item:
        county_id = county_of(principal, request.county_id)
        async with self.database.sessions() as session:
            catalogue = await find_catalogue(session, county_id, request.year)
            return item_proto(await find_item(session, catalogue.id, request.code), county_id,
                              catalogue.year)

    async def retire_item(self, tx, principal: Principal, request: pb.RetireItemRequest) -> pb.Item:
        require_manager(principal)
        county_id = county_of(principal, request.county_id)
        reason = text(request.reason, "reason", 1000, required=True)
        catalogue = await find_catalogue(tx.session, county_id, request.year)
        row = await find_item(tx.session, catalogue.id, request.code)
        if not row.active:
            raise Conflict("该事项已退出清单", "The item is already retired", code="INVALID_TRANSITION")
        await tx.session.execute(update(items).where(
            items.c.catalogue_id == catalogue.id, items.c.code == row.code).values(
            active=False, retired_reason=reason, retired_at=dbmod.utcnow()))
        await bump_revision(tx.session, catalogue.id)
        await tx.audit(entity="item", entity_id=f"{county_id}/{catalogue.year}/{row.code}",
                       action="retired", from_state="active", to_state="retired", reason=reason)
        tx.emit("catalogue.item.retired", events.ItemRetired(
            county_id=county_id, year=catalogue.year, code=row.code, name=row.name, reason=reason))
        return item_proto(await find_item(tx.session, catalogue.id, row.code), county_id,
                          catalogue.year)

    async def list_negative(self, principal: Principal, *, county_id: str, year: int):
        county_id = county_of(principal, county_id)
        async with self.database.sessions() as session:
            catalogue = await find_catalogue(session, county_id, year)
            rows = (await session.execute(select(negative_entries).where(
                negative_entries.c.catalogue_id == catalogue.id)
                .order_by(negative_entries.c.position))).all()
        return [pb.NegativeEntry(code=r.code, category=r.category, name=r.name,
                                 description=r.description, basis=r.basis, redirect=r.redirect)
                for r in rows]

    async def import_csv(self, principal: Principal | None, *, county_id: str, year: int,
                         kind: str, csv_text: str,
                         progress: Callable[[int, int], None] | None = None) -> int:
        """All or nothing: any bad row raises ImportRejected listing every bad row.

        Rows with a code already in the catalogue update that item; new codes are added. The
        county's catalogue for the year is created on the first import.
        """
        if principal is not None:
            require_manager(principal)
            county_id = county_of(principal, county_id)
        columns = rules.columns_for(kind)
        year = year or current_year()
        header, parsed = read_csv(csv_text)
        rows = [{k: (v or "").strip() for k, v in r.items() if k} for r in parsed]
        actor = principal.subject if principal else "system"
        async with self.database.transaction(actor_id=actor) as tx:
            catalogue_id = await tx.session.scalar(select(catalogues.c.id).where(
                catalogues.c.county_id == county_id, catalogues.c.year == year))
            table = negative_entries if kind == "negative" else items
            existing = {} if catalogue_id is None else {r.code: r for r in (await tx.session.execute(
                select(table).where(table.c.catalogue_id == catalogue_id))).all()}
            errors = rules.validate_rows(kind, header, rows, existing)
            if errors:
                raise ImportRejected(errors)
            if catalogue_id is None:
                # a county loading its list in force; prepare a new year with start_version
                catalogue_id = await create_catalogue(tx.session, county_id, year, None,
                                                      status=rules.PUBLISHED)
            base = await tx.session.scalar(select(func.count()).select_from(table).where(
                table.c.catalogue_id == catalogue_id)) or 0
            for start in range(0, len(rows), 500):
                await _write_rows(tx.session, table, kind, catalogue_id, columns,
                                  rows[start:start + 500], existing, base + start)
                if progress:
                    progress(min(start + 500, len(rows)), len(rows))
            await bump_revision(tx.session, catalogue_id)
            await tx.audit(entity="catalogue", entity_id=catalogue_id, action=f"imported_{kind}",
                           reason=f"{len(rows)} rows")
        return len(rows)

    async def export_csv(self, principal: Principal, *, county_id: str, year: int,
                         kind: str) -> str:
        county_id = county_of(principal, county_id)
        columns = rules.columns_for(kind)
        table = negative_entries if kind == "negative" else items
        async with self.database.sessions() as session:
            catalogue = await find_catalogue(session, county_id, year)
            query = select(table).where(table.c.catalogue_id == catalogue.id)
            if kind != "negative":
                query = query.where(items.c.level == kind)
            rows = (await session.execute(query.order_by(table.c.position))).all()
        out = io.StringIO()
        extra = ("active", "retired_reason") if kind != "negative" else ()
        writer = csv.DictWriter(out, fieldnames=[*columns, *extra], lineterminator="\n")
        writer.writeheader()
        for row in rows:
            values = {c: getattr(row, c) or "" for c in (*columns, *extra)}
            if extra:
                values["active"] = "true" if row.active else "false"
            writer.writerow(values)
        return out.getvalue()


async def create_catalogue(session, county_id: str, year: int, based_on: str | None, *,
                           status: str) -> str:
    catalogue_id, now = dbmod.new_id(), dbmod.utcnow()
    await session.execute(catalogues.insert().values(
        id=catalogue_id, county_id=county_id, year=year, based_on_id=based_on, revision=1,
        created_at=now, status=status, published_at=now if status == rules.PUBLISHED else None))
    return catalogue_id


async def _write_rows(session, table, kind, catalogue_id, columns, rows, existing, base) -> None:
    inserts = []
    for offset, row in enumerate(rows):
        values = {c: row.get(c, "") for c in columns}
        if kind != "negative":
            values.update(level=kind, parent_code=values["parent_code"] or None,
                          active=rules.is_active(row.get("active")))
        if row["code"] in existing:
            await session.execute(update(table).where(
                table.c.catalogue_id == catalogue_id, table.c.code == row["code"]).values(**values))
        else:
            inserts.append({**values, "catalogue_id": catalogue_id, "position": base + offset})
    if inserts:
        await session.execute(table.insert(), inserts)


async def catalogue_proto(session, row) -> pb.Catalogue:
    counts = dict((await session.execute(select(items.c.level, func.count()).where(
        items.c.catalogue_id == row.id, items.c.active.is_(True)).group_by(items.c.level))).all())
    negatives = await session.scalar(select(func.count()).select_from(negative_entries).where(
        negative_entries.c.catalogue_id == row.id))
    return pb.Catalogue(id=row.id, county_id=row.county_id, year=row.year,
                        based_on_id=row.based_on_id or "", revision=row.revision,
                        village_items=counts.get("village", 0), town_items=counts.get("town", 0),
                        negative_entries=negatives or 0, created_at=timestamp(row.created_at),
                        status=row.status, published_at=timestamp(row.published_at))
