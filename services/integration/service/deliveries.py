"""Deliveries (signed webhooks) and webhook subscriptions: enqueue, list, replay, subscribe."""
from __future__ import annotations

import json

from sqlalchemy import select, update

from services.integration import domain
from services.integration.models import delivery_attempts, deliveries, partners, webhook_subscriptions
from services.integration.service import partners as partners_mod
from services.integration.service.partners import _ts, require_admin
from shared import db as dbmod
from shared.auth import Principal
from shared.errors import Conflict, InvalidArgument, NotFound
from shared.paging import next_page_token, page_window
from zhili.integration.v1 import integration_pb2 as pb


def new_delivery_id() -> str:
    return "msg_" + dbmod.new_id().replace("-", "")


async def enqueue(service, session, *, partner_id: str, url: str, event_type: str,
                  data: dict, source_event_id: str = "", subscription_id: str = "") -> str:
    """A pending delivery, due now; the payload has the Standard Webhooks shape {type, timestamp, data}."""
    now = dbmod.utcnow()
    delivery_id = new_delivery_id()
    payload = {"type": event_type, "timestamp": now.isoformat().replace("+00:00", "Z"), "data": data}
    await session.execute(deliveries.insert().values(
        id=delivery_id, partner_id=partner_id, subscription_id=subscription_id,
        event_type=event_type, source_event_id=source_event_id, url=url,
        payload=json.dumps(payload, ensure_ascii=False, separators=(",", ":")), status="pending",
        attempt_count=0, next_attempt_at=now, locked_until=None,
        expires_at=now + service.retry.period, last_status_code=0, last_error="", created_at=now))
    return delivery_id


async def to_proto(session, row, with_attempts: bool = True) -> pb.Delivery:
    attempts = []
    if with_attempts:
        found = (await session.execute(select(delivery_attempts).where(
            delivery_attempts.c.delivery_id == row.id).order_by(delivery_attempts.c.number))).all()
        attempts = [pb.DeliveryAttempt(number=a.number, at=_ts(a.at), status_code=a.status_code,
                                       error=a.error, duration_ms=a.duration_ms) for a in found]
    return pb.Delivery(
        id=row.id, partner_id=row.partner_id, subscription_id=row.subscription_id,
        event_type=row.event_type, url=row.url, status=row.status, attempt_count=row.attempt_count,
        next_attempt_at=_ts(row.next_attempt_at) if row.next_attempt_at else None,
        expires_at=_ts(row.expires_at), last_error=row.last_error,
        last_status_code=row.last_status_code, payload_json=row.payload, attempts=attempts,
        created_at=_ts(row.created_at),
        delivered_at=_ts(row.delivered_at) if row.delivered_at else None)


async def _row(session, delivery_id: str):
    row = (await session.execute(select(deliveries).where(deliveries.c.id == delivery_id))).first()
    if row is None:
        raise NotFound("投递记录不存在", "No such delivery", code="DELIVERY_NOT_FOUND", field="id")
    return row


async def get(service, principal: Principal, delivery_id: str) -> pb.Delivery:
    require_admin(principal)
    async with service.database.sessions() as session:
        return await to_proto(session, await _row(session, delivery_id))


async def list_deliveries(service, principal: Principal, request: pb.ListDeliveriesRequest):
    require_admin(principal)
    offset, limit = page_window(request.page.page_size, request.page.page_token)
    query = select(deliveries).order_by(deliveries.c.created_at.desc(), deliveries.c.id.desc())
    if request.partner_id:
        query = query.where(deliveries.c.partner_id == request.partner_id)
    if request.status:
        query = query.where(deliveries.c.status == request.status)
    async with service.database.sessions() as session:
        rows = (await session.execute(query.offset(offset).limit(limit + 1))).all()
        found = [await to_proto(session, r) for r in rows[:limit]]
    return found, next_page_token(offset, limit, len(rows))


async def replay(service, tx, principal: Principal, delivery_id: str) -> pb.Delivery:
    """Send again with the same webhook-id (receivers deduplicate on it), a fresh retry period."""
    require_admin(principal)
    row = await _row(tx.session, delivery_id)
    now = dbmod.utcnow()
    if row.locked_until is not None and dbmod.as_utc(row.locked_until) > now:
        # A worker is sending it right now: clearing its lease would send it twice at once.
        raise Conflict("该投递正在发送中，请稍后再重新投递", "The delivery is being sent; replay it afterwards",
                       code="DELIVERY_IN_FLIGHT", field="id")
    await tx.session.execute(update(deliveries).where(deliveries.c.id == row.id).values(
        status="pending", next_attempt_at=now, expires_at=now + service.retry.period, last_error=""))
    await tx.audit(entity="delivery", entity_id=row.id, action="replayed", from_state=row.status,
                   to_state="pending")
    return await to_proto(tx.session, await _row(tx.session, row.id))


