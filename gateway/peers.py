"""gRPC peers of the gateway: one channel per peer per worker process, calls with deadlines."""
from __future__ import annotations

import asyncio
import importlib
import re

import grpc
from connexion import request as current_request
from google.protobuf import json_format
from grpc_health.v1 import health_pb2, health_pb2_grpc

from gateway.problems import ApiProblem
from zhili.common.v1 import common_pb2
from shared.errors import from_rpc_error
from shared.grpc_client import call_metadata, insecure_aio_channel
from shared.logs import TRACE_HEADER, trace_id_var
from shared.services import default_ports, grpc_addr_var, service_names
from shared.settings import env, env_float


def stub_class(service: str):
    """By convention zhili/<svc>/v1/<svc>.proto defines `<Svc>Service`."""
    module = importlib.import_module(f"zhili.{service}.v1.{service}_pb2_grpc")
    return getattr(module, f"{service.title()}ServiceStub")


class Peers:
    """Opened in each worker's event loop, after the fork (gRPC channels do not survive fork)."""

    def __init__(self) -> None:
        self.timeout = env_float("GRPC_TIMEOUT_SECONDS", 5.0)
        self.addresses = {name: env(grpc_addr_var(name), f"127.0.0.1:{default_ports(name)[0]}")
                          for name in service_names()}
        self.channels = {name: insecure_aio_channel(address)
                         for name, address in self.addresses.items()}
        self.stubs = {name: stub_class(name)(channel) for name, channel in self.channels.items()}

    async def close(self) -> None:
        await asyncio.gather(*(channel.close() for channel in self.channels.values()))

    async def health(self, timeout: float = 0.5) -> dict[str, str]:
        async def check(name: str, channel) -> tuple[str, str]:
            try:
                reply = await health_pb2_grpc.HealthStub(channel).Check(
                    health_pb2.HealthCheckRequest(), timeout=timeout)
                return name, health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
            except grpc.RpcError as error:
                return name, error.code().name
        return dict(await asyncio.gather(*(check(n, c) for n, c in self.channels.items())))


_peers: Peers | None = None


def open_peers() -> Peers:
    global _peers
    _peers = Peers()
    return _peers


async def close_peers() -> None:
    global _peers
    if _peers is not None:
        await _peers.close()
        _peers = None


def peers() -> Peers:
    if _peers is None:
        raise RuntimeError("gateway peers are opened by the app's lifespan")
    return _peers


_METADATA_VALUE = re.compile(r"[!-~]{1,200}")


async def call(peer: str, method: str, request, *, authenticated: bool = True):
    """Call `peer.method` with the caller's token, trace id and Idempotency-Key; errors → problems."""
    headers = current_request.headers
    trace_id_var.set(headers.get(TRACE_HEADER, ""))
    token = headers.get("authorization", "")[7:].strip() if authenticated else ""
    key = headers.get("idempotency-key", "")
    if key and not _METADATA_VALUE.fullmatch(key):  # gRPC refuses other bytes: a 400, not a 500
        raise ApiProblem(400, "VALIDATION_FAILED", "Idempotency-Key 只能包含可见 ASCII 字符",
                         "Idempotency-Key may hold visible ASCII characters only",
                         field="Idempotency-Key")
    metadata = call_metadata(token=token, idempotency_key=key)
    connection = peers()
    try:
        return await getattr(connection.stubs[peer], method)(request, timeout=connection.timeout,
                                                             metadata=metadata)
    except grpc.RpcError as error:
        raise ApiProblem.from_remote(from_rpc_error(error)) from None


def page_request(page_size: int | None, page_token: str | None) -> common_pb2.PageRequest:
    return common_pb2.PageRequest(page_size=page_size or 0, page_token=page_token or "")


def from_json(body: dict, message):
    """JSON body → proto. The OpenAPI schema has checked shapes; what only protobuf checks (a
    timestamp's format, say) is the caller's 400 naming the field, never a 500."""
    try:
        return json_format.ParseDict(body, message)
    except json_format.ParseError as error:
        field = next((name for name in body if f'"{name}"' in str(error) or name in str(error)), None)
        raise ApiProblem(400, "VALIDATION_FAILED", "请求字段格式不正确", f"Invalid field: {error}",
                         field=field) from None


def to_json(message) -> dict:
    return json_format.MessageToDict(message, preserving_proto_field_name=True,
                                     always_print_fields_with_no_presence=True)


def reply(message_or_dict, status: int = 200, headers: dict | None = None):
    """A JSON response; the content type is explicit because operations also declare problems."""
    body = message_or_dict if isinstance(message_or_dict, dict) else to_json(message_or_dict)
    return body, status, {"Content-Type": "application/json", **(headers or {})}
