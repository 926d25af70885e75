"""kla/staticmap/geometry.py: outlines for plotly, equal distances and the dense centre drawn in the inset."""

from __future__ import annotations

import math

import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon

from kla import staticmap
from kla.staticmap import geometry
from tests.staticmap_fixtures import (  # noqa: F401
    geo_fixture,
    shapes_fixture,
)


def rings(xs: list, ys: list) -> list[list[tuple[float, float]]]:
    """Pieces of a plotly outline, split where it has None."""
    out: list[list[tuple[float, float]]] = [[]]
    for x, y in zip(xs, ys):
        if x is None:
            out.append([])
        else:
            out[-1].append((x, y))
    return out


def signed_area(ring: list[tuple[float, float]]) -> float:
    """Shoelace: positive for counter-clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1])) / 2


def test_polygon_xy_winds_outer_rings_counter_clockwise_and_holes_clockwise():
    # Given the other way round: outer ring clockwise, hole counter-clockwise.
    square = Polygon([(0, 0), (0, 10), (10, 10), (10, 0)], [[(3, 3), (6, 3), (6, 6), (3, 6)]])
    island = Polygon([(20, 0), (20, 2), (22, 2), (22, 0)])
    xs, ys = staticmap.polygon_xy(MultiPolygon([square, island]))
    pieces = rings(xs, ys)
    assert len(pieces) == 3  # outer, hole, island
    assert [signed_area(p) for p in pieces] == [100.0, -9.0, 4.0]
    assert all(p[0] == p[-1] for p in pieces)  # closed rings
    assert staticmap.polygon_xy(None) == ([], [])


def test_scale_ratio_is_one_over_cos_latitude():
    assert staticmap.scale_ratio(0) == pytest.approx(1.0)
    assert staticmap.scale_ratio(60) == pytest.approx(2.0)  # cos 60° = 1/2
    assert staticmap.scale_ratio(-60) == pytest.approx(2.0)


def test_dense_centre_is_the_old_town_and_its_box(shapes):
    """The kelurahan under 4.5 km² (areas from a metric projection, UTM 50S), in a box around them all."""
    km2 = dict(zip(shapes["kode_kelurahan"], shapes.to_crs(32750).area / 1e6))
    expected = {code for code, area in km2.items() if area < 4.5}
    assert len(expected) == 23  # Balikpapan: 0.6 to 4.3 km² in the old town, 5 km² and more elsewhere
    members, box = staticmap.dense_centre(shapes["kode_kelurahan"], shapes.geometry)
    assert set(members) == expected
    frame = shapely.box(*box)
    by_code = dict(zip(shapes["kode_kelurahan"], shapes.geometry))
    assert all(frame.contains(by_code[code]) for code in members)
    west, south, east, north = shapes.total_bounds
    assert box[2] - box[0] < 0.5 * (east - west) and box[3] - box[1] < 0.5 * (north - south)  # worth enlarging
    assert not any(frame.contains(by_code[code]) for code in km2 if km2[code] > 10)


def test_no_inset_without_a_dense_centre():
    big = [shapely.box(i, 0, i + 0.5, 0.5) for i in range(4)]  # 0.25 square degrees: thousands of km²
    assert staticmap.dense_centre(["a", "b", "c", "d"], big) is None
    small = [shapely.box(i * 0.01, 0, i * 0.01 + 0.01, 0.01) for i in range(2)]  # two of about 1.2 km²
    assert staticmap.dense_centre(["a", "b", "c", "d", "e", "f"], big + small) is None  # fewer than three
    spread = [shapely.box(x, 0, x + 0.01, 0.01) for x in (0.0, 1.0, 2.0)]  # small, but across the whole city
    assert staticmap.dense_centre(["a", "b", "c", "d", "e", "f", "g"], big + spread) is None


def test_area_in_km2_near_the_equator():
    one_km = 1 / geometry.KM_PER_DEGREE
    assert geometry.area_km2(shapely.box(0, 0, one_km, one_km), 0.0) == pytest.approx(1.0)
    assert geometry.area_km2(shapely.box(0, 0, one_km, one_km), 60.0) == pytest.approx(math.cos(math.radians(60)))
    assert geometry.area_km2(None, 0.0) == 0.0
