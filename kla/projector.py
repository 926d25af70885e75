"""Charts and pages for a projector: the meeting view (pages/rapat.py) read from the back of the room.

Two pure pieces, so the dashboard's one look (:func:`kla.charts.style`) stays as it is:

* :func:`for_projector`: a copy of a styled figure with every text scaled so the smallest frame
  text (title, subtitle, legend, axis ticks, footer, notes) is ``min_px``, and every text inside the
  plot (data labels, names on a map) at least ``min_px``. The margins style() computed in pixels
  from its font sizes, the title's lift and the footer's shift grow by the same factor, so what
  fitted at the small size fits at the large one.
* :func:`canvas_css`: the meeting page is laid out once, for a 1920x1080 projector, and shown at
  ``zoom = min(width / 1920, height / 1080)``, the way slides are: a 1024x768 or 1366x768 projector
  shows the same picture on the same wall, so nothing reflows, scrolls or truncates. CSS cannot
  divide lengths, so the zoom comes from media queries in steps of :data:`ZOOM_STEP`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from kla import charts, export

MIN_PX = 20.0
CANVAS = (1920, 1080)  # the meeting page's design size (a full-HD projector)
ZOOM_STEP, ZOOM_MIN = 0.025, 0.3
# The tile map's side column: its width, the gap to the map, room above the map, space between texts.
SIDE_PX, SIDE_GAP_PX, TOP_PX, GAP_PX = 300, 16, 10, 14
# an average glyph's width (a bold one for titles) and a line's height, as shares of the font size
GLYPH, TITLE_GLYPH, LINE = 0.55, 0.6, 1.3


def _fonts(node: Any, key: str = "") -> Iterator[dict]:
    """Every font dict in a plotly JSON tree (keys ``font``, ``tickfont``, ``textfont``, ``insidetextfont``...)."""
    if isinstance(node, dict):
        if key.endswith("font") and "size" in node:
            yield node
        for child_key, child in node.items():
            yield from _fonts(child, child_key)
    elif isinstance(node, list):
        for child in node:
            yield from _fonts(child, key)


def _sizes(font: dict) -> list[float]:
    size = font["size"]
    return [float(s) for s in (size if isinstance(size, list) else [size]) if s is not None]


def _scale_font(font: dict, factor: float, floor: float) -> None:
    def one(size: float | None) -> float | None:
        return None if size is None else round(max(float(size) * factor, floor), 1)

    size = font["size"]
    font["size"] = [one(s) for s in size] if isinstance(size, list) else one(size)


def _body_sizes(layout: dict) -> list[float]:
    """Sizes of the chart's body text: axis ticks and legend (the footer and notes are smaller on purpose)."""
    fonts = [axis.get("tickfont", {}) for key, axis in layout.items() if key.startswith(("xaxis", "yaxis"))]
    fonts.append(layout.get("legend", {}).get("font", {}))
    return [s for font in fonts if "size" in font for s in _sizes(font)]


def projector_factor(fig: go.Figure, min_px: float = MIN_PX) -> float:
    """How much :func:`for_projector` enlarges ``fig``: its body text (ticks, legend) becomes ``min_px``."""
    layout = fig.to_dict()["layout"]
    sizes = _body_sizes(layout) or [s for font in _fonts(layout) for s in _sizes(font)]
    return max(1.0, min_px / min(sizes)) if sizes else 1.0


def _grow(value: float, factor: float) -> float:
    return math.copysign(math.ceil(abs(float(value)) * factor), float(value))


def _rewrap(text: str, chars: int) -> str:
    return charts._wrap(text.replace("<br>", " "), max(chars, 8))


