"""Calling another zhili service: channel options and the metadata every call carries."""
from __future__ import annotations

import grpc

from shared.logs import TRACE_HEADER, current_trace_id

CHANNEL_OPTIONS = [
    ("grpc.keepalive_time_ms", 30_000),
    ("grpc.keepalive_timeout_ms", 10_000),
    ("grpc.initial_reconnect_backoff_ms", 200),
    ("grpc.max_reconnect_backoff_ms", 2_000),
    ("grpc.enable_retries", 0),
    # Spread calls over every ready pod behind a headless Service (DNS gives all addresses).
    ("grpc.lb_policy_name", "round_robin"),
]


def call_metadata(*, token: str = "", idempotency_key: str = "") -> list[tuple[str, str]]:
    """Caller's token, the trace id of the current request, and an idempotency key if any."""
    metadata = [(TRACE_HEADER, current_trace_id())]
    if token:
        metadata.append(("authorization", f"Bearer {token}"))
    if idempotency_key:
        metadata.append(("idempotency-key", idempotency_key))
    return metadata


def insecure_aio_channel(address: str) -> grpc.aio.Channel:
    return grpc.aio.insecure_channel(address, options=CHANNEL_OPTIONS)


def insecure_channel(address: str) -> grpc.Channel:
    return grpc.insecure_channel(address, options=CHANNEL_OPTIONS)
