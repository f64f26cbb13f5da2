"""Inbound work orders: HMAC check, replay refusal, scopes and jurisdiction, mapping, petition creation."""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from services.integration import domain
from services.integration.models import seen_signatures, work_orders
from services.integration.service import partners
from shared import db as dbmod
from shared.errors import InvalidArgument, PermissionDenied, Unauthenticated
from zhili.integration.v1 import events_pb2 as events
from zhili.integration.v1 import integration_pb2 as pb
from zhili.petitions.v1 import petitions_pb2 as petitions_pb

VILLAGE = re.compile(r"\d{12}")


@dataclass(frozen=True)
class WorkOrder:
    order_id: str
    content: str
    title: str = ""
    category_code: str = ""
    caller_name: str = ""
    caller_phone: str = ""
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    village_id: str = ""
    time_limit_hours: int | None = None
    attachments: tuple[str, ...] = ()
    dispatched_at: dt.datetime | None = None


def _bad(field: str, zh: str, en: str) -> InvalidArgument:
    return InvalidArgument(zh, en, field=field)


def _text(body: dict, name: str, limit: int, required: bool = False) -> str:
    value = body.get(name, "")
    if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
        raise _bad(name, f"{name} 应为不超过{limit}字的文本", f"{name} must be text of at most {limit}")
    return value.strip()


def parse_work_order(raw: bytes) -> WorkOrder:
    """The signed body, checked field by field (the gateway's schema check is not trusted here)."""
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _bad("body", "请求体不是合法的 JSON", "The body is not valid JSON") from None
    if not isinstance(body, dict):
        raise _bad("body", "请求体应为 JSON 对象", "The body must be a JSON object")
    location = body.get("location") or {}
    if not isinstance(location, dict):
        raise _bad("location", "位置应为对象", "location must be an object")
    lat, lon = location.get("latitude"), location.get("longitude")
    if lat is not None or lon is not None:
        if not all(isinstance(v, (int, float)) for v in (lat, lon)) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise _bad("location", "经纬度无效", "Invalid latitude/longitude")
    limit = body.get("time_limit_hours")
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or not 0 < limit <= 24 * 90):
        raise _bad("time_limit_hours", "办理时限应为1—2160小时", "time_limit_hours must be 1-2160")
    attachments = body.get("attachments") or []
    if not isinstance(attachments, list) or len(attachments) > 9 or not all(
            isinstance(u, str) and re.fullmatch(r"https?://\S{3,500}", u) for u in attachments):
        raise _bad("attachments", "附件应为最多9个 http(s) 链接", "attachments: up to 9 http(s) URLs")
    dispatched = None
    if body.get("dispatched_at"):
        try:
            dispatched = dt.datetime.fromisoformat(str(body["dispatched_at"]).replace("Z", "+00:00"))
        except ValueError:
            raise _bad("dispatched_at", "派单时间格式应为 RFC 3339", "dispatched_at must be RFC 3339") from None
        if dispatched.tzinfo is None:
            raise _bad("dispatched_at", "派单时间须带时区", "dispatched_at needs a time zone")
    order_id = _text(body, "order_id", 100, required=True)
    if not re.fullmatch(r"[\w.:\-/]+", order_id):
        raise _bad("order_id", "工单编号含非法字符", "order_id has forbidden characters")
    return WorkOrder(order_id=order_id, content=_text(body, "content", 5000, required=True),
                     title=_text(body, "title", 100), category_code=_text(body, "category_code", 40),
                     caller_name=_text(body, "caller_name", 50), caller_phone=_text(body, "caller_phone", 20),
                     address=_text(body, "address", 300), latitude=lat, longitude=lon,
                     village_id=_text(body, "village_id", 32), time_limit_hours=limit,
                     attachments=tuple(attachments), dispatched_at=dispatched)


async def authenticate(service, *, key_id: str, timestamp: str, body: bytes, signature: str):
    """The partner whose current or overlapping secret signed timestamp + body, seen for the first time."""
    async with service.database.sessions() as session:
        partner = await partners.by_key_id(session, key_id) if key_id else None
        if partner is None:
            raise Unauthenticated("API Key 无效", "Unknown or inactive API key", code="UNKNOWN_API_KEY")
        secrets = await partners.valid_secrets(service, session, partner.id)
    now = dbmod.utcnow()
    domain.check_timestamp(timestamp, now)
    domain.verify_request(secrets, timestamp, body, signature)
    await _remember(service, partner.id, domain.signature_fingerprint(signature), now)
    return partner


