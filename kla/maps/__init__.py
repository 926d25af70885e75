"""Kelurahan maps drawn with folium (Leaflet), complete without the internet.

Two maps, both plain functions returning a ``folium.Map`` (no Streamlit here):

- :func:`choropleth` (:mod:`kla.maps.choropleth`): the kelurahan coloured by one metric and year,
  kecamatan borders on top, a tooltip and a popup per kelurahan, an HTML legend, optionally the
  initiatives as points (:mod:`kla.maps.points`) and one kelurahan in focus.
- :func:`locator_map` (:mod:`kla.maps.locator`): a small still map of the city with one kelurahan
  marked (profile page).

Both are drawn in the offline Leaflet frame of :mod:`kla.maps.leaflet`: local Leaflet files only,
nothing from a CDN, no basemap by default. Every text from data (kelurahan, initiative and
partner names) is HTML-escaped before it reaches a tooltip, a popup or the legend.
"""

from kla.maps.choropleth import (
    _ProfilePopup,
    choropleth,
    feature_table,
    kecamatan_borders,
    legend_html,
    short_metric_label,
)
from kla.maps.leaflet import (
    DEFAULT_ASSET_BASE,
    FEATURE_PROPERTIES,
    FOCUS_CLASS,
    INITIATIVE_CLASS,
    KECAMATAN_CLASS,
    KELURAHAN_CLASS,
    PROFILE_PATH,
    PROFILE_REQUEST,
    Fit,
    Legend,
    to_lonlat,
    use_local_leaflet,
)
from kla.maps.locator import locator_map
from kla.maps.points import initiative_points, room_zoom

__all__ = [
    "DEFAULT_ASSET_BASE", "FEATURE_PROPERTIES", "FOCUS_CLASS", "INITIATIVE_CLASS", "KECAMATAN_CLASS",
    "KELURAHAN_CLASS", "PROFILE_PATH", "PROFILE_REQUEST", "Fit", "Legend", "_ProfilePopup", "choropleth",
    "feature_table", "initiative_points", "kecamatan_borders", "legend_html", "locator_map", "room_zoom",
    "short_metric_label", "to_lonlat", "use_local_leaflet",
]
