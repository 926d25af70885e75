"""The kelurahan choropleth on the Peta page: coloured by one metric and year, with tooltips and popups.

Values, classes and colours all come from :mod:`kla.mapdata`, never recomputed; kecamatan borders
on top, a tooltip per kelurahan, a popup with a link to its profile, an HTML legend, optionally
the initiatives as points (:mod:`kla.maps.points`) and one kelurahan in focus. Every text from
data is HTML-escaped here, before it reaches a tooltip, a popup or the legend.
"""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
import shapely
from branca.element import MacroElement
from folium.template import Template
from shapely.geometry.base import BaseGeometry

from kla import mapdata, scoring, tilemap
from kla.i18n import Lang, block_name, format_number, t
from kla.mapdata import MapValues
from kla.maps.leaflet import (
    BORDER,
    DEFAULT_ASSET_BASE,
    FEATURE_PROPERTIES,
    FOCUS_BORDER,
    FOCUS_CLASS,
    KECAMATAN_BORDER,
    KECAMATAN_CLASS,
    KELURAHAN_CLASS,
    PROFILE_PATH,
    PROFILE_REQUEST,
    Fit,
    Legend,
    base_map,
    bounds_of,
    feature_collection,
    to_lonlat,
)
from kla.maps.patterns import Hatching, swatch
from kla.maps.points import ZoomGate, initiative_layer, initiative_points
from kla.text import escape_html


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
                    + '<div class="kelas">' + texts.kelas + ': ' + p.kelas + '</div>'
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


def feature_table(boundaries: gpd.GeoDataFrame, values: MapValues, lang: Lang = "id") -> gpd.GeoDataFrame:
    """One row per kelurahan shape: :data:`FEATURE_PROPERTIES` as display text (escaped), ``warna``, geometry.

    Shapes whose code has no row in ``values`` are kept and shown as "tanpa data".
    """
    table = values.table.copy()
    counts = table.groupby("kode_kecamatan")["nilai"].transform("count")
    table["jumlah_kecamatan"] = counts
    classes = {i: item.label for i, item in enumerate(tilemap.marked_legend(values, lang, with_no_data=False))}
    table["kelas_teks"] = table["kelas"].map(classes)
    merged = boundaries[["kode_kelurahan", "nama_kelurahan", "nama_kecamatan", "geometry"]].merge(
        table.drop(columns=["nama_kecamatan"]), on="kode_kelurahan", how="left")
    out = gpd.GeoDataFrame({
        "kode": merged["kode_kelurahan"].astype(str),
        "nama": [escape_html(n) for n in merged["nama"].fillna(merged["nama_kelurahan"])],
        "kecamatan": [escape_html(n) for n in merged["nama_kecamatan"]],
        "nilai": [escape_html(mapdata.format_value(v, values.metric, lang)) for v in merged["nilai"]],
        "kelas": [escape_html(k if isinstance(k, str) else f"{tilemap.NO_DATA_MARK} · {t('peta.tanpa_data', lang)}")
                  for k in merged["kelas_teks"]],
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
    # Each class led by the mark the tooltip, the popup and the tile map write (tilemap.marked_legend),
    # its swatch hatched as the map is (kla.maps.patterns); "tanpa data" last, plain.
    items = tilemap.marked_legend(values, lang, with_no_data=bool(values.table["nilai"].isna().any()))
    classes = max(len(values.breaks) - 1, 1)
    rows = [f'<div class="baris">{swatch(item.colour, k if k < classes else -1)}{escape_html(item.label)}</div>'
            for k, item in enumerate(items)]
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
    m = base_map(shapes, tiles=tiles, asset_base=asset_base, scroll_wheel_zoom=False)
    colour = dict(zip(shapes["kode"], shapes["warna"]))

    def style(feature: dict) -> dict:
        return {"fillColor": colour.get(feature["properties"]["kode"], mapdata.NO_DATA), "fillOpacity": 0.85,
                "color": BORDER, "weight": 1, "className": KELURAHAN_CLASS}

    def highlight(feature: dict) -> dict:  # noqa: ARG001 (folium's signature)
        return {"color": "#1a1a1a", "weight": 3}

    fields = ["nama", "kecamatan", "nilai", "kelas", "peringkat", "peringkat_kecamatan"]
    value_label = f"{short_metric_label(values.metric, lang)} {values.year}"
    class_label = t("kategori" if values.metric in mapdata.SCORE_METRICS else "peta.halaman.kelas", lang)
    aliases = [t("kelurahan", lang), t("kecamatan", lang), f"{t('peta.halaman.kolom.nilai', lang)} {values.year}",
               class_label,
               t("peta.halaman.peringkat_kota", lang), t("peta.halaman.peringkat_kecamatan", lang)]
    areas = folium.GeoJson(
        feature_collection(shapes, FEATURE_PROPERTIES), name="kelurahan", style_function=style,
        highlight_function=highlight, control=False,
        tooltip=folium.GeoJsonTooltip(fields, aliases=[escape_html(a) for a in aliases], class_name="kla-tooltip",
                                      sticky=True),
        attribution=escape_html(attribution) if attribution else None,  # folium leaves a None option out
    ).add_to(m)
    _ProfilePopup({"path": PROFILE_PATH, "query": f"&lang={lang}" if lang != "id" else "",
                   "kecamatan": escape_html(t("kecamatan", lang)), "nilai": escape_html(value_label),
                   "kelas": escape_html(class_label),
                   "peringkat": escape_html(t("peta.halaman.peringkat_kota", lang)),
                   "profil": t("peta.halaman.popup.profil", lang)}).add_to(areas)
    Hatching(dict(zip(values.table["kode_kelurahan"], values.table["kelas"])),
             list(mapdata.breaks_colours(values.breaks, values.metric))).add_to(areas)
    _outlines(boundaries).add_to(m)
    points = initiative_points(boundaries, initiatives, lang) if initiatives is not None else None
    layer = initiative_layer(points) if points and points["features"] else None
    if layer is not None:
        layer.add_to(m)
    Legend(legend_html(values, lang, bool(points and points["features"]))).add_to(m)  # before Fit measures it

    focused = shapes[shapes["kode"] == focus] if focus else shapes.iloc[0:0]
    if len(focused):
        folium.GeoJson(feature_collection(focused, ["kode"]), name="fokus", control=False, interactive=False,
                       style_function=lambda _: {"fill": False, "color": FOCUS_BORDER, "weight": 4,
                                                 "className": FOCUS_CLASS}).add_to(m)
        Fit(bounds_of(focused), padding=30, max_zoom=15).add_to(m)
    else:
        Fit(bounds_of(shapes), padding=4).add_to(m)
    if layer is not None:
        ZoomGate(layer).add_to(m)  # after Fit: the first zoom is the fitted one
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
