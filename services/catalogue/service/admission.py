"""Admission reviews: a department proposes an item, towns comment, the review group admits or rejects."""
from __future__ import annotations

import json

from sqlalchemy import select, update

from services.catalogue import rules
from services.catalogue.models import admission_reviews, catalogues, items, town_comments
from services.catalogue.service.catalogues import bump_revision
from services.catalogue.service.common import (county_of, dumps, find_catalogue, require_manager,
                                               text, timestamp)
from shared import db as dbmod
from shared.auth import DEPUTY_SECRETARY, TOWN_LEADER, Principal
from shared.errors import Conflict, InvalidArgument, NotFound
from shared.paging import next_page_token, page_window
from zhili.catalogue.v1 import catalogue_pb2 as pb
from zhili.catalogue.v1 import events_pb2 as events

ITEM_FIELDS = ("code", "level", "category", "name", "description", "basis", "department", "kind",
               "parent_code")


class AdmissionUseCases:
    async def propose_item(self, tx, principal: Principal,
                           request: pb.ProposeItemRequest) -> pb.AdmissionReview:
        require_manager(principal)
        county_id = county_of(principal, request.county_id)
        catalogue = await find_catalogue(tx.session, county_id, request.year)
        item = {f: getattr(request.item, f).strip() for f in ITEM_FIELDS}
        errors = rules.validate_rows(item["level"] or "?", list(ITEM_FIELDS), [item], set(
            (await tx.session.execute(select(items.c.code).where(
                items.c.catalogue_id == catalogue.id))).scalars()))
        if item["level"] not in ("village", "town"):
            raise InvalidArgument("层级应为 village 或 town", "level must be village or town",
                                  field="item.level")
        if errors:
            first = errors[0]
            raise InvalidArgument(first.message, f"Invalid item {first.field}",
                                  field=f"item.{first.field}")
        taken = await tx.session.scalar(select(items.c.code).where(
            items.c.catalogue_id == catalogue.id, items.c.code == item["code"]))
        if taken:
            raise Conflict(f"事项编码{item['code']}已在清单中", "The code is already in the catalogue",
                           code="ITEM_EXISTS", field="item.code")
        review_id = dbmod.new_id()
        await tx.session.execute(admission_reviews.insert().values(
            id=review_id, catalogue_id=catalogue.id, item=dumps(item),
            required_by_law=request.required_by_law,
            customary_assistance=request.customary_assistance,
            within_village_capacity=request.within_village_capacity,
            justification=text(request.justification, "justification", 2000),
            proposed_by=principal.subject, status=rules.OPEN, proposed_at=dbmod.utcnow()))
        await tx.audit(entity="admission_review", entity_id=review_id, action="proposed",
                       to_state=rules.OPEN, reason=item["name"])
        return await _review_proto(tx.session, review_id)

    async def comment_review(self, tx, principal: Principal,
                             request: pb.CommentAdmissionReviewRequest) -> pb.AdmissionReview:
        """Towns are consulted: a town leader or deputy secretary records the town's view."""
        principal.require_writer()
        principal.require_role(TOWN_LEADER, DEPUTY_SECRETARY)
        row = await _review_row(tx.session, principal, request.id)
        if row.status != rules.OPEN:
            raise Conflict("该准入审查已作出决定", "This admission review is already decided",
                           code="INVALID_TRANSITION")
        await tx.session.execute(town_comments.insert().values(
            id=dbmod.new_id(), review_id=row.id, town_id=principal.org_id[:9],
            author_id=principal.subject,
            comment=text(request.comment, "comment", 2000, required=True), at=dbmod.utcnow()))
        await tx.audit(entity="admission_review", entity_id=row.id, action="town_commented")
        return await _review_proto(tx.session, row.id)

    async def decide_review(self, tx, principal: Principal,
                            request: pb.DecideAdmissionReviewRequest) -> pb.AdmissionReview:
        require_manager(principal)
        row = await _review_row(tx.session, principal, request.id)
        criteria = rules.criteria_met(row.required_by_law, row.customary_assistance,
                                      row.within_village_capacity)
        status = rules.decide_admission(row.status, request.decision, criteria)
        await tx.session.execute(update(admission_reviews).where(
            admission_reviews.c.id == row.id).values(
            status=status, decision_note=text(request.note, "note", 2000),
            decided_by=principal.subject, decided_at=dbmod.utcnow()))
        await tx.audit(entity="admission_review", entity_id=row.id, action="decided",
                       from_state=rules.OPEN, to_state=status, reason=request.note)
        if status == rules.ADMITTED:
            item = json.loads(row.item)
            taken = await tx.session.scalar(select(items.c.code).where(
                items.c.catalogue_id == row.catalogue_id, items.c.code == item["code"]))
            if taken:
                raise Conflict(f"事项编码{item['code']}已在清单中", "The code is already taken",
                               code="ITEM_EXISTS")
            position = 1_000_000 + int(dbmod.utcnow().timestamp())
            await tx.session.execute(items.insert().values(
                catalogue_id=row.catalogue_id, **{**item, "parent_code": item["parent_code"] or None},
                active=True, admission_review_id=row.id, position=position))
            await bump_revision(tx.session, row.catalogue_id)
            catalogue = (await tx.session.execute(select(catalogues).where(
                catalogues.c.id == row.catalogue_id))).first()
            tx.emit("catalogue.item.admitted", events.ItemAdmitted(
                county_id=catalogue.county_id, year=catalogue.year, code=item["code"],
                level=item["level"], name=item["name"], admission_review_id=row.id))
        return await _review_proto(tx.session, row.id)

    async def get_review(self, principal: Principal, *, review_id: str) -> pb.AdmissionReview:
        async with self.database.sessions() as session:
            row = await _review_row(session, principal, review_id)
            return await _review_proto(session, row.id)

    async def list_reviews(self, principal: Principal, request: pb.ListAdmissionReviewsRequest):
        county_id = county_of(principal, request.county_id)
        offset, limit = page_window(request.page.page_size, request.page.page_token)
        async with self.database.sessions() as session:
            catalogue = await find_catalogue(session, county_id, request.year)
            query = select(admission_reviews.c.id).where(
                admission_reviews.c.catalogue_id == catalogue.id)
            if request.status:
                query = query.where(admission_reviews.c.status == request.status)
            ids = list((await session.execute(query.order_by(admission_reviews.c.id)
                                              .offset(offset).limit(limit + 1))).scalars())
            found = [await _review_proto(session, i) for i in ids[:limit]]
        return found, next_page_token(offset, limit, len(ids))


