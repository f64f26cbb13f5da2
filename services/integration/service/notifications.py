"""Notifications to people: preferences, quiet hours, and a sender over pluggable channels (webhook, email)."""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage

from sqlalchemy import or_, select, update

from services.integration import domain
from services.integration.models import notification_preferences, notifications
from services.integration.service.partners import _ts
from shared import db as dbmod
from shared.auth import ADMIN, Principal
from shared.errors import InvalidArgument, NotFound
from shared.paging import next_page_token, page_window
from zhili.integration.v1 import integration_pb2 as pb

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "127.0.0.1"
    port: int = 25
    sender: str = "zhili@localhost"
    username: str = ""
    password: str = ""
    starttls: bool = False
    timeout: float = 10.0


def _prefs_proto(row) -> pb.NotificationPreferences:
    return pb.NotificationPreferences(
        person_id=row.person_id, org_id=row.org_id, channels=json.loads(row.channels),
        email=row.email, webhook_url=row.webhook_url, quiet_start=row.quiet_start,
        quiet_end=row.quiet_end, muted_kinds=json.loads(row.muted_kinds), updated_at=_ts(row.updated_at))


def _may_manage(principal: Principal, person_id: str) -> None:
    if person_id != principal.subject:
        principal.require_role(ADMIN)


async def set_preferences(service, tx, principal: Principal, request: pb.NotificationPreferences):
    person_id = request.person_id or principal.subject
    _may_manage(principal, person_id)
    if request.org_id:
        principal.require_visible(request.org_id)
    domain.check_preferences(channels=list(request.channels), email=request.email,
                             webhook_url=request.webhook_url, quiet_start=request.quiet_start,
                             quiet_end=request.quiet_end, muted_kinds=list(request.muted_kinds))
    if request.webhook_url and "webhook" in request.channels:
        await service.outbound.check_destination(request.webhook_url, "webhook_url")
    table = notification_preferences
    values = dict(org_id=request.org_id or principal.org_id, channels=json.dumps(sorted(set(request.channels))),
                  email=request.email, webhook_url=request.webhook_url, quiet_start=request.quiet_start,
                  quiet_end=request.quiet_end, muted_kinds=json.dumps(sorted(set(request.muted_kinds))),
                  updated_at=dbmod.utcnow())
    done = await tx.session.execute(update(table).where(table.c.person_id == person_id).values(**values))
    if not done.rowcount:
        await tx.session.execute(table.insert().values(person_id=person_id, **values))
    await tx.audit(entity="notification_preferences", entity_id=person_id, action="set")
    row = (await tx.session.execute(select(table).where(table.c.person_id == person_id))).first()
    return _prefs_proto(row)


async def get_preferences(service, principal: Principal, person_id: str):
    person_id = person_id or principal.subject
    _may_manage(principal, person_id)
    async with service.database.sessions() as session:
        row = (await session.execute(select(notification_preferences).where(
            notification_preferences.c.person_id == person_id))).first()
    if row is None:
        raise NotFound("尚未设置提醒偏好", "No preferences yet", code="PREFERENCES_NOT_FOUND")
    return _prefs_proto(row)


async def notify(session, *, kind: str, title: str, body: str, person_ids=(), org_id: str = "",
                 urgent: bool = False) -> list[str]:
    """Queue one notification per person and channel, deferred past quiet hours unless urgent."""
    table = notification_preferences
    conditions = [table.c.person_id.in_(list(person_ids))] if person_ids else []
    if org_id:
        conditions.append(table.c.org_id == org_id)
    if not conditions:
        return []
    now, ids = dbmod.utcnow(), []
    for pref in (await session.execute(select(table).where(or_(*conditions)))).all():
        muted = kind in json.loads(pref.muted_kinds)
        quiet = None if urgent else domain.quiet_until(now, pref.quiet_start, pref.quiet_end)
        for channel in json.loads(pref.channels):
            target = pref.email if channel == "email" else pref.webhook_url
            notification_id = dbmod.new_id()
            await session.execute(notifications.insert().values(
                id=notification_id, person_id=pref.person_id, kind=kind, channel=channel,
                target=target, title=title[:200], body=body, status="muted" if muted else "pending",
                attempt_count=0, not_before=quiet or now, created_at=now, last_error=""))
            ids.append(notification_id)
    return ids


