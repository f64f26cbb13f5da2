"""Event subscriptions: petition changes → partner callbacks, supervision events → subscriptions, alerts → people."""
from __future__ import annotations

import json

from sqlalchemy import select, update

from services.integration import domain
from services.integration.models import partners, work_orders
from services.integration.service import deliveries, notifications
from shared import db as dbmod
from shared.consumer import Subscription
from zhili.petitions.v1 import events_pb2 as petition_events
from zhili.procedures.v1 import events_pb2 as procedure_events
from zhili.tasks.v1 import events_pb2 as task_events

# verb → (message type, partner is called back, detail field)
PETITION_EVENTS = {
    "accepted": (petition_events.PetitionAccepted, True, ""),
    "assigned": (petition_events.PetitionAssigned, True, ""),
    "escalated": (petition_events.PetitionEscalated, False, "reason"),
    "transferred": (petition_events.PetitionTransferred, False, "reason"),
    "returned": (petition_events.PetitionReturned, True, "reason"),
    "declined": (petition_events.PetitionDeclined, True, "reason"),
    "resolved": (petition_events.PetitionResolved, True, "result"),
    "followed_up": (petition_events.PetitionFollowedUp, True, "satisfaction"),
    "closed": (petition_events.PetitionClosed, True, "satisfaction"),
    "reopened": (petition_events.PetitionReopened, True, "reason"),
    "overdue": (petition_events.PetitionOverdue, False, ""),
}
TASK_ALERTS = {
    "reminded": (task_events.AssignmentReminded, "task_due_soon", "任务即将到期", "urgent"),
    "overdue": (task_events.AssignmentOverdue, "task_overdue", "任务已逾期", "urgent"),
    "urged": (task_events.AssignmentUrged, "task_urged", "任务催办", ""),
}


def _petition_handler(service, verb: str):
    _, callback, detail_field = PETITION_EVENTS[verb]

    async def handle(tx, event) -> None:
        facts, session = event.petition, tx.session
        detail = getattr(event, detail_field) if detail_field else ""
        data = {"petition_id": facts.petition_id, "event": verb, "status": facts.status,
                "level": facts.level, "handler_org_id": facts.handler_org_id,
                "category_code": facts.category_code, "detail": detail,
                "occurred_at": event.meta.occurred_at.ToJsonString(), "event_id": event.meta.event_id}
        order = (await session.execute(select(work_orders).where(
            work_orders.c.petition_id == facts.petition_id))).first()
        if order is not None:
            await session.execute(update(work_orders).where(work_orders.c.id == order.id).values(
                status=facts.status, status_detail=detail, handler_org_id=facts.handler_org_id,
                updated_at=dbmod.utcnow()))
            partner = (await session.execute(select(partners).where(partners.c.id == order.partner_id))).first()
            if callback and partner.callback_url and domain.SCOPE_STATUS in json.loads(partner.scopes):
                await deliveries.enqueue(service, session, partner_id=partner.id, url=partner.callback_url,
                                         event_type=f"work_order.{verb}",
                                         data={"order_id": order.order_id, "channel": order.channel, **data},
                                         source_event_id=event.meta.event_id)
        await deliveries.fan_out(service, session, event_type=f"petitions.petition.{verb}",
                                 org_id=facts.village_id, data=data, source_event_id=event.meta.event_id)
        if verb == "assigned":
            await notifications.notify(session, kind="petition_assigned", title="新的诉求交办",
                                       body=f"诉求 {facts.petition_id} 已交由本单位办理，请及时处理。",
                                       org_id=facts.handler_org_id)
        elif verb == "overdue":
            await notifications.notify(session, kind="petition_overdue", title="诉求逾期督办",
                                       body=f"诉求 {facts.petition_id} 已超过办理时限，请立即办理并说明情况。",
                                       org_id=facts.handler_org_id, urgent=True)
    return handle


def _warning_handler(service):
    async def handle(tx, event) -> None:
        data = {"warning_id": event.warning_id, "warning_kind": event.warning_kind,
                "procedure_id": event.procedure_id, "village_id": event.village_id,
                "town_id": event.town_id, "detail": event.detail,
                "occurred_at": event.meta.occurred_at.ToJsonString(), "event_id": event.meta.event_id}
        await deliveries.fan_out(service, tx.session, event_type="procedures.warning.raised",
                                 org_id=event.village_id or event.town_id, data=data,
                                 source_event_id=event.meta.event_id)
    return handle


def _task_handler(service, verb: str):
    _, kind, title, urgency = TASK_ALERTS[verb]

    async def handle(tx, event) -> None:
        facts = event.assignment
        await notifications.notify(tx.session, kind=kind, title=title,
                                   body=f"任务 {facts.task_id}（{facts.village_id}）{title}，截止 "
                                        f"{facts.deadline.ToJsonString() if facts.deadline.seconds else '未定'}。",
                                   person_ids=list(facts.assignee_ids), org_id=facts.village_id,
                                   urgent=bool(urgency))
        if verb == "overdue":
            await deliveries.fan_out(service, tx.session, event_type="tasks.assignment.overdue",
                                     org_id=facts.village_id, source_event_id=event.meta.event_id,
                                     data={"task_id": facts.task_id, "assignment_id": facts.assignment_id,
                                           "village_id": facts.village_id})
    return handle


def build_subscriptions(service) -> list[Subscription]:
    subs = [Subscription(durable=f"integration-petition-{verb.replace('_', '-')}", stream="PETITIONS",
                         subject=f"petitions.petition.{verb}", message_type=message,
                         handler=_petition_handler(service, verb))
            for verb, (message, _, _) in PETITION_EVENTS.items()]
    subs.append(Subscription(durable="integration-procedure-warnings", stream="PROCEDURES",
                             subject="procedures.warning.raised",
                             message_type=procedure_events.WarningChanged,
                             handler=_warning_handler(service)))
    subs += [Subscription(durable=f"integration-task-{verb}", stream="TASKS",
                          subject=f"tasks.assignment.{verb}", message_type=message,
                          handler=_task_handler(service, verb))
             for verb, (message, *_rest) in TASK_ALERTS.items()]
    return subs


