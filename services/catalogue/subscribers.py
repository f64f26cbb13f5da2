"""Event subscriptions of the catalogue: task dispatches feed the duplicate index and the quotas;
the villages' ratings of tasks feed the quality statistics (由下对上评)."""
from __future__ import annotations

from shared.consumer import Subscription
from zhili.tasks.v1 import events_pb2 as task_events


def subscriptions(service) -> list[Subscription]:
    return [Subscription(durable="catalogue-dispatches", stream="TASKS",
                         subject="tasks.task.dispatched",
                         message_type=task_events.TaskDispatched,
                         handler=service.record_dispatch),
            Subscription(durable="catalogue-ratings", stream="TASKS",
                         subject="tasks.assignment.rated",
                         message_type=task_events.AssignmentRated,
                         handler=service.record_rating)]
