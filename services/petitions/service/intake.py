"""Intake: reports, 随手拍, 村民信箱, visits and partner work orders become petitions, triaged."""
from __future__ import annotations

import datetime as dt
import json
import re

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from services.petitions import clock, domain
from services.petitions.models import petitions
from services.petitions.service import rows
from services.petitions.triage import Triage
from shared import db as dbmod
from shared.auth import ADMIN, COUNTY_STAFF, GRID_WORKER, Principal
from shared.errors import InvalidArgument, PermissionDenied
from zhili.petitions.v1 import events_pb2 as events
from zhili.petitions.v1 import petitions_pb2 as pb

URL = re.compile(r"https?://[^\s]{3,500}")
PHONE = re.compile(r"[0-9+\-]{5,20}")
MAX_PHOTOS = 9
TITLE_LENGTH = 200
#: Lengths the columns hold; the gateway's schema says the same, direct gRPC callers are checked here.
LIMITS = {"external_id": 100, "title": TITLE_LENGTH, "content": 5000, "element_code": 20,
          "household_id": 36, "reporter_name": 50, "category_code": 20}


def suggestions(triage: Triage, text: str, limit: int = 5) -> list[pb.Suggestion]:
    if not 0 < len(text.strip()) <= 5000:
        raise InvalidArgument("请输入1—5000字的描述", "text must be 1-5000 characters", field="text")
    return [pb.Suggestion(**s.to_dict()) for s in triage.suggest(text, limit=max(1, min(limit or 5, 10)))]


def _check_request(principal: Principal, request: pb.CreatePetitionRequest) -> None:
    if request.source not in domain.SOURCES:
        raise InvalidArgument(f"来源应为{'/'.join(domain.SOURCES)}", "Unknown source", field="source")
    if request.source in domain.PARTNER_SOURCES:
        principal.require_role(ADMIN, COUNTY_STAFF)
        if not request.external_id.strip():
            raise InvalidArgument("合作系统工单须带外部编号", "external_id is required for work orders",
                                  field="external_id")
    if request.source == "grid_report" and not principal.has_role(GRID_WORKER):
        raise PermissionDenied("网格上报仅限网格员", "Only grid workers file grid reports",
                               code="ROLE_REQUIRED")
    if request.source == "snapshot" and not request.photo_urls:
        raise InvalidArgument("随手拍须附照片", "A photo report needs a photo", field="photo_urls")
    if len(request.photo_urls) > MAX_PHOTOS or not all(URL.fullmatch(u) for u in request.photo_urls):
        raise InvalidArgument("照片应为1—9个http(s)链接", "photo_urls must be up to 9 http(s) URLs",
                              field="photo_urls")
    if request.reporter_phone and not PHONE.fullmatch(request.reporter_phone):
        raise InvalidArgument("电话号码格式不正确", "Invalid phone number", field="reporter_phone")
    if not request.content.strip():
        raise InvalidArgument("请填写反映内容", "content is required", field="content")
    for name, length in LIMITS.items():
        if len(getattr(request, name)) > length:
            raise InvalidArgument(f"{name}过长（最多{length}字）", f"{name} is longer than {length}",
                                  field=name)
    if len(request.location.address) > 200:
        raise InvalidArgument("地址过长", "address is longer than 200", field="location")
    location = request.location
    if request.HasField("location") and not (-90 <= location.latitude <= 90
                                             and -180 <= location.longitude <= 180):
        raise InvalidArgument("经纬度超出范围", "Latitude or longitude out of range", field="location")


def _origin(principal: Principal, request: pb.CreatePetitionRequest) -> tuple[str, str]:
    """(village_id, grid_id) of a new petition: given, or the caller's own."""
    grid_id = request.grid_id or (principal.org_id if domain.org_kind(principal.org_id) == "grid" else "")
    if grid_id and domain.org_kind(grid_id) != "grid":
        raise InvalidArgument("网格编码无效", "Invalid grid id", field="grid_id")
    village = request.village_id or (domain.village_of(grid_id) if grid_id else "")
    if not village and domain.org_kind(principal.org_id) in ("village", "grid"):
        village = domain.village_of(principal.org_id)
    if not village:
        raise InvalidArgument("请指定所在村（社区）", "village_id is required", field="village_id")
    village = domain.village_of(village)
    if grid_id and domain.village_of(grid_id) != village:
        raise InvalidArgument("网格不属于该村（社区）", "The grid is not in that village", field="grid_id")
    if request.source == "grid_report" and not grid_id:
        raise InvalidArgument("网格上报须指明网格", "A grid report needs its grid", field="grid_id")
    if request.source == "grid_report" and not request.element_code:
        raise InvalidArgument("网格上报须指明治理要素", "A grid report needs its governance element",
                              field="element_code")
    if not principal.can_see(grid_id or village) and not principal.has_role(COUNTY_STAFF):
        principal.require_visible(grid_id or village)
    return village, grid_id


