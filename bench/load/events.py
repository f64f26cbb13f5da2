"""Event latency two ways: a committed change (the 2xx reply) → its effect polled via the gateway,
and emit → consumer commit as the consumer itself measures it (`zhili_event_lag_seconds`)."""
from __future__ import annotations

import asyncio
import math
import time

from prometheus_client.parser import text_string_to_metric_families

from bench.load import scenarios as sc
from bench.load.loadgen import Run, pct


class LagMeter:
    """One consumer's `zhili_event_lag_seconds` histogram, read from its service's /metrics; a
    window is the difference of two reads, so only the events applied in between count."""

    def __init__(self, world: sc.World, metrics_url: str, consumer: str) -> None:
        self.world, self.url, self.consumer = world, metrics_url, consumer

    async def read(self) -> dict[float, float]:
        """Cumulative count per bucket bound (seconds; inf included)."""
        status, text = await self.world.client.request(Run("metrics", "scrape"), "GET", self.url)
        if status != 200:
            raise RuntimeError(f"{self.url}: {status}")
        buckets = {}
        for family in text_string_to_metric_families(text):
            if family.name == "zhili_event_lag_seconds":
                for sample in family.samples:
                    if sample.name.endswith("_bucket") and sample.labels.get("consumer") == self.consumer:
                        buckets[float(sample.labels["le"])] = sample.value
        return buckets

    async def settled(self, quiet_seconds: float = 1.0, limit: float = 120.0) -> dict[float, float]:
        """Read once the consumer has stopped applying events (its backlog worked off)."""
        last, deadline = await self.read(), time.monotonic() + limit
        while time.monotonic() < deadline:
            await asyncio.sleep(quiet_seconds)
            now = await self.read()
            if now == last:
                return now
            last = now
        return last

    def window(self, name: str, before: dict[float, float], after: dict[float, float]) -> dict:
        """Events in the window, and for p50/p95 the bucket bound at or under which they fall."""
        counts = sorted((bound, after[bound] - before.get(bound, 0.0)) for bound in after)
        total = counts[-1][1] if counts else 0.0

        def bound_of(q: float) -> float:
            return next((b for b, c in counts if c >= q * total), math.inf) * 1000

        within = next((c for b, c in counts if b == 0.05), 0.0)
        return {"name": name, "consumer": self.consumer, "events": int(total),
                "p50": bound_of(0.5) if total else math.nan,
                "p95": bound_of(0.95) if total else math.nan,
                "within_50ms": within / total if total else math.nan}


async def _poll(world: sc.World, run: Run, method: str, path: str, seen, *, who: str,
                params: dict, timeout: float = 10.0) -> tuple[float, int]:
    """Poll until `seen(body)`; → (time it was first seen, polls made)."""
    deadline, polls = time.perf_counter() + timeout, 0
    while time.perf_counter() < deadline:
        status, body = await world.client.request(run, method, world.url(path),
                                                  headers=world.auth[who], params=params)
        polls += 1
        if status == 200 and seen(body):
            return time.perf_counter(), polls
    raise TimeoutError(f"{path}: effect not seen in {timeout} s")


async def petition_to_dashboard(world: sc.World, samples: int) -> dict:
    """petitions.petition.received → evaluation's dashboard petitions_total of the town."""
    run, polls, gaps = Run("event", "poll"), [], []
    params = {"org_id": sc.TOWN, "period": sc.month()}
    for _ in range(samples):
        _, before = await world.client.request(run, "GET", world.url("/api/v1/dashboard"),
                                               headers=world.auth["dong.qing"], params=params)
        total = before["petitions_total"]
        if not await sc.grid_report(world, run):
            raise RuntimeError(run.first_error)
        committed = time.perf_counter()
        seen, n = await _poll(world, run, "GET", "/api/v1/dashboard",
                              lambda body: body["petitions_total"] > total, who="dong.qing",
                              params=params)
        gaps.append(seen - committed)
        polls.append(n)
    return summary("petition received → evaluation dashboard count", gaps, polls)


async def accepted_to_ledger(world: sc.World, samples: int) -> dict:
    """tasks.assignment.accepted → the cadre's ledger line in evaluation (GET scores/{cadre})."""
    run, polls, gaps = Run("event", "poll"), [], []
    for _ in range(samples):
        village, assignment = world.assignments.get_nowait()
        if not (await sc.walk(world, run, village, assignment, sc.STEPS[:4])
                and await sc.walk(world, run, village, assignment, sc.STEPS[4:])):
            raise RuntimeError(run.first_error)
        committed = time.perf_counter()
        cadre = world.cadre_ids[village]
        seen, n = await _poll(world, run, "GET", f"/api/v1/scores/{cadre}",
                              lambda body: any(line["source_id"] == assignment
                                               for line in body["lines"]),
                              who="dong.qing", params={"period": sc.month(), "page_size": "500"})
        gaps.append(seen - committed)
        polls.append(n)
    return summary("assignment accepted → cadre's ledger line", gaps, polls)


def summary(name: str, gaps: list[float], polls: list[int]) -> dict:
    ordered = sorted(gaps)
    return {"name": name, "samples": len(gaps), "p50": pct(ordered, 50), "p95": pct(ordered, 95),
            "max": ordered[-1] * 1000, "polls_mean": sum(polls) / len(polls)}
