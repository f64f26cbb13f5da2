"""Integration tables (SQLAlchemy Core), plus the shared outbox, inbox, idempotency and audit tables."""
from sqlalchemy import (Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, String, Table,
                        Text, UniqueConstraint)

from shared.db import make_metadata
from shared.outbox import infrastructure_tables

metadata = make_metadata()
infra = infrastructure_tables(metadata)

partners = Table(
    "partners", metadata,
    Column("id", String(36), primary_key=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("jurisdiction_org_id", String(32), nullable=False),
    Column("scopes", Text, nullable=False, default="[]"),          # JSON list
    Column("key_id", String(40), nullable=False, unique=True),
    Column("callback_url", String(500), nullable=False, default=""),
    Column("callback_disabled", Boolean, nullable=False, default=False),
    Column("category_map", Text, nullable=False, default="{}"),    # JSON object
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Secrets are encrypted (Fernet), not hashed: verifying an HMAC needs the secret itself.
partner_secrets = Table(
    "partner_secrets", metadata,
    Column("id", String(36), primary_key=True),
    Column("partner_id", String(36), ForeignKey("partners.id"), nullable=False, index=True),
    Column("secret_encrypted", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=True),
)

seen_signatures = Table(
    "seen_signatures", metadata,
    Column("partner_id", String(36), primary_key=True),
    Column("fingerprint", String(64), primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False, index=True),
)

# Partner-originated petitions (work orders and Open311 requests) and their last known status.
work_orders = Table(
    "work_orders", metadata,
    Column("id", String(36), primary_key=True),
    Column("partner_id", String(36), ForeignKey("partners.id"), nullable=False),
    Column("channel", String(10), nullable=False),                # partner | open311
    Column("order_id", String(100), nullable=False),
    Column("petition_id", String(36), nullable=False, unique=True),
    Column("service_code", String(20), nullable=False, default=""),
    Column("description", Text, nullable=False, default=""),
    Column("address", String(300), nullable=False, default=""),
    Column("latitude", Float, nullable=True),
    Column("longitude", Float, nullable=True),
    Column("time_limit_hours", Integer, nullable=True),
    Column("status", String(20), nullable=False, default="received"),
    Column("status_detail", Text, nullable=False, default=""),
    Column("handler_org_id", String(32), nullable=False, default=""),
    Column("requested_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("partner_id", "order_id", name="uq_work_orders_partner_order"),
    Index("ix_work_orders_channel_requested", "channel", "requested_at"),
)

webhook_subscriptions = Table(
    "webhook_subscriptions", metadata,
    Column("id", String(36), primary_key=True),
    Column("partner_id", String(36), ForeignKey("partners.id"), nullable=False, index=True),
    Column("event_types", Text, nullable=False),                   # JSON list
    Column("url", String(500), nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

deliveries = Table(
    "deliveries", metadata,
    Column("id", String(40), primary_key=True),                     # webhook-id
    Column("partner_id", String(36), ForeignKey("partners.id"), nullable=False),
    Column("subscription_id", String(36), nullable=False, default=""),
    Column("event_type", String(100), nullable=False),
    Column("source_event_id", String(64), nullable=False, default=""),
    Column("url", String(500), nullable=False),
    Column("payload", Text, nullable=False),
    Column("status", String(12), nullable=False),                   # pending | succeeded | dead
    Column("attempt_count", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime(timezone=True), nullable=True),
    Column("locked_until", DateTime(timezone=True), nullable=True),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("last_status_code", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("delivered_at", DateTime(timezone=True), nullable=True),
    Index("ix_deliveries_due", "status", "next_attempt_at"),
    Index("ix_deliveries_partner", "partner_id", "created_at"),
)

delivery_attempts = Table(
    "delivery_attempts", metadata,
    Column("delivery_id", String(40), ForeignKey("deliveries.id"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("status_code", Integer, nullable=False, default=0),
    Column("error", Text, nullable=False, default=""),
    Column("duration_ms", Integer, nullable=False, default=0),
)

notification_preferences = Table(
    "notification_preferences", metadata,
    Column("person_id", String(64), primary_key=True),
    Column("org_id", String(32), nullable=False, default="", index=True),
    Column("channels", Text, nullable=False, default="[]"),
    Column("email", String(200), nullable=False, default=""),
    Column("webhook_url", String(500), nullable=False, default=""),
    Column("quiet_start", String(5), nullable=False, default=""),
    Column("quiet_end", String(5), nullable=False, default=""),
    Column("muted_kinds", Text, nullable=False, default="[]"),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

notifications = Table(
    "notifications", metadata,
    Column("id", String(36), primary_key=True),
    Column("person_id", String(64), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("channel", String(10), nullable=False),
    Column("target", String(500), nullable=False),                  # email address or robot URL
    Column("title", String(200), nullable=False),
    Column("body", Text, nullable=False),
    Column("status", String(10), nullable=False),                   # pending | sent | failed | muted
    Column("attempt_count", Integer, nullable=False, default=0),
    Column("not_before", DateTime(timezone=True), nullable=False),
    Column("locked_until", DateTime(timezone=True), nullable=True),
    Column("sent_at", DateTime(timezone=True), nullable=True),
    Column("last_error", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_notifications_due", "status", "not_before"),
)
