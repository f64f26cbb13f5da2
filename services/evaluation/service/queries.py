"""Reads: a subject's score with its ledger, leaderboards, the dashboard, 领雁指数 and 雁阵."""
from __future__ import annotations

from sqlalchemy import func, select

from services.evaluation import domain, indices
from services.evaluation.models import (assignments, ledger_lines, petitions, secretaries,
                                        subject_stats, warnings)
from services.evaluation.service import access, names
from services.evaluation.service.boards import check_board, check_scope
from services.evaluation.service.ledger import CADRE, VILLAGE, changes, closed_months, rules_in_force
from shared import db as dbmod
from shared.auth import Principal
from shared.errors import NotFound
from shared.paging import next_page_token, page_window
from zhili.evaluation.v1 import evaluation_pb2 as pb


def _line(row) -> pb.LedgerLine:
    return pb.LedgerLine(
        id=row.id, month=row.month, event_month=row.event_month, component=row.component,
        points=domain.show(row.points), source_type=row.source_type, source_id=row.source_id,
        event_id=row.event_id, rule_version=row.rule_version, explanation=row.explanation,
        occurred_at=dbmod.as_utc(row.occurred_at).isoformat())


async def get_score(self, principal: Principal, *, subject_id: str, period: str,
                    page_size: int, page_token: str) -> pb.Score:
    chosen = domain.Period.parse(period)
    offset, limit = page_window(page_size, page_token)
    async with self.database.sessions() as session:
        known = (await session.execute(select(subject_stats).where(
            subject_stats.c.subject_id == subject_id).limit(1))).first()
        if known is None:
            raise NotFound("该对象还没有任何得分记录", "No score recorded for this subject",
                           code="SUBJECT_NOT_FOUND", field="subject_id")
        principal.require_visible(known.village_id)
        row = (await session.execute(select(subject_stats).where(
            subject_stats.c.subject_id == subject_id,
            subject_stats.c.period == str(chosen)))).mappings().first() or {}
        months = chosen.months()
        in_period = (ledger_lines.c.subject_id == subject_id) & ledger_lines.c.month.in_(months)
        components = dict((await session.execute(
            select(ledger_lines.c.component, func.sum(ledger_lines.c.points))
            .where(in_period).group_by(ledger_lines.c.component))).all())
        lines = (await session.execute(select(ledger_lines).where(in_period).order_by(
            ledger_lines.c.occurred_at, ledger_lines.c.id).offset(offset).limit(limit + 1))).all()
        frozen = set(months) <= await closed_months(session, known.village_id)
    return pb.Score(
        subject_id=subject_id, subject_type=known.subject_type, org_id=known.village_id,
        period=str(chosen), total=domain.show(sum(components.values())),
        components={k: domain.show(v) for k, v in components.items()},
        indicators=indices.shown(indices.indicators(row)),
        lines=[_line(r) for r in lines[:limit]],
        next_page_token=next_page_token(offset, limit, len(lines)), frozen=frozen)


def _entry(e, named: dict[str, str]) -> pb.LeaderboardEntry:
    return pb.LeaderboardEntry(
        rank=e.rank, subject_id=e.subject_id, org_id=e.village_id, value=domain.show(e.value),
        points=domain.show(e.points), indicators=e.indicators, previous_rank=e.previous_rank,
        movement=(e.previous_rank - e.rank) if e.previous_rank else 0,
        subject_name=named.get(e.subject_id, ""), org_name=named.get(e.village_id, ""))


async def _entries(self, entries) -> list[pb.LeaderboardEntry]:
    """Only the shown entries are named (a page), so a big board costs one small lookup."""
    async with self.database.sessions() as session:
        named = await names.lookup(session, {i for e in entries for i in (e.subject_id,
                                                                          e.village_id)})
    return [_entry(e, named) for e in entries]


