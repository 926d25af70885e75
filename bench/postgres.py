"""A real PostgreSQL server for tests, benchmarks and deployment checks (Debian package ``postgresql``).

``start_postgres(folder)`` runs ``initdb`` into ``folder``, starts the server on a free port of
127.0.0.1 (its unix socket in the same folder) and creates the database ``kla``; ``.stop()`` stops
it and removes the folder. PostgreSQL refuses to run as root, so as root the server runs as the
``postgres`` user (``runuser``), in a folder that user owns.

It lives in ``bench/`` because benchmarks may not import ``tests/`` (tests/test_layers.py): the
deployment topology (``bench/topology.py``) and the tests' fixtures (``tests/pg.py``) share it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SERVER_USER = "postgres"
INIT_ROLES = Path(__file__).resolve().parents[1] / "deploy" / "postgres" / "init-roles.sh"
SETTINGS = {"listen_addresses": "127.0.0.1", "max_connections": "200"}
# A killed test process never harms the server; skipping disk syncs only loses data on a power cut.
FAST = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


def bin_dir() -> Path:
    """The newest installed PostgreSQL's programs (``PG_BIN`` to choose another)."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = [p for p in Path("/usr/lib/postgresql").glob("*/bin") if (p / "initdb").exists()]
    if not found:
        raise RuntimeError("PostgreSQL tidak terpasang (/usr/lib/postgresql/*/bin/initdb tidak ada); "
                           "pasang dengan: apt-get install postgresql (install.sh melakukannya)")
    return max(found, key=lambda p: int(re.sub(r"\D", "", p.parent.name) or 0))


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", SERVER_USER, "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str]) -> None:
    result = subprocess.run(_as_server_user(command), capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} gagal ({result.returncode}): {result.stderr or result.stdout}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    folder: Path
    port: int
    bin: Path
    database: str = "kla"
    stopped: bool = field(default=False, repr=False)

    @property
    def url(self) -> str:
        """SQLAlchemy URL of the database ``kla`` (superuser ``postgres``, trust authentication)."""
        return self.url_for(self.database)

    def url_for(self, database: str, user: str = "postgres", password: str | None = None) -> str:
        auth = user if password is None else f"{user}:{password}"
        return f"postgresql+psycopg://{auth}@127.0.0.1:{self.port}/{database}"

    @contextlib.contextmanager
    def admin(self, database: str = "postgres") -> Iterator:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=database,
                             autocommit=True) as conn:
            yield conn

    def create_database(self, name: str | None = None) -> str:
        """A new empty database; its URL."""
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def create_readonly_role(self, name: str, password: str, database: str | None = None) -> str:
        """A login role that can read every table of ``database`` (now and later ones); its URL."""
        database = database or self.database
        with self.admin() as conn:
            conn.execute(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")
            conn.execute(f'GRANT CONNECT ON DATABASE "{database}" TO "{name}"')
        with self.admin(database) as conn:
            conn.execute(f'GRANT USAGE ON SCHEMA public TO "{name}"')
            conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{name}"')
            conn.execute(f'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO "{name}"')
        return self.url_for(database, name, password)

    def init_roles(self, owner_password: str, reader_password: str, owner: str = "kla",
                   reader: str = "kla_baca") -> tuple[str, str]:
        """Run ``deploy/postgres/init-roles.sh`` (the Docker set-up's script) on the database ``kla``: an
        owner who migrates and publishes, a reader who may only SELECT. Their URLs (owner, reader)."""
        env = {**os.environ, "PGHOST": "127.0.0.1", "PGPORT": str(self.port),
               "PATH": f"{self.bin}:{os.environ['PATH']}", "POSTGRES_USER": "postgres", "POSTGRES_DB": self.database,
               "KLA_DB_OWNER": owner,
               "KLA_DB_OWNER_PASSWORD": owner_password, "KLA_DB_READER": reader,
               "KLA_DB_READER_PASSWORD": reader_password}
        result = subprocess.run(["sh", str(INIT_ROLES)], env=env, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError(f"{INIT_ROLES} gagal ({result.returncode}): {result.stderr or result.stdout}")
        return self.url_for(self.database, owner, owner_password), self.url_for(self.database, reader, reader_password)

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its folder."""
        if self.stopped:
            return
        self.stopped = True
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
            _run([str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop"])
        shutil.rmtree(self.folder, ignore_errors=True)


def start_postgres(folder: Path | None = None, fast: bool = True, attempts: int = 3) -> PgServer:
    """Initialise and start a server in ``folder`` (default: a new folder under /tmp).

    ``fast``: no disk syncs (tests); pass ``False`` to measure a server as deployed.
    """
    binaries = bin_dir()
    folder = Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="kla-pg-"))
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        user = pwd.getpwnam(SERVER_USER)
        os.chown(folder, user.pw_uid, user.pw_gid)
    _run([str(binaries / "initdb"), "-D", str(folder / "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8",
          "--locale=C", "-N"])
    settings = {**SETTINGS, **(FAST if fast else {}), "unix_socket_directories": str(folder)}
    error: Exception | None = None
    for _ in range(attempts):  # the free port may be taken between choosing and listening
        port = _free_port()
        options = " ".join(f"-c {k}={v}" for k, v in {**settings, "port": str(port)}.items())
        try:
            _run([str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "server.log"),
                  "-w", "-t", "60", "-o", options, "start"])
        except RuntimeError as exc:
            error = exc
            continue
        server = PgServer(folder, port, binaries)
        atexit.register(server.stop)  # a session that dies early still stops its server
        server.create_database(server.database)
        return server
    log = (folder / "server.log").read_text(errors="replace")[-2000:] if (folder / "server.log").exists() else ""
    shutil.rmtree(folder, ignore_errors=True)
    raise RuntimeError(f"PostgreSQL tidak dapat dimulai: {error}\n{log}")
