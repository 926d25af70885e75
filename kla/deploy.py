"""The nginx configuration of a deployment, written from ``deploy/nginx/kla.conf.template``.

One template for every deployment (systemd on a server, docker-compose, the loopback topology the
tests start in ``bench/topology.py``): only the addresses differ. Placeholders are ``{{name}}``
(nginx itself uses ``$name``, so ``envsubst`` would break the file).

``python -m kla.deploy nginx --public 127.0.0.1:8601 127.0.0.1:8602 --admin 127.0.0.1:8700
--files /var/lib/kla/publik --out /etc/nginx/conf.d/kla.conf`` writes it (docs/DEPLOY.md).
``python -m kla.deploy wait URL`` waits until a health URL answers ``ok`` (systemd's ExecStartPost,
Docker's healthcheck: the image has no curl).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from kla import config

TEMPLATE = config.PROJECT_ROOT / "deploy" / "nginx" / "kla.conf.template"
PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
ADDRESS = re.compile(r"^[A-Za-z0-9.\-\[\]:]+:\d{1,5}$")
MAX_FAILS = 1
FAIL_TIMEOUT = "10s"


def _address(value: str, what: str) -> str:
    if not ADDRESS.match(value):
        raise ValueError(f"alamat {what} '{value}' tidak sah; seharusnya HOST:PORT, mis. 127.0.0.1:8601")
    return value


def render_nginx(public: Sequence[str], admin: str, files_root: Path | str, listen: str = "80",
                 server_name: str = "_", template: Path = TEMPLATE) -> str:
    """The nginx site for ``public`` replicas and one ``admin`` instance (each ``HOST:PORT``), serving the
    embed and press folders under ``files_root``. ValueError (Indonesian) for an address that is not one."""
    if not public:
        raise ValueError("paling sedikit satu replika publik (--public HOST:PORT)")
    failing = f"max_fails={MAX_FAILS} fail_timeout={FAIL_TIMEOUT}"
    values = {
        "public_servers": "\n".join(f"    server {_address(a, 'replika publik')} {failing};" for a in public),
        "admin_server": f"    server {_address(admin, 'admin')} {failing};",
        "files_root": str(files_root).rstrip("/") or "/",
        "listen": listen,
        "server_name": server_name,
        "max_fails": str(MAX_FAILS),
        "fail_timeout": FAIL_TIMEOUT,
    }
    text = Path(template).read_text(encoding="utf-8")
    missing = sorted(set(PLACEHOLDER.findall(text)) - values.keys())
    if missing:
        raise ValueError(f"templat {template} memakai isian yang tidak dikenal: {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def wait_healthy(url: str, timeout: float) -> bool:
    """True once ``url`` answers ``ok`` (Streamlit's /_stcore/health), False after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=min(5.0, max(timeout, 0.5))) as response:
                if response.read().strip() == b"ok":
                    return True
        except OSError:
            pass
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.5)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kla.deploy", description="berkas penerapan (deploy/)")
    commands = parser.add_subparsers(dest="command", required=True)
    nginx = commands.add_parser("nginx", help="tulis konfigurasi nginx dari deploy/nginx/kla.conf.template")
    nginx.add_argument("--public", nargs="+", required=True, metavar="HOST:PORT", help="replika publik")
    nginx.add_argument("--admin", required=True, metavar="HOST:PORT", help="instans admin (/kelola/)")
    nginx.add_argument("--files", default="/var/lib/kla/publik", help="folder berisi embed/ dan pers/")
    nginx.add_argument("--listen", default="80", help="alamat dengar nginx (bawaan 80)")
    nginx.add_argument("--server-name", default="_", help="nama server (bawaan _: semua)")
    nginx.add_argument("--out", type=Path, help="berkas tujuan (bawaan: layar)")
    wait = commands.add_parser("wait", help="tunggu sampai alamat kesehatan menjawab ok (keluar 1 bila tidak)")
    wait.add_argument("url", help="mis. http://127.0.0.1:8601/_stcore/health")
    wait.add_argument("--timeout", type=float, default=60.0, help="detik (bawaan 60)")
    args = parser.parse_args(argv)
    if args.command == "wait":
        if wait_healthy(args.url, args.timeout):
            return 0
        print(f"{args.url} tidak menjawab ok dalam {args.timeout:g} detik", file=sys.stderr)
        return 1
    try:
        text = render_nginx(args.public, args.admin, args.files, args.listen, args.server_name)
    except ValueError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 2
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"Ditulis: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
