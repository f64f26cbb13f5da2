"""docker-compose.yml: valid against the Compose Specification, deploys every service with its
migration and database, hardened containers, and healthchecks that really probe (run here on
loopback against stand-in servers). Also the two helper scripts it runs."""
from __future__ import annotations

import http.server
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from concurrent import futures
from pathlib import Path
from urllib.parse import urlsplit

import grpc
import pytest
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from deploy_helpers import ROOT, run, tool

INFRASTRUCTURE = {"postgres", "postgres-init", "nats", "keys"}


def long_running(compose: dict) -> dict[str, dict]:
    """Compose services running `python -m services.<svc>`, keyed by <svc>."""
    found = {}
    for name, service in compose["services"].items():
        command = service.get("command", [])
        if len(command) == 3 and command[:2] == ["python", "-m"] and command[2].startswith("services."):
            found[command[2].removeprefix("services.")] = (name, service)
    return found


def test_compose_file_validates_against_the_compose_spec():
    result = run([tool("check-jsonschema"), "--builtin-schema", "vendor.compose-spec",
                  str(ROOT / "docker-compose.yml")])
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_runs_exactly_the_services_in_the_tree(compose, services):
    running = long_running(compose)
    assert set(running) == services, (
        "services/ (folders with __main__.py) and docker-compose.yml disagree: "
        f"missing {sorted(services - set(running))}, unknown {sorted(set(running) - services)}")
    for svc, (name, _) in running.items():
        assert name == svc, f"compose service running services.{svc} should be named {svc}"
    migrations = {name for name, s in compose["services"].items()
                  if s.get("command", [])[-1:] == ["migrate"]}
    expected = {f"{svc}-migrate" for svc in services}
    assert migrations == expected
    others = set(compose["services"]) - set(running) - migrations - INFRASTRUCTURE
    assert others == {"gateway"}, f"unexpected compose services: {sorted(others - {'gateway'})}"


def test_each_service_migrates_first_and_owns_its_database(compose, services):
    entries = compose["services"]
    databases = entries["postgres-init"]["environment"]["ZHILI_DATABASES"].split()
    assert set(databases) == services, "ZHILI_DATABASES in postgres-init must list every service"
    for svc in services:
        migrate, service = entries[f"{svc}-migrate"], entries[svc]
        assert migrate["command"] == ["python", "-m", f"services.{svc}", "migrate"]
        assert migrate["depends_on"]["postgres-init"]["condition"] == "service_completed_successfully"
        assert service["depends_on"][f"{svc}-migrate"]["condition"] == "service_completed_successfully"
        assert service["depends_on"]["nats"]["condition"] == "service_healthy"
        assert service["depends_on"]["keys"]["condition"] == "service_completed_successfully"
        for entry in (migrate, service):
            url = urlsplit(entry["environment"]["DATABASE_URL"])
            assert (url.username, url.hostname, url.path) == (svc, "postgres", f"/{svc}"), svc


def test_gateway_waits_for_and_reaches_every_service(compose, services):
    gateway = compose["services"]["gateway"]
    assert gateway["command"][-1] == "gateway.asgi:app"
    for svc in services:
        assert gateway["depends_on"][svc]["condition"] == "service_healthy", svc
        assert gateway["environment"][f"{svc.upper()}_GRPC_ADDR"] == f"{svc}:50051", svc
    assert any(str(port).endswith(":8080") for port in gateway["ports"])
    assert gateway["environment"]["PROMETHEUS_MULTIPROC_DIR"] in gateway["tmpfs"]


def test_zhili_containers_are_hardened_and_checked(compose, services):
    zhili = {name: s for name, s in compose["services"].items() if s.get("image", "").startswith(
        "${ZHILI_IMAGE")}
    assert set(zhili) >= services | {"gateway", "keys"} | {f"{s}-migrate" for s in services}
    for name, service in zhili.items():
        assert service.get("read_only") is True, name
        assert service.get("cap_drop") == ["ALL"], name
        assert "no-new-privileges:true" in service.get("security_opt", []), name
        assert "/tmp" in service.get("tmpfs", []), name
    for name in [*services, "gateway", "postgres", "nats"]:
        assert compose["services"][name].get("healthcheck", {}).get("test"), f"{name}: no healthcheck"
    assert "pg_isready" in " ".join(compose["services"]["postgres"]["healthcheck"]["test"])
    assert any("8222/healthz" in part for part in compose["services"]["nats"]["healthcheck"]["test"])
    assert compose["services"]["nats"]["volumes"], "JetStream store must be on a volume"


# ------------------------------------------------------------------ the healthchecks really work

def _healthcheck_argv(service: dict) -> list[str]:
    test = service["healthcheck"]["test"]
    assert test[0] == "CMD" and test[1] == "python", test
    return [sys.executable, *test[2:]]


@pytest.mark.parametrize("status, exit_ok", [(health_pb2.HealthCheckResponse.SERVING, True),
                                             (health_pb2.HealthCheckResponse.NOT_SERVING, False)])
def test_grpc_healthcheck_command_reports_the_serving_status(compose, services, status, exit_ok):
    if not services:
        pytest.skip("no service in the tree yet")
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    servicer = health.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        servicer.set("", status)
        argv = _healthcheck_argv(compose["services"][sorted(services)[0]])
        result = subprocess.run(argv, env={**os.environ, "GRPC_PORT": str(port)},
                                capture_output=True, text=True, timeout=30)
    finally:
        server.stop(None)
    assert (result.returncode == 0) is exit_ok, result.stderr


