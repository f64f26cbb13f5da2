"""`python -m bench.load.cpu [scenario …]`: CPU time each stack process spends per request.

Throughput on a shared 2-CPU machine moves with whatever else runs; the CPU milliseconds each
process (NATS, every service, each gateway worker) spends per request of one scenario hardly
do, so this is the number to compare before and after a change. Starts the local stack with the
demo county like `bench.load.run`, drives one closed loop per scenario (C concurrent clients,
BENCH_SECONDS), and reads each process's user+system time from /proc before and after.
Scenarios: the worker names of bench/load/scenarios.py (default: grid_report work_order).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import load_average, machine
from bench.load import scenarios as sc
from bench.load.loadgen import Client, Run, closed_loop
from bench.load.profile import children
from stack.processes import Stack, StackConfig

SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stack_pids(stack: Stack) -> dict[str, int]:
    pids = {}
    for name, process in stack.processes.items():
        workers = children(process.pid) if name == "gateway" else []
        for n, pid in enumerate(workers):
            pids[f"gateway worker {n}"] = pid
        if not workers:
            pids[name] = process.pid
    return pids


async def measure(stack: Stack, names: list[str], concurrency: int) -> None:
    client = Client()
    world = sc.World(stack.config.base_url, client)
    try:
        await sc.setup(world)
        for name in names:
            worker = getattr(sc, name)
            await closed_loop(Run("warm-up", "closed"), lambda r: worker(world, r),
                              concurrency=8, seconds=2)
            pids = stack_pids(stack)
            before = {label: cpu_seconds(pid) for label, pid in pids.items()}
            started = time.perf_counter()
            run = await closed_loop(Run(name, "closed"), lambda r: worker(world, r),
                                    concurrency=concurrency, seconds=SECONDS)
            wall = time.perf_counter() - started
            summary = run.summary()
            requests = max(1, summary["requests"])
            print(f"\n{name}: closed c={concurrency}, {summary['rps']:.0f} req/s, p50 "
                  f"{summary['p50']:.0f} ms, errors {summary['errors']}, load {load_average()}")
            print("| process | CPU % | CPU ms per request |\n|---|---|---|")
            total = 0.0
            for label, pid in pids.items():
                used = cpu_seconds(pid) - before[label]
                total += used
                if used >= 0.005 * wall:  # leave out the idle ones
                    print(f"| {label} | {100 * used / wall:.0f} | {1000 * used / requests:.2f} |")
            print(f"| whole stack | {100 * total / wall:.0f} | {1000 * total / requests:.2f} |")
    finally:
        await client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenarios", nargs="*", default=["grid_report", "work_order"])
    parser.add_argument("-c", "--concurrency", type=int, default=32)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="zhili-cpu-"))
    config = StackConfig.ephemeral(data)
    config.extra_env.update(RATE_LIMIT_PER_MINUTE_USER="100000000",
                            RATE_LIMIT_PER_MINUTE_PARTNER="100000000",
                            VALIDATE_RESPONSES=os.environ.get("VALIDATE_RESPONSES", "0"))
    stack = Stack(config)
    print(f"{machine()}; BENCH_SECONDS={SECONDS:g}, "
          f"VALIDATE_RESPONSES={config.extra_env['VALIDATE_RESPONSES']}", flush=True)
    stack.prepare(demo=True)
    try:
        stack.start_all()
        asyncio.run(measure(stack, args.scenarios, args.concurrency))
    finally:
        stack.stop_all()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
