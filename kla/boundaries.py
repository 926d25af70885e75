"""Kelurahan boundaries: read a user's file or URL, match it to the 34 kelurahan, install a web copy.

The boundaries are never committed (their licence and size belong to their publisher): the user
installs them with ``python -m kla geo install [SRC]``, and the app tries the pinned public file
once when none is installed (:func:`ensure_installed`).

Steps of an install, all in memory before anything is written:

1. :func:`read_source`: bytes from a path or an http(s) URL (size cap, timeout, optional sha256),
   format sniffed from the content (GeoJSON, GeoPackage, zipped Shapefile, or the
   ``wilayah_boundaries`` SQL file of github.com/cahyadsn/wilayah_boundaries).
2. :func:`to_wgs84`: reproject to EPSG:4326 (a file without CRS must already be lon/lat).
3. :func:`match_kelurahan`: one row per kelurahan, by code or else by name through
   :mod:`kla.geography` (the same matcher and aliases as the data imports), geometry repaired,
   duplicate features of one kelurahan dissolved, names taken from the official list.
4. :func:`web_copy`: simplified and rounded to about 1 m, which cuts the map payload by about
   60% with no visible change at city zoom.
5. Both files written atomically into ``KLA_GEO_DIR`` (default ``geo/``), the previous ones kept
   in ``geo/.sebelumnya/``: ``kelurahan.geojson`` (the web copy) and ``kelurahan.json``
   (metadata, keys: source, url, format, sha256, installed_at, features, vertices,
   vertices_raw, missing, unmatched, attribution, size_bytes, web_sha256).

Failures raise :class:`BoundaryError` with an Indonesian message naming the file, the feature,
the field, the bad value and what was expected; the installed files are then left untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import re
import shutil
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from kla import config
from kla.geography import NameIndex, NameMatch, build_name_index, describe_match, match_name, official_regions
from kla.i18n import format_number
from kla.loading import write_bytes_atomic
from kla.strings.batas import STRINGS

# The public file the app can fetch by itself: pinned to one commit and checked by sha256, so
# a changed upstream file is refused rather than silently shown (see shared geo/SOURCE.md).
PINNED_URL = ("https://raw.githubusercontent.com/cahyadsn/wilayah_boundaries/"
              "3c5a7960f4d227a38489094d84252bdbb3f978a5/db/kel/64/wilayah_boundaries_kel_64.71.sql")
PINNED_SHA256 = "9f4cc1374d4a400ad71160a2f2888d322f1ae8318a3c7719151bc61cedc235f3"
PINNED_ATTRIBUTION = "© 2024 Cahya DSN, MIT, github.com/cahyadsn/wilayah_boundaries"

MAX_BYTES = 50 * 1024 * 1024
GEOJSON_NAME = "kelurahan.geojson"
INFO_NAME = "kelurahan.json"
PREVIOUS_DIR = ".sebelumnya"
FAILED_MARKER = ".unduh_gagal"
RETRY_AFTER = dt.timedelta(hours=1)
# Measured on the 34 kelurahan (stack-recipes.md section 6): 3,948 -> about 2,600 vertices, no
# visible change at city zoom; 1e-5 degree is about 1 m, finer than the source's own accuracy.
SIMPLIFY_TOLERANCE = 0.0002
GRID_SIZE = 1e-5
OUTPUT_COLUMNS = ("kode_kelurahan", "nama_kelurahan", "kode_kecamatan", "nama_kecamatan", "geometry")
# Generous box around Kota Balikpapan (lon 116.73-117.02, lat -1.28 to -1.01): a feature outside
# it means swapped lat/lon or a wrong CRS, which would otherwise draw the city in the sea.
BALIKPAPAN_BOX = (116.0, -2.0, 118.0, 0.0)

Format = Literal["geojson", "gpkg", "zip", "shp", "sql"]
FORMAT_NAMES: dict[str, str] = {"geojson": "GeoJSON", "gpkg": "GeoPackage", "zip": "Shapefile (.zip)",
                                "shp": "Shapefile", "sql": "SQL wilayah_boundaries"}
INSTALL_HINT = "python -m kla geo install BERKAS_ATAU_URL"


class BoundaryError(Exception):
    """A boundary file or URL that cannot be installed; the message is for the user (Indonesian)."""


class UnreachableError(BoundaryError):
    """The server could not be reached at all (offline, refused, timed out): worth retrying later."""


# ---------------------------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceInfo:
    """Where the boundaries came from: ``name`` is the file name, ``url`` set for downloads."""

    name: str
    url: str | None
    sha256: str
    format: Format
    size_bytes: int
    layer: str | None = None
    attribution: str = ""

    @property
    def label(self) -> str:
        return self.url or self.name


@dataclass(frozen=True)
class MatchedFeature:
    baris: int  # 1-based feature number in the source
    teks: str
    kode: str
    nama: str
    cara: str  # "kode", "nama" or "alias" (see kla.geography.NameMatch)
    pesan: str


@dataclass(frozen=True)
class UnmatchedFeature:
    baris: int
    teks: str
    pesan: str


@dataclass(frozen=True)
class MatchReport:
    """What :func:`match_kelurahan` understood; ``missing`` holds kelurahan codes without a feature."""

    column: str
    matched: tuple[MatchedFeature, ...]
    unmatched: tuple[UnmatchedFeature, ...]
    missing: tuple[str, ...]
    repaired: int
    dissolved: tuple[str, ...]
    names: dict[str, str] = field(default_factory=dict, repr=False)

    def label(self, kode: str) -> str:
        return f"{kode} {self.names.get(kode, '')}".strip()

    def count_by(self, cara: str) -> int:
        return sum(m.cara == cara for m in self.matched)


@dataclass(frozen=True)
class InstallReport:
    geojson_path: Path
    info_path: Path
    source: SourceInfo
    match: MatchReport
    features: int
    vertices_raw: int
    vertices: int
    size_bytes: int
    seconds: float

    @property
    def complete(self) -> bool:
        return not self.match.missing


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


# ---------------------------------------------------------------------------------------------
# 1. Reading a source
# ---------------------------------------------------------------------------------------------

_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_SQL_INSERT = re.compile(rb"INSERT\s+INTO\s+`?wilayah_boundaries`?", re.IGNORECASE)
_SUFFIX_FORMATS: dict[str, Format] = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg",
                                      ".zip": "zip", ".sql": "sql", ".shp": "shp"}


def read_source(src: str | Path, *, timeout: float = 20.0,
                sha256: str | None = None) -> tuple[gpd.GeoDataFrame, SourceInfo]:
    """Read a boundary file from a path or an http(s) URL, as found (no reprojection, no matching)."""
    text = str(src)
    is_url = isinstance(src, str) and bool(_URL_LIKE.match(text))
    expected = _valid_sha256(sha256)  # checked before a download, not after
    data, name = (_download(text, timeout), _url_name(text)) if is_url else (_read_path(Path(src)), Path(src).name)
    digest = hashlib.sha256(data).hexdigest()
    _check_sha256(name, digest, expected)
    fmt = _sniff_format(data, name)
    if fmt == "shp":  # a bare .shp needs its .dbf/.prj beside it, so GDAL reads it from disk
        gdf, layer = _read_vector(lambda: str(Path(src)), name, "shp"), None
    elif fmt == "sql":
        gdf, layer = parse_wilayah_sql(_decode(data, name), name), None
    else:
        gdf, layer = _read_container(data, name, fmt)
    info = SourceInfo(name=name, url=text if is_url else None, sha256=digest, format=fmt,
                      size_bytes=len(data), layer=layer,
                      attribution=_attribution(data, digest, fmt, text if is_url else name))
    return gdf, info


def _attribution(data: bytes, digest: str, fmt: Format, label: str) -> str:
    """The pinned file, or any SQL file carrying that repository's licence header, is Cahya DSN's."""
    if digest == PINNED_SHA256 or (fmt == "sql" and b"cahya" in data[:4096].lower()):
        return PINNED_ATTRIBUTION
    return f"Batas kelurahan: {label}"


def _url_name(url: str) -> str:
    return Path(urllib.parse.urlsplit(url).path).name or url


def _read_path(path: Path) -> bytes:
    if not path.is_file():
        raise BoundaryError(f"Berkas batas {path} tidak ditemukan (atau bukan berkas).")
    if path.stat().st_size > MAX_BYTES:
        raise BoundaryError(f"{path.name}: ukuran {path.stat().st_size:,} bita, lebih dari batas {MAX_BYTES:,} bita.")
    return path.read_bytes()


def _download(url: str, timeout: float) -> bytes:
    """GET ``url`` with a timeout on every network step and a size cap, http(s) only."""
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise BoundaryError(f"URL {url}: skema '{scheme}' tidak didukung; diharapkan http:// atau https://.")
    request = urllib.request.Request(url, headers={"User-Agent": "kla-balikpapan-dashboard"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return _read_capped(response, url)
    except urllib.error.HTTPError as exc:
        raise BoundaryError(f"URL {url}: server menjawab {exc.code} {exc.reason}; diharapkan 200 (berkas ada).") from exc
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        reason = getattr(exc, "reason", exc)
        raise UnreachableError(f"URL {url} tidak dapat dihubungi ({reason}) dalam {timeout:g} detik: "
                               "periksa sambungan internet, atau pasang dari berkas.") from exc


def _read_capped(response, url: str) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_BYTES:
        raise BoundaryError(f"URL {url}: ukuran {int(declared):,} bita, lebih dari batas {MAX_BYTES:,} bita.")
    data = response.read(MAX_BYTES + 1)  # one byte more than allowed tells "too big" from "exactly at the cap"
    if len(data) > MAX_BYTES:
        raise BoundaryError(f"URL {url}: berkas lebih dari batas {MAX_BYTES:,} bita; unduhan dihentikan.")
    return data


def _valid_sha256(sha256: str | None) -> str | None:
    if sha256 is None:
        return None
    wanted = sha256.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{64}", wanted):
        raise BoundaryError(f"sha256 '{sha256}' tidak sah: diharapkan 64 digit heksadesimal.")
    return wanted


def _check_sha256(name: str, digest: str, expected: str | None) -> None:
    if expected is not None and digest != expected:
        raise BoundaryError(f"{name}: sha256 berkas {digest}, diharapkan {expected}. Berkas ditolak "
                            "(berubah di sumber, atau unduhan rusak); batas yang terpasang tidak diubah.")


def _sniff_format(data: bytes, name: str) -> Format:
    """Content first (URLs often have no suffix), the file suffix only when content says nothing."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(b"SQLite format 3\x00"):
        return "gpkg"
    if head.startswith(b"{"):
        return "geojson"
    if _SQL_INSERT.search(data[:1_000_000]):
        return "sql"
    if head[:15].lower().startswith((b"<!doctype html", b"<html")):
        raise BoundaryError(f"{name}: isinya halaman HTML, bukan berkas batas. Untuk GitHub pakai tautan "
                            "'Raw' (raw.githubusercontent.com).")
    fmt = _SUFFIX_FORMATS.get(Path(name).suffix.lower())
    if fmt is None:
        raise BoundaryError(f"{name}: format tidak dikenali; diharapkan GeoJSON, GeoPackage (.gpkg), "
                            "Shapefile dalam .zip, atau SQL wilayah_boundaries.")
    return fmt


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BoundaryError(f"{name}: bukan teks UTF-8 (bita ke-{exc.start}); diharapkan SQL teks UTF-8.") from exc


