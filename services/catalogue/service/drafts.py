"""Draft versions: editing and deleting single items while a year's catalogue is prepared, publishing it."""
from __future__ import annotations

import json

from sqlalchemy import delete, func, select, update

from services.catalogue import rules
from services.catalogue.models import catalogues, items
from services.catalogue.service.catalogues import bump_revision, catalogue_proto
from services.catalogue.service.common import (county_of, dumps, find_catalogue, find_item,
                                               item_proto, require_manager)
from shared import db as dbmod
from shared.auth import Principal
from shared.errors import Conflict
from zhili.catalogue.v1 import catalogue_pb2 as pb
from zhili.catalogue.v1 import events_pb2 as events


class DraftUseCases:
    async def update_item(self, tx, principal: Principal, request: pb.UpdateItemRequest) -> pb.Item:
        """PATCH of one item of a draft version; the code stays (delete and add to rename)."""
        require_manager(principal)
        county_id = county_of(principal, request.county_id)
        catalogue = await _draft_catalogue(tx.session, county_id, request.year)
        row = await find_item(tx.session, catalogue.id, request.code)
        parents = {code: parent or "" for code, parent in (await tx.session.execute(
            select(items.c.code, items.c.parent_code).where(
                items.c.catalogue_id == catalogue.id))).all()}
        requested = {f: getattr(request.item, f) for f in dict.fromkeys(request.update_fields)}
        current = {f: getattr(row, f) or "" for f in rules.EDITABLE_FIELDS}
        changes = rules.item_changes(row.code, current, requested, parents)
        entity_id = f"{county_id}/{catalogue.year}/{row.code}"
        if changes:
            await tx.session.execute(update(items).where(
                items.c.catalogue_id == catalogue.id, items.c.code == row.code).values(
                **{f: (v or None) if f == "parent_code" else v for f, v in changes.items()}))
            await bump_revision(tx.session, catalogue.id)
            await tx.audit(entity="item", entity_id=entity_id, action="updated",
                           from_state=rules.DRAFT, to_state=rules.DRAFT, reason=dumps(
                               {f: [current[f], v] for f, v in changes.items()}))
            updated = await find_item(tx.session, catalogue.id, row.code)
            tx.emit("catalogue.item.updated", events.ItemUpdated(
                county_id=county_id, year=catalogue.year, code=row.code, level=updated.level,
                name=updated.name, changed_fields=sorted(changes)))
        return item_proto(await find_item(tx.session, catalogue.id, row.code), county_id,
                          catalogue.year)

    async def delete_item(self, tx, principal: Principal,
                          request: pb.DeleteItemRequest) -> pb.DeleteItemResponse:
        """Remove an item from a draft version; the audit trail keeps what it was."""
        require_manager(principal)
        county_id = county_of(principal, request.county_id)
        catalogue = await _draft_catalogue(tx.session, county_id, request.year)
        row = await find_item(tx.session, catalogue.id, request.code)
        children = list((await tx.session.execute(select(items.c.code).where(
            items.c.catalogue_id == catalogue.id, items.c.parent_code == row.code)
            .order_by(items.c.code))).scalars())
        if children:
            raise Conflict(f"事项{row.code}下还有子事项：{'、'.join(children)}，请先删除或改挂",
                           f"Item {row.code} still has children: {', '.join(children)}",
                           code="ITEM_HAS_CHILDREN", field="code")
        await tx.session.execute(delete(items).where(
            items.c.catalogue_id == catalogue.id, items.c.code == row.code))
        await bump_revision(tx.session, catalogue.id)
        kept = {f: getattr(row, f) or "" for f in ("code", *rules.EDITABLE_FIELDS)}
        await tx.audit(entity="item", entity_id=f"{county_id}/{catalogue.year}/{row.code}",
                       action="deleted", from_state=rules.DRAFT, to_state="deleted",
                       reason=json.dumps(kept, ensure_ascii=False))
        tx.emit("catalogue.item.deleted", events.ItemDeleted(
            county_id=county_id, year=catalogue.year, code=row.code, name=row.name))
        return pb.DeleteItemResponse()

    async def publish_version(self, tx, principal: Principal,
                              request: pb.PublishCatalogueVersionRequest) -> pb.Catalogue:
        """A draft comes into force: from now on it changes only by admission and retirement."""
        require_manager(principal)
        county_id = county_of(principal, request.county_id)
        catalogue = await find_catalogue(tx.session, county_id, request.year)
        if catalogue.status != rules.DRAFT:
            raise Conflict(f"{catalogue.year}年度清单已发布", f"The {catalogue.year} catalogue is "
                           "already published", code="INVALID_TRANSITION", field="year")
        active = await tx.session.scalar(select(func.count()).select_from(items).where(
            items.c.catalogue_id == catalogue.id, items.c.active.is_(True)))
        if not active:
            raise Conflict("清单没有任何有效事项，不能发布", "A catalogue without items cannot be published",
                           code="CATALOGUE_EMPTY", field="year")
        await tx.session.execute(update(catalogues).where(catalogues.c.id == catalogue.id).values(
            status=rules.PUBLISHED, published_at=dbmod.utcnow()))
        await tx.audit(entity="catalogue", entity_id=catalogue.id, action="published",
                       from_state=rules.DRAFT, to_state=rules.PUBLISHED,
                       reason=f"{county_id}/{catalogue.year}")
        row = (await tx.session.execute(select(catalogues).where(
            catalogues.c.id == catalogue.id))).first()
        published = await catalogue_proto(tx.session, row)
        tx.emit("catalogue.version.published", events.CatalogueVersionPublished(
            catalogue_id=row.id, county_id=county_id, year=row.year,
            village_items=published.village_items, town_items=published.town_items))
        return published


async def _draft_catalogue(session, county_id: str, year: int):
    catalogue = await find_catalogue(session, county_id, year)
    if catalogue.status != rules.DRAFT:
        raise Conflict(f"{catalogue.year}年度清单已发布，事项只能经准入审查增加、以退出清单移除",
                       f"The {catalogue.year} catalogue is published: items change only through "
                       "admission reviews and retirement", code="CATALOGUE_PUBLISHED", field="year")
    return catalogue