async def create_petition(service, tx, principal: Principal,
                          request: pb.CreatePetitionRequest) -> pb.Petition:
    """Same (source, external_id) twice → the first petition, unchanged (idempotent intake)."""
    principal.require_writer()
    _check_request(principal, request)
    external_id = request.external_id.strip() or None
    if external_id:
        existing = await _existing(tx.session, request.source, external_id)
        if existing is not None:
            return await rows.to_proto(tx.session, existing, principal)
    village, grid_id = _origin(principal, request)
    found = service.triage.suggest(f"{request.title}\n{request.content}", limit=3)
    category = service.categories.get(request.category_code or (found[0].category_code if found else ""))
    if request.category_code and category is None:
        raise InvalidArgument("诉求类别不存在", "Unknown category", field="category_code")
    now = dbmod.utcnow()
    received = request.received_at.ToDatetime(tzinfo=dt.UTC) \
        if request.HasField("received_at") else now
    if received > now:
        raise InvalidArgument("受理时间不能晚于当前时间", "received_at cannot be in the future",
                              field="received_at")
    code = category.code if category else "UNCLASSIFIED"
    limit = clock.time_limit_for(code, category.sla_hours if category else None)
    due = clock.due(limit, received, [])
    petition_id = dbmod.new_id()
    values = dict(
        id=petition_id, source=request.source, external_id=external_id,
        title=(request.title.strip() or request.content.strip())[:TITLE_LENGTH],
        content=request.content.strip(),
        kind=domain.kind_of_category(code), category_code=code,
        category_name=category.name if category else "未分类",
        suggested_level=found[0].level if found else "village",
        suggested_department=found[0].department if found else "",
        triage=json.dumps([s.to_dict() for s in found], ensure_ascii=False),
        village_id=village, origin_org_id=grid_id or village, grid_id=grid_id,
        element_code=request.element_code, household_id=request.household_id,
        photo_urls=json.dumps(list(request.photo_urls)),
        latitude=request.location.latitude if request.HasField("location") else None,
        longitude=request.location.longitude if request.HasField("location") else None,
        address=request.location.address if request.HasField("location") else "",
        reporter_id="" if request.anonymous or request.source in domain.PARTNER_SOURCES
        else principal.subject,
        reporter_name="" if request.anonymous else (request.reporter_name or principal.name),
        reporter_phone=request.reporter_phone, anonymous=request.anonymous, status="received",
        level="village", handler_org_id=village, received_at=received, clock_started_at=received,
        limit_amount=limit.amount, limit_unit=limit.unit.value, pauses="[]", due_at=due.at,
        created_at=now, updated_at=now)
    insert = petitions.insert().returning(*petitions.c)
    if external_id is None:  # nothing a concurrent request could collide with
        row = (await tx.session.execute(insert, values)).one()
    else:
        try:
            async with tx.session.begin_nested():
                row = (await tx.session.execute(insert, values)).one()
        except IntegrityError:  # a concurrent twin with the same external id won the race
            existing = await _existing(tx.session, request.source, external_id)
            if existing is None:
                raise
            return await rows.to_proto(tx.session, existing, principal)
    await rows.remember_org(tx.session, petition_id, village, new=True)
    note = f"分类建议：{values['category_name']}；建议层级：{values['suggested_level']}；时限：{clock.describe(limit)}"
    if due.estimated:
        note += clock.ESTIMATED_NOTE
    await rows.add_timeline(tx.session, petition_id, principal, "received", to_status="received",
                            to_org_id=village, level="village", note=note,
                            reason=domain.SOURCES[request.source][0])
    await tx.audit(entity="petition", entity_id=petition_id, action="received", to_state="received",
                   reason=request.source)
    tx.emit("petitions.petition.received", events.PetitionReceived(
        petition=rows.facts(row), title=row.title, suggested_level=row.suggested_level))
    return await rows.to_proto(tx.session, row, principal, new=True)


async def _existing(session, source: str, external_id: str):
    return (await session.execute(select(petitions).where(
        petitions.c.source == source, petitions.c.external_id == external_id))).first()
