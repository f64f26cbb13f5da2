"""Alembic environment of the procedures service."""
from services.procedures.models import metadata
from shared.migrate import run_migrations

run_migrations(metadata)
