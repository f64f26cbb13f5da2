"""Operations routes: liveness, readiness (peers' gRPC health), Prometheus metrics, JWKS."""
from __future__ import annotations

import json
import os

from flask import Response
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest

from gateway.peers import peers
from shared.settings import JwtSettings


def healthz():
    return {"status": "ok"}


def readyz():
    status = peers().health()
    ready = all(value == "SERVING" for value in status.values())
    if ready:
        return {"status": "ready", "peers": status}
    body = {"type": "urn:zhili:problem:NOT_READY", "title": "Service Unavailable", "status": 503,
            "code": "NOT_READY", "detail": "部分后端服务不可用", "peers": status}
    return Response(json.dumps(body, ensure_ascii=False), status=503,
                    mimetype="application/problem+json")


def metrics():
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        from prometheus_client import multiprocess
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)


def jwks():
    """The public keys that verify zhili tokens (for partners and other verifiers)."""
    keys = json.loads(JwtSettings.from_env().jwks_file.read_text())
    return Response(json.dumps(keys), mimetype="application/jwk-set+json",
                    headers={"Cache-Control": "public, max-age=300"})
