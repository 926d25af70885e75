"""The static kelurahan choropleth ("peta kelurahan"): the geographic map as a plotly figure.

The folium map (:mod:`kla.maps`) lives in a browser and cannot be saved as PNG, SVG or PDF.
This is the same map (same metric, year, classes and colours, all from :mod:`kla.mapdata`)
drawn with plain plotly scatter traces in longitude/latitude, so kaleido renders it offline:

* no basemap tiles, and no ``go.Choropleth``/``geo`` subplot (plotly's geo layers fetch their
  topojson from a CDN, which fails without internet);
* every kelurahan is one filled trace (``fill="toself"``): all parts of a MultiPolygon, holes
  cut out by ring orientation (outer rings counter-clockwise, holes clockwise);
* thin white kelurahan borders (light grey around the palest class, where white would vanish),
  darker kecamatan borders (:func:`kla.maps.kecamatan_borders`) and a thin grey line along the
  coast and city limit, so the lightest class does not melt into the white paper;
* equal distances in both directions: a degree of longitude is ``cos(latitude)`` of a degree
  of latitude, so the y axis is anchored to the x axis with ``scaleratio = 1 / cos(mean lat)``;
* the dashboard's look (:func:`kla.charts.style`): title "<metric>, <year>", subtitle, legend
  of the classes (:func:`kla.mapdata.legend_items`, as on the tile map), "Sumber · Periode"
  footer with the boundaries' attribution, "DATA CONTOH" mark for sample data;
* hover text per kelurahan (name, kecamatan, value, ranks; the tile map's text) on an
  invisible marker at the kelurahan's ``representative_point()``.

Names (``labels=True``): Balikpapan's kelurahan range from 0.6 km² in the centre to 187 km²
(Kariangau), so names for all 34 would pile up on the south coast. A name is written only where
it fits inside its kelurahan, at the point farthest from the edges (pole of inaccessibility),
on one line or wrapped like the tile map's names; the dense centre stays unnamed (the tile map
names every kelurahan). Names are sized with the map (:data:`LABEL_DEG`) within a legible
range, so a larger export names more kelurahan.

Export sizes: :func:`fit_map_labels` (call it with the render size, last) moves the legend to
where it does not take room from the map — above it (screen, square, portrait), in a column
under the title beside it (landscape), or below it (tall pages) — and sizes names and legend.

Everything here is computed at run time from the installed boundaries; nothing derived from
them is stored.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go
import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import polylabel

from kla import charts, mapdata, maps, tilemap
from kla.i18n import Lang, t
from kla.mapdata import MapValues
from kla.tilemap import label_colour, legend_title, plotly_text, short_label

NAME = "peta_kelurahan"
HEIGHT = 720  # on screen; exports set their own size and call fit_map_labels
BORDER, BORDER_WIDTH = "#FFFFFF", 0.8
# Two neighbours in the palest class (#FFFFCC, 1.03:1 against white) were only told apart by a
# white line that vanished in print; fills this close to white get a light grey border instead.
BORDER_PALE, PALE_CONTRAST = "#B4B4B4", 1.2
KECAMATAN_LINE, KECAMATAN_WIDTH = tilemap.KECAMATAN_LINE, 1.8
OUTLINE, OUTLINE_WIDTH = "#8C8C8C", 0.8  # coast and city limit: the lightest class would melt into white
PAD = 0.02  # share of the city's extent left free around it

# Names are sized in map units, LABEL_DEG degrees of latitude (about 500 m) per font size, so
# they grow with the map, within LABEL_MIN_PX..LABEL_MAX_PX; a name in a kelurahan too small for
# that size is written smaller, but never under LABEL_MIN_PX (it is left out instead).
LABEL_DEG = 0.0045
LABEL_MIN_PX, LABEL_MAX_PX = 12.0, 20.0
SCREEN_PX_PER_DEGREE = 3000.0  # before fit_map_labels: a map about 900 px wide, as on a laptop
CHAR_WIDTH = 0.56  # average glyph width of Arial as a share of the font size (a little generous)
LINE_HEIGHT = 1.25  # a line's height as a share of the font size
SIDE_ROOM = 0.6  # font sizes of free space kept beside a name inside its kelurahan
LABEL_WRAP = 10  # characters per line when a name is wrapped to fit
# A kelurahan whose name does not fit gets its number (the key under the map names it), at
# NUMBER_PX, or smaller where even that does not fit, never under NUMBER_MIN_PX.
NUMBER_PX, NUMBER_MIN_PX = 11.0, 8.0
KEY_PX, KEY_LINE_PX = 11, 14  # the key's font and line height
KEY_CHAR_PX = 0.56 * KEY_PX  # a generous average glyph width (see CHAR_WIDTH)
SCREEN_KEY_WIDTH_PX = 358  # the key on screen: wrapped for a 390 px phone, as the footer

LEGEND_PX, LEGEND_MAX_PX = 14, 20  # legend text on screen (charts.style); large exports grow it
SIDE_TOP_PX, SIDE_BOTTOM_PX = 16, 12  # margins when title, legend and footer share a column beside the map
SIDE_COLUMN_PX = 410  # that column: a title wrapped at 32 characters of 22 px bold is about 390 px
LEGEND_GAP_PX = 18
FOOTER_LINE_PX, SAMPLE_MARK_PX = 16, 30
SIDE_GAIN = 1.1  # the legend beside the map only if the map grows by 10%
BELOW_KEEP = 0.97  # the legend below the map only if the map keeps 97% of its size


# --- geometry --------------------------------------------------------------------------------


def _polygons(geom: BaseGeometry | None) -> list[Polygon]:
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    if hasattr(geom, "geoms"):  # a GeometryCollection from a repair: keep its polygonal parts
        return [p for g in geom.geoms for p in _polygons(g)]
    return []


def polygon_xy(geom: BaseGeometry | None) -> tuple[list[float | None], list[float | None]]:
    """Outline of every part and hole, rings separated by ``None`` (plotly starts a new piece there).

    Outer rings counter-clockwise and holes clockwise: plotly fills ``toself`` pieces as one SVG
    path with the non-zero rule, so a hole wound the other way stays empty.
    """
    xs: list[float | None] = []
    ys: list[float | None] = []
    for part in _polygons(geom):
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


def _city_edge(shapes: gpd.GeoSeries) -> BaseGeometry:
    """Outer rings of the union: the coast and the city limit, without the slivers between kelurahan."""
    union = shapely.union_all([g for g in shapes if g is not None and not g.is_empty])
    return shapely.MultiLineString([p.exterior for p in _polygons(union)])


def border_colour(fill: str) -> str:
    """White between kelurahan, light grey around fills too pale for a white line to show."""
    return BORDER_PALE if tilemap._contrast(fill, BORDER) < PALE_CONTRAST else BORDER


def scale_ratio(mean_latitude: float) -> float:
    """Pixels per degree of latitude over pixels per degree of longitude for an undistorted map."""
    return 1 / math.cos(math.radians(mean_latitude))


# --- labels ------------------------------------------------------------------------------------


def _text_box(lines: list[str], centre: tuple[float, float], font: float, ratio: float) -> Polygon:
    """The box ``lines`` take at ``centre`` for a font ``font`` degrees of latitude high.

    Widths in degrees of longitude: a degree of longitude is ``1 / ratio`` of a degree of
    latitude on the map, so the same text spans more of them.
    """
    height = font * LINE_HEIGHT * len(lines)
    width = font * (CHAR_WIDTH * max(len(line) for line in lines) + SIDE_ROOM) * ratio
    x, y = centre
    return shapely.box(x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def _largest_font(lines: list[str], centre: tuple[float, float], polygon: Polygon, ratio: float) -> float:
    """The largest font (degrees of latitude) at which ``lines`` fit inside ``polygon`` (bisection)."""
    low, high = 0.0, 0.05
    for _ in range(24):
        mid = (low + high) / 2
        low, high = (mid, high) if _text_box(lines, centre, mid, ratio).within(polygon) else (low, mid)
    return low


def label_room(name: str, geom: BaseGeometry | None,
               ratio: float = 1.0) -> tuple[tuple[float, float], list[tuple[str, float]]] | None:
    """Where a kelurahan's name goes and how large it may be there.

    The point is the pole of inaccessibility of the largest part (the point farthest from its
    edges). For the name on one line and wrapped like the tile map's names: the text (lines
    joined by ``<br>``, escaped) and the largest font, in degrees of latitude, that keeps it
    inside the kelurahan. ``None`` for an empty geometry.
    """
    parts = _polygons(geom)
    if not parts:
        return None
    largest = max(parts, key=lambda p: p.area)
    pole = polylabel(largest, tolerance=1e-4)
    centre = (pole.x, pole.y)
    forms = [("<br>".join(plotly_text(line) for line in lines), _largest_font(lines, centre, largest, ratio))
             for lines in ([str(name)], short_label(name, LABEL_WRAP))]
    return centre, forms


def label_font_px(px_per_degree: float) -> float:
    """The names' font size for a map drawn at ``px_per_degree`` (pixels per degree of latitude)."""
    return round(min(max(LABEL_DEG * px_per_degree, LABEL_MIN_PX), LABEL_MAX_PX), 1)