async def send(service, tx, principal: Principal, request: pb.SendNotificationRequest):
    principal.require_writer()
    principal.require_role(ADMIN)
    if request.kind not in domain.NOTIFICATION_KINDS:
        raise InvalidArgument("未知的提醒类型", "Unknown notification kind", field="kind")
    if not request.title.strip():
        raise InvalidArgument("请填写标题", "title is required", field="title")
    ids = await notify(tx.session, kind=request.kind, title=request.title, body=request.body,
                       person_ids=list(request.person_ids), org_id=request.org_id, urgent=request.urgent)
    return pb.SendNotificationResponse(notification_ids=ids)


async def list_notifications(service, principal: Principal, request: pb.ListNotificationsRequest):
    person_id = request.person_id or principal.subject
    _may_manage(principal, person_id)
    offset, limit = page_window(request.page.page_size, request.page.page_token)
    async with service.database.sessions() as session:
        rows = (await session.execute(select(notifications).where(
            notifications.c.person_id == person_id).order_by(notifications.c.created_at.desc())
            .offset(offset).limit(limit + 1))).all()
    found = [pb.Notification(id=r.id, person_id=r.person_id, kind=r.kind, channel=r.channel,
                             title=r.title, body=r.body, status=r.status, attempt_count=r.attempt_count,
                             not_before=_ts(r.not_before), sent_at=_ts(r.sent_at) if r.sent_at else None,
                             last_error=r.last_error, created_at=_ts(r.created_at)) for r in rows[:limit]]
    return found, next_page_token(offset, limit, len(rows))


class NotificationSender:
    """Sends due notifications; channels are plug-ins keyed by name."""

    def __init__(self, service, smtp: SmtpSettings) -> None:
        self._service = service
        self._smtp = smtp
        self.channels = {"email": self._email, "webhook": self._webhook}

    async def run(self) -> None:
        while True:
            try:
                sent = await self.tick()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("notification tick failed", extra={"error": repr(exc)})
                sent = 0
            await asyncio.sleep(0.05 if sent else self._service.poll_seconds)

    async def tick(self) -> int:
        now = dbmod.utcnow()
        async with self._service.database.transaction() as tx:
            rows = (await tx.session.execute(select(notifications).where(
                notifications.c.status == "pending", notifications.c.not_before <= now,
                or_(notifications.c.locked_until.is_(None), notifications.c.locked_until < now))
                .order_by(notifications.c.not_before).limit(50))).all()
            if rows:
                await tx.session.execute(update(notifications).where(notifications.c.id.in_(
                    [r.id for r in rows])).values(locked_until=now + dt.timedelta(seconds=60)))
        await asyncio.gather(*(self._send_one(row) for row in rows))
        return len(rows)

    async def _send_one(self, row) -> None:
        try:
            await self.channels[row.channel](row)
            error = ""
        except Exception as exc:  # any channel failure is retried a few times
            error = f"{type(exc).__name__}: {exc}"[:300]
        attempts, now = row.attempt_count + 1, dbmod.utcnow()
        values = dict(attempt_count=attempts, locked_until=None, last_error=error)
        if not error:
            values.update(status="sent", sent_at=now)
        elif attempts >= MAX_ATTEMPTS:
            values.update(status="failed")
        else:
            values.update(not_before=now + dt.timedelta(seconds=self._service.retry.delay(attempts)))
        async with self._service.database.transaction() as tx:
            await tx.session.execute(update(notifications).where(notifications.c.id == row.id).values(**values))

    async def _webhook(self, row) -> None:
        body = json.dumps(domain.robot_message(row.title, row.body), ensure_ascii=False).encode()
        result = await self._service.outbound.post(row.target, body, {"content-type": "application/json"})
        if not 200 <= result.status_code < 300:
            raise RuntimeError(result.error or f"HTTP {result.status_code}")
        refusal = domain.robot_refusal(result.body)
        if refusal:  # HTTP 200 but not delivered: retried like any failure, and visible in last_error
            raise RuntimeError(refusal)

    async def _email(self, row) -> None:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self._smtp.sender, row.target, row.title
        message.set_content(row.body)
        await asyncio.to_thread(self._smtp_send, message)

    def _smtp_send(self, message: EmailMessage) -> None:
        smtp = self._smtp
        with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout) as client:
            if smtp.starttls:
                client.starttls()
            if smtp.username:
                client.login(smtp.username, smtp.password)
            client.send_message(message)
