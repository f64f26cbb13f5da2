"""Evaluation benchmark: leaderboards over 20,000 villages / 200,000 cadres, and event ingestion.

`.venv/bin/python -m bench.evaluation.run [--villages 20000] [--cadres-per-village 10]`
starts a throwaway PostgreSQL, NATS and the evaluation service, loads a year of counters,
measures GetLeaderboard (gRPC) latency, then the rate at which JetStream events are applied,
and writes bench/evaluation/RESULTS.md.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import grpc
import nats
import psycopg

from services.evaluation.indices import COUNTERS
from services.evaluation.tests import events as ev
from shared import bus, migrate
from shared.auth import TokenIssuer, generate_keys
from stack.processes import Stack, StackConfig
from stack.testing import create_database, throwaway_postgres
from zhili.evaluation.v1 import evaluation_pb2 as pb
from zhili.evaluation.v1 import evaluation_pb2_grpc

COUNTY = "339999"
PERIODS = ["2024", "2025", "2025-Q3", "2025-Q4", "2025-11", "2025-12"]
SHARE = {"2024": 1.0, "2025": 1.0, "2025-Q3": 0.25, "2025-Q4": 0.25, "2025-11": 1 / 12,
         "2025-12": 1 / 12}
HERE = Path(__file__).resolve().parent


def villages(count: int) -> list[str]:
    towns = max(1, count // 100)
    return [f"{COUNTY}{100 + t:03d}{200 + v:03d}" for t in range(towns) for v in range(100)][:count]


def counters(rng: random.Random, share: float, kind: str) -> list[int]:
    """A year's worth (scaled by `share`) of what the events of one subject add up to."""
    accepted = max(0, int(rng.gauss(60 if kind == "village" else 12, 10) * share))
    values = dict(points=accepted * rng.randint(600, 1500), tasks_accepted=accepted,
                  tasks_on_time=int(accepted * rng.uniform(0.7, 1.0)),
                  quality_sum=accepted * rng.randint(60, 100),
                  overdue=int(rng.expovariate(1) * 3 * share), sent_back=int(rng.random() * 4),
                  warnings=int(rng.expovariate(2) * 2 * share))
    if kind == "village":
        received = int(rng.gauss(80, 15) * share)
        resolved = int(received * rng.uniform(0.8, 1.0))
        values.update(petitions_received=received, petitions_resolved=resolved,
                      petitions_rated=resolved, petitions_satisfied=int(resolved * rng.uniform(.7, 1)))
    return [values.get(name, 0) for name in COUNTERS]


def load(url: str, village_ids: list[str], per_village: int) -> int:
    rng = random.Random(8)
    columns = ["subject_type", "subject_id", "period", "village_id", "town_id", "county_id",
               *COUNTERS]
    rows = 0
    with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cursor:
        with cursor.copy(f"COPY subject_stats ({', '.join(columns)}) FROM STDIN") as copy:
            for village in village_ids:
                subjects = [("village", village)] + [
                    ("cadre", f"{village}-c{n}") for n in range(per_village)]
                for kind, subject in subjects:
                    for period in PERIODS:
                        copy.write_row([kind, subject, period, village, village[:9], COUNTY,
                                        *counters(rng, SHARE[period], kind)])
                        rows += 1
        cursor.execute("ANALYZE subject_stats")
    return rows


def token(config: StackConfig) -> list[tuple[str, str]]:
    keys = config.data_dir / "keys"
    issuer = TokenIssuer.from_files(keys / "jwt_private.pem", (keys / "jwt_key_id").read_text(),
                                    issuer="zhili-directory", audience="zhili",
                                    ttl=dt.timedelta(hours=4))
    value = issuer.issue(subject="bench", name="bench", roles=["admin"], org_id=COUNTY,
                         scope_org_id=COUNTY)
    return [("authorization", f"Bearer {value}")]


def requests(village_ids: list[str], rng: random.Random):
    towns = sorted({v[:9] for v in village_ids})
    while True:
        board = rng.choice(["cadres", "villages"])
        scope = COUNTY if rng.random() < 0.5 else rng.choice(towns)
        period = rng.choice(["2025", "2025-12", "2025-Q4"])
        offset = rng.choice([0, 0, 0, 50, 500, 5000])
        yield board, scope, period, offset


def page_token(offset: int) -> str:
    import base64
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode() if offset else ""


def read_load(stub, metadata, village_ids, seconds: float, threads: int) -> dict:
    samples: dict[str, list[float]] = {}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(seed: int) -> None:
        for board, scope, period, offset in requests(village_ids, random.Random(seed)):
            if time.monotonic() > stop:
                return
            started = time.perf_counter()
            stub.GetLeaderboard(pb.GetLeaderboardRequest(
                board=board, org_id=scope, period=period,
                page=dict(page_size=50, page_token=page_token(offset))), metadata=metadata,
                timeout=30)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                samples.setdefault(f"{board} / {'county' if scope == COUNTY else 'town'}",
                                   []).append(elapsed)

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return samples