def show_labels(fig: go.Figure, px_per_degree: float) -> go.Figure:
    """Write each name that fits for a map drawn at ``px_per_degree``; blank the rest.

    A name gets :func:`label_font_px`, or less where its kelurahan is too small for that, down
    to :data:`LABEL_MIN_PX`; on one line unless the wrapped form can be larger.
    """
    target = label_font_px(px_per_degree)
    for trace in fig.select_traces(selector=dict(name="label")):
        texts, sizes = [], []
        for one, one_room, wrapped, wrapped_room, number, number_room in trace.customdata:
            one_px = min(target, math.floor(one_room * px_per_degree * 2) / 2)
            wrapped_px = min(target, math.floor(wrapped_room * px_per_degree * 2) / 2)
            text, size = (one, one_px) if one_px >= wrapped_px else (wrapped, wrapped_px)
            if size < LABEL_MIN_PX:  # the name does not fit: its number, named in the key
                text = number
                size = max(min(NUMBER_PX, math.floor(number_room * px_per_degree * 2) / 2), NUMBER_MIN_PX)
            texts.append(text)
            sizes.append(size)
        trace.text = texts
        trace.textfont.size = sizes
    return fig


def _labels(fig: go.Figure, shapes: pd.DataFrame, ratio: float) -> None:
    """Every kelurahan's name at its pole, one text trace per text colour, all named "label".

    ``customdata`` holds per name the one-line and the wrapped text with the largest font (in
    degrees) at which each fits, and the kelurahan's number (:func:`numbers`) with its own;
    :func:`show_labels` writes the name where it fits a map size's font, else the number.
    """
    placed = []
    numbered = numbers(shapes)
    for code, name, colour, geom in zip(shapes["kode_kelurahan"], shapes["nama"], shapes["warna"], shapes["geometry"]):
        room = label_room(name, geom, ratio)
        if room is not None:
            (x, y), ((one, one_room), (wrapped, wrapped_room)) = room
            number = str(numbered[code])
            number_room = _largest_font([number], (x, y), max(_polygons(geom), key=lambda p: p.area), ratio)
            placed.append((x, y, [one, round(one_room, 7), wrapped, round(wrapped_room, 7), number,
                                  round(number_room, 7)], label_colour(colour)))
    for colour in dict.fromkeys(p[3] for p in placed):
        own = [p for p in placed if p[3] == colour]
        fig.add_trace(go.Scatter(
            x=[round(p[0], 6) for p in own], y=[round(p[1], 6) for p in own], customdata=[p[2] for p in own],
            mode="text", textposition="middle center", textfont=dict(color=colour),
            name="label", showlegend=False, hoverinfo="skip"))
    show_labels(fig, SCREEN_PX_PER_DEGREE)


