"""Rows → protobuf messages (tasks, assignments, timeline, listings, project requests, event facts)."""
from __future__ import annotations

import datetime as dt

from google.protobuf.timestamp_pb2 import Timestamp

from shared import db as dbmod
from zhili.tasks.v1 import events_pb2 as events
from zhili.tasks.v1 import tasks_pb2 as pb


def ts(value: dt.datetime | None) -> Timestamp | None:
    if value is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(dbmod.as_utc(value))
    return stamp


def from_ts(stamp: Timestamp, present: bool) -> dt.datetime | None:
    return stamp.ToDatetime(tzinfo=dt.UTC) if present else None


def milestones(items: list[dict]) -> list[pb.Milestone]:
    return [pb.Milestone(title=m["title"], due_at=ts(dt.datetime.fromisoformat(m["due_at"]))
                         if m.get("due_at") else None) for m in items]


def task(row, progress: list[pb.VillageProgress] | None = None) -> pb.Task:
    screening = row.screening or None
    decision = row.collective_decision or None
    return pb.Task(
        id=row.id, town_id=row.town_id, issuer_org_id=row.issuer_org_id, created_by=row.created_by,
        title=row.title, description=row.description, category=row.category,
        matter_code=row.matter_code, target_village_ids=row.target_village_ids,
        deadline=ts(row.deadline),
        time_limit=pb.TimeLimit(amount=row.time_limit_amount, unit=row.time_limit_unit)
        if row.time_limit_amount else None,
        points=row.points, co_handler_org_ids=row.co_handler_org_ids, state=row.state,
        screening=pb.ScreeningResult(
            id=screening["id"], decision=screening["decision"],
            matter_code=screening["matter_code"],
            reasons=[pb.ScreeningReason(**r) for r in screening["reasons"]],
            suggested_codes=screening["suggested_codes"],
            screened_at=ts(dt.datetime.fromisoformat(screening["screened_at"])))
        if screening else None,
        review_comment=row.review_comment,
        collective_decision=pb.CollectiveDecision(**decision) if decision else None,
        merged_into=row.merged_into or "", listing_id=row.listing_id or "",
        milestones=milestones(row.milestones), progress=progress or [],
        created_at=ts(row.created_at), updated_at=ts(row.updated_at),
        dispatched_at=ts(row.dispatched_at), urgency=row.urgency)


def village_progress(row) -> pb.VillageProgress:
    return pb.VillageProgress(assignment_id=row.id, village_id=row.village_id, state=row.state,
                              percent=row.percent, overdue=row.overdue_at is not None,
                              quality=row.quality or 0, points_earned=row.points_earned or 0)


def timeline_entry(row) -> pb.TimelineEntry:
    return pb.TimelineEntry(id=row.id, action=row.action, from_state=row.from_state,
                            to_state=row.to_state, actor_id=row.actor_id,
                            actor_name=row.actor_name, note=row.note, percent=row.percent or 0,
                            photo_urls=row.photo_urls, at=ts(row.at))


def assignment(row, task_row, entries=()) -> pb.Assignment:
    return pb.Assignment(
        id=row.id, task_id=row.task_id, task_title=task_row.title, village_id=row.village_id,
        town_id=row.town_id, state=row.state, assignee_ids=row.assignee_ids, percent=row.percent,
        deadline=ts(row.deadline), overdue=row.overdue_at is not None,
        overdue_at=ts(row.overdue_at), urge_count=row.urge_count, points=task_row.points,
        quality=row.quality or 0, points_earned=row.points_earned or 0,
        rated=row.rated_at is not None, rating_reasonable=bool(row.rating_reasonable),
        rating_burden=row.rating_burden, rating_comment=row.rating_comment,
        timeline=[timeline_entry(e) for e in entries], signed_at=ts(row.signed_at),
        submitted_at=ts(row.submitted_at), accepted_at=ts(row.accepted_at),
        category=task_row.category, matter_code=task_row.matter_code,
        co_handler_org_ids=task_row.co_handler_org_ids,
        milestones=milestones(task_row.milestones))


def facts(row, task_row, *, state: str | None = None,
          assignee_ids: list[str] | None = None) -> events.AssignmentFacts:
    return events.AssignmentFacts(
        task_id=row.task_id, assignment_id=row.id, village_id=row.village_id,
        town_id=row.town_id, assignee_ids=row.assignee_ids if assignee_ids is None else assignee_ids,
        points=task_row.points, category=task_row.category, matter_code=task_row.matter_code,
        deadline=ts(row.deadline), state=state or row.state)


def bid(row) -> pb.Bid:
    return pb.Bid(id=row.id, village_id=row.village_id, statement=row.statement,
                  bidder_id=row.bidder_id, placed_at=ts(row.placed_at))


def listing(row, bid_rows) -> pb.Listing:
    return pb.Listing(
        id=row.id, town_id=row.town_id, title=row.title, project=row.project,
        resources=row.resources, funds_fen=row.funds_fen, criteria=row.criteria,
        closes_at=ts(row.closes_at), points=row.points, state=row.state,
        bids=[bid(b) for b in bid_rows], winner_village_id=row.winner_village_id or "",
        winning_bid_id=row.winning_bid_id or "", award_reason=row.award_reason,
        task_id=row.task_id or "", awarded_at=ts(row.awarded_at), created_by=row.created_by,
        created_at=ts(row.created_at), matter_code=row.matter_code)


def project_request(row) -> pb.ProjectRequest:
    return pb.ProjectRequest(
        id=row.id, village_id=row.village_id, town_id=row.town_id, title=row.title,
        description=row.description, resources_needed=row.resources_needed,
        funds_fen=row.funds_fen, state=row.state, helping_org_ids=row.helping_org_ids,
        review_comment=row.review_comment, requested_by=row.requested_by,
        reviewed_by=row.reviewed_by, created_at=ts(row.created_at),
        reviewed_at=ts(row.reviewed_at))
