"""bench/load/RESULTS.md: the machine, load averages, per-scenario tables with ratios, aims met or not."""
from __future__ import annotations

import datetime as dt
import math
import os
from pathlib import Path

from bench.common import load_average, machine
from shared import bus

HERE = Path(__file__).parent


def line(r: dict) -> str:
    return (f"{r['name']} [{r['mode']}]: {r['rps']:.0f} req/s, ops {r['ops_per_s']:.1f}/s, "
            f"p50 {r['p50']:.1f} p95 {r['p95']:.1f} p99 {r['p99']:.1f} ms, errors {r['errors']} "
            f"{r['first_error'][:120]}, client CPU {100 * r['client_cpu']:.0f}%, load {r['load']}")


def event_line(r: dict) -> str:
    return (f"{r['name']}: p50 {r['p50']:.1f} p95 {r['p95']:.1f} max {r['max']:.1f} ms "
            f"({r['samples']} samples, {r['polls_mean']:.1f} polls each)")


def lag_line(r: dict) -> str:
    return (f"event lag {r['consumer']} during {r['name']}: {r['events']} events, p50 ≤ {r['p50']:.0f} "
            f"p95 ≤ {r['p95']:.0f} ms, {100 * r['within_50ms']:.1f}% within 50 ms")


def ceilings(rows: list[dict]) -> dict[str, dict]:
    return {("open" if r["mode"].startswith("open") else "closed"): r for r in rows
            if r["name"].startswith("bare")}


def table(rows: list[dict]) -> list[str]:
    bare = ceilings(rows)
    out = ["| scenario | mode | req/s | ops/s | p50 ms | p95 ms | p99 ms | errors | req/s ÷ bare "
           "| p99 ÷ bare | client CPU | load avg (1/5/15 min) |", "|" + "---|" * 12]
    for r in rows:
        ceiling = bare["open" if r["mode"].startswith("open") else "closed"]
        ops = f"{r['ops_per_s']:.1f}" if r["ops"] != r["ok"] else "="
        errors = f"{r['errors']}" + (f" ({r['first_error'][:60]}…)" if r["errors"] else "")
        out.append(f"| {r['name']} | {r['mode']} | {r['rps']:.0f} | {ops} | {r['p50']:.1f} | "
                   f"{r['p95']:.1f} | {r['p99']:.1f} | {errors} | "
                   f"{r['rps'] / bare['closed']['rps']:.2f} | {r['p99'] / ceiling['p99']:.1f} | "
                   f"{100 * r['client_cpu']:.0f}% | {r['load']} |")
    return out


def aims(outcome: dict, rate: float) -> list[str]:
    rows, events = outcome["scenarios"], outcome["events"]
    find = lambda name, mode: next((r for r in rows if r["name"].startswith(name)  # noqa: E731
                                    and r["mode"].startswith(mode)), None)
    work, grid = find("petition intake: partner", "closed"), find("petition intake: grid", "closed")
    opened = find("petition intake (", "open")
    dash = [r for r in rows if r["name"].startswith("dashboard")]
    best = max(work["rps"], grid["rps"]) if work and grid else math.nan
    checks = [
        (f"petition intake ≥ 500/s (closed loop: work orders {work['rps']:.0f}/s, grid reports "
         f"{grid['rps']:.0f}/s)", best >= 500),
        (f"petition intake p99 ≤ 100 ms at {rate:.0f}/s (open loop: p99 {opened['p99']:.0f} ms, "
         f"{opened['errors']} errors)", opened["p99"] <= 100 and not opened["errors"]),
        *[(f"event latency p95 ≤ 50 ms, emit → consumer commit ({r['consumer']}, {r['name']}: "
           f"{100 * r['within_50ms']:.1f}% within 50 ms)", r["within_50ms"] >= 0.95)
          for r in outcome["lags"]],
        *[(f"event latency p95 ≤ 50 ms, seen through the API ({e['name']}: p95 {e['p95']:.0f} ms)",
           e["p95"] <= 50) for e in events],
        *[(f"dashboard p95 ≤ 50 ms ({r['mode']}: p95 {r['p95']:.0f} ms)", r["p95"] <= 50)
          for r in dash]]
    return ["| aim (issue 10, 2-core machine, whole stack on it) | |", "|---|---|",
            *[f"| {text} | {'met' if ok else '**not met**'} |" for text, ok in checks]]


