"""Composition root of the catalogue: reads settings, opens connections, wires the service."""
from __future__ import annotations

import datetime as dt

from services.catalogue import GRPC_PORT, METRICS_PORT, grpc_api, subscribers
from services.catalogue.engine import ScreeningEngine
from services.catalogue.models import infra
from services.catalogue.service import CatalogueService
from shared.auth import TokenVerifier
from shared.grpc_server import ServiceSpec
from shared.logs import configure_logging
from shared.outbox import Database
from shared.settings import ServiceSettings, env, env_int
from zhili.catalogue.v1 import catalogue_pb2_grpc

NAME = "catalogue"


def settings() -> ServiceSettings:
    return ServiceSettings.from_env(NAME, grpc_port=GRPC_PORT, metrics_port=METRICS_PORT)


def build_service(config: ServiceSettings) -> CatalogueService:
    window = dt.timedelta(days=env_int("DUPLICATE_WINDOW_DAYS", 30))
    return CatalogueService(database=Database(config.database_url, infra),
                            engine=ScreeningEngine(duplicate_window=window,
                                                   model_setting=env("SCREENING_MODEL_FILE", "")))


def build() -> ServiceSpec:
    config = settings()
    configure_logging(NAME, config.log_level)
    service = build_service(config)
    verifier = TokenVerifier.from_file(config.jwt.jwks_file, issuer=config.jwt.issuer,
                                       audience=config.jwt.audience)

    def register(server) -> None:
        catalogue_pb2_grpc.add_CatalogueServiceServicer_to_server(grpc_api.CatalogueApi(service),
                                                                  server)

    # Matchers and the duplicate index are built in the background: serving starts at once,
    # and a screening arriving first simply builds what it needs itself.
    return ServiceSpec(settings=config, database=service.database, verifier=verifier,
                       register=register, service_names=[grpc_api.SERVICE_NAME],
                       subscriptions=subscribers.subscriptions(service),
                       background=[service.warm_up])
