"""Composition root of procedures: reads settings, opens connections, wires the service and sweep."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from services.procedures import GRPC_PORT, METRICS_PORT, grpc_api, subscribers
from services.procedures.models import infra
from services.procedures.service import ProceduresService
from services.procedures.service import provinces
from services.procedures.service import sweep as sweeping
from shared.auth import TokenVerifier
from shared.grpc_server import ServiceSpec
from shared.logs import configure_logging
from shared.outbox import Database
from shared.settings import ServiceSettings, env, env_float

NAME = "procedures"


def settings() -> ServiceSettings:
    return ServiceSettings.from_env(NAME, grpc_port=GRPC_PORT, metrics_port=METRICS_PORT)


def build_service(config: ServiceSettings) -> ProceduresService:
    """PROCEDURES_PROVINCE picks the province rule file; a bad file stops the start, loudly."""
    province = env("PROCEDURES_PROVINCE", "")
    directory = Path(env("PROCEDURES_RULES_DIR", str(provinces.RULES_DIR)))
    rows = provinces.read_province_file(province, directory) if province else []
    return ProceduresService(database=Database(config.database_url, infra), province_rules=rows)


def build() -> ServiceSpec:
    config = settings()
    configure_logging(NAME, config.log_level)
    service = build_service(config)
    verifier = TokenVerifier.from_file(config.jwt.jwks_file, issuer=config.jwt.issuer,
                                       audience=config.jwt.audience)
    interval = env_float("SWEEP_INTERVAL_SECONDS", 600.0)

    def register(server) -> None:
        from zhili.procedures.v1 import procedures_pb2_grpc
        procedures_pb2_grpc.add_ProceduresServiceServicer_to_server(
            grpc_api.ProceduresApi(service), server)

    async def reference_data_then_sweeps() -> None:
        await _background_work(service, interval)

    return ServiceSpec(settings=config, database=service.database, verifier=verifier,
                       register=register, service_names=[grpc_api.SERVICE_NAME],
                       public_methods=grpc_api.PUBLIC_METHODS,
                       subscriptions=subscribers.SUBSCRIPTIONS,
                       background=[reference_data_then_sweeps])


async def _background_work(service: ProceduresService, interval: float) -> None:
    """Built-in templates present (idempotent, a racing replica loses harmlessly), then sweeps."""
    try:
        await service.load_reference_data()
    except IntegrityError:
        pass
    if interval > 0:
        await sweeping.run_forever(service.database, interval)


async def sweep_once() -> None:
    """`python -m services.procedures sweep`: one sweep now (e.g. from a CronJob)."""
    service = build_service(settings())
    try:
        stalled, overdue = await sweeping.sweep(service.database, dt.datetime.now(dt.UTC))
        print(f"stalled={stalled} overdue={overdue}")
    finally:
        await service.database.dispose()
