"""Alembic environment of the evaluation service."""
from services.evaluation.models import metadata
from shared.migrate import run_migrations

run_migrations(metadata)
