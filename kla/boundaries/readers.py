"""Format readers: a source's bytes as a GeoDataFrame, the format sniffed from the content."""

from __future__ import annotations

import hashlib
import io
import re
import tempfile
import zipfile
from pathlib import Path

import geopandas as gpd
import pyogrio

from kla.boundaries import download
from kla.boundaries.model import BoundaryError, Format, SourceInfo
from kla.boundaries.wilayah_sql import parse_wilayah_sql

_SQL_INSERT = re.compile(rb"INSERT\s+INTO\s+`?wilayah_boundaries`?", re.IGNORECASE)
_SUFFIX_FORMATS: dict[str, Format] = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg",
                                      ".zip": "zip", ".sql": "sql", ".shp": "shp"}


def read_source(src: str | Path, *, timeout: float = 20.0,
                sha256: str | None = None) -> tuple[gpd.GeoDataFrame, SourceInfo]:
    """Read a boundary file from a path or an http(s) URL, as found (no reprojection, no matching)."""
    text = str(src)
    is_url = isinstance(src, str) and bool(download.URL_LIKE.match(text))
    expected = download.valid_sha256(sha256)  # checked before a download, not after
    data, name = ((download.fetch(text, timeout), download.url_name(text)) if is_url
                  else (download.read_path(Path(src)), Path(src).name))
    digest = hashlib.sha256(data).hexdigest()
    download.check_sha256(name, digest, expected)
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
    if digest == download.PINNED_SHA256 or (fmt == "sql" and b"cahya" in data[:4096].lower()):
        return download.PINNED_ATTRIBUTION
    return f"Batas kelurahan: {label}"


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
READ_ERRORS = (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, ValueError, OSError)


def _read_vector(open_source, name: str, what: str, layer: str | None = None) -> gpd.GeoDataFrame:
    """Read one layer with pyogrio; GDAL's errors become a BoundaryError naming the file."""
    try:
        return gpd.read_file(open_source(), layer=layer, engine="pyogrio")
    except READ_ERRORS as exc:
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
    if sum(info.file_size for info in members) > 4 * download.MAX_BYTES:  # guards against zip bombs
        raise BoundaryError(f"{name}: {shp} terlalu besar setelah diekstrak (lebih dari {4 * download.MAX_BYTES:,} bita).")
    folder.mkdir(parents=True)
    for info in members:  # written by base name only, so a "../" member cannot escape the folder
        (folder / Path(info.filename).name).write_bytes(archive.read(info))
    return _read_vector(lambda: str(folder / Path(shp).name), f"{name}:{shp}", "Shapefile")