def test_gateway_healthcheck_command_reads_healthz(compose):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the stdlib's name
            self.send_response(200 if self.path == "/healthz" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        argv = [part.replace(":8080/", f":{server.server_port}/")
                for part in _healthcheck_argv(compose["services"]["gateway"])]
        ok = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        wrong = [part.replace("/healthz", "/nothing") for part in argv]
        failing = subprocess.run(wrong, capture_output=True, text=True, timeout=30)
    finally:
        server.shutdown()
    assert ok.returncode == 0, ok.stderr
    assert failing.returncode != 0


# ------------------------------------------------------------------ the scripts compose runs

def _keys(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return run([sys.executable, str(ROOT / "deploy" / "compose" / "make-jwt-keys.py"),
                "--signing-dir", str(tmp_path / "signing"), "--jwks-dir", str(tmp_path / "jwks"),
                *args])


def test_jwt_key_script_makes_keys_shared_auth_accepts_and_rotates_with_overlap(tmp_path):
    import datetime as dt

    from shared.auth import TokenIssuer, TokenVerifier

    def token(kid: str) -> str:
        issuer = TokenIssuer.from_files(tmp_path / "signing" / "private.pem", kid,
                                        issuer="zhili-directory", audience="zhili",
                                        ttl=dt.timedelta(minutes=5))
        return issuer.issue(subject="p1", name="测试", roles=["village_cadre"], org_id="o1",
                            scope_org_id="o1")

    def verifies(tok: str) -> bool:
        verifier = TokenVerifier.from_file(tmp_path / "jwks" / "jwks.json",
                                           issuer="zhili-directory", audience="zhili")
        try:
            verifier.verify(tok)
        except Exception:  # noqa: BLE001 - any refusal counts
            return False
        return True

    assert _keys(tmp_path, "--kid", "k1").returncode == 0
    assert (tmp_path / "signing" / "key-id").read_text() == "k1"
    assert (tmp_path / "signing" / "private.pem").stat().st_mode & 0o077 == 0
    old = token("k1")
    assert verifies(old)
    assert _keys(tmp_path, "--kid", "k1").returncode == 0, "re-running must be a no-op"
    assert _keys(tmp_path, "--kid", "other").returncode != 0, "a kid mismatch must stop start-up"
    assert _keys(tmp_path, "--kid", "k2", "--rotate").returncode == 0
    new = token("k2")
    assert verifies(old) and verifies(new), "during the overlap both keys verify"
    assert _keys(tmp_path, "--prune").returncode == 0
    assert verifies(new) and not verifies(old)


def _postgres_runner() -> list[str] | None:
    """How to run initdb/pg_ctl here: directly, or as `postgres` when we are root (initdb refuses
    root). None when no PostgreSQL server binaries are installed."""
    if not (shutil.which("initdb") and shutil.which("pg_ctl") and shutil.which("psql")):
        return None
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return None
    return ["runuser", "-u", "postgres", "--"] if shutil.which("runuser") else None


def test_init_databases_script_is_idempotent_and_isolates_services():
    runner = _postgres_runner()
    if runner is None:
        pytest.skip("no PostgreSQL server binaries to run the script against")
    base = Path(tempfile.mkdtemp(prefix="zhili-pg-"))
    if runner:
        shutil.chown(base, user="postgres")
    with socket.socket() as probe:  # a free loopback port, not a fixed one another run may hold
        probe.bind(("127.0.0.1", 0))
        port = str(probe.getsockname()[1])
    data = base / "data"
    try:
        subprocess.run([*runner, "initdb", "-D", str(data), "-U", "postgres", "--auth=trust"],
                       check=True, capture_output=True, timeout=60)
        # -l: the server must not inherit our captured pipes, or run() waits for it forever.
        subprocess.run([*runner, "pg_ctl", "-D", str(data), "-l", str(base / "server.log"), "-w", "-o",
                        f"-k {base} -c listen_addresses=127.0.0.1 -p {port} -c password_encryption=scram-sha-256",
                        "start"], check=True, capture_output=True, timeout=60)
        env = {**os.environ, "PGHOST": "127.0.0.1", "PGPORT": port, "PGUSER": "postgres",
               "ZHILI_DATABASES": "alpha beta", "ZHILI_DB_PASSWORD": "it's-dev"}
        script = str(ROOT / "deploy" / "compose" / "init-databases.sh")
        for _ in range(2):  # the second run must find everything in place
            result = subprocess.run(["sh", script], env=env, capture_output=True, text=True, timeout=60)
            assert result.returncode == 0, result.stderr
        query = ("SELECT datname, pg_get_userbyid(datdba), has_database_privilege('beta', datname, "
                 "'CONNECT') FROM pg_database WHERE datname IN ('alpha', 'beta') ORDER BY 1")
        rows = subprocess.run(["psql", "-At", "-d", "postgres", "-c", query], env=env,
                              capture_output=True, text=True, check=True, timeout=30).stdout.split()
        assert rows == ["alpha|alpha|f", "beta|beta|t"]
    finally:
        subprocess.run([*runner, "pg_ctl", "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)
