"""Catalogue tables (SQLAlchemy Core), plus the shared outbox, inbox, idempotency and audit tables."""
from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Table, Text,
                        UniqueConstraint)

from shared.db import make_metadata
from shared.outbox import infrastructure_tables

metadata = make_metadata()
infra = infrastructure_tables(metadata)

catalogues = Table(
    "catalogues", metadata,
    Column("id", String(36), primary_key=True),
    Column("county_id", String(12), nullable=False),
    Column("year", Integer, nullable=False),
    Column("based_on_id", String(36), nullable=True),
    Column("revision", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # draft (being prepared: items may be edited and deleted) | published (in force)
    Column("status", String(10), nullable=False, default="published", server_default="published"),
    Column("published_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("county_id", "year", name="uq_catalogues_county_year"),
)

items = Table(
    "items", metadata,
    Column("catalogue_id", String(36), ForeignKey("catalogues.id"), primary_key=True),
    Column("code", String(40), primary_key=True),
    Column("level", String(10), nullable=False),
    Column("category", String(50), nullable=False, default=""),
    Column("name", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("basis", Text, nullable=False, default=""),
    Column("department", String(100), nullable=False, default=""),
    Column("kind", String(30), nullable=False, default=""),
    Column("parent_code", String(40), nullable=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("retired_reason", Text, nullable=False, default=""),
    Column("retired_at", DateTime(timezone=True), nullable=True),
    Column("admission_review_id", String(36), nullable=True),
    Column("position", Integer, nullable=False, default=0),
    Index("ix_items_catalogue_level", "catalogue_id", "level", "position"),
)

negative_entries = Table(
    "negative_entries", metadata,
    Column("catalogue_id", String(36), ForeignKey("catalogues.id"), primary_key=True),
    Column("code", String(40), primary_key=True),
    Column("category", String(50), nullable=False, default=""),
    Column("name", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("basis", Text, nullable=False, default=""),
    Column("redirect", Text, nullable=False, default=""),
    Column("position", Integer, nullable=False, default=0),
)

admission_reviews = Table(
    "admission_reviews", metadata,
    Column("id", String(36), primary_key=True),
    Column("catalogue_id", String(36), ForeignKey("catalogues.id"), nullable=False, index=True),
    Column("item", Text, nullable=False),  # the proposed item as JSON
    Column("required_by_law", Boolean, nullable=False),
    Column("customary_assistance", Boolean, nullable=False),
    Column("within_village_capacity", Boolean, nullable=False),
    Column("justification", Text, nullable=False, default=""),
    Column("proposed_by", String(64), nullable=False),
    Column("status", String(12), nullable=False),
    Column("decision_note", Text, nullable=False, default=""),
    Column("decided_by", String(64), nullable=False, default=""),
    Column("proposed_at", DateTime(timezone=True), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=True),
)

town_comments = Table(
    "town_comments", metadata,
    Column("id", String(36), primary_key=True),
    Column("review_id", String(36), ForeignKey("admission_reviews.id"), nullable=False,
           index=True),
    Column("town_id", String(32), nullable=False),
    Column("author_id", String(64), nullable=False),
    Column("comment", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

screenings = Table(
    "screenings", metadata,
    Column("id", String(36), primary_key=True),
    Column("catalogue_id", String(36), ForeignKey("catalogues.id"), nullable=False),
    Column("county_id", String(12), nullable=False),
    Column("task_id", String(64), nullable=False, default=""),
    Column("issuer_org_id", String(32), nullable=False),
    Column("actor_id", String(64), nullable=False),
    Column("title", String(300), nullable=False),
    Column("draft", Text, nullable=False),    # the draft as JSON
    Column("decision", String(16), nullable=False),
    Column("matter_code", String(40), nullable=False, default=""),
    Column("result", Text, nullable=False),   # reasons (zh and en), suggestions, matches as JSON
    Column("compliance_review_id", String(36), nullable=True),
    Column("month", String(7), nullable=False),
    Column("screened_at", DateTime(timezone=True), nullable=False),
    Index("ix_screenings_county_month", "county_id", "month"),
)

screening_reasons = Table(
    "screening_reasons", metadata,
    Column("screening_id", String(36), ForeignKey("screenings.id"), primary_key=True),
    Column("code", String(30), primary_key=True),
)

compliance_reviews = Table(
    "compliance_reviews", metadata,
    Column("id", String(36), primary_key=True),
    Column("screening_id", String(36), ForeignKey("screenings.id"), nullable=False),
    Column("county_id", String(12), nullable=False),
    Column("task_id", String(64), nullable=False, default=""),
    Column("issuer_org_id", String(32), nullable=False, index=True),
    Column("title", String(300), nullable=False),
    Column("target_org_ids", Text, nullable=False, default=""),
    Column("status", String(10), nullable=False, index=True),
    Column("outcome", String(16), nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("closed_by", String(64), nullable=False, default=""),
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=True),
)

quotas = Table(
    "quotas", metadata,
    Column("id", String(36), primary_key=True),
    Column("county_id", String(12), nullable=False, index=True),
    Column("village_id", String(32), nullable=False, default=""),
    Column("issuer_org_id", String(32), nullable=False, default=""),
    Column("period", String(10), nullable=False),
    Column("max_tasks", Integer, nullable=False),
    UniqueConstraint("county_id", "village_id", "issuer_org_id", "period",
                     name="uq_quotas_scope"),
)

dispatches = Table(
    "dispatches", metadata,
    Column("task_id", String(64), primary_key=True),
    Column("title", String(300), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("matter_code", String(40), nullable=False, default=""),
    Column("issuer_org_id", String(32), nullable=False, default=""),
    Column("town_id", String(32), nullable=False, default=""),
    Column("dispatched_at", DateTime(timezone=True), nullable=False, index=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False, index=True),
)

dispatch_villages = Table(
    "dispatch_villages", metadata,
    Column("task_id", String(64), ForeignKey("dispatches.task_id"), primary_key=True),
    Column("village_id", String(32), primary_key=True),
    Column("issuer_org_id", String(32), nullable=False, default=""),
    Column("dispatched_at", DateTime(timezone=True), nullable=False),
    Index("ix_dispatch_villages_quota", "village_id", "issuer_org_id", "dispatched_at"),
)

ratings = Table(  # 由下对上评: the village's rating of an assignment (tasks.assignment.rated)
    "ratings", metadata,
    Column("assignment_id", String(64), primary_key=True),  # one rating per assignment
    Column("task_id", String(64), nullable=False, index=True),
    Column("matter_code", String(40), nullable=False, default=""),
    Column("county_id", String(12), nullable=False),
    Column("town_id", String(32), nullable=False, default=""),
    Column("village_id", String(32), nullable=False, default=""),
    Column("month", String(7), nullable=False),  # of rated_at, China time
    Column("reasonable", Boolean, nullable=False),
    Column("burden", String(10), nullable=False, default=""),  # light | moderate | heavy
    Column("comment", Text, nullable=False, default=""),
    Column("rated_at", DateTime(timezone=True), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Index("ix_ratings_county_month", "county_id", "month"),
)
