"""Kelurahan maps drawn with folium (Leaflet), complete without the internet.

Two maps, both plain functions returning a ``folium.Map`` (no Streamlit here):

- :func:`choropleth`: the kelurahan coloured by one metric and year (values, classes and colours
  all from :mod:`kla.mapdata`, never recomputed), kecamatan borders on top, a tooltip per
  kelurahan, an HTML legend, optionally the initiatives as points and one kelurahan in focus.
- :func:`locator_map`: a small still map of the city with one kelurahan marked (profile page).

Offline by construction: folium's default JavaScript and CSS come from five CDNs, and
streamlit-folium shows an empty map without any error when one of them fails. Each map here
lists only the local Leaflet files (``asset_base``, served by Streamlit's static serving, see
:mod:`kla.ui.leaflet`), and uses nothing that needs jQuery, Bootstrap, awesome-markers or d3:
no ``folium.Choropleth``, no branca legend, no ``folium.Popup`` (its template calls jQuery's
``$``), no ``folium.Marker`` icons. No basemap by default (``tiles=False``).

Every text from data (kelurahan, initiative and partner names) is HTML-escaped here, before it
reaches a tooltip, a popup or the legend: Leaflet shows those as HTML.
"""

from __future__ import annotations

import math

import folium
import geopandas as gpd
import pandas as pd
import shapely
from branca.element import MacroElement
from folium.template import Template
from shapely.geometry.base import BaseGeometry

from kla import mapdata, scoring
from kla.i18n import Lang, block_name, format_number, t
from kla.mapdata import MapValues
from kla.text import escape_html

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
FEATURE_PROPERTIES = ("kode", "nama", "kecamatan", "nilai", "peringkat", "peringkat_kecamatan")

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


class _MapStyle(MacroElement):
    """The map's own CSS, in the page header (streamlit-folium keeps inline ``<style>`` blocks)."""

    _template = Template("""
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
    """)

    def __init__(self, css: str) -> None:
        super().__init__()
        self._name = "KlaStyle"
        self.css = css


class _Fit(MacroElement):
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

    def _get_self_bounds(self) -> list[list[float | None]]:  # branca's signature: a corner may be unknown
        return [list(corner) for corner in self.bounds]


class _Legend(MacroElement):
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