# pyogrio's own errors (all DataSourceError or DataLayerError subclasses) and the plain ones.
_READ_ERRORS = (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, ValueError, OSError)


def _read_vector(open_source, name: str, what: str, layer: str | None = None) -> gpd.GeoDataFrame:
    """Read one layer with pyogrio; GDAL's errors become a BoundaryError naming the file."""
    try:
        return gpd.read_file(open_source(), layer=layer, engine="pyogrio")
    except _READ_ERRORS as exc:
        raise BoundaryError(f"{name}: tidak dapat dibaca sebagai {what} ({exc}).") from exc


def _read_container(data: bytes, name: str, fmt: Format) -> tuple[gpd.GeoDataFrame, str | None]:
    if fmt == "geojson":
        return _read_vector(lambda: io.BytesIO(data), name, "GeoJSON"), None
    if fmt == "gpkg":
        return _largest_layer(data, name)
    return _read_zip(data, name)


def _polygon_layers(source, name: str) -> list[str]:
    try:
        layers = pyogrio.list_layers(source)
    except _READ_ERRORS as exc:
        raise BoundaryError(f"{name}: tidak dapat dibaca sebagai GeoPackage ({exc}).") from exc
    # Tables without geometry (kind None) are skipped; "Unknown" layers may hold polygons too.
    return [str(n) for n, kind in layers if kind is not None and ("Polygon" in str(kind) or str(kind) == "Unknown")]


