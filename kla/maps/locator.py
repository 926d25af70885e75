"""The profile page's locator: a small still map of the city with one kelurahan marked."""

from __future__ import annotations

import folium
import geopandas as gpd
import shapely

from kla.maps.leaflet import (
    BORDER,
    DEFAULT_ASSET_BASE,
    FOCUS_CLASS,
    KELURAHAN_CLASS,
    LOCATOR_GRID,
    LOCATOR_TOLERANCE,
    Fit,
    base_map,
    bounds_of,
    feature_collection,
    to_lonlat,
)


def locator_map(boundaries: gpd.GeoDataFrame, code: str, *, asset_base: str = DEFAULT_ASSET_BASE) -> folium.Map:
    """A small still map: the city in grey, kelurahan ``code`` in the theme blue (no zoom, no dragging)."""
    shapes = to_lonlat(boundaries)
    # A ~300 px map of a city 0.3 degree wide: one pixel is about 0.001 degree, so half a pixel of
    # simplification and a 0.0001 degree grid are invisible and cut the payload by about two thirds.
    small = shapely.set_precision(shapely.simplify(shapes.geometry.values, LOCATOR_TOLERANCE, preserve_topology=True),
                                  LOCATOR_GRID)
    shapes = gpd.GeoDataFrame({"kode": shapes["kode_kelurahan"].astype(str)}, geometry=small, crs=shapes.crs)
    m = base_map(shapes, tiles=False, asset_base=asset_base, zoom_control=False, dragging=False,
                  scroll_wheel_zoom=False, double_click_zoom=False, touch_zoom=False, box_zoom=False,
                  keyboard=False, attribution_control=False)

    def style(feature: dict) -> dict:
        own = feature["properties"]["kode"] == code
        return {"fillColor": "#1F5FA8" if own else "#C9CED6", "fillOpacity": 0.95 if own else 0.8,
                "color": "#1F5FA8" if own else BORDER, "weight": 2 if own else 0.8,
                "className": FOCUS_CLASS if own else KELURAHAN_CLASS}

    folium.GeoJson(feature_collection(shapes, ["kode"]), name="kota", control=False, interactive=False,
                   style_function=style).add_to(m)
    own = shapes[shapes["kode"] == code]
    if len(own):  # the marked one drawn last, so its border is not hidden under its neighbours'
        folium.GeoJson(feature_collection(own, ["kode"]), name="terpilih", control=False, interactive=False,
                       style_function=style).add_to(m)
    Fit(bounds_of(shapes), padding=4).add_to(m)
    return m
