"""`python -m services.<svc> [serve|migrate]`: the same two commands for every service."""
from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable

from shared import migrate
from shared.grpc_server import ServiceSpec, run_service
from shared.settings import ServiceSettings


def service_main(name: str, *, settings: Callable[[], ServiceSettings],
                 build: Callable[[], ServiceSpec],
                 extra_commands: dict[str, Callable[[], Awaitable[None]]] | None = None) -> None:
    extra = extra_commands or {}
    parser = argparse.ArgumentParser(prog=f"python -m services.{name}")
    parser.add_argument("command", nargs="?", default="serve",
                        choices=["serve", "migrate", *extra])
    command = parser.parse_args().command
    if command == "migrate":
        migrate.upgrade(name, settings().database_url)
    elif command == "serve":
        asyncio.run(run_service(build()))
    else:
        asyncio.run(extra[command]())
