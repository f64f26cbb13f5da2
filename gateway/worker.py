"""Uvicorn worker for gunicorn with lifespan 'on': a start-up failure kills the worker loudly."""
from uvicorn_worker import UvicornWorker


class GatewayWorker(UvicornWorker):
    CONFIG_KWARGS = {"loop": "asyncio", "http": "httptools", "lifespan": "on",
                     "proxy_headers": True, "server_header": False}
