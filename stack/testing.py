"""Test support: a throwaway PostgreSQL cluster (initdb/pg_ctl in a temporary folder)."""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg

from stack.processes import HOST, free_port


def find_pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), reverse=True)
    return candidates[0].parent if candidates else None


def postgres_available() -> bool:
    return bool(os.environ.get("TEST_DATABASE_URL")) or find_pg_bin() is not None


def _as_cluster_owner(argv: list[str]) -> list[str]:
    """initdb refuses to run as root: run the cluster as the `postgres` system user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Yields an admin URL; uses TEST_DATABASE_URL when set, else a fresh cluster on loopback."""
    if os.environ.get("TEST_DATABASE_URL"):
        yield os.environ["TEST_DATABASE_URL"]
        return
    pg_bin = find_pg_bin()
    if pg_bin is None:
        raise RuntimeError("PostgreSQL is not installed (no pg_ctl): install it or set "
                           "TEST_DATABASE_URL")
    folder = Path(tempfile.mkdtemp(prefix="zhili-pg-"))
    folder.chmod(0o755)
    data, port = folder / "data", free_port()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    run = lambda *argv: subprocess.run(_as_cluster_owner([str(a) for a in argv]), check=True,  # noqa: E731
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    run(pg_bin / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
        "--locale=C.UTF-8")
    options = (f"-c listen_addresses={HOST} -c port={port} -c unix_socket_directories={folder} "
               "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
               "-c max_connections=300")
    run(pg_bin / "pg_ctl", "-D", data, "-o", options, "-l", folder / "postgres.log", "-w", "start")
    try:
        yield f"postgresql://postgres@{HOST}:{port}/postgres"
    finally:
        run(pg_bin / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def create_database(admin_url: str, prefix: str) -> str:
    """A new empty database on the admin URL's server; returns its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + f"/{name}"