async def _review_row(session, principal: Principal, review_id: str):
    row = (await session.execute(select(admission_reviews, catalogues.c.county_id).join(
        catalogues, catalogues.c.id == admission_reviews.c.catalogue_id).where(
        admission_reviews.c.id == review_id))).first()
    if row is None or row.county_id != principal.org_id[:6]:
        raise NotFound("准入审查不存在", "Admission review not found",
                       code="ADMISSION_REVIEW_NOT_FOUND", field="id")
    return row


async def _review_proto(session, review_id: str) -> pb.AdmissionReview:
    row = (await session.execute(select(admission_reviews, catalogues.c.county_id,
                                        catalogues.c.year).join(
        catalogues, catalogues.c.id == admission_reviews.c.catalogue_id).where(
        admission_reviews.c.id == review_id))).first()
    comments = (await session.execute(select(town_comments).where(
        town_comments.c.review_id == review_id).order_by(town_comments.c.at))).all()
    item = json.loads(row.item)
    return pb.AdmissionReview(
        id=row.id, county_id=row.county_id, year=row.year,
        item=pb.Item(**item, county_id=row.county_id, year=row.year, active=True),
        required_by_law=row.required_by_law, customary_assistance=row.customary_assistance,
        within_village_capacity=row.within_village_capacity, justification=row.justification,
        proposed_by=row.proposed_by, status=row.status, decision_note=row.decision_note,
        decided_by=row.decided_by, proposed_at=timestamp(row.proposed_at),
        decided_at=timestamp(row.decided_at),
        town_comments=[pb.TownComment(town_id=c.town_id, author_id=c.author_id,
                                      comment=c.comment, at=timestamp(c.at)) for c in comments])
