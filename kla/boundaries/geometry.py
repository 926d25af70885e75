"""Geometry of the installed copy: polygonal parts, the simplified web copy, kecamatan outlines."""

from __future__ import annotations

import geopandas as gpd
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

# Measured on the 34 kelurahan (stack-recipes.md section 6): 3,948 -> about 2,600 vertices, no
# visible change at city zoom; 1e-5 degree is about 1 m, finer than the source's own accuracy.
SIMPLIFY_TOLERANCE = 0.0002
GRID_SIZE = 1e-5


def vertex_count(gdf: gpd.GeoDataFrame) -> int:
    return int(shapely.get_num_coordinates(gdf.geometry.values).sum())


def polygonal(geom: BaseGeometry | None) -> tuple[BaseGeometry | None, bool]:
    """The polygonal part of a geometry, made valid; also whether it had to be repaired."""
    if geom is None or geom.is_empty:
        return None, False
    repaired = not geom.is_valid
    if repaired:
        geom = shapely.make_valid(geom, method="structure", keep_collapsed=False)
    if geom.is_empty:  # a ring of collinear points repairs to an empty polygon
        return None, repaired
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom, repaired
    # A collection (from make_valid, or a file's GeometryCollection): keep its polygons only.
    parts = [p for p in _parts(geom) if isinstance(p, Polygon) and not p.is_empty]
    if not parts:
        return None, repaired
    return (parts[0] if len(parts) == 1 else shapely.union_all(parts)), repaired


def _parts(geom: BaseGeometry) -> list[BaseGeometry]:
    """Single parts at any depth: collections may nest (Shapely 2.2's get_parts has no ``recursive``)."""
    parts, pending = [], [geom]
    while pending:
        current = pending.pop()
        if hasattr(current, "geoms"):
            pending.extend(current.geoms)
        else:
            parts.append(current)
    return parts


def web_copy(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Simplified (0.0002°) and snapped to a 1e-5° grid; a kelurahan that would vanish keeps its shape."""
    flat = shapely.force_2d(gdf.geometry.values)  # heights from 3D Shapefiles only weigh on the page
    out = gdf.copy()
    out["geometry"] = [_web_shape(geom) for geom in flat]
    return out


def _web_shape(geom: BaseGeometry) -> BaseGeometry | None:
    """The first of: simplified and snapped, only snapped, as it is, that is still a polygon.

    Snapping can leave a valid but empty or lower-dimension result for a very small polygon, and
    GEOS can refuse to snap a repaired shape at all ("side location conflict"); each case falls
    through to the next candidate instead of failing the install.
    """
    candidates = (lambda: shapely.set_precision(shapely.simplify(geom, SIMPLIFY_TOLERANCE, preserve_topology=True),
                                                GRID_SIZE),
                  lambda: shapely.set_precision(geom, GRID_SIZE),
                  lambda: geom)
    for candidate in candidates:
        try:
            polygon, _ = polygonal(candidate())
        except shapely.errors.GEOSException:
            continue
        if polygon is not None:
            return polygon
    return None


def kecamatan_outlines(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One (multi)polygon per kecamatan, for drawing kecamatan borders over the kelurahan."""
    outlines = gdf.dissolve(by="kode_kecamatan", aggfunc={"nama_kecamatan": "first"}).reset_index()
    return outlines[["kode_kecamatan", "nama_kecamatan", "geometry"]]