def numbers(shapes: pd.DataFrame) -> dict[str, int]:
    """1, 2, … per kelurahan code, kecamatan by kecamatan (by code), by name within one: the key's order."""
    order = shapes.sort_values(["kode_kecamatan", "nama"])["kode_kelurahan"]
    return {code: i for i, code in enumerate(order, start=1)}


def key_entries(shapes: pd.DataFrame) -> list[str]:
    """'1 Manggar', … for every kelurahan drawn, in number order (plotly text, escaped)."""
    numbered = numbers(shapes)
    names = dict(zip(shapes["kode_kelurahan"], shapes["nama"]))
    return [f"{n} {plotly_text(names[code])}" for code, n in sorted(numbered.items(), key=lambda item: item[1])]


def key_text(entries: list[str], width_px: float, lang: Lang) -> str:
    """'Nomor pada peta: 1 Manggar · 2 …' wrapped to ``width_px`` (lines joined by <br>)."""
    chars = max(int(width_px / KEY_CHAR_PX), 20)
    lines = [t("statis.kunci", lang)]
    for entry in entries:
        plain = len(re.sub(r"&[#\w]+;", "x", entry))
        if len(re.sub(r"&[#\w]+;", "x", lines[-1])) + 3 + plain > chars:
            lines.append(entry)
        else:
            lines[-1] += (" " if lines[-1].endswith(":") else " · ") + entry
    return "<br>".join(lines)


