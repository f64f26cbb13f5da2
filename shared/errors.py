"""Domain errors with stable codes, and their mapping to and from gRPC status details."""
from __future__ import annotations

from dataclasses import dataclass

import grpc
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status

ERROR_DOMAIN = "zhili"


class DomainError(Exception):
    """A rule was broken. `code` is stable and machine-readable; messages are for people."""

    grpc_code = grpc.StatusCode.FAILED_PRECONDITION
    default_code = "RULE_VIOLATION"

    def __init__(self, message_zh: str, message_en: str, *, code: str | None = None,
                 field: str | None = None) -> None:
        super().__init__(message_en)
        self.code = code or self.default_code
        self.message_zh = message_zh
        self.message_en = message_en
        self.field = field


class InvalidArgument(DomainError):
    grpc_code = grpc.StatusCode.INVALID_ARGUMENT
    default_code = "VALIDATION_FAILED"


class NotFound(DomainError):
    grpc_code = grpc.StatusCode.NOT_FOUND
    default_code = "NOT_FOUND"


class PermissionDenied(DomainError):
    grpc_code = grpc.StatusCode.PERMISSION_DENIED
    default_code = "FORBIDDEN"


class Unauthenticated(DomainError):
    grpc_code = grpc.StatusCode.UNAUTHENTICATED
    default_code = "UNAUTHENTICATED"


class Conflict(DomainError):
    grpc_code = grpc.StatusCode.ALREADY_EXISTS
    default_code = "CONFLICT"


class InvalidTransition(DomainError):
    grpc_code = grpc.StatusCode.FAILED_PRECONDITION
    default_code = "INVALID_TRANSITION"


class Unavailable(DomainError):
    grpc_code = grpc.StatusCode.UNAVAILABLE
    default_code = "UNAVAILABLE"


def forbidden(what_zh: str, what_en: str) -> PermissionDenied:
    return PermissionDenied(f"无权{what_zh}", f"Not allowed to {what_en}")


def to_rpc_status(error: DomainError) -> status_pb2.Status:
    """Pack a domain error into google.rpc.Status with ErrorInfo (code, field) and both languages."""
    info = error_details_pb2.ErrorInfo(reason=error.code, domain=ERROR_DOMAIN)
    if error.field:
        info.metadata["field"] = error.field
    details = [info,
               error_details_pb2.LocalizedMessage(locale="zh-CN", message=error.message_zh),
               error_details_pb2.LocalizedMessage(locale="en", message=error.message_en)]
    packed = []
    for detail in details:
        holder = any_pb2.Any()
        holder.Pack(detail)
        packed.append(holder)
    return status_pb2.Status(code=error.grpc_code.value[0], message=error.message_en, details=packed)


@dataclass(frozen=True)
class RemoteError:
    """What a caller learns from a failed gRPC call."""

    status: grpc.StatusCode
    code: str
    message_zh: str
    message_en: str
    field: str | None = None


_DEFAULT_CODES = {
    grpc.StatusCode.UNAVAILABLE: ("UNAVAILABLE", "服务暂不可用，请稍后重试", "Service unavailable, retry later"),
    grpc.StatusCode.DEADLINE_EXCEEDED: ("TIMEOUT", "服务响应超时", "The service did not answer in time"),
    grpc.StatusCode.UNAUTHENTICATED: ("UNAUTHENTICATED", "身份认证失败", "Authentication failed"),
    grpc.StatusCode.PERMISSION_DENIED: ("FORBIDDEN", "无权执行该操作", "Not allowed"),
    grpc.StatusCode.NOT_FOUND: ("NOT_FOUND", "资源不存在", "Not found"),
    grpc.StatusCode.RESOURCE_EXHAUSTED: ("RESOURCE_EXHAUSTED", "请求过多或过大", "Too many or too large requests"),
}


def from_rpc_error(error: grpc.RpcError) -> RemoteError:
    """Read the ErrorInfo and localized messages a zhili service attached to a failed call."""
    code = error.code()
    status = None
    try:
        status = rpc_status.from_call(error)
    except ValueError:
        status = None
    reason, field, zh, en = None, None, None, None
    for detail in status.details if status else []:
        info = error_details_pb2.ErrorInfo()
        message = error_details_pb2.LocalizedMessage()
        if detail.Is(info.DESCRIPTOR):
            detail.Unpack(info)
            reason, field = info.reason, info.metadata.get("field")
        elif detail.Is(message.DESCRIPTOR):
            detail.Unpack(message)
            if message.locale.startswith("zh"):
                zh = message.message
            else:
                en = message.message
    fallback = _DEFAULT_CODES.get(code, ("INTERNAL", "服务内部错误", "Internal error"))
    return RemoteError(status=code, code=reason or fallback[0], message_zh=zh or fallback[1],
                       message_en=en or fallback[2], field=field)