async def _remember(service, partner_id: str, fingerprint: str, now: dt.datetime) -> None:
    """A signature is good once: inside the window a second sighting is a replay (401)."""
    try:
        async with service.database.transaction() as tx:
            await tx.session.execute(seen_signatures.insert(), dict(
                partner_id=partner_id, fingerprint=fingerprint, seen_at=now))
            await tx.session.execute(delete(seen_signatures).where(
                seen_signatures.c.seen_at < now - 2 * domain.REPLAY_WINDOW))
    except IntegrityError:
        raise Unauthenticated("重复的请求（重放），已拒绝", "Replayed request refused",
                              code="REPLAYED_REQUEST") from None


def target_village(partner, requested: str) -> str:
    village = requested or partner.jurisdiction_org_id
    if not VILLAGE.fullmatch(village):
        raise _bad("village_id", "请指明所在村（社区）的12位代码", "village_id (12 digits) is required")
    if not village.startswith(partner.jurisdiction_org_id):
        raise PermissionDenied("该村（社区）不在合作系统的管辖范围内",
                               "The village is outside the partner's jurisdiction",
                               code="OUT_OF_JURISDICTION", field="village_id")
    return village


def require_scope(partner, scope: str) -> None:
    if scope not in json.loads(partner.scopes):
        raise PermissionDenied(f"合作系统未获授权：{domain.SCOPES[scope]}",
                               f"The partner lacks scope {scope}", code="SCOPE_REQUIRED")


def map_category(partner, code: str, categories: set[str]) -> str:
    """Partner code → ours via the partner's map; our own codes pass; anything else: triage decides."""
    mapping = json.loads(partner.category_map)
    return mapping.get(code) or (code if code in categories else "")


async def existing_order(session, partner_id: str, order_id: str):
    return (await session.execute(select(work_orders).where(
        work_orders.c.partner_id == partner_id, work_orders.c.order_id == order_id))).first()


def _stamp(moment: dt.datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(dbmod.as_utc(moment))
    return stamp


async def receive(service, request: pb.ReceiveWorkOrderRequest) -> pb.WorkOrderReceipt:
    partner = await authenticate(service, key_id=request.key_id, timestamp=request.timestamp,
                                 body=request.body, signature=request.signature)
    order = parse_work_order(request.body)
    require_scope(partner, domain.SCOPE_CREATE)
    village = target_village(partner, order.village_id)
    async with service.database.sessions() as session:
        known = await existing_order(session, partner.id, order.order_id)
    if known is not None:
        return pb.WorkOrderReceipt(order_id=order.order_id, petition_id=known.petition_id,
                                   status=known.status, duplicate=True,
                                   received_at=_stamp(known.requested_at))
    mapped = map_category(partner, order.category_code, service.categories)
    create = petitions_pb.CreatePetitionRequest(
        source="hotline" if partner.kind == "hotline_12345" else "partner",
        external_id=f"{partner.code}:{order.order_id}", title=order.title, content=order.content,
        village_id=village, photo_urls=list(order.attachments), category_code=mapped,
        reporter_name=order.caller_name, reporter_phone=order.caller_phone)
    if order.latitude is not None or order.address:
        create.location.CopyFrom(petitions_pb.Location(latitude=order.latitude or 0.0,
                                                       longitude=order.longitude or 0.0,
                                                       address=order.address))
    if order.dispatched_at:
        create.received_at.FromDatetime(min(order.dispatched_at, dbmod.utcnow()).astimezone(dt.UTC))
    petition = await service.create_petition(partner, create)
    return await record(service, partner, channel="partner", order_id=order.order_id,
                        petition=petition, address=order.address, latitude=order.latitude,
                        longitude=order.longitude, time_limit_hours=order.time_limit_hours)


async def record(service, partner, *, channel: str, order_id: str, petition, address: str = "",
                 latitude=None, longitude=None, time_limit_hours=None) -> pb.WorkOrderReceipt:
    """Keep the partner's order → petition link (a concurrent twin may have kept it first)."""
    now = dbmod.utcnow()
    try:
        async with service.database.transaction(actor_id=f"partner:{partner.code}") as tx:
            await tx.session.execute(work_orders.insert(), dict(
                id=dbmod.new_id(), partner_id=partner.id, channel=channel, order_id=order_id,
                petition_id=petition.id, service_code=petition.category_code,
                description=petition.content, address=address, latitude=latitude,
                longitude=longitude, time_limit_hours=time_limit_hours, status=petition.status,
                status_detail="", handler_org_id=petition.handler_org_id, requested_at=now,
                updated_at=now))
            tx.emit("integration.work_order.received", events.WorkOrderReceived(
                partner_id=partner.id, order_id=order_id, petition_id=petition.id, channel=channel))
        duplicate = False
    except IntegrityError:
        duplicate = True
    return pb.WorkOrderReceipt(order_id=order_id, petition_id=petition.id, status=petition.status,
                               duplicate=duplicate, received_at=_stamp(now))
