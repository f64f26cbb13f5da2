"""Event latency: a committed change (the 2xx reply) → its effect in a consumer, polled via the gateway."""
from __future__ import annotations

import time

from bench.load import scenarios as sc
from bench.load.loadgen import Run, pct


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
