"""Procedures tables (SQLAlchemy Core), plus the shared outbox, inbox, idempotency and audit tables."""
from sqlalchemy import (BigInteger, Boolean, Column, Date, DateTime, Index, Integer, String, Table,
                        Text, UniqueConstraint)

from shared.db import make_metadata
from shared.outbox import infrastructure_tables

metadata = make_metadata()
infra = infrastructure_tables(metadata)

templates = Table(
    "templates", metadata,
    Column("code", String(40), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("county_id", String(12), nullable=False, default=""),  # "" = built-in default
    Column("name", String(100), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("steps_json", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(64), nullable=False, default=""),
)

rules = Table(
    "rules", metadata,
    Column("key", String(60), primary_key=True),
    Column("region", String(12), primary_key=True),  # province ("33") or county code
    Column("value_json", Text, nullable=False),
    Column("source", Text, nullable=False, default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", String(64), nullable=False, default=""),
)

procedures = Table(
    "procedures", metadata,
    Column("id", String(36), primary_key=True),
    Column("village_id", String(18), nullable=False, index=True),
    Column("town_id", String(18), nullable=False, index=True),
    Column("template_code", String(40), nullable=False),
    Column("template_version", Integer, nullable=False),
    Column("template_name", String(100), nullable=False),
    Column("title", String(200), nullable=False),
    Column("category", String(40), nullable=False, default=""),
    Column("amount_fen", BigInteger, nullable=False, default=0),
    Column("major", Boolean, nullable=False, default=False),
    Column("description", Text, nullable=False, default=""),
    Column("state", String(20), nullable=False, index=True),
    Column("current_step", Integer, nullable=False),
    Column("current_step_key", String(40), nullable=False, default=""),
    # The template version and the rules in force at start: later edits never reach it.
    Column("snapshot_json", Text, nullable=False),
    Column("open_warnings", Integer, nullable=False, default=0),
    Column("revision", Integer, nullable=False, default=0),
    Column("stage_since", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("started_by", String(64), nullable=False, default=""),
    # 撤回/终止: why, when and by whom (state "abandoned").
    Column("abandon_reason", Text, nullable=False, server_default="", default=""),
    Column("abandoned_at", DateTime(timezone=True), nullable=True),
    Column("abandoned_by", String(64), nullable=False, server_default="", default=""),
    Index("ix_procedures_state_stage", "state", "stage_since"),
)

step_records = Table(
    "step_records", metadata,
    Column("id", String(36), primary_key=True),
    Column("procedure_id", String(36), nullable=False, index=True),
    Column("number", Integer, nullable=False),
    Column("attempt", Integer, nullable=False),
    Column("passed", Boolean, nullable=False),
    Column("data_json", Text, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("recorded_by", String(64), nullable=False, default=""),
    UniqueConstraint("procedure_id", "number", "attempt", name="uq_step_records_attempt"),
)

warnings = Table(
    "warnings", metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(40), nullable=False, index=True),
    Column("status", String(10), nullable=False, index=True),
    Column("procedure_id", String(36), nullable=True, index=True),
    Column("village_id", String(18), nullable=False, index=True),
    Column("town_id", String(18), nullable=False),
    Column("step_number", Integer, nullable=False, default=0),
    Column("detail_zh", Text, nullable=False, default=""),
    Column("detail_en", Text, nullable=False, default=""),
    Column("amount_fen", BigInteger, nullable=False, default=0),
    Column("category", String(20), nullable=False, default=""),
    Column("period", String(10), nullable=False, default=""),
    # One warning per fact: sweeps on several replicas collide here instead of duplicating.
    Column("dedupe_key", String(200), nullable=False, unique=True),
    Column("raised_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True), nullable=True),
    # auto (the facts resolved it) or manual (a supervisor or the town, with a note).
    Column("resolution", String(10), nullable=False, server_default="", default=""),
    Column("resolved_by", String(64), nullable=False, server_default="", default=""),
    Column("resolution_note", Text, nullable=False, server_default="", default=""),
)

disclosures = Table(
    "disclosures", metadata,
    Column("id", String(36), primary_key=True),
    Column("village_id", String(18), nullable=False),
    Column("town_id", String(18), nullable=False),
    Column("category", String(20), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("period", String(10), nullable=False, default=""),
    Column("title", String(200), nullable=False),
    Column("content", Text, nullable=False, default=""),
    Column("channel", String(100), nullable=False, default=""),
    Column("published_on", Date, nullable=False),
    Column("attachments_json", Text, nullable=False, default="[]"),
    Column("procedure_id", String(36), nullable=False, default=""),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("published_by", String(64), nullable=False, default=""),
    Index("ix_disclosures_village_period", "village_id", "category", "period"),
)

spendings = Table(
    "spendings", metadata,
    Column("id", String(36), primary_key=True),
    Column("village_id", String(18), nullable=False, index=True),
    Column("town_id", String(18), nullable=False),
    Column("procedure_id", String(36), nullable=False, default=""),
    Column("title", String(200), nullable=False),
    Column("category", String(40), nullable=False, default=""),
    Column("amount_fen", BigInteger, nullable=False),
    Column("spent_on", Date, nullable=False),
    Column("major", Boolean, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("recorded_by", String(64), nullable=False, default=""),
)

# Villages whose 三务公开 schedule the sweep watches: registered on first activity or by the demo.
villages = Table(
    "villages", metadata,
    Column("village_id", String(18), primary_key=True),
    Column("town_id", String(18), nullable=False),
    Column("since", Date, nullable=False),
)
