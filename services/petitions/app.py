"""Composition root of the petitions service: reads settings, opens connections, wires the service."""
from __future__ import annotations


from services.petitions import GRPC_PORT, METRICS_PORT, grpc_api, subscribers
from services.petitions.models import infra
from services.petitions.service import PetitionsService
from services.petitions.triage import default_triage
from shared.auth import TokenVerifier
from shared.grpc_server import ServiceSpec
from shared.logs import configure_logging
from shared.outbox import Database
from shared.settings import ServiceSettings, env, env_float
from zhili.petitions.v1 import petitions_pb2_grpc

NAME = "petitions"


def settings() -> ServiceSettings:
    return ServiceSettings.from_env(NAME, grpc_port=GRPC_PORT, metrics_port=METRICS_PORT)


def build_service(config: ServiceSettings) -> PetitionsService:
    return PetitionsService(database=Database(config.database_url, infra), triage=default_triage(),
                            directory_addr=env("DIRECTORY_GRPC_ADDR", "127.0.0.1:50051"),
                            sweep_seconds=env_float("OVERDUE_SWEEP_SECONDS", 60.0))


def build() -> ServiceSpec:
    config = settings()
    configure_logging(NAME, config.log_level)
    service = build_service(config)
    verifier = TokenVerifier.from_file(config.jwt.jwks_file, issuer=config.jwt.issuer,
                                       audience=config.jwt.audience)

    def register(server) -> None:
        petitions_pb2_grpc.add_PetitionsServiceServicer_to_server(grpc_api.PetitionsApi(service),
                                                                  server)

    return ServiceSpec(settings=config, database=service.database, verifier=verifier,
                       register=register, service_names=[grpc_api.SERVICE_NAME],
                       public_methods=grpc_api.PUBLIC_METHODS,
                       subscriptions=subscribers.SUBSCRIPTIONS,
                       background=[service.run_overdue_sweeper])
