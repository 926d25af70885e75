"""Names and numbers on the press map, and the key of the numbers.

A name is written only where it fits inside its kelurahan, at the point farthest from the edges
(pole of inaccessibility), on one line or wrapped like the tile map's names, sized with the map
(:data:`LABEL_DEG`) within a legible range. A kelurahan whose name does not fit gets a number,
named in the key under (or beside) the map; numbers run 1, 2, … over the numbered kelurahan only,
kecamatan by kecamatan. A number that would touch another text moves to another point inside
its kelurahan (:func:`spread_numbers`), measured in pixels with :mod:`kla.textsize`.

Sizes are kept in map units (degrees of latitude) in each label's ``customdata`` and turned
into pixels by :func:`show_labels` once the render size is known.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import plotly.graph_objects as go
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from kla import charts, textsize
from kla.i18n import Lang, t
from kla.staticmap.geometry import polygons
from kla.tilemap import plotly_text, short_label

# Names are sized in map units, LABEL_DEG degrees of latitude (about 500 m) per font size, so
# they grow with the map, within LABEL_MIN_PX..LABEL_MAX_PX; a name in a kelurahan too small for
# that size is written smaller, but never under LABEL_MIN_PX (it gets its number instead).
LABEL_DEG = 0.0045
LABEL_MIN_PX, LABEL_MAX_PX = 10.0, 20.0
LINE_HEIGHT = 1.25  # a line's height as a share of the font size
SIDE_ROOM = 0.4  # font sizes of free space kept beside a name inside its kelurahan (widths: kla.textsize)
# Share of a name's box that may lie outside its kelurahan: the box is a line height tall and
# SIDE_ROOM wider than the letters, so 5% of it outside leaves the letters inside.
BLEED = 0.05
LABEL_WRAP = 10  # characters per line when a name is wrapped to fit
# A number is NUMBER_PX, or smaller where even that does not fit, never under NUMBER_MIN_PX;
# its room is measured for two digits.
NUMBER_PX, NUMBER_MIN_PX = 11.0, 8.0
NUMBER_ROOM_TEXT = "88"
KEY_PX, KEY_LINE_PX = 11, 14  # the key's font and line height
KEY_CHAR_PX = 0.56 * KEY_PX  # a generous average glyph width (see CHAR_WIDTH)
# Where a number may go instead of the pole: up to CANDIDATES points of a grid CANDIDATE_STEPS
# per side of the kelurahan, inside it, nearest to the pole first.
CANDIDATES, CANDIDATE_STEPS = 16, 6
CLEAR_PX = 1.0  # space kept between two texts

NAME_SPOTS = 9
# customdata of a label: [code, one line, its room, its place, wrapped, its room, its place, number room,
# places for a number (the pole first), optional]; rooms are fonts in degrees of latitude, places [x, y]
CODE, ONE, ONE_ROOM, ONE_AT, WRAPPED, WRAPPED_ROOM, WRAPPED_AT, NUMBER_ROOM, SPOTS, OPTIONAL = range(10)


def _text_box(lines: list[str], centre: tuple[float, float], font: float, ratio: float) -> Polygon:
    """The box ``lines`` take at ``centre`` for a font ``font`` degrees of latitude high.

    Widths in degrees of longitude: a degree of longitude is ``1 / ratio`` of a degree of
    latitude on the map, so the same text spans more of them.
    """
    height = font * LINE_HEIGHT * len(lines)
    width = font * (max(textsize.text_px(line, 1.0, markup=False) for line in lines) + SIDE_ROOM) * ratio
    x, y = centre
    return shapely.box(x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def _inside(polygon: Polygon, box: Polygon) -> bool:
    """``box`` inside ``polygon``, but for :data:`BLEED` of it (a box is wider and taller than the letters)."""
    if polygon.contains(box):
        return True
    return shapely.area(shapely.intersection(polygon, box)) >= (1 - BLEED) * box.area


def _largest_font(lines: list[str], centre: tuple[float, float], polygon: Polygon, ratio: float,
                  low: float = 0.0) -> float:
    """The largest font (degrees of latitude) at which ``lines`` fit inside ``polygon`` (bisection from ``low``)."""
    shapely.prepare(polygon)
    high = 0.05
    for _ in range(18):
        mid = (low + high) / 2
        low, high = (mid, high) if _inside(polygon, _text_box(lines, centre, mid, ratio)) else (low, mid)
    return low


def _best_spot(lines: list[str], places: list[list[float]], polygon: Polygon, ratio: float
               ) -> tuple[tuple[float, float], float]:
    """Of ``places``, the one where ``lines`` can be largest, and that font (the first unless another is 2% larger)."""
    at, best = (places[0][0], places[0][1]), _largest_font(lines, (places[0][0], places[0][1]), polygon, ratio)
    for x, y in places[1:]:
        if _inside(polygon, _text_box(lines, (x, y), best * 1.02, ratio)):  # worth a bisection
            at, best = (x, y), _largest_font(lines, (x, y), polygon, ratio, low=best * 1.02)
    return at, best


def _home(geom: BaseGeometry | None) -> Polygon | None:
    parts = polygons(geom)
    return max(parts, key=lambda p: p.area) if parts else None


def label_room(name: str, geom: BaseGeometry | None,
               ratio: float = 1.0) -> tuple[tuple[float, float], list[tuple[str, float]]] | None:
    """Where a kelurahan's name goes and how large it may be there.

    The point is the pole of inaccessibility of the largest part (the point farthest from its
    edges). For the name on one line and wrapped like the tile map's names: the text (lines
    joined by ``<br>``, escaped) and the largest font, in degrees of latitude, that keeps it
    inside the kelurahan. ``None`` for an empty geometry.
    """
    largest = _home(geom)
    if largest is None:
        return None
    pole = polylabel(largest, tolerance=1e-4)
    centre = (pole.x, pole.y)
    forms = [("<br>".join(plotly_text(line) for line in lines), _largest_font(lines, centre, largest, ratio))
             for lines in ([str(name)], short_label(name, LABEL_WRAP))]
    return centre, forms


def spots(polygon: Polygon, pole: tuple[float, float]) -> list[list[float]]:
    """The pole, then points of a grid inside ``polygon``, nearest to the pole first (see CANDIDATES)."""
    x0, y0, x1, y1 = polygon.bounds
    step = max(x1 - x0, y1 - y0) / CANDIDATE_STEPS
    grid = [(pole[0] + i * step, pole[1] + j * step) for i in range(-CANDIDATE_STEPS, CANDIDATE_STEPS + 1)
            for j in range(-CANDIDATE_STEPS, CANDIDATE_STEPS + 1) if i or j]
    inside = [p for p in grid if polygon.contains(shapely.Point(p))]
    inside.sort(key=lambda p: (math.dist(p, pole), p))
    return [[round(x, 6), round(y, 6)] for x, y in [pole, *inside[:CANDIDATES - 1]]]


def label_item(code: str, name: str, geom: BaseGeometry | None, ratio: float,
               optional: bool = False) -> tuple[float, float, list] | None:
    """Position and ``customdata`` (see :data:`CODE` …) of one kelurahan's label, or ``None``.

    Each form of the name goes where it can be largest: the pole or one of the
    :data:`NAME_SPOTS` points nearest to it (a bay or a bend can leave the pole a narrow place).
    ``optional``: a name where it fits, nothing (no number) where it does not.
    """
    home = _home(geom)
    if home is None:
        return None
    pole = polylabel(home, tolerance=1e-4)
    places = spots(home, (pole.x, pole.y))
    forms: list = []
    for lines in ([str(name)], short_label(name, LABEL_WRAP)):
        (x, y), font = _best_spot(lines, places[:NAME_SPOTS], home, ratio)
        forms += ["<br>".join(plotly_text(line) for line in lines), round(font, 7), [round(x, 6), round(y, 6)]]
    number_room = _largest_font([NUMBER_ROOM_TEXT], (pole.x, pole.y), home, ratio)
    return pole.x, pole.y, [str(code), *forms, round(number_room, 7), places, int(optional)]


def label_font_px(px_per_degree: float) -> float:
    """The names' font size for a map drawn at ``px_per_degree`` (pixels per degree of latitude)."""
    return round(min(max(LABEL_DEG * px_per_degree, LABEL_MIN_PX), LABEL_MAX_PX), 1)


