"""ASGI entry point for gunicorn: `gunicorn -c python:gateway.gunicorn_conf gateway.asgi:app`."""
from gateway.app import create_app

app = create_app()
