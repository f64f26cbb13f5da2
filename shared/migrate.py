"""Alembic per service: `python -m services.<svc> migrate` applies that service's migrations."""
from __future__ import annotations

from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, create_engine, pool
from sqlalchemy.engine import make_url

from shared import db as dbmod
from shared.settings import ROOT


def alembic_config(service: str, database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(ROOT / "services" / service / "migrations"))
    config.set_main_option("path_separator", "os")
    config.attributes["database_url"] = dbmod.sync_url(database_url)
    return config


def upgrade(service: str, database_url: str, revision: str = "head") -> None:
    _ensure_sqlite_folder(database_url)
    command.upgrade(alembic_config(service, database_url), revision)


def run_migrations(target_metadata: MetaData) -> None:
    """Body of every service's migrations/env.py (online mode; SQLite in batch mode)."""
    url = context.config.attributes["database_url"]
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        if not dbmod.is_sqlite(url):
            # Replicas starting together (init containers) take turns instead of racing.
            connection.exec_driver_sql("SELECT pg_advisory_lock(7140021)")
            connection.commit()
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=dbmod.is_sqlite(url), compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


def _ensure_sqlite_folder(database_url: str) -> None:
    parsed = make_url(database_url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