def for_projector(fig: go.Figure, min_px: float = MIN_PX, width: int | None = None) -> go.Figure:
    """A copy of ``fig`` for a projector: every text grown by :func:`projector_factor`, none under ``min_px``.

    The chart's body text (axis ticks, legend) becomes ``min_px`` and larger texts (title, subtitle)
    grow by the same factor, so their order stays; smaller notes (source line, sample mark) and the
    texts of traces (bar values, names on a map) are raised to ``min_px``. Plotly shrinks bar labels
    that do not fit their bar: ``uniformtext`` keeps them at ``min_px``. The margins and shifts
    style() computed from the font sizes grow with the texts they hold, the bottom one (source line
    and sample mark) by the footer's own growth. With ``width`` (the chart's px), title, subtitle
    and source line are wrapped for that width instead of a phone's, which gives the plot back the
    lines saved. The figure's height is the caller's.
    """
    factor = projector_factor(fig, min_px)
    spec = fig.to_dict()
    layout = spec["layout"]
    layout.setdefault("font", {}).setdefault("size", 12)  # plotly's default, inherited by unset sizes
    notes = layout.get("annotations", [])
    before = [_sizes(note["font"])[0] if note.get("font", {}).get("size") else None for note in notes]
    for font in [*_fonts(layout), *(f for trace in spec["data"] for f in _fonts(trace))]:
        _scale_font(font, factor, min_px)
    layout["uniformtext"] = {"minsize": min_px, "mode": "show"}

    def below_plot(note: dict) -> bool:
        return note.get("yref") == "paper" and float(note.get("y", 1)) <= 0

    def beside_plot(note: dict) -> bool:
        return note.get("xref") == "paper" and float(note.get("x", 0)) >= 1 and note.get("xanchor") == "left"

    # a margin holding notes (the footer below, category names on the right) grows as much as they do
    growth = [(note["font"]["size"] / old) if old else factor for note, old in zip(notes, before)]
    bottom_factor = max([factor, *(g for note, g in zip(notes, growth) if below_plot(note))])
    right_factor = max([factor, *(g for note, g in zip(notes, growth) if beside_plot(note))])
    margin = layout.setdefault("margin", {})
    for side, grows in (("t", factor), ("l", factor), ("r", right_factor), ("b", bottom_factor)):
        if side in margin:
            margin[side] = _grow(margin[side], grows)
    title = layout.get("title", {})
    pad = title.get("pad", {})
    for side in list(pad):
        pad[side] = _grow(pad[side], factor)
    for note in notes:
        for shift in ("xshift", "yshift", "borderpad"):
            if shift in note:
                note[shift] = _grow(note[shift], bottom_factor if below_plot(note) else factor)
    if width:
        _rewrap_for(layout, width, factor, bottom_factor, below_plot)
    return go.Figure(spec)


def _rewrap_for(layout: dict, width: int, factor: float, bottom_factor: float, below_plot: Any) -> None:
    """Title, subtitle and source line wrapped for ``width`` px; margins shrink by the lines saved."""
    title = layout.get("title", {})
    saved_top = 0.0
    if title.get("text"):
        size = title.get("font", {}).get("size", layout["font"]["size"])
        text = str(title["text"]).removeprefix("<b>").removesuffix("</b>")
        wrapped = _rewrap(text, int(width / (TITLE_GLYPH * size)))
        saved_top += (charts._lines(text) - charts._lines(wrapped)) * charts.TITLE_PX * factor
        title["text"] = f"<b>{wrapped}</b>"
    subtitle = title.get("subtitle", {})
    if subtitle.get("text"):
        size = subtitle.get("font", {}).get("size", layout["font"]["size"])
        wrapped = _rewrap(str(subtitle["text"]), int(width / (GLYPH * size)))
        saved_top += (charts._lines(subtitle["text"]) - charts._lines(wrapped)) * charts.SUBTITLE_PX * factor
        subtitle["text"] = wrapped
    margin, pad = layout["margin"], title.get("pad", {})
    if saved_top and "t" in margin:
        margin["t"] -= math.floor(saved_top)
        pad["b"] = pad.get("b", 0) - math.floor(saved_top)
    footer = next((note for note in layout.get("annotations", []) if note.get("name") == "sumber"), None)
    if footer is None or not footer.get("text"):
        return
    size = footer.get("font", {}).get("size", layout["font"]["size"])
    wrapped = _rewrap(str(footer["text"]), int(width / (GLYPH * size)))
    saved = math.floor((charts._lines(footer["text"]) - charts._lines(wrapped)) * charts.FOOTER_PX * bottom_factor)
    footer["text"] = wrapped
    if saved and "b" in margin:
        margin["b"] -= saved
        for note in layout.get("annotations", []):
            if below_plot(note) and note is not footer and note.get("yshift", 0) < 0:
                note["yshift"] += saved  # the sample mark sits under the footer: up by the lines saved