def _largest_layer(data: bytes, name: str) -> tuple[gpd.GeoDataFrame, str | None]:
    """A GeoPackage may hold kecamatan and kelurahan layers; the kelurahan one has the most features.

    Read from a real ``.gpkg`` file: GDAL warns about a GeoPackage in memory without that suffix.
    """
    with tempfile.TemporaryDirectory(prefix="kla-gpkg-") as tmp:
        path = Path(tmp) / "batas.gpkg"
        path.write_bytes(data)
        layers = _polygon_layers(str(path), name)
        if not layers:
            raise BoundaryError(f"{name}: tidak ada lapisan poligon; diharapkan lapisan batas kelurahan.")
        frames = [(_read_vector(lambda: str(path), name, "GeoPackage", layer), layer) for layer in layers]
    return max(frames, key=lambda pair: len(pair[0]))


def _read_zip(data: bytes, name: str) -> tuple[gpd.GeoDataFrame, str | None]:
    """Extract each Shapefile of the zip (any folder depth) to a temp folder and keep the largest."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise BoundaryError(f"{name}: arsip zip rusak ({exc}).") from exc
    with archive, tempfile.TemporaryDirectory(prefix="kla-shp-") as tmp:
        shps = [m for m in archive.namelist() if m.lower().endswith(".shp") and "__MACOSX" not in m]
        if not shps:
            raise BoundaryError(f"{name}: tidak ada berkas .shp di dalam zip; diharapkan Shapefile (.shp, .dbf, .shx, .prj).")
        frames = [(_read_zip_member(archive, member, Path(tmp) / str(i), name), member)
                  for i, member in enumerate(shps)]
    return max(frames, key=lambda pair: len(pair[0]))


def _read_zip_member(archive: zipfile.ZipFile, shp: str, folder: Path, name: str) -> gpd.GeoDataFrame:
    stem = shp[: -len(".shp")]
    members = [info for info in archive.infolist() if info.filename.rsplit(".", 1)[0] == stem]
    if sum(info.file_size for info in members) > 4 * MAX_BYTES:  # guards against zip bombs
        raise BoundaryError(f"{name}: {shp} terlalu besar setelah diekstrak (lebih dari {4 * MAX_BYTES:,} bita).")
    folder.mkdir(parents=True)
    for info in members:  # written by base name only, so a "../" member cannot escape the folder
        (folder / Path(info.filename).name).write_bytes(archive.read(info))
    return _read_vector(lambda: str(folder / Path(shp).name), f"{name}:{shp}", "Shapefile")


# --- the wilayah_boundaries SQL file -------------------------------------------------------------

_SQL_COMMENT = re.compile(r"/\*.*?\*/|^\s*--[^\n]*$", re.DOTALL | re.MULTILINE)
_SQL_COLUMNS = re.compile(r"INSERT\s+INTO\s+`?wilayah_boundaries`?\s*\(([^)]*)\)", re.IGNORECASE)
_SQL_ROW_START = re.compile(r"\(\s*'([^']*)'")
_SQL_ROW = re.compile(
    r"\(\s*'(?P<kode>[^']*)'\s*,\s*'(?P<nama>(?:[^'\\]|\\.|'')*)'\s*,\s*(?P<lat>[^,]*?)\s*,"
    r"\s*(?P<lng>[^,]*?)\s*,\s*'(?P<path>[^']*)'\s*\)"
)
_EXPECTED_SQL_COLUMNS = ["kode", "nama", "lat", "lng", "path"]


def parse_wilayah_sql(text: str, name: str = "SQL wilayah_boundaries") -> gpd.GeoDataFrame:
    """Rows of the ``wilayah_boundaries`` INSERT statements as kode, nama, geometry (EPSG:4326).

    ``path`` holds polygons in [lat, lng] order (the reverse of GeoJSON), nested three deep for a
    Polygon (rings) and four deep for a MultiPolygon; every point is swapped to (lng, lat).
    """
    body = _SQL_COMMENT.sub("", text)
    statements = _SQL_COLUMNS.findall(body)
    if not statements:
        raise BoundaryError(f"{name}: tidak ada pernyataan INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path).")
    for columns in statements:
        found = [c.strip(" `\t\r\n").lower() for c in columns.split(",")]
        if found != _EXPECTED_SQL_COLUMNS:
            raise BoundaryError(f"{name}: kolom INSERT ({', '.join(found)}), diharapkan ({', '.join(_EXPECTED_SQL_COLUMNS)}).")
    rows = [_sql_row(body, start, name) for start in _SQL_ROW_START.finditer(body)]
    if not rows:
        raise BoundaryError(f"{name}: pernyataan INSERT tanpa baris data ('kode','nama',lat,lng,'path').")
    return gpd.GeoDataFrame(rows, columns=["kode", "nama", "geometry"], geometry="geometry", crs="EPSG:4326")


def _sql_row(body: str, start: re.Match, name: str) -> tuple[str, str, BaseGeometry]:
    kode = start.group(1)
    row = _SQL_ROW.match(body, start.start())
    if row is None:
        raise BoundaryError(f"{name}: baris kode '{kode}' tidak dapat dibaca; diharapkan "
                            "('kode','nama',lat,lng,'[[[lat,lng],...]]').")
    nama = row["nama"].replace("''", "'").replace("\\'", "'")
    try:
        path = json.loads(row["path"])
    except json.JSONDecodeError as exc:
        raise BoundaryError(f"{name}: baris kode '{kode}', kolom path: JSON tidak sah ({exc.msg}, "
                            f"karakter {exc.pos}); diharapkan larik [[[lat,lng],...]].") from exc
    return kode, nama, _path_geometry(path, kode, name)


def _depth(value: object) -> int:
    depth = 0
    while isinstance(value, list) and value:
        value, depth = value[0], depth + 1
    return depth


def _path_geometry(path: object, kode: str, name: str) -> BaseGeometry:
    depth = _depth(path)
    if depth not in (3, 4):
        raise BoundaryError(f"{name}: baris kode '{kode}', kolom path: kedalaman larik {depth}; diharapkan "
                            "3 (Polygon) atau 4 (MultiPolygon).")
    polygons = [path] if depth == 3 else path
    try:
        parts = [Polygon(_swap(rings[0]), [_swap(r) for r in rings[1:]]) for rings in polygons]
    except (ValueError, TypeError, IndexError, shapely.errors.GEOSException) as exc:
        raise BoundaryError(f"{name}: baris kode '{kode}', kolom path: poligon tidak sah ({exc}); "
                            "diharapkan cincin berisi paling sedikit 4 titik [lat,lng].") from exc
    return parts[0] if depth == 3 else MultiPolygon(parts)


def _swap(ring: list) -> np.ndarray:
    points = np.asarray(ring, dtype=float)
    if points.ndim != 2 or points.shape[1] < 2:
        raise ValueError(f"titik berbentuk {points.shape}, bukan pasangan [lat,lng]")
    return points[:, [1, 0]]


# ---------------------------------------------------------------------------------------------
# 2. Coordinates
# ---------------------------------------------------------------------------------------------


def to_wgs84(gdf: gpd.GeoDataFrame, name: str = "berkas") -> gpd.GeoDataFrame:
    """Reproject to EPSG:4326; without a CRS the coordinates must already look like lon/lat."""
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            raise BoundaryError(
                f"{name}: tidak ada keterangan CRS, dan koordinatnya (x {minx:.0f}..{maxx:.0f}, y {miny:.0f}..{maxy:.0f}) "
                "bukan bujur/lintang; diharapkan CRS tercatat (mis. berkas .prj Shapefile) atau EPSG:4326.")
        return gdf.set_crs("EPSG:4326")
    if gdf.crs.to_epsg() == 4326:
        return gdf
    try:
        return gdf.to_crs("EPSG:4326")
    except Exception as exc:  # pyproj raises several types; any of them means "cannot reproject"
        raise BoundaryError(f"{name}: tidak dapat diproyeksikan dari {gdf.crs.name} ke EPSG:4326 ({exc}).") from exc


def vertex_count(gdf: gpd.GeoDataFrame) -> int:
    return int(shapely.get_num_coordinates(gdf.geometry.values).sum())


# ---------------------------------------------------------------------------------------------
# 3. Matching features to kelurahan
# ---------------------------------------------------------------------------------------------


def _cell_text(value: object) -> str:
    """Text of a property; whole floats lose their ".0" so 6471011001.0 reads as a code."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value).strip()


