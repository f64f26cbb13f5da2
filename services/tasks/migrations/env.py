"""Alembic environment of the tasks service."""
from services.tasks.models import metadata
from shared.migrate import run_migrations

run_migrations(metadata)
