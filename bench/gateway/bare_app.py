"""Bare Connexion apps (FlaskApp and AsyncApp) with one endpoint, served like the gateway."""
from __future__ import annotations

import os
from pathlib import Path

import connexion

SPEC = Path(__file__).with_name("bare.yaml")


def ping():
    return {"status": "ok"}, 200, {"Content-Type": "application/json"}


async def async_ping():
    return {"status": "ok"}, 200, {"Content-Type": "application/json"}


def create(kind: str):
    if kind == "async":
        app = connexion.AsyncApp(__name__)
        app.add_api(SPEC, validate_responses=True, strict_validation=True,
                    resolver=lambda _op: async_ping)
    else:
        app = connexion.FlaskApp(__name__)
        app.add_api(SPEC, validate_responses=True, strict_validation=True)
    return app


app = create(os.environ.get("BARE_APP_KIND", "flask"))
