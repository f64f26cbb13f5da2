"""Composition root of evaluation: reads settings, opens connections, wires service and consumers."""
from __future__ import annotations

import asyncio
import logging

from services.evaluation import GRPC_PORT, METRICS_PORT, grpc_api, subscribers
from services.evaluation.models import infra
from services.evaluation.service import EvaluationService
from shared import bus
from shared.auth import TokenVerifier
from shared.consumer import EventConsumer, backoff_seconds
from shared.grpc_server import ServiceSpec
from shared.logs import configure_logging
from shared.outbox import Database
from shared.settings import ServiceSettings, env, env_float, env_int
from zhili.evaluation.v1 import evaluation_pb2_grpc

NAME = "evaluation"
log = logging.getLogger(__name__)
_background: set[asyncio.Task] = set()


def settings() -> ServiceSettings:
    return ServiceSettings.from_env(NAME, grpc_port=GRPC_PORT, metrics_port=METRICS_PORT)


def build_service(config: ServiceSettings) -> EvaluationService:
    return EvaluationService(database=Database(config.database_url, infra),
                             refresh_seconds=env_float("LEADERBOARD_REFRESH_SECONDS", 2.0),
                             directory_addr=env("DIRECTORY_GRPC_ADDR", "127.0.0.1:50051"))


async def consume(service: EvaluationService, nats_url: str) -> None:
    """Ensure the producers' streams, then run every subscription, restarting one that fails.

    shared's runner subscribes at once and a missing stream would end all event work of the
    process; the producers may start after us, so we create their streams ourselves with the
    same configuration they use (`ensure_stream` is idempotent) before subscribing.
    """
    nc = await bus.connect(nats_url, name=NAME)
    js = nc.jetstream()
    replicas = env_int("JETSTREAM_REPLICAS", 1)

    async def run(subscription) -> None:
        attempt = 0
        while True:
            try:
                await bus.ensure_stream(js, subscription.stream, [subscription.subject],
                                        replicas=replicas)
                await EventConsumer(service.database, js, subscription).run()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # stream deleted, NATS restarting: try again shortly
                attempt += 1
                log.warning("consumer stopped, restarting", extra={
                    "consumer": subscription.durable, "error": repr(exc)})
                await asyncio.sleep(backoff_seconds(attempt))

    try:
        await asyncio.gather(*(run(s) for s in subscribers.SUBSCRIPTIONS))
    finally:
        await nc.close()


def build() -> ServiceSpec:
    config = settings()
    configure_logging(NAME, config.log_level)
    service = build_service(config)
    verifier = TokenVerifier.from_file(config.jwt.jwks_file, issuer=config.jwt.issuer,
                                       audience=config.jwt.audience)

    def register(server) -> None:
        evaluation_pb2_grpc.add_EvaluationServiceServicer_to_server(
            grpc_api.EvaluationApi(service), server)
        # ServiceSpec has no hook to run before subscribing; consumers start here (see consume).
        task = asyncio.get_running_loop().create_task(consume(service, config.nats_url))
        _background.add(task)

    return ServiceSpec(settings=config, database=service.database, verifier=verifier,
                       register=register, service_names=[grpc_api.SERVICE_NAME],
                       public_methods=grpc_api.PUBLIC_METHODS, subscriptions=[])
