"""Fitting the press map to a render size: where the legend, the key and the inset go.

:func:`fit_map_labels` (call it with the render size, last) moves the legend to where it does
not take room from the map — above it (screen, square, portrait), in a column under the title
beside it (landscape), or below it (tall pages) — puts the inset of the dense centre beside the
city or under it, whichever draws the city larger, sizes legend and names, and writes the key of
the numbers that are drawn. It always starts from the layout :mod:`kla.staticmap.figure` kept in
``layout.meta``, so it can be called any number of times.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from kla import charts
from kla.staticmap.labels import key_height, key_text, numbered_entries, show_labels

NAME = "peta_kelurahan"
LEGEND_PX, LEGEND_MAX_PX = 14, 20  # legend text on screen (charts.style); large exports grow it
SIDE_TOP_PX, SIDE_BOTTOM_PX = 16, 12  # margins when title, legend and footer share a column beside the map
SIDE_COLUMN_PX = 410  # that column: a title wrapped at 32 characters of 22 px bold is about 390 px
LEGEND_GAP_PX = 18
FOOTER_LINE_PX, SAMPLE_MARK_PX = 16, 30
SIDE_GAIN = 1.1  # the legend beside the map only if the map grows by 10%
BELOW_KEEP = 0.97  # the legend below the map only if the map keeps 97% of its size
INSET_GAP = 0.03  # between the city and its inset, as a share of the city's larger side
KEY_PASSES = 3  # see fit_map_labels


@dataclass(frozen=True)
class MapFit:
    """Where the legend and the inset go in a render of a given size, and how large the map then is."""

    layout: str  # "atas" (legend above the map), "samping" (under the title, beside the map), "bawah" (below it)
    map_px: tuple[float, float]  # width and height of the drawn map: the city and its inset together
    px_per_degree: float  # pixels per degree of latitude on the city map
    legend_font: float
    legend_height: float  # of the vertical legend ("samping", "bawah")
    inset: str = ""  # "kanan" (right of the city), "bawah" (under it) or "" (no inset)
    zoom: float = 1.0  # the inset's scale over the city map's


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

    The screen layout counts the rows for a 360 px phone; at 1080 px the five classes take one
    row, and the unused row would stand empty between subtitle and legend.
    """
    return charts.LEGEND_ROW_HEIGHT_PX * max(base["legend_rows"] - _legend_rows_in(fig, plot_w), 0)


def _footer_px(fig: go.Figure) -> float:
    """Height of the source line and the sample mark."""
    lines = sum(charts._lines(a.text) for a in fig.layout.annotations if a.name == "sumber")
    sample = any(a.name == "contoh" for a in fig.layout.annotations)
    return FOOTER_LINE_PX * lines + (SAMPLE_MARK_PX if sample else 0)


def _key(base: dict, codes: list[str], width_px: float) -> str:
    return key_text(numbered_entries(base["key"], codes), width_px, base.get("lang", "id"))


def _blocks(base: dict) -> dict[str, tuple[float, float, float]]:
    """Each way to draw city and inset: (width, height, zoom), in degrees of longitude (heights scaled to them)."""
    x0, x1, y0, y1 = base["frame"]
    ratio = base["ratio"]
    city_w, city_h = x1 - x0, (y1 - y0) * ratio
    inset = base.get("inset")
    if not inset:
        return {"": (city_w, city_h, 1.0)}
    bx0, by0, bx1, by1 = inset["box"]
    box_w, box_h = bx1 - bx0, (by1 - by0) * ratio
    gap = INSET_GAP * max(city_w, city_h)
    beside, under = city_h / box_h, city_w / box_w
    return {"kanan": (city_w + gap + box_w * beside, city_h, beside),
            "bawah": (city_w, city_h + gap + box_h * under, under)}


def _best_block(base: dict, width: float, height: float) -> tuple[str, float, float]:
    """The arrangement drawing the city largest in ``width`` x ``height`` px: (name, px per degree of lon, zoom)."""
    best = ("", 0.0, 1.0)
    for name, (block_w, block_h, zoom) in _blocks(base).items():
        scale = max(min(width / block_w, height / block_h), 1e-6)
        if scale > best[1]:
            best = (name, scale, zoom)
    return best