def key_height(text: str) -> float:
    return KEY_LINE_PX * charts._lines(text) + 6 if text else 0.0


def _add_key(fig: go.Figure, entries: list[str], lang: Lang) -> None:
    """The key under the map (left-aligned, above the source line); the bottom margin grows by it."""
    text = key_text(entries, SCREEN_KEY_WIDTH_PX, lang)
    height = key_height(text)
    fig.add_annotation(name="kunci", text=text, xref="paper", yref="paper", x=0, y=0, xanchor="left",
                       yanchor="top", yshift=-6, align="left", showarrow=False,
                       font=dict(size=KEY_PX, color=charts.TEXT))
    for annotation in fig.layout.annotations:
        if annotation.name in ("sumber", "contoh"):
            annotation.yshift = (annotation.yshift or 0) - height
    fig.layout.margin.b = (fig.layout.margin.b or 0) + height


# --- the figure --------------------------------------------------------------------------------


def _attribution_text(attribution: str | None, lang: Lang) -> str | None:
    """'batas: © 2024 Cahya DSN, MIT, github.com/…' (no URL scheme: the line is printed, not clicked)."""
    if not attribution or not str(attribution).strip():
        return None
    text = re.sub(r"https?://", "", str(attribution).strip())
    text = re.sub(r"^batas kelurahan:\s*", "", text, flags=re.IGNORECASE)  # the installer's own prefix
    return t("statis.batas", lang, atribusi=text)


def _shapes(boundaries: gpd.GeoDataFrame, values: MapValues) -> pd.DataFrame:
    """One row per boundary shape with its values (names from the data, else from the file).

    A shape whose code has no row in ``values`` is drawn as 'tanpa data'; a kelurahan without a
    shape is not drawn (it still is in the chart's data and legend counts).
    """
    shapes = maps.to_lonlat(boundaries)
    drawn = pd.DataFrame({
        "kode_kelurahan": shapes["kode_kelurahan"].astype(str).to_numpy(),
        "nama_file": shapes["nama_kelurahan"].to_numpy(),
        "kecamatan_file": shapes["kode_kecamatan"].astype(str).to_numpy(),
        "nama_kecamatan_file": shapes["nama_kecamatan"].to_numpy(),
        "geometry": shapes.geometry.to_numpy(),
    })
    drawn = drawn[drawn["geometry"].map(lambda g: g is not None and not g.is_empty)]
    merged = drawn.merge(values.table, on="kode_kelurahan", how="left")
    merged["nama"] = merged["nama"].fillna(merged["nama_file"])
    merged["kode_kecamatan"] = merged["kode_kecamatan"].fillna(merged["kecamatan_file"])
    merged["nama_kecamatan"] = merged["nama_kecamatan"].fillna(merged["nama_kecamatan_file"])
    merged["warna"] = merged["warna"].fillna(mapdata.NO_DATA)
    return merged.reset_index(drop=True)


