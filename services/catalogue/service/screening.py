"""Screening use cases: screen a draft, read a screening, record dispatches for duplicates and quotas."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select, update

from services.catalogue import rules
from services.catalogue.domain import URGENCY_EMERGENCY, URGENCY_NORMAL, Draft, ScreeningResult
from services.catalogue.matching import Screener
from services.catalogue.models import (compliance_reviews, dispatch_villages, dispatches, quotas,
                                       screening_reasons, screenings)
from services.catalogue.service.common import (CHINA, dumps, find_screening_catalogue, text,
                                               timestamp)
from shared import db as dbmod
from shared.auth import DEPUTY_SECRETARY, TOWN_LEADER, TOWN_STAFF, Principal
from shared.errors import InvalidArgument, NotFound
from zhili.catalogue.v1 import catalogue_pb2 as pb
from zhili.catalogue.v1 import events_pb2 as events
from zhili.tasks.v1 import events_pb2 as task_events

SCREENERS = (TOWN_LEADER, TOWN_STAFF, DEPUTY_SECRETARY)


class ScreeningUseCases:
    async def prepare_screening(self, principal: Principal, request: pb.ScreenRequest):
        """Outside the transaction: validate, find the catalogue, build its matcher, catch up."""
        principal.require_writer()
        principal.require_role(*SCREENERS)
        draft = _draft(principal, request)
        async with self.database.sessions() as session:
            catalogue = await find_screening_catalogue(session, draft.issuer_org_id[:6],
                                                       request.year)
            matcher = await self.engine.matcher(session, catalogue.id, catalogue.revision)
        await self.engine.catch_up(self.database.sessions)
        return draft, catalogue, matcher

    async def screen(self, tx, principal: Principal, request: pb.ScreenRequest,
                     prepared) -> pb.Screening:
        draft, catalogue, matcher = prepared
        now = dbmod.utcnow()
        usage, limits = await self._quota_usage(tx.session, catalogue.county_id, draft, now)
        result = Screener(matcher, self.engine.duplicates,
                          duplicate_window=self.engine.duplicate_window).screen(
            draft, now=now, quota_usage=usage, quota_limit=limits)
        screening_id = dbmod.new_id()
        review_id = dbmod.new_id() if result.compliance_review_required else None
        stored = _stored_result(result)
        await tx.session.execute(screenings.insert().values(
            id=screening_id, catalogue_id=catalogue.id, county_id=catalogue.county_id,
            task_id=request.task_id, issuer_org_id=draft.issuer_org_id, actor_id=principal.subject,
            title=draft.title, draft=dumps(_draft_json(draft)), decision=result.decision,
            matter_code=result.matter_code or "", result=dumps(stored),
            compliance_review_id=review_id, month=rules.month_of(now.astimezone(CHINA)),
            screened_at=now))
        codes = sorted(set(result.reason_codes))
        if codes:
            await tx.session.execute(screening_reasons.insert(), [
                {"screening_id": screening_id, "code": c} for c in codes])
        if review_id:
            await tx.session.execute(compliance_reviews.insert().values(
                id=review_id, screening_id=screening_id, county_id=catalogue.county_id,
                task_id=request.task_id, issuer_org_id=draft.issuer_org_id, title=draft.title,
                target_org_ids=",".join(draft.target_org_ids), status=rules.OPEN, opened_at=now))
            await tx.audit(entity="compliance_review", entity_id=review_id, action="opened",
                           to_state=rules.OPEN, reason=draft.title)
            tx.emit("catalogue.compliance_review.opened", events.ComplianceReviewOpened(
                review_id=review_id, screening_id=screening_id, task_id=request.task_id,
                issuer_org_id=draft.issuer_org_id, title=draft.title))
        await tx.audit(entity="screening", entity_id=screening_id, action="screened",
                       to_state=result.decision, reason=",".join(result.reason_codes))
        tx.emit("catalogue.screening.completed", events.ScreeningCompleted(
            screening_id=screening_id, task_id=request.task_id, decision=result.decision,
            matter_code=result.matter_code or "", reason_codes=result.reason_codes,
            issuer_org_id=draft.issuer_org_id, county_id=catalogue.county_id,
            target_org_ids=draft.target_org_ids))
        return screening_proto(screening_id, request.task_id, stored, result.decision,
                               result.matter_code or "", review_id or "", now, request.language)

    async def get_screening(self, principal: Principal, *, screening_id: str,
                            language: str) -> pb.Screening:
        async with self.database.sessions() as session:
            row = (await session.execute(select(screenings).where(
                screenings.c.id == screening_id))).first()
        if row is None or not (principal.can_see(row.issuer_org_id)
                               or row.actor_id == principal.subject):
            raise NotFound("过筛记录不存在", "Screening not found", code="SCREENING_NOT_FOUND",
                           field="id")
        return screening_proto(row.id, row.task_id, json.loads(row.result), row.decision,
                               row.matter_code, row.compliance_review_id or "",
                               dbmod.as_utc(row.screened_at), language)

    async def _quota_usage(self, session, county_id: str, draft: Draft, now: dt.datetime):
        """Per village: tasks this office already sent in the binding period, and that limit."""
        quota_rules = [rules.QuotaRule(r.id, r.village_id, r.issuer_org_id, r.period, r.max_tasks)
                       for r in (await session.execute(select(quotas).where(
                           quotas.c.county_id == county_id))).all()]
        usage: dict[str, int] = {}
        limits: dict[str, int] = {}
        today = now.astimezone(CHINA).date()
        for village in draft.target_org_ids:
            for rule in rules.applicable_quotas(quota_rules, village, draft.issuer_org_id):
                start = dt.datetime.combine(rules.period_start(rule.period, today), dt.time(),
                                            CHINA).astimezone(dt.UTC)
                used = await session.scalar(select(func.count()).select_from(dispatch_villages)
                                            .where(dispatch_villages.c.village_id == village,
                                                   dispatch_villages.c.issuer_org_id
                                                   == draft.issuer_org_id,
                                                   dispatch_villages.c.dispatched_at >= start))
                if village not in limits or used + 1 > rule.max_tasks:
                    usage[village], limits[village] = used, rule.max_tasks
                if used + 1 > rule.max_tasks:
                    break
        return usage, limits

    async def record_dispatch(self, tx, event: task_events.TaskDispatched) -> None:
        """Handler of tasks.task.dispatched: keep the dispatch for duplicates and quotas."""
        if not event.task_id:
            raise InvalidArgument("派单事件缺少任务编号", "dispatch event without task_id",
                                  field="task_id")
        when = (event.dispatched_at.ToDatetime(dt.UTC) if event.dispatched_at.seconds
                else dbmod.utcnow())
        villages = sorted({a.village_id for a in event.assignments if a.village_id})
        known = await tx.session.scalar(select(dispatches.c.task_id).where(
            dispatches.c.task_id == event.task_id))
        if known is None:
            await tx.session.execute(dispatches.insert().values(
                task_id=event.task_id, title=event.title[:300], description=event.description,
                matter_code=event.matter_code, issuer_org_id=event.issuer_org_id,
                town_id=event.town_id, dispatched_at=when, recorded_at=dbmod.utcnow()))
        present = set((await tx.session.execute(select(dispatch_villages.c.village_id).where(
            dispatch_villages.c.task_id == event.task_id))).scalars())
        new = [v for v in villages if v not in present]
        if new and known is not None:  # a re-dispatch: replicas re-read the row and widen the task
            await tx.session.execute(update(dispatches).where(
                dispatches.c.task_id == event.task_id).values(recorded_at=dbmod.utcnow()))
        if new:
            await tx.session.execute(dispatch_villages.insert(), [
                {"task_id": event.task_id, "village_id": v, "issuer_org_id": event.issuer_org_id,
                 "dispatched_at": when} for v in new])


def _draft(principal: Principal, request: pb.ScreenRequest) -> Draft:
    title = text(request.title, "title", 300, required=True)
    description = text(request.description, "description", 5000)
    urgency = request.urgency or URGENCY_NORMAL
    if urgency not in (URGENCY_NORMAL, URGENCY_EMERGENCY):
        raise InvalidArgument("紧急程度应为 normal 或 emergency", "urgency must be normal or emergency",
                              field="urgency")
    issuer = request.issuer_org_id or principal.org_id
    principal.require_visible(issuer)
    targets = tuple(dict.fromkeys(request.target_org_ids))
    if not targets:
        raise InvalidArgument("请至少选择一个村（社区）", "target_org_ids must not be empty",
                              field="target_org_ids")
    for org_id in targets:  # villages of the issuing town (an office's own scope is narrower)
        if not (len(org_id) == 12 and org_id.isdigit() and org_id.startswith(issuer[:9])):
            raise InvalidArgument(f"{org_id}不是本镇的村（社区）",
                                  f"{org_id} is not a village of the issuing town",
                                  field="target_org_ids")
    deadline = (request.deadline.ToDatetime(dt.UTC).astimezone(CHINA).date()
                if request.HasField("deadline") else None)
    return Draft(title, description, targets, deadline, urgency,
                 request.matter_code.strip() or None, issuer)


def _draft_json(draft: Draft) -> dict:
    return {"title": draft.title, "description": draft.description,
            "target_org_ids": list(draft.target_org_ids), "urgency": draft.urgency,
            "deadline": draft.deadline.isoformat() if draft.deadline else None,
            "matter_code": draft.matter_code, "issuer_org_id": draft.issuer_org_id}


def _stored_result(result: ScreeningResult) -> dict:
    stored = result.to_dict("zh")
    stored["reasons"] = [{"code": r.code, "detail": r.detail, "detail_en": r.detail_en}
                         for r in result.reasons]
    return stored


def screening_proto(screening_id: str, task_id: str, stored: dict, decision: str,
                    matter_code: str, review_id: str, at: dt.datetime,
                    language: str) -> pb.Screening:
    english = (language or "").lower().startswith("en")
    return pb.Screening(
        id=screening_id, task_id=task_id, decision=decision, matter_code=matter_code,
        reasons=[pb.Reason(code=r["code"], detail=r["detail_en"] if english else r["detail"])
                 for r in stored["reasons"]],
        suggestions=[pb.Suggestion(**s) for s in stored["suggestions"]],
        town_matches=[pb.TownMatch(**t) for t in stored["town_matches"]],
        negative_matches=[pb.NegativeMatch(**n) for n in stored["negative_matches"]],
        duplicates=[pb.DuplicateHit(**d) for d in stored["duplicates"]],
        compliance_review_id=review_id, screened_at=timestamp(at))

