"""Database engines for the store, and its migrations (Alembic, configured here in code).

* SQLite (the embedded default): WAL journal so readers never wait for a writer, a 30 s busy
  timeout, foreign keys on, and ``BEGIN IMMEDIATE`` for writing transactions so two writers queue
  instead of failing halfway ("database is locked" on the upgrade of a read lock).
* PostgreSQL (``postgresql+psycopg://``): writing transactions that must not interleave (migrations,
  new version numbers) take a transaction-scoped advisory lock.

One engine per URL and process (engines must not cross ``fork``); migrations run once per URL and
process, from :meth:`kla.store.Store.open` and ``python -m kla db upgrade``.

A read-only engine (a public replica, ``KLA_ROLE=public``) refuses every write in the database
session itself (PostgreSQL ``default_transaction_read_only``, SQLite ``query_only``), so a code path
that would write fails loudly even when the database user may write.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url

from kla.store.records import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_MS = 30_000
# Advisory lock keys (PostgreSQL): any constant, the same in every process.
UPGRADE_LOCK = 0x4B4C4101
VERSION_LOCK = 0x4B4C4102

_lock = threading.Lock()
_upgrade_lock = threading.Lock()
_engines: dict[tuple[int, str, bool], Engine] = {}
_upgraded: set[tuple[int, str]] = set()


def normalise_url(url: str | URL) -> URL:
    """The URL as SQLAlchemy should use it: plain ``postgresql://`` means psycopg 3, the installed driver."""
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError:
        raise StoreError(f"alamat basis data '{url}' tidak sah; contoh: sqlite:///state/kla.sqlite3 atau "
                         "postgresql+psycopg://kla@localhost/kla") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"basis data '{parsed.get_backend_name()}' tidak didukung; pakai sqlite:/// atau "
                         "postgresql+psycopg://")
    return parsed


def safe_url(url: str | URL) -> str:
    """The URL for messages: never with its password."""
    return make_url(url).render_as_string(hide_password=True)


def create_engine(url: str | URL, read_only: bool = False) -> Engine:
    """A new engine for ``url`` (see the module docstring for what each database gets)."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, read_only)
    connect_args = {"options": "-c default_transaction_read_only=on"} if read_only else {}
    return sa.create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)


def _sqlite_engine(url: URL, read_only: bool = False) -> Engine:
    database = url.database or ""
    on_disk = database not in ("", ":memory:")  # either of those is a database in memory
    if on_disk:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        # Transactions are begun by the "begin" hook below, not by the driver's guesswork.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        if on_disk:
            _use_wal(cursor)
        cursor.execute("PRAGMA foreign_keys = ON")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("kla_write") else "BEGIN")

    return engine


def _use_wal(cursor) -> None:
    """Switch a (new) database file to WAL. The switch needs a moment alone with the file and
    SQLite does not wait for it (no busy handler): two processes creating the store together
    would see "database is locked", so try again until the busy timeout."""
    import sqlite3

    deadline = time.monotonic() + SQLITE_BUSY_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            if cursor.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":
                return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
        if time.monotonic() > deadline:
            raise sqlite3.OperationalError("database is locked: journal_mode WAL tidak dapat dipasang")
        time.sleep(0.01)


def engine_for(url: str | URL, read_only: bool = False) -> Engine:
    """The process's engine for ``url`` (made on first use); a read-only one is a separate engine."""
    key = (os.getpid(), normalise_url(url).render_as_string(hide_password=False), read_only)
    with _lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _engines[key] = create_engine(key[1], read_only)
        return engine


def dispose(url: str | URL) -> None:
    """Close the process's connections to ``url`` and forget its engine (tests, shutdown)."""
    key = (os.getpid(), normalise_url(url).render_as_string(hide_password=False))
    with _lock:
        engines = [_engines.pop((*key, read_only), None) for read_only in (False, True)]
        _upgraded.discard(key)
    for engine in engines:
        if engine is not None:
            engine.dispose()


@contextmanager
def writing(engine: Engine, lock: int | None = None) -> Iterator[Connection]:
    """One writing transaction, committed at the end or rolled back on any error.

    SQLite: ``BEGIN IMMEDIATE`` (one writer at a time, the others wait). PostgreSQL: with ``lock``,
    a transaction-scoped advisory lock first, so sections that read-then-write do not interleave.
    """
    with engine.connect() as conn:
        conn.execution_options(kla_write=True)
        with conn.begin():
            if lock is not None and conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock})
            yield conn


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> str:
    """Bring the database to the newest revision; safe when several processes start together."""
    head = head_revision()
    if current_revision(engine) == head:
        return head
    config = alembic_config()
    # Alembic keeps its migration context in module globals: one upgrade at a time per process,
    # and the database lock (advisory lock / BEGIN IMMEDIATE) for the other processes.
    try:
        with _upgrade_lock, writing(engine, lock=UPGRADE_LOCK) as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except CommandError as exc:
        raise StoreError(f"basis data {safe_url(engine.url)} tidak dapat dimigrasi: {exc} "
                         "(revisi basis data lebih baru dari kode ini?)") from exc
    return head


def upgraded_engine(url: str | URL) -> Engine:
    """The process's engine for ``url``, migrated to the newest revision once per process."""
    engine = engine_for(url)
    key = (os.getpid(), normalise_url(url).render_as_string(hide_password=False))
    if key not in _upgraded:
        upgrade(engine)
        with _lock:
            _upgraded.add(key)
    return engine


def read_only_engine(url: str | URL) -> Engine:
    """The process's read-only engine for ``url``; never migrates. A database not (yet) at the newest
    revision, such as an empty one, is a :class:`StoreError` saying who must migrate it."""
    engine = engine_for(url, read_only=True)
    found, head = current_revision(engine), head_revision()
    if found != head:
        state = "masih kosong" if found is None else f"pada revisi {found}, bukan {head}"
        raise StoreError(f"basis data {safe_url(engine.url)} {state}; instans publik tidak memigrasi. Jalankan "
                         "dulu instans admin atau `python -m kla db upgrade` dengan pengguna pemilik basis data")
    return engine
