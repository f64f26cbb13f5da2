"""Reads: one petition, lists (reports, open by deadline, 督办), timeline, statistics."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select

from services.petitions import domain
from services.petitions.models import petitions, timeline
from services.petitions.service import rows
from shared import db as dbmod
from shared.auth import Principal
from shared.errors import InvalidArgument
from shared.paging import next_page_token, page_window
from shared.workdays import LOCAL_TZ
from zhili.petitions.v1 import petitions_pb2 as pb

VIEWS = ("all", "reported_by_me", "open", "supervision")


async def get(service, principal: Principal, petition_id: str) -> pb.Petition:
    async with service.database.sessions() as session:
        row = await rows.load(session, principal, petition_id)
        return await rows.to_proto(session, row, principal)


async def list_petitions(service, principal: Principal, request: pb.ListPetitionsRequest):
    view = request.view or "all"
    if view not in VIEWS:
        raise InvalidArgument(f"视图应为{'/'.join(VIEWS)}", "Unknown view", field="view")
    if request.status and request.status not in domain.STATUSES:
        raise InvalidArgument("状态无效", "Unknown status", field="status")
    offset, limit = page_window(request.page.page_size, request.page.page_token)
    query = select(petitions).where(rows.visible_clause(principal))
    if request.org_id:
        principal.require_visible(request.org_id)
        query = query.where(petitions.c.origin_org_id.startswith(request.org_id, autoescape=True))
    if request.status:
        query = query.where(petitions.c.status == request.status)
    if request.category_code:
        query = query.where(petitions.c.category_code == request.category_code)
    if view == "reported_by_me":
        query = query.where(petitions.c.reporter_id == principal.subject)
    if view in ("open", "supervision"):
        query = query.where(petitions.c.status.in_(domain.OPEN_STATUSES))
    if view == "supervision":
        query = query.where(petitions.c.overdue_at.is_not(None))
    if view in ("open", "supervision"):  # nearest deadline first; paused clocks last
        query = query.order_by(petitions.c.due_at.is_(None), petitions.c.due_at, petitions.c.id)
    else:
        query = query.order_by(petitions.c.id.desc())
    async with service.database.sessions() as session:
        found = (await session.execute(query.offset(offset).limit(limit + 1))).all()
        protos = [await rows.to_proto(session, row, principal) for row in found[:limit]]
    return protos, next_page_token(offset, limit, len(found))


async def get_timeline(service, principal: Principal, petition_id: str) -> pb.Timeline:
    async with service.database.sessions() as session:
        await rows.load(session, principal, petition_id)
        entries = (await session.execute(select(timeline).where(
            timeline.c.petition_id == petition_id).order_by(timeline.c.at, timeline.c.id))).all()
    return pb.Timeline(petition_id=petition_id, entries=[pb.TimelineEntry(
        id=e.id, at=rows.stamp(e.at), action=e.action, actor_id=e.actor_id,
        actor_name=e.actor_name, from_status=e.from_status, to_status=e.to_status,
        from_org_id=e.from_org_id, to_org_id=e.to_org_id, level=e.level, reason=e.reason,
        note=e.note) for e in entries])


def _day(text: str, field: str) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(0), tzinfo=LOCAL_TZ)
    except ValueError:
        raise InvalidArgument("日期应为YYYY-MM-DD", f"{field} must be YYYY-MM-DD", field=field) from None


async def statistics(service, principal: Principal, request: pb.GetStatisticsRequest) -> pb.Statistics:
    """Counted in Python over the caller's petitions: fine for a county's volume (tens of thousands)."""
    query = select(petitions).where(rows.visible_clause(principal))
    if request.org_id:
        principal.require_visible(request.org_id)
        query = query.where(petitions.c.origin_org_id.startswith(request.org_id, autoescape=True))
    start, end = _day(request.from_date, "from_date"), _day(request.to_date, "to_date")
    if start:
        query = query.where(petitions.c.received_at >= start.astimezone(dt.UTC))
    if end:
        query = query.where(petitions.c.received_at < (end + dt.timedelta(days=1)).astimezone(dt.UTC))
    async with service.database.sessions() as session:
        found = (await session.execute(query)).all()
    by_category, by_level = defaultdict(list), defaultdict(list)
    for row in found:
        by_category[row.category_code].append(row)
        by_level[row.resolved_level or row.level].append(row)
    names = {row.category_code: row.category_name for row in found}
    return pb.Statistics(
        overall=_row("all", "全部", found),
        by_category=[_row(code, names[code], group) for code, group in sorted(by_category.items())],
        by_level=[_row(level, level, by_level[level]) for level in domain.LEVELS if level in by_level])


def _row(key: str, name: str, group: list) -> pb.StatisticsRow:
    declined = sum(r.status == "declined" for r in group)
    closed = sum(r.status == "closed" for r in group)
    resolved = [r for r in group if r.resolved_at is not None]
    rated = [r for r in group if r.satisfaction]  # the latest 回访 of each petition
    pleased = sum(r.satisfaction in ("satisfied", "basically_satisfied") for r in rated)
    hours = [(dbmod.as_utc(r.resolved_at) - dbmod.as_utc(r.received_at)).total_seconds() / 3600
             for r in resolved]
    counted = len(group) - declined
    return pb.StatisticsRow(
        key=key, name=name, total=len(group), declined=declined, closed=closed,
        open=sum(r.status in domain.OPEN_STATUSES for r in group), resolved=len(resolved),
        overdue=sum(r.overdue_at is not None for r in group),
        closure_rate=round(closed / counted, 4) if counted else 0.0,
        satisfaction_rate=round(pleased / len(rated), 4) if rated else 0.0,
        average_hours_to_resolve=round(sum(hours) / len(hours), 2) if hours else 0.0,
        resolved_at_village_share=_share(resolved, "village"),
        resolved_at_town_share=_share(resolved, "town"))


def _share(resolved: list, level: str) -> float:
    return round(sum(r.resolved_level == level for r in resolved) / len(resolved), 4) if resolved else 0.0
