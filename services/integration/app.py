"""Composition root of integration: reads settings, opens connections, starts the workers and consumers."""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path


from services.integration import GRPC_PORT, METRICS_PORT, grpc_api, subscribers
from services.integration.domain import RetryPolicy
from services.integration.models import infra
from services.integration.service import IntegrationService
from services.integration.service.credentials import ServiceIdentity, Vault
from services.integration.service.notifications import NotificationSender, SmtpSettings
from services.integration.service.outbound import Outbound
from services.integration.service.worker import DeliveryWorker
from shared.auth import TokenIssuer
from shared.grpc_server import ServiceSpec
from shared.logs import configure_logging
from shared.outbox import Database
from shared.settings import ServiceSettings, data_dir, env, env_float, env_int
from zhili.integration.v1 import integration_pb2_grpc

NAME = "integration"
log = logging.getLogger(__name__)


def settings() -> ServiceSettings:
    return ServiceSettings.from_env(NAME, grpc_port=GRPC_PORT, metrics_port=METRICS_PORT)


def _identity(config: ServiceSettings) -> ServiceIdentity:
    """Its own key in Kubernetes (public half in the JWKS); the local stack's one key otherwise."""
    keys = data_dir() / "keys"
    private_key = Path(env("INTEGRATION_SIGNING_KEY_FILE",
                           env("JWT_PRIVATE_KEY_FILE", str(keys / "jwt_private.pem"))))
    key_id_file = keys / "jwt_key_id"
    key_id = env("INTEGRATION_SIGNING_KEY_ID", env("JWT_KEY_ID", key_id_file.read_text().strip()
                                                   if key_id_file.exists() else ""))
    issuer = TokenIssuer.from_files(private_key, key_id, issuer=config.jwt.issuer,
                                    audience=config.jwt.audience,
                                    ttl=dt.timedelta(seconds=env_int("SERVICE_TOKEN_TTL_SECONDS", 300)))
    return ServiceIdentity(issuer)


def build_service(config: ServiceSettings) -> IntegrationService:
    retry = RetryPolicy(base_seconds=env_float("INTEGRATION_RETRY_BASE_SECONDS", 30.0),
                        max_seconds=env_float("INTEGRATION_RETRY_MAX_SECONDS", 6 * 3600.0),
                        period=dt.timedelta(seconds=env_float("INTEGRATION_RETRY_PERIOD_SECONDS",
                                                              3 * 24 * 3600.0)))
    outbound = Outbound(allow_private=env("INTEGRATION_ALLOW_PRIVATE_CALLBACKS", "0") in ("1", "true"),
                        timeout_seconds=env_float("INTEGRATION_HTTP_TIMEOUT_SECONDS", 10.0),
                        max_response_bytes=env_int("INTEGRATION_MAX_RESPONSE_BYTES", 65536))
    vault = Vault.from_setting(env("INTEGRATION_CREDENTIALS_KEYS", ""),
                               data_dir() / "keys" / "integration_credentials.key")
    return IntegrationService(
        database=Database(config.database_url, infra), vault=vault, identity=_identity(config),
        outbound=outbound, petitions_addr=env("PETITIONS_GRPC_ADDR", "127.0.0.1:50054"),
        retry=retry, partner_concurrency=env_int("INTEGRATION_PARTNER_CONCURRENCY", 4),
        poll_seconds=env_float("INTEGRATION_POLL_SECONDS", 1.0))


def smtp_settings() -> SmtpSettings:
    return SmtpSettings(host=env("SMTP_HOST", "127.0.0.1"), port=env_int("SMTP_PORT", 25),
                        sender=env("SMTP_FROM", "zhili@localhost"), username=env("SMTP_USERNAME", ""),
                        password=env("SMTP_PASSWORD", ""), starttls=env("SMTP_STARTTLS", "0") == "1")


def build() -> ServiceSpec:
    from shared.auth import TokenVerifier
    config = settings()
    configure_logging(NAME, config.log_level)
    service = build_service(config)
    verifier = TokenVerifier.from_file(config.jwt.jwks_file, issuer=config.jwt.issuer,
                                       audience=config.jwt.audience)

    def register(server) -> None:
        integration_pb2_grpc.add_IntegrationServiceServicer_to_server(grpc_api.IntegrationApi(service),
                                                                      server)

    return ServiceSpec(settings=config, database=service.database, verifier=verifier,
                       register=register, service_names=[grpc_api.SERVICE_NAME],
                       public_methods=grpc_api.PUBLIC_METHODS,
                       subscriptions=subscribers.build_subscriptions(service),
                       background=[DeliveryWorker(service).run,
                                   NotificationSender(service, smtp_settings()).run])
