"""Petition use cases, split by concern: intake, flow (transitions), extras, queries, visits."""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from services.petitions.service import extras
from services.petitions.triage import Category, Triage, load_categories
from shared.grpc_client import insecure_aio_channel
from shared.outbox import Database
from zhili.directory.v1 import directory_pb2_grpc

log = logging.getLogger(__name__)


@dataclass
class PetitionsService:
    """What the use cases need: the database, the triage model, categories, the directory stub."""

    database: Database
    triage: Triage
    directory_addr: str  # households live in the directory; asked over gRPC with the caller's token
    categories: dict[str, Category] = field(default_factory=lambda: {
        c.code: c for c in load_categories() if c.level})
    sweep_seconds: float = 60.0
    _directory: object = None

    @property
    def directory(self):
        """The directory stub, opened on first use inside the running event loop (grpc.aio)."""
        if self._directory is None:
            channel = insecure_aio_channel(self.directory_addr)
            self._directory = directory_pb2_grpc.DirectoryServiceStub(channel)
        return self._directory

    async def run_overdue_sweeper(self) -> None:
        """Every `sweep_seconds`; each replica may run it, the conditional UPDATE keeps it once."""
        while True:
            try:
                await extras.sweep_overdue(self.database)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # database briefly away: try again next round
                log.warning("overdue sweep failed", extra={"error": repr(exc)})
            await asyncio.sleep(self.sweep_seconds)
