"""The profile page's locator map (kla/maps/locator.py)."""

from __future__ import annotations

import folium
import pytest

from kla import maps
from tests.maps_fixtures import (  # noqa: F401 (fixtures are found by name)
    MANGGAR,
    SEPINGGAN,
    child,
    features,
    flat,
    layer,
    sample_fixture,
    shapes_fixture,
    values_fixture,
)


def test_locator_map_marks_one_kelurahan_on_a_still_map(shapes, values):
    m = maps.locator_map(shapes, SEPINGGAN)
    city, own = layer(m, "kota"), layer(m, "terpilih")
    assert len(city.data["features"]) == 34
    assert [f["properties"]["kode"] for f in own.data["features"]] == [SEPINGGAN]
    grey = city.style_function({"properties": {"kode": MANGGAR}})["fillColor"]
    marked = own.style_function({"properties": {"kode": SEPINGGAN}})["fillColor"]
    assert grey != marked
    for option in ("zoom_control", "dragging", "scroll_wheel_zoom", "double_click_zoom", "touch_zoom", "box_zoom"):
        assert m.options[option] is False, option
    assert '"zoomControl": false' in m.get_root().render()
    assert city.options.get("interactive") is False
    minx, miny, maxx, maxy = shapes.total_bounds
    assert flat(child(m, maps.Fit).bounds) == pytest.approx([miny, minx, maxy, maxx], abs=1e-3)  # simplified shapes
    assert len(m.get_root().render().encode()) < 0.5 * len(maps.choropleth(shapes, values).get_root().render().encode())


def test_locator_map_with_an_unknown_code_shows_the_city(shapes):
    m = maps.locator_map(shapes, "64.71.99.9999")
    assert not any(isinstance(c, folium.GeoJson) and c.layer_name == "terpilih" for c in m._children.values())
