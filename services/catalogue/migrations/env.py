"""Alembic environment of the catalogue service."""
from services.catalogue.models import metadata
from shared.migrate import run_migrations

run_migrations(metadata)
