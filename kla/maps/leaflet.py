"""The offline Leaflet frame every folium map of the dashboard is drawn in.

Folium's default JavaScript and CSS come from five CDNs, and streamlit-folium shows an empty map
without any error when one of them fails. Each map here lists only the local Leaflet files
(``asset_base``, served by Streamlit's static serving, see :mod:`kla.ui.leaflet`), and uses
nothing that needs jQuery, Bootstrap, awesome-markers or d3: no ``folium.Choropleth``, no branca
legend, no ``folium.Popup`` (its template calls jQuery's ``$``), no ``folium.Marker`` icons. No
basemap by default (``tiles=False``). Here: the shared constants and CSS, the map itself
(:func:`base_map`), fitting the view (:class:`Fit`), the HTML legend control (:class:`Legend`)
and GeoJSON from a table.
"""

from __future__ import annotations

import folium
import geopandas as gpd
from branca.element import MacroElement
from folium.template import Template

# Absolute from the server root: the map runs inside streamlit-folium's component iframe
# (/component/streamlit_folium.st_folium/index.html), where a relative path would miss.
DEFAULT_ASSET_BASE = "/app/static/leaflet"
KELURAHAN_CLASS = "kla-kelurahan"  # on every kelurahan <path>: the browser tests count these
KECAMATAN_CLASS = "kla-kecamatan"
FOCUS_CLASS = "kla-fokus"
INITIATIVE_CLASS = "kla-inisiatif"
BACKGROUND = "#F4F6F8"  # plain light background when there is no basemap
BORDER = "#FFFFFF"
KECAMATAN_BORDER = "#37474F"
FOCUS_BORDER = "#D95F02"  # orange: stands out against the blue-green palette
INITIATIVE_COLOUR = "#D95F02"
CITY_CENTRE = (-1.2, 116.9)  # only the first frame before fitBounds runs
LOCATOR_TOLERANCE = 0.0005  # degrees; see locator_map
PROFILE_PATH = "kelurahan"  # the profile page's URL path (dashboard.py)
PROFILE_REQUEST = "kla-profil"  # what the popup's link reports to the page (see _ProfilePopup)
# An initiative point appears once its kelurahan is this wide on screen (side of a square of the
# same area): a marker is at most INITIATIVE_MAX_RADIUS * 2 px, under a fifth of that square.
INITIATIVE_ROOM_PX = 48
INITIATIVE_MAX_RADIUS = 10
LOCATOR_GRID = 1e-4

# The properties every kelurahan feature carries (and nothing more, to keep the page small).
# "kelas" is the class written out ("4 · Utama (801–900)"): the fill colour is never the only carrier.
FEATURE_PROPERTIES = ("kode", "nama", "kecamatan", "nilai", "kelas", "peringkat", "peringkat_kecamatan")

# Compact JSON in the maps' scripts (folium's templates share one Jinja environment): the
# default ", " and ": " separators cost about 10% of the payload and buy nothing.
Template("").environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}

_MAP_CSS = f"""
.leaflet-container {{ background: {BACKGROUND}; \
font-family: "Source Sans Pro", "Segoe UI", Roboto, Arial, sans-serif; }}
.kla-legend {{ background: rgba(255,255,255,.94); padding: 6px 8px; border-radius: 4px; line-height: 1.35;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); font-size: 12.5px; color: #1a1a1a; max-width: 190px; }}
.kla-legend .judul {{ font-weight: 600; margin-bottom: 2px; }}
.kla-legend .satuan {{ color: #444; margin-bottom: 3px; }}
.kla-legend .catatan {{ color: #444; font-size: 11px; white-space: normal; }}
.kla-legend .baris {{ display: flex; align-items: center; gap: 6px; white-space: nowrap; }}
.kla-legend .kotak {{ display: inline-block; width: 16px; height: 12px; border: 1px solid #888; flex: none; }}
.kla-legend .titik {{ display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin: 0 3px;
  background: {INITIATIVE_COLOUR}; border: 1.5px solid #fff; box-shadow: 0 0 0 1px {INITIATIVE_COLOUR}; flex: none; }}
.kla-tooltip {{ font-size: 13px; color: #1a1a1a; white-space: nowrap; }}
.kla-tooltip table {{ border-collapse: collapse; }}
.kla-tooltip th {{ text-align: left; font-weight: 400; color: #555; padding: 1px 10px 1px 0; }}
.kla-tooltip td {{ font-weight: 600; padding: 1px 0; }}
.kla-popup {{ max-height: 220px; overflow-y: auto; font-size: 13px; line-height: 1.35; }}
.kla-popup .catatan {{ color: #555; font-size: 12px; }}
.kla-kelurahan-popup {{ font-size: 14px; line-height: 1.4; color: #1a1a1a; }}
.kla-kelurahan-popup .nama {{ font-weight: 700; font-size: 15px; }}
.kla-kelurahan-popup .kecamatan {{ color: #555; }}
.kla-kelurahan-popup .nilai, .kla-kelurahan-popup .peringkat {{ margin-top: 2px; }}
.kla-kelurahan-popup a.kla-profil {{ display: inline-block; margin-top: 8px; padding: 8px 12px; border-radius: 6px;
  background: #1F5FA8; color: #fff; font-weight: 600; text-decoration: none; }}
.kla-kelurahan-popup a.kla-profil:focus {{ outline: 3px solid {FOCUS_BORDER}; }}
.kla-popup-terbuka .kla-tooltip {{ display: none; }}
@media (hover: none) {{ .kla-tooltip {{ display: none; }} }}
.kla-popup hr {{ border: 0; border-top: 1px solid #ddd; margin: 4px 0; }}
@media (max-width: 480px) {{
  .kla-legend {{ font-size: 11px; padding: 4px 6px; max-width: 150px; }}
  .kla-legend .kotak {{ width: 12px; height: 10px; }}
  .kla-tooltip {{ font-size: 12px; padding: 4px 6px; }}
  .kla-tooltip th {{ padding-right: 6px; }}
}}
"""


