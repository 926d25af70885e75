"""The tile map ("peta petak"): every kelurahan as one equal hexagon, grouped by kecamatan.

Balikpapan's kelurahan range from 0.6 km² in the centre to 187 km² (Kariangau): on a geographic
map the dense centre, where most people live, is a few pixels wide. Here each kelurahan gets the
same hexagon, placed roughly where it lies, so every one can be seen, read and hovered. It needs
no boundary files, so it is also the map shown when none are installed.

Values, classes and colours come from :func:`kla.mapdata.map_values`, the same as the folium map;
this module only draws them. The figure is a :class:`kla.charts.Chart` with the dashboard's look
(title, "Sumber · Periode" footer, "DATA CONTOH" mark) so it exports like any other chart.

Grid: pointy-topped hexagons in **odd-r offset** coordinates ``(col, row)``. Row 0 is the
northernmost row and rows go south; odd rows are shifted half a hexagon to the east. In plot
units a hexagon is 1 wide (flat side to flat side): its centre is at
``x = col + 0.5 * (row % 2)``, ``y = -row * √3/2``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from kla import charts, colours, domain, mapdata
from kla.i18n import Lang, format_number, t
from kla.text import escape_html

# --- the layout ----------------------------------------------------------------------------------

# Drawn by hand from the general shape of the city: the bay and Kariangau in the west and
# north-west, Karang Joang inland to the north, the old town (Kota, Tengah) on the south-west
# point, Selatan along the south coast to the airport, Timur up the east coast to Teritip.
# Every kecamatan is one connected group. (Not derived from boundary files: a test only checks
# it against them.)
HEX_LAYOUT: dict[str, tuple[int, int]] = {
    # Balikpapan Barat 64.71.02: along the bay, Kariangau on its own at the top-left
    "64.71.02.1004": (0, 0),  # Kariangau
    "64.71.02.1003": (0, 1),  # Baru Ulu
    "64.71.02.1005": (1, 1),  # Margo Mulyo
    "64.71.02.1002": (0, 2),  # Baru Tengah
    "64.71.02.1001": (1, 2),  # Baru Ilir
    "64.71.02.1006": (0, 3),  # Marga Sari
    # Balikpapan Utara 64.71.03: north of the centre, Karang Joang far north
    "64.71.03.1003": (4, 0),  # Karang Joang
    # Gunung Samarinda Baru lies east of Gunung Samarinda, under Graha Indah; it takes Graha Indah's
    # cell so that no two of the widest names (Samarinda, Sepinggan) sit side by side in one row,
    # where a 360 px phone leaves 3 px between them
    "64.71.03.1001": (2, 1),  # Batu Ampar
    "64.71.03.1005": (3, 1),  # Gunung Samarinda Baru
    "64.71.03.1004": (2, 2),  # Muara Rapak
    "64.71.03.1002": (3, 2),  # Gunung Samarinda
    "64.71.03.1006": (4, 2),  # Graha Indah
    # Balikpapan Timur 64.71.01: the east coast from Manggar (next to Sepinggan) up to Teritip;
    # Lamaru is tucked in west of Manggar Baru so the map stays 7 hexagons wide for phones
    "64.71.01.1003": (5, 0),  # Teritip
    "64.71.01.1002": (4, 1),  # Lamaru
    "64.71.01.1004": (5, 1),  # Manggar Baru
    "64.71.01.1001": (6, 2),  # Manggar
    # Balikpapan Tengah 64.71.04: the centre, between Barat, Utara, Selatan and Kota
    "64.71.04.1003": (1, 3),  # Karang Rejo
    "64.71.04.1006": (2, 3),  # Sumber Rejo
    "64.71.04.1004": (0, 4),  # Karang Jati
    "64.71.04.1005": (1, 4),  # Mekar Sari
    "64.71.04.1002": (2, 4),  # Gunung Sari Ilir
    "64.71.04.1001": (3, 4),  # Gunung Sari Ulu
    # Balikpapan Selatan 64.71.05: the south coast east of Kota, towards the airport
    "64.71.05.1008": (5, 2),  # Sepinggan Baru
    "64.71.05.1011": (3, 3),  # Damai Baru
    "64.71.05.1006": (4, 3),  # Gunung Bahagia
    "64.71.05.1002": (5, 3),  # Sepinggan
    "64.71.05.1010": (4, 4),  # Sungainangka
    "64.71.05.1009": (5, 4),  # Sepinggan Raya
    "64.71.05.1012": (5, 5),  # Damai Bahagia
    # Balikpapan Kota 64.71.06: the south-west coast, Prapatan at the point; Klandasan Ulu (on the
    # coast south of Telaga Sari, at the same longitude) before it, so the two Klandasan are apart
    "64.71.06.1001": (0, 5),  # Prapatan
    "64.71.06.1003": (1, 5),  # Klandasan Ulu
    "64.71.06.1002": (2, 5),  # Telaga Sari
    "64.71.06.1004": (3, 5),  # Klandasan Ilir
    "64.71.06.1005": (4, 5),  # Damai
}

# Where each kecamatan's name goes, in (x, row) grid units, beside its group and clear of the
# others, and its angle: Tengah, enclosed but for one side, has an upright name, which costs
# the narrow phone layout a third of a hexagon instead of a whole one.
KECAMATAN_LABELS: dict[str, tuple[float, float, int]] = {
    "64.71.02": (1.45, -0.05, 0),  # Barat: above Margo Mulyo, right of Kariangau
    "64.71.03": (2.95, -0.05, 0),  # Utara: above Batu Ampar and Graha Indah
    "64.71.01": (6.05, -0.05, 0),  # Timur: right of Teritip, above Manggar Baru
    "64.71.05": (5.75, 5.85, 0),  # Selatan: under Damai Bahagia (the notch beside Sepinggan Raya is too narrow)
    "64.71.06": (2.5, 5.85, 0),  # Kota: under the coast row
    "64.71.04": (-0.68, 4.0, -90),  # Tengah: left of Karang Jati, upright
}
NAME = "peta_petak"
SIDE_ROOM = 0.36  # plot units beside the layout for an upright kecamatan name

SQRT3 = math.sqrt(3)
ROW_HEIGHT = SQRT3 / 2  # distance between row centres when a hexagon is 1 wide
RADIUS = 1 / SQRT3  # centre to corner
# Corners of a pointy-topped hexagon, counter-clockwise from the upper-right one (30°).
_CORNERS = tuple((RADIUS * math.cos(math.radians(30 + 60 * k)), RADIUS * math.sin(math.radians(30 + 60 * k)))
                 for k in range(6))

BORDER = "#FFFFFF"  # thin line between neighbouring kelurahan
KECAMATAN_LINE = "#3A3A3A"  # thick line around each kecamatan
HIGHLIGHT_LINE = "#000000"
LEGEND_EDGE = "#8C8C8C"  # around a legend swatch: 3.4:1 on white, so the palest class still has an edge
LABEL_DARK, LABEL_LIGHT = "#000000", "#FFFFFF"  # black: at least 4.8:1 on every palette colour
LABEL_CHARS = 9  # characters per line inside a hexagon before wrapping
# The widest line, "Samarinda", is 4.84 font sizes (kla.textsize): 43.5 px at 9 px, in the 42.6 px
# hexagon of a 360 px phone, beside a name of at most 36 px (the layout keeps the wide ones apart).
LABEL_PX = 9.0
LABEL_SHARE = 0.18  # in a large export the font size is 0.18 of a hexagon's width (see fit_labels)
LABEL_MAX_PX = 20
KECAMATAN_PX = 12
HEIGHT = 640
SIDE_MARGIN_PX = 6


def grid_to_xy(col: float, row: float) -> tuple[float, float]:
    """Centre of the cell ``(col, row)`` in plot units (odd rows shifted east by half)."""
    return col + 0.5 * (int(row) % 2), -row * ROW_HEIGHT


def _placements(codes: Iterable[str]) -> dict[str, tuple[float, float]]:
    """Centre of every code; codes missing from the layout get cells in a row under the map."""
    centres = {code: grid_to_xy(*cell) for code, cell in HEX_LAYOUT.items()}
    extra_row = max(row for _, row in HEX_LAYOUT.values()) + 2  # the row between holds Kota's name
    unknown = [c for c in dict.fromkeys(codes) if c not in centres]
    for i, code in enumerate(unknown):
        row = extra_row + i // 7
        centres[code] = grid_to_xy(i % 7, row)
    return centres


def tile_centres() -> pd.DataFrame:
    """``kode_kelurahan, x, y`` of every kelurahan in :data:`HEX_LAYOUT`, in plot units."""
    rows = [(code, *grid_to_xy(*cell)) for code, cell in HEX_LAYOUT.items()]
    return pd.DataFrame(rows, columns=["kode_kelurahan", "x", "y"])


def hexagon(x: float, y: float, scale: float = 1.0) -> tuple[list[float], list[float]]:
    """Closed outline (7 points) of the hexagon centred at (x, y)."""
    xs = [x + scale * dx for dx, _ in _CORNERS]
    ys = [y + scale * dy for _, dy in _CORNERS]
    return xs + xs[:1], ys + ys[:1]


# --- texts ---------------------------------------------------------------------------------------

_ABBREVIATIONS = {"gunung": "Gn.", "kelurahan": "Kel."}


def short_label(name: str, width: int = LABEL_CHARS) -> list[str]:
    """A kelurahan name as at most three short lines: 'Gunung Samarinda Baru' -> Gn. / Samarinda / Baru.

    "Gunung" becomes "Gn." (as people write it); words are packed greedily into lines of about
    ``width`` characters; a single word longer than that is split with a hyphen.
    """
    words = [_ABBREVIATIONS.get(w.lower(), w) for w in str(name).split()]
    pieces: list[str] = []
    for word in words:
        if len(word) > width + 2:
            cut = math.ceil(len(word) / 2)
            pieces += [word[:cut] + "-", word[cut:]]
        else:
            pieces.append(word)
    lines: list[str] = []
    for piece in pieces:
        if lines and not lines[-1].endswith("-") and len(lines[-1]) + 1 + len(piece) <= width:
            lines[-1] += " " + piece
        elif lines and lines[-1].endswith("-") and len(lines[-1]) + len(piece) <= width:
            lines[-1] += piece
        else:
            lines.append(piece)
    if len(lines) > 3:
        lines = lines[:2] + [" ".join(lines[2:])]
    return lines or [""]


def kecamatan_short_name(name: str) -> str:
    """'Balikpapan Tengah' -> 'Tengah': the city's name adds nothing on the city's own map."""
    text = str(name).strip()
    return re.sub(r"^(kec(amatan)?\.?\s+)?balikpapan\s+", "", text, flags=re.IGNORECASE) or text


def plotly_text(value: object) -> str:
    """Data text made safe for plotly's HTML-like labels.

    :func:`kla.text.escape_html` writes a double quote as ``&quot;``, which plotly does not
    decode; the numeric entity shows as the quote it stands for.
    """
    return escape_html(value).replace("&quot;", "&#34;")


_contrast = colours.contrast  # kla.staticmap.geometry reads it here


def label_colour(fill: str) -> str:
    """Dark text on light fills, white on dark ones: whichever contrasts more."""
    return LABEL_LIGHT if _contrast(fill, LABEL_LIGHT) > _contrast(fill, LABEL_DARK) else LABEL_DARK


# --- class marks: the class written, so colour is never the only carrier ---------------------------

NO_DATA_MARK = "–"


def class_mark(kelas: int, breaks: tuple[float, ...], metric: str) -> str:
    """The class of a value as a short mark written in its cell and before its legend entry.

    A score's class is its category's number (Pratama 1 … Paripurna 5, 0 below 500), the same on
    every map and year; other metrics number their classes from 1 (lowest) up; no data is "–".
    """
    if kelas < 0:
        return NO_DATA_MARK
    if mapdata._by_category(breaks, metric):
        return str(domain.CATEGORIES.index(mapdata._band_of(breaks[kelas])))
    return str(kelas + 1)


def marked_legend(values: mapdata.MapValues, lang: Lang = "id", with_no_data: bool = True) -> list[mapdata.LegendItem]:
    """:func:`kla.mapdata.legend_items` with each entry led by its class mark: '4 · Utama (801–900)'."""
    items = mapdata.legend_items(values.breaks, values.metric, lang, with_no_data=with_no_data)
    classes = max(len(values.breaks) - 1, 1)
    return [mapdata.LegendItem(item.colour, f"{class_mark(i if i < classes else -1, values.breaks, values.metric)}"
                                            f" · {item.label}") for i, item in enumerate(items)]


def cell_text(name: str, mark: str) -> str:
    """A hexagon's text: the short name and, in bold, its class mark on a line of its own.

    A three-line name takes the mark on its last line: a fourth line would reach the names of
    the row below on a phone.
    """
    lines = [plotly_text(line) for line in short_label(name)]
    if len(lines) < 3:
        return "<br>".join([*lines, f"<b>{mark}</b>"])
    return "<br>".join(lines[:-1] + [f"{lines[-1]} <b>{mark}</b>"])


def legend_title(metric: str, lang: Lang = "id") -> str:
    """The metric and its unit, the unit left out when the label already says it."""
    label, unit = mapdata.metric_label(metric, lang), mapdata.metric_unit(metric, lang)
    return label if unit.lower() in label.lower() else t("petak.legenda", lang, metrik=label, satuan=unit)


def _hover_text(row: pd.Series, metric: str, in_kecamatan: int, lang: Lang) -> str:
    kecamatan = plotly_text(row["nama_kecamatan"])
    lines = [f"<b>{plotly_text(row['nama'])}</b>", t("petak.kecamatan", lang, nama=kecamatan),
             mapdata.format_value(row["nilai"], metric, lang)]
    if pd.isna(row["peringkat"]):
        lines.append(t("petak.tanpa_peringkat", lang))
    else:
        lines.append(t("petak.peringkat_kota", lang, peringkat=format_number(int(row["peringkat"]), 0, lang),
                       jumlah=format_number(int(row["jumlah_kelurahan"]), 0, lang)))
        lines.append(t("petak.peringkat_kecamatan", lang,
                       peringkat=format_number(int(row["peringkat_kecamatan"]), 0, lang),
                       jumlah=format_number(in_kecamatan, 0, lang), kecamatan=kecamatan))
    return "<br>".join(lines)


# --- drawing ------------------------------------------------------------------------------------


def _edge_key(a: tuple[float, float], b: tuple[float, float]) -> tuple[tuple[float, float], ...]:
    return tuple(sorted(((round(a[0], 4), round(a[1], 4)), (round(b[0], 4), round(b[1], 4)))))


def _kecamatan_edges(centres: dict[str, tuple[float, float]], group: dict[str, str]) -> tuple[list, list]:
    """Hexagon sides that separate two kecamatan, or a kecamatan from the outside, drawn once.

    The side between corners k and k+1 faces the neighbour one hexagon-width away at 60° + 60°k.
    """
    at = {(round(x, 3), round(y, 3)): code for code, (x, y) in centres.items()}
    seen: set = set()
    xs: list = []
    ys: list = []
    for code, (x, y) in centres.items():
        for k in range(6):
            angle = math.radians(60 + 60 * k)
            neighbour = at.get((round(x + math.cos(angle), 3), round(y + math.sin(angle), 3)))
            if neighbour is not None and group.get(neighbour) == group[code]:
                continue
            a = (x + _CORNERS[k][0], y + _CORNERS[k][1])
            b = (x + _CORNERS[(k + 1) % 6][0], y + _CORNERS[(k + 1) % 6][1])
            key = _edge_key(a, b)
            if key in seen:
                continue
            seen.add(key)
            xs += [a[0], b[0], None]
            ys += [a[1], b[1], None]
    return xs, ys


def tile_map(values: mapdata.MapValues, *, lang: Lang = "id", source: str | None = None, sample: bool = False,
             labels: bool = True, highlight: str | None = None) -> charts.Chart:
    """"peta_petak": one equal hexagon per kelurahan, coloured by the class of its value.

    ``values`` is :func:`kla.mapdata.map_values`; colours are its ``warna`` column, the legend its
    :func:`kla.mapdata.legend_items`. ``labels=False`` leaves out the names inside the hexagons
    (for a small locator); ``highlight`` (a kelurahan code) draws a thick outline around one.
    Hover (and selection, through ``customdata = [kode]``) works on the invisible markers at the
    hexagon centres, helped by a hover distance as large as a hexagon.
    """
    table = values.table.reset_index(drop=True)
    codes = table["kode_kelurahan"].astype(str).tolist()
    if highlight is not None and highlight not in set(codes):
        raise ValueError(t("petak.tidak_dikenal", "id", kode=highlight))
    centres = _placements(codes)
    drawn = {code: centres[code] for code in codes}
    group = dict(zip(codes, table["kode_kecamatan"].astype(str)))
    fig = go.Figure()

    for code, colour in zip(codes, table["warna"]):
        xs, ys = hexagon(*drawn[code])
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", fill="toself", fillcolor=colour,
                                 line=dict(color=BORDER, width=1.5), name=f"petak:{code}", showlegend=False,
                                 hoverinfo="skip"))

    edge_x, edge_y = _kecamatan_edges(drawn, group)
    fig.add_trace(go.Scatter(x=edge_x, y=edge_y, mode="lines", line=dict(color=KECAMATAN_LINE, width=2.5),
                             name="batas_kecamatan", showlegend=False, hoverinfo="skip"))

    if highlight is not None:
        xs, ys = hexagon(*drawn[highlight], scale=0.93)
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=HIGHLIGHT_LINE, width=5),
                                 name=f"sorotan:{highlight}", showlegend=False, hoverinfo="skip"))

    if labels:
        marks = [class_mark(int(k), values.breaks, values.metric) for k in table["kelas"]]
        _labels(fig, [drawn[c] for c in codes], table["nama"], table["warna"], marks)

    per_kecamatan = table.groupby("kode_kecamatan")["nilai"].count()
    hover = [_hover_text(row, values.metric, int(per_kecamatan.get(row["kode_kecamatan"], 0)), lang)
             for _, row in table.iterrows()]
    fig.add_trace(go.Scatter(
        x=[drawn[c][0] for c in codes], y=[drawn[c][1] for c in codes], mode="markers",
        marker=dict(size=18, color="rgba(0,0,0,0)"), customdata=[[c] for c in codes], hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>", name="arah", showlegend=False))

    _kecamatan_names(fig, table)

    has_missing = bool(table["nilai"].isna().any())
    for item in marked_legend(values, lang, with_no_data=has_missing):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=item.label, hoverinfo="skip",
                                 marker=dict(symbol="hexagon", size=17, color=item.colour,
                                             line=dict(color=LEGEND_EDGE, width=1))))

    _frame(fig, centres, codes)
    title = t("petak.judul", lang, metrik=mapdata.metric_label(values.metric, lang), tahun=values.year)
    meta = charts.ChartMeta(NAME, title, t("petak.subjudul", lang), charts._source(source, lang),
                            str(values.year), sample, ticks_px=6)
    fig.update_layout(height=HEIGHT, hoverdistance=60, dragmode=False)
    chart = charts.make_chart(fig, table[["kode_kelurahan", "nama", "nama_kecamatan", "nilai", "peringkat", "kelas"]],
                          meta, lang)
    _legend_title(fig, legend_title(values.metric, lang))
    fig.update_layout(margin=dict(l=SIDE_MARGIN_PX, r=SIDE_MARGIN_PX))  # every pixel of width is hexagon on a phone
    fig.update_xaxes(visible=False, showgrid=False, zeroline=False)
    fig.update_yaxes(visible=False, showgrid=False, zeroline=False, scaleanchor="x", scaleratio=1)
    return chart


def _labels(fig: go.Figure, centres: list[tuple[float, float]], names: pd.Series, fills: pd.Series,
            marks: list[str]) -> None:
    """Names and class marks inside the hexagons: one text trace per text colour, all named "label".

    With selection on (Streamlit's ``on_select``), plotly greys the text of every trace that has
    no selected point; a trace whose "unselected" colour is its own colour stays as it is.
    """
    colours = [label_colour(w) for w in fills]
    text = [cell_text(name, mark) for name, mark in zip(names, marks)]
    for colour in dict.fromkeys(colours):
        own = [i for i, c in enumerate(colours) if c == colour]
        fig.add_trace(go.Scatter(
            x=[centres[i][0] for i in own], y=[centres[i][1] for i in own], text=[text[i] for i in own],
            mode="text", textposition="middle center", textfont=dict(size=LABEL_PX, color=colour),
            unselected=dict(textfont=dict(color=colour)), name="label", showlegend=False, hoverinfo="skip"))


def fit_labels(fig: go.Figure, width: int, height: int) -> go.Figure:
    """Size the names to the hexagons of a render ``width`` x ``height`` px (in place).

    Plotly text has a fixed pixel size while the hexagons grow with the figure, so
    :func:`tile_map` sizes names for the narrowest case, a 390 px phone. Before a fixed-size
    export (``to_image(width=1080, height=1080)``) call this and the names grow with the
    hexagons. Never smaller than the phone size.
    """
    margin = fig.layout.margin
    x0, x1 = fig.layout.xaxis.range
    y0, y1 = fig.layout.yaxis.range
    plot_w = width - (margin.l or 0) - (margin.r or 0)
    plot_h = height - (margin.t or 0) - (margin.b or 0)
    hexagon_px = min(plot_w / (x1 - x0), plot_h / (y1 - y0))  # one plot unit = one hexagon width
    size = round(min(max(hexagon_px * LABEL_SHARE, LABEL_PX), LABEL_MAX_PX), 1)
    fig.update_traces(selector=dict(name="label"), textfont_size=size)
    for annotation in fig.layout.annotations:
        if (annotation.name or "").startswith("kecamatan:"):
            annotation.font.size = max(KECAMATAN_PX, round(size * 1.2, 1))
    return fig


def _kecamatan_names(fig: go.Figure, table: pd.DataFrame) -> None:
    present = table.drop_duplicates("kode_kecamatan")
    for code, name in zip(present["kode_kecamatan"].astype(str), present["nama_kecamatan"]):
        if code not in KECAMATAN_LABELS:
            continue  # a kecamatan the layout does not know: its thick outline still groups it
        x, row, angle = KECAMATAN_LABELS[code]
        fig.add_annotation(name=f"kecamatan:{code}", text=f"<b>{plotly_text(kecamatan_short_name(name).upper())}</b>",
                           x=x, y=-row * ROW_HEIGHT, xref="x", yref="y", xanchor="center", yanchor="middle",
                           textangle=angle, showarrow=False, font=dict(size=KECAMATAN_PX, color=KECAMATAN_LINE))


def _frame(fig: go.Figure, centres: dict[str, tuple[float, float]], codes: list[str]) -> None:
    """Axis ranges over the whole layout (so a kelurahan keeps its place) and the names beside it."""
    shown = [centres[c] for c in HEX_LAYOUT] + [centres[c] for c in codes]
    xs = [x for x, _ in shown]
    ys = [y for _, y in shown] + [-row * ROW_HEIGHT for _, row, _ in KECAMATAN_LABELS.values()]
    fig.update_xaxes(range=[min(xs) - 0.5 - SIDE_ROOM, max(xs) + 0.55], fixedrange=True)
    fig.update_yaxes(range=[min(ys) - 0.3, max(ys) + RADIUS + 0.05], fixedrange=True)


def _legend_title(fig: go.Figure, title: str) -> None:
    """The legend's title on its own rows above the swatches; the top margin grows by those rows."""
    if not fig.layout.showlegend:
        return
    wrapped = charts._wrap(title, charts.SUBTITLE_CHARS)  # legend titles do not wrap by themselves
    fig.update_layout(legend=dict(title=dict(text=wrapped, side="top", font=dict(size=14, color=charts.TEXT)),
                                  itemclick=False, itemdoubleclick=False))
    extra = charts.LEGEND_ROW_HEIGHT_PX * charts._lines(wrapped)
    fig.layout.margin.t += extra
    fig.layout.title.pad.b += extra
