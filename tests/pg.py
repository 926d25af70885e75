"""Pytest fixtures for a real PostgreSQL server (the server itself: ``bench/postgres.py``).

Registered once per session in tests/conftest.py: ``postgres_server`` (the session's server),
``postgres_url`` (its database ``kla``) and ``postgres_db`` (a new, empty database for one test,
dropped afterwards).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.postgres import PgServer, start_postgres

__all__ = ["PgServer", "postgres_db", "postgres_server", "postgres_url", "start_postgres"]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PgServer]:
    """One PostgreSQL server for the whole test session."""
    try:
        server = start_postgres()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PgServer) -> str:
    """URL of the session server's database ``kla`` (shared by the tests that use it)."""
    return postgres_server.url


@pytest.fixture
def postgres_db(postgres_server: PgServer) -> Iterator[str]:
    """URL of a new, empty database for one test; dropped afterwards (open connections are ended)."""
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url.rsplit("/", 1)[1])