def _property_columns(gdf: gpd.GeoDataFrame) -> list[str]:
    return [c for c in gdf.columns if c != gdf.geometry.name]


def _key_column(gdf: gpd.GeoDataFrame, index: NameIndex, name: str) -> tuple[str, str]:
    """The column to match on: the one with the most kelurahan codes, else the most names."""
    for wanted in (("kode",), ("nama", "alias")):
        scores = {c: sum(match_name(_cell_text(v), index).cara in wanted for v in gdf[c])
                  for c in _property_columns(gdf)}
        best = max(scores, key=scores.__getitem__, default=None)
        if best is not None and scores[best] > 0:
            return best, wanted[0]
    columns = ", ".join(_property_columns(gdf)) or "(tidak ada)"
    raise BoundaryError(f"{name}: tidak ada kolom berisi kode kelurahan Balikpapan (mis. 64.71.01.1001) atau nama "
                        f"kelurahan; kolom yang ada: {columns}.")


def _polygonal(geom: BaseGeometry | None) -> tuple[BaseGeometry | None, bool]:
    """The polygonal part of a geometry, made valid; also whether it had to be repaired."""
    if geom is None or geom.is_empty:
        return None, False
    repaired = not geom.is_valid
    if repaired:
        geom = shapely.make_valid(geom, method="structure", keep_collapsed=False)
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom, repaired
    # A collection (from make_valid, or a file's GeometryCollection): keep its polygons only.
    parts = [p for p in shapely.get_parts(geom, recursive=True) if isinstance(p, Polygon) and not p.is_empty]
    if not parts:
        return None, repaired
    return (parts[0] if len(parts) == 1 else shapely.union_all(parts)), repaired


