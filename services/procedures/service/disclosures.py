"""三务公开: publishing party, village-affairs and finance disclosures; reading them, also without login."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import and_, select

from services.procedures import domain
from services.procedures.models import disclosures, warnings
from services.procedures.service import common
from services.procedures.service.views import disclosure_proto
from shared import db as dbmod
from shared.auth import Principal
from shared.errors import InvalidArgument
from shared.paging import next_page_token, page_window
from zhili.procedures.v1 import events_pb2 as events
from zhili.procedures.v1 import procedures_pb2 as pb

KINDS = ("regular", "major")


async def publish(tx, principal: Principal, r: pb.PublishDisclosureRequest) -> pb.Disclosure:
    village_id = common.village_writer(principal, r.village_id)
    if r.category not in domain.DISCLOSURE_CATEGORIES:
        raise InvalidArgument("公开类别应为party/village_affairs/finance",
                              "category must be party, village_affairs or finance", field="category")
    kind = r.kind or "regular"
    if kind not in KINDS:
        raise InvalidArgument("公开类型应为regular或major", "kind must be regular or major",
                              field="kind")
    if kind == "regular":
        schedule = (await common.rules_for(tx.session, village_id))["disclosure.schedule"]["value"]
        domain.validate_period(r.period, schedule[r.category])
    elif r.period:
        raise InvalidArgument("重大事项随时公开，不填公开期间", "major disclosures have no period",
                              field="period")
    if not r.title.strip():
        raise InvalidArgument("公开标题不能为空", "title is required", field="title")
    published_on = domain.parse_date(r.published_on, "published_on", required=False) or common.today()
    domain.check_not_future(published_on, common.today(), "published_on")
    if r.procedure_id:
        await common.load_procedure(tx.session, principal, r.procedure_id)
    return await insert_disclosure(
        tx, village_id=village_id, category=r.category, kind=kind,
        period=r.period if kind == "regular" else "", title=r.title.strip(),
        content=r.content, channel=r.channel, published_on=published_on,
        attachments=list(r.attachments), procedure_id=r.procedure_id, actor=principal.subject)


async def publish_from_publicity(tx, procedure, step: dict, record: dict) -> None:
    """A procedure's 决议公开 / 结果公开 is also a major-matter village-affairs disclosure."""
    await insert_disclosure(
        tx, village_id=procedure.village_id, category="village_affairs", kind="major",
        period="", title=f"{procedure.title}：{step['name']}",
        content=record.get("minutes", ""), channel=record["channel"],
        published_on=dt.date.fromisoformat(record["start_on"]),
        attachments=record.get("attachments", []), procedure_id=procedure.id,
        actor=record["recorded_by"])


async def insert_disclosure(tx, *, village_id, category, kind, period, title, content, channel,
                  published_on, attachments, procedure_id, actor) -> pb.Disclosure:
    disclosure_id = dbmod.new_id()
    await tx.session.execute(disclosures.insert().values(
        id=disclosure_id, village_id=village_id, town_id=domain.town_of(village_id),
        category=category, kind=kind, period=period, title=title, content=content,
        channel=channel, published_on=published_on,
        attachments_json=json.dumps(attachments, ensure_ascii=False), procedure_id=procedure_id,
        published_at=dbmod.utcnow(), published_by=actor))
    await common.track_village(tx.session, village_id)
    if period:
        await common.resolve_warnings(tx, and_(
            warnings.c.kind == domain.DISCLOSURE_OVERDUE, warnings.c.village_id == village_id,
            warnings.c.category == category, warnings.c.period == period), f"{period}已公开")
    await tx.audit(entity="disclosure", entity_id=disclosure_id, action="published",
                   to_state="published", reason=title)
    tx.emit("procedures.disclosure.published", events.DisclosurePublished(
        disclosure_id=disclosure_id, village_id=village_id, town_id=domain.town_of(village_id),
        category=category, kind=kind, period=period, procedure_id=procedure_id))
    row = (await tx.session.execute(select(disclosures).where(
        disclosures.c.id == disclosure_id))).first()
    return disclosure_proto(row)


async def list_disclosures(session, *, root: str, category: str, period: str, page_size: int,
                           page_token: str, exact_village: bool = False):
    offset, limit = page_window(page_size, page_token)
    query = select(disclosures).order_by(disclosures.c.published_on.desc(),
                                         disclosures.c.id.desc())
    if exact_village:
        query = query.where(disclosures.c.village_id == root)
    else:
        query = query.where(disclosures.c.village_id.startswith(root, autoescape=True))
    if category:
        if category not in domain.DISCLOSURE_CATEGORIES:
            raise InvalidArgument("公开类别应为party/village_affairs/finance",
                                  "category must be party, village_affairs or finance",
                                  field="category")
        query = query.where(disclosures.c.category == category)
    if period:
        query = query.where(disclosures.c.period == period)
    rows = (await session.execute(query.offset(offset).limit(limit + 1))).all()
    return [disclosure_proto(r) for r in rows[:limit]], next_page_token(offset, limit, len(rows))
