"""Alembic environment of the integration service."""
from services.integration.models import metadata
from shared.migrate import run_migrations

run_migrations(metadata)
