"""Composition root of the gateway: the Connexion app, its error handlers, ops routes, lifespan."""
from __future__ import annotations

import contextlib
import json

import connexion
from connexion.exceptions import ProblemException
from connexion.jsonifier import Jsonifier
from connexion.options import SwaggerUIOptions
from starlette.exceptions import HTTPException

from gateway import peers, problems, security
from gateway.attachments import max_attachment_bytes
from gateway.console import with_console
from gateway.handlers import ops
from gateway.middleware import BodyTooLarge, EdgeMiddleware
from gateway.ratelimit import RateLimitMiddleware
from gateway.spec import build_mounted_spec, build_public_spec, build_spec
from shared.logs import configure_logging
from shared.settings import env, env_int


@contextlib.asynccontextmanager
async def lifespan(_app):
    """Runs in each worker: a missing key set or bad config stops the worker before it serves."""
    security.load_verifier()
    peers.open_peers()
    yield
    await peers.close_peers()


def create_app():
    configure_logging("gateway", env("LOG_LEVEL", "INFO"))
    # AsyncApp: handlers await gRPC on the worker's event loop (bench/gateway/RESULTS.md measures
    # the bare AsyncApp endpoint at 2.3-2.9x the FlaskApp one). Chinese stays readable in responses.
    app = connexion.AsyncApp(__name__, lifespan=lifespan,
                             jsonifier=Jsonifier(json, ensure_ascii=False, separators=(",", ":")),
                             swagger_ui_options=SwaggerUIOptions(swagger_ui_path="/ui"))
    # Checking every response against the spec costs a fifth of a worker's CPU (py-spy,
    # bench/load/PROFILE.md): on for local runs and tests, off in deployments (VALIDATE_RESPONSES=0),
    # where the contract tests have already checked the responses.
    checked = env("VALIDATE_RESPONSES", "1") != "0"
    app.add_api(build_spec(), base_path="/api/v1", strict_validation=True,
                validate_responses=checked, pythonic_params=False)
    # Login-free reads (三务公开 for residents): a second, small API; same error handlers below.
    app.add_api(build_public_spec(), base_path="/public/v1", name="public",
                strict_validation=True, validate_responses=checked, pythonic_params=False)
    # Partner systems: HMAC-signed, checked by the integration service on the raw body.
    app.add_api(build_mounted_spec("partner", "/partner/v1", "合作系统接口"), base_path="/partner/v1",
                name="partner", strict_validation=True, validate_responses=checked,
                pythonic_params=False)
    # Open311 GeoReport v2: its own error format and XML, so no strict or response validation.
    app.add_api(build_mounted_spec("open311", "/open311/v2", "Open311 GeoReport v2"),
                base_path="/open311/v2", name="open311", strict_validation=False,
                validate_responses=False, pythonic_params=False)
    app.add_error_handler(problems.ApiProblem, problems.handle_problem)
    app.add_error_handler(ProblemException, problems.handle_problem)
    app.add_error_handler(HTTPException, problems.handle_http_error)
    app.add_error_handler(BodyTooLarge, _body_too_large)
    app.add_error_handler(Exception, problems.handle_unexpected)
    for path, view in (("/healthz", ops.healthz), ("/readyz", ops.readyz),
                       ("/metrics", ops.metrics), ("/.well-known/jwks.json", ops.jwks)):
        app.add_url_rule(path, view.__name__, view, methods=["GET"])
    limited = RateLimitMiddleware.from_env(app)  # inside the edge: 429s carry the trace id
    # A photo upload may be larger than other bodies (multipart framing on top of the file).
    uploads = {"/api/v1/attachments": max_attachment_bytes() + 64 * 1024}
    return with_console(EdgeMiddleware(limited, max_body_bytes=env_int("MAX_BODY_BYTES", 1_048_576),
                                       path_limits=uploads))


def _body_too_large(request, _exc):
    return problems.problem_response(request, problems.ApiProblem(
        413, "PAYLOAD_TOO_LARGE", "请求体过大", "The request body is too large"))

