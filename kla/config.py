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
