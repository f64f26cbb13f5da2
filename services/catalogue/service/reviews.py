"""Compliance reviews of emergencies dispatched under OTHER, and the quotas of tasks per village."""
from __future__ import annotations

from sqlalchemy import delete, select, update

from services.catalogue import rules
from services.catalogue.models import compliance_reviews, quotas
from services.catalogue.service.common import county_of, require_manager, text, timestamp
from shared import db as dbmod
from shared.auth import ADMIN, COUNTY_STAFF, DEPUTY_SECRETARY, Principal
from shared.errors import NotFound
from shared.paging import next_page_token, page_window
from zhili.catalogue.v1 import catalogue_pb2 as pb
from zhili.catalogue.v1 import events_pb2 as events

REVIEWERS = (DEPUTY_SECRETARY, COUNTY_STAFF, ADMIN)


class ReviewUseCases:
    async def list_compliance_reviews(self, principal: Principal,
                                      request: pb.ListComplianceReviewsRequest):
        offset, limit = page_window(request.page.page_size, request.page.page_token)
        root = request.issuer_org_id or principal.scope_org_id
        principal.require_visible(root)
        query = select(compliance_reviews).where(
            compliance_reviews.c.issuer_org_id.startswith(root, autoescape=True))
        if request.status:
            query = query.where(compliance_reviews.c.status == request.status)
        async with self.database.sessions() as session:
            rows = (await session.execute(query.order_by(compliance_reviews.c.id)
                                          .offset(offset).limit(limit + 1))).all()
        return [_review_proto(r) for r in rows[:limit]], next_page_token(offset, limit, len(rows))

    async def get_compliance_review(self, principal: Principal, *,
                                    review_id: str) -> pb.ComplianceReview:
        async with self.database.sessions() as session:
            return _review_proto(await _visible_review(session, principal, review_id))

    async def close_compliance_review(self, tx, principal: Principal,
                                      request: pb.CloseComplianceReviewRequest
                                      ) -> pb.ComplianceReview:
        principal.require_writer()
        principal.require_role(*REVIEWERS)
        row = await _visible_review(tx.session, principal, request.id)
        note = text(request.note, "note", 2000)
        status = rules.close_compliance(row.status, request.outcome, note)
        await tx.session.execute(update(compliance_reviews).where(
            compliance_reviews.c.id == row.id).values(
            status=status, outcome=request.outcome, note=note, closed_by=principal.subject,
            closed_at=dbmod.utcnow()))
        await tx.audit(entity="compliance_review", entity_id=row.id, action="closed",
                       from_state=row.status, to_state=request.outcome, reason=note)
        tx.emit("catalogue.compliance_review.closed", events.ComplianceReviewClosed(
            review_id=row.id, task_id=row.task_id, issuer_org_id=row.issuer_org_id,
            outcome=request.outcome, note=note))
        return _review_proto(await _visible_review(tx.session, principal, row.id))

    async def list_quotas(self, principal: Principal, *, county_id: str) -> list[pb.Quota]:
        county_id = county_of(principal, county_id)
        async with self.database.sessions() as session:
            rows = (await session.execute(select(quotas).where(quotas.c.county_id == county_id)
                                          .order_by(quotas.c.village_id, quotas.c.issuer_org_id,
                                                    quotas.c.period))).all()
        return [_quota_proto(r) for r in rows]

    async def set_quota(self, tx, principal: Principal, request: pb.SetQuotaRequest) -> pb.Quota:
        """Create or change the limit for one (village, office, period) scope."""
        require_manager(principal)
        quota = request.quota
        county_id = county_of(principal, quota.county_id)
        rules.validate_quota(quota.village_id, quota.issuer_org_id, quota.period, quota.max_tasks,
                             county_id)
        scope = (quotas.c.county_id == county_id, quotas.c.village_id == quota.village_id,
                 quotas.c.issuer_org_id == quota.issuer_org_id, quotas.c.period == quota.period)
        quota_id = await tx.session.scalar(select(quotas.c.id).where(*scope))
        if quota_id:
            await tx.session.execute(update(quotas).where(quotas.c.id == quota_id).values(
                max_tasks=quota.max_tasks))
        else:
            quota_id = dbmod.new_id()
            await tx.session.execute(quotas.insert().values(
                id=quota_id, county_id=county_id, village_id=quota.village_id,
                issuer_org_id=quota.issuer_org_id, period=quota.period,
                max_tasks=quota.max_tasks))
        await tx.audit(entity="quota", entity_id=quota_id, action="set",
                       to_state=str(quota.max_tasks),
                       reason=f"{quota.village_id or '*'}/{quota.issuer_org_id or '*'}/{quota.period}")
        row = (await tx.session.execute(select(quotas).where(quotas.c.id == quota_id))).first()
        return _quota_proto(row)

    async def delete_quota(self, tx, principal: Principal,
                           request: pb.DeleteQuotaRequest) -> pb.DeleteQuotaResponse:
        require_manager(principal)
        row = (await tx.session.execute(select(quotas).where(quotas.c.id == request.id))).first()
        if row is None or row.county_id != principal.org_id[:6]:
            raise NotFound("配额不存在", "Quota not found", code="QUOTA_NOT_FOUND", field="id")
        await tx.session.execute(delete(quotas).where(quotas.c.id == row.id))
        await tx.audit(entity="quota", entity_id=row.id, action="deleted",
                       from_state=str(row.max_tasks))
        return pb.DeleteQuotaResponse()


async def _visible_review(session, principal: Principal, review_id: str):
    row = (await session.execute(select(compliance_reviews).where(
        compliance_reviews.c.id == review_id))).first()
    if row is None or not principal.can_see(row.issuer_org_id):
        raise NotFound("合规审查不存在", "Compliance review not found",
                       code="COMPLIANCE_REVIEW_NOT_FOUND", field="id")
    return row


def _review_proto(row) -> pb.ComplianceReview:
    return pb.ComplianceReview(
        id=row.id, screening_id=row.screening_id, task_id=row.task_id,
        issuer_org_id=row.issuer_org_id, title=row.title, status=row.status,
        outcome=row.outcome, note=row.note, closed_by=row.closed_by,
        opened_at=timestamp(row.opened_at), closed_at=timestamp(row.closed_at),
        target_org_ids=[o for o in row.target_org_ids.split(",") if o])


def _quota_proto(row) -> pb.Quota:
    return pb.Quota(id=row.id, county_id=row.county_id, village_id=row.village_id,
                    issuer_org_id=row.issuer_org_id, period=row.period, max_tasks=row.max_tasks)
