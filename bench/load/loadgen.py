"""An asyncio load generator on aiohttp: closed loops (max throughput) and open loops (fixed rate).

Latency of an open-loop request is counted from the moment it was *due*, not from when it was
sent, so a generator that falls behind shows up in the numbers (no coordinated omission). The
generator's own CPU time is measured too, so a saturated client cannot pass for a slow server.
"""
from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import aiohttp


@dataclass
class Run:
    """Samples of one scenario: latency in seconds per request, status codes, client CPU."""

    name: str
    mode: str
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: int = 0
    first_error: str = ""
    wall: float = 0.0
    client_cpu: float = 0.0
    ops: int = 0          # completed operations (an op may be several requests, e.g. a dispatch)
    op_latencies: list[float] = field(default_factory=list)
    late: int = 0         # open loop: requests sent more than 5 ms after they were due

    def record(self, status: int, seconds: float, body: str = "") -> bool:
        self.statuses[status] += 1
        ok = 200 <= status < 300
        if ok:
            self.latencies.append(seconds)
        else:
            self.errors += 1
            self.first_error = self.first_error or f"{status} {body[:200]}"
        return ok

    def summary(self) -> dict:
        lat = sorted(self.latencies)
        ops = sorted(self.op_latencies)
        return {"name": self.name, "mode": self.mode, "requests": len(lat) + self.errors,
                "ok": len(lat), "errors": self.errors, "first_error": self.first_error,
                "rps": len(lat) / self.wall if self.wall else 0.0,
                "p50": pct(lat, 50), "p95": pct(lat, 95), "p99": pct(lat, 99),
                "ops": self.ops, "ops_per_s": self.ops / self.wall if self.wall else 0.0,
                "op_p50": pct(ops, 50), "op_p95": pct(ops, 95), "op_p99": pct(ops, 99),
                "wall": self.wall, "client_cpu": self.client_cpu, "late": self.late,
                "statuses": dict(self.statuses)}


def pct(ordered: list[float], p: float) -> float:
    """Nearest-rank percentile in milliseconds (NaN when empty)."""
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank] * 1000


class Client:
    """One aiohttp session for the whole run; `request` times a call and records it in a Run."""

    def __init__(self, connections: int = 256) -> None:
        # The gateway closes idle connections after 5 s (gunicorn `keepalive`); aiohttp would keep
        # them 15 s and could send on one the server is just closing: "Connection reset by peer"
        # (seen in the dispatch scenario). Idle connections are dropped before the server does.
        self.session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=connections, ttl_dns_cache=3600, keepalive_timeout=4),
            timeout=aiohttp.ClientTimeout(total=30))

    async def request(self, run: Run, method: str, url: str, *, started: float | None = None,
                      **kwargs) -> tuple[int, object]:
        start = time.perf_counter() if started is None else started
        try:
            async with self.session.request(method, url, **kwargs) as response:
                raw = await response.read()
                status = response.status
        except (aiohttp.ClientError, TimeoutError) as exc:
            run.record(599, time.perf_counter() - start, repr(exc))
            return 599, None
        text = raw.decode("utf-8", "replace")
        run.record(status, time.perf_counter() - start, text)
        if response.content_type.endswith("json") and raw:
            return status, json.loads(raw)
        return status, text

    async def close(self) -> None:
        await self.session.close()


async def closed_loop(run: Run, worker: Callable[[Run], Awaitable[bool]], *, concurrency: int,
                      seconds: float) -> Run:
    """`concurrency` workers each repeat `worker(run)` until time is up (or it returns False)."""
    deadline = time.perf_counter() + seconds

    async def loop() -> None:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            more = await worker(run)
            if more is False:
                return
            run.ops += 1
            run.op_latencies.append(time.perf_counter() - started)

    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(loop() for _ in range(concurrency)))
    run.wall = time.perf_counter() - wall
    run.client_cpu = (time.process_time() - cpu) / run.wall
    return run


async def open_loop(run: Run, send: Callable[[Run, float], Awaitable[object]], *, rate: float,
                    seconds: float, max_outstanding: int = 500) -> Run:
    """Start `send(run, due)` every 1/rate s whatever the previous ones do; wait for them all."""
    cpu, start = time.process_time(), time.perf_counter()
    pending: set[asyncio.Task] = set()
    for n in range(int(rate * seconds)):
        due = start + n / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        elif delay < -0.005:
            run.late += 1
        if len(pending) >= max_outstanding:  # the server is not keeping up: count, do not pile on
            run.record(598, time.perf_counter() - due, "client: too many outstanding requests")
            continue
        task = asyncio.create_task(send(run, due))
        pending.add(task)
        task.add_done_callback(pending.discard)
    if pending:
        await asyncio.wait(pending)
    run.wall = seconds  # the offered window; throughput = answered within the window's offer
    run.ops = len(run.latencies)
    run.client_cpu = (time.process_time() - cpu) / (time.perf_counter() - start)
    return run
