"""Prometheus metrics: the shared instruments and the /metrics endpoint of a service process."""
from __future__ import annotations

import time

import grpc
from prometheus_client import Counter, Histogram, start_http_server

GRPC_REQUESTS = Counter("zhili_grpc_requests_total", "gRPC calls handled",
                        ["service", "method", "code"])
GRPC_LATENCY = Histogram("zhili_grpc_request_seconds", "gRPC call latency", ["service", "method"],
                         buckets=(.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5))
EVENTS_PUBLISHED = Counter("zhili_events_published_total", "Outbox events published", ["stream"])
EVENTS_CONSUMED = Counter("zhili_events_consumed_total", "Events handled by consumers",
                          ["consumer", "outcome"])
# Emitted (in the producer's transaction) → applied (the consumer's commit), per consumer: the
# event latency of issue 10, measured where it happens. Across machines it includes clock skew.
EVENT_LAG = Histogram("zhili_event_lag_seconds", "Emit-to-applied delay of consumed events",
                      ["consumer"],
                      buckets=(.0025, .005, .01, .02, .03, .04, .05, .075, .1, .25, .5, 1, 5, 30))
OUTBOX_LAG = Histogram("zhili_outbox_lag_seconds", "Commit-to-publish delay of outbox events",
                       buckets=(.001, .005, .01, .025, .05, .1, .5, 1, 5, 30))


def serve_metrics(port: int) -> None:
    """Expose /metrics on its own port (0 disables it, as tests do)."""
    if port:
        start_http_server(port, addr="0.0.0.0")


class MetricsInterceptor(grpc.aio.ServerInterceptor):
    """Counts and times every gRPC call by method and status code."""

    def __init__(self, service: str) -> None:
        self._service = service

    async def intercept_service(self, continuation, handler_call_details):
        handler = await continuation(handler_call_details)
        if handler is None or handler.unary_unary is None:
            return handler
        method = handler_call_details.method.rsplit("/", 1)[-1]
        inner = handler.unary_unary
        service = self._service

        async def timed(request, context):
            started = time.perf_counter()
            code = "OK"
            try:
                return await inner(request, context)
            except BaseException:
                code = "ERROR"
                raise
            finally:
                status = context.code()
                code = status.name if isinstance(status, grpc.StatusCode) else code
                GRPC_REQUESTS.labels(service, method, code).inc()
                GRPC_LATENCY.labels(service, method).observe(time.perf_counter() - started)

        return grpc.unary_unary_rpc_method_handler(
            timed, request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer)
