"""Every error as RFC 9457 problem+json with a stable `code`, in Chinese or English."""
from __future__ import annotations

import json
import logging
import re

from connexion.exceptions import ProblemException
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from starlette.exceptions import HTTPException

from shared.errors import RemoteError
from shared.logs import current_trace_id

log = logging.getLogger(__name__)

GRPC_TO_HTTP = {
    "INVALID_ARGUMENT": 400, "UNAUTHENTICATED": 401, "PERMISSION_DENIED": 403, "NOT_FOUND": 404,
    "ALREADY_EXISTS": 409, "ABORTED": 409, "FAILED_PRECONDITION": 422, "OUT_OF_RANGE": 400,
    "RESOURCE_EXHAUSTED": 429, "UNAVAILABLE": 503, "DEADLINE_EXCEEDED": 504,
}
# Codes whose HTTP status differs from what their gRPC status suggests.
CODE_STATUS = {"IDEMPOTENCY_KEY_REUSED": 422}
TITLES = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
          405: "Method Not Allowed", 409: "Conflict", 413: "Content Too Large",
          415: "Unsupported Media Type", 422: "Unprocessable Content", 429: "Too Many Requests",
          500: "Internal Server Error", 503: "Service Unavailable", 504: "Gateway Timeout"}


class ApiProblem(ProblemException):
    """A problem we raise ourselves: stable code, both languages, optionally the bad field."""

    def __init__(self, status: int, code: str, detail_zh: str, detail_en: str, *,
                 field: str | None = None, extra: dict | None = None,
                 headers: dict | None = None) -> None:
        super().__init__(status=status, title=TITLES.get(status, "Error"), detail=detail_en,
                         headers=headers)
        self.code, self.detail_zh, self.detail_en = code, detail_zh, detail_en
        self.field, self.extra = field, extra or {}

    @classmethod
    def from_remote(cls, error: RemoteError) -> "ApiProblem":
        status = CODE_STATUS.get(error.code) or GRPC_TO_HTTP.get(error.status.name, 500)
        return cls(status, error.code, error.message_zh, error.message_en, field=error.field)


def wants_english(accept_language: str | None) -> bool:
    """zh-CN unless the caller prefers English."""
    if not accept_language:
        return False
    first = accept_language.split(",")[0].strip().lower()
    return first.startswith("en")


def problem_response(request: ConnexionRequest | None, problem: ApiProblem) -> ConnexionResponse:
    english = wants_english(request.headers.get("accept-language") if request else None)
    body = {"type": f"urn:zhili:problem:{problem.code}", "title": problem.title,
            "status": problem.status, "code": problem.code,
            "detail": problem.detail_en if english else problem.detail_zh,
            "trace_id": current_trace_id() or (request.headers.get("x-trace-id", "") if request else "")}
    if request is not None:
        body["instance"] = request.url.path
    if problem.field:
        body["field"] = problem.field
    body.update(problem.extra)
    return ConnexionResponse(status_code=problem.status, mimetype="application/problem+json",
                             body=json.dumps(body, ensure_ascii=False),
                             headers=dict(problem.headers or {}))


_JSON_SYNTAX = re.compile(r"not valid JSON|line \d+ column \d+ \(char \d+\)")
_FIELD_AT_END = re.compile(r" - '([^']+)'$")
_REQUIRED = re.compile(r"'([^']+)' is a required property")


def _from_connexion(exc: ProblemException) -> ApiProblem:
    """Connexion's own problems (validation, auth, media type) mapped to our codes."""
    detail = str(exc.detail or exc.title or "")
    status = exc.status
    if status == 401:
        if "No authorization token" in detail:
            return ApiProblem(401, "MISSING_TOKEN", "缺少登录凭证", "A bearer token is required",
                              headers={"WWW-Authenticate": "Bearer"})
        return ApiProblem(401, "INVALID_TOKEN", "登录凭证无效或已过期，请重新登录",
                          "The token is invalid or expired; log in again",
                          headers={"WWW-Authenticate": "Bearer"})
    if status == 415:
        return ApiProblem(415, "UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型", detail)
    if status == 400:
        if _JSON_SYNTAX.search(detail):
            return ApiProblem(400, "MALFORMED_JSON", "请求体不是合法的 JSON", "The body is not valid JSON")
        field_match = _FIELD_AT_END.search(detail) or _REQUIRED.search(detail)
        field = field_match.group(1) if field_match else None
        return ApiProblem(400, "VALIDATION_FAILED", f"请求参数校验失败：{detail}", detail,
                          field=field)
    if status >= 500:
        log.error("connexion problem", extra={"status": status, "detail": detail})
        return ApiProblem(500, "INTERNAL", "服务内部错误", "Internal error")
    return ApiProblem(status, "HTTP_" + str(status), detail, detail)


def handle_problem(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    problem = exc if isinstance(exc, ApiProblem) else _from_connexion(exc)
    return problem_response(request, problem)


def handle_http_error(request: ConnexionRequest, exc: HTTPException) -> ConnexionResponse:
    status = exc.status_code
    if status == 404:
        problem = ApiProblem(404, "NOT_FOUND", "请求的路径不存在", "No such path")
    elif status == 405:
        problem = ApiProblem(405, "METHOD_NOT_ALLOWED", "该路径不支持此请求方法",
                             "Method not allowed on this path")
    else:
        problem = ApiProblem(status, f"HTTP_{status}", str(exc.detail), str(exc.detail))
    return problem_response(request, problem)


def handle_unexpected(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    """Never a stack trace or an internal address in the body; the log has the details."""
    log.error("unhandled error", exc_info=exc)
    return problem_response(request, ApiProblem(500, "INTERNAL", "服务内部错误，请稍后重试",
                                                "Internal error; please retry later"))
