"""Builders of the producers' events as they publish them (for tests and the benchmark)."""
from __future__ import annotations

import datetime as dt
import uuid

from google.protobuf.timestamp_pb2 import Timestamp

from shared import bus
from zhili.common.v1 import common_pb2
from zhili.directory.v1 import directory_pb2 as dp
from zhili.directory.v1 import events_pb2 as de
from zhili.petitions.v1 import events_pb2 as pe
from zhili.procedures.v1 import events_pb2 as pr
from zhili.tasks.v1 import events_pb2 as te

STREAMS = {"tasks": "TASKS", "petitions": "PETITIONS", "procedures": "PROCEDURES",
           "directory": "DIRECTORY"}


def stamp(moment: dt.datetime) -> Timestamp:
    value = Timestamp()
    value.FromDatetime(moment)
    return value


def meta(subject: str, at: dt.datetime, event_id: str = "", actor: str = "system"):
    return common_pb2.EventMeta(event_id=event_id or str(uuid.uuid4()), occurred_at=stamp(at),
                                actor_id=actor, subject=subject)


def facts(assignment_id: str, village_id: str, assignees: list[str], points: int,
          deadline: dt.datetime, state: str) -> te.AssignmentFacts:
    return te.AssignmentFacts(task_id=f"task-{assignment_id}", assignment_id=assignment_id,
                              village_id=village_id, town_id=village_id[:9],
                              assignee_ids=assignees, points=points, category="town",
                              deadline=stamp(deadline), state=state)


def accepted(assignment_id, village_id, assignees, points, quality, at, *, late=False,
             deadline=None, event_id=""):
    deadline = deadline or at
    return "tasks.assignment.accepted", te.AssignmentAccepted(
        meta=meta("tasks.assignment.accepted", at, event_id),
        assignment=facts(assignment_id, village_id, assignees, points, deadline, "accepted"),
        quality=quality, points_earned=points * quality / 100, accepted_at=stamp(at), late=late)


def overdue(assignment_id, village_id, assignees, points, at, *, event_id=""):
    return "tasks.assignment.overdue", te.AssignmentOverdue(
        meta=meta("tasks.assignment.overdue", at, event_id),
        assignment=facts(assignment_id, village_id, assignees, points, at, "overdue"),
        overdue_at=stamp(at))


def signed(assignment_id, village_id, secretary, points, at, *, event_id=""):
    return "tasks.assignment.signed", te.AssignmentSigned(
        meta=meta("tasks.assignment.signed", at, event_id),
        assignment=facts(assignment_id, village_id, [], points, at, "signed"),
        signed_by=secretary, signed_at=stamp(at))


def petition(verb: str, petition_id: str, village_id: str, at: dt.datetime, *, level="village",
             status="", source="snapshot", grid_id="", reporter="", event_id="", **extra):
    message = {"received": pe.PetitionReceived, "resolved": pe.PetitionResolved,
               "followed_up": pe.PetitionFollowedUp, "closed": pe.PetitionClosed}[verb]
    subject = f"petitions.petition.{verb}"
    petition_facts = pe.PetitionFacts(
        petition_id=petition_id, source=source, village_id=village_id, grid_id=grid_id,
        level=level, handler_org_id=village_id, status=status or verb, reporter_id=reporter,
        received_at=stamp(extra.pop("received_at", at)))
    return subject, message(meta=meta(subject, at, event_id), petition=petition_facts, **extra)


def patrol(patrol_id: str, grid_id: str, worker: str, at: dt.datetime, *, petition_id="",
           event_id=""):
    subject = "petitions.patrol.recorded"
    return subject, pe.PatrolRecorded(
        meta=meta(subject, at, event_id, actor=worker), patrol_id=patrol_id, grid_id=grid_id,
        village_id=grid_id.split("G", 1)[0], worker_id=worker, patrolled_at=stamp(at),
        element_codes=["E0101"], petition_id=petition_id)


def warning(verb: str, warning_id: str, village_id: str, procedure_id: str, at, *, event_id=""):
    subject = f"procedures.warning.{verb}"
    return subject, pr.WarningChanged(
        meta=meta(subject, at, event_id), warning_id=warning_id,
        warning_kind="PUBLICITY_TOO_SHORT", procedure_id=procedure_id, village_id=village_id,
        town_id=village_id[:9], kind="sixiyi_liang_gongkai", detail="公示期不足5天")


def org_unit(unit_id: str, name: str, at: dt.datetime, *, level="village", event_id=""):
    subject = "directory.org_unit.created"
    parent = unit_id[:9] if level == "village" else unit_id[:6]
    return subject, de.OrgUnitCreated(meta=meta(subject, at, event_id), org_unit=dp.OrgUnit(
        id=unit_id, parent_id=parent, level=level, name=name))


def person(person_id: str, name: str, org_id: str, at: dt.datetime, *, event_id=""):
    subject = "directory.person.created"
    return subject, de.PersonCreated(meta=meta(subject, at, event_id), person=dp.Person(
        id=person_id, username=person_id, name=name, org_id=org_id, position="village_cadre"))


def stream_of(subject: str) -> str:
    return STREAMS[subject.split(".", 1)[0]]


async def publish(js, subject: str, event, *, msg_id: str = "") -> None:
    """Publish as the producing service would: into its stream, which it creates when it starts."""
    await bus.ensure_service_stream(js, subject.split(".", 1)[0])
    await js.publish(subject, event.SerializeToString(), stream=stream_of(subject),
                     headers={"Nats-Msg-Id": msg_id or event.meta.event_id})
