"""Helpers shared by the catalogue use cases: scope checks, catalogue lookup, row → proto."""
from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import select

from services.catalogue.models import catalogues, items
from shared.auth import ADMIN, COUNTY_STAFF, Principal
from shared.errors import InvalidArgument, NotFound, PermissionDenied
from zhili.catalogue.v1 import catalogue_pb2 as pb

CHINA = ZoneInfo("Asia/Shanghai")
MANAGERS = (ADMIN, COUNTY_STAFF)


def current_year() -> int:
    return dt.datetime.now(CHINA).year


def county_of(principal: Principal, county_id: str) -> str:
    """The county asked for (default: the caller's); only one's own county is visible."""
    county_id = county_id or principal.org_id[:6]
    if principal.org_id[:6] != county_id:
        raise PermissionDenied("无权访问其他县的事项清单", "This county is outside your scope",
                               code="OUT_OF_SCOPE")
    return county_id


def require_manager(principal: Principal) -> None:
    principal.require_writer()
    principal.require_role(*MANAGERS)


async def find_catalogue(session, county_id: str, year: int):
    year = year or current_year()
    row = (await session.execute(select(catalogues).where(
        catalogues.c.county_id == county_id, catalogues.c.year == year))).first()
    if row is None:
        raise NotFound(f"{county_id}尚无{year}年度事项清单",
                       f"No {year} catalogue for county {county_id}",
                       code="CATALOGUE_NOT_FOUND", field="year")
    return row


async def find_screening_catalogue(session, county_id: str, year: int):
    """The catalogue in force for `year`: that year's if published, else the latest published
    earlier one (a new year's list still being prepared leaves last year's in force)."""
    year = year or current_year()
    row = (await session.execute(select(catalogues).where(
        catalogues.c.county_id == county_id, catalogues.c.year <= year,
        catalogues.c.status == "published").order_by(catalogues.c.year.desc()).limit(1))).first()
    if row is None:
        raise NotFound(f"{county_id}尚无已发布的{year}年度（或更早）事项清单",
                       f"No published catalogue for {year} or earlier in county {county_id}",
                       code="CATALOGUE_NOT_FOUND", field="year")
    return row


async def find_item(session, catalogue_id: str, code: str):
    row = (await session.execute(select(items).where(
        items.c.catalogue_id == catalogue_id, items.c.code == code))).first()
    if row is None:
        raise NotFound(f"事项{code}不存在", f"Item {code} not found", code="ITEM_NOT_FOUND",
                       field="code")
    return row


def timestamp(value: dt.datetime | None) -> Timestamp | None:
    if value is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(value if value.tzinfo is None else value.astimezone(dt.UTC).replace(tzinfo=None))
    return stamp


def item_proto(row, county_id: str, year: int) -> pb.Item:
    return pb.Item(code=row.code, level=row.level, category=row.category, name=row.name,
                   description=row.description, basis=row.basis, department=row.department,
                   kind=row.kind, parent_code=row.parent_code or "", active=row.active,
                   retired_reason=row.retired_reason, county_id=county_id, year=year,
                   admission_review_id=row.admission_review_id or "")


def text(value: str, field: str, limit: int, *, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise InvalidArgument(f"{field}不能为空", f"{field} is required", field=field)
    if len(value) > limit:
        raise InvalidArgument(f"{field}不能超过{limit}字", f"{field} is longer than {limit}",
                              field=field)
    return value


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)
