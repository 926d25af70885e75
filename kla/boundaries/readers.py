"""Format readers: a source's bytes as a GeoDataFrame, the format sniffed from the content."""

from __future__ import annotations

import hashlib
import io
import re
import tempfile
import warnings
from pathlib import Path

import geopandas as gpd
import pyogrio
import pyogrio.raw
import shapely

from kla.boundaries import download, zipped
from kla.boundaries.model import BoundaryError, Format, SourceInfo
from kla.boundaries.wilayah_sql import parse_wilayah_sql

_SQL_INSERT = re.compile(rb"INSERT\s+INTO\s+`?wilayah_boundaries`?", re.IGNORECASE)
_SUFFIX_FORMATS: dict[str, Format] = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg",
                                      ".zip": "zip", ".sql": "sql", ".shp": "shp"}


def read_source(src: str | Path, *, timeout: float = download.DEFAULT_TIMEOUT,
                sha256: str | None = None) -> tuple[gpd.GeoDataFrame, SourceInfo]:
    """Read a boundary file from a path or an http(s) URL, as found (no reprojection, no matching)."""
    text = str(src)
    is_url = isinstance(src, str) and download.is_url(text)
    expected = download.valid_sha256(sha256)  # checked before a download, not after
    data, name = ((download.fetch(text, timeout), download.url_name(text)) if is_url
                  else (download.read_path(Path(src)), Path(src).name))
    digest = hashlib.sha256(data).hexdigest()
    download.check_sha256(name, digest, expected)
    fmt = _sniff_format(data, name)
    if fmt == "shp":  # a bare .shp needs its .dbf/.prj beside it, so GDAL reads it from disk
        if is_url:
            raise BoundaryError(f"{name}: Shapefile .shp lewat URL tidak dapat dibaca tanpa .dbf dan .prj-nya; "
                                "diharapkan semua bagiannya dalam satu .zip.")
        gdf, layer = _read_vector(lambda: str(Path(src)), name, "Shapefile"), None
    else:
        gdf, layer = _read_bytes(data, name, fmt)
    info = SourceInfo(name=name, url=text if is_url else None, sha256=digest, format=fmt,
                      size_bytes=len(data), layer=layer,
                      attribution=_attribution(data, digest, fmt, text if is_url else name))
    return gdf, info


def _read_bytes(data: bytes, name: str, fmt: Format) -> tuple[gpd.GeoDataFrame, str | None]:
    if fmt == "sql":
        return parse_wilayah_sql(_decode(data, name), name), None
    if fmt == "geojson":
        return _read_vector(lambda: io.BytesIO(data), name, "GeoJSON"), None
    if fmt == "gpkg":
        return _largest_layer(data, name)
    return _read_zip(data, name)


def _attribution(data: bytes, digest: str, fmt: Format, label: str) -> str:
    """The pinned file, or any SQL file carrying that repository's licence header, is Cahya DSN's.

    Any other file: empty, not its name (a file name is no licence; ``geo install --atribusi``
    records one). ``label`` stays in the signature for the message callers may build.
    """
    if digest == download.PINNED_SHA256 or (fmt == "sql" and b"cahya" in data[:4096].lower()):
        return download.PINNED_ATTRIBUTION
    return ""


def _sniff_format(data: bytes, name: str) -> Format:
    """Content first (URLs often have no suffix), the file suffix only when content says nothing."""
    if not data:
        raise BoundaryError(f"{name}: berkas kosong (0 bita); diharapkan GeoJSON, GeoPackage, Shapefile dalam .zip, "
                            "atau SQL wilayah_boundaries.")
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
READ_ERRORS = (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, ValueError, OSError)


def _read_vector(open_source, name: str, what: str, layer: str | None = None) -> gpd.GeoDataFrame:
    """Read one layer with pyogrio; GDAL's errors become a BoundaryError naming the file.

    A geometry GEOS refuses (an unclosed ring, a ring of one point) fails the whole read in
    Shapely; the feature is then found and named. GDAL's own warning about it is silenced, since
    the message says it better.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            return gpd.read_file(open_source(), layer=layer, engine="pyogrio")
        except READ_ERRORS as exc:
            raise BoundaryError(f"{name}: tidak dapat dibaca sebagai {what} ({exc}).") from exc
        except shapely.errors.GEOSException as exc:
            raise BoundaryError(_broken_geometry(open_source, layer, name, exc)) from exc


def _broken_geometry(open_source, layer: str | None, name: str, exc: Exception) -> str:
    """Which feature holds the geometry that Shapely cannot build, and why, in Indonesian."""
    try:
        _, _, blobs, fields = pyogrio.raw.read(open_source(), layer=layer)
    except READ_ERRORS:  # then the message names no feature
        blobs, fields = [], []
    bad = [i for i, blob in enumerate(blobs)
           if blob is not None and shapely.from_wkb(blob, on_invalid="ignore") is None]
    text = str(exc)
    if "closed" in text:
        why = "cincin poligon tidak tertutup (titik terakhir tidak sama dengan titik pertama)"
    elif "number of points" in text or "point array" in text:
        why = "cincin poligon dengan kurang dari 4 titik"
    else:
        why = f"geometri tidak sah ({text})"
    if not bad:
        return f"{name}: {why}; diharapkan setiap cincin tertutup dengan paling sedikit 4 titik."
    first = bad[0]
    label = f" (“{fields[0][first]}”)" if fields else ""
    more = f"; {len(bad) - 1} fitur lain juga" if len(bad) > 1 else ""
    return (f"{name}: fitur {first + 1}{label}: {why}{more}; diharapkan setiap cincin tertutup (titik terakhir "
            "sama dengan titik pertama) dengan paling sedikit 4 titik.")


def _polygon_layers(source, name: str) -> list[str]:
    try:
        layers = pyogrio.list_layers(source)
    except READ_ERRORS as exc:
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
    """Each Shapefile of the zip (any folder depth), else each GeoJSON, GeoPackage or SQL file in it:
    the one with the most features. Extraction is capped (:mod:`kla.boundaries.zipped`)."""
    with tempfile.TemporaryDirectory(prefix="kla-zip-") as tmp:
        members = zipped.extract(data, name, Path(tmp))
        shps = [m for m in members if m.path.suffix.lower() == ".shp"]
        if shps:
            frames = [(_read_vector(lambda m=m: str(m.path), f"{name}:{m.member}", "Shapefile"), m.member)
                      for m in shps]
        else:
            frames = [(_read_inner(m, name), m.member) for m in members if m.path.suffix.lower() in zipped.SINGLE_FILES]
        if not frames:
            parts = ", ".join(m.member for m in members[:5])
            raise BoundaryError(f"{name}: hanya bagian Shapefile tanpa .shp ({parts}); "
                                "diharapkan .shp bersama .dbf, .shx dan .prj-nya.")
    return max(frames, key=lambda pair: len(pair[0]))


def _read_inner(member: zipped.Extracted, name: str) -> gpd.GeoDataFrame:
    """A GeoJSON, GeoPackage or SQL file zipped on its own; a zip inside the zip is refused."""
    label = f"{name}:{member.member}"
    data = download.read_path(member.path, label)
    fmt = _sniff_format(data, member.member)
    if fmt in ("zip", "shp"):
        raise BoundaryError(f"{label}: zip di dalam zip tidak dibuka; diharapkan berkas batas langsung di dalam zip.")
    return _read_bytes(data, label, fmt)[0]
