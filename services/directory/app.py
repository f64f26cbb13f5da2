"""Composition root of the directory: reads settings, opens connections, wires the service."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from services.directory import GRPC_PORT, METRICS_PORT, grpc_api, subscribers
from services.directory.models import infra
from services.directory.service import DirectoryService
from shared.auth import TokenIssuer, TokenVerifier
from shared.grpc_server import ServiceSpec
from shared.logs import configure_logging
from shared.outbox import Database
from shared.settings import ServiceSettings, data_dir, env, env_int
from zhili.directory.v1 import directory_pb2_grpc

NAME = "directory"


def settings() -> ServiceSettings:
    return ServiceSettings.from_env(NAME, grpc_port=GRPC_PORT, metrics_port=METRICS_PORT)


def build_service(config: ServiceSettings) -> DirectoryService:
    keys = data_dir() / "keys"
    private_key = Path(env("JWT_PRIVATE_KEY_FILE", str(keys / "jwt_private.pem")))
    key_id_file = keys / "jwt_key_id"
    key_id = env("JWT_KEY_ID", key_id_file.read_text().strip() if key_id_file.exists() else "")
    issuer = TokenIssuer.from_files(private_key, key_id, issuer=config.jwt.issuer,
                                    audience=config.jwt.audience,
                                    ttl=dt.timedelta(seconds=env_int("TOKEN_TTL_SECONDS", 8 * 3600)))
    return DirectoryService(database=Database(config.database_url, infra), issuer=issuer,
                            jwks=json.loads(config.jwt.jwks_file.read_text()))


def build() -> ServiceSpec:
    config = settings()
    configure_logging(NAME, config.log_level)
    service = build_service(config)
    verifier = TokenVerifier.from_file(config.jwt.jwks_file, issuer=config.jwt.issuer,
                                       audience=config.jwt.audience)

    def register(server) -> None:
        directory_pb2_grpc.add_DirectoryServiceServicer_to_server(grpc_api.DirectoryApi(service),
                                                                  server)

    return ServiceSpec(settings=config, database=service.database, verifier=verifier,
                       register=register, service_names=[grpc_api.SERVICE_NAME],
                       public_methods=grpc_api.PUBLIC_METHODS,
                       subscriptions=subscribers.SUBSCRIPTIONS)