def map_fit(fig: go.Figure, width: int, height: int, key: list[str] | None = None) -> MapFit:
    """The layout :func:`fit_map_labels` picks for a ``width`` x ``height`` render with ``key`` (numbered codes).

    * "samping" on a wide page (Lanskap 1200x675): title, legend and footer in a column on the
      left, the map on the full height beside it, when that makes the map 10% larger;
    * "bawah" on a tall page (Cerita 1080x1920, A4) where the map, held by the width, leaves
      room under it: the legend moves below the map, when the map keeps its size (3% tolerance);
    * "atas" otherwise: the dashboard's legend row above the map, as on screen.

    In each, the inset goes beside the city or under it, whichever draws the city larger.
    ``key``: the kelurahan numbered in the key (every kelurahan when not given).
    """
    base = fig.layout.meta[NAME]
    codes = [code for code, _ in base["key"]] if key is None else key
    ratio = base["ratio"]
    plot_w = width - (fig.layout.margin.l or 0) - (fig.layout.margin.r or 0)
    header = base["top"] - base["legend_block"]
    bottom = base["bottom"] + key_height(_key(base, codes, plot_w))
    side_key = key_height(_key(base, codes, SIDE_COLUMN_PX))
    font = _legend_font(width, height)
    legend_h = _vertical_legend_px(fig, font)
    # layout: (room for the map: width, height), legend font size, legend height
    options: dict[str, tuple[tuple[float, float], float, float]] = {
        "atas": ((plot_w, height - base["top"] + _spare_legend_px(fig, base, plot_w) - bottom), LEGEND_PX, 0.0)}
    side_column = header + legend_h + LEGEND_GAP_PX + _footer_px(fig) + side_key + SIDE_BOTTOM_PX
    if side_column <= height:
        options["samping"] = ((plot_w - SIDE_COLUMN_PX, height - SIDE_TOP_PX - SIDE_BOTTOM_PX), font, legend_h)
    options["bawah"] = ((plot_w, height - header - bottom - legend_h - LEGEND_GAP_PX), font, legend_h)
    scales = {name: _best_block(base, *room) for name, (room, _, _) in options.items()}
    layout = "atas"
    if "samping" in scales and scales["samping"][1] >= SIDE_GAIN * scales["atas"][1]:
        layout = "samping"
    elif scales["bawah"][1] >= BELOW_KEEP * scales["atas"][1]:
        layout = "bawah"
    inset, scale, zoom = scales[layout]
    block_w, block_h, _ = _blocks(base)[inset]
    _, legend_font, legend_height = options[layout]
    return MapFit(layout, (block_w * scale, block_h * scale), scale * ratio, legend_font, legend_height, inset, zoom)


def fit_map_labels(fig: go.Figure, width: int, height: int) -> go.Figure:
    """Fit the map to a ``width`` x ``height`` px render (in place) and return ``fig``.

    Places the legend (and, beside the map, the footer) and the inset as :func:`map_fit`
    decides, sizes the legend's text for the page, writes the names that fit at a font that
    grows with the map and numbers the rest (:func:`kla.staticmap.labels.show_labels`).

    The key lists only the numbers drawn, and its height takes room from the map: the map is
    first laid out with a key of every kelurahan, then with the key of the numbers that layout
    drew (a larger map numbers fewer), up to :data:`KEY_PASSES` times while the numbers drawn
    stay within the key the layout made room for.
    """
    base = fig.layout.meta[NAME]
    keyed = [code for code, _ in base["key"]]
    room_for, (drawn, layout) = keyed, _fit_once(fig, width, height, keyed)
    for _ in range(KEY_PASSES - 1):
        if not base["key"] or drawn == room_for:
            break
        numbered, again = _fit_once(fig, width, height, drawn)
        if not set(numbered) <= set(drawn):  # the smaller key moved the inset: keep the layout before
            drawn, layout = _fit_once(fig, width, height, room_for)
            break
        room_for, drawn, layout = drawn, numbered, again
    _write_key(fig, base, width, drawn, layout)
    return fig


def _write_key(fig: go.Figure, base: dict, width: int, codes: list[str], layout: str) -> None:
    """The key of the numbers drawn, in the room made for it (a shorter key leaves a little space)."""
    plot_w = width - (fig.layout.margin.l or 0) - (fig.layout.margin.r or 0)
    text = _key(base, codes, SIDE_COLUMN_PX if layout == "samping" else plot_w)
    for annotation in fig.layout.annotations:
        if annotation.name == "kunci":
            annotation.update(text=text, visible=bool(text))


