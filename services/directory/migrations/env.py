"""Alembic environment of the directory service."""
from services.directory.models import metadata
from shared.migrate import run_migrations

run_migrations(metadata)