def profiles(found: dict) -> list[str]:
    out = []
    for name, p in found.items():
        out += [f"**{name}** ({p['samples']} samples at 100 Hz, active threads only)", "",
                "| self time | % | own code, total time | % |", "|---|---|---|---|"]
        for (a, x), (b, y) in zip(p["self"], p["ours_total"] + [("", "")] * len(p["self"])):
            out.append(f"| `{a}` | {x} | `{b}` | {y} |")
        out.append("")
    return out


BACKENDS = {"sqlite": "SQLite (one file per service)",
            "postgresql": "PostgreSQL (one cluster on loopback, one database per service, "
                          "fsync and synchronous commit on)"}


def write(outcome: dict, *, seconds: float, rate: float, argv: list[str], backend: str) -> None:
    command = " ".join([".venv/bin/python -m bench.load.run", *argv])
    lines = [
        "# Load: the hot paths through the gateway", "",
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {machine()}; the whole stack (NATS, "
        f"seven services on {BACKENDS[backend]}, the gateway with 2 gunicorn/uvicorn workers) and the load "
        "generator on the same machine, loopback only. Load average at the end: "
        f"{load_average()}.", "",
        f"Command: `{command}` (BENCH_SECONDS={seconds:g} per scenario). The load generator is "
        "one asyncio process on aiohttp; its own CPU is the 'client CPU' column (100% = one "
        "core). Ratios are to the bare Connexion AsyncApp `/ping` served by the same gunicorn "
        "configuration in the same run: req/s to its closed loop, p99 to the bare run of the same "
        "mode (open loops to its open loop at the same rate). Open-loop latency counts from the "
        "moment a request was due. Per-user and per-partner rate limits were raised for the run; "
        f"VALIDATE_RESPONSES={os.environ.get('VALIDATE_RESPONSES', '0')} (0 = as deployed: "
        "requests are validated against the OpenAPI document, responses are not). "
        "ops/s: whole operations where one is several requests (dispatch = 3, transitions = 5). "
        "Each scenario starts on a settled stack: a petitions read answers within 0.2 s and "
        "evaluation has applied every event of the scenarios before (its lag histogram stands "
        "still for a second).",
        "", *table(outcome["scenarios"]), "",
        "## Event latency (commit → consumer effect)", "",
        "Measured one at a time after the intake load: the clock starts when the 2xx reply of "
        "the write arrives (the commit is before it) and stops when a poll through the gateway "
        "first sees the effect, so it includes up to one poll round trip.", "",
        "| path | samples | p50 ms | p95 ms | max ms | polls per sample |", "|---|---|---|---|---|---|",
        *[f"| {e['name']} | {e['samples']} | {e['p50']:.1f} | {e['p95']:.1f} | {e['max']:.1f} | "
          f"{e['polls_mean']:.1f} |" for e in outcome["events"]], "",
        "Measured inside the consumer too: `zhili_event_lag_seconds` (shared/consumer.py) is the "
        "time from the event's emission in the producer's transaction (the `Zhili-Emitted-At` "
        "header the outbox relay sets) to the consumer's commit of its effect, a histogram per "
        "consumer on the service's /metrics; the bench reads evaluation's before and after each "
        "window, once the consumer has gone quiet. Percentiles are bucket bounds (≤).", "",
        "| consumer | window | events | p50 ms | p95 ms | within 50 ms |", "|---|---|---|---|---|---|",
        *[f"| {r['consumer']} | {r['name']} | {r['events']} | ≤ {r['p50']:.0f} | ≤ {r['p95']:.0f} | "
          f"{100 * r['within_50ms']:.1f}% |" for r in outcome["lags"]], "",
        "JetStream settings (shared/bus.py, shared/consumer.py, shared/outbox.py): one file-backed "
        f"stream per producing service, retention limits, discard old, max age "
        f"{bus.MAX_AGE_SECONDS // 86400} days, duplicate window {bus.DUPLICATE_WINDOW_SECONDS} s, "
        "1 replica (single local nats-server); durable pull consumers with explicit ack, "
        "ack wait 30 s, fetch batch 50 with 1 s expiry; the outbox relay is woken by the "
        "committing transaction (poll fallback 1 s, batch 200) and publishes with Nats-Msg-Id.",
        "", "## Aims", "", *aims(outcome, rate), ""]
    if outcome["profiles"]:
        lines += ["## Profile of the partner work-order path (py-spy)", "",
                  "Top frames while the closed-loop work-order scenario ran; the analysis and "
                  "the before/after of the fix are in [PROFILE.md](PROFILE.md).", "",
                  *profiles(outcome["profiles"])]
    name = "RESULTS.md" if backend == "sqlite" else f"RESULTS-{backend}.md"
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
