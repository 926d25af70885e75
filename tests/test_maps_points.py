"""Initiatives on the folium map (kla/maps/points.py)."""

from __future__ import annotations

import folium
import pandas as pd
from shapely.geometry import Point

from kla import maps
from tests.maps_fixtures import (  # noqa: F401 (fixtures are found by name)
    child,
    features,
    layer,
    sample_fixture,
    shapes_fixture,
    values_fixture,
)


def test_initiative_markers_one_per_kelurahan_without_coordinates(shapes, values, sample):
    initiatives = sample.inisiatif
    assert initiatives["lat"].isna().all()  # the sample records no coordinates
    m = maps.choropleth(shapes, values, initiatives=initiatives)
    points = features(m, "inisiatif")
    assert len(points) == initiatives["kode_kelurahan"].nunique()
    assert sum(p["properties"]["n"] for p in points) == len(initiatives)
    polygons = dict(zip(shapes["kode_kelurahan"], shapes.geometry))
    for p in points:
        kode = p["properties"]["kode"].removeprefix("kel:")
        assert polygons[kode].contains(Point(p["geometry"]["coordinates"]))  # always inside, never a centroid outside
    assert "Inisiatif" in child(m, maps.Legend).html


def test_initiatives_with_coordinates_get_their_own_marker(shapes, values, sample):
    initiatives = sample.inisiatif.head(6).copy()
    initiatives.loc[initiatives.index[:2], ["lat", "lon"]] = [[-1.25, 116.88], [-1.26, 116.89]]
    points = maps.initiative_points(shapes, initiatives)["features"]
    own = [p for p in points if p["properties"]["kode"].startswith("ini:")]
    assert sorted(p["geometry"]["coordinates"] for p in own) == [[116.88, -1.25], [116.89, -1.26]]
    assert sum(p["properties"]["n"] for p in points) == 6
    assert "perkiraan" not in own[0]["properties"]["isi"]
    assert all("perkiraan" in p["properties"]["isi"] for p in points if p not in own)


def test_initiatives_without_lat_lon_columns_or_a_shape(shapes, values, sample):
    initiatives = sample.inisiatif.drop(columns=["lat", "lon"]).head(4)
    assert len(maps.initiative_points(shapes, initiatives)["features"]) == initiatives["kode_kelurahan"].nunique()
    orphan = pd.DataFrame([{"id": "X", "nama": "Tanpa peta", "kode_kelurahan": "64.71.99.9999"}])
    assert maps.initiative_points(shapes, orphan)["features"] == []
    m = maps.choropleth(shapes, values, initiatives=orphan)
    assert not any(isinstance(c, folium.GeoJson) and c.layer_name == "inisiatif" for c in m._children.values())
    assert "Inisiatif" not in child(m, maps.Legend).html  # no symbol for a layer that draws nothing
