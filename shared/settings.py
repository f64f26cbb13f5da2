"""Settings read from environment variables, each with a working default for the local stack."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def env_int(name: str, default: int) -> int:
    return int(env(name, str(default)))


def env_float(name: str, default: float) -> float:
    return float(env(name, str(default)))


def data_dir() -> Path:
    """Folder of local state (SQLite files, NATS store, keys, logs): ZHILI_DATA_DIR or ./var."""
    return Path(env("ZHILI_DATA_DIR", str(ROOT / "var"))).resolve()


@dataclass(frozen=True)
class JwtSettings:
    jwks_file: Path
    issuer: str
    audience: str

    @classmethod
    def from_env(cls) -> "JwtSettings":
        return cls(jwks_file=Path(env("JWT_JWKS_FILE", str(data_dir() / "keys" / "jwks.json"))),
                   issuer=env("JWT_ISSUER", "zhili-directory"),
                   audience=env("JWT_AUDIENCE", "zhili"))


@dataclass(frozen=True)
class ServiceSettings:
    """What every service process needs; peers and extras are read by the service's app.py."""

    name: str
    database_url: str
    nats_url: str
    grpc_port: int
    metrics_port: int
    log_level: str
    jwt: JwtSettings

    @classmethod
    def from_env(cls, name: str, *, grpc_port: int, metrics_port: int) -> "ServiceSettings":
        default_db = f"sqlite:///{data_dir() / f'{name}.db'}"
        return cls(name=name,
                   database_url=env("DATABASE_URL", default_db),
                   nats_url=env("NATS_URL", "nats://127.0.0.1:4222"),
                   grpc_port=env_int("GRPC_PORT", grpc_port),
                   metrics_port=env_int("METRICS_PORT", metrics_port),
                   log_level=env("LOG_LEVEL", "INFO"),
                   jwt=JwtSettings.from_env())
