"""A stopping process does not wait for a leaderboard ranking that nobody awaits any more."""
from __future__ import annotations

import asyncio
import threading
import time

import pytest

from services.evaluation.service import boards


async def test_a_cancelled_ranking_stops_its_thread_at_the_next_checkpoint():
    entries = [boards.Entry(f"s{n:06d}", "330688100201", n % 997, 0) for n in range(100_000)]
    finished = threading.Event()

    def rank_again_and_again():
        try:
            for _ in range(1_000):  # minutes of work if nothing stops it
                boards.rank(entries)
        finally:
            finished.set()

    task = asyncio.create_task(boards.off_loop(rank_again_and_again))
    await asyncio.sleep(0.3)
    cancelled = time.monotonic()
    task.cancel()   # what server.stop / asyncio.run do to the reader's task on SIGTERM
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await asyncio.to_thread(finished.wait, 5.0), "the ranking thread kept running"
    assert time.monotonic() - cancelled < 5.0


async def test_an_awaited_ranking_is_not_disturbed():
    entries = [boards.Entry(f"s{n}", "330688100201", value, 0)
               for n, value in enumerate([5, 9, 9, 1] * 5_000)]
    ranked = await boards.off_loop(boards.rank, entries)
    assert [e.rank for e in ranked[:3]] == [1, 1, 1] and ranked[-1].rank == 15_001
