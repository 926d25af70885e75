"""Geometry of the press map: outlines as plotly traces, the city's edge, equal distances, the dense centre.

Everything here is computed at run time from the installed boundaries; nothing derived from
them is stored.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import geopandas as gpd
import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from kla import tilemap

BORDER = "#FFFFFF"
# Two neighbours in the palest class (#FFFFCC, 1.03:1 against white) were only told apart by a
# white line that vanished in print; fills this close to white get a light grey border instead.
BORDER_PALE, PALE_CONTRAST = "#B4B4B4", 1.2
KM_PER_DEGREE = 111.32  # of latitude; a degree of longitude is cos(latitude) of it

# The dense centre, drawn again enlarged beside the city: the kelurahan under INSET_MAX_KM2
# (Balikpapan: the 23 of the old town, 0.6 to 4.3 km², against 5 to 187 km² for the rest), in
# the box around them with INSET_PAD of its larger side to spare. No inset when fewer than
# INSET_MIN_MEMBERS are that small, or when their box is more than INSET_MAX_SIDE of the city's
# width or height: enlarged beside the city it would not be much larger, or far too long.
INSET_MAX_KM2 = 4.5
INSET_PAD = 0.03
INSET_MIN_MEMBERS = 3
INSET_MAX_SIDE = 0.5


def polygons(geom: BaseGeometry | None) -> list[Polygon]:
    """The polygons of a geometry: itself, a MultiPolygon's parts, a collection's polygonal parts."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    if hasattr(geom, "geoms"):  # a GeometryCollection from a repair or a clip: keep its polygonal parts
        return [p for g in geom.geoms for p in polygons(g)]
    return []


def polygon_xy(geom: BaseGeometry | None) -> tuple[list[float | None], list[float | None]]:
    """Outline of every part and hole, rings separated by ``None`` (plotly starts a new piece there).

    Outer rings counter-clockwise and holes clockwise: plotly fills ``toself`` pieces as one SVG
    path with the non-zero rule, so a hole wound the other way stays empty.
    """
    xs: list[float | None] = []
    ys: list[float | None] = []
    for part in polygons(geom):
        part = orient(part, sign=1.0)
        for ring in (part.exterior, *part.interiors):
            if xs:
                xs.append(None)
                ys.append(None)
            coords = list(ring.coords)
            xs += [round(x, 6) for x, _ in coords]
            ys += [round(y, 6) for _, y in coords]
    return xs, ys


def line_xy(geom: BaseGeometry | None) -> tuple[list[float | None], list[float | None]]:
    """Every line of a (multi)line string or collection, separated by ``None``."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    if geom is None or geom.is_empty:
        return xs, ys
    lines = [geom] if isinstance(geom, LineString) else [g for g in getattr(geom, "geoms", [])
                                                         if isinstance(g, LineString)]
    for line in lines:
        if xs:
            xs.append(None)
            ys.append(None)
        xs += [round(x, 6) for x, _ in line.coords]
        ys += [round(y, 6) for _, y in line.coords]
    return xs, ys


def city_edge(shapes: gpd.GeoSeries) -> BaseGeometry:
    """Outer rings of the union: the coast and the city limit, without the slivers between kelurahan."""
    union = shapely.union_all([g for g in shapes if g is not None and not g.is_empty])
    return shapely.MultiLineString([p.exterior for p in polygons(union)])


def border_colour(fill: str) -> str:
    """White between kelurahan, light grey around fills too pale for a white line to show."""
    return BORDER_PALE if tilemap._contrast(fill, BORDER) < PALE_CONTRAST else BORDER


def scale_ratio(mean_latitude: float) -> float:
    """Pixels per degree of latitude over pixels per degree of longitude for an undistorted map."""
    return 1 / math.cos(math.radians(mean_latitude))


def area_km2(geom: BaseGeometry | None, latitude: float) -> float:
    """Area of a lon/lat geometry in km² (near ``latitude``: good to a fraction of a percent in a city)."""
    if geom is None or geom.is_empty:
        return 0.0
    return geom.area * KM_PER_DEGREE ** 2 * math.cos(math.radians(latitude))


def dense_centre(codes: Iterable[str], geoms: Iterable[BaseGeometry | None]
                 ) -> tuple[list[str], tuple[float, float, float, float]] | None:
    """The kelurahan drawn again in the inset (in the given order) and the inset's box, or ``None``.

    See :data:`INSET_MAX_KM2`. The box is in degrees: ``(west, south, east, north)``.
    """
    pairs = [(str(c), g) for c, g in zip(codes, geoms) if g is not None and not g.is_empty]
    if not pairs:
        return None
    west, south, east, north = shapely.total_bounds([g for _, g in pairs])
    latitude = (south + north) / 2
    members = [(c, g) for c, g in pairs if area_km2(g, latitude) < INSET_MAX_KM2]
    if len(members) < INSET_MIN_MEMBERS:
        return None
    x0, y0, x1, y1 = shapely.total_bounds([g for _, g in members])
    pad = INSET_PAD * max(x1 - x0, y1 - y0)
    box = (x0 - pad, y0 - pad, x1 + pad, y1 + pad)
    if box[2] - box[0] > INSET_MAX_SIDE * (east - west) or box[3] - box[1] > INSET_MAX_SIDE * (north - south):
        return None
    x0, y0, x1, y1 = (round(float(v), 6) for v in box)
    return [c for c, _ in members], (x0, y0, x1, y1)