async def leaderboard(self, principal: Principal, *, board: str, org_id: str, period: str,
                      page_size: int, page_token: str) -> pb.Leaderboard:
    check_board(board)
    access.org(org_id)
    check_scope(org_id, allow_village=board == "cadres")
    chosen = domain.Period.parse(period)
    access.require_board_reader(principal, org_id)
    offset, limit = page_window(page_size, page_token)
    ranked = await self.boards.ranked(board, org_id, chosen)
    page = ranked.entries[offset:offset + limit + 1]
    return pb.Leaderboard(
        board=board, org_id=org_id, period=str(chosen), previous_period=str(chosen.previous()),
        frozen=ranked.frozen, computed_at=ranked.computed_at, total=len(ranked.entries),
        entries=await _entries(self, page[:limit]),
        next_page_token=next_page_token(offset, limit, len(page)))


def _pct(part: int, whole: int) -> str:
    value = indices.rate(part, whole)
    return "" if value is None else str(value)


async def _grouped(session, table, columns, months, org_id) -> list:
    """(…columns, count) of the org's rows in the months: one scan, summed up in Python."""
    return (await session.execute(select(*columns, func.count()).where(
        table.c.month.in_(months), table.c.village_id.startswith(org_id))
        .group_by(*columns))).all()


def _tally(rows, key, keep=lambda row: True) -> dict[str, int]:
    totals: dict[str, int] = {}
    for row in rows:
        if keep(row):
            totals[key(row)] = totals.get(key(row), 0) + row[-1]
    return totals


# Dashboards kept per process; the oldest is dropped beyond this (a county has ~20 towns, ~300
# villages, a few periods each).
DASHBOARD_CACHE_SIZE = 2048


async def dashboard(self, principal: Principal, *, org_id: str, period: str) -> pb.Dashboard:
    access.org(org_id)
    principal.require_visible(org_id)
    chosen = domain.Period.parse(period)
    result = pb.Dashboard()
    result.CopyFrom(await _dashboard_counts(self, org_id, chosen))
    if len(org_id) in (6, 9):
        ranked = await self.boards.ranked("villages", org_id, chosen)
        top, bottom = ranked.entries[:5], ranked.entries[-5:][::-1]
        named = await _entries(self, top + bottom)  # one names lookup for both lists
        result.top_villages.extend(named[:len(top)])
        result.bottom_villages.extend(named[len(top):])
    return result


async def _dashboard_counts(self, org_id: str, chosen: domain.Period) -> pb.Dashboard:
    """The counts of a dashboard, scanned again only when an event changed something.

    Every event that changes assignments, petitions or warnings bumps the change counters in
    its own transaction (`ledger.touch`), so the same count means the same rows: a cached
    dashboard is exactly what a scan would give, in every replica. The count is read before the
    scans, so a change committed in between only makes the next read scan again.
    """
    key = (org_id, str(chosen))
    async with self.database.sessions() as session:
        version = await changes(session)
        cached = self.dashboard_counts.get(key)
        if cached is not None and cached[0] == version:
            return cached[1]
        counts = await _scan_dashboard(session, org_id, chosen)
    if len(self.dashboard_counts) >= DASHBOARD_CACHE_SIZE:
        self.dashboard_counts.pop(next(iter(self.dashboard_counts)))
    self.dashboard_counts[key] = (version, counts)
    return counts


