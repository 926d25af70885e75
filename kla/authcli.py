"""``python -m kla auth lokal``: try staff sign-in on one machine, with a local OpenID provider.

For trying the data desk and for tests only. It writes ``.streamlit/secrets.toml`` with an
``[auth]`` section that points at a test provider on 127.0.0.1 (a random cookie secret; an
existing file is never overwritten), then runs that provider (PyPI ``oidc-provider-mock``, a
development requirement) in the foreground. On its sign-in form any e-mail address is accepted
as the account; what the account may do is decided by ``python -m kla staff add``.
A real server uses its organisation's provider instead (``.streamlit/secrets.example.toml``).
"""

from __future__ import annotations

import argparse
import secrets
import sys
from pathlib import Path

from kla import config

SECRETS_PATH = config.PROJECT_ROOT / ".streamlit" / "secrets.toml"


def local_auth_section(app_url: str, provider_url: str, cookie_secret: str) -> str:
    """The ``[auth]`` section for a local provider (TOML; the values are ours, quoted safely)."""
    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return "\n".join((
        "# Written by `python -m kla auth lokal`: a LOCAL TEST provider, for trying the data desk only.",
        "[auth]",
        f"redirect_uri = {quoted(app_url.rstrip('/') + '/oauth2callback')}",
        f"cookie_secret = {quoted(cookie_secret)}",
        f"client_id = {quoted('dasbor-kla-lokal')}",
        f"client_secret = {quoted('rahasia-uji-lokal')}",
        f"server_metadata_url = {quoted(provider_url.rstrip('/') + '/.well-known/openid-configuration')}",
        "",
    ))


def write_local_secrets(path: Path, app_url: str, provider_url: str) -> bool:
    """Write the section to ``path`` unless the file exists; True when written."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(local_auth_section(app_url, provider_url, secrets.token_urlsafe(48)), encoding="utf-8")
    path.chmod(0o600)
    return True


def add_commands(commands: argparse._SubParsersAction) -> None:
    auth = commands.add_parser("auth", help="masuk staf: coba dengan penyedia identitas lokal")
    auth_commands = auth.add_subparsers(title="perintah auth")
    local = auth_commands.add_parser(
        "lokal", help="tulis .streamlit/secrets.toml untuk penyedia uji lokal lalu jalankan penyedia itu")
    local.add_argument("--port", type=int, default=9400, help="port penyedia di 127.0.0.1 (bawaan 9400)")
    local.add_argument("--app-url", default="http://localhost:8501", help="alamat dasbor (bawaan http://localhost:8501)")
    local.set_defaults(run=run_local)


def run_local(args: argparse.Namespace) -> int:
    provider_url = f"http://127.0.0.1:{args.port}"
    if write_local_secrets(SECRETS_PATH, args.app_url, provider_url):
        print(f"Ditulis: {SECRETS_PATH} (penyedia uji {provider_url}). Mulai ulang dasbor agar terbaca.")
    else:
        print(f"{SECRETS_PATH} sudah ada; tidak diubah. Pastikan server_metadata_url menunjuk {provider_url}.")
    try:
        from oidc_provider_mock import app
    except ImportError:
        print("Paket oidc-provider-mock belum terpasang (requirements-dev.txt): jalankan ./install.sh", file=sys.stderr)
        return 2
    print(f"Penyedia identitas uji berjalan di {provider_url} (Ctrl-C untuk berhenti). Pada formulirnya, "
          "isi alamat e-mail akun staf (mis. yang ditambahkan dengan `python -m kla staff add`).")
    app().run(host="127.0.0.1", port=args.port)
    return 0
