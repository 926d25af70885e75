"""Initiatives on the folium map: one point per initiative with coordinates, one per kelurahan for the rest.

Every text from data (initiative and partner names) is HTML-escaped here, before it reaches a
tooltip or a popup: Leaflet shows those as HTML.
"""

from __future__ import annotations

import math

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement
from folium.template import Template
from shapely.geometry.base import BaseGeometry

from kla.i18n import Lang, format_number, t
from kla.maps.leaflet import INITIATIVE_CLASS, INITIATIVE_COLOUR, INITIATIVE_MAX_RADIUS, INITIATIVE_ROOM_PX, to_lonlat
from kla.text import escape_html


class ZoomGate(MacroElement):
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


def initiative_layer(points: dict) -> folium.GeoJson:
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
