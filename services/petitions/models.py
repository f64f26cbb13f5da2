"""Petitions tables (SQLAlchemy Core), plus the shared outbox, inbox, idempotency and audit tables."""
from sqlalchemy import (Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, String,
                        Table, Text, UniqueConstraint)

from shared.db import make_metadata
from shared.outbox import infrastructure_tables

metadata = make_metadata()
infra = infrastructure_tables(metadata)

petitions = Table(
    "petitions", metadata,
    Column("id", String(36), primary_key=True),
    Column("source", String(20), nullable=False),
    Column("external_id", String(100), nullable=True),
    Column("title", String(200), nullable=False),
    Column("content", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("category_code", String(20), nullable=False, index=True),
    Column("category_name", String(100), nullable=False),
    Column("suggested_level", String(10), nullable=False),
    Column("suggested_department", String(100), nullable=False),
    Column("triage", Text, nullable=False),          # JSON: the suggestions it got on intake
    Column("village_id", String(32), nullable=False, index=True),
    Column("origin_org_id", String(32), nullable=False, index=True),  # grid if known, else village
    Column("grid_id", String(32), nullable=False, default=""),
    Column("element_code", String(20), nullable=False, default=""),
    Column("household_id", String(36), nullable=False, default=""),
    Column("photo_urls", Text, nullable=False, default="[]"),
    Column("latitude", Float, nullable=True),
    Column("longitude", Float, nullable=True),
    Column("address", String(200), nullable=False, default=""),
    Column("reporter_id", String(64), nullable=False, default="", index=True),
    Column("reporter_name", String(50), nullable=False, default=""),
    Column("reporter_phone", String(20), nullable=False, default=""),
    Column("anonymous", Boolean, nullable=False, default=False),
    Column("status", String(20), nullable=False, index=True),
    Column("level", String(10), nullable=False),
    Column("handler_org_id", String(32), nullable=False, index=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("clock_started_at", DateTime(timezone=True), nullable=False),
    Column("limit_amount", Float, nullable=False),
    Column("limit_unit", String(20), nullable=False),
    Column("pauses", Text, nullable=False, default="[]"),  # JSON [[start, end|null], …]
    Column("due_at", DateTime(timezone=True), nullable=True, index=True),
    Column("overdue_at", DateTime(timezone=True), nullable=True),
    Column("urge_count", Integer, nullable=False, default=0),
    Column("reopen_count", Integer, nullable=False, default=0),
    Column("resolution", Text, nullable=False, default=""),
    Column("resolved_at", DateTime(timezone=True), nullable=True),
    Column("resolved_level", String(10), nullable=False, default=""),
    Column("resolved_org_id", String(32), nullable=False, default=""),
    Column("satisfaction", String(30), nullable=False, default=""),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("decline_reason", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source", "external_id", name="uq_petitions_source_external_id"),
    Index("ix_petitions_open_due", "status", "due_at"),
)

# Every org the petition has been sent to: offices and departments see only these.
petition_orgs = Table(
    "petition_orgs", metadata,
    Column("petition_id", String(36), ForeignKey("petitions.id"), primary_key=True),
    Column("org_id", String(32), primary_key=True, index=True),
)

timeline = Table(
    "timeline", metadata,
    Column("id", String(36), primary_key=True),
    Column("petition_id", String(36), ForeignKey("petitions.id"), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("action", String(30), nullable=False),
    Column("actor_id", String(64), nullable=False, default=""),
    Column("actor_name", String(50), nullable=False, default=""),
    Column("from_status", String(20), nullable=False, default=""),
    Column("to_status", String(20), nullable=False, default=""),
    Column("from_org_id", String(32), nullable=False, default=""),
    Column("to_org_id", String(32), nullable=False, default=""),
    Column("level", String(10), nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
)

extension_requests = Table(
    "extension_requests", metadata,
    Column("id", String(36), primary_key=True),
    Column("petition_id", String(36), ForeignKey("petitions.id"), nullable=False, index=True),
    Column("days", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("requested_by", String(64), nullable=False),
    Column("requested_org_id", String(32), nullable=False),
    Column("requested_at", DateTime(timezone=True), nullable=False),
    Column("decided_by", String(64), nullable=False, default=""),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    Column("decision_reason", Text, nullable=False, default=""),
)

mediation_sessions = Table(
    "mediation_sessions", metadata,
    Column("id", String(36), primary_key=True),
    Column("petition_id", String(36), ForeignKey("petitions.id"), nullable=False, index=True),
    Column("held_on", Date, nullable=False),
    Column("mediators", Text, nullable=False),   # JSON list of names
    Column("parties", Text, nullable=False),     # JSON list of names
    Column("outcome", String(20), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("expert_requested", Boolean, nullable=False, default=False),
    Column("expert_field", String(100), nullable=False, default=""),
    Column("recorded_by", String(64), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)

visits = Table(
    "visits", metadata,
    Column("id", String(36), primary_key=True),
    Column("household_id", String(36), nullable=False, index=True),
    Column("household_head", String(50), nullable=False),
    Column("household_color", String(10), nullable=False),
    Column("grid_id", String(32), nullable=False, index=True),
    Column("village_id", String(32), nullable=False, index=True),
    Column("visitor_id", String(64), nullable=False),
    Column("visitor_name", String(50), nullable=False),
    Column("visited_on", Date, nullable=False),
    Column("content", Text, nullable=False),
    Column("concerns", Text, nullable=False, default=""),
    Column("petition_id", String(36), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("household_id", "visited_on", "visitor_id", name="uq_visits_household_day"),
)

patrols = Table(
    "patrols", metadata,
    Column("id", String(36), primary_key=True),
    Column("grid_id", String(32), nullable=False, index=True),
    Column("worker_id", String(64), nullable=False),
    Column("worker_name", String(50), nullable=False),
    Column("patrolled_at", DateTime(timezone=True), nullable=False),
    Column("element_codes", Text, nullable=False, default="[]"),
    Column("note", Text, nullable=False, default=""),
    Column("petition_id", String(36), nullable=False, default=""),
)
