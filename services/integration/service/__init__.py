"""Integration use cases; the service object holds the database, secrets vault, peers and policies."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import grpc

from services.integration.domain import RetryPolicy
from services.integration.service.credentials import ServiceIdentity, Vault
from services.integration.service.outbound import Outbound
from shared.errors import DomainError, from_rpc_error
from shared.grpc_client import call_metadata, insecure_aio_channel
from shared.outbox import Database
from zhili.petitions.v1 import petitions_pb2 as petitions_pb
from zhili.petitions.v1 import petitions_pb2_grpc

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def load_categories(path: Path = DATA_DIR / "petition_categories.csv") -> dict[str, dict]:
    with path.open(encoding="utf-8") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


class RelayedError(DomainError):
    """A peer's error passed on with its status and code (e.g. petitions refusing a field)."""

    def __init__(self, error: grpc.RpcError) -> None:
        remote = from_rpc_error(error)
        super().__init__(remote.message_zh, remote.message_en, code=remote.code, field=remote.field)
        self.grpc_code = remote.status


@dataclass
class IntegrationService:
    database: Database
    vault: Vault
    identity: ServiceIdentity
    outbound: Outbound
    petitions_addr: str
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    partner_concurrency: int = 4
    poll_seconds: float = 1.0
    grpc_timeout: float = 10.0
    category_rows: dict[str, dict] = field(default_factory=load_categories)
    _petitions: petitions_pb2_grpc.PetitionsServiceStub | None = None

    @property
    def categories(self) -> set[str]:
        return set(self.category_rows)

    def petitions(self) -> petitions_pb2_grpc.PetitionsServiceStub:
        if self._petitions is None:  # the channel belongs to the running event loop
            self._petitions = petitions_pb2_grpc.PetitionsServiceStub(
                insecure_aio_channel(self.petitions_addr))
        return self._petitions

    async def create_petition(self, partner, request: petitions_pb.CreatePetitionRequest):
        token = self.identity.token_for(subject=f"partner:{partner.code}", name=partner.name,
                                        org_id=partner.jurisdiction_org_id)
        try:
            return await self.petitions().CreatePetition(
                request, metadata=call_metadata(token=token), timeout=self.grpc_timeout)
        except grpc.RpcError as error:
            raise RelayedError(error) from None
