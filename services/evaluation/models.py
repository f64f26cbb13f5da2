"""Evaluation tables (SQLAlchemy Core): rules, ledgers, counters, read models, snapshots."""
from sqlalchemy import (BigInteger, Boolean, Column, DateTime, Index, Integer, String, Table,
                        Text, UniqueConstraint)

from services.evaluation.indices import COUNTERS
from shared.db import make_metadata
from shared.outbox import infrastructure_tables

metadata = make_metadata()
infra = infrastructure_tables(metadata)

rule_versions = Table(
    "rule_versions", metadata,
    Column("org_id", String(32), primary_key=True),      # a town, or a county for its default
    Column("version", Integer, primary_key=True),
    Column("effective_from", String(7), nullable=False),  # YYYY-MM
    Column("rules", Text, nullable=False),                # the full JSON document
    Column("created_by", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

ledger_lines = Table(
    "ledger_lines", metadata,
    Column("id", String(36), primary_key=True),
    Column("subject_type", String(20), nullable=False),   # cadre | village | grid_worker
    Column("subject_id", String(64), nullable=False),
    Column("org_id", String(32), nullable=False),         # village (or grid) of the subject
    Column("month", String(7), nullable=False),           # booked month
    Column("event_month", String(7), nullable=False),
    Column("component", String(20), nullable=False),
    Column("points", BigInteger, nullable=False),         # hundredths of a point
    Column("source_type", String(20), nullable=False),
    Column("source_id", String(64), nullable=False),
    Column("event_id", String(64), nullable=False),
    Column("rule_version", String(48), nullable=False),
    Column("explanation", Text, nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("event_id", "subject_type", "subject_id", "component",
                     name="uq_ledger_lines_event_subject"),
    Index("ix_ledger_lines_subject_month", "subject_id", "month"),
)

# Additive counters per subject and period (month, quarter and year rows): commutative, so
# events applied in any order give the same rows.
subject_stats = Table(
    "subject_stats", metadata,
    Column("subject_type", String(20), primary_key=True),
    Column("subject_id", String(64), primary_key=True),
    Column("period", String(7), primary_key=True),
    Column("village_id", String(32), nullable=False),     # village (grid for grid workers)
    Column("town_id", String(32), nullable=False),
    Column("county_id", String(32), nullable=False),
    *[Column(name, BigInteger, nullable=False, default=0) for name in COUNTERS],
    Index("ix_subject_stats_town", "subject_type", "period", "town_id"),
    Index("ix_subject_stats_county", "subject_type", "period", "county_id"),
    Index("ix_subject_stats_village", "subject_type", "period", "village_id"),
)

# Read models for the dashboard; "latest occurrence wins" for states, sticky flags otherwise.
assignments = Table(
    "assignments", metadata,
    Column("assignment_id", String(64), primary_key=True),
    Column("task_id", String(64), nullable=False),
    Column("village_id", String(32), nullable=False),
    Column("month", String(7), nullable=False),           # month of the deadline
    Column("state", String(20), nullable=False),
    Column("state_at", String(100), nullable=False),      # "<occurred iso>|<event id>"
    Column("overdue", Boolean, nullable=False, default=False),
    Column("accepted", Boolean, nullable=False, default=False),
    Index("ix_assignments_month_village", "month", "village_id"),
)

petitions = Table(
    "petitions", metadata,
    Column("petition_id", String(64), primary_key=True),
    Column("village_id", String(32), nullable=False),
    Column("month", String(7), nullable=False),           # month received
    Column("level", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("state_at", String(100), nullable=False),
    Column("received", Boolean, nullable=False, default=False),  # the received event counted
    Column("resolved", Boolean, nullable=False, default=False),
    Column("resolved_level", String(20), nullable=False, default=""),
    Column("resolved_at", String(100), nullable=False, default=""),
    Column("satisfaction", String(30), nullable=False, default=""),
    Column("satisfaction_at", String(100), nullable=False, default=""),
    Column("overdue", Boolean, nullable=False, default=False),
    Index("ix_petitions_month_village", "month", "village_id"),
)

warnings = Table(
    "warnings", metadata,
    Column("warning_id", String(64), primary_key=True),
    Column("village_id", String(32), nullable=False),
    Column("procedure_id", String(64), nullable=False),
    Column("month", String(7), nullable=False),           # month raised (or first seen)
    Column("raised", Boolean, nullable=False, default=False),
    Column("resolved", Boolean, nullable=False, default=False),
    Index("ix_warnings_month_village", "month", "village_id"),
)

secretaries = Table(
    "secretaries", metadata,
    Column("village_id", String(32), primary_key=True),
    Column("person_id", String(64), nullable=False),
    Column("seen_at", String(100), nullable=False),
)

grid_workers = Table(
    "grid_workers", metadata,
    Column("person_id", String(64), primary_key=True),
    Column("grid_id", String(32), nullable=False, index=True),
    Column("seen_at", String(100), nullable=False),
)

score_entries = Table(
    "score_entries", metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("subject_type", String(20), nullable=False),
    Column("subject_id", String(64), nullable=False),
    Column("org_id", String(32), nullable=False),
    Column("month", String(7), nullable=False),
    Column("value", String(20), nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("created_by", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

closed_periods = Table(
    "closed_periods", metadata,
    Column("org_id", String(32), primary_key=True),
    Column("period", String(7), primary_key=True),
    Column("closed_at", DateTime(timezone=True), nullable=False),
    Column("closed_by", String(64), nullable=False),
    Column("ranked", Text, nullable=False),               # JSON board → count
    Column("event_id", String(64), nullable=False),
)

snapshots = Table(
    "snapshots", metadata,
    Column("org_id", String(32), primary_key=True),
    Column("period", String(7), primary_key=True),
    Column("board", String(20), primary_key=True),
    Column("subject_id", String(64), primary_key=True),
    Column("village_id", String(32), nullable=False),
    Column("rank", Integer, nullable=False),
    Column("value", BigInteger, nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("indicators", Text, nullable=False),
    Column("previous_rank", Integer, nullable=False),
    Index("ix_snapshots_rank", "org_id", "period", "board", "rank"),
)

grid_allocations = Table(
    "grid_allocations", metadata,
    Column("id", String(36), primary_key=True),
    Column("org_id", String(32), nullable=False),
    Column("year", String(4), nullable=False),
    Column("pool_fen", BigInteger, nullable=False),
    Column("result", Text, nullable=False),               # the allocation as JSON
    Column("created_by", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Names of org units and people from the directory's events, shown on leaderboards: a village
# secretary may not read other villages in the directory, yet sees them ranked (晾晒).
names = Table(
    "names", metadata,
    Column("subject_id", String(64), primary_key=True),  # org unit id or person id
    Column("kind", String(20), nullable=False),           # org_unit | person
    Column("name", String(200), nullable=False),
    Column("org_id", String(32), nullable=False, default=""),  # parent unit / home unit
    Column("seen_at", String(100), nullable=False),       # "<occurred iso>|<event id>"
)

# Bumped by every applied event and every write: boards are re-ranked only when it has moved.
change_counters = Table(
    "change_counters", metadata,
    Column("name", String(50), primary_key=True),
    Column("changes", BigInteger, nullable=False),
)
