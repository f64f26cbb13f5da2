"""Composition root of the tasks service: reads settings, opens connections, wires the service."""
from __future__ import annotations

import datetime as dt

from services.tasks import GRPC_PORT, METRICS_PORT, grpc_api, subscribers
from services.tasks.models import infra
from services.tasks.peers import Catalogue, Directory
from services.tasks.service import TasksService
from shared.auth import TokenVerifier
from shared.grpc_server import ServiceSpec
from shared.logs import configure_logging
from shared.outbox import Database
from shared.services import default_ports, grpc_addr_var
from shared.settings import ServiceSettings, env, env_float
from zhili.tasks.v1 import tasks_pb2_grpc

NAME = "tasks"


def settings() -> ServiceSettings:
    return ServiceSettings.from_env(NAME, grpc_port=GRPC_PORT, metrics_port=METRICS_PORT)


def _peer_addr(name: str) -> str:
    return env(grpc_addr_var(name), f"127.0.0.1:{default_ports(name)[0]}")


def build_service(config: ServiceSettings) -> TasksService:
    timeout = env_float("PEER_TIMEOUT_SECONDS", 3.0)
    return TasksService(
        database=Database(config.database_url, infra),
        catalogue=Catalogue(_peer_addr("catalogue"), timeout),
        directory=Directory(_peer_addr("directory"), timeout),
        remind_before=dt.timedelta(hours=env_float("TASKS_REMIND_BEFORE_HOURS", 24.0)))


def build() -> ServiceSpec:
    config = settings()
    configure_logging(NAME, config.log_level)
    service = build_service(config)
    verifier = TokenVerifier.from_file(config.jwt.jwks_file, issuer=config.jwt.issuer,
                                       audience=config.jwt.audience)
    interval = env_float("TASKS_SWEEP_SECONDS", 30.0)

    def register(server) -> None:
        tasks_pb2_grpc.add_TasksServiceServicer_to_server(grpc_api.TasksApi(service), server)

    async def deadline_sweeps() -> None:
        await service.run_sweeper(interval)

    return ServiceSpec(settings=config, database=service.database, verifier=verifier,
                       register=register, service_names=[grpc_api.SERVICE_NAME],
                       subscriptions=subscribers.SUBSCRIPTIONS, background=[deadline_sweeps])