class MapStyle(MacroElement):
    """The map's own CSS, in the page header (streamlit-folium keeps inline ``<style>`` blocks)."""

    _template = Template("""
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
    """)

    def __init__(self, css: str) -> None:
        super().__init__()
        self._name = "KlaStyle"
        self.css = css


class Fit(MacroElement):
    """``fitBounds`` with room kept free for the legend, and without folium's zoom animation.

    The legend's height (measured in the browser, so it holds on a phone too) is added to the
    bottom padding: the city sits above the legend instead of under it. No animation, so the
    first frame is the final view.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var legend = map.getContainer().querySelector(".kla-legend");
            var below = legend ? legend.offsetHeight + 6 : 0;
            map.fitBounds({{ this.bounds|tojson }}, Object.assign({{ this.options|tojson }},
                {paddingBottomRight: [{{ this.padding }}, {{ this.padding }} + below]}));
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, bounds: list[list[float]], padding: int, max_zoom: int | None = None) -> None:
        super().__init__()
        self._name = "KlaFit"
        self.bounds = bounds
        self.padding = int(padding)
        self.options = {"paddingTopLeft": [self.padding, self.padding], "animate": False,
                        **({"maxZoom": max_zoom} if max_zoom is not None else {})}

    def _get_selfbounds_of(self) -> list[list[float | None]]:  # branca's signature: a corner may be unknown
        return [list(corner) for corner in self.bounds]


class Legend(MacroElement):
    """A Leaflet control holding ready-made (escaped) legend HTML; no d3, no branca."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var legend = L.control({position: {{ this.position|tojson }}});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "kla-legend");
                div.innerHTML = {{ this.html|tojson }};
                L.DomEvent.disableClickPropagation(div);
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, html: str, position: str = "bottomright") -> None:
        super().__init__()
        self._name = "KlaLegend"
        self.html = html
        self.position = position


def use_local_leaflet(m: folium.Map, asset_base: str = DEFAULT_ASSET_BASE) -> folium.Map:
    """Load only Leaflet, from ``asset_base``: drops folium's CDN jQuery, Bootstrap, awesome-markers, fonts."""
    base = asset_base.rstrip("/")
    m.default_js = [("leaflet", f"{base}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{base}/leaflet.css")]
    return m


def base_map(boundaries: gpd.GeoDataFrame, *, tiles: bool, asset_base: str, **options) -> folium.Map:
    minx, miny, maxx, maxy = boundaries.total_bounds
    centre = ((miny + maxy) / 2, (minx + maxx) / 2) if len(boundaries) else CITY_CENTRE
    # zoomSnap 0.25: fitBounds may pick 11.75, so the city fills a phone's width instead of half of it.
    m = folium.Map(location=centre, zoom_start=11, tiles="OpenStreetMap" if tiles else None,
                   control_scale=False, zoom_snap=0.25, **options)
    use_local_leaflet(m, asset_base)
    MapStyle(_MAP_CSS).add_to(m)
    return m


def to_lonlat(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Leaflet wants lon/lat; the installed copy already is (a file without CRS is taken as lon/lat)."""
    return gdf.to_crs(4326) if gdf.crs is not None and gdf.crs.to_epsg() != 4326 else gdf


def bounds_of(geometry) -> list[list[float]]:
    minx, miny, maxx, maxy = geometry.total_bounds if hasattr(geometry, "total_bounds") else geometry.bounds
    return [[float(miny), float(minx)], [float(maxy), float(maxx)]]


def feature_collection(gdf: gpd.GeoDataFrame, columns) -> dict:
    """GeoJSON with only ``columns`` as properties; ``id`` = kelurahan code (folium's style key)."""
    features = []
    for row, geom in zip(gdf[list(columns)].to_dict("records"), gdf.geometry):
        if geom is None or geom.is_empty:
            continue
        features.append({"type": "Feature", "id": row.get("kode"), "properties": row,
                         "geometry": geom.__geo_interface__})
    return {"type": "FeatureCollection", "features": features}
