"""`python bench/gateway/run.py`: gateway throughput and latency, as ratios to bare Connexion.

Starts the whole local stack (temporary data folder, loopback only), two bare Connexion apps
(FlaskApp and AsyncApp) under the same gunicorn/uvicorn worker, and loads each endpoint in turn
with wrk (installed with apt-get when missing). Results go to bench/gateway/RESULTS.md.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "protos")]

from bench.common import machine, start_bare  # noqa: E402
from stack.processes import Stack, StackConfig  # noqa: E402

HERE = Path(__file__).parent
DURATION, THREADS, CONNECTIONS = os.environ.get("BENCH_SECONDS", "10"), "2", "32"


def ensure_wrk() -> str:
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    return shutil.which("wrk")


def wrk(url: str, headers: dict[str, str] | None = None) -> dict:
    argv = [ensure_wrk(), "-t", THREADS, "-c", CONNECTIONS, "-d", f"{DURATION}s",
            "-s", str(HERE / "latency.lua"), url]
    for name, value in (headers or {}).items():
        argv[1:1] = ["-H", f"{name}: {value}"]
    output = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    data = Path(tempfile.mkdtemp(prefix="zhili-bench-"))
    stack = Stack(StackConfig.ephemeral(data))
    stack.prepare(demo=True)
    results = {}
    try:
        stack.start_all()
        base = stack.config.base_url
        token = httpx.post(f"{base}/api/v1/auth/token", json={
            "username": "he.fangya", "password": "Zhili@2026"}).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        flask_url = start_bare(stack, "flask")
        results["bare FlaskApp GET /ping"] = wrk(flask_url)
        stack.stop("bare-flask")
        async_url = start_bare(stack, "async")
        results["bare AsyncApp GET /ping"] = wrk(async_url)
        stack.stop("bare-async")
        results["gateway GET /healthz"] = wrk(f"{base}/healthz")
        results["gateway GET /api/v1/me (JWT + gRPC directory)"] = wrk(f"{base}/api/v1/me", auth)
        results["gateway GET /api/v1/org-units?level=village"] = wrk(
            f"{base}/api/v1/org-units?level=village", auth)
    finally:
        stack.stop_all()
        shutil.rmtree(data, ignore_errors=True)
    write_report(results)


def write_report(results: dict[str, dict]) -> None:
    ceiling = results["bare AsyncApp GET /ping"]  # the framework the gateway is built on
    lines = [
        "# Gateway throughput and latency", "",
        f"Run {dt.date.today()} on {machine()}; every process of the stack on the same machine.",
        f"wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}s per endpoint, 2 gunicorn workers, "
        "SQLite. Ratios are to the bare AsyncApp endpoint of the same run (the ceiling here: the "
        "gateway is an AsyncApp).", "",
        "| endpoint | req/s | p50 ms | p95 ms | p99 ms | errors | req/s ratio | p99 ratio |",
        "|---|---|---|---|---|---|---|---|"]
    for name, r in results.items():
        lines.append(f"| {name} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p95']:.2f} | "
                     f"{r['p99']:.2f} | {r['errors']} | {r['rps'] / ceiling['rps']:.2f} | "
                     f"{r['p99'] / ceiling['p99']:.2f} |")
    (HERE / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
