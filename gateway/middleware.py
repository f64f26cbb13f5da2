"""ASGI middleware at the edge: trace id, body size limit, request metrics."""
from __future__ import annotations

import json
import re
import time

from prometheus_client import Counter, Histogram

from shared.logs import TRACE_HEADER, new_trace_id, trace_id_var

HTTP_REQUESTS = Counter("zhili_http_requests_total", "HTTP requests", ["method", "route", "status"])
HTTP_LATENCY = Histogram("zhili_http_request_seconds", "HTTP latency", ["method", "route"],
                         buckets=(.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5))


class BodyTooLarge(Exception):
    pass


class EdgeMiddleware:
    """Outermost layer: gives every request a trace id, refuses bodies over the limit, times it.

    `path_limits` raises the limit for exact paths (photo uploads) above `max_body_bytes`."""

    def __init__(self, app, *, max_body_bytes: int, path_limits: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_body = max_body_bytes
        self.path_limits = path_limits or {}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        trace_id = (headers.get(b"x-trace-id") or b"").decode("latin-1")
        if not _TRACE_ID.fullmatch(trace_id):  # it goes on into gRPC metadata, which refuses others
            trace_id = new_trace_id()
        trace_id_var.set(trace_id)
        scope["headers"] = [h for h in scope.get("headers", []) if h[0] != b"x-trace-id"] + [
            (b"x-trace-id", trace_id.encode())]
        limit = self.path_limits.get(scope.get("path", ""), self.max_body)
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            return await self._too_large(send, trace_id, limit)
        started, status = time.perf_counter(), {"code": 500}
        received = {"bytes": 0}

        async def limited_receive():
            message = await receive()
            received["bytes"] += len(message.get("body", b""))
            if received["bytes"] > limit:
                raise BodyTooLarge()
            return message

        async def traced_send(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message["headers"] = list(message.get("headers", [])) + [
                    (TRACE_HEADER.encode(), trace_id.encode())]
            await send(message)

        try:
            await self.app(scope, limited_receive, traced_send)
        finally:
            route = _route(scope)
            HTTP_REQUESTS.labels(scope["method"], route, str(status["code"])).inc()
            HTTP_LATENCY.labels(scope["method"], route).observe(time.perf_counter() - started)

    async def _too_large(self, send, trace_id: str, limit: int) -> None:
        body = json.dumps({"type": "urn:zhili:problem:PAYLOAD_TOO_LARGE", "title": "Content Too Large",
                           "status": 413, "code": "PAYLOAD_TOO_LARGE", "trace_id": trace_id,
                           "detail": f"请求体超过上限 {limit} 字节"},
                          ensure_ascii=False).encode()
        await send({"type": "http.response.start", "status": 413, "headers": [
            (b"content-type", b"application/problem+json"),
            (b"content-length", str(len(body)).encode()), (TRACE_HEADER.encode(), trace_id.encode())]})
        await send({"type": "http.response.body", "body": body})


_TRACE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_ID_SEGMENT = re.compile(r"/(?=[^/]*\d)[^/]{6,}")


def _route(scope) -> str:
    """The path with id-like segments folded, so metrics are per endpoint, not per record."""
    return _ID_SEGMENT.sub("/{id}", scope.get("path", ""))[:100]
