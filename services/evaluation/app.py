"""Composition root of evaluation: reads settings, opens connections, wires service and consumers."""
from __future__ import annotations

import logging

from services.evaluation import GRPC_PORT, METRICS_PORT, grpc_api, subscribers
from services.evaluation.models import infra
from services.evaluation.service import EvaluationService
from shared.auth import TokenVerifier
from shared.grpc_server import ServiceSpec
from shared.logs import configure_logging
from shared.outbox import Database
from shared.settings import ServiceSettings, env, env_float
from zhili.evaluation.v1 import evaluation_pb2_grpc

NAME = "evaluation"
log = logging.getLogger(__name__)


def settings() -> ServiceSettings:
    return ServiceSettings.from_env(NAME, grpc_port=GRPC_PORT, metrics_port=METRICS_PORT)


def build_service(config: ServiceSettings) -> EvaluationService:
    return EvaluationService(database=Database(config.database_url, infra),
                             refresh_seconds=env_float("LEADERBOARD_REFRESH_SECONDS", 2.0),
                             directory_addr=env("DIRECTORY_GRPC_ADDR", "127.0.0.1:50051"))


def build() -> ServiceSpec:
    config = settings()
    configure_logging(NAME, config.log_level)
    service = build_service(config)
    verifier = TokenVerifier.from_file(config.jwt.jwks_file, issuer=config.jwt.issuer,
                                       audience=config.jwt.audience)

    def register(server) -> None:
        evaluation_pb2_grpc.add_EvaluationServiceServicer_to_server(
            grpc_api.EvaluationApi(service), server)

    return ServiceSpec(settings=config, database=service.database, verifier=verifier,
                       register=register, service_names=[grpc_api.SERVICE_NAME],
                       public_methods=grpc_api.PUBLIC_METHODS,
                       subscriptions=subscribers.SUBSCRIPTIONS)
