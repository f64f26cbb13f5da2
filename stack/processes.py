"""Start, watch and stop the processes of the local stack (used by `make up` and by the tests)."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from shared import migrate
from shared.auth import generate_keys
from shared.services import default_ports, grpc_addr_var, service_names
from shared.settings import ROOT

SERVICES = service_names()
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass
class StackConfig:
    data_dir: Path
    http_port: int = 8080
    nats_port: int = 4222
    nats_monitor_port: int = 8222
    grpc_ports: dict[str, int] = field(default_factory=dict)
    metrics_ports: dict[str, int] = field(default_factory=dict)
    database_urls: dict[str, str] = field(default_factory=dict)
    gateway_workers: int = 2
    extra_env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def local(cls, data_dir: Path, *, http_port: int, nats_port: int, grpc_base_port: int) -> "StackConfig":
        """Each service on its declared ports, shifted together when the base port moves."""
        shift = grpc_base_port - default_ports("directory")[0]
        ports = {s: default_ports(s) for s in SERVICES}
        return cls(data_dir=data_dir, http_port=http_port, nats_port=nats_port,
                   nats_monitor_port=nats_port + 4000,
                   grpc_ports={s: grpc + shift for s, (grpc, _) in ports.items()},
                   metrics_ports={s: metrics + shift for s, (_, metrics) in ports.items()})

    @classmethod
    def ephemeral(cls, data_dir: Path, database_urls: dict[str, str] | None = None) -> "StackConfig":
        """Every port free and random: for tests, which may run beside a `make up`."""
        return cls(data_dir=data_dir, http_port=free_port(), nats_port=free_port(),
                   nats_monitor_port=free_port(),
                   grpc_ports={s: free_port() for s in SERVICES},
                   metrics_ports={s: 0 for s in SERVICES}, database_urls=database_urls or {})

    def database_url(self, service: str) -> str:
        return self.database_urls.get(service) or f"sqlite:///{self.data_dir / f'{service}.db'}"

    def grpc_addr(self, service: str) -> str:
        return f"{HOST}:{self.grpc_ports[service]}"

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.http_port}"


class Stack:
    """The processes of one stack; each writes its log to <data>/log/<name>.log."""

    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self.processes: dict[str, subprocess.Popen] = {}
        (config.data_dir / "log").mkdir(parents=True, exist_ok=True)

    def common_env(self) -> dict[str, str]:
        cfg = self.config
        env = {**os.environ, "ZHILI_DATA_DIR": str(cfg.data_dir), "PYTHONUNBUFFERED": "1",
               "NATS_URL": f"nats://{HOST}:{cfg.nats_port}", "GRPC_HOST": HOST,
               **{grpc_addr_var(s): cfg.grpc_addr(s) for s in SERVICES},
               # Local webhook receivers listen on loopback; production refuses such callbacks.
               "INTEGRATION_ALLOW_PRIVATE_CALLBACKS": "1",
               **cfg.extra_env}
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "protos")])
        return env

    def service_env(self, service: str) -> dict[str, str]:
        return {**self.common_env(), "DATABASE_URL": self.config.database_url(service),
                "GRPC_PORT": str(self.config.grpc_ports[service]),
                "METRICS_PORT": str(self.config.metrics_ports.get(service, 0))}

    # --- preparation -------------------------------------------------------------------------
    def prepare(self, *, demo: bool = True) -> None:
        keys = self.config.data_dir / "keys"
        if not (keys / "jwt_private.pem").exists():
            generate_keys(keys)
        for service in SERVICES:
            migrate.upgrade(service, self.config.database_url(service))
        if demo:  # every service with a demo.py loads its part of the demo county
            for service in SERVICES:
                if (ROOT / "services" / service / "demo.py").exists():
                    self.run_command(f"{service}-demo", [sys.executable, "-m",
                                                         f"services.{service}", "load-demo"],
                                     self.service_env(service))

    def run_command(self, name: str, argv: list[str], env: dict[str, str]) -> None:
        with self._log(name) as log:
            subprocess.run(argv, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                           check=True, timeout=300)

    # --- processes ---------------------------------------------------------------------------
    def start_all(self) -> None:
        self.start_nats()
        for service in SERVICES:
            self.start_service(service)
        self.start_gateway()

    def start_nats(self) -> None:
        cfg = self.config
        binary = shutil.which("nats-server", path=str(Path(sys.executable).parent)) or "nats-server"
        self._spawn("nats", [binary, "-js", "-sd", str(cfg.data_dir / "nats"), "-a", HOST,
                             "-p", str(cfg.nats_port), "-m", str(cfg.nats_monitor_port),
                             "-n", "zhili-local"], os.environ.copy())
        wait_http(f"http://{HOST}:{cfg.nats_monitor_port}/healthz?js-enabled-only=true")

    def start_service(self, service: str) -> None:
        self._spawn(service, [sys.executable, "-m", f"services.{service}"],
                    self.service_env(service))
        wait_grpc(self.config.grpc_addr(service))

    def start_gateway(self) -> None:
        cfg = self.config
        prom = cfg.data_dir / "run" / "prometheus"
        shutil.rmtree(prom, ignore_errors=True)
        prom.mkdir(parents=True)
        env = {**self.common_env(), "GATEWAY_BIND": f"{HOST}:{cfg.http_port}",
               "GATEWAY_WORKERS": str(cfg.gateway_workers), "PROMETHEUS_MULTIPROC_DIR": str(prom)}
        self._spawn("gateway", [sys.executable, "-m", "gunicorn", "--config",
                                "python:gateway.gunicorn_conf", "gateway.asgi:app"], env)
        wait_http(f"{cfg.base_url}/healthz")

    def stop(self, name: str, sig: int = signal.SIGTERM) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        process.send_signal(sig)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def kill(self, name: str, *, group: bool = False) -> None:
        """SIGKILL `name`; with `group`, every process of its session too (gunicorn's workers)."""
        process = self.processes.get(name)
        if group and process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # its own session: start_new_session=True
        self.stop(name, signal.SIGKILL)

    def pause(self, name: str) -> None:
        """SIGSTOP: the process keeps its sockets open but answers nothing (a hung peer)."""
        os.killpg(self.processes[name].pid, signal.SIGSTOP)

    def resume(self, name: str) -> None:
        os.killpg(self.processes[name].pid, signal.SIGCONT)

    def stop_all(self) -> None:
        for name in reversed(list(self.processes)):
            self.stop(name)

    def exited(self) -> list[str]:
        return [name for name, p in self.processes.items() if p.poll() is not None]

    def _spawn(self, name: str, argv: list[str], env: dict[str, str]) -> None:
        with self._log(name) as log:
            self.processes[name] = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=log,
                                                    stderr=subprocess.STDOUT,
                                                    start_new_session=True)

    def _log(self, name: str):
        return (self.config.data_dir / "log" / f"{name}.log").open("ab")


def wait_http(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not become ready in {timeout:.0f} s")
        time.sleep(0.1)


def wait_grpc(address: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    with grpc.insecure_channel(address) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        while True:
            try:
                reply = stub.Check(health_pb2.HealthCheckRequest(), timeout=1)
                if reply.status == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.RpcError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"gRPC {address} did not become ready in {timeout:.0f} s")
            time.sleep(0.1)
