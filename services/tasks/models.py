"""Tasks tables (SQLAlchemy Core), plus the shared outbox, inbox, idempotency and audit tables."""
from sqlalchemy import (JSON, BigInteger, Boolean, Column, DateTime, Float, ForeignKey, Index,
                        Integer, String, Table, Text, UniqueConstraint)

from shared.db import make_metadata
from shared.outbox import infrastructure_tables

metadata = make_metadata()
infra = infrastructure_tables(metadata)

tasks = Table(
    "tasks", metadata,
    Column("id", String(36), primary_key=True),
    Column("town_id", String(32), nullable=False, index=True),
    Column("issuer_org_id", String(32), nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("category", String(10), nullable=False),
    Column("matter_code", String(40), nullable=False, default=""),
    Column("target_village_ids", JSON, nullable=False),
    Column("deadline", DateTime(timezone=True), nullable=True),
    Column("time_limit_amount", Float, nullable=False, default=0),
    Column("time_limit_unit", String(20), nullable=False, default=""),
    Column("points", Integer, nullable=False, default=0),
    Column("co_handler_org_ids", JSON, nullable=False),
    Column("urgency", String(10), nullable=False, default="normal"),
    Column("state", String(20), nullable=False),
    Column("screening", JSON, nullable=True),
    Column("review_comment", Text, nullable=False, default=""),
    Column("collective_decision", JSON, nullable=True),
    Column("merged_into", String(36), nullable=True),
    Column("listing_id", String(36), nullable=True),
    Column("milestones", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("dispatched_at", DateTime(timezone=True), nullable=True),
    Index("ix_tasks_town_state", "town_id", "state"),
)

assignments = Table(
    "assignments", metadata,
    Column("id", String(36), primary_key=True),
    Column("task_id", String(36), ForeignKey("tasks.id"), nullable=False, index=True),
    Column("village_id", String(32), nullable=False, index=True),
    Column("town_id", String(32), nullable=False),
    Column("state", String(20), nullable=False),
    Column("assignee_ids", JSON, nullable=False),
    Column("percent", Integer, nullable=False, default=0),
    Column("deadline", DateTime(timezone=True), nullable=True),
    Column("reminded_at", DateTime(timezone=True), nullable=True),
    Column("overdue_at", DateTime(timezone=True), nullable=True),
    Column("urge_count", Integer, nullable=False, default=0),
    Column("send_back_count", Integer, nullable=False, default=0),
    Column("quality", Integer, nullable=True),
    Column("points_earned", Float, nullable=True),
    Column("rated_at", DateTime(timezone=True), nullable=True),
    Column("rating_reasonable", Boolean, nullable=True),
    Column("rating_burden", String(10), nullable=False, default=""),
    Column("rating_comment", Text, nullable=False, default=""),
    Column("signed_at", DateTime(timezone=True), nullable=True),
    Column("submitted_at", DateTime(timezone=True), nullable=True),
    Column("accepted_at", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("task_id", "village_id", name="uq_assignments_task_village"),
    Index("ix_assignments_town_state", "town_id", "state"),
    Index("ix_assignments_deadline", "state", "deadline"),
)

# Who works on an assignment (the inbox of cadres and grid workers is a lookup here).
assignees = Table(
    "assignment_assignees", metadata,
    Column("assignment_id", String(36), ForeignKey("assignments.id"), primary_key=True),
    Column("person_id", String(64), primary_key=True, index=True),
)

# An assignment's timeline: every step, progress report and 催办, in order.
timeline = Table(
    "assignment_timeline", metadata,
    Column("id", String(36), primary_key=True),
    Column("assignment_id", String(36), ForeignKey("assignments.id"), nullable=False, index=True),
    Column("action", String(30), nullable=False),
    Column("from_state", String(20), nullable=False, default=""),
    Column("to_state", String(20), nullable=False, default=""),
    Column("actor_id", String(64), nullable=False),
    Column("actor_name", String(50), nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("percent", Integer, nullable=True),
    Column("photo_urls", JSON, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

listings = Table(
    "listings", metadata,
    Column("id", String(36), primary_key=True),
    Column("town_id", String(32), nullable=False, index=True),
    Column("title", String(200), nullable=False),
    Column("project", Text, nullable=False),
    Column("resources", Text, nullable=False, default=""),
    Column("funds_fen", BigInteger, nullable=False, default=0),
    Column("criteria", Text, nullable=False, default=""),
    Column("closes_at", DateTime(timezone=True), nullable=False),
    Column("points", Integer, nullable=False, default=0),
    Column("matter_code", String(40), nullable=False, default=""),
    Column("state", String(20), nullable=False),
    Column("winning_bid_id", String(36), nullable=True),
    Column("winner_village_id", String(32), nullable=True),
    Column("award_reason", Text, nullable=False, default=""),
    Column("task_id", String(36), nullable=True),
    Column("awarded_at", DateTime(timezone=True), nullable=True),
    Column("created_by", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

bids = Table(
    "bids", metadata,
    Column("id", String(36), primary_key=True),
    Column("listing_id", String(36), ForeignKey("listings.id"), nullable=False, index=True),
    Column("village_id", String(32), nullable=False),
    Column("statement", Text, nullable=False),
    Column("bidder_id", String(64), nullable=False),
    Column("placed_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("listing_id", "village_id", name="uq_bids_listing_village"),
)

project_requests = Table(
    "project_requests", metadata,
    Column("id", String(36), primary_key=True),
    Column("village_id", String(32), nullable=False, index=True),
    Column("town_id", String(32), nullable=False, index=True),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("resources_needed", Text, nullable=False, default=""),
    Column("funds_fen", BigInteger, nullable=False, default=0),
    Column("state", String(20), nullable=False),
    Column("helping_org_ids", JSON, nullable=False),
    Column("review_comment", Text, nullable=False, default=""),
    Column("requested_by", String(64), nullable=False),
    Column("reviewed_by", String(64), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("reviewed_at", DateTime(timezone=True), nullable=True),
)
