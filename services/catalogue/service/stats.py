"""Screening statistics: per reason, per issuing office, per month; share rejected; compliance;
the villages' ratings (service/ratings.py)."""
from __future__ import annotations

import re

from sqlalchemy import case, func, select

from services.catalogue.models import compliance_reviews, screening_reasons, screenings
from services.catalogue.service.common import county_of
from shared.auth import Principal
from shared.errors import InvalidArgument
from zhili.catalogue.v1 import catalogue_pb2 as pb

_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class StatisticsUseCases:
    async def statistics(self, principal: Principal,
                         request: pb.GetStatisticsRequest) -> pb.Statistics:
        county_id = county_of(principal, request.county_id)
        root = request.issuer_org_id or principal.scope_org_id
        principal.require_visible(root)
        conditions = [screenings.c.county_id == county_id,
                      screenings.c.issuer_org_id.startswith(root, autoescape=True)]
        for value, field, op in ((request.from_month, "from_month", "ge"),
                                 (request.to_month, "to_month", "le")):
            if value:
                if not _MONTH.match(value):
                    raise InvalidArgument("月份格式应为YYYY-MM", "Months are YYYY-MM", field=field)
                conditions.append(getattr(screenings.c.month, f"__{op}__")(value))
        rejected = func.sum(case((screenings.c.decision == "rejected", 1), else_=0))
        async with self.database.sessions() as session:
            totals = dict((await session.execute(select(screenings.c.decision, func.count())
                                                 .where(*conditions)
                                                 .group_by(screenings.c.decision))).all())

            async def grouped(column, joined=False):
                query = select(column, func.count(), rejected).where(*conditions)
                if joined:
                    query = query.select_from(screenings.join(screening_reasons))
                rows = (await session.execute(query.group_by(column).order_by(column))).all()
                return [pb.Count(key=k, screenings=n, rejected=r or 0) for k, n, r in rows]

            by_reason = await grouped(screening_reasons.c.code, joined=True)
            by_issuer = await grouped(screenings.c.issuer_org_id)
            by_month = await grouped(screenings.c.month)
            review_filter = [compliance_reviews.c.county_id == county_id,
                             compliance_reviews.c.issuer_org_id.startswith(root, autoescape=True)]
            reviews = (await session.execute(select(
                compliance_reviews.c.issuer_org_id, compliance_reviews.c.status,
                compliance_reviews.c.outcome, func.count()).where(*review_filter).group_by(
                compliance_reviews.c.issuer_org_id, compliance_reviews.c.status,
                compliance_reviews.c.outcome))).all()
            rated = await self.rating_statistics(session, county_id, root, request.from_month,
                                                 request.to_month)
        total = sum(totals.values())
        per_issuer: dict[str, pb.IssuerCompliance] = {}
        for issuer, status, outcome, count in reviews:
            entry = per_issuer.setdefault(issuer, pb.IssuerCompliance(issuer_org_id=issuer))
            if status == "open":
                entry.open += count
            elif outcome == "compliant":
                entry.compliant += count
            else:
                entry.non_compliant += count
        return pb.Statistics(
            screenings=total, accepted=totals.get("accepted", 0),
            rejected=totals.get("rejected", 0), needs_review=totals.get("needs_review", 0),
            rejected_share=round(totals.get("rejected", 0) / total, 4) if total else 0.0,
            by_reason=by_reason, by_issuer=by_issuer, by_month=by_month,
            compliance_open=sum(e.open for e in per_issuer.values()),
            compliance_closed=sum(e.compliant + e.non_compliant for e in per_issuer.values()),
            compliance_by_issuer=[per_issuer[k] for k in sorted(per_issuer)], ratings=rated)
