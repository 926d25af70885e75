"""Installing: read, match, check, simplify, then write the web copy and its metadata into the geo folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
import time
from pathlib import Path

import geopandas as gpd
import pandas as pd

from kla import config
from kla.boundaries import download
from kla.boundaries.geometry import vertex_count, web_copy
from kla.boundaries.layout import GEOJSON_NAME, INFO_NAME
from kla.boundaries.matching import check_location, match_kelurahan
from kla.boundaries.model import OUTPUT_COLUMNS, BoundaryError, InstallReport, MatchReport, SourceInfo, UsageError
from kla.boundaries.readers import read_source
from kla.boundaries.swap import swap_in
from kla.geography import RegionsUnavailable, read_regions


def _geojson_bytes(gdf: gpd.GeoDataFrame) -> bytes:
    return gdf.to_json(drop_id=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def install(src: str | Path | None, geo_dir: Path | None = None, *, sha256: str | None = None,
            timeout: float = download.DEFAULT_TIMEOUT, require_all: bool = False,
            wilayah: pd.DataFrame | None = None, attribution: str | None = None) -> InstallReport:
    """Install boundaries from ``src`` (default: the pinned public file) into ``geo_dir``.

    Features are matched to the kelurahan of ``wilayah``: the caller passes the region table of
    the data it shows (the app and ``python -m kla geo install``: the published version); without
    one, the data folder's ``wilayah.csv`` (``KLA_DATA_DIR``) is read.
    Kelurahan without a feature are reported in ``match.missing`` and installed without a shape
    (the map shows them as absent) unless ``require_all``; no match at all is an error. Nothing
    is written unless every step succeeded, and then the web copy and its metadata replace the
    installed pair in one step (:mod:`kla.boundaries.swap`). ``timeout``: one deadline in seconds
    for the whole download. ``attribution``: the boundaries' licence line ("© publisher, licence"),
    stored with the install and printed on every map; given, it replaces the one known for the
    file (the pinned file's), else a file without one is installed without attribution.
    """
    started = time.monotonic()
    timeout = download.check_timeout(timeout)
    geo_dir = Path(geo_dir) if geo_dir is not None else config.geo_dir()
    wilayah = wilayah if wilayah is not None else data_folder_regions()
    if src is None or str(src) == download.PINNED_URL:
        src, sha256 = download.PINNED_URL, sha256 or download.PINNED_SHA256
    given = check_attribution(attribution)
    raw, source = read_source(src, timeout=timeout, sha256=sha256)
    if given:
        source = dataclasses.replace(source, attribution=given)
    matched, report = match_kelurahan(raw, wilayah, name=source.name)
    check_location(matched, source.name)
    if require_all and report.missing:
        missing = ", ".join(report.label(k) for k in report.missing)
        raise BoundaryError(f"{source.name}: {len(report.missing)} kelurahan tanpa batas ({missing}); "
                            "diharapkan lengkap 34 kelurahan (--wajib-lengkap). Tidak ada yang dipasang.")
    web = web_copy(matched)
    data = _geojson_bytes(web)
    _verify_readable(data, len(web), source.name)
    info = _metadata(source, report, web, vertex_count(matched), data)
    geojson_path, info_path = geo_dir / GEOJSON_NAME, geo_dir / INFO_NAME
    swap_in(geo_dir, {GEOJSON_NAME: data, INFO_NAME: json.dumps(info, ensure_ascii=False, indent=2).encode("utf-8")})
    return InstallReport(geojson_path, info_path, source, report, len(web), vertex_count(matched),
                         vertex_count(web), len(data), time.monotonic() - started)


MAX_ATTRIBUTION = 300  # characters: one footer line of a map


def check_attribution(text: str | None) -> str:
    """The attribution as one trimmed line; UsageError when it is too long to print under a map."""
    line = " ".join(str(text or "").split())
    if len(line) > MAX_ATTRIBUTION:
        raise UsageError(f"--atribusi: {len(line)} karakter; diharapkan paling banyak {MAX_ATTRIBUTION} "
                         "(satu baris, mis. \"© 2024 Cahya DSN, MIT\").")
    return line


def public_attribution(info: dict) -> str:
    """The licence line of an install, for maps; empty when none was recorded.

    Installs made before ``--atribusi`` existed stored "Batas kelurahan: <file name>" for a file
    without a known licence: a file name, not an attribution, so it reads as none.
    """
    text = str(info.get("attribution") or "").strip()
    legacy = {f"Batas kelurahan: {info.get(k)}" for k in ("source", "url") if info.get(k)}
    return "" if text in legacy else text


def data_folder_regions() -> pd.DataFrame:
    """The regions of ``KLA_DATA_DIR``'s ``wilayah.csv``; BoundaryError when it cannot be used."""
    try:
        return read_regions(config.data_dir())
    except RegionsUnavailable as exc:
        raise BoundaryError(str(exc)) from exc


def _verify_readable(data: bytes, expected: int, name: str) -> None:
    """Read the bytes back as the app will, so a file the app cannot load is never installed."""
    back = gpd.read_file(io.BytesIO(data), engine="pyogrio")
    if len(back) != expected or list(back.columns) != list(OUTPUT_COLUMNS):
        raise BoundaryError(f"{name}: salinan web tidak terbaca ulang dengan benar ({len(back)} fitur, "
                            f"diharapkan {expected}).")


def _metadata(source: SourceInfo, report: MatchReport, web: gpd.GeoDataFrame, vertices_raw: int,
              data: bytes) -> dict:
    return {
        "source": source.name, "url": source.url, "format": source.format, "layer": source.layer,
        "sha256": source.sha256, "installed_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "features": len(web), "vertices": vertex_count(web), "vertices_raw": vertices_raw,
        "missing": list(report.missing), "unmatched": [u.teks for u in report.unmatched],
        "attribution": source.attribution, "size_bytes": len(data), "web_sha256": hashlib.sha256(data).hexdigest(),
    }
