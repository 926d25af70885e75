"""What is installed: reading the web copy and its metadata, and the first start's one automatic download."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import geopandas as gpd
import pandas as pd

from kla import config
from kla.boundaries.installer import install, public_attribution
from kla.boundaries.layout import FAILED_MARKER, GEOJSON_NAME, INFO_NAME, installed_folder
from kla.boundaries.model import INSTALL_HINT, OUTPUT_COLUMNS, BoundaryError, InstallReport, UnreachableError
from kla.boundaries.readers import READ_ERRORS
from kla.loading import write_bytes_atomic
from kla.strings.batas import STRINGS

RETRY_AFTER = dt.timedelta(hours=1)

StatusState = Literal["terpasang", "diunduh", "luring", "gagal", "ditunda"]


@dataclass(frozen=True)
class InstallStatus:
    """Result of :func:`ensure_installed`. ``message`` is Indonesian; pages wanting another
    language call ``kla.i18n.t(status.key, lang, **status.values)``."""

    state: StatusState
    key: str
    values: dict[str, str]
    message: str
    report: InstallReport | None = None

    @property
    def installed(self) -> bool:
        return self.state in ("terpasang", "diunduh")


def _status(state: StatusState, report: InstallReport | None = None, **values: str) -> InstallStatus:
    key = f"batas.status.{state}"
    return InstallStatus(state, key, values, STRINGS[key]["id"].format(**values), report)


@dataclass(frozen=True)
class Installed:
    """The installed pair, read from one version folder: the web copy, its metadata, the copy's file."""

    boundaries: gpd.GeoDataFrame
    info: dict
    path: Path


def read_installed(geo_dir: Path | None = None) -> Installed | None:
    """Web copy and metadata of one and the same install (``.aktif`` resolved once), ``None`` when
    nothing is installed; BoundaryError when either is broken. Metadata missing next to a web copy
    (installed by hand) reads as ``{}``."""
    folder = installed_folder(Path(geo_dir) if geo_dir is not None else config.geo_dir())
    gdf = load_installed(folder)
    if gdf is None:
        return None
    return Installed(gdf, installed_info(folder) or {}, folder / GEOJSON_NAME)


def load_installed(geo_dir: Path | None = None) -> gpd.GeoDataFrame | None:
    """The installed web copy, ``None`` when nothing is installed; BoundaryError when it is broken."""
    path = installed_folder(Path(geo_dir) if geo_dir is not None else config.geo_dir()) / GEOJSON_NAME
    if not path.exists():
        return None
    try:
        gdf = gpd.read_file(path, engine="pyogrio")
    except READ_ERRORS as exc:
        raise BoundaryError(f"{path}: batas terpasang rusak ({exc}); pasang ulang dengan {INSTALL_HINT}.") from exc
    missing = [c for c in OUTPUT_COLUMNS if c not in gdf.columns]
    if missing or gdf.empty:
        what = f"kolom {', '.join(missing)} tidak ada" if missing else "tidak ada fitur"
        raise BoundaryError(f"{path}: batas terpasang rusak ({what}); pasang ulang dengan {INSTALL_HINT}.")
    return gdf[list(OUTPUT_COLUMNS)]


def installed_info(geo_dir: Path | None = None) -> dict | None:
    """The metadata written by :func:`install`, ``None`` when absent; BoundaryError when unreadable.

    ``attribution`` is the licence line for maps (:func:`~kla.boundaries.installer.public_attribution`):
    empty when none was recorded, never a file name.
    """
    path = installed_folder(Path(geo_dir) if geo_dir is not None else config.geo_dir()) / INFO_NAME
    if not path.exists():
        return None
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, OSError) as exc:
        raise BoundaryError(f"{path}: keterangan batas terpasang rusak ({exc}); "
                            f"pasang ulang dengan {INSTALL_HINT}.") from exc
    if not isinstance(info, dict):
        raise BoundaryError(f"{path}: keterangan batas terpasang rusak (bukan objek JSON).")
    return {**info, "attribution": public_attribution(info)}


# --- first start: one automatic download ----------------------------------------------------------

# Streamlit runs sessions in threads; the lock makes two first visitors share one attempt.
_ATTEMPT_LOCK = threading.Lock()
_LAST_ATTEMPT: InstallStatus | None = None


def ensure_installed(geo_dir: Path | None = None, timeout: float = 3.0,
                     wilayah: pd.DataFrame | None = None) -> InstallStatus:
    """Make sure boundaries are installed, downloading the pinned file at most once. Never raises.

    ``wilayah``: the region table of the data the app shows, passed on to :func:`install`.

    Retries are limited twice: once per process (module flag), and after a failure a marker
    ``geo/.unduh_gagal`` holding the failure time stops restarts within :data:`RETRY_AFTER` from
    trying again, so an offline machine does not wait ``timeout`` seconds on every start.
    ``timeout`` bounds the whole download (:func:`kla.boundaries.download.fetch`), so visitors
    waiting on the lock wait that long at most, however slowly a server sends. A manual
    ``python -m kla geo install`` always works and clears the marker.
    """
    global _LAST_ATTEMPT
    geo_dir = Path(geo_dir) if geo_dir is not None else config.geo_dir()
    with _ATTEMPT_LOCK:
        if (installed_folder(geo_dir) / GEOJSON_NAME).exists():
            return _installed_status(geo_dir)
        if _LAST_ATTEMPT is not None:
            return _LAST_ATTEMPT
        failed_at = _recent_failure(geo_dir)
        if failed_at is not None:
            _LAST_ATTEMPT = _status("ditunda", waktu=_clock(failed_at), lagi=_clock(failed_at + RETRY_AFTER))
        else:
            _LAST_ATTEMPT = _try_download(geo_dir, timeout, wilayah)
        return _LAST_ATTEMPT


def _installed_status(geo_dir: Path) -> InstallStatus:
    try:
        info = installed_info(geo_dir) or {}
    except BoundaryError:
        info = {}
    return _status("terpasang", jumlah=str(info.get("features", "?")), sumber=str(info.get("source", GEOJSON_NAME)))


def _try_download(geo_dir: Path, timeout: float, wilayah: pd.DataFrame | None) -> InstallStatus:
    try:
        report = install(None, geo_dir, timeout=timeout, wilayah=wilayah)
    except UnreachableError:
        _mark_failure(geo_dir)
        return _status("luring")
    except Exception as exc:  # noqa: BLE001 - the app must start whatever went wrong here
        _mark_failure(geo_dir)
        return _status("gagal", alasan=str(exc))
    return _status("diunduh", report, jumlah=str(report.features), sumber=report.source.name)


def _mark_failure(geo_dir: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only folder only means the next start tries again
        write_bytes_atomic(geo_dir / FAILED_MARKER, _now().isoformat(timespec="seconds").encode())


def _recent_failure(geo_dir: Path) -> dt.datetime | None:
    try:
        failed_at = dt.datetime.fromisoformat((geo_dir / FAILED_MARKER).read_text().strip())
    except (OSError, ValueError):
        return None
    if failed_at.tzinfo is None:
        failed_at = failed_at.astimezone()
    return failed_at if _now() - failed_at < RETRY_AFTER else None


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def _clock(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _reset_attempt() -> None:
    """Forget this process's attempt (tests, or a page offering "coba lagi")."""
    global _LAST_ATTEMPT
    with _ATTEMPT_LOCK:
        _LAST_ATTEMPT = None
