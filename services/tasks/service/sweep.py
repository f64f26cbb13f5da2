"""The deadline sweep: reminders before the deadline and the overdue mark, each emitted exactly once."""
from __future__ import annotations

import asyncio
import datetime as dt
import logging

from sqlalchemy import and_, select, update

from services.tasks import domain
from services.tasks.models import assignments, tasks
from services.tasks.service import protos
from services.tasks.service.core import Core
from shared import db as dbmod
from shared.auth import ADMIN, Principal
from zhili.tasks.v1 import events_pb2 as events

log = logging.getLogger(__name__)
BATCH = 200


class Sweep(Core):
    async def sweep_deadlines(self, principal: Principal | None = None,
                              now: dt.datetime | None = None) -> tuple[int, int]:
        """(reminded, overdue). Safe on any number of replicas at once: each mark is a conditional
        UPDATE (… WHERE overdue_at IS NULL), and its event is written only by the transaction
        whose UPDATE changed the row, so a mark and its event happen once. State lives in the
        database, so a restart simply picks up where the last sweep stopped."""
        if principal is not None:
            principal.require_role(ADMIN)
        now = now or dbmod.utcnow()
        overdue = await self._mark(now, "overdue", assignments.c.overdue_at,
                                   assignments.c.deadline < now)
        reminded = await self._mark(now, "reminded", assignments.c.reminded_at,
                                    and_(assignments.c.deadline < now + self.remind_before,
                                         assignments.c.deadline > now,
                                         assignments.c.overdue_at.is_(None)))
        return reminded, overdue

    async def _mark(self, now: dt.datetime, action: str, column, due) -> int:
        marked = 0
        open_states = sorted(domain.OPEN_STATES)
        async with self.database.transaction(actor_id="system") as tx:
            rows = (await tx.session.execute(
                select(assignments, tasks.c.points, tasks.c.category, tasks.c.matter_code)
                .join(tasks, tasks.c.id == assignments.c.task_id)
                .where(assignments.c.state.in_(open_states), column.is_(None),
                       assignments.c.deadline.is_not(None), due)
                .order_by(assignments.c.id).limit(BATCH))).all()
            for row in rows:
                result = await tx.session.execute(update(assignments).where(
                    assignments.c.id == row.id, column.is_(None),
                    assignments.c.state.in_(open_states)).values({column.name: now}))
                if result.rowcount != 1:
                    continue  # another replica marked it first
                marked += 1
                await self._timeline(tx, assignment_id=row.id, action=action,
                                     from_state=row.state, to_state=row.state, principal=None,
                                     note=_note(action, row.deadline), at=now)
                facts = protos.facts(row, row)
                if action == "overdue":
                    tx.emit("tasks.assignment.overdue", events.AssignmentOverdue(
                        assignment=facts, overdue_at=protos.ts(now)))
                else:
                    tx.emit("tasks.assignment.reminded", events.AssignmentReminded(
                        assignment=facts, reminded_at=protos.ts(now)))
        return marked

    async def run_sweeper(self, interval: float) -> None:
        """Periodic sweep in the service process; errors are logged and the next round retries."""
        while True:
            try:
                reminded, overdue = await self.sweep_deadlines()
                if reminded or overdue:
                    log.info("deadline sweep", extra={"reminded": reminded, "overdue": overdue})
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("deadline sweep failed")
            await asyncio.sleep(interval)


def _note(action: str, deadline) -> str:
    local = dbmod.as_utc(deadline).astimezone(dt.timezone(dt.timedelta(hours=8)))
    when = local.strftime("%Y-%m-%d %H:%M")
    if action == "overdue":
        return f"已超过办理期限（{when}），请尽快办结"
    return f"即将到期（{when}），请抓紧办理"
