"""The ``wilayah_boundaries`` SQL file of github.com/cahyadsn/wilayah_boundaries, read as polygons."""

from __future__ import annotations

import json
import re

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from kla.boundaries.model import BoundaryError

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
            raise BoundaryError(f"{name}: kolom INSERT ({', '.join(found)}), "
                                f"diharapkan ({', '.join(_EXPECTED_SQL_COLUMNS)}).")
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
    if depth not in (3, 4) or not isinstance(path, list):  # depth 3 or 4 is a list: mypy needs telling
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