def match_kelurahan(gdf: gpd.GeoDataFrame, wilayah: pd.DataFrame | None = None,
                    name: str = "berkas") -> tuple[gpd.GeoDataFrame, MatchReport]:
    """One row per matched kelurahan (columns :data:`OUTPUT_COLUMNS`, EPSG:4326) and a report.

    When the file has a code column, a feature whose code is not a Balikpapan kelurahan stays
    unmatched even if its name matches: another city may have a kelurahan of the same name.
    """
    wilayah = official_regions() if wilayah is None else wilayah
    index = build_name_index(wilayah, "kelurahan")
    if gdf.empty:
        raise BoundaryError(f"{name}: tidak berisi fitur; diharapkan satu fitur per kelurahan.")
    gdf = to_wgs84(gdf, name)
    column, mode = _key_column(gdf, index, name)
    matched, unmatched, geoms, repaired = [], [], {}, 0
    for i, (value, geom) in enumerate(zip(gdf[column], gdf.geometry), start=1):
        m = match_name(_cell_text(value), index)
        ok = m.kode is not None and (mode == "nama" or m.cara == "kode")
        polygon, fixed = _polygonal(geom) if ok else (None, False)
        repaired += fixed
        if not ok or polygon is None:
            unmatched.append(UnmatchedFeature(i, m.text, _unmatched_message(m, mode, geom, column)))
            continue
        matched.append(MatchedFeature(i, m.text, m.kode, m.nama, m.cara, describe_match(m)))
        geoms.setdefault(m.kode, []).append(polygon)
    if not matched:
        raise BoundaryError(f"{name}: tidak ada fitur yang cocok dengan kelurahan Balikpapan (kolom '{column}'); "
                            f"contoh nilai: {_examples(gdf[column])}.")
    report = MatchReport(column=column, matched=tuple(matched), unmatched=tuple(unmatched),
                         missing=tuple(sorted(set(index.names_by_code) - set(geoms))), repaired=repaired,
                         dissolved=tuple(sorted(k for k, g in geoms.items() if len(g) > 1)),
                         names=dict(index.names_by_code))
    return _official_rows(geoms, wilayah), report