def _px(room: float, px_per_degree: float) -> float:
    return math.floor(room * px_per_degree * 2) / 2


def _traces(fig: go.Figure) -> list:
    return list(fig.select_traces(selector=dict(name="label")))


def _scale(trace, px_per_degree: float, zoom: float) -> float:
    """Pixels per degree of latitude of the subplot ``trace`` is drawn in (the inset is ``zoom`` times larger)."""
    return px_per_degree * (zoom if (trace.xaxis or "x") != "x" else 1.0)


def show_labels(fig: go.Figure, px_per_degree: float, zoom: float = 1.0, order: list[str] | None = None) -> list[str]:
    """Write each name that fits for a map drawn at ``px_per_degree``, a number for the rest.

    ``px_per_degree``: pixels per degree of latitude of the city map; the inset's labels are
    ``zoom`` times larger. Names get :func:`label_font_px` of the city map, or less where their
    kelurahan is too small for that, down to :data:`LABEL_MIN_PX`, in the form (one line or
    wrapped) that can be larger. A name that would touch a larger one takes its other form, or
    a number. Numbers follow ``order`` (the key's order) and move apart
    (:func:`spread_numbers`). Returns the numbered kelurahan codes in that order.
    """
    target = label_font_px(px_per_degree)
    ratio = fig.layout.yaxis.scaleratio or 1.0
    traces = _traces(fig)
    names: dict[tuple[int, int], tuple[str, float, list]] = {}
    options: dict[tuple[int, int], list[tuple[str, float, list]]] = {}
    for ti, trace in enumerate(traces):
        scale = _scale(trace, px_per_degree, zoom)
        for pi, item in enumerate(trace.customdata):
            forms = [(item[ONE], min(target, _px(item[ONE_ROOM], scale)), item[ONE_AT]),
                     (item[WRAPPED], min(target, _px(item[WRAPPED_ROOM], scale)), item[WRAPPED_AT])]
            forms = sorted((f for f in forms if f[1] >= LABEL_MIN_PX), key=lambda f: -f[1])
            options[ti, pi] = forms
    # Largest names first; one that touches a name already written takes its other form, or none.
    for axis in dict.fromkeys(trace.xaxis or "x" for trace in traces):
        per_lat = _scale(next(tr for tr in traces if (tr.xaxis or "x") == axis), px_per_degree, zoom)
        per_lon = per_lat / ratio
        written: list[tuple[float, ...]] = []
        keys = sorted((k for k in options if (traces[k[0]].xaxis or "x") == axis and options[k]),
                      key=lambda k: (-options[k][0][1], traces[k[0]].customdata[k[1]][CODE]))
        for key in keys:
            for text, size, (x, y) in options[key]:
                box = _box(x, y, text, size, per_lon, per_lat)
                if not any(_overlap(box, other) for other in written):
                    names[key] = (text, size, [x, y])
                    written.append(box)
                    break
    numbered = {traces[ti].customdata[pi][CODE] for ti, pi in options
                if (ti, pi) not in names and not traces[ti].customdata[pi][OPTIONAL]}
    codes = [c for c in (order or sorted(numbered)) if c in numbered]
    codes += sorted(numbered - set(codes))
    number_of = {code: str(i) for i, code in enumerate(codes, start=1)}
    for ti, trace in enumerate(traces):
        scale = _scale(trace, px_per_degree, zoom)
        texts, sizes, xs, ys = [], [], [], []
        for pi, item in enumerate(trace.customdata):
            number = "" if item[OPTIONAL] else number_of.get(item[CODE], "")
            number_px = max(min(NUMBER_PX, _px(item[NUMBER_ROOM], scale)), NUMBER_MIN_PX)
            text, size, (x, y) = names.get((ti, pi)) or (number, number_px, item[SPOTS][0])
            texts.append(text)
            sizes.append(size)
            xs.append(x)
            ys.append(y)
        trace.update(text=texts, textfont_size=sizes, x=xs, y=ys)
    spread_numbers(fig, px_per_degree, zoom)
    return codes


