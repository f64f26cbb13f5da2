"""The services of this repository, found by layout: a folder in services/ with a __main__.py.

Each service's package (`services/<svc>/__init__.py`) declares its default `GRPC_PORT` and
`METRICS_PORT`, so adding a service means adding its folder, not editing lists elsewhere.
"""
from __future__ import annotations

import importlib

from shared.settings import ROOT


def service_names() -> list[str]:
    return sorted(path.parent.name for path in (ROOT / "services").glob("*/__main__.py"))


def default_ports(name: str) -> tuple[int, int]:
    package = importlib.import_module(f"services.{name}")
    return package.GRPC_PORT, package.METRICS_PORT


def grpc_addr_var(name: str) -> str:
    return f"{name.upper()}_GRPC_ADDR"
