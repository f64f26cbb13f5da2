"""Background jobs and event loops of a service survive a passing outage (shared.grpc_server)."""
from __future__ import annotations

import asyncio

from shared import grpc_server


def test_a_failing_job_is_restarted_until_it_succeeds_and_a_finished_one_is_not(monkeypatch):
    monkeypatch.setattr(grpc_server, "backoff_seconds", lambda attempt: 0.01)
    runs = []

    async def sweep() -> None:
        runs.append(len(runs))
        if len(runs) < 3:
            raise ConnectionError("database restarting")

    asyncio.run(asyncio.wait_for(grpc_server._supervised(sweep), timeout=5))
    assert runs == [0, 1, 2]


def test_a_supervised_job_stops_when_cancelled(monkeypatch):
    monkeypatch.setattr(grpc_server, "backoff_seconds", lambda attempt: 0.01)
    started = []

    async def forever() -> None:
        started.append(1)
        await asyncio.sleep(3600)

    async def scenario() -> None:
        task = asyncio.create_task(grpc_server._supervised(forever))
        await asyncio.sleep(0.05)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        assert task.cancelled()

    asyncio.run(scenario())
    assert started == [1]