def _unmatched_message(m: NameMatch, mode: str, geom: BaseGeometry | None, column: str) -> str:
    if mode == "kode" and m.cara != "kode":
        return (f"kolom {column}: “{m.text}” bukan kode kelurahan Kota Balikpapan; "
                "diharapkan kode seperti 64.71.01.1001 atau 6471011001.")
    if m.kode is None:
        return f"kolom {column}: {describe_match(m)}"
    kind = "kosong" if geom is None or geom.is_empty else f"{geom.geom_type}, bukan poligon"
    return f"{m.nama} ({m.kode}): geometri {kind}; diharapkan Polygon atau MultiPolygon."


def _examples(values: Iterable[object]) -> str:
    texts = [f"“{_cell_text(v)}”" for v in list(values)[:3]]
    return ", ".join(texts) or "(kosong)"


def _official_rows(geoms: dict[str, list[BaseGeometry]], wilayah: pd.DataFrame) -> gpd.GeoDataFrame:
    """Official names and kecamatan for each code; several features of one kelurahan become one."""
    rows = wilayah.set_index("kode")
    records = []
    for kode in sorted(geoms):
        parts = geoms[kode]
        geom = parts[0] if len(parts) == 1 else shapely.union_all(parts)
        kec = str(rows.at[kode, "kode_induk"])
        kec_name = str(rows.at[kec, "nama"]) if kec in rows.index else ""
        records.append((kode, str(rows.at[kode, "nama"]), kec, kec_name, geom))
    return gpd.GeoDataFrame(records, columns=list(OUTPUT_COLUMNS), geometry="geometry", crs="EPSG:4326")


# ---------------------------------------------------------------------------------------------
# 4. Web copy and outlines
# ---------------------------------------------------------------------------------------------


