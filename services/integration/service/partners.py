"""Partner registry: registration, scopes, category mapping, callback URL, secrets with rotation overlap."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError

from services.integration import domain
from services.integration.models import partner_secrets, partners
from shared import db as dbmod
from shared.auth import ADMIN, Principal
from shared.errors import Conflict, InvalidArgument, NotFound
from shared.paging import next_page_token, page_window
from zhili.integration.v1 import events_pb2 as events
from zhili.integration.v1 import integration_pb2 as pb

MAX_OVERLAP_HOURS = 720


def require_admin(principal: Principal) -> None:
    principal.require_writer()
    principal.require_role(ADMIN)


def _ts(value: dt.datetime | None):
    from google.protobuf.timestamp_pb2 import Timestamp
    stamp = Timestamp()
    if value is not None:
        stamp.FromDatetime(dbmod.as_utc(value))
    return stamp


def to_proto(row, secret_rows=()) -> pb.Partner:
    return pb.Partner(
        id=row.id, code=row.code, name=row.name, kind=row.kind,
        jurisdiction_org_id=row.jurisdiction_org_id, scopes=json.loads(row.scopes),
        key_id=row.key_id, callback_url=row.callback_url, callback_disabled=row.callback_disabled,
        category_map=json.loads(row.category_map), active=row.active,
        secrets=[pb.SecretInfo(id=s.id, created_at=_ts(s.created_at),
                               expires_at=_ts(s.expires_at) if s.expires_at else None)
                 for s in secret_rows],
        created_at=_ts(row.created_at), updated_at=_ts(row.updated_at))


def _check_map(category_map: dict[str, str], categories: set[str]) -> None:
    unknown = sorted(v for v in category_map.values() if v not in categories)
    if unknown:
        raise InvalidArgument(f"映射到不存在的诉求类别：{'、'.join(unknown)}",
                              f"Mapped to unknown categories: {unknown}", field="category_map")


async def register(service, tx, principal: Principal, request: pb.RegisterPartnerRequest):
    require_admin(principal)
    scopes = sorted(set(request.scopes))
    domain.check_partner(code=request.code, name=request.name, kind=request.kind,
                         jurisdiction=request.jurisdiction_org_id, scopes=scopes)
    principal.require_visible(request.jurisdiction_org_id)
    if request.callback_url:
        await service.outbound.check_destination(request.callback_url)
    _check_map(dict(request.category_map), service.categories)
    now, partner_id, secret = dbmod.utcnow(), dbmod.new_id(), domain.new_secret()
    values = dict(id=partner_id, code=request.code, name=request.name.strip(), kind=request.kind,
                  jurisdiction_org_id=request.jurisdiction_org_id, scopes=json.dumps(scopes),
                  key_id=domain.new_key_id(), callback_url=request.callback_url,
                  callback_disabled=False, category_map=json.dumps(dict(request.category_map)),
                  active=True, created_at=now, updated_at=now)
    try:
        async with tx.session.begin_nested():
            await tx.session.execute(partners.insert().values(**values))
    except IntegrityError as exc:
        raise Conflict("该编码的合作系统已存在", "A partner with this code exists",
                       code="PARTNER_EXISTS", field="code") from exc
    await tx.session.execute(partner_secrets.insert().values(
        id=dbmod.new_id(), partner_id=partner_id, secret_encrypted=service.vault.encrypt(secret),
        created_at=now, expires_at=None))
    await tx.audit(entity="partner", entity_id=partner_id, action="registered", to_state="active")
    tx.emit("integration.partner.registered", events.PartnerRegistered(
        partner_id=partner_id, code=request.code, kind=request.kind,
        jurisdiction_org_id=request.jurisdiction_org_id))
    return await credentials(tx.session, partner_id, secret)


async def credentials(session, partner_id: str, secret: str) -> pb.PartnerCredentials:
    partner = await get_row(session, partner_id)
    return pb.PartnerCredentials(partner=to_proto(partner, await secret_rows(session, partner_id)),
                                 key_id=partner.key_id, secret=secret,
                                 open311_api_key=f"{partner.key_id}.{secret}")


async def get_row(session, partner_id: str):
    row = (await session.execute(select(partners).where(partners.c.id == partner_id))).first()
    if row is None:
        raise NotFound("合作系统不存在", "No such partner", code="PARTNER_NOT_FOUND", field="id")
    return row


async def secret_rows(session, partner_id: str, *, valid_at: dt.datetime | None = None):
    query = select(partner_secrets).where(partner_secrets.c.partner_id == partner_id)
    if valid_at is not None:
        query = query.where(or_(partner_secrets.c.expires_at.is_(None),
                                partner_secrets.c.expires_at > valid_at))
    return (await session.execute(query.order_by(partner_secrets.c.created_at.desc()))).all()


async def valid_secrets(service, session, partner_id: str) -> list[str]:
    """Plain secrets accepted now, newest first (the current one and any still in overlap)."""
    rows = await secret_rows(session, partner_id, valid_at=dbmod.utcnow())
    return [s for s in (service.vault.decrypt(r.secret_encrypted) for r in rows) if s]


async def by_key_id(session, key_id: str):
    return (await session.execute(select(partners).where(partners.c.key_id == key_id,
                                                         partners.c.active.is_(True)))).first()


async def get(service, principal: Principal, partner_id: str) -> pb.Partner:
    require_admin(principal)
    async with service.database.sessions() as session:
        row = await get_row(session, partner_id)
        return to_proto(row, await secret_rows(session, partner_id))


async def list_partners(service, principal: Principal, request: pb.ListPartnersRequest):
    require_admin(principal)
    offset, limit = page_window(request.page.page_size, request.page.page_token)
    query = select(partners).order_by(partners.c.created_at, partners.c.id)
    if request.kind:
        query = query.where(partners.c.kind == request.kind)
    async with service.database.sessions() as session:
        rows = (await session.execute(query.offset(offset).limit(limit + 1))).all()
        found = [to_proto(r, await secret_rows(session, r.id)) for r in rows[:limit]]
    return found, next_page_token(offset, limit, len(rows))


async def update_partner(service, tx, principal: Principal, request: pb.UpdatePartnerRequest):
    require_admin(principal)
    row = await get_row(tx.session, request.id)
    values: dict = {"updated_at": dbmod.utcnow()}
    if request.name:
        domain.check_partner(code=row.code, name=request.name, kind=row.kind,
                             jurisdiction=row.jurisdiction_org_id, scopes=[])
        values["name"] = request.name.strip()
    if request.replace_scopes or request.scopes:
        domain.check_scopes(list(request.scopes))
        base = [] if request.replace_scopes else json.loads(row.scopes)
        values["scopes"] = json.dumps(sorted(set(base) | set(request.scopes)))
    if request.callback_url:
        await service.outbound.check_destination(request.callback_url)
        values.update(callback_url=request.callback_url, callback_disabled=False)
    if request.replace_category_map or request.category_map:
        _check_map(dict(request.category_map), service.categories)
        base = {} if request.replace_category_map else json.loads(row.category_map)
        values["category_map"] = json.dumps({**base, **dict(request.category_map)})
    if request.deactivate or request.reactivate:
        values["active"] = bool(request.reactivate)
    await tx.session.execute(update(partners).where(partners.c.id == row.id).values(**values))
    await tx.audit(entity="partner", entity_id=row.id, action="updated",
                   reason=",".join(sorted(k for k in values if k != "updated_at")))
    row = await get_row(tx.session, row.id)
    return to_proto(row, await secret_rows(tx.session, row.id))


async def rotate_secret(service, tx, principal: Principal, request: pb.RotatePartnerSecretRequest):
    """A new current secret; the previous ones keep working for the overlap, then expire."""
    require_admin(principal)
    hours = request.overlap_hours or 24
    if not 0 <= hours <= MAX_OVERLAP_HOURS:
        raise InvalidArgument("过渡期应为0—720小时", "overlap_hours must be 0-720", field="overlap_hours")
    row = await get_row(tx.session, request.id)
    now = dbmod.utcnow()
    expires = now + dt.timedelta(hours=hours)
    table = partner_secrets
    await tx.session.execute(update(table).where(
        table.c.partner_id == row.id, or_(table.c.expires_at.is_(None), table.c.expires_at > expires))
        .values(expires_at=expires))
    secret = domain.new_secret()
    await tx.session.execute(table.insert().values(
        id=dbmod.new_id(), partner_id=row.id, secret_encrypted=service.vault.encrypt(secret),
        created_at=now, expires_at=None))
    await tx.audit(entity="partner", entity_id=row.id, action="secret_rotated",
                   reason=f"overlap {hours} h")
    tx.emit("integration.partner.secret_rotated", events.PartnerSecretRotated(
        partner_id=row.id, old_secret_expires_at=_ts(expires)))
    return await credentials(tx.session, row.id, secret)
