"""Delivery worker: sends due deliveries from the database, a few at a time per partner, never blocking others."""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections import Counter

from sqlalchemy import or_, select, update

from services.integration import domain
from services.integration.models import (delivery_attempts, deliveries, partners,
                                         webhook_subscriptions)
from services.integration.service import partners as partners_mod
from services.integration.service.outbound import BlockedDestination, HttpResult
from shared import db as dbmod
from zhili.integration.v1 import events_pb2 as events

log = logging.getLogger(__name__)
BATCH = 200


class DeliveryWorker:
    """Every replica may run one: rows are leased (locked_until) before they are sent."""

    def __init__(self, service) -> None:
        self._service = service
        self._inflight: Counter[str] = Counter()
        self._tasks: set[asyncio.Task] = set()
        self.lease = dt.timedelta(seconds=60)

    async def run(self) -> None:
        while True:
            try:
                started = await self.tick()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # database briefly away: keep going, lose nothing
                log.warning("delivery worker tick failed", extra={"error": repr(exc)})
                started = 0
            await asyncio.sleep(0.05 if started else self._service.poll_seconds)

    async def tick(self) -> int:
        """Lease due deliveries within each partner's free capacity and send each in its own task."""
        database, now = self._service.database, dbmod.utcnow()
        limit = self._service.partner_concurrency
        async with database.transaction() as tx:
            query = (select(deliveries.c.id, deliveries.c.partner_id)
                     .where(deliveries.c.status == "pending", deliveries.c.next_attempt_at <= now,
                            or_(deliveries.c.locked_until.is_(None), deliveries.c.locked_until < now))
                     .order_by(deliveries.c.next_attempt_at).limit(BATCH))
            if not dbmod.is_sqlite(database.url):
                query = query.with_for_update(skip_locked=True)
            picked, taken = [], Counter()
            for row in (await tx.session.execute(query)).all():
                if self._inflight[row.partner_id] + taken[row.partner_id] < limit:
                    taken[row.partner_id] += 1
                    picked.append(row)
            if picked:
                await tx.session.execute(update(deliveries).where(
                    deliveries.c.id.in_([r.id for r in picked])).values(locked_until=now + self.lease))
        for row in picked:
            self._inflight[row.partner_id] += 1
            task = asyncio.create_task(self._run_one(row.id, row.partner_id))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return len(picked)

    async def _run_one(self, delivery_id: str, partner_id: str) -> None:
        try:
            await self.attempt(delivery_id)
        except Exception as exc:  # the lease expires and another tick retries it
            log.exception("delivery attempt crashed", extra={"delivery_id": delivery_id, "error": repr(exc)})
        finally:
            self._inflight[partner_id] -= 1

    async def attempt(self, delivery_id: str) -> None:
        service = self._service
        async with service.database.sessions() as session:
            row = (await session.execute(select(deliveries).where(deliveries.c.id == delivery_id))).first()
            partner = (await session.execute(select(partners).where(partners.c.id == row.partner_id))).first()
            secrets = await partners_mod.valid_secrets(service, session, partner.id)
            url, gone = await self._endpoint(session, row, partner)
        if url != row.url:  # the endpoint moved since this was queued (or dead-lettered and replayed)
            async with service.database.transaction(actor_id="system") as tx:
                await tx.session.execute(update(deliveries).where(deliveries.c.id == row.id).values(url=url))
                row = (await tx.session.execute(select(deliveries).where(deliveries.c.id == row.id))).first()
        if gone:
            await self._finish(row, None, dead_reason=gone)
            return
        body = row.payload.encode()
        headers = domain.webhook_headers(secrets, row.id, int(time.time()), body)
        try:
            result = await service.outbound.post(row.url, body, headers)
        except BlockedDestination as exc:
            await self._finish(row, HttpResult(0, None, str(exc), 0), dead_reason=f"blocked: {exc}")
            return
        await self._finish(row, result)

    @staticmethod
    async def _endpoint(session, row, partner) -> tuple[str, str]:
        """Where the delivery goes now (the partner's or subscription's current URL: a partner that
        moved its endpoint after a 410 gets its replays at the new one), and why not, if it must not."""
        if row.subscription_id:
            sub = (await session.execute(select(webhook_subscriptions.c.active, webhook_subscriptions.c.url)
                                         .where(webhook_subscriptions.c.id == row.subscription_id))).first()
            url, gone = (sub.url or row.url, "" if sub.active else "subscription inactive")
        else:
            url = partner.callback_url or row.url
            gone = ("no callback URL" if not partner.callback_url else
                    "endpoint disabled after 410 Gone" if partner.callback_disabled else "")
        return url, ("partner deactivated" if not partner.active else gone)

    async def _finish(self, row, result: HttpResult | None, dead_reason: str = "") -> None:
        """Record the attempt and decide: succeeded, retry later, or dead-letter."""
        service, now = self._service, dbmod.utcnow()
        number = row.attempt_count + (1 if result else 0)
        values: dict = {"locked_until": None, "attempt_count": number}
        outcome = domain.outcome_of(result.status_code) if result and not dead_reason else "dead"
        next_at = None
        if outcome == "retry":
            retry_after = domain.parse_retry_after(result.retry_after, now)
            next_at = service.retry.next_attempt(attempt=number, now=now,
                                                 expires_at=dbmod.as_utc(row.expires_at),
                                                 retry_after=retry_after)
            if next_at is None:
                outcome, dead_reason = "dead", f"retry period over after {number} attempts"
        async with service.database.transaction(actor_id="system") as tx:
            if result:
                await tx.session.execute(delivery_attempts.insert().values(
                    delivery_id=row.id, number=number, at=now, status_code=result.status_code,
                    error=result.error, duration_ms=result.duration_ms))
                values.update(last_status_code=result.status_code, last_error=result.error)
            if outcome == "succeeded":
                values.update(status="succeeded", delivered_at=now, next_attempt_at=None)
                tx.emit("integration.delivery.succeeded", events.DeliverySucceeded(
                    delivery_id=row.id, partner_id=row.partner_id, event_type=row.event_type,
                    attempts=number, status_code=result.status_code))
            elif outcome == "retry":
                values.update(next_attempt_at=next_at, last_error=result.error or f"HTTP {result.status_code}")
                failed = events.DeliveryFailed(delivery_id=row.id, partner_id=row.partner_id,
                                               event_type=row.event_type, attempt=number,
                                               status_code=result.status_code, error=values["last_error"])
                failed.next_attempt_at.FromDatetime(next_at)
                tx.emit("integration.delivery.failed", failed)
            else:
                if outcome == "gone":
                    dead_reason = "410 Gone: endpoint disabled"
                    await self._disable(tx, row)
                values.update(status="dead", next_attempt_at=None, last_error=dead_reason)
                tx.emit("integration.delivery.dead_lettered", events.DeliveryDeadLettered(
                    delivery_id=row.id, partner_id=row.partner_id, event_type=row.event_type,
                    attempts=number, reason=dead_reason))
            await tx.session.execute(update(deliveries).where(deliveries.c.id == row.id).values(**values))
        log.info("delivery attempt", extra={"delivery_id": row.id, "outcome": outcome,
                                            "status_code": result.status_code if result else 0})

    @staticmethod
    async def _disable(tx, row) -> None:
        if row.subscription_id:
            await tx.session.execute(update(webhook_subscriptions).where(
                webhook_subscriptions.c.id == row.subscription_id).values(active=False))
        else:
            await tx.session.execute(update(partners).where(partners.c.id == row.partner_id)
                                     .values(callback_disabled=True, updated_at=dbmod.utcnow()))
        await tx.audit(entity="partner", entity_id=row.partner_id, action="endpoint_disabled",
                       reason=f"410 Gone from {row.url}")
        tx.emit("integration.endpoint.disabled", events.EndpointDisabled(
            partner_id=row.partner_id, subscription_id=row.subscription_id, url=row.url))
