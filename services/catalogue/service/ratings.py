"""由下对上评: the villages' ratings of dispatched tasks (tasks.assignment.rated) and their statistics."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import String, case, false, func, select

from services.catalogue import rules
from services.catalogue.models import catalogues, dispatches, items, ratings
from services.catalogue.service.common import CHINA
from shared import db as dbmod
from shared.errors import InvalidArgument
from zhili.catalogue.v1 import catalogue_pb2 as pb
from zhili.tasks.v1 import events_pb2 as task_events

BURDENS = ("light", "moderate", "heavy")


def rating_issuer():
    """The office a rating judges: the task's issuing office if its dispatch is known, else its town.

    Joined at read time, so a rating consumed before its dispatch is attributed correctly as soon
    as the dispatch arrives (the two subjects are consumed by different durables, in any order)."""
    return func.coalesce(dispatches.c.issuer_org_id, ratings.c.town_id, type_=String(32))


class RatingUseCases:
    async def record_rating(self, tx, event: task_events.AssignmentRated) -> None:
        """Handler of tasks.assignment.rated: keep the first rating of each assignment."""
        facts = event.assignment
        if not facts.assignment_id:
            raise InvalidArgument("评价事件缺少派单编号", "rating event without assignment_id",
                                  field="assignment_id")
        known = await tx.session.scalar(select(ratings.c.assignment_id).where(
            ratings.c.assignment_id == facts.assignment_id))
        if known is not None:  # the tasks service refuses a second rating: this is a replay
            return
        when = (event.rated_at.ToDatetime(dt.UTC) if event.rated_at.seconds else dbmod.utcnow())
        place = facts.village_id or facts.town_id
        await tx.session.execute(ratings.insert().values(
            assignment_id=facts.assignment_id, task_id=facts.task_id,
            matter_code=facts.matter_code[:40], county_id=place[:6], town_id=facts.town_id,
            village_id=facts.village_id, month=rules.month_of(when.astimezone(CHINA)),
            reasonable=event.reasonable, burden=event.burden if event.burden in BURDENS else "",
            comment=event.comment, rated_at=when, recorded_at=dbmod.utcnow()))

    async def rating_statistics(self, session, county_id: str, root: str, from_month: str,
                                to_month: str) -> pb.RatingStatistics:
        issuer = rating_issuer()
        conditions = [ratings.c.county_id == county_id, issuer.startswith(root, autoescape=True)]
        if from_month:
            conditions.append(ratings.c.month >= from_month)
        if to_month:
            conditions.append(ratings.c.month <= to_month)
        measures = [func.count(), func.sum(case((ratings.c.reasonable == false(), 1), else_=0))]
        measures += [func.sum(case((ratings.c.burden == b, 1), else_=0)) for b in BURDENS]
        joined = ratings.outerjoin(dispatches, dispatches.c.task_id == ratings.c.task_id)

        async def grouped(column) -> list[pb.RatingCount]:
            rows = (await session.execute(select(column, *measures).select_from(joined)
                                          .where(*conditions).group_by(column)
                                          .order_by(column))).all()
            return [_count(pb.RatingCount(key=key or ""), *values) for key, *values in rows]

        total = (await session.execute(select(*measures).select_from(joined)
                                       .where(*conditions))).one()
        by_matter = await grouped(ratings.c.matter_code)
        names = await _item_names(session, county_id, [c.key for c in by_matter if c.key])
        for entry in by_matter:
            entry.name = names.get(entry.key, "")
        return _count(pb.RatingStatistics(by_matter=by_matter, by_issuer=await grouped(issuer),
                                          by_month=await grouped(ratings.c.month)), *total)


def _count(message, count, unreasonable, light, moderate, heavy):
    count, unreasonable = count or 0, unreasonable or 0
    message.ratings = count
    message.unreasonable = unreasonable
    message.unreasonable_share = round(unreasonable / count, 4) if count else 0.0
    message.light, message.moderate, message.heavy = light or 0, moderate or 0, heavy or 0
    return message


async def _item_names(session, county_id: str, codes: list[str]) -> dict[str, str]:
    """Each code's name in the county's latest catalogue that has it (one query)."""
    if not codes:
        return {}
    rows = (await session.execute(
        select(items.c.code, items.c.name).select_from(items.join(catalogues))
        .where(catalogues.c.county_id == county_id, items.c.code.in_(codes))
        .order_by(catalogues.c.year))).all()
    return {code: name for code, name in rows}  # later years overwrite earlier ones
