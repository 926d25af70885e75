"""Fixtures for the data store tests: the same tests on SQLite and on a real PostgreSQL.

Import the fixtures into a test module (they are named ``store`` and ``store_url``)::

    from tests.store_fixtures import store_fixture, store_url_fixture  # noqa: F401
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kla.schema import FILES
from kla.store import Store
from kla.store.engine import dispose


@pytest.fixture(name="store_url", params=["sqlite", "postgresql"])
def store_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file in a new folder, or a new PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store' / 'kla.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_db")
    yield url
    dispose(url)


@pytest.fixture(name="store")
def store_fixture(store_url: str) -> Store:
    return Store.open(store_url)


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """The data files of a folder as create_version takes them."""
    return {f"{name}.csv": (folder / f"{name}.csv").read_bytes() for name in FILES}


def with_cell(files: dict[str, bytes], name: str, old: str, new: str) -> dict[str, bytes]:
    """A copy of ``files`` with one text replaced (exactly once) in file ``name``."""
    text = files[name].decode()
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
    return {**files, name: text.replace(old, new).encode()}
