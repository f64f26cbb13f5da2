"""Open311 GeoReport v2: services from our petition categories, requests created and read, tokens."""
from __future__ import annotations

import datetime as dt
import hmac
import json
import math
import uuid

from sqlalchemy import select

from services.integration import domain
from services.integration.models import work_orders
from services.integration.service import inbound, partners
from shared import db as dbmod
from shared.errors import InvalidArgument, NotFound, PermissionDenied
from zhili.petitions.v1 import petitions_pb2 as petitions_pb

MAX_RANGE = dt.timedelta(days=90)
MAX_LIST = 1000


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _iso(moment: dt.datetime | None) -> str | None:
    return dbmod.as_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def list_services(service) -> str:
    rows = service.category_rows
    found = [{"service_code": code, "service_name": row["name"],
              "description": f"{row['name']}（{row['default_department'] or '属地'}）",
              "metadata": True, "type": "realtime", "keywords": "",
              "group": rows.get(row["parent_code"], {}).get("name", "")}
             for code, row in rows.items() if row["parent_code"]]
    return _json(found)


def _category(service, code: str) -> dict:
    row = service.category_rows.get(code)
    if row is None or not row["parent_code"]:
        raise NotFound("服务类别不存在", f"No service {code}", code="SERVICE_NOT_FOUND", field="service_code")
    return row


def get_service(service, code: str) -> str:
    _category(service, code)
    return _json({"service_code": code, "attributes": [{
        "variable": True, "code": "village_id", "datatype": "string", "required": True,
        "datatype_description": "12位村（社区）代码 / 12-digit village code", "order": 1,
        "description": "所在村（社区） / village or community", "values": []}]})


def _when(value: str, field: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidArgument(f"{field} 应为 W3C 日期时间", f"{field} must be a W3C datetime", field=field) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _document(service, row) -> dict:
    category = service.category_rows.get(row.service_code, {})
    return {"service_request_id": row.petition_id, "token": row.order_id,
            "status": domain.open311_status(row.status),
            "status_notes": domain.status_notes(row.status, row.status_detail),
            "service_name": category.get("name", ""), "service_code": row.service_code,
            "description": row.description, "agency_responsible": row.handler_org_id,
            "service_notice": "", "requested_datetime": _iso(row.requested_at),
            "updated_datetime": _iso(row.updated_at), "expected_datetime": None,
            "address": row.address, "address_id": "", "zipcode": "",
            "lat": row.latitude, "long": row.longitude, "media_url": ""}


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


async def list_requests(service, params: dict[str, str]) -> str:
    query = select(work_orders).where(work_orders.c.channel == "open311")
    ids = _split(params.get("service_request_id", ""))
    if ids:
        query = query.where(work_orders.c.petition_id.in_(ids[:MAX_LIST]))
    else:
        end = _when(params["end_date"], "end_date") if params.get("end_date") else dbmod.utcnow()
        start = _when(params["start_date"], "start_date") if params.get("start_date") else end - MAX_RANGE
        if end < start or end - start > MAX_RANGE:
            raise InvalidArgument("时间范围不能超过90天", "The date range may not exceed 90 days",
                                  field="start_date")
        query = query.where(work_orders.c.requested_at >= start, work_orders.c.requested_at <= end)
        if params.get("service_code"):
            query = query.where(work_orders.c.service_code.in_(_split(params["service_code"])))
    statuses = set(_split(params.get("status", "")))
    if statuses - {"open", "closed"}:
        raise InvalidArgument("status 只能是 open 或 closed", "status: open | closed", field="status")
    async with service.database.sessions() as session:
        rows = (await session.execute(query.order_by(work_orders.c.requested_at.desc())
                                      .limit(MAX_LIST))).all()
    found = [_document(service, r) for r in rows
             if not statuses or domain.open311_status(r.status) in statuses]
    return _json(found)


async def get_request(service, request_id: str) -> str:
    async with service.database.sessions() as session:
        row = (await session.execute(select(work_orders).where(
            work_orders.c.channel == "open311", work_orders.c.petition_id == request_id))).first()
    if row is None:
        raise NotFound("服务请求不存在", "No such service request", code="REQUEST_NOT_FOUND")
    return _json([_document(service, row)])


async def get_token(service, token: str) -> str:
    async with service.database.sessions() as session:
        row = (await session.execute(select(work_orders).where(
            work_orders.c.channel == "open311", work_orders.c.order_id == token))).first()
    if row is None:
        raise NotFound("令牌不存在", "No such token", code="TOKEN_NOT_FOUND")
    return _json([{"service_request_id": row.petition_id, "token": row.order_id}])


async def _partner_for_key(service, api_key: str):
    key_id, _, secret = (api_key or "").partition(".")
    async with service.database.sessions() as session:
        partner = await partners.by_key_id(session, key_id) if key_id and secret else None
        valid = await partners.valid_secrets(service, session, partner.id) if partner else []
    if not any(hmac.compare_digest(secret, s) for s in valid):
        raise PermissionDenied("api_key 无效", "Invalid api_key", code="INVALID_API_KEY", field="api_key")
    inbound.require_scope(partner, domain.SCOPE_CREATE)
    return partner


COORDINATE_LIMITS = {"lat": 90.0, "long": 180.0}


def _coordinate(params: dict, name: str) -> float | None:
    """Decimal degrees within ±90 (lat) / ±180 (long); 'nan', 'inf' and the like are refused."""
    if not params.get(name):
        return None
    try:
        value = float(params[name])
    except ValueError:
        value = math.nan
    if not -COORDINATE_LIMITS[name] <= value <= COORDINATE_LIMITS[name]:  # False for NaN too
        raise InvalidArgument(f"{name} 应为 ±{COORDINATE_LIMITS[name]:g} 以内的十进制度数",
                              f"{name} must be decimal degrees within ±{COORDINATE_LIMITS[name]:g}",
                              field=name)
    return value


async def create_request(service, api_key: str, params: dict[str, str]) -> str:
    partner = await _partner_for_key(service, api_key)
    code = params.get("service_code", "")
    _category(service, code)
    lat, lon = _coordinate(params, "lat"), _coordinate(params, "long")
    address = params.get("address_string", "")[:300]
    if (lat is None or lon is None) and not address and not params.get("address_id"):
        raise InvalidArgument("须提供经纬度或地址", "lat/long or address_string is required", field="lat")
    description = params.get("description", "").strip()[:4000]
    if not description:
        raise InvalidArgument("请填写描述", "description is required", field="description")
    village = inbound.target_village(partner, params.get("attribute[village_id]", ""))
    name = " ".join(p for p in (params.get("last_name", ""), params.get("first_name", "")) if p)[:50]
    token = uuid.uuid4().hex
    create = petitions_pb.CreatePetitionRequest(
        source="partner", external_id=f"{partner.code}:{token}", content=description,
        village_id=village, category_code=code, reporter_name=name,
        reporter_phone=params.get("phone", "")[:20],
        photo_urls=[params["media_url"]] if params.get("media_url") else [])
    if lat is not None or address:
        create.location.CopyFrom(petitions_pb.Location(latitude=lat or 0.0, longitude=lon or 0.0,
                                                       address=address))
    petition = await service.create_petition(partner, create)
    await inbound.record(service, partner, channel="open311", order_id=token, petition=petition,
                         address=address, latitude=lat, longitude=lon)
    return _json([{"service_request_id": petition.id, "token": token,
                   "service_notice": "已受理，将按时限办理 / received", "account_id": None}])