def canvas_css(selector: str, canvas: tuple[int, int] = CANVAS, step: float = ZOOM_STEP,
               smallest: float = ZOOM_MIN) -> str:
    """CSS that zooms ``selector`` to the largest step ``z`` with ``canvas * z`` inside the viewport.

    Each rule applies when the viewport is narrower or lower than the previous step needs, and a
    later (smaller) rule wins: the result is ``z = floor(min(w / W, h / H) / step) * step``.
    """
    width, height = canvas
    rules = [f"{selector} {{zoom: 1;}}"]
    levels = int(round((1 - smallest) / step))
    for k in range(1, levels + 1):
        previous, zoom = 1 - (k - 1) * step, 1 - k * step
        below = f"(max-width: {width * previous - 0.02:.2f}px), (max-height: {height * previous - 0.02:.2f}px)"
        rules.append(f"@media {below} {{{selector} {{zoom: {zoom:.3f};}}}}")
    return "\n".join(rules)


def zoom_for(viewport: tuple[int, int], canvas: tuple[int, int] = CANVAS, step: float = ZOOM_STEP,
             smallest: float = ZOOM_MIN) -> float:
    """The zoom :func:`canvas_css` gives at ``viewport`` (what the page looks like there)."""
    fit = min(viewport[0] / canvas[0], viewport[1] / canvas[1], 1.0)
    return max(smallest, math.floor(round(fit / step, 9)) * step)


def tile_map_for_projector(chart: charts.Chart, height: int, side_px: int = SIDE_PX) -> go.Figure:
    """The tile map (:func:`kla.tilemap.tile_map`) for the projector, ``height`` px tall: names big enough to read.

    Title, subtitle and legend sit in a column of ``side_px`` beside the map instead of above it,
    so the hexagons get the height: at 1920x1080 a hexagon is about 100 px, room for a 20 px name.
    """
    factor = projector_factor(chart.figure)
    fig = for_projector(chart.figure)
    layout = fig.layout
    title_px, subtitle_px = layout.title.font.size, layout.title.subtitle.font.size
    title = _rewrap(chart.title, int(side_px / (GLYPH * title_px)))
    subtitle = _rewrap(chart.subtitle, int(side_px / (GLYPH * subtitle_px)))
    top = math.ceil(TOP_PX * factor)
    plot_px = height - top - (layout.margin.b or 0)
    fig.update_layout(height=height, title=dict(text="", subtitle=dict(text="")),
                      margin=dict(t=top, r=side_px + SIDE_GAP_PX))
    column = dict(xref="paper", yref="paper", x=1, xanchor="left", xshift=SIDE_GAP_PX // 2, yanchor="top",
                  align="left", showarrow=False)
    fig.add_annotation(name="projector:title", text=f"<b>{title}</b>", y=1,
                       font=dict(size=title_px, color=charts.TEXT), **column)
    title_h = charts._lines(title) * title_px * LINE
    fig.add_annotation(name="projector:subtitle", text=subtitle, y=1, yshift=-math.ceil(title_h + GAP_PX),
                       font=dict(size=subtitle_px, color=charts.MUTED), **column)
    used = title_h + charts._lines(subtitle) * subtitle_px * LINE + 2 * GAP_PX
    legend_title = fig.layout.legend.title.text or ""
    fig.update_layout(legend=dict(orientation="v", x=1, xanchor="left", y=1 - used / plot_px, yanchor="top",
                                  xref="paper", yref="paper",
                                  title=dict(text=_rewrap(legend_title, int(side_px / (GLYPH * subtitle_px))),
                                             side="top")))
    return fig


def chart_svg(figure_json: str, width: int, height: int) -> str:
    """The figure (plotly JSON) drawn as an SVG of ``width`` x ``height`` px, through the warm Chromium.

    The meeting page is zoomed to the screen (:func:`canvas_css`). A live plotly chart measures its
    box on the zoomed page and is then zoomed again (at 1024x768 it was drawn at a quarter of its
    area, its margins left the plot 31 px high); an SVG is a picture, zoomed once, like the rest.
    """
    svg = export.render(pio.from_json(figure_json), "svg", export.Preset("projektor", width, height))
    return svg.decode("utf-8")
