"""The deployment of docs/DEPLOY.md on one machine, without Docker: PostgreSQL, N public replicas,
one admin instance and nginx in front, all on free 127.0.0.1 ports in one temporary folder.

Shared by the browser tests (tests/e2e/test_deploy.py) and the load benchmark (bench/load_bench.py)::

    from bench.topology import running

    with running(replicas=2) as topo:
        topo.url              # nginx: http://127.0.0.1:PORT (public pages at /, staff at /kelola/)
        topo.public[0].url    # one replica directly (bypassing nginx)
        topo.admin.url        # the admin instance directly: http://127.0.0.1:PORT/kelola
        topo.public[1].kill() # SIGKILL, as a crash would
        topo.admin_env()      # environment of the admin (e.g. to run `python -m kla data publish`)

What runs, as docs/DEPLOY.md describes it:

* PostgreSQL (``bench/postgres.py``) with the users of ``deploy/postgres/init-roles.sh``: the owner
  ``kla`` (the admin instance migrates, imports and publishes with it) and ``kla_baca``, which may
  only SELECT (the public replicas);
* the admin: ``python -m kla serve --server.baseUrlPath kelola`` with ``KLA_ROLE=admin``; it migrates
  the database and imports the data folder (``KLA_DATA_DIR``) as version 1 when it starts;
* N public replicas: ``python -m kla serve`` with ``KLA_ROLE=public`` and the read-only user, each
  with its own ``KLA_STATE_DIR`` (as separate servers would have);
* nginx (Debian's ``/usr/sbin/nginx``) with ``deploy/nginx/kla.conf.template`` written for these
  ports (:func:`kla.deploy.render_nginx`), its pid, logs and temporary folders inside the folder.

``python -m bench.topology [--replicas N]`` starts it and waits for Ctrl-C (trying it by hand).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bench.chromium import free_port
from bench.postgres import PgServer, start_postgres
from kla.config import ADMIN_BASE_PATH

ROOT = Path(__file__).resolve().parents[1]
NGINX = "/usr/sbin/nginx"
READY_TIMEOUT_S = 90.0
OWNER_PASSWORD = "pemilik-uji"  # loopback-only test server: fixed passwords are fine here
READER_PASSWORD = "baca-uji"
MAIN_CONF = """# nginx main file of the loopback topology (bench/topology.py); the site is deploy/nginx's template.
{user}worker_processes 2;
worker_rlimit_nofile 8192;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format upstream '$remote_addr "$request" $status $upstream_addr $request_time $cookie_kla_replika';
    access_log {root}/access.log upstream;
    client_body_temp_path {root}/temp/client_body;
    proxy_temp_path {root}/temp/proxy;
    fastcgi_temp_path {root}/temp/fastcgi;
    uwsgi_temp_path {root}/temp/uwsgi;
    scgi_temp_path {root}/temp/scgi;
    include {site};
}}
"""


@dataclass
class Replica:
    """One app process: ``url`` is its own address (with ``/kelola`` for the admin)."""

    name: str
    role: str
    port: int
    url: str
    state_dir: Path
    log: Path
    proc: subprocess.Popen = field(repr=False)

    @property
    def upstream(self) -> str:
        """How nginx names it (``$upstream_addr``, the ``X-Upstream`` response header)."""
        return f"127.0.0.1:{self.port}"

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL the process and its children, as a crash or the OOM killer would."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if not self.alive():
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.kill()


@dataclass
class Topology:
    """A running deployment; :meth:`stop` ends every process and removes the folder."""

    root: Path
    url: str
    db: PgServer
    owner_url: str
    reader_url: str
    public: list[Replica]
    admin: Replica | None
    nginx: subprocess.Popen = field(repr=False)
    env: dict[str, str] = field(default_factory=dict, repr=False)
    keep: bool = False

    @property
    def files_root(self) -> Path:
        """The folder nginx serves at /embed/ and /pers/ (its ``embed`` and ``pers`` subfolders)."""
        return self.root / "nginx" / "publik"

    def admin_env(self) -> dict[str, str]:
        """The environment of the admin instance (the owner's database URL, ``KLA_ROLE=admin``)."""
        return {**self.env, "KLA_DB_URL": self.owner_url, "KLA_ROLE": "admin",
                "KLA_STATE_DIR": str(self.root / "admin" / "state"), "KLA_FILES_DIR": str(self.files_root)}

    def replica_of(self, upstream: str) -> Replica:
        """The replica nginx names ``upstream`` (an ``X-Upstream`` header value)."""
        for replica in [*self.public, *([self.admin] if self.admin else [])]:
            if replica.upstream == upstream.strip():
                return replica
        raise KeyError(upstream)

    def stop(self) -> None:
        if self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)  # graceful: open websockets are closed
            try:
                self.nginx.wait(10)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
        for replica in [*self.public, *([self.admin] if self.admin else [])]:
            replica.stop()
        self.db.stop()
        if not self.keep:
            shutil.rmtree(self.root, ignore_errors=True)


