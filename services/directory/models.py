"""Directory tables (SQLAlchemy Core), plus the shared outbox, inbox, idempotency and audit tables."""
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

from shared.db import make_metadata
from shared.outbox import infrastructure_tables

metadata = make_metadata()
infra = infrastructure_tables(metadata)

org_units = Table(
    "org_units", metadata,
    Column("id", String(32), primary_key=True),
    Column("parent_id", String(32), ForeignKey("org_units.id"), nullable=True, index=True),
    Column("level", String(20), nullable=False, index=True),
    Column("name", String(100), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

people = Table(
    "people", metadata,
    Column("id", String(36), primary_key=True),
    Column("username", String(50), nullable=False, unique=True),
    Column("name", String(50), nullable=False),
    Column("gender", String(4), nullable=False, default=""),
    Column("phone", String(20), nullable=False, default=""),
    Column("org_id", String(32), ForeignKey("org_units.id"), nullable=False, index=True),
    Column("position", String(30), nullable=False, index=True),
    Column("title", String(100), nullable=False, default=""),
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

households = Table(
    "households", metadata,
    Column("id", String(36), primary_key=True),
    Column("grid_id", String(32), ForeignKey("org_units.id"), nullable=False, index=True),
    Column("head_name", String(50), nullable=False),
    Column("address", String(200), nullable=False, default=""),
    Column("members", Integer, nullable=False, default=1),
    Column("color", String(10), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_households_grid_color", "grid_id", "color"),
)

governance_elements = Table(
    "governance_elements", metadata,
    Column("minor_code", String(10), primary_key=True),
    Column("major_code", String(10), nullable=False),
    Column("major_name", String(50), nullable=False),
    Column("minor_name", String(100), nullable=False),
    Column("patrol_interval_days", Integer, nullable=False),
    Column("description", Text, nullable=False, default=""),
)

grid_elements = Table(
    "grid_elements", metadata,
    Column("grid_id", String(32), ForeignKey("org_units.id"), primary_key=True),
    Column("element_code", String(10), ForeignKey("governance_elements.minor_code"),
           primary_key=True),
    Column("count", Integer, nullable=False, default=1),
)
