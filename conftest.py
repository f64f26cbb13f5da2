"""Test fixtures shared by every tier: database backends and a throwaway PostgreSQL."""
from __future__ import annotations

import os

import pytest

from stack.testing import create_database, postgres_available, throwaway_postgres


def backends() -> list[str]:
    """SQLite always; PostgreSQL whenever it is installed, and always in CI (where it must be)."""
    names = ["sqlite"]
    if postgres_available() or os.environ.get("CI"):
        names.append("postgresql")
    return names


@pytest.fixture(scope="session")
def postgres_admin_url():
    with throwaway_postgres() as url:
        yield url


@pytest.fixture(scope="session", params=backends())
def backend(request) -> str:
    return request.param


@pytest.fixture
def database_url(backend, request, tmp_path) -> str:
    """A fresh, empty database of the current backend for one test."""
    if backend == "postgresql":
        return create_database(request.getfixturevalue("postgres_admin_url"), "test")
    return f"sqlite:///{tmp_path / 'test.db'}"
