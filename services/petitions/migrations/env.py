"""Alembic environment of the petitions service."""
from services.petitions.models import metadata
from shared.migrate import run_migrations

run_migrations(metadata)