def _wait_healthy(replica: Replica, deadline: float) -> None:
    while time.monotonic() < deadline:
        if not replica.alive():
            break
        try:
            if urllib.request.urlopen(f"{replica.url}/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.2)
    tail = replica.log.read_text(errors="replace")[-3000:] if replica.log.exists() else ""
    raise RuntimeError(f"{replica.name} tidak siap (/_stcore/health):\n{tail}")


def _start_app(root: Path, name: str, role: str, env: Mapping[str, str]) -> Replica:
    port = free_port()
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    args = [sys.executable, "-m", "kla", "serve", "--server.port", str(port), "--server.address", "127.0.0.1",
            "--server.headless", "true"]
    base = ""
    if role == "admin":
        args += ["--server.baseUrlPath", ADMIN_BASE_PATH]
        base = f"/{ADMIN_BASE_PATH}"
    log = folder / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(args, cwd=ROOT, env={**os.environ, **env}, start_new_session=True,
                                stdout=out, stderr=subprocess.STDOUT)
    return Replica(name, role, port, f"http://127.0.0.1:{port}{base}", Path(env["KLA_STATE_DIR"]), log, proc)


def _wait_published(reader_url: str, deadline: float) -> None:
    """Until the admin has migrated the database and published version 1 (the replicas read only)."""
    from kla.store import Store, StoreError

    while time.monotonic() < deadline:
        with contextlib.suppress(StoreError, OSError):
            if Store.open(reader_url, read_only=True).published_id() is not None:
                return
        time.sleep(0.3)
    raise RuntimeError("instans admin tidak menerbitkan versi pertama pada waktunya")


def start(root: Path | None = None, replicas: int = 2, admin: bool = True, env: Mapping[str, str] | None = None,
          admin_secrets: str | None = None, nginx_port: int | None = None, keep: bool = False) -> Topology:
    """Start the deployment in ``root`` (default: a new temporary folder).

    ``admin=False``: no admin instance (load tests); the database is migrated and the data folder
    imported from this process instead, with the owner's URL, and /kelola/ answers 502.

    ``env``: added to every app process (e.g. ``KLA_DATA_DIR``, ``KLA_GEO_DIR``). ``admin_secrets``: the
    admin's ``secrets.toml`` text (an ``[auth]`` section whose redirect_uri is ``<url>/kelola/oauth2callback``;
    choose ``nginx_port`` first to know the URL). ``keep``: leave the folder (logs) after :meth:`Topology.stop`.
    """
    root = Path(root) if root is not None else Path(tempfile.mkdtemp(prefix="kla-topologi-"))
    root.mkdir(parents=True, exist_ok=True)
    common = {"KLA_DATA_DIR": str(ROOT / "data"), **(env or {})}
    db = start_postgres()  # its own folder: as root, the server runs as 'postgres', who cannot enter ``root``
    started: list[Replica] = []
    nginx: subprocess.Popen | None = None
    try:
        owner_url, reader_url = db.init_roles(OWNER_PASSWORD, READER_PASSWORD)
        deadline = time.monotonic() + READY_TIMEOUT_S
        admin_replica = None
        if admin:
            admin_env = {**common, "KLA_ROLE": "admin", "KLA_DB_URL": owner_url,
                         "KLA_STATE_DIR": str(root / "admin" / "state"),
                         "KLA_FILES_DIR": str(root / "nginx" / "publik")}  # = Topology.files_root
            if admin_secrets is not None:
                secrets = root / "admin" / "secrets.toml"
                secrets.parent.mkdir(parents=True, exist_ok=True)
                secrets.write_text(admin_secrets, encoding="utf-8")
                admin_env["STREAMLIT_SECRETS_FILES"] = str(secrets)
            admin_replica = _start_app(root, "admin", "admin", admin_env)
            started.append(admin_replica)
            _wait_healthy(admin_replica, deadline)
            _wait_published(reader_url, deadline)
        else:  # what the admin would do on its first start: migrate, import the data folder as version 1
            from kla.store import Store

            owner = Store.open(owner_url, read_only=False)
            owner.ensure_initial(Path(common["KLA_DATA_DIR"]))
            owner.close()
        public = [_start_app(root, f"publik{i + 1}", "public",
                             {**common, "KLA_ROLE": "public", "KLA_DB_URL": reader_url,
                              "KLA_STATE_DIR": str(root / f"publik{i + 1}" / "state")})
                  for i in range(replicas)]
        started += public
        for replica in public:
            _wait_healthy(replica, deadline)
        port = nginx_port or free_port()
        nginx = _start_nginx(root, port, public, admin_replica)
        topo = Topology(root, f"http://127.0.0.1:{port}", db, owner_url, reader_url, public, admin_replica, nginx,
                        dict(common), keep)
        _wait_nginx(topo, deadline)
        return topo
    except BaseException:
        if nginx is not None:
            nginx.kill()
        for replica in started:
            replica.stop()
        db.stop()
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
        raise


def nginx_main_conf(root: Path, site: Path) -> str:
    """The nginx main file for a prefix folder ``root``: pid, logs and temporary files inside it."""
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""  # as root, workers would be 'nobody'
    return MAIN_CONF.format(user=user, root=root, site=site)


def write_nginx_conf(root: Path, port: int, public: list[str], admin: str | None) -> Path:
    """Write ``root``/nginx.conf (main) and ``root``/kla.conf (the site from the template); the main file."""
    from kla.deploy import render_nginx

    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (root / "temp" / name).mkdir(parents=True, exist_ok=True)
    for name in ("embed", "pers"):
        (root / "publik" / name).mkdir(parents=True, exist_ok=True)
    # Without an admin, /kelola/ points at a closed port: nginx answers 502, never a public page.
    site = root / "kla.conf"
    site.write_text(render_nginx(public, admin or f"127.0.0.1:{free_port()}", root / "publik",
                                 listen=f"127.0.0.1:{port}", server_name="localhost"), encoding="utf-8")
    main = root / "nginx.conf"
    main.write_text(nginx_main_conf(root, site), encoding="utf-8")
    return main


def nginx_command(root: Path, conf: Path, *extra: str) -> list[str]:
    return [NGINX, "-p", str(root), "-e", str(root / "error.log"), "-c", str(conf), "-g", "daemon off;", *extra]


def _start_nginx(root: Path, port: int, public: list[Replica], admin: Replica | None) -> subprocess.Popen:
    folder = root / "nginx"
    folder.mkdir(parents=True, exist_ok=True)
    conf = write_nginx_conf(folder, port, [r.upstream for r in public], admin.upstream if admin else None)
    log = open(folder / "stderr.log", "wb")  # noqa: SIM115 (open as long as nginx runs)
    return subprocess.Popen(nginx_command(folder, conf), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def _wait_nginx(topo: Topology, deadline: float) -> None:
    while time.monotonic() < deadline:
        if topo.nginx.poll() is not None:
            break
        try:
            if urllib.request.urlopen(f"{topo.url}/healthz", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.1)
    log = topo.root / "nginx" / "error.log"
    raise RuntimeError(f"nginx tidak siap: {log.read_text(errors='replace')[-2000:] if log.exists() else ''}")


@contextlib.contextmanager
def running(**kwargs) -> Iterator[Topology]:
    """:func:`start` as a context manager: everything stops when the block ends."""
    topo = start(**kwargs)
    try:
        yield topo
    finally:
        topo.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.topology", description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=2, help="replika publik (bawaan 2)")
    parser.add_argument("--port", type=int, help="port nginx (bawaan: bebas)")
    args = parser.parse_args(argv)
    with running(replicas=args.replicas, nginx_port=args.port, keep=True) as topo:
        print(f"nginx: {topo.url}  (staf: {topo.url}/kelola/)")
        for replica in [*topo.public, *([topo.admin] if topo.admin else [])]:
            print(f"  {replica.name}: {replica.url}  log {replica.log}")
        print(f"folder: {topo.root}  (Ctrl-C untuk berhenti)")
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)
    return 0


if __name__ == "__main__":
    sys.exit(main())
