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


def logo_path() -> Path | None:
    """Logo for exported images (PNG or SVG): ``KLA_LOGO``; ``None`` when not set (no logo)."""
    value = os.environ.get("KLA_LOGO", "").strip()
    return Path(value).expanduser() if value else None