def _fit_once(fig: go.Figure, width: int, height: int, key: list[str]) -> tuple[list[str], str]:
    """Lay the map out for ``width`` x ``height`` with room for a key of ``key``: the codes numbered, the layout."""
    base = fig.layout.meta[NAME]
    fit = map_fit(fig, width, height, key)
    _reset(fig, base)
    header = base["top"] - base["legend_block"]
    plot_w = width - (fig.layout.margin.l or 0) - (fig.layout.margin.r or 0)
    text = _key(base, key, SIDE_COLUMN_PX if fit.layout == "samping" else plot_w)
    key_px = key_height(text)
    if fit.layout != "samping":  # the key under the map; the source line moves down with it
        fig.update_layout(margin=dict(b=base["bottom"] + key_px))
        for annotation in fig.layout.annotations:
            if annotation.name == "kunci":
                annotation.text = text
            elif annotation.name in ("sumber", "contoh"):
                annotation.yshift = (annotation.yshift or 0) - key_px
    map_w, map_h = fit.map_px
    if fit.layout == "samping":
        plot_h = height - SIDE_TOP_PX - SIDE_BOTTOM_PX
        fig.update_layout(
            margin=dict(t=SIDE_TOP_PX, b=SIDE_BOTTOM_PX),
            title=dict(yref="container", y=1, yanchor="top", pad=dict(t=14, b=0)),
            legend=dict(orientation="v", x=0, xanchor="left", yanchor="top", y=1 - (header - SIDE_TOP_PX) / plot_h))
        left = min(SIDE_COLUMN_PX, 0.6 * plot_w)
        _place(fig, base, fit, (left, 0, plot_w - left, plot_h), (plot_w, plot_h))
        footer_lines = _footer_px(fig) - (SAMPLE_MARK_PX
                                          if any(a.name == "contoh" for a in fig.layout.annotations) else 0)
        for annotation in fig.layout.annotations:
            if annotation.name == "sumber":
                annotation.update(x=0, xanchor="left", y=0, yanchor="bottom", yshift=0, align="left")
            elif annotation.name == "kunci":  # above the source line, in the column
                annotation.update(text=text, x=0, xanchor="left", y=0, yanchor="bottom", yshift=footer_lines + 6)
            elif annotation.name == "contoh":
                annotation.update(x=0, xanchor="left", y=0, yanchor="bottom", yshift=footer_lines + key_px + 8)
    elif fit.layout == "bawah":
        plot_h = height - header - base["bottom"] - key_px
        # map and legend as one block, a little above the middle (where the eye expects it)
        top = max(plot_h - map_h - LEGEND_GAP_PX - fit.legend_height, 0) * 0.4
        fig.update_layout(margin=dict(t=header), title=dict(pad=dict(b=base["lift"] - base["legend_block"])),
                          legend=dict(orientation="v", x=0.5, xanchor="center", yanchor="top",
                                      y=1 - (top + map_h + LEGEND_GAP_PX) / plot_h))
        _place(fig, base, fit, (0, top, plot_w, map_h), (plot_w, plot_h))
    else:  # "atas": the screen layout, without the legend rows a phone needs and this width does not
        spare = _spare_legend_px(fig, base, plot_w)
        fig.update_layout(margin=dict(t=base["top"] - spare), title=dict(pad=dict(b=base["lift"] - spare)))
        plot_h = height - (base["top"] - spare) - base["bottom"] - key_px
        _place(fig, base, fit, (0, 0, plot_w, plot_h), (plot_w, plot_h))
    fig.update_layout(legend=dict(font=dict(size=fit.legend_font), title=dict(font=dict(size=fit.legend_font))))
    order = [code for code, _ in base["key"]]
    return show_labels(fig, fit.px_per_degree, fit.zoom, order), fit.layout


def _domain(start: float, length: float, total: float) -> list[float]:
    return [round(max(start / total, 0.0), 6), round(min((start + length) / total, 1.0), 6)]


def _place(fig: go.Figure, base: dict, fit: MapFit, area: tuple[float, float, float, float],
           plot: tuple[float, float]) -> None:
    """The city (and its inset) centred in ``area`` (left, top, width, height in px of the plot area)."""
    left, top, area_w, area_h = area
    plot_w, plot_h = plot
    block_w, block_h, _ = _blocks(base)[fit.inset]
    scale = fit.map_px[0] / block_w  # px per degree of longitude
    x0, x1, y0, y1 = base["frame"]
    city_w, city_h = (x1 - x0) * scale, (y1 - y0) * base["ratio"] * scale
    ox, oy = left + (area_w - fit.map_px[0]) / 2, top + (area_h - fit.map_px[1]) / 2
    fig.layout.xaxis.domain = _domain(ox, city_w, plot_w)
    fig.layout.yaxis.domain = _domain(plot_h - oy - city_h, city_h, plot_h)
    if not fit.inset:
        return
    bx0, by0, bx1, by1 = base["inset"]["box"]
    inset_w, inset_h = (bx1 - bx0) * scale * fit.zoom, (by1 - by0) * base["ratio"] * scale * fit.zoom
    ix, iy = (ox + fit.map_px[0] - inset_w, oy) if fit.inset == "kanan" else (ox, oy + fit.map_px[1] - inset_h)
    fig.layout.xaxis2.domain = _domain(ix, inset_w, plot_w)
    fig.layout.yaxis2.domain = _domain(plot_h - iy - inset_h, inset_h, plot_h)


def _reset(fig: go.Figure, base: dict) -> None:
    """Back to the screen layout: legend row above the map, title above it, footer under it, no key."""
    fig.update_layout(
        margin=dict(t=base["top"], b=base["bottom"]),
        title=dict(yref="paper", y=1, yanchor="bottom", pad=dict(t=0, b=base["lift"])),
        legend=dict(orientation="h", x=0, xanchor="left", y=1, yanchor="bottom",
                    font=dict(size=LEGEND_PX), title=dict(font=dict(size=LEGEND_PX))))
    for annotation in fig.layout.annotations:
        if annotation.name in base["footer"]:
            annotation.update(**base["footer"][annotation.name])
        if annotation.name == "kunci":
            annotation.update(text="", visible=True)
