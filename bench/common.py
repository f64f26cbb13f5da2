"""What every whole-stack benchmark shares: the machine line, load averages, the bare ceiling app."""
from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [p for p in (str(ROOT), str(ROOT / "protos")) if p not in sys.path]

from stack.processes import HOST, Stack, free_port, wait_http  # noqa: E402


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text()
                .splitlines() if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()}"


def load_average() -> str:
    """`uptime`'s 1/5/15-minute load averages: other work on the machine during the run."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


def start_bare(stack: Stack, kind: str) -> str:
    """A bare Connexion app (`flask` or `async`) under the gateway's gunicorn config → /ping URL.

    Stop it with `stack.stop(f"bare-{kind}")`.
    """
    port = free_port()
    env = {**stack.common_env(), "BARE_APP_KIND": kind, "GATEWAY_BIND": f"{HOST}:{port}",
           "GATEWAY_WORKERS": str(stack.config.gateway_workers)}
    stack._spawn(f"bare-{kind}", [sys.executable, "-m", "gunicorn", "--config",
                                  "python:gateway.gunicorn_conf", "bench.gateway.bare_app:app"], env)
    wait_http(f"http://{HOST}:{port}/ping")
    return f"http://{HOST}:{port}/ping"