def quantiles(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return statistics.median(ordered), pick(0.95), pick(0.99)


def make_events(village_ids: list[str], count: int, first: int = 0) -> list:
    rng = random.Random(9 + first)
    at = dt.datetime(2026, 1, 15, 2, tzinfo=dt.UTC)
    items = []
    for n in range(first, first + count):
        village = rng.choice(village_ids)
        roll = rng.random()
        if roll < 0.6:
            items.append(ev.accepted(f"b-{n}", village, [f"{village}-c{n % 10}"], 10,
                                     rng.randint(60, 100), at))
        elif roll < 0.7:
            items.append(ev.overdue(f"b-{n}", village, [f"{village}-c{n % 10}"], 10, at))
        elif roll < 0.95:
            items.append(ev.petition("received", f"bp-{n}", village, at, status="received"))
        else:
            items.append(ev.warning("raised", f"bw-{n}", village, f"proc-{n}", at))
    return items


async def ingest(config: StackConfig, url: str, items: list) -> float:
    nc = await nats.connect(f"nats://127.0.0.1:{config.nats_port}")
    js = nc.jetstream()
    for producer in {subject.split(".", 1)[0] for subject, _ in items}:
        await bus.ensure_service_stream(js, producer)  # once, as the producer does at start
    with psycopg.connect(url, autocommit=True) as conn:
        before = conn.execute("SELECT coalesce(sum(changes), 0) FROM change_counters").fetchone()[0]
        started = time.perf_counter()
        for subject, event in items:
            await js.publish(subject, event.SerializeToString(), stream=ev.stream_of(subject),
                             headers={"Nats-Msg-Id": event.meta.event_id})
        published = time.perf_counter() - started
        while True:
            done = conn.execute("SELECT coalesce(sum(changes), 0) FROM change_counters"
                                ).fetchone()[0] - before
            if done >= len(items):
                break
            await asyncio.sleep(0.2)
        elapsed = time.perf_counter() - started
    await nc.close()
    print(f"published {len(items)} in {published:.1f} s, applied in {elapsed:.1f} s")
    return elapsed


def profile(stack: Stack, output: str):
    """py-spy records the evaluation process (all threads, idle frames left out) for 60 s."""
    if not output:
        return None
    return subprocess.Popen([str(Path(sys.executable).parent / "py-spy"), "record", "--format",
                             "raw", "--duration", "60", "--rate", "50", "--output", output,
                             "--pid", str(stack.processes["evaluation"].pid)],
                            stdout=subprocess.DEVNULL)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text()
                .splitlines() if line.startswith("model name")), platform.processor())
    memory = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal"))) // 1024 // 1024
    return (f"{platform.node()}: {cpu}, {os.cpu_count()} CPUs, {memory} GiB RAM, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def cold_builds(stub, metadata) -> list[tuple[str, float]]:
    """First request of each big board: ranks built from the database (then kept in memory)."""
    timings = []
    for board, period in [("cadres", "2025"), ("villages", "2025"), ("cadres", "2025-12"),
                          ("villages", "2025-12"), ("cadres", "2025-Q4"), ("villages", "2025-Q4")]:
        started = time.perf_counter()
        stub.GetLeaderboard(pb.GetLeaderboardRequest(board=board, org_id=COUNTY, period=period),
                            metadata=metadata, timeout=300)
        timings.append((f"{board} / county / {period}", time.perf_counter() - started))
    return timings


def report(args, rows, cold, reads, busy, rate, events) -> str:
    lines = ["# Evaluation benchmark", "",
             f"Command: `.venv/bin/python -m bench.evaluation.run --villages {args.villages} "
             f"--cadres-per-village {args.cadres_per_village} --seconds {args.seconds} "
             f"--events {args.events}`", "",
             f"Machine: {machine()}. PostgreSQL {args.pg_version} (throwaway cluster, fsync off, "
             "as in the tests), NATS JetStream, one evaluation process; the client runs on the "
             f"same machine with {args.threads} threads. Load average at start and end: "
             f"{args.load_start} / {os.getloadavg()[0]:.1f} (other work on the machine "
             "inflates every figure below).", "",
             f"Data: one county of {args.villages:,} villages in {args.villages // 100} towns, "
             f"{args.villages * args.cadres_per_village:,} cadres; `subject_stats` holds "
             f"{rows:,} counter rows (years 2024 and 2025, 2025-Q3/Q4, 2025-11/12), what a year "
             "of events adds up to per subject. Ledger lines are not loaded: boards never read "
             "them.", "",
             "## Cold build (first request of a board: load counters, compute indicators, rank)",
             "", "| board | seconds |", "|---|---|",
             *[f"| {name} | {seconds:.2f} |" for name, seconds in cold], "",
             "## GetLeaderboard latency over gRPC, boards built (ms)", "",
             f"Random board, scope (county = {args.villages:,} villages or "
             f"{args.villages * args.cadres_per_village:,} cadres; or a town), "
             "period (year, month, quarter) and page (offset 0–5,000, 50 rows).", "",
             "| phase | board / scope | requests | p50 | p95 | p99 |", "|---|---|---|---|---|---|"]
    for phase, samples in [("idle", reads), ("during ingestion", busy)]:
        for name, values in sorted(samples.items()):
            p50, p95, p99 = quantiles(values)
            lines.append(f"| {phase} | {name} | {len(values)} | {p50:.1f} | {p95:.1f} | "
                         f"{p99:.1f} |")
        every = [v for values in samples.values() for v in values]
        p50, p95, p99 = quantiles(every)
        lines.append(f"| {phase} | **all** | {len(every)} | {p50:.1f} | **{p95:.1f}** | "
                     f"{p99:.1f} |")
    lines += ["", "## Ingestion", "",
              f"{events:,} events per phase (60 % accepted assignments, 10 % overdue, 25 % "
              "petitions received, 5 % warnings) published to JetStream and applied by the "
              "service's durable consumers; rate from the first publish to the last commit:", "",
              "| phase | load average at start | events/s |", "|---|---|---|",
              f"| alone (no reads) | {args.load_alone} | **{args.rate_alone:,.0f}** |",
              f"| while the {args.threads} reader threads run | {args.load_busy} | "
              f"**{rate:,.0f}** |", "",
              "Reading: a board is ranked in memory once and served from there; while events "
              "arrive it is re-ranked in the background at most every LEADERBOARD_REFRESH_SECONDS "
              "(2 s) when the change counter moved, so a reader never waits for a re-rank — the "
              "price is that a board can be up to one re-rank old. The cold build is paid once "
              "per board and process (and after a restart).", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--villages", type=int, default=20_000)
    parser.add_argument("--cadres-per-village", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--output", default=str(HERE / "RESULTS.md"))
    parser.add_argument("--profile", default="",
                        help="py-spy output (.txt: collapsed stacks) of the service while it "
                             "ingests alone (needs py-spy from the dev extra)")
    args = parser.parse_args()
    args.load_start = f"{os.getloadavg()[0]:.1f}"
    village_ids = villages(args.villages)
    with throwaway_postgres() as admin, tempfile.TemporaryDirectory() as tmp:
        url = create_database(admin, "evbench")
        with psycopg.connect(admin) as conn:
            args.pg_version = conn.execute("SHOW server_version").fetchone()[0]
        migrate.upgrade("evaluation", url)
        started = time.perf_counter()
        rows = load(url, village_ids, args.cadres_per_village)
        print(f"loaded {rows:,} counter rows in {time.perf_counter() - started:.0f} s")
        config = StackConfig.ephemeral(Path(tmp), {"evaluation": url})
        generate_keys(config.data_dir / "keys")
        stack = Stack(config)
        try:
            stack.start_nats()
            stack.start_service("evaluation")
            metadata = token(config)
            with grpc.insecure_channel(config.grpc_addr("evaluation")) as channel:
                stub = evaluation_pb2_grpc.EvaluationServiceStub(channel)
                cold = cold_builds(stub, metadata)
                print("cold builds:", cold)
                read_load(stub, metadata, village_ids, 5, args.threads)  # warm every town board
                reads = read_load(stub, metadata, village_ids, args.seconds, args.threads)
                args.load_alone = f"{os.getloadavg()[0]:.1f}"
                profiler = profile(stack, args.profile)
                alone = asyncio.run(ingest(config, url, make_events(village_ids, args.events)))
                if profiler:
                    profiler.wait()
                items = make_events(village_ids, args.events, first=args.events)
                busy: dict = {}
                reader = threading.Thread(target=lambda: busy.update(read_load(
                    stub, metadata, village_ids, args.seconds, args.threads)))
                args.load_busy = f"{os.getloadavg()[0]:.1f}"
                reader.start()
                elapsed = asyncio.run(ingest(config, url, items))
                reader.join()
        finally:
            stack.stop_all()
    args.rate_alone = args.events / alone
    text = report(args, rows, cold, reads, busy, args.events / elapsed, args.events)
    Path(args.output).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