def static_choropleth(boundaries: gpd.GeoDataFrame, values: MapValues, *, lang: Lang = "id",
                      source: str | None = None, sample: bool = False, labels: bool = False,
                      attribution: str | None = None) -> charts.Chart:
    """"peta_kelurahan": every kelurahan in its class colour, on white paper, ready to export.

    ``boundaries``: :func:`kla.boundaries.load_installed`. ``values``:
    :func:`kla.mapdata.map_values`; colours are its ``warna`` column, the legend its
    :func:`kla.mapdata.legend_items`. ``labels``: write the names that fit inside their
    kelurahan. ``attribution``: the boundaries' source line (``installed_info()["attribution"]``),
    added to the footer. For a fixed-size export call :func:`fit_map_labels` with that size.
    """
    shapes = _shapes(boundaries, values)
    if shapes.empty:
        raise ValueError("Tidak ada batas kelurahan untuk digambar.")
    bounds = tuple(shapely.total_bounds(shapes["geometry"].to_numpy()))
    ratio = scale_ratio((bounds[1] + bounds[3]) / 2)
    fig = go.Figure()
    _areas(fig, shapes, boundaries)
    if labels:
        _labels(fig, shapes, ratio)
    _hover_points(fig, shapes, values, lang)
    has_missing = bool(shapes["nilai"].isna().any() or values.table["nilai"].isna().any())
    for item in mapdata.legend_items(values.breaks, values.metric, lang, with_no_data=has_missing):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=item.label, hoverinfo="skip",
                                 marker=dict(symbol="square", size=16, color=item.colour,
                                             line=dict(color=OUTLINE, width=1))))

    title = t("statis.judul", lang, metrik=mapdata.metric_label(values.metric, lang), tahun=values.year)
    subtitle = t("statis.subjudul_nama" if labels else "statis.subjudul", lang)
    base_source = charts._source(source, lang)
    credit = _attribution_text(attribution, lang)
    # The source line and attribution may come from files: charts.style escapes the footer it draws.
    drawn_source = "; ".join(part for part in (base_source, credit) if part)
    meta = charts.ChartMeta(NAME, title, subtitle, drawn_source, str(values.year), sample, ticks_px=6)
    fig.update_layout(height=HEIGHT, hoverdistance=30, dragmode=False)
    legend_rows = charts._legend_rows(fig)  # as charts.style counts them: for a phone
    chart = charts.make_chart(fig,
                              values.table[["kode_kelurahan", "nama", "nama_kecamatan", "nilai", "peringkat", "kelas"]],
                              meta, lang)
    entries = key_entries(shapes) if labels else []
    if entries:
        _add_key(fig, entries, lang)
    top_before_legend_title = fig.layout.margin.t
    tilemap._legend_title(fig, legend_title(values.metric, lang))
    _frame(fig, bounds, ratio)
    _remember_screen_layout(fig, fig.layout.margin.t - top_before_legend_title, legend_rows, entries, lang)
    plain_source = f"{base_source}; {credit}" if credit else base_source  # Chart.source is plain text
    return dataclasses.replace(chart, source=charts.source_line(plain_source, chart.period, lang))


def _areas(fig: go.Figure, shapes: pd.DataFrame, boundaries: gpd.GeoDataFrame) -> None:
    """The kelurahan fills, then the kecamatan borders and the city's edge over them."""
    for code, colour, geom in zip(shapes["kode_kelurahan"], shapes["warna"], shapes["geometry"]):
        xs, ys = polygon_xy(geom)
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", fill="toself", fillcolor=colour,
                                 line=dict(color=border_colour(colour), width=BORDER_WIDTH), name=f"kelurahan:{code}",
                                 showlegend=False, hoverinfo="skip"))
    xs, ys = line_xy(maps.kecamatan_borders(boundaries))
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=KECAMATAN_LINE, width=KECAMATAN_WIDTH),
                             name="batas_kecamatan", showlegend=False, hoverinfo="skip"))
    xs, ys = line_xy(_city_edge(shapes["geometry"]))
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=OUTLINE, width=OUTLINE_WIDTH),
                             name="tepi_kota", showlegend=False, hoverinfo="skip"))


