"""Where the app finds its data and boundaries (environment variables, with defaults)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Folder of the data files: ``KLA_DATA_DIR``, default ``data/`` in the project."""
    return Path(os.environ.get("KLA_DATA_DIR") or PROJECT_ROOT / "data")


def geo_dir() -> Path:
    """Folder of the installed kelurahan boundaries: ``KLA_GEO_DIR``, default ``geo/``."""
    return Path(os.environ.get("KLA_GEO_DIR") or PROJECT_ROOT / "geo")


def state_dir() -> Path:
    """Folder of the app's own state (the SQLite data store, materialised versions): ``KLA_STATE_DIR``,
    default ``state/`` in the project (git-ignored)."""
    return Path(os.environ.get("KLA_STATE_DIR") or PROJECT_ROOT / "state")


def db_url() -> str:
    """Database of the data store: ``KLA_DB_URL`` (e.g. ``postgresql+psycopg://kla@host/kla``), else a
    SQLite file in :func:`state_dir`."""
    return os.environ.get("KLA_DB_URL") or f"sqlite:///{state_dir() / 'kla.sqlite3'}"


def logo_path() -> Path | None:
    """Logo for exported images (PNG or SVG): ``KLA_LOGO``; ``None`` when not set (no logo)."""
    value = os.environ.get("KLA_LOGO", "").strip()
    return Path(value).expanduser() if value else None


# --- static files for the public: embeds (kla.embeds) ----------------------------------------------

FILES_ENV = "KLA_FILES_DIR"
EMBED_FOLDER = "embed"
# Without KLA_FILES_DIR (one process doing everything) the embeds live under the project's static/
# folder, which Streamlit serves itself (server.enableStaticServing) at /app/static/.
STATIC_URL_PATH = "/app/static"


def files_dir() -> Path:
    """Folder of the files served without the app (``/embed/``, ``/pers/``): ``KLA_FILES_DIR`` (behind
    nginx, e.g. ``/var/lib/kla/publik``), else the project's ``static/`` (Streamlit's static serving)."""
    value = os.environ.get(FILES_ENV, "").strip()
    return Path(value).expanduser() if value else PROJECT_ROOT / "static"


def embed_dir() -> Path:
    """Where the embed pages are written: ``<files>/embed``. An admin instance without ``KLA_FILES_DIR`` keeps
    them in its state folder (nginx serves ``KLA_FILES_DIR``; the project's static/ is not its to write)."""
    if role() == ROLE_ADMIN and not os.environ.get(FILES_ENV, "").strip():
        return state_dir() / "publik" / EMBED_FOLDER
    return files_dir() / EMBED_FOLDER


def embed_url_path() -> str:
    """The URL path the embed folder is served at: ``/embed`` by nginx, ``/app/static/embed`` by Streamlit."""
    return f"/{EMBED_FOLDER}" if os.environ.get(FILES_ENV, "").strip() else f"{STATIC_URL_PATH}/{EMBED_FOLDER}"


def public_url() -> str:
    """The dashboard's public address (``KLA_PUBLIC_URL``, e.g. ``https://kla.balikpapan.go.id``) without a
    trailing slash; empty: links stay relative to the host that serves them."""
    return os.environ.get("KLA_PUBLIC_URL", "").strip().rstrip("/")


def embeds_enabled() -> bool:
    """Embed pages are written at each publication unless ``KLA_EMBEDS`` is 0 (tests, a server without Chromium)."""
    return os.environ.get("KLA_EMBEDS", "").strip().lower() not in ("0", "false", "tidak", "off", "no")


# --- the process's role (KLA_ROLE) ---------------------------------------------------------------

ROLE_ENV = "KLA_ROLE"
ROLE_ALL, ROLE_PUBLIC, ROLE_ADMIN = "all", "public", "admin"
ROLES = (ROLE_ALL, ROLE_PUBLIC, ROLE_ADMIN)
# The admin instance runs under this base path (``--server.baseUrlPath``) so a proxy can route it by
# path: Streamlit's websocket and files live under the base path, the same for every page.
ADMIN_BASE_PATH = "kelola"


class RoleError(ValueError):
    """``KLA_ROLE`` holds a value that is not a role (the message, in Indonesian, names it)."""


def parse_role(value: str | None) -> str:
    """The role a ``KLA_ROLE`` value names; empty means ``all`` (one process doing everything)."""
    role = (value or "").strip().lower()
    if not role:
        return ROLE_ALL
    if role not in ROLES:
        raise RoleError(f"{ROLE_ENV}={value!r} bukan peran yang dikenal; seharusnya salah satu dari: "
                        f"{', '.join(ROLES)} (public: pengunjung saja, tanpa masuk staf dan unggahan, basis data "
                        f"dibaca saja; admin: masuk staf dan halaman staf; all: keduanya dalam satu proses)")
    return role


def role() -> str:
    """This process's role from ``KLA_ROLE``: ``public``, ``admin`` or ``all`` (default)."""
    return parse_role(os.environ.get(ROLE_ENV))


def staff_pages_enabled() -> bool:
    """Sign-in, staff pages and uploads exist in this process (not on a public replica)."""
    return role() != ROLE_PUBLIC


def store_read_only() -> bool:
    """A public replica opens the store read-only: no migrations, no import, no writes at all
    (it works with a database user that may only SELECT)."""
    return role() == ROLE_PUBLIC