class _ProfilePopup(MacroElement):
    """A tap on a kelurahan opens a popup (name, kecamatan, value, rank) with a link to its profile.

    Nothing navigates on the tap itself: on a phone the first tap is how people find out what a
    shape is. The link's ``href`` is the profile's address (for "open in a new tab"); a plain
    press hands the kelurahan code to the page instead, because the map runs in a sandboxed
    component iframe that may not navigate the top page. It goes through streamlit-folium's
    ``last_geocoder_result`` (this map has no geocoder, so nothing else writes it), sent by a
    ``moveend`` event, the one streamlit-folium answers by reporting its state.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (layer, map) {
            var texts = {{ this.texts|tojson }};
            function href(kode) {
                var path = texts.path + "?kelurahan=" + encodeURIComponent(kode) + texts.query;
                try { return new URL(path, window.parent.location.href).href; } catch (e) { return path; }
            }
            layer.bindPopup(function (shape) {
                var p = shape.feature.properties;  // escaped by kla.maps.feature_table
                var div = L.DomUtil.create("div", "kla-kelurahan-popup");
                div.innerHTML = '<div class="nama">' + p.nama + '</div>'
                    + '<div class="kecamatan">' + texts.kecamatan + ' ' + p.kecamatan + '</div>'
                    + '<div class="nilai">' + texts.nilai + ': <b>' + p.nilai + '</b></div>'
                    + '<div class="peringkat">' + texts.peringkat + ' ' + p.peringkat + '</div>';
                var link = L.DomUtil.create("a", "kla-profil", div);
                link.href = href(p.kode);
                link.textContent = texts.profil;
                L.DomEvent.on(link, "click", function (e) {
                    var state = window.__GLOBAL_DATA__;
                    if (!state) { return; }  // outside streamlit-folium: an ordinary link
                    L.DomEvent.preventDefault(e);
                    state.last_geocoder_result = {name: {{ this.request|tojson }},
                                                  properties: {kode: p.kode, klik: Date.now()}};
                    map.fire("moveend");
                });
                return div;
            }, {maxWidth: 260, minWidth: 170, autoPanPadding: [12, 12]});
            map.on("popupopen", function () { L.DomUtil.addClass(map.getContainer(), "kla-popup-terbuka"); });
            map.on("popupclose", function () { L.DomUtil.removeClass(map.getContainer(), "kla-popup-terbuka"); });
        })({{ this._parent.get_name() }}, {{ this._parent._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self._name = "KlaProfilePopup"
        self.texts = texts
        self.request = PROFILE_REQUEST


class _ZoomGate(MacroElement):
    """Each initiative point only from the zoom its kelurahan is large enough on screen (``minzoom``).

    At city zoom on a phone a central kelurahan is about 9 px wide: any marker there would hide
    it from a tap. Large kelurahan show their points at once; zooming in brings the rest.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (group, map) {
            var points = [];
            group.eachLayer(function (point) { points.push(point); });
            function update() {
                var zoom = map.getZoom();
                points.forEach(function (point) {
                    var show = zoom >= point.feature.properties.minzoom;
                    if (show && !group.hasLayer(point)) { group.addLayer(point); }
                    if (!show && group.hasLayer(point)) { group.removeLayer(point); }
                });
            }
            map.on("zoomend", update);
            update();
        })({{ this.layer }}, {{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, layer: folium.GeoJson) -> None:
        super().__init__()
        self._name = "KlaZoomGate"
        self.layer = layer.get_name()


def use_local_leaflet(m: folium.Map, asset_base: str = DEFAULT_ASSET_BASE) -> folium.Map:
    """Load only Leaflet, from ``asset_base``: drops folium's CDN jQuery, Bootstrap, awesome-markers, fonts."""
    base = asset_base.rstrip("/")
    m.default_js = [("leaflet", f"{base}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{base}/leaflet.css")]
    return m


def _base_map(boundaries: gpd.GeoDataFrame, *, tiles: bool, asset_base: str, **options) -> folium.Map:
    minx, miny, maxx, maxy = boundaries.total_bounds
    centre = ((miny + maxy) / 2, (minx + maxx) / 2) if len(boundaries) else CITY_CENTRE
    # zoomSnap 0.25: fitBounds may pick 11.75, so the city fills a phone's width instead of half of it.
    m = folium.Map(location=centre, zoom_start=11, tiles="OpenStreetMap" if tiles else None,
                   control_scale=False, zoom_snap=0.25, **options)
    use_local_leaflet(m, asset_base)
    _MapStyle(_MAP_CSS).add_to(m)
    return m


def to_lonlat(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Leaflet wants lon/lat; the installed copy already is (a file without CRS is taken as lon/lat)."""
    return gdf.to_crs(4326) if gdf.crs is not None and gdf.crs.to_epsg() != 4326 else gdf


def _bounds(geometry) -> list[list[float]]:
    minx, miny, maxx, maxy = geometry.total_bounds if hasattr(geometry, "total_bounds") else geometry.bounds
    return [[float(miny), float(minx)], [float(maxy), float(maxx)]]


# --- the choropleth ------------------------------------------------------------------------------


def feature_table(boundaries: gpd.GeoDataFrame, values: MapValues, lang: Lang = "id") -> gpd.GeoDataFrame:
    """One row per kelurahan shape: :data:`FEATURE_PROPERTIES` as display text (escaped), ``warna``, geometry.

    Shapes whose code has no row in ``values`` are kept and shown as "tanpa data".
    """
    table = values.table.copy()
    counts = table.groupby("kode_kecamatan")["nilai"].transform("count")
    table["jumlah_kecamatan"] = counts
    merged = boundaries[["kode_kelurahan", "nama_kelurahan", "nama_kecamatan", "geometry"]].merge(
        table.drop(columns=["nama_kecamatan"]), on="kode_kelurahan", how="left")
    out = gpd.GeoDataFrame({
        "kode": merged["kode_kelurahan"].astype(str),
        "nama": [escape_html(n) for n in merged["nama"].fillna(merged["nama_kelurahan"])],
        "kecamatan": [escape_html(n) for n in merged["nama_kecamatan"]],
        "nilai": [escape_html(mapdata.format_value(v, values.metric, lang)) for v in merged["nilai"]],
        "peringkat": [_rank_text(r, n, lang) for r, n in zip(merged["peringkat"], merged["jumlah_kelurahan"])],
        "peringkat_kecamatan": [_rank_text(r, n, lang)
                                for r, n in zip(merged["peringkat_kecamatan"], merged["jumlah_kecamatan"])],
        "warna": merged["warna"].fillna(mapdata.NO_DATA),
    }, geometry=merged.geometry.values, crs=boundaries.crs)
    return to_lonlat(out)


def _rank_text(rank, of, lang: Lang) -> str:
    if rank is None or pd.isna(rank) or of is None or pd.isna(of):
        return t("peta.halaman.tanpa_peringkat", lang)
    return t("peta.halaman.peringkat", lang, n=format_number(int(rank), 0, lang), dari=format_number(int(of), 0, lang))


def _feature_collection(gdf: gpd.GeoDataFrame, columns) -> dict:
    """GeoJSON with only ``columns`` as properties; ``id`` = kelurahan code (folium's style key)."""
    features = []
    for row, geom in zip(gdf[list(columns)].to_dict("records"), gdf.geometry):
        if geom is None or geom.is_empty:
            continue
        features.append({"type": "Feature", "id": row.get("kode"), "properties": row,
                         "geometry": geom.__geo_interface__})
    return {"type": "FeatureCollection", "features": features}


def short_metric_label(metric: str, lang: Lang = "id") -> str:
    """mapdata.metric_label, with a block's short name ('Klaster IV (% poin maks.)'): legends are small."""
    if metric in scoring.BLOCKS:
        return t("peta.metrik.blok", lang, blok=block_name(metric, lang, short=True))
    return mapdata.metric_label(metric, lang)


def legend_html(values: MapValues, lang: Lang = "id", initiatives: bool = False) -> str:
    """Title (metric and year), unit, one row per class colour (mapdata.legend_items; 'tanpa data'
    only when a kelurahan has none), and the initiative symbol when that layer is on."""
    title = t("peta.halaman.legenda.judul", lang, metrik=short_metric_label(values.metric, lang), tahun=values.year)
    unit = t("peta.halaman.legenda.satuan", lang, satuan=mapdata.metric_unit(values.metric, lang))
    rows = [f'<div class="baris"><span class="kotak" style="background:{item.colour}"></span>'
            f"{escape_html(item.label)}</div>"
            for item in mapdata.legend_items(values.breaks, values.metric, lang,
                                             with_no_data=bool(values.table["nilai"].isna().any()))]
    if initiatives:
        rows.append('<div class="baris"><span class="titik"></span>'
                    f'{escape_html(t("peta.halaman.legenda.inisiatif", lang))}</div>'
                    f'<div class="catatan">{escape_html(t("peta.halaman.legenda.inisiatif_perbesar", lang))}</div>')
    return (f'<div class="judul">{escape_html(title)}</div><div class="satuan">{escape_html(unit)}</div>'
            + "".join(rows))


def choropleth(boundaries: gpd.GeoDataFrame, values: MapValues, *, lang: Lang = "id",
               initiatives: pd.DataFrame | None = None, focus: str | None = None, tiles: bool = False,
               asset_base: str = DEFAULT_ASSET_BASE, attribution: str | None = None) -> folium.Map:
    """The kelurahan coloured by ``values`` (colours from ``values.table['warna']``).

    ``boundaries``: kla.boundaries.load_installed's columns. ``initiatives``: rows of the
    inisiatif table (optional ``lat``/``lon``); those without coordinates are drawn together at
    a point inside their kelurahan, computed here and never stored. ``focus``: a kelurahan code
    to zoom to and outline. ``attribution``: the boundaries' source line (escaped here).
    """
    shapes = feature_table(boundaries, values, lang)
    m = _base_map(shapes, tiles=tiles, asset_base=asset_base, scroll_wheel_zoom=False)
    colour = dict(zip(shapes["kode"], shapes["warna"]))

    def style(feature: dict) -> dict:
        return {"fillColor": colour.get(feature["properties"]["kode"], mapdata.NO_DATA), "fillOpacity": 0.85,
                "color": BORDER, "weight": 1, "className": KELURAHAN_CLASS}

    def highlight(feature: dict) -> dict:  # noqa: ARG001 (folium's signature)
        return {"color": "#1a1a1a", "weight": 3}

    fields = ["nama", "kecamatan", "nilai", "peringkat", "peringkat_kecamatan"]
    value_label = f"{short_metric_label(values.metric, lang)} {values.year}"
    aliases = [t("kelurahan", lang), t("kecamatan", lang), f"{t('peta.halaman.kolom.nilai', lang)} {values.year}",
               t("peta.halaman.peringkat_kota", lang), t("peta.halaman.peringkat_kecamatan", lang)]
    areas = folium.GeoJson(
        _feature_collection(shapes, FEATURE_PROPERTIES), name="kelurahan", style_function=style,
        highlight_function=highlight, control=False,
        tooltip=folium.GeoJsonTooltip(fields, aliases=[escape_html(a) for a in aliases], class_name="kla-tooltip",
                                      sticky=True),
        attribution=escape_html(attribution) if attribution else None,  # folium leaves a None option out
    ).add_to(m)
    _ProfilePopup({"path": PROFILE_PATH, "query": f"&lang={lang}" if lang != "id" else "",
                   "kecamatan": escape_html(t("kecamatan", lang)), "nilai": escape_html(value_label),
                   "peringkat": escape_html(t("peta.halaman.peringkat_kota", lang)),
                   "profil": t("peta.halaman.popup.profil", lang)}).add_to(areas)
    _outlines(boundaries).add_to(m)
    points = initiative_points(boundaries, initiatives, lang) if initiatives is not None else None
    layer = _initiative_layer(points) if points and points["features"] else None
    if layer is not None:
        layer.add_to(m)
    _Legend(legend_html(values, lang, bool(points and points["features"]))).add_to(m)  # before _Fit measures it

    focused = shapes[shapes["kode"] == focus] if focus else shapes.iloc[0:0]
    if len(focused):
        folium.GeoJson(_feature_collection(focused, ["kode"]), name="fokus", control=False, interactive=False,
                       style_function=lambda _: {"fill": False, "color": FOCUS_BORDER, "weight": 4,
                                                 "className": FOCUS_CLASS}).add_to(m)
        _Fit(_bounds(focused), padding=30, max_zoom=15).add_to(m)
    else:
        _Fit(_bounds(shapes), padding=4).add_to(m)
    if layer is not None:
        _ZoomGate(layer).add_to(m)  # after _Fit: the first zoom is the fitted one
    return m


def kecamatan_borders(boundaries: gpd.GeoDataFrame, tolerance: float = 2e-4) -> BaseGeometry:
    """The lines where two kecamatan meet (not the city's edge, which the fill already shows).

    Each kecamatan's outline (kla.boundaries.kecamatan_outlines) is cut to the part within
    ``tolerance`` degrees (about 22 m) of a neighbour: the source polygons overlap and leave
    gaps of up to about 20 m (148 sliver holes in their union), so exact shared edges do not
    exist; with 5 m, 8% of the border length went missing as visible dashes. Where a border
    meets the coast a stub of at most ``tolerance`` may follow the coast. About 500 vertices
    instead of the 1,800 of the full outlines (which would also ring every sliver hole), a
    quarter of the bytes. About 25 ms.
    """
    from kla.boundaries import kecamatan_outlines  # imported late: it pulls in the installer's GDAL readers

    shapes = list(kecamatan_outlines(to_lonlat(boundaries)).geometry)
    parts = [a.boundary.intersection(b.buffer(tolerance))
             for i, a in enumerate(shapes) for b in shapes[i + 1:]]
    lines = [p for p in parts if not p.is_empty]
    return shapely.line_merge(shapely.union_all(lines)) if lines else shapely.MultiLineString()


def _outlines(boundaries: gpd.GeoDataFrame) -> folium.GeoJson:
    """Kecamatan borders over the kelurahan: drawn only, never hovered or clicked."""
    geometry = kecamatan_borders(boundaries)
    data = {"type": "FeatureCollection", "features": [] if geometry.is_empty else [
        {"type": "Feature", "id": "kecamatan", "properties": {"kode": "kecamatan"},
         "geometry": shapely.set_precision(geometry, 1e-5).__geo_interface__}]}
    return folium.GeoJson(data, name="kecamatan", control=False, interactive=False,
                          style_function=lambda _: {"fill": False, "color": KECAMATAN_BORDER, "weight": 2,
                                                    "opacity": 0.9, "className": KECAMATAN_CLASS})


# --- initiatives ----------------------------------------------------------------------------------


def initiative_points(boundaries: gpd.GeoDataFrame, initiatives: pd.DataFrame, lang: Lang = "id") -> dict:
    """GeoJSON points: one per initiative with its own lat/lon, and one per kelurahan for the rest.

    The rest are drawn together at ``representative_point()`` of their kelurahan (always inside
    the polygon), computed from the installed boundaries at run time. Properties: ``kode``
    (unique id), ``n`` (initiatives at the point), ``judul`` (tooltip) and ``isi`` (popup HTML);
    all data text escaped.
    """
    rows = initiatives.copy()
    for column in ("lat", "lon"):
        rows[column] = pd.to_numeric(rows[column], errors="coerce") if column in rows else float("nan")
    located = rows["lat"].notna() & rows["lon"].notna()
    shapes = to_lonlat(boundaries)
    inside = dict(zip(shapes["kode_kelurahan"], shapes.geometry.representative_point()))
    names = dict(zip(shapes["kode_kelurahan"], shapes["nama_kelurahan"]))
    features: list[dict] = []
    zooms = dict(zip(shapes["kode_kelurahan"], (room_zoom(g) for g in shapes.geometry)))
    for _, row in rows[located].iterrows():
        features.append(_point(f"ini:{row.get('id', len(features))}", float(row["lon"]), float(row["lat"]),
                               [row], _name(row, names), approximate=False, lang=lang,
                               min_zoom=zooms.get(row.get("kode_kelurahan"), 0.0)))
    for kode, group in rows[~located].groupby("kode_kelurahan", sort=True):
        point = inside.get(kode)
        if point is None or point.is_empty:
            continue  # no shape installed for this kelurahan: nowhere honest to put it
        features.append(_point(f"kel:{kode}", point.x, point.y, [r for _, r in group.iterrows()],
                               names.get(kode, kode), approximate=True, lang=lang, min_zoom=zooms[kode]))
    return {"type": "FeatureCollection", "features": features}


def room_zoom(geometry: BaseGeometry | None, room_px: float = INITIATIVE_ROOM_PX) -> float:
    """The Leaflet zoom from which ``geometry`` (lon/lat) is ``room_px`` wide on screen.

    Width: the side of a square of the same area. At zoom z a degree is 256 * 2^z / 360 px
    (Web Mercator; at Balikpapan's 1° south a degree of latitude is as long on screen).
    """
    if geometry is None or geometry.is_empty or geometry.area <= 0:
        return 0.0
    side = math.sqrt(geometry.area)
    return round(max(math.log2(room_px * 360 / (256 * side)), 0.0), 2)


def _name(row: pd.Series, names: dict[str, str]) -> str:
    return names.get(row.get("kode_kelurahan"), row.get("kode_kelurahan") or "")


def _point(key: str, lon: float, lat: float, rows: list[pd.Series], place: str, *, approximate: bool,
           lang: Lang, min_zoom: float = 0.0) -> dict:
    title = t("peta.halaman.inisiatif.judul", lang, n=format_number(len(rows), 0, lang), nama=place)
    items = [_initiative_html(r, lang) for r in rows]
    note = (f'<div class="catatan">{escape_html(t("peta.halaman.inisiatif.perkiraan", lang))}</div>'
            if approximate else "")
    body = f'<div class="kla-popup"><b>{escape_html(title)}</b>{note}<hr>' + "<hr>".join(items) + "</div>"
    return {"type": "Feature", "id": key, "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
            "properties": {"kode": key, "n": len(rows), "judul": escape_html(title), "isi": body,
                           "minzoom": min_zoom}}


def _initiative_html(row: pd.Series, lang: Lang) -> str:
    def text(column: str) -> str:
        value = row.get(column)
        return "" if value is None or pd.isna(value) else str(value)

    kind = " · ".join(escape_html(text(c)) for c in ("jenis", "status") if text(c))
    partner = escape_html(text("nama_mitra"))
    if text("jenis_mitra"):
        partner += f" ({escape_html(text('jenis_mitra'))})"
    lines = [f"<b>{escape_html(text('nama'))}</b>", kind]
    if partner:
        lines.append(f"{escape_html(t('peta.halaman.inisiatif.mitra', lang))}: {partner}")
    return "<br>".join(line for line in lines if line)


def _initiative_layer(points: dict) -> folium.GeoJson:
    def style(feature: dict) -> dict:
        n = feature["properties"]["n"]
        return {"radius": min(4 + n, INITIATIVE_MAX_RADIUS), "color": "#FFFFFF", "weight": 1.5, "fill": True,
                "fillColor": INITIATIVE_COLOUR,
                "fillOpacity": 0.9, "className": INITIATIVE_CLASS}

    return folium.GeoJson(
        points, name="inisiatif", control=False, style_function=style, marker=folium.CircleMarker(),
        tooltip=folium.GeoJsonTooltip(["judul"], labels=False, class_name="kla-tooltip"),
        popup=folium.GeoJsonPopup(["isi"], labels=False, class_name="kla-popup-wrap", max_width=280),
    )


# --- the profile page's locator -------------------------------------------------------------------


def locator_map(boundaries: gpd.GeoDataFrame, code: str, *, asset_base: str = DEFAULT_ASSET_BASE) -> folium.Map:
    """A small still map: the city in grey, kelurahan ``code`` in the theme blue (no zoom, no dragging)."""
    shapes = to_lonlat(boundaries)
    # A ~300 px map of a city 0.3 degree wide: one pixel is about 0.001 degree, so half a pixel of
    # simplification and a 0.0001 degree grid are invisible and cut the payload by about two thirds.
    small = shapely.set_precision(shapely.simplify(shapes.geometry.values, LOCATOR_TOLERANCE, preserve_topology=True),
                                  LOCATOR_GRID)
    shapes = gpd.GeoDataFrame({"kode": shapes["kode_kelurahan"].astype(str)}, geometry=small, crs=shapes.crs)
    m = _base_map(shapes, tiles=False, asset_base=asset_base, zoom_control=False, dragging=False,
                  scroll_wheel_zoom=False, double_click_zoom=False, touch_zoom=False, box_zoom=False,
                  keyboard=False, attribution_control=False)

    def style(feature: dict) -> dict:
        own = feature["properties"]["kode"] == code
        return {"fillColor": "#1F5FA8" if own else "#C9CED6", "fillOpacity": 0.95 if own else 0.8,
                "color": "#1F5FA8" if own else BORDER, "weight": 2 if own else 0.8,
                "className": FOCUS_CLASS if own else KELURAHAN_CLASS}

    folium.GeoJson(_feature_collection(shapes, ["kode"]), name="kota", control=False, interactive=False,
                   style_function=style).add_to(m)
    own = shapes[shapes["kode"] == code]
    if len(own):  # the marked one drawn last, so its border is not hidden under its neighbours'
        folium.GeoJson(_feature_collection(own, ["kode"]), name="terpilih", control=False, interactive=False,
                       style_function=style).add_to(m)
    _Fit(_bounds(shapes), padding=4).add_to(m)
    return m