# --- subscriptions -------------------------------------------------------------------------------

def _sub_proto(row) -> pb.WebhookSubscription:
    return pb.WebhookSubscription(id=row.id, partner_id=row.partner_id,
                                  event_types=json.loads(row.event_types), url=row.url,
                                  active=row.active, created_at=_ts(row.created_at))


def required_scope(event_type: str) -> str | None:
    for prefix, scope in domain.EVENT_SCOPES.items():
        if event_type.startswith(prefix):
            return scope
    return None


async def subscribe(service, tx, principal: Principal, request: pb.CreateWebhookSubscriptionRequest):
    require_admin(principal)
    partner = await partners_mod.get_row(tx.session, request.partner_id)
    types = sorted(set(request.event_types))
    if not types:
        raise InvalidArgument("请至少选择一种事件类型", "event_types is empty", field="event_types")
    scopes = set(json.loads(partner.scopes))
    for event_type in types:
        scope = required_scope(event_type)
        if scope is None:
            raise InvalidArgument(f"不支持订阅的事件类型：{event_type}", f"Unsupported event type {event_type}",
                                  code="UNSUPPORTED_EVENT_TYPE", field="event_types")
        if scope not in scopes:
            raise InvalidArgument(f"合作系统缺少订阅 {event_type} 所需的权限：{domain.SCOPES[scope]}",
                                  f"The partner lacks scope {scope} for {event_type}",
                                  code="SCOPE_REQUIRED", field="event_types")
    url = request.url or partner.callback_url
    if not url:
        raise InvalidArgument("合作系统没有回调地址，请指定 url", "No URL and no partner callback", field="url")
    await service.outbound.check_destination(url, "url")
    subscription_id = dbmod.new_id()
    await tx.session.execute(webhook_subscriptions.insert().values(
        id=subscription_id, partner_id=partner.id, event_types=json.dumps(types), url=url,
        active=True, created_at=dbmod.utcnow()))
    await tx.audit(entity="webhook_subscription", entity_id=subscription_id, action="created",
                   reason=",".join(types))
    return _sub_proto(await _sub_row(tx.session, subscription_id))


async def _sub_row(session, subscription_id: str):
    row = (await session.execute(select(webhook_subscriptions).where(
        webhook_subscriptions.c.id == subscription_id))).first()
    if row is None:
        raise NotFound("订阅不存在", "No such subscription", code="SUBSCRIPTION_NOT_FOUND", field="id")
    return row


async def list_subscriptions(service, principal: Principal, request):
    require_admin(principal)
    offset, limit = page_window(request.page.page_size, request.page.page_token)
    query = select(webhook_subscriptions).order_by(webhook_subscriptions.c.created_at)
    if request.partner_id:
        query = query.where(webhook_subscriptions.c.partner_id == request.partner_id)
    async with service.database.sessions() as session:
        rows = (await session.execute(query.offset(offset).limit(limit + 1))).all()
    return [_sub_proto(r) for r in rows[:limit]], next_page_token(offset, limit, len(rows))


async def unsubscribe(service, tx, principal: Principal, subscription_id: str):
    require_admin(principal)
    row = await _sub_row(tx.session, subscription_id)
    await tx.session.execute(update(webhook_subscriptions).where(
        webhook_subscriptions.c.id == row.id).values(active=False))
    await tx.audit(entity="webhook_subscription", entity_id=row.id, action="deleted")
    return _sub_proto(await _sub_row(tx.session, row.id))


async def fan_out(service, session, *, event_type: str, org_id: str, data: dict,
                  source_event_id: str) -> int:
    """One delivery per active subscription to `event_type` whose partner's jurisdiction covers org_id."""
    rows = (await session.execute(select(webhook_subscriptions, partners.c.jurisdiction_org_id).join(
        partners, partners.c.id == webhook_subscriptions.c.partner_id).where(
        webhook_subscriptions.c.active.is_(True), partners.c.active.is_(True)))).all()
    count = 0
    for row in rows:
        if event_type in json.loads(row.event_types) and org_id.startswith(row.jurisdiction_org_id):
            await enqueue(service, session, partner_id=row.partner_id, url=row.url,
                          event_type=event_type, data=data, source_event_id=source_event_id,
                          subscription_id=row.id)
            count += 1
    return count