def _box(x: float, y: float, text: str, size: float, per_lon: float, per_lat: float) -> tuple[float, ...]:
    """The text's box in pixels (y down), ``CLEAR_PX`` wider on each side."""
    half_w = textsize.text_px(text, size) / 2 + CLEAR_PX
    half_h = LINE_HEIGHT * size * len(textsize.plain_lines(text)) / 2 + CLEAR_PX
    cx, cy = x * per_lon, -y * per_lat
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return max(min(a[2], b[2]) - max(a[0], b[0]), 0.0) * max(min(a[3], b[3]) - max(a[1], b[1]), 0.0)


def spread_numbers(fig: go.Figure, px_per_degree: float, zoom: float = 1.0) -> None:
    """Move numbers that would touch another text to the nearest free point inside their kelurahan.

    Names stay at their poles (each fits inside its own kelurahan, so none touches another).
    Numbers are placed one by one, those with the least room first, each at the first of its
    :func:`spots` where its box touches no placed text and stays inside its subplot; where no
    spot is free, at the one with the least overlap.
    """
    ratio = fig.layout.yaxis.scaleratio or 1.0
    by_axis: dict[str, list[tuple[go.Scatter, int]]] = {}
    for trace in _traces(fig):
        by_axis.setdefault(trace.xaxis or "x", []).extend((trace, i) for i in range(len(trace.customdata)))
    for axis, points in by_axis.items():
        per_lat = _scale(points[0][0], px_per_degree, zoom)
        per_lon = per_lat / ratio
        x_axis = fig.layout[axis.replace("x", "xaxis")]
        y_axis = fig.layout[axis.replace("x", "yaxis")]
        (x0, x1), (y0, y1) = x_axis.range, y_axis.range
        frame = (x0 * per_lon, -y1 * per_lat, x1 * per_lon, -y0 * per_lat)
        placed = [_box(tr.x[i], tr.y[i], tr.text[i], tr.textfont.size[i], per_lon, per_lat)
                  for tr, i in points if tr.text[i] and not tr.text[i].isdigit()]
        numbers = sorted(((tr, i) for tr, i in points if tr.text[i].isdigit()),
                         key=lambda p: (p[0].customdata[p[1]][NUMBER_ROOM], p[0].customdata[p[1]][CODE]))
        moved: dict[int, dict[int, tuple[float, float]]] = {}
        for tr, i in numbers:
            text, size = tr.text[i], tr.textfont.size[i]
            best, best_cost = None, math.inf
            for x, y in tr.customdata[i][SPOTS]:
                box = _box(x, y, text, size, per_lon, per_lat)
                outside = max(frame[0] - box[0], box[2] - frame[2], frame[1] - box[1], box[3] - frame[3], 0.0)
                cost = sum(_overlap(box, other) for other in placed) + 1000 * outside
                if cost < best_cost:
                    best, best_cost = (x, y, box), cost
                if cost == 0:
                    break
            x, y, box = best  # type: ignore[misc]
            placed.append(box)
            moved.setdefault(id(tr), {})[i] = (x, y)
        for tr in {id(tr): tr for tr, _ in points}.values():
            if id(tr) in moved:
                xs, ys = list(tr.x), list(tr.y)
                for i, (x, y) in moved[id(tr)].items():
                    xs[i], ys[i] = x, y
                tr.update(x=xs, y=ys)


