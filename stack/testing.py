"""Test support: a throwaway PostgreSQL cluster (initdb/pg_ctl in a temporary folder)."""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
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


class PostgresCluster:
    """A PostgreSQL cluster of our own in a temporary folder: started, killed -9, started again."""

    def __init__(self, pg_bin: Path, *, synchronous_commit: bool = False, durable: bool = False) -> None:
        self.pg_bin = pg_bin
        # Off is fast, and loses the last ~200 ms of acknowledged commits when PostgreSQL
        # crashes: a test that kills the server must turn it on (production keeps the default, on).
        self.synchronous_commit = synchronous_commit or durable
        # Tests run with fsync and full-page writes off; a benchmark keeps PostgreSQL's defaults.
        self.durable = durable
        self.folder = Path(tempfile.mkdtemp(prefix="zhili-pg-"))
        self.folder.chmod(0o755)
        self.data, self.port = self.folder / "data", free_port()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(pg_bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E",
                  "UTF8", "--locale=C.UTF-8")

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@{HOST}:{self.port}/postgres"

    def _run(self, *argv) -> None:
        result = subprocess.run(_as_cluster_owner([str(a) for a in argv]), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, timeout=120)
        if result.returncode:
            log = self.folder / "postgres.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{Path(str(argv[0])).name} failed ({result.returncode}): "
                               f"{result.stderr.decode(errors='replace')}\n{tail}")

    def start(self) -> None:
        options = (f"-c listen_addresses={HOST} -c port={self.port} "
                   f"-c unix_socket_directories={self.folder} "
                   f"-c synchronous_commit={'on' if self.synchronous_commit else 'off'} "
                   + ("" if self.durable else "-c fsync=off -c full_page_writes=off ")
                   + "-c max_connections=300")
        self._run(self.pg_bin / "pg_ctl", "-D", self.data, "-o", options, "-l",
                  self.folder / "postgres.log", "-w", "start")

    def kill(self) -> None:
        """SIGKILL the postmaster and every backend, as a crash would; `start` then recovers."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        victims = [postmaster, *_children(postmaster)]
        for pid in victims:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while any(Path(f"/proc/{pid}").exists() and not _zombie(pid) for pid in victims):
            if time.monotonic() > deadline:
                raise TimeoutError("PostgreSQL processes survived SIGKILL")
            time.sleep(0.05)
        # A killed postmaster may linger as a zombie that nobody reaps (no init in a container):
        # its pid still answers kill(pid, 0), and the next start would refuse its lock files
        # (the data folder's and the socket's).
        (self.data / "postmaster.pid").unlink(missing_ok=True)
        for leftover in (f".s.PGSQL.{self.port}.lock", f".s.PGSQL.{self.port}"):
            (self.folder / leftover).unlink(missing_ok=True)

    def stop(self) -> None:
        with contextlib.suppress(RuntimeError):
            self._run(self.pg_bin / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _children(parent: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == parent:
                found.append(int(stat.parent.name))
    return found


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


@contextlib.contextmanager
def throwaway_cluster(*, synchronous_commit: bool = False, durable: bool = False) -> Iterator[PostgresCluster]:
    """A fresh cluster of our own (never TEST_DATABASE_URL): for tests that kill the server, and
    for benchmarks (`durable`: PostgreSQL's own fsync and commit settings).

    Tests keep fsync off: killed processes do not lose what the kernel already holds.
    """
    pg_bin = find_pg_bin()
    if pg_bin is None:
        raise RuntimeError("PostgreSQL is not installed (no pg_ctl)")
    cluster = PostgresCluster(pg_bin, synchronous_commit=synchronous_commit, durable=durable)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        cluster.remove()


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Yields an admin URL; uses TEST_DATABASE_URL when set, else a fresh cluster on loopback."""
    if os.environ.get("TEST_DATABASE_URL"):
        yield os.environ["TEST_DATABASE_URL"]
        return
    if find_pg_bin() is None:
        raise RuntimeError("PostgreSQL is not installed (no pg_ctl): install it or set "
                           "TEST_DATABASE_URL")
    with throwaway_cluster() as cluster:
        yield cluster.admin_url


def create_database(admin_url: str, prefix: str) -> str:
    """A new empty database on the admin URL's server; returns its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + f"/{name}"
