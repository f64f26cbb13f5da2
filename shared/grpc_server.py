"""gRPC server bootstrap: auth and error interceptor, health, reflection, events, graceful stop."""
from __future__ import annotations

import asyncio
import contextvars
import logging
import signal
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from grpc_status import rpc_status
from sqlalchemy import exc as sa_exc

from shared import bus
from shared.auth import Principal, TokenVerifier, bearer_token
from shared.consumer import EventConsumer, Subscription, backoff_seconds
from shared.errors import DomainError, Unavailable, to_rpc_status
from shared.logs import TRACE_HEADER, new_trace_id, trace_id_var
from shared.metrics import MetricsInterceptor, serve_metrics
from shared.outbox import Database, OutboxRelay
from shared.settings import ServiceSettings, env

log = logging.getLogger(__name__)

principal_var: contextvars.ContextVar[Principal | None] = contextvars.ContextVar(
    "principal", default=None)
idempotency_key_var: contextvars.ContextVar[str] = contextvars.ContextVar(
    "idempotency_key", default="")

IDEMPOTENCY_HEADER = "idempotency-key"
ALWAYS_PUBLIC = ("/grpc.health.v1.Health/", "/grpc.reflection.")


def current_principal() -> Principal:
    principal = principal_var.get()
    if principal is None:  # only reachable from a public method that forgot it is public
        raise RuntimeError("no authenticated caller in this context")
    return principal


# The database refused or dropped the connection, or the pool had none to give within its timeout.
_DATABASE_DOWN = (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError)


class CallContextInterceptor(grpc.aio.ServerInterceptor):
    """Sets trace id, caller and idempotency key for the call; turns errors into statuses."""

    def __init__(self, verifier: TokenVerifier, public_methods: Iterable[str]) -> None:
        self._verifier = verifier
        self._public = set(public_methods)

    async def intercept_service(self, continuation, details):
        handler = await continuation(details)
        if handler is None or handler.unary_unary is None:
            return handler
        public = details.method in self._public or details.method.startswith(ALWAYS_PUBLIC)
        metadata = dict(details.invocation_metadata or ())
        inner, verifier = handler.unary_unary, self._verifier

        async def call(request, context):
            trace_id_var.set(metadata.get(TRACE_HEADER) or new_trace_id())
            idempotency_key_var.set(metadata.get(IDEMPOTENCY_HEADER, ""))
            try:
                if not public:
                    principal_var.set(verifier.verify(bearer_token(metadata.get("authorization"))))
                return await inner(request, context)
            except DomainError as error:
                await context.abort_with_status(rpc_status.to_status(to_rpc_status(error)))
            except (asyncio.CancelledError, grpc.aio.AbortError):
                raise
            except _DATABASE_DOWN as error:  # transient: the caller may retry (503), not a bug (500)
                log.warning("database unavailable in %s", details.method,
                            extra={"error": repr(error)[:500]})
                await context.abort_with_status(rpc_status.to_status(to_rpc_status(Unavailable(
                    "数据库暂不可用，请稍后重试", "The database is unavailable; retry later",
                    code="DATABASE_UNAVAILABLE"))))
            except Exception:
                log.exception("unhandled error in %s", details.method)
                await context.abort(grpc.StatusCode.INTERNAL, "internal error")

        return grpc.unary_unary_rpc_method_handler(
            call, request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer)


@dataclass
class ServiceSpec:
    """What a service hands to the runner: its servicers, its streams and its subscriptions."""

    settings: ServiceSettings
    database: Database
    verifier: TokenVerifier
    register: Callable[[grpc.aio.Server], None]
    service_names: list[str]
    public_methods: list[str] = field(default_factory=list)
    publishes: bool = True
    subscriptions: list[Subscription] = field(default_factory=list)
    # Long-running jobs of the service (sweeps, warm-ups): started after the server, restarted
    # after a failure, cancelled on stop. Each must be safe to run in every replica (idempotent
    # effects) and to start again after failing halfway.
    background: list[Callable[[], Awaitable[None]]] = field(default_factory=list)


async def run_service(spec: ServiceSpec) -> None:
    """Serve until SIGTERM/SIGINT; events flow as soon as NATS is reachable, not before."""
    settings = spec.settings
    serve_metrics(settings.metrics_port)
    server = grpc.aio.server(interceptors=[MetricsInterceptor(settings.name),
                                           CallContextInterceptor(spec.verifier,
                                                                  spec.public_methods)],
                             options=[("grpc.so_reuseport", 0),
                                      # clients reconnect now and then, finding new replicas
                                      ("grpc.max_connection_age_ms", 5 * 60 * 1000),
                                      ("grpc.max_connection_age_grace_ms", 30 * 1000)])
    spec.register(server)
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    names = [*spec.service_names, health.SERVICE_NAME, reflection.SERVICE_NAME]
    reflection.enable_server_reflection(names, server)
    address = f"{env('GRPC_HOST', '127.0.0.1')}:{settings.grpc_port}"
    server.add_insecure_port(address)
    await server.start()
    for name in ["", *spec.service_names]:
        await health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    log.info("serving gRPC", extra={"address": address})
    tasks = [asyncio.create_task(_supervised(_named("events", lambda: _run_events(spec)))),
             *(asyncio.create_task(_supervised(job)) for job in spec.background)]
    await _wait_for_stop_signal()
    log.info("stopping")
    for name in ["", *spec.service_names]:
        await health_servicer.set(name, health_pb2.HealthCheckResponse.NOT_SERVING)
    await server.stop(grace=5)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await spec.database.dispose()


async def _run_events(spec: ServiceSpec) -> None:
    nc = await bus.connect(spec.settings.nats_url, name=spec.settings.name)
    try:
        js = nc.jetstream()
        replicas = int(env("JETSTREAM_REPLICAS", "1"))
        await bus.ensure_dead_letter_stream(js, replicas=replicas)
        jobs = []
        if spec.publishes:
            await bus.ensure_service_stream(js, spec.settings.name, replicas=replicas)
            jobs.append(_named("outbox relay", OutboxRelay(spec.database, js).run))
        jobs += [_named(f"consumer {sub.durable}", EventConsumer(spec.database, js, sub).run)
                 for sub in spec.subscriptions]
        await asyncio.gather(*(_supervised(job) for job in jobs))
    finally:
        await nc.close()


def _named(name: str, job: Callable[[], Awaitable[None]]) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await job()
    run.__name__ = name
    return run


async def _supervised(job: Callable[[], Awaitable[None]]) -> None:
    """Run a long-lived job; one that fails (database or NATS gone for a while) is logged and
    started again after a growing pause, so a passing outage never ends a sweep or a consumer.
    A job that returns (a warm-up) is done."""
    attempt = 0
    while True:
        try:
            await job()
            return
        except asyncio.CancelledError:
            raise
        except Exception:
            attempt += 1
            log.exception("background job %s failed, restarting", getattr(job, "__name__", job),
                          extra={"attempt": attempt})
            await asyncio.sleep(backoff_seconds(attempt))


async def _wait_for_stop_signal() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