# --- the key -----------------------------------------------------------------------------------


def numbers(shapes: pd.DataFrame) -> dict[str, int]:
    """1, 2, … per kelurahan code, kecamatan by kecamatan (by code), by name within one: the key's order."""
    order = shapes.sort_values(["kode_kecamatan", "nama"])["kode_kelurahan"]
    return {code: i for i, code in enumerate(order, start=1)}


def key_entries(shapes: pd.DataFrame) -> list[list[str]]:
    """``[code, name]`` (name as plotly text, escaped) of every kelurahan drawn, in the key's order."""
    names = dict(zip(shapes["kode_kelurahan"], shapes["nama"]))
    return [[code, plotly_text(names[code])] for code, _ in sorted(numbers(shapes).items(), key=lambda item: item[1])]


def key_text(entries: list[str], width_px: float, lang: Lang) -> str:
    """'Nomor pada peta: 1 Manggar · 2 …' wrapped to ``width_px`` (lines joined by <br>); '' without entries."""
    if not entries:
        return ""
    chars = max(int(width_px / KEY_CHAR_PX), 20)
    lines = [t("statis.kunci", lang)]
    for entry in entries:
        plain = len(re.sub(r"&[#\w]+;", "x", entry))
        if len(re.sub(r"&[#\w]+;", "x", lines[-1])) + 3 + plain > chars:
            lines.append(entry)
        else:
            lines[-1] += (" " if lines[-1].endswith(":") else " · ") + entry
    return "<br>".join(lines)


def numbered_entries(key: list[list[str]], codes: list[str]) -> list[str]:
    """'1 Manggar', … for the numbered ``codes`` (in the key's order, as :func:`show_labels` numbers them)."""
    names = dict((code, name) for code, name in key)
    return [f"{i} {names[code]}" for i, code in enumerate(codes, start=1)]


def key_height(text: str) -> float:
    return KEY_LINE_PX * charts._lines(text) + 6 if text else 0.0