def _hover_points(fig: go.Figure, shapes: pd.DataFrame, values: MapValues, lang: Lang) -> None:
    """An invisible marker inside each kelurahan carrying the tile map's hover text (a fill cannot hover)."""
    per_kecamatan = values.table.groupby("kode_kecamatan")["nilai"].count()
    hover = [tilemap._hover_text(row, values.metric, int(per_kecamatan.get(row["kode_kecamatan"], 0)), lang)
             for _, row in shapes.iterrows()]
    points = [g.representative_point() for g in shapes["geometry"]]
    fig.add_trace(go.Scatter(
        x=[round(p.x, 6) for p in points], y=[round(p.y, 6) for p in points], mode="markers",
        marker=dict(size=14, color="rgba(0,0,0,0)"), customdata=[[c] for c in shapes["kode_kelurahan"]],
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", name="arah", showlegend=False))


def _frame(fig: go.Figure, bounds: tuple[float, float, float, float], ratio: float) -> None:
    """Hidden axes around the city, latitude anchored to longitude at ``ratio`` (equal distances)."""
    minx, miny, maxx, maxy = bounds
    dx, dy = (maxx - minx) * PAD, (maxy - miny) * PAD
    fig.update_xaxes(visible=False, showgrid=False, zeroline=False, range=[minx - dx, maxx + dx], fixedrange=True,
                     constrain="domain")
    fig.update_yaxes(visible=False, showgrid=False, zeroline=False, range=[miny - dy, maxy + dy], fixedrange=True,
                     scaleanchor="x", scaleratio=ratio, constrain="domain")


def _remember_screen_layout(fig: go.Figure, legend_title_px: float, legend_rows: int,
                            key: list[str] | None = None, lang: Lang = "id") -> None:
    """Keep the screen layout in ``layout.meta`` so :func:`fit_map_labels` can move things and put them back.

    The meta travels with the figure's JSON (the export copies figures through ``to_dict``).
    """
    footer = {a.name: {k: a[k] for k in ("x", "xanchor", "y", "yanchor", "yshift", "align")}
              for a in fig.layout.annotations if a.name in ("sumber", "contoh", "kunci")}
    legend_block = legend_title_px + 12 + charts.LEGEND_ROW_HEIGHT_PX * legend_rows  # as charts.style counts it
    fig.layout.meta = {NAME: {"top": fig.layout.margin.t, "lift": fig.layout.title.pad.b, "legend_block": legend_block,
                              "legend_rows": legend_rows, "bottom": fig.layout.margin.b, "footer": footer,
                              "key": list(key or []), "lang": lang}}


# --- fitting an export size ----------------------------------------------------------------------


@dataclass(frozen=True)
class MapFit:
    """Where the legend goes in a render of a given size, and how large the map then is."""

    layout: str  # "atas" (legend above the map), "samping" (under the title, beside the map), "bawah" (below it)
    map_px: tuple[float, float]  # width and height of the drawn map
    px_per_degree: float  # pixels per degree of latitude
    legend_font: float
    legend_height: float  # of the vertical legend ("samping", "bawah")


def _legend_font(width: int, height: int) -> float:
    return round(min(max(LEGEND_PX * min(width, height) / 800, LEGEND_PX), LEGEND_MAX_PX), 1)


def _vertical_legend_px(fig: go.Figure, font: float) -> float:
    entries = sum(1 for tr in fig.data if tr.showlegend is not False)
    title_lines = charts._lines(fig.layout.legend.title.text or "")
    return title_lines * font * 1.3 + entries * font * 1.75 + 10


def _legend_rows_in(fig: go.Figure, room_px: float) -> int:
    """Rows of the horizontal legend in ``room_px`` of width, estimated as :func:`kla.charts._legend_rows` does."""
    names = [tr.name or "" for tr in fig.data if tr.showlegend is not False]
    widths = [40 + 8 * max(len(line) for line in name.split("<br>")) for name in names]
    if not widths or sum(widths) <= room_px:
        return 1 if widths else 0
    return -(-len(widths) // max(1, int(room_px // max(widths))))


def _spare_legend_px(fig: go.Figure, base: dict, plot_w: float) -> float:
    """Height the screen layout keeps for legend rows a ``plot_w`` wide page does not need.

    The screen layout counts the rows for a 390 px phone; at 1080 px the five classes take one
    row, and the unused row would stand empty between subtitle and legend.
    """
    return charts.LEGEND_ROW_HEIGHT_PX * max(base["legend_rows"] - _legend_rows_in(fig, plot_w), 0)


def _footer_px(fig: go.Figure) -> float:
    """Height of the source line and the sample mark."""
    lines = sum(charts._lines(a.text) for a in fig.layout.annotations if a.name == "sumber")
    sample = any(a.name == "contoh" for a in fig.layout.annotations)
    return FOOTER_LINE_PX * lines + (SAMPLE_MARK_PX if sample else 0)


def _key_at(base: dict, width_px: float) -> tuple[str, float]:
    """The key wrapped to ``width_px`` and how much taller (or shorter) that is than on screen."""
    if not base.get("key"):
        return "", 0.0
    text = key_text(base["key"], width_px, base.get("lang", "id"))
    return text, key_height(text) - key_height(key_text(base["key"], SCREEN_KEY_WIDTH_PX, base.get("lang", "id")))


def map_fit(fig: go.Figure, width: int, height: int) -> MapFit:
    """The layout :func:`fit_map_labels` picks for a ``width`` x ``height`` render.

    * "samping" on a wide page (Lanskap 1200x675): title, legend and footer in a column on the
      left, the map on the full height beside it, when that makes the map 10% larger;
    * "bawah" on a tall page (Cerita 1080x1920, A4) where the map, held by the width, leaves
      room under it: the legend moves below the map, when the map keeps its size (3% tolerance);
    * "atas" otherwise: the dashboard's legend row above the map, as on screen.
    """
    base = fig.layout.meta[NAME]
    (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    ratio = fig.layout.yaxis.scaleratio or 1
    aspect = (x1 - x0) / ((y1 - y0) * ratio)  # the map's width over its height, in pixels
    plot_w = width - (fig.layout.margin.l or 0) - (fig.layout.margin.r or 0)
    header, bottom = base["top"] - base["legend_block"], base["bottom"] + _key_at(base, plot_w)[1]
    side_key = key_height(_key_at(base, SIDE_COLUMN_PX)[0])

    def fitted(w: float, h: float) -> tuple[float, float]:
        map_w = max(min(w, h * aspect), 1.0)
        return map_w, map_w / aspect

    font = _legend_font(width, height)
    legend_h = _vertical_legend_px(fig, font)
    # layout: ((map width, map height), legend font size, legend height)
    options: dict[str, tuple[tuple[float, float], float, float]] = {
        "atas": (fitted(plot_w, height - base["top"] + _spare_legend_px(fig, base, plot_w) - bottom), LEGEND_PX, 0.0)}
    side_column = header + legend_h + LEGEND_GAP_PX + _footer_px(fig) + side_key + SIDE_BOTTOM_PX
    if side_column <= height:
        options["samping"] = (fitted(plot_w - SIDE_COLUMN_PX, height - SIDE_TOP_PX - SIDE_BOTTOM_PX), font, legend_h)
    options["bawah"] = (fitted(plot_w, height - header - bottom - legend_h - LEGEND_GAP_PX), font, legend_h)
    above = options["atas"][0][0]
    layout = "atas"
    if "samping" in options and options["samping"][0][0] >= SIDE_GAIN * above:
        layout = "samping"
    elif options["bawah"][0][0] >= BELOW_KEEP * above:
        layout = "bawah"
    (map_w, map_h), legend_font, legend_height = options[layout]
    return MapFit(layout, (map_w, map_h), map_w / (x1 - x0) * ratio, legend_font, legend_height)


def fit_map_labels(fig: go.Figure, width: int, height: int) -> go.Figure:
    """Fit the map to a ``width`` x ``height`` px render (in place) and return ``fig``.

    Places the legend (and, beside the map, the footer) as :func:`map_fit` decides, sizes the
    legend's text for the page and writes the names that fit at a font that grows with the map
    (:func:`show_labels`). Call it last, once the size is known; calling it again with another
    size starts from the screen layout, so it can be called any number of times.
    """
    base = fig.layout.meta[NAME]
    fit = map_fit(fig, width, height)
    _reset(fig, base)
    header = base["top"] - base["legend_block"]
    plot_w = width - (fig.layout.margin.l or 0) - (fig.layout.margin.r or 0)
    key, delta = _key_at(base, SIDE_COLUMN_PX if fit.layout == "samping" else plot_w)
    if key and fit.layout != "samping":  # the key rewrapped for this width; the source line moves with it
        fig.update_layout(margin=dict(b=base["bottom"] + delta))
        for annotation in fig.layout.annotations:
            if annotation.name == "kunci":
                annotation.text = key
            elif annotation.name in ("sumber", "contoh"):
                annotation.yshift = (annotation.yshift or 0) - delta
    if fit.layout == "samping":
        plot_h = height - SIDE_TOP_PX - SIDE_BOTTOM_PX
        fig.update_layout(
            margin=dict(t=SIDE_TOP_PX, b=SIDE_BOTTOM_PX),
            title=dict(yref="container", y=1, yanchor="top", pad=dict(t=14, b=0)),
            legend=dict(orientation="v", x=0, xanchor="left", yanchor="top", y=1 - (header - SIDE_TOP_PX) / plot_h))
        fig.update_xaxes(domain=[min(SIDE_COLUMN_PX / plot_w, 0.6), 1])
        footer_lines = _footer_px(fig) - (SAMPLE_MARK_PX
                                          if any(a.name == "contoh" for a in fig.layout.annotations) else 0)
        for annotation in fig.layout.annotations:
            if annotation.name == "sumber":
                annotation.update(x=0, xanchor="left", y=0, yanchor="bottom", yshift=0, align="left")
            elif annotation.name == "kunci":  # above the source line, in the column
                annotation.update(text=key, x=0, xanchor="left", y=0, yanchor="bottom", yshift=footer_lines + 6)
            elif annotation.name == "contoh":
                annotation.update(x=0, xanchor="left", y=0, yanchor="bottom",
                                  yshift=footer_lines + key_height(key) + 8)
    elif fit.layout == "bawah":
        plot_h = height - header - base["bottom"] - delta
        map_h = fit.map_px[1]
        # map and legend as one block, a little above the middle (where the eye expects it)
        top = max(plot_h - map_h - LEGEND_GAP_PX - fit.legend_height, 0) * 0.4
        fig.update_layout(margin=dict(t=header), title=dict(pad=dict(b=base["lift"] - base["legend_block"])),
                          legend=dict(orientation="v", x=0.5, xanchor="center", yanchor="top",
                                      y=1 - (top + map_h + LEGEND_GAP_PX) / plot_h))
        fig.update_yaxes(domain=[max(1 - (top + map_h) / plot_h, 0), 1 - top / plot_h])
    else:  # "atas": the screen layout, without the legend rows a phone needs and this width does not
        spare = _spare_legend_px(fig, base, plot_w)
        fig.update_layout(margin=dict(t=base["top"] - spare), title=dict(pad=dict(b=base["lift"] - spare)))
    fig.update_layout(legend=dict(font=dict(size=fit.legend_font), title=dict(font=dict(size=fit.legend_font))))
    return show_labels(fig, fit.px_per_degree)


def _reset(fig: go.Figure, base: dict) -> None:
    """Back to the screen layout: legend row above the map, title above it, footer under it."""
    fig.update_layout(
        margin=dict(t=base["top"], b=base["bottom"]),
        title=dict(yref="paper", y=1, yanchor="bottom", pad=dict(t=0, b=base["lift"])),
        legend=dict(orientation="h", x=0, xanchor="left", y=1, yanchor="bottom",
                    font=dict(size=LEGEND_PX), title=dict(font=dict(size=LEGEND_PX))))
    fig.update_xaxes(domain=[0, 1])
    fig.update_yaxes(domain=[0, 1])
    for annotation in fig.layout.annotations:
        if annotation.name in base["footer"]:
            annotation.update(**base["footer"][annotation.name])