async def _scan_dashboard(session, org_id: str, chosen: domain.Period) -> pb.Dashboard:
    months = chosen.months()
    task_rows = await _grouped(session, assignments, [assignments.c.state,
                                                      assignments.c.overdue], months, org_id)
    petition_rows = await _grouped(session, petitions, [
        petitions.c.level, petitions.c.status, petitions.c.resolved,
        petitions.c.resolved_level, petitions.c.satisfaction], months, org_id)
    raised = warnings.c.raised.is_(True)
    with_warnings = await session.scalar(select(func.count(
        warnings.c.procedure_id.distinct())).where(
        warnings.c.month.in_(months), warnings.c.village_id.startswith(org_id), raised,
        warnings.c.procedure_id != ""))
    open_warnings = await session.scalar(select(func.count()).where(
        warnings.c.month.in_(months), warnings.c.village_id.startswith(org_id), raised,
        warnings.c.resolved.is_(False)))
    tasks = _tally(task_rows, lambda row: row.state)
    overdue = sum(row[-1] for row in task_rows if row.overdue)
    by_level = _tally(petition_rows, lambda row: row.level)
    by_status = _tally(petition_rows, lambda row: row.status)
    resolved = _tally(petition_rows, lambda row: row.resolved_level, lambda row: bool(row.resolved))
    rated = _tally(petition_rows, lambda row: row.satisfaction, lambda row: row.satisfaction != "")
    total, done = sum(by_level.values()), sum(resolved.values())
    satisfied = rated.get("satisfied", 0) + rated.get("basically_satisfied", 0)
    return pb.Dashboard(
        org_id=org_id, period=str(chosen), tasks_by_status=tasks, tasks_total=sum(tasks.values()),
        tasks_overdue=overdue, petitions_by_level=by_level, petitions_by_status=by_status,
        petitions_total=total, resolve_rate=_pct(done, total),
        satisfaction_rate=_pct(satisfied, sum(rated.values())),
        resolved_in_village_share=_pct(resolved.get("village", 0), done),
        resolved_in_town_share=_pct(resolved.get("town", 0), done),
        resolved_in_county_share=_pct(resolved.get("county", 0), done),
        procedures_with_warnings=with_warnings or 0, open_warnings=open_warnings or 0)


async def _stats(session, subject_type: str, subject_id: str, period: str) -> dict:
    row = (await session.execute(select(subject_stats).where(
        subject_stats.c.subject_type == subject_type, subject_stats.c.subject_id == subject_id,
        subject_stats.c.period == period))).mappings().first()
    return dict(row) if row else {}


async def lingyan(self, principal: Principal, *, village_id: str, period: str) -> pb.LingyanIndex:
    access.org(village_id, field="village_id", sizes=(12,))
    principal.require_visible(village_id)
    chosen = domain.Period.parse(period)
    async with self.database.sessions() as session:
        counters = await _stats(session, VILLAGE, village_id, str(chosen))
        secretary = await session.scalar(select(secretaries.c.person_id).where(
            secretaries.c.village_id == village_id)) or ""
        if secretary:  # 民主测评 of the secretary counts for 群众口碑
            own = await _stats(session, CADRE, secretary, str(chosen))
            for name in ("democratic_sum", "democratic_count"):
                counters[name] = counters.get(name, 0) + own.get(name, 0)
        label, rules = await rules_in_force(session, village_id, chosen.months()[0])
    index, dimensions = indices.lingyan(counters, rules["lingyan"])
    return pb.LingyanIndex(
        village_id=village_id, secretary_id=secretary, period=str(chosen), index=str(index),
        rule_version=label, dimensions=[pb.Dimension(
            code=d.code, name=indices.DIMENSION_NAMES[d.code], weight=str(d.weight),
            score="" if d.score is None else str(d.score),
            indicators=[pb.Indicator(code=code, name=indices.INDICATOR_NAMES[code],
                                     value="" if value is None else str(value), raw=raw)
                        for code, value, raw in d.parts]) for d in dimensions])


async def yanzhen(self, principal: Principal, *, village_id: str, period: str) -> pb.Yanzhen:
    access.org(village_id, field="village_id", sizes=(12,))
    principal.require_visible(village_id)
    chosen = domain.Period.parse(period)
    async with self.database.sessions() as session:
        rows = (await session.execute(select(subject_stats).where(
            subject_stats.c.subject_type == CADRE, subject_stats.c.village_id == village_id,
            subject_stats.c.period == str(chosen)))).mappings().all()
        secretary = await session.scalar(select(secretaries.c.person_id).where(
            secretaries.c.village_id == village_id)) or ""
        _, rules = await rules_in_force(session, village_id, chosen.months()[0])
    by_person = {row["subject_id"]: row for row in rows}
    members = indices.yanzhen({p: r["points"] for p, r in by_person.items()}, rules["yanzhen"])
    return pb.Yanzhen(village_id=village_id, period=str(chosen), secretary_id=secretary, members=[
        pb.YanzhenMember(person_id=person, points=domain.show(points), rank=place, grade=grade,
                         indicators=indices.shown(indices.indicators(by_person[person])))
        for person, points, place, grade in members])
