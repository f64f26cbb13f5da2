"""Composition root of the gateway: the Connexion app, its error handlers, ops routes, lifespan."""
from __future__ import annotations

import contextlib

import connexion
from connexion.exceptions import ProblemException
from connexion.options import SwaggerUIOptions
from starlette.exceptions import HTTPException

from gateway import peers, problems, security
from gateway.middleware import BodyTooLarge, EdgeMiddleware
from gateway.spec import build_mounted_spec, build_public_spec, build_spec
from shared.logs import configure_logging
from shared.settings import env, env_int


@contextlib.asynccontextmanager
async def lifespan(_app):
    """Runs in each worker: a missing key set or bad config stops the worker before it serves."""
    security.load_verifier()
    peers.open_peers()
    yield
    peers.close_peers()


def create_app():
    configure_logging("gateway", env("LOG_LEVEL", "INFO"))
    app = connexion.FlaskApp(__name__, lifespan=lifespan,
                             swagger_ui_options=SwaggerUIOptions(swagger_ui_path="/ui"))
    app.app.json.ensure_ascii = False  # Chinese stays readable in responses
    app.app.json.compact = True
    app.add_api(build_spec(), base_path="/api/v1", strict_validation=True,
                validate_responses=True, pythonic_params=False)
    # Login-free reads (三务公开 for residents): a second, small API; same error handlers below.
    app.add_api(build_public_spec(), base_path="/public/v1", name="public",
                strict_validation=True, validate_responses=True, pythonic_params=False)
    # Partner systems: HMAC-signed, checked by the integration service on the raw body.
    app.add_api(build_mounted_spec("partner", "/partner/v1", "合作系统接口"), base_path="/partner/v1",
                name="partner", strict_validation=True, validate_responses=True,
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
    _add_ops_routes(app)
    from gateway.console import with_console; return with_console(EdgeMiddleware(app, max_body_bytes=env_int("MAX_BODY_BYTES", 1_048_576)))


def _body_too_large(request, _exc):
    return problems.problem_response(request, problems.ApiProblem(
        413, "PAYLOAD_TOO_LARGE", "请求体过大", "The request body is too large"))


def _add_ops_routes(app) -> None:
    from gateway.handlers import ops
    flask_app = app.app
    flask_app.add_url_rule("/healthz", "healthz", ops.healthz)
    flask_app.add_url_rule("/readyz", "readyz", ops.readyz)
    flask_app.add_url_rule("/metrics", "metrics", ops.metrics)
    flask_app.add_url_rule("/.well-known/jwks.json", "jwks", ops.jwks)
