"""Operations routes: liveness, readiness (peers' gRPC health), Prometheus metrics, JWKS."""
from __future__ import annotations

import json
import os

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from starlette.responses import JSONResponse, Response

from gateway.peers import peers
from shared.settings import JwtSettings


async def healthz(_request):
    return JSONResponse({"status": "ok"})


async def readyz(_request):
    status = await peers().health()
    if all(value == "SERVING" for value in status.values()):
        return JSONResponse({"status": "ready", "peers": status})
    body = {"type": "urn:zhili:problem:NOT_READY", "title": "Service Unavailable", "status": 503,
            "code": "NOT_READY", "detail": "部分后端服务不可用", "peers": status}
    return Response(json.dumps(body, ensure_ascii=False), status_code=503,
                    media_type="application/problem+json")


async def metrics(_request):
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        from prometheus_client import multiprocess
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


async def jwks(_request):
    """The public keys that verify zhili tokens (for partners and other verifiers)."""
    keys = json.loads(JwtSettings.from_env().jwks_file.read_text())
    return Response(json.dumps(keys), media_type="application/jwk-set+json",
                    headers={"Cache-Control": "public, max-age=300"})