def web_copy(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Simplified (0.0002°) and snapped to a 1e-5° grid; a kelurahan that would vanish keeps its shape."""
    flat = shapely.force_2d(gdf.geometry.values)  # heights from 3D Shapefiles only weigh on the page
    snapped = shapely.set_precision(shapely.simplify(flat, SIMPLIFY_TOLERANCE, preserve_topology=True), GRID_SIZE)
    # Snapping can leave a valid but empty or lower-dimension result for a very small polygon.
    fallback = shapely.set_precision(flat, GRID_SIZE)
    out = gdf.copy()
    out["geometry"] = [_first_polygonal(s, f) for s, f in zip(snapped, fallback)]
    return out


def _first_polygonal(*candidates: BaseGeometry) -> BaseGeometry | None:
    for geom in candidates:
        polygon, _ = _polygonal(geom)
        if polygon is not None:
            return polygon
    return None


def kecamatan_outlines(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One (multi)polygon per kecamatan, for drawing kecamatan borders over the kelurahan."""
    outlines = gdf.dissolve(by="kode_kecamatan", aggfunc={"nama_kecamatan": "first"}).reset_index()
    return outlines[["kode_kecamatan", "nama_kecamatan", "geometry"]]


def _check_location(gdf: gpd.GeoDataFrame, name: str) -> None:
    minx, miny, maxx, maxy = BALIKPAPAN_BOX
    bounds = gdf.geometry.bounds
    outside = (bounds["minx"] < minx) | (bounds["maxx"] > maxx) | (bounds["miny"] < miny) | (bounds["maxy"] > maxy)
    if outside.any():
        row = gdf[outside].iloc[0]
        b = bounds[outside].iloc[0]
        raise BoundaryError(
            f"{name}: {row['nama_kelurahan']} ({row['kode_kelurahan']}) berada di bujur {b['minx']:.3f}..{b['maxx']:.3f}, "
            f"lintang {b['miny']:.3f}..{b['maxy']:.3f}; diharapkan sekitar bujur 116,7..117,1 dan lintang -1,3..-1,0 "
            "(urutan lintang/bujur tertukar atau CRS salah?).")


# ---------------------------------------------------------------------------------------------
# 5. Installing
# ---------------------------------------------------------------------------------------------


def _geojson_bytes(gdf: gpd.GeoDataFrame) -> bytes:
    return gdf.to_json(drop_id=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def install(src: str | Path | None, geo_dir: Path | None = None, *, sha256: str | None = None,
            timeout: float = 20.0, require_all: bool = False) -> InstallReport:
    """Install boundaries from ``src`` (default: the pinned public file) into ``geo_dir``.

    Kelurahan without a feature are reported in ``match.missing`` and installed without a shape
    (the map shows them as absent) unless ``require_all``; no match at all is an error. Nothing
    is written unless every step succeeded.
    """
    started = time.monotonic()
    geo_dir = Path(geo_dir) if geo_dir is not None else config.geo_dir()
    if src is None or str(src) == PINNED_URL:
        src, sha256 = PINNED_URL, sha256 or PINNED_SHA256
    raw, source = read_source(src, timeout=timeout, sha256=sha256)
    matched, report = match_kelurahan(raw, name=source.name)
    _check_location(matched, source.name)
    if require_all and report.missing:
        missing = ", ".join(report.label(k) for k in report.missing)
        raise BoundaryError(f"{source.name}: {len(report.missing)} kelurahan tanpa batas ({missing}); "
                            "diharapkan lengkap 34 kelurahan (--wajib-lengkap). Tidak ada yang dipasang.")
    web = web_copy(matched)
    data = _geojson_bytes(web)
    _verify_readable(data, len(web), source.name)
    info = _metadata(source, report, web, vertex_count(matched), data)
    geojson_path, info_path = geo_dir / GEOJSON_NAME, geo_dir / INFO_NAME
    _write_install(geo_dir, data, json.dumps(info, ensure_ascii=False, indent=2).encode("utf-8"))
    return InstallReport(geojson_path, info_path, source, report, len(web), vertex_count(matched),
                         vertex_count(web), len(data), time.monotonic() - started)


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


def _write_install(geo_dir: Path, geojson: bytes, info: bytes) -> None:
    # GeoJSON first: if the process dies between the two writes, the map still works and only
    # the metadata is one install behind.
    for filename, data in ((GEOJSON_NAME, geojson), (INFO_NAME, info)):
        _keep_previous(geo_dir / filename)
        write_bytes_atomic(geo_dir / filename, data)
    (geo_dir / FAILED_MARKER).unlink(missing_ok=True)


def _keep_previous(path: Path) -> None:
    if path.exists():
        backup = path.parent / PREVIOUS_DIR / path.name
        backup.parent.mkdir(exist_ok=True)
        shutil.copy2(path, backup)


# ---------------------------------------------------------------------------------------------
# 6. Reading the installed copy
# ---------------------------------------------------------------------------------------------


def load_installed(geo_dir: Path | None = None) -> gpd.GeoDataFrame | None:
    """The installed web copy, ``None`` when nothing is installed; BoundaryError when it is broken."""
    path = (Path(geo_dir) if geo_dir is not None else config.geo_dir()) / GEOJSON_NAME
    if not path.exists():
        return None
    try:
        gdf = gpd.read_file(path, engine="pyogrio")
    except _READ_ERRORS as exc:
        raise BoundaryError(f"{path}: batas terpasang rusak ({exc}); pasang ulang dengan {INSTALL_HINT}.") from exc
    missing = [c for c in OUTPUT_COLUMNS if c not in gdf.columns]
    if missing or gdf.empty:
        what = f"kolom {', '.join(missing)} tidak ada" if missing else "tidak ada fitur"
        raise BoundaryError(f"{path}: batas terpasang rusak ({what}); pasang ulang dengan {INSTALL_HINT}.")
    return gdf[list(OUTPUT_COLUMNS)]


def installed_info(geo_dir: Path | None = None) -> dict | None:
    """The metadata written by :func:`install`, ``None`` when absent; BoundaryError when unreadable."""
    path = (Path(geo_dir) if geo_dir is not None else config.geo_dir()) / INFO_NAME
    if not path.exists():
        return None
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, OSError) as exc:
        raise BoundaryError(f"{path}: keterangan batas terpasang rusak ({exc}); pasang ulang dengan {INSTALL_HINT}.") from exc
    if not isinstance(info, dict):
        raise BoundaryError(f"{path}: keterangan batas terpasang rusak (bukan objek JSON).")
    return info


# ---------------------------------------------------------------------------------------------
# 7. First start: one automatic download
# ---------------------------------------------------------------------------------------------

# Streamlit runs sessions in threads; the lock makes two first visitors share one attempt.
_ATTEMPT_LOCK = threading.Lock()
_LAST_ATTEMPT: InstallStatus | None = None


def ensure_installed(geo_dir: Path | None = None, timeout: float = 3.0) -> InstallStatus:
    """Make sure boundaries are installed, downloading the pinned file at most once. Never raises.

    Retries are limited twice: once per process (module flag), and after a failure a marker
    ``geo/.unduh_gagal`` holding the failure time stops restarts within :data:`RETRY_AFTER` from
    trying again, so an offline machine does not wait ``timeout`` seconds on every start.
    A manual ``python -m kla geo install`` always works and clears the marker.
    """
    global _LAST_ATTEMPT
    geo_dir = Path(geo_dir) if geo_dir is not None else config.geo_dir()
    with _ATTEMPT_LOCK:
        if (geo_dir / GEOJSON_NAME).exists():
            return _installed_status(geo_dir)
        if _LAST_ATTEMPT is not None:
            return _LAST_ATTEMPT
        failed_at = _recent_failure(geo_dir)
        if failed_at is not None:
            _LAST_ATTEMPT = _status("ditunda", waktu=_clock(failed_at), lagi=_clock(failed_at + RETRY_AFTER))
        else:
            _LAST_ATTEMPT = _try_download(geo_dir, timeout)
        return _LAST_ATTEMPT


def _installed_status(geo_dir: Path) -> InstallStatus:
    try:
        info = installed_info(geo_dir) or {}
    except BoundaryError:
        info = {}
    return _status("terpasang", jumlah=str(info.get("features", "?")), sumber=str(info.get("source", GEOJSON_NAME)))


def _try_download(geo_dir: Path, timeout: float) -> InstallStatus:
    try:
        report = install(None, geo_dir, timeout=timeout)
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


# ---------------------------------------------------------------------------------------------
# 8. Text for people
# ---------------------------------------------------------------------------------------------


def report_lines(report: InstallReport) -> list[str]:
    """An Indonesian summary of an install, one line each, for the CLI or a page."""
    m, src = report.match, report.source
    lines = [f"Sumber: {src.label} ({FORMAT_NAMES[src.format]}{', lapisan ' + src.layer if src.layer else ''}, "
             f"{src.size_bytes / 1024:.0f} KB, sha256 {src.sha256}).",
             f"Cocok: {report.features} dari {report.features + len(m.missing)} kelurahan, kolom '{m.column}' "
             f"({m.count_by('kode')} lewat kode, {m.count_by('nama')} lewat nama, {m.count_by('alias')} lewat ejaan lain)."]
    lines += [f"  - fitur {f.baris}: {f.pesan}" for f in m.matched if f.cara != "kode"]
    if m.repaired:
        lines.append(f"Diperbaiki: {m.repaired} geometri tidak sah (make_valid).")
    if m.dissolved:
        lines.append("Digabung (beberapa fitur untuk satu kelurahan): " + ", ".join(m.label(k) for k in m.dissolved) + ".")
    if m.unmatched:
        lines.append(f"Tidak cocok ({len(m.unmatched)} fitur, tidak dipasang):")
        lines += [f"  - fitur {u.baris}: {u.pesan}" for u in m.unmatched]
    lines.append(f"Titik sudut: {format_number(report.vertices_raw)} di sumber, "
                 f"{format_number(report.vertices)} di salinan web.")
    lines.append(f"Atribusi: {src.attribution}")
    return lines


def missing_line(report: InstallReport) -> str | None:
    if not report.match.missing:
        return None
    labels = ", ".join(report.match.label(k) for k in report.match.missing)
    return (f"Peringatan: {len(report.match.missing)} kelurahan tanpa batas: {labels}. "
            "Peta menampilkannya sebagai kosong.")
