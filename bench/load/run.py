"""`python -m bench.load.run [--profile] [--backend postgresql]`: the hot paths of issue 10 under load, through the gateway.

Starts the whole local stack (SQLite, temporary data folder, loopback only) with the demo county,
a bare Connexion AsyncApp served the same way as the gateway (the ceiling of this run), and drives
each scenario for BENCH_SECONDS (default 10) with an asyncio/aiohttp load generator: open loops at
a fixed rate where the issue names one, closed loops for maximum throughput. Then measures event
latency (commit → consumer effect) and, with --profile, samples the gateway workers and services
with py-spy during the partner work-order load. Writes bench/load/RESULTS.md.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "protos")]

from bench.common import load_average, start_bare  # noqa: E402
from bench.load import events, report  # noqa: E402
from bench.load import scenarios as sc  # noqa: E402
from bench.load.loadgen import Client, Run, closed_loop, open_loop  # noqa: E402
from bench.load.profile import Profiler  # noqa: E402
from stack.processes import HOST, SERVICES, Stack, StackConfig, free_port  # noqa: E402
from stack.testing import create_database, throwaway_cluster  # noqa: E402

SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
RATE = float(os.environ.get("BENCH_RATE", "250"))          # the petition intake rate
DASHBOARD_RATE = float(os.environ.get("BENCH_DASHBOARD_RATE", "50"))
EVENT_SAMPLES = int(os.environ.get("BENCH_EVENT_SAMPLES", "20"))


async def drive(stack: Stack, bare: str, profile: bool) -> dict:
    client = Client()
    world = sc.World(stack.config.base_url, client)
    results: list[dict] = []
    metrics = f"http://{HOST}:{stack.config.metrics_ports['evaluation']}/metrics"
    petition_lag = events.LagMeter(world, metrics, "evaluation-petitions")
    task_lag = events.LagMeter(world, metrics, "evaluation-tasks")
    lags: list[dict] = []

    async def lag_during(meter: events.LagMeter, name: str, coro):
        before = await meter.settled()
        outcome = await coro
        lags.append(meter.window(name, before, await meter.settled()))
        print(report.lag_line(lags[-1]), flush=True)
        return outcome
    try:
        await sc.setup(world)

        async def measure(name, mode, coro_factory):
            await settle(world)
            # and evaluation has applied the previous scenario's events: its backlog would
            # otherwise be measured as the next scenario's latency (the dashboard's, above all)
            await petition_lag.settled()
            await task_lag.settled()
            loads = load_average()
            run = await coro_factory(Run(name, mode))
            row = {**run.summary(), "load": loads}
            results.append(row)
            print(report.line(row), flush=True)
            return row

        async def bare_get(run, due=None):
            status, _ = await client.request(run, "GET", bare, started=due)
            return status == 200

        def closed(worker, concurrency, seconds=SECONDS):
            return lambda run: closed_loop(run, lambda r: worker(world, r), concurrency=concurrency,
                                           seconds=seconds)

        def opened(send, rate):
            return lambda run: open_loop(run, lambda r, due: send(world, r, due), rate=rate,
                                         seconds=SECONDS)

        await closed_loop(Run("warm-up", "closed"), bare_get, concurrency=8, seconds=1)
        await closed_loop(Run("warm-up", "closed"), lambda r: sc.intake(world, r), concurrency=8,
                          seconds=1)
        await measure("bare AsyncApp GET /ping", "closed c=32",
                      lambda run: closed_loop(run, bare_get, concurrency=32, seconds=SECONDS))
        if os.environ.get("BENCH_ONLY_PROFILE"):  # while working on the hot path
            return await profiled(stack, measure, closed(sc.work_order, 32), results)
        await measure("bare AsyncApp GET /ping", f"open {RATE:.0f}/s",
                      lambda run: open_loop(run, bare_get, rate=RATE, seconds=SECONDS))
        await lag_during(petition_lag, f"petition intake at {RATE:.0f}/s (open loop, backlog included)",
                         measure("petition intake (½ partner work order + HMAC, ½ grid report)",
                                 f"open {RATE:.0f}/s", opened(sc.intake, RATE)))
        await measure("petition intake: partner work orders (HMAC)", "closed c=32",
                      closed(sc.work_order, 32))
        await measure("petition intake: grid reports", "closed c=32", closed(sc.grid_report, 32))
        await measure("screening POST /screenings (5 villages)", "closed c=16", closed(sc.screen, 16))
        await measure("task dispatch to 20 villages (draft → submit → approve)", "closed c=4",
                      closed(sc.dispatch, 4))
        latency = [
            await lag_during(petition_lag, "grid reports one at a time",
                             events.petition_to_dashboard(world, EVENT_SAMPLES)),
            await lag_during(task_lag, "assignments accepted one at a time",
                             events.accepted_to_ledger(world, EVENT_SAMPLES))]
        for row in latency:
            print(report.event_line(row), flush=True)
        await measure("assignment transitions (sign, allocate, progress, submit, accept)",
                      "closed c=16", closed(sc.transitions, 16))
        await measure("leaderboard GET /leaderboards/villages", "closed c=32",
                      closed(sc.leaderboard, 32))
        await measure("dashboard GET /dashboard", "closed c=32", closed(sc.dashboard, 32))
        await measure("dashboard GET /dashboard", f"open {DASHBOARD_RATE:.0f}/s",
                      opened(sc.dashboard, DASHBOARD_RATE))
        if profile:
            return {**await profiled(stack, measure, closed(sc.work_order, 32), results),
                    "events": latency, "lags": lags}
        return {"scenarios": results, "events": latency, "lags": lags, "profiles": {}}
    finally:
        await client.close()


async def settle(world: sc.World, seconds: float = 90.0) -> None:
    """Wait until the backlog of the previous scenario is worked off (a petitions read is fast)."""
    deadline = asyncio.get_running_loop().time() + seconds
    while asyncio.get_running_loop().time() < deadline:
        probe = Run("settle", "probe")
        await world.client.request(probe, "GET", world.url("/api/v1/petitions"),
                                   headers=world.auth["he.fangya"], params={"page_size": "1"})
        if probe.latencies and probe.latencies[0] < 0.2:
            return
        await asyncio.sleep(1)


async def profiled(stack: Stack, measure, load, results: list[dict]) -> dict:
    profiler = Profiler(stack, ["gateway", "integration", "petitions"], SECONDS)
    with profiler:
        await measure("petition intake: partner work orders (HMAC), under py-spy", "closed c=32",
                      load)
    return {"scenarios": results, "events": [], "lags": [], "profiles": profiler.top()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--profile", action="store_true", help="py-spy the work-order path too")
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite",
                        help="postgresql: a cluster of its own on loopback with PostgreSQL's "
                             "default durability (fsync, synchronous commit); writes RESULTS-postgresql.md")
    args = parser.parse_args()
    if args.backend == "postgresql":
        with throwaway_cluster(durable=True) as cluster:
            run_bench(args, {s: create_database(cluster.admin_url, s) for s in SERVICES})
    else:
        run_bench(args, {})


def run_bench(args: argparse.Namespace, database_urls: dict[str, str]) -> None:
    data = Path(tempfile.mkdtemp(prefix="zhili-load-"))
    config = StackConfig.ephemeral(data, database_urls)
    config.metrics_ports["evaluation"] = free_port()  # its event-lag histogram (bench/load/events.py)
    # The per-user and per-partner limits (1,000/s by default) would turn the load into 429s.
    # As deployed (compose, k8s): responses are not re-validated against the spec on every call.
    config.extra_env.update(RATE_LIMIT_PER_MINUTE_USER="100000000",
                            RATE_LIMIT_PER_MINUTE_PARTNER="100000000",
                            VALIDATE_RESPONSES=os.environ.get("VALIDATE_RESPONSES", "0"))
    stack = Stack(config)
    print(f"load average before start: {load_average()}", flush=True)
    stack.prepare(demo=True)
    try:
        stack.start_all()
        bare = start_bare(stack, "async")
        outcome = asyncio.run(drive(stack, bare, args.profile))
    finally:
        stack.stop_all()
        shutil.rmtree(data, ignore_errors=True)
    if os.environ.get("BENCH_ONLY_PROFILE"):
        print(report.line(outcome["scenarios"][-1]), *report.profiles(outcome["profiles"]), sep="\n")
        return
    report.write(outcome, seconds=SECONDS, rate=RATE, argv=sys.argv[1:], backend=args.backend)


if __name__ == "__main__":
    main()
