"""Gunicorn settings for the gateway, all from environment variables."""
from shared.settings import env, env_int

bind = env("GATEWAY_BIND", "127.0.0.1:8080")
workers = env_int("GATEWAY_WORKERS", 2)
worker_class = "gateway.worker.GatewayWorker"
timeout = env_int("GATEWAY_WORKER_TIMEOUT", 30)
graceful_timeout = 10
keepalive = 5
accesslog = None
errorlog = "-"
loglevel = env("LOG_LEVEL", "info").lower()


def on_starting(_server) -> None:
    """Metrics files of a previous run (a restarted container keeps its volume) are stale."""
    import os
    import pathlib
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        for stale in pathlib.Path(folder).glob("*.db"):
            stale.unlink()


def child_exit(_server, worker) -> None:
    """Drop a dead worker's metrics files (Prometheus multiprocess mode)."""
    import os
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        from prometheus_client import multiprocess
        multiprocess.mark_process_dead(worker.pid)
