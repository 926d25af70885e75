"""Charts of the dashboard: pure functions from data frames to a :class:`Chart`.

Every chart carries, besides its plotly figure, exactly the numbers it draws (``Chart.data``,
tidy, Indonesian column names) so the page can offer them as CSV/XLSX, and its title, subtitle,
source and period so an exported image stands on its own in a press release.

One look for all charts, set by :func:`style`:

* explicit colours (white paper, dark text), so a chart looks the same in Streamlit's light or
  dark theme, on a projector and in an exported PNG/SVG;
* the Okabe-Ito palette, safe for the common forms of colour blindness;
* large fonts (16 px body) because the deputy mayor shows these on a projector;
* Indonesian number marks (``1.234,5``) through ``layout.separators``;
* title and subtitle at the top, "Sumber: … · Periode: …" at the bottom, and a "DATA CONTOH"
  mark in the bottom-right corner when the data are sample data (both given by the caller, from
  :mod:`kla.provenance`: the data decide what a chart says about itself);
* small side margins so the plot keeps its width on a 390 px phone.

Texts come from :mod:`kla.i18n` (``lang`` = ``"id"`` by default, or ``"en"``). Scores come
from :mod:`kla.scoring`; nothing here recomputes them beyond what is drawn.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from kla import domain, scoring
from kla.activities import month_spans
from kla.colours import GRAPHIC_MIN, TEXT_MIN, darken_to
from kla.i18n import PLOTLY_SEPARATORS, Lang, block_name, format_date, format_month, format_number, t
from kla.names import INITIATIVE_COLUMNS, indicator_labels, indicator_names, value_name, value_names
from kla.schema import ACTIVITY_TYPES, INITIATIVE_STATUSES, INITIATIVE_TYPES, PARTNER_TYPES
from kla.text import escape_plotly
from kla.textsize import text_px, wrap_px

# Okabe & Ito (2008), each hue darkened where needed to 3:1 on white (WCAG 1.4.11: a line, a
# marker or a bar must stand out from the paper): orange, sky blue, yellow and grey get darker.
# Yellow comes last: even darkened it is the weakest as a line.
OKABE_ITO = tuple(darken_to(c, ("#FFFFFF",), GRAPHIC_MIN) for c in (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"))
GREY = darken_to("#999999", ("#FFFFFF",), GRAPHIC_MIN)
# Lines of several series differ by marker shape too (in the legend as well), not by colour alone.
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "triangle-down", "star", "cross")
# Green means "reached": never the colour of a value still under its target or of a shortfall.
PROGRESS = OKABE_ITO[2]
TEXT = "#1A1A1A"
MUTED = "#4D4D4D"
GRID = "#DDDDDD"
SAMPLE_TEXT, SAMPLE_EDGE, SAMPLE_FILL = "#A63C00", "#D55E00", "#FFF1E8"  # dark vermillion: 5.9:1 on the fill
FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"
# A block keeps its colour on every chart, so a reader learns it once.
BLOCK_COLOURS = dict(zip(domain.BLOCKS, OKABE_ITO))
BLOCK_SYMBOLS = dict(zip(domain.BLOCKS, SYMBOLS))
# Category bands: one light blue ramp, darker = better, so order reads without the labels.
BAND_COLOURS = {"Pratama": "#F3F7FA", "Madya": "#E6EEF5", "Nindya": "#D8E6F0", "Utama": "#C9DCEB",
                "Paripurna": "#D7EFE3"}
# Roadmap target numbers are text: vermillion darkened to 4.5:1 on white and on every band.
TARGET_TEXT = darken_to(OKABE_ITO[5], ("#FFFFFF", *BAND_COLOURS.values()), TEXT_MIN)
Y_FLOOR = int(domain.CATEGORY_LOWEST.low) - 50  # total-score axes start 50 points under the lowest category

# Pixel budget of the layout: a title line, a subtitle line, a legend row, a footer line.
TITLE_PX, SUBTITLE_PX, LEGEND_ROW_HEIGHT_PX, FOOTER_PX, TICKS_PX = 28, 20, 22, 16, 38
TITLE_SIZE, SUBTITLE_SIZE, LEGEND_SIZE, TICK_SIZE, FOOTER_SIZE, LABEL_SIZE = 22, 15, 14, 14, 12, 12  # font px
# One figure serves every screen, so it is laid out for the narrowest: a 360 px phone, where the
# page gives a chart 328 px. Title, subtitle and footer are wrapped to that width less EDGE_PX on
# either side, measured in pixels (kla.textsize); legend rows are counted for its plot width.
# A wider screen only gets more air.
NARROWEST_PX, EDGE_PX = 328, 12
TEXT_WIDTH_PX = NARROWEST_PX - 2 * EDGE_PX
PLOT_LEFT_PX = 56  # the most the y tick labels of a chart with a legend take ("1.000", "100%")
# Characters per wrapped line, for labels inside the plot and for other modules' own texts.
TITLE_CHARS, SUBTITLE_CHARS, FOOTER_CHARS, LABEL_CHARS = 32, 48, 52, 18
LEGEND_ROW_PX = NARROWEST_PX - PLOT_LEFT_PX - 16  # plot width on the phone with the default right margin
BAND_LABEL_SHIFT = 6  # category names start this far right of the plot
# The right margin that holds the category names beside the bands.
BAND_LABEL_MARGIN = int(max(text_px(name, LABEL_SIZE) for name in BAND_COLOURS)) + BAND_LABEL_SHIFT + 4
GAP_LABEL_PX = 110  # a gap year's reason, written upwards, wraps at this length: it stays under the line
YEAR_LABEL_PX = 40  # room per labelled year on a year axis ("2029" is 31 px)


@dataclass(frozen=True)
class Chart:
    """A finished chart: the figure, the numbers it draws, and the words around it."""

    name: str  # stable id, used for export file names and the CLI
    figure: go.Figure
    data: pd.DataFrame  # exactly the numbers drawn
    title: str
    subtitle: str
    source: str  # "Sumber: …"
    period: str
    sample: bool = False


@dataclass(frozen=True)
class ChartMeta:
    """What :func:`style` needs to know about a chart besides its figure.

    ``title`` and ``subtitle`` are plotly text (data in them escaped with
    :func:`kla.text.escape_plotly` by the caller); ``source`` is plain text, escaped by :func:`style`.
    """

    name: str
    title: str
    subtitle: str
    source: str
    period: str
    sample: bool = False
    legend: bool = True
    margin_right: int = 16
    ticks_px: int = TICKS_PX  # height of the x tick labels (two-line month labels need more)
    # Height of the plot area alone (bar charts: rows x room per label); the figure's height is
    # then this plus title, subtitle, legend and footer, however many lines they wrap to.
    plot_height: int | None = None


# --- shared look ---------------------------------------------------------------------------------


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width)) or text


def _wrap_px(text: str, size: float, width_px: float = TEXT_WIDTH_PX, bold: bool = False) -> str:
    """Plotly text wrapped to ``width_px`` at ``size`` px."""
    return "<br>".join(wrap_px(text, width_px, size, bold)) or text


def _wrap_plain(text: str, width: int) -> str:
    """Plain text (from data) wrapped for plotly: each line escaped, then joined with ``<br>``."""
    return "<br>".join(escape_plotly(line) for line in textwrap.wrap(text, width)) or escape_plotly(text)


def _lines(text: str) -> int:
    return text.count("<br>") + 1 if text else 0


def source_line(source: str, period: str, lang: Lang = "id") -> str:
    """'Sumber: … · Periode: …', the footer of every chart."""
    return f"{t('sumber', lang)}: {source} · {t('periode', lang)}: {period}"


def _legend_rows(fig: go.Figure, row_px: float = LEGEND_ROW_PX) -> int:
    """Rows a horizontal legend ``row_px`` wide needs (a row of two-line entries counts twice).

    Laid out as plotly does: side by side when every entry fits one row, otherwise in columns as
    wide as the widest entry (40 px of symbol, then the 14 px text), 5 px apart.
    """
    names = [tr.name or "" for tr in fig.data if tr.showlegend is not False]
    if not names:
        return 0
    widths = [40 + text_px(name, LEGEND_SIZE) for name in names]
    if sum(widths) + 5 * (len(widths) - 1) < row_px:
        return max(_lines(name) for name in names)
    column = max(widths) + 5
    rows, row_lines, offset = 0, 0, 0.0
    for name in names:
        if offset and offset + column - 5 >= row_px:
            rows, row_lines, offset = rows + row_lines, 0, 0.0
        offset += column
        row_lines = max(row_lines, _lines(name))
    return rows + row_lines


def _footer(line: str, lang: Lang) -> str:
    """The plain source line wrapped for the narrowest phone, escaped for plotly; "Periode:" stays with its period."""
    label = f"{t('periode', lang)}: "
    glued = line.replace(label, label[:-1] + "\u00a0")
    return "<br>".join(escape_plotly(part.replace("\u00a0", " "))
                       for part in wrap_px(glued, TEXT_WIDTH_PX, FOOTER_SIZE, markup=False))


def style(fig: go.Figure, meta: ChartMeta, lang: Lang = "id") -> go.Figure:
    """Apply the dashboard's single look to ``fig`` (in place) and return it.

    The title is anchored to the top of the plot area and lifted by the subtitle and legend
    heights, so its position does not depend on the figure height (plotly mis-places a
    multi-line title anchored to the top of the figure).
    """
    title, subtitle = _wrap_px(meta.title, TITLE_SIZE, bold=True), _wrap_px(meta.subtitle, SUBTITLE_SIZE)
    # The source names publishers and notes from sumber.csv: plain text, escaped here.
    footer = _footer(source_line(meta.source, meta.period, lang), lang)
    rows = _legend_rows(fig, NARROWEST_PX - PLOT_LEFT_PX - meta.margin_right) if meta.legend else 0
    legend_px = 12 + LEGEND_ROW_HEIGHT_PX * rows if rows else 0
    below_title = SUBTITLE_PX * _lines(subtitle) + legend_px + 14
    top = 14 + TITLE_PX * _lines(title) + below_title
    # plotly anchors a multi-line title's bottom one line too low: lift it by the extra lines.
    lift = below_title + TITLE_PX * (_lines(title) - 1)
    bottom = meta.ticks_px + FOOTER_PX * _lines(footer) + (26 if meta.sample else 0) + 8
    if meta.plot_height:
        fig.layout.height = top + bottom + meta.plot_height
    elif fig.layout.height and rows > 1:
        fig.layout.height += LEGEND_ROW_HEIGHT_PX * (rows - 1)  # a long legend must not squeeze the plot
    axis = dict(color=TEXT, gridcolor=GRID, linecolor="#888888", zerolinecolor="#888888",
                tickfont=dict(size=TICK_SIZE, color=TEXT), title_font=dict(size=14, color=TEXT), automargin=True)
    fig.update_layout(
        template="none",  # nothing inherited: every colour below is explicit
        paper_bgcolor="white", plot_bgcolor="white",
        font=dict(family=FONT, size=16, color=TEXT),
        colorway=list(OKABE_ITO),
        separators=PLOTLY_SEPARATORS[lang],
        title=dict(text=f"<b>{title}</b>", font=dict(size=22, color=TEXT), x=0, xref="container", xanchor="left",
                   y=1, yref="paper", yanchor="bottom", pad=dict(l=12, b=lift), automargin=False,
                   subtitle=dict(text=subtitle, font=dict(size=15, color=MUTED))),
        margin=dict(l=12, r=meta.margin_right, t=top, b=bottom, pad=2),
        showlegend=meta.legend,
        # traceorder "normal": plotly reverses stacked bars' legends, which reads oddly in rows.
        legend=dict(orientation="h", x=0, xanchor="left", y=1, yanchor="bottom", font=dict(size=14, color=TEXT),
                    bgcolor="rgba(255,255,255,0)", title_text="", traceorder="normal"),
        hoverlabel=dict(bgcolor="white", bordercolor="#888888", font=dict(size=15, color=TEXT, family=FONT)),
        hovermode="closest",
    )
    fig.update_xaxes(**axis)
    fig.update_yaxes(**axis)
    # Right-aligned, EDGE_PX from the figure's right edge (the right margin is fixed, the left one
    # grows with the y labels): wrapped to TEXT_WIDTH_PX, the footer then fits the narrowest phone.
    fig.add_annotation(name="sumber", text=footer, xref="paper", yref="paper", x=1, y=0, xanchor="right",
                       xshift=meta.margin_right - EDGE_PX, yanchor="top", yshift=-meta.ticks_px, align="right",
                       showarrow=False, font=dict(size=FOOTER_SIZE, color=MUTED))
    if meta.sample:
        fig.add_annotation(name="contoh", text=f"<b>{t('grafik.contoh', lang)}</b>", xref="paper", yref="paper",
                           x=1, y=0, xanchor="right", xshift=meta.margin_right - EDGE_PX, yanchor="top",
                           yshift=-(bottom - 30), showarrow=False,
                           font=dict(size=13, color=SAMPLE_TEXT), bgcolor=SAMPLE_FILL, bordercolor=SAMPLE_EDGE,
                           borderwidth=1.5, borderpad=3)
    return fig


def make_chart(fig: go.Figure, data: pd.DataFrame, meta: ChartMeta, lang: Lang, empty: bool = False) -> Chart:
    """The finished :class:`Chart`: ``fig`` styled by :func:`style`, with a note when there is nothing to draw."""
    if empty:  # say so instead of drawing an empty frame that looks broken
        fig.add_annotation(name="kosong", text=t("grafik.kosong", lang), xref="paper", yref="paper", x=0.5, y=0.5,
                           showarrow=False, font=dict(size=16, color=MUTED))
    style(fig, meta, lang)
    return Chart(meta.name, fig, data.reset_index(drop=True), meta.title, meta.subtitle,
                 source_line(meta.source, meta.period, lang), meta.period, meta.sample)


def _num(x: float, lang: Lang) -> str:
    """A point value as a label: whole numbers without decimals, others with one."""
    if x is None or pd.isna(x):
        return ""
    return format_number(x, 0 if float(x).is_integer() else 1, lang)


def _source(source: str | None, lang: Lang) -> str:
    return source if source else t("grafik.sumber_bawaan", lang)


def _year_period(years: Sequence[int]) -> str:
    years = sorted(int(y) for y in years)
    if not years:
        return "–"
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _hover(lines: Sequence[str]) -> str:
    return "<br>".join(lines) + "<extra></extra>"


# --- year axes and gaps ------------------------------------------------------------------------


def _gap_years(years: Sequence[int]) -> list[int]:
    """Years inside the span with no score (e.g. 2018, 2020, 2024): drawn as gaps, never hidden."""
    return scoring.gap_years(years)


def _with_gap_rows(data: pd.DataFrame, series: str, lang: Lang) -> pd.DataFrame:
    """``data`` with a ``keterangan`` column and, for each gap year and each ``series``, an empty row saying why.

    The export then tells the same as the chart: a missing year is there, with the reason of
    :func:`kla.scoring.gap_label`, not silently left out.
    """
    labels = scoring.gap_labels(data["tahun"], lang)
    out = data.assign(keterangan="")
    if not labels:
        return out
    # a gap row repeats its series' names and maximum (they do not change by year), not its values
    same = [c for c in ("nama_blok", "nama", "max_poin") if c in out.columns]
    keys = out.drop_duplicates(series)[[series, *same]]
    gaps = pd.DataFrame([{"tahun": year, "keterangan": label, **key} for year, label in labels.items()
                         for key in keys.to_dict("records")])
    order = {k: i for i, k in enumerate(keys[series])}
    both = pd.concat([out, gaps], ignore_index=True)[list(out.columns)]
    both = both.assign(_urut=both[series].map(order)).sort_values(["_urut", "tahun"], kind="mergesort")
    return both.drop(columns="_urut").astype({"tahun": int}).reset_index(drop=True)


def _year_axis(fig: go.Figure, first: int, last: int) -> None:
    # A linear axis of real years: a missing year keeps its place. Labels start at the first year,
    # every 1, 2, 3 or 5 years: as often as they fit the narrowest phone beside the band names
    # (never turned: plotly would tilt them onto the footer). Every year keeps a small tick.
    per_year = (NARROWEST_PX - PLOT_LEFT_PX - BAND_LABEL_MARGIN) / (last - first + 1)
    dtick = next((d for d in (1, 2, 3, 5) if d * per_year >= YEAR_LABEL_PX), 10)
    fig.update_xaxes(type="linear", range=[first - 0.5, last + 0.5], tickmode="linear", tick0=first,
                     dtick=dtick, tickformat="d", tickangle=0, showgrid=False, ticks="outside",
                     minor=dict(tick0=first, dtick=1, ticks="outside", ticklen=3, showgrid=False))
    # A point's label sits right of it (above, a reference line may cross it); at the axis' last
    # year that is the band names' margin, so there it goes above-left, inside the plot.
    for trace in fig.data:
        if trace.type == "scatter" and trace.textposition == "middle right" and trace.x is not None \
                and len(trace.x) and trace.x[-1] >= last:
            trace.textposition = "top left"


def _mark_gaps(fig: go.Figure, years: Sequence[int], lang: Lang) -> None:
    """Each gap year inside the span of ``years`` veiled and named with its reason (:func:`kla.scoring.gap_label`)."""
    for year, label in scoring.gap_labels(years, lang).items():
        # A white veil over the bands: the year is there, but empty.
        fig.add_vrect(x0=year - 0.4, x1=year + 0.4, name=f"tanpa_evaluasi:{year}", fillcolor="white",
                      opacity=0.75, line_width=0, layer="below")
        # Wrapped short: written upwards from the foot, it stays under the points and their labels.
        fig.add_annotation(name=f"tanpa_evaluasi:{year}", text=_wrap_px(label, LABEL_SIZE, GAP_LABEL_PX),
                           x=year, xref="x", y=0.02, yref="paper", yanchor="bottom", textangle=-90,
                           showarrow=False, font=dict(size=LABEL_SIZE, color=MUTED))


def _last_only(values: Sequence[float], lang: Lang) -> list[str]:
    """Point labels for a series: only its latest value, the one the chart is read for.

    On a phone a year is 16 px wide: a label on every point would sit on its neighbours' and on
    the gap labels. Every value is in the hover and in the chart's data.
    """
    labels = [""] * len(values)
    if labels:
        labels[-1] = _num(list(values)[-1], lang)
    return labels


def _year_line(fig: go.Figure, years: Sequence[int], values: Sequence[float], *, name: str, colour: str,
               hovertemplate: str, customdata: np.ndarray | None = None, text: Sequence[str] | None = None,
               dash: str = "solid", symbol: str = "circle") -> None:
    """A series over years: solid between consecutive years, dotted across a year without data.

    The solid trace has NaN in the gap years so plotly breaks the line there; the dotted trace
    underneath links the evaluated years so the overall direction stays readable.
    """
    year_axis = np.asarray(years, dtype=int)
    points = np.asarray(values, dtype=float)
    grid = np.arange(year_axis.min(), year_axis.max() + 1)
    position = {y: i for i, y in enumerate(grid)}
    full = np.full(len(grid), np.nan)
    full[[position[y] for y in year_axis]] = points
    if len(grid) > len(year_axis):
        fig.add_trace(go.Scatter(x=year_axis, y=points, mode="lines", line=dict(color=colour, width=1.5, dash="dot"),
                                 name=name, legendgroup=name, showlegend=False, hoverinfo="skip",
                                 meta="penghubung"))
    full_custom = None
    if customdata is not None:
        full_custom = np.full((len(grid), customdata.shape[1]), None, dtype=object)
        full_custom[[position[y] for y in year_axis]] = customdata
    full_text = None
    if text is not None:
        full_text = [""] * len(grid)
        for y, label in zip(year_axis, text):
            full_text[position[y]] = label
    fig.add_trace(go.Scatter(
        x=grid, y=full, mode="lines+markers+text" if text is not None else "lines+markers",
        line=dict(color=colour, width=3, dash=dash), marker=dict(size=9, color=colour, symbol=symbol), name=name,
        legendgroup=name, connectgaps=False, customdata=full_custom, text=full_text, textposition="middle right",
        textfont=dict(size=14, color=TEXT), hovertemplate=hovertemplate, cliponaxis=False,
    ))


def _category_bands(fig: go.Figure, lang: Lang) -> None:
    """The five category bands as light horizontal stripes, named at the right, and the Paripurna line."""
    for cat in domain.CATEGORIES:
        if cat.name not in BAND_COLOURS:
            continue  # below 500 there is no category: leave it white
        fig.add_hrect(y0=cat.low, y1=cat.high, name=f"kategori:{cat.name}", fillcolor=BAND_COLOURS[cat.name],
                      line_width=0, layer="below")
        # Outside the plot, in the right margin: inside, a name would sit on points and targets.
        fig.add_annotation(name=f"kategori:{cat.name}", text=cat.name, xref="paper", x=1, xanchor="left",
                           xshift=BAND_LABEL_SHIFT, y=(cat.low + cat.high) / 2, yanchor="middle", showarrow=False,
                           font=dict(size=12, color=MUTED))
    fig.add_hline(y=domain.PARIPURNA_MIN, name="paripurna", line=dict(color=TEXT, width=1.5, dash="dash"))
    fig.add_annotation(name="paripurna", text=t("grafik.paripurna", lang), xref="paper", x=0, xanchor="left",
                       y=domain.PARIPURNA_MIN, yanchor="bottom", showarrow=False, font=dict(size=13, color=TEXT))


def _score_axis(fig: go.Figure, values: Sequence[float]) -> None:
    low = np.nanmin(values) if len(values) and not np.all(np.isnan(values)) else Y_FLOOR
    floor = min(Y_FLOOR, int(np.floor((low - 30) / 50) * 50))
    fig.update_yaxes(range=[floor, domain.MAX_SCORE], dtick=100)


# --- 1. city total -------------------------------------------------------------------------------


def total_trend(totals: pd.DataFrame, kategori_resmi: pd.DataFrame | None = None,
                peta_jalan: pd.DataFrame | None = None, *, source: str | None = None, sample: bool = False,
                lang: Lang = "id") -> Chart:
    """"tren_total": the city's total per evaluated year inside the category bands, with roadmap targets.

    ``totals`` is :func:`kla.scoring.city_totals`; ``kategori_resmi`` adds the published category
    to the hover and names years without a national round; ``peta_jalan`` rows with
    ``blok == "TOTAL"`` are drawn as hollow markers.
    """
    data = _total_table(totals, kategori_resmi, peta_jalan, lang)
    evaluated = data.dropna(subset=["total"])
    fig = go.Figure()
    _category_bands(fig, lang)
    _mark_gaps(fig, evaluated["tahun"], lang)
    if not evaluated.empty:
        # Sample points beside an officially reported score: the line and its hover say which is which.
        total_name = t("grafik.tren_total.total_contoh" if sample else "grafik.tren_total.total", lang)
        custom = evaluated[["kategori", "kategori_resmi", "skor_dilaporkan"]].map(escape_plotly)
        _year_line(fig, evaluated["tahun"], evaluated["total"], name=total_name,
                   colour=OKABE_ITO[0], text=_last_only(evaluated["total"], lang),
                   customdata=custom.to_numpy(dtype=object),
                   hovertemplate=_hover([
                       "<b>%{x}</b>", f"{total_name}: %{{y:,.1f}} {t('poin', lang)}",
                       f"{t('kategori', lang)}: %{{customdata[0]}}",
                       f"{t('grafik.kategori_resmi', lang)}: %{{customdata[1]}}",
                       f"{t('grafik.tren_total.skor_resmi', lang)}: %{{customdata[2]}}"]))
    targets = data.dropna(subset=["target_peta_jalan"])
    if not targets.empty:
        fig.add_trace(go.Scatter(
            x=targets["tahun"].to_numpy(), y=targets["target_peta_jalan"].to_numpy(dtype=float),
            mode="markers+text", name=t("grafik.tren_total.target", lang),
            marker=dict(symbol="diamond-open", size=13, color=OKABE_ITO[5], line=dict(width=2.5)),
            text=[_num(v, lang) for v in targets["target_peta_jalan"]], textposition="top center",
            textfont=dict(size=14, color=TARGET_TEXT), cliponaxis=False,
            hovertemplate=_hover(["<b>%{x}</b>",
                                  f"{t('grafik.tren_total.target', lang)}: %{{y:,.1f}} {t('poin', lang)}"])))
    if not data.empty:
        _year_axis(fig, int(data["tahun"].min()), int(data["tahun"].max()))
    _score_axis(fig, data[["total", "target_peta_jalan"]].to_numpy(dtype=float).ravel())
    meta = ChartMeta("tren_total", t("grafik.tren_total.judul", lang), t("grafik.tren_total.subjudul", lang),
                     _source(source, lang), _year_period(evaluated["tahun"]), sample,
                     margin_right=BAND_LABEL_MARGIN)
    fig.update_layout(height=520)
    return make_chart(fig, data, meta, lang, empty=evaluated.empty)


def _total_table(totals: pd.DataFrame, kategori_resmi: pd.DataFrame | None, peta_jalan: pd.DataFrame | None,
                 lang: Lang) -> pd.DataFrame:
    """One row per year drawn: evaluated years, the gap years between them, and roadmap years."""
    frame = totals[["tahun", "total", "kategori"]].astype({"tahun": int, "total": float})
    if kategori_resmi is not None and not kategori_resmi.empty:
        official = (kategori_resmi.dropna(subset=["kategori"]).astype({"tahun": int})
                    .groupby("tahun")["kategori"].agg(lambda s: " / ".join(dict.fromkeys(s.astype(str)))))
    else:
        official = pd.Series(dtype=object)
    targets = pd.Series(dtype=float)
    if peta_jalan is not None and not peta_jalan.empty:
        rows = peta_jalan[peta_jalan["blok"] == domain.ROADMAP_TOTAL]
        targets = rows.astype({"tahun": int}).groupby("tahun")["target_poin"].first().astype(float)
    years = sorted(set(frame["tahun"]) | set(_gap_years(frame["tahun"])) | set(targets.index))
    out = pd.DataFrame({"tahun": years}).merge(frame, on="tahun", how="left")
    out["kategori"] = out["kategori"].fillna("")
    out["kategori_resmi"] = out["tahun"].map(official).fillna("–")
    out["target_peta_jalan"] = out["tahun"].map(targets).astype(float)
    out["skor_dilaporkan"] = [scoring.official_score_text(kategori_resmi, y, lang) for y in out["tahun"]]
    labels = scoring.gap_labels(frame["tahun"], lang)
    out["keterangan"] = [labels.get(y, "") for y in out["tahun"]]
    return out[["tahun", "total", "kategori", "kategori_resmi", "skor_dilaporkan", "target_peta_jalan", "keterangan"]]


# --- 2./3. blocks ------------------------------------------------------------------------------


def _with_block_names(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    out = frame.copy()
    out.insert(out.columns.get_loc("blok") + 1, "nama_blok", out["blok"].map(lambda b: block_name(b, lang)))
    return out


def block_attainment_bar(attainment: pd.DataFrame, year: int | None = None, *, source: str | None = None,
                         sample: bool = False, lang: Lang = "id") -> Chart:
    """"capaian_blok": % of maximum points per block in one year, labelled "poin / max".

    ``attainment`` is :func:`kla.scoring.block_attainment`.
    """
    data = _with_block_names(attainment[["blok", "poin", "max_poin", "persen"]], lang)
    fig = go.Figure(go.Bar(
        x=data["persen"].to_numpy(dtype=float), y=[block_name(b, lang, short=True) for b in data["blok"]],
        orientation="h", marker_color=OKABE_ITO[0], name=t("grafik.persen_maks", lang),
        text=[f"{_num(p, lang)} / {_num(m, lang)}" for p, m in zip(data["poin"], data["max_poin"])],
        textposition="auto", insidetextanchor="end", textfont=dict(size=15),
        customdata=data[["nama_blok", "poin", "max_poin"]].to_numpy(dtype=object),
        hovertemplate=_hover(["<b>%{customdata[0]}</b>", "%{x:,.1f}% " + t("grafik.persen_maks", lang),
                              f"%{{customdata[1]:,.1f}} / %{{customdata[2]:,.1f}} {t('poin', lang)}"]),
    ))
    fig.update_xaxes(range=[0, 101], ticksuffix="%", dtick=25)  # 101: plotly drops a tick on the range's end
    fig.update_yaxes(autorange="reversed", showgrid=False)  # Kelembagaan first, as in the regulation
    title = t("grafik.capaian_blok.judul", lang) + (f", {year}" if year is not None else "")
    meta = ChartMeta("capaian_blok", title, t("grafik.capaian_blok.subjudul", lang), _source(source, lang),
                     str(year) if year is not None else "–", sample, legend=False, plot_height=38 * max(len(data), 1))
    fig.update_layout(bargap=0.3)
    return make_chart(fig, data, meta, lang, empty=data.empty)


def block_trend(block_totals: pd.DataFrame, *, source: str | None = None, sample: bool = False,
                lang: Lang = "id") -> Chart:
    """"tren_blok": % attainment of each block per evaluated year (one line per block).

    ``block_totals`` is :func:`kla.scoring.block_totals_by_year`.
    """
    data = _with_block_names(block_totals[["tahun", "blok", "poin", "max_poin", "persen"]], lang)
    fig = go.Figure()
    _mark_gaps(fig, data["tahun"], lang)
    for blok in domain.BLOCKS:
        rows = data[data["blok"] == blok].sort_values("tahun")
        if rows.empty:
            continue
        _year_line(fig, rows["tahun"], rows["persen"], name=block_name(blok, lang, short=True),
                   colour=BLOCK_COLOURS[blok], symbol=BLOCK_SYMBOLS[blok],
                   customdata=rows[["nama_blok", "poin", "max_poin"]].to_numpy(dtype=object),
                   hovertemplate=_percent_hover(lang))
    _percent_axis(fig, data["persen"])
    if not data.empty:
        _year_axis(fig, int(data["tahun"].min()), int(data["tahun"].max()))
    meta = ChartMeta("tren_blok", t("grafik.tren_blok.judul", lang), t("grafik.tren_blok.subjudul", lang),
                     _source(source, lang), _year_period(data["tahun"]), sample)
    fig.update_layout(height=480)
    return make_chart(fig, _with_gap_rows(data, "blok", lang), meta, lang, empty=data.empty)


def _percent_hover(lang: Lang) -> str:
    return _hover(["<b>%{customdata[0]}</b> · %{x}", "%{y:,.1f}% " + t("grafik.persen_maks", lang),
                   f"%{{customdata[1]:,.1f}} / %{{customdata[2]:,.1f}} {t('poin', lang)}"])


def _percent_axis(fig: go.Figure, values: pd.Series) -> None:
    low = float(values.min()) if len(values) else 0.0
    fig.update_yaxes(range=[max(0.0, np.floor((low - 5) / 10) * 10), 102], ticksuffix="%",
                     title_text=None)


# --- 4. indicators -------------------------------------------------------------------------------


def indicator_trend(evaluasi: pd.DataFrame, indikator: pd.DataFrame, codes: Sequence[str], *,
                    source: str | None = None, sample: bool = False, lang: Lang = "id") -> Chart:
    """"tren_indikator": points of the chosen indicators per year, as % of each one's maximum.

    Unknown codes raise ``ValueError`` (a typo in a URL should say so, not draw nothing).
    """
    catalogue = indikator.set_index("kode")
    unknown = [c for c in codes if c not in catalogue.index]
    if unknown:
        raise ValueError(f"Kode indikator tidak dikenal: {', '.join(unknown)}")
    names = catalogue["nama_singkat" if lang == "id" else "nama_en"].map(escape_plotly)
    rows = evaluasi[evaluasi["kode_indikator"].isin(list(codes))]
    data = rows.groupby(["tahun", "kode_indikator"], as_index=False)["poin"].sum()
    data = data.rename(columns={"kode_indikator": "kode"}).astype({"tahun": int, "poin": float})
    data.insert(2, "nama", data["kode"].map(names))
    data["max_poin"] = data["kode"].map(catalogue["max_poin"]).astype(float)
    data["persen"] = data["poin"] / data["max_poin"] * 100
    data["_urut"] = data["kode"].map({c: i for i, c in enumerate(codes)})
    data = data.sort_values(["_urut", "tahun"]).drop(columns="_urut").reset_index(drop=True)
    fig = go.Figure()
    _mark_gaps(fig, data["tahun"], lang)
    for i, code in enumerate(codes):
        own = data[data["kode"] == code]
        if own.empty:
            continue
        label = f"{code} · {names[code]}"
        _year_line(fig, own["tahun"], own["persen"], name=_wrap(label, 34), colour=_colour(i), symbol=_symbol(i),
                   customdata=np.column_stack([[label] * len(own), own["poin"], own["max_poin"]]),
                   hovertemplate=_percent_hover(lang))
    _percent_axis(fig, data["persen"])
    if not data.empty:
        _year_axis(fig, int(data["tahun"].min()), int(data["tahun"].max()))
    subtitle = t("grafik.tren_indikator.subjudul", lang)
    if "bobot_ilustratif" in catalogue and catalogue.loc[list(codes), "bobot_ilustratif"].fillna(False).any():
        subtitle += t("grafik.tren_indikator.bobot_ilustratif", lang)  # only the data can say the maxima are made up
    meta = ChartMeta("tren_indikator", t("grafik.tren_indikator.judul", lang), subtitle, _source(source, lang),
                     _year_period(data["tahun"]), sample)
    fig.update_layout(height=480)
    return make_chart(fig, _with_gap_rows(data, "kode", lang), meta, lang, empty=data.empty)


def _colour(i: int) -> str:
    return OKABE_ITO[i % len(OKABE_ITO)]


def _symbol(i: int) -> str:
    return SYMBOLS[i % len(SYMBOLS)]


# --- 5. shortfall --------------------------------------------------------------------------------


def shortfall_bar(ranking: pd.DataFrame, top_n: int = 10, *, year: int | None = None, source: str | None = None,
                  sample: bool = False, lang: Lang = "id") -> Chart:
    """"kekurangan_indikator": the ``top_n`` indicators missing most points, with the running sum.

    ``ranking`` is :func:`kla.scoring.shortfall_ranking` (largest shortfall first). A dashed line
    marks how many points the year still needs for Paripurna: where the cumulative line crosses
    it, filling the indicators above would be enough.
    """
    top = ranking.head(top_n).reset_index(drop=True)
    name = "nama_en" if lang == "en" and "nama_en" in top else "nama_id"  # kla.names: English where the data has it
    data = top.assign(**{name: indicator_names(top, lang)})[
        ["kode", name, "blok", "poin", "max_poin", "kekurangan", "kumulatif", "total_proyeksi"]].copy()
    data.insert(0, "peringkat", np.arange(1, len(data) + 1))
    short = indicator_labels(top, lang)
    labels = [f"{_wrap_plain(short[k], LABEL_CHARS)} ({k})" for k in top["kode"]]
    fig = go.Figure()
    custom = np.column_stack([data[name].map(escape_plotly), top["poin"], top["max_poin"]]) if len(top) else None
    unit = t("poin", lang)
    fig.add_trace(go.Bar(
        x=data["kekurangan"].to_numpy(dtype=float), y=labels, orientation="h", marker_color=OKABE_ITO[1],
        name=t("grafik.kekurangan.batang", lang), text=[_num(v, lang) for v in data["kekurangan"]],
        # Inside at the bar's foot where it fits: at its end, the first label would sit on the first
        # point of the cumulative line (which starts where the first bar ends).
        textposition="auto", insidetextanchor="start", textangle=0, textfont=dict(size=14, color=TEXT),
        cliponaxis=False, customdata=custom,
        hovertemplate=_hover(["<b>%{customdata[0]}</b>", f"{t('grafik.kekurangan.batang', lang)}: %{{x:,.1f}} {unit}",
                              f"%{{customdata[1]:,.1f}} / %{{customdata[2]:,.1f}} {unit}"])))
    fig.add_trace(go.Scatter(
        x=data["kumulatif"].to_numpy(dtype=float), y=labels, mode="lines+markers",
        name=t("grafik.kekurangan.kumulatif", lang),
        line=dict(color=OKABE_ITO[0], width=3), marker=dict(size=8, color=OKABE_ITO[0]),
        hovertemplate=_hover([f"{t('grafik.kekurangan.kumulatif', lang)}: %{{x:,.1f}} {unit}"])))
    if not ranking.empty:
        current = float(ranking["total_proyeksi"].iloc[0] - ranking["kumulatif"].iloc[0])
        needed = scoring.points_to_paripurna(current)
        if needed > 0:
            fig.add_vline(x=needed, name="paripurna", line=dict(color=TEXT, width=1.5, dash="dash"))
            # At the foot of the line: bars are shortest there and the cumulative line is far right.
            fig.add_annotation(name="paripurna",
                               text=_wrap(t("grafik.kekurangan.ke_paripurna", lang, poin=_num(needed, lang)), 14),
                               x=needed, xref="x", y=0, yref="paper", xanchor="left", yanchor="bottom", xshift=4,
                               align="left", showarrow=False, font=dict(size=13, color=TEXT),
                               bgcolor="rgba(255,255,255,0.8)")
    fig.update_yaxes(autorange="reversed", showgrid=False)
    # An explicit range: plotly would otherwise widen the axis to fit the annotation's text.
    fig.update_xaxes(range=[0, max([*data["kumulatif"], 1.0]) * 1.08])
    title = t("grafik.kekurangan.judul", lang) + (f", {year}" if year is not None else "")
    # No legend: the subtitle says what the bars and the line are, and a legend beside wide
    # indicator names would wrap over the subtitle on a phone.
    meta = ChartMeta("kekurangan_indikator", title, t("grafik.kekurangan.subjudul", lang), _source(source, lang),
                     str(year) if year is not None else "–", sample, legend=False, plot_height=44 * max(len(data), 1))
    fig.update_layout(bargap=0.3)  # 44 px a row: two lines of a 14 px indicator name and some air
    return make_chart(fig, data, meta, lang, empty=data.empty)


# --- 6. kelurahan --------------------------------------------------------------------------------


def kelurahan_compare(kel_totals: pd.DataFrame, codes: Sequence[str], *, source: str | None = None,
                      sample: bool = False, lang: Lang = "id") -> Chart:
    """"banding_kelurahan": totals per year of the chosen kelurahan, against the all-kelurahan mean.

    ``kel_totals`` is :func:`kla.scoring.kelurahan_totals` for *all* kelurahan: the average line
    is taken over every kelurahan assessed that year, not only the chosen ones.
    """
    known = set(kel_totals["kode_kelurahan"])
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise ValueError(f"Kode kelurahan tidak ada dalam penilaian: {', '.join(unknown)}")
    chosen = kel_totals[kel_totals["kode_kelurahan"].isin(list(codes))]
    chosen = chosen[["tahun", "kode_kelurahan", "nama", "total"]].astype({"tahun": int, "total": float})
    chosen = chosen.assign(_urut=chosen["kode_kelurahan"].map({c: i for i, c in enumerate(codes)}))
    chosen = chosen.sort_values(["_urut", "tahun"]).drop(columns="_urut")
    mean = kel_totals.groupby("tahun")["total"].agg(["mean", "count"]).reset_index()
    n = int(kel_totals["kode_kelurahan"].nunique())
    average_name = t("grafik.rata_kelurahan", lang, n=n)
    average = pd.DataFrame({"tahun": mean["tahun"].astype(int), "kode_kelurahan": "RATA-RATA", "nama": average_name,
                            "total": mean["mean"].astype(float)})
    data = pd.concat([chosen, average], ignore_index=True)
    fig = go.Figure()
    _category_bands(fig, lang)
    _mark_gaps(fig, data["tahun"], lang)
    hover = _hover(["<b>%{customdata[0]}</b> · %{x}", f"%{{y:,.1f}} {t('poin', lang)}"])
    drawn = chosen.assign(nama=chosen["nama"].map(escape_plotly))  # names come from a data file
    for i, code in enumerate(codes):
        own = drawn[drawn["kode_kelurahan"] == code]
        _year_line(fig, own["tahun"], own["total"], name=own["nama"].iloc[0], colour=_colour(i), symbol=_symbol(i),
                   customdata=own[["nama"]].to_numpy(dtype=object), hovertemplate=hover)
    if not average.empty:
        _year_line(fig, average["tahun"], average["total"], name=average_name, colour=TEXT, dash="dash",
                   customdata=average[["nama"]].to_numpy(dtype=object), hovertemplate=hover)
        _year_axis(fig, int(data["tahun"].min()), int(data["tahun"].max()))
    _score_axis(fig, data["total"].to_numpy(dtype=float))
    meta = ChartMeta("banding_kelurahan", t("grafik.banding_kelurahan.judul", lang),
                     t("grafik.banding_kelurahan.subjudul", lang), _source(source, lang),
                     _year_period(data["tahun"]), sample, margin_right=BAND_LABEL_MARGIN)
    fig.update_layout(height=500)
    return make_chart(fig, _with_gap_rows(data, "kode_kelurahan", lang), meta, lang, empty=average.empty)


# --- 7. initiatives ------------------------------------------------------------------------------

INITIATIVE_GROUPS: dict[str, tuple[str, ...] | None] = {
    "jenis": INITIATIVE_TYPES, "jenis_mitra": PARTNER_TYPES, "kecamatan": None, "status": INITIATIVE_STATUSES,
}


def initiatives_by(inisiatif: pd.DataFrame, by: str, *, kecamatan: Mapping[str, str] | pd.Series | None = None,
                   source: str | None = None, sample: bool = False, lang: Lang = "id") -> Chart:
    """"inisiatif_<by>": number of initiatives per type, partner type, kecamatan or status.

    For ``by="kecamatan"`` pass ``kecamatan`` (kelurahan code -> kecamatan name), or a table that
    already has ``nama_kecamatan`` (as :func:`kla.initiatives.initiative_table` gives).
    Status keeps its natural order (plan -> running -> done -> stopped); the others are sorted
    by count, largest on top.
    """
    if by not in INITIATIVE_GROUPS:
        raise ValueError(f"Pengelompokan '{by}' tidak dikenal; pilih salah satu dari: {', '.join(INITIATIVE_GROUPS)}")
    groups = _initiative_groups(inisiatif, by, kecamatan)
    counts = groups.value_counts()
    if by == "status":
        counts = counts.reindex(list(INITIATIVE_STATUSES), fill_value=0)
    else:
        known = INITIATIVE_GROUPS[by] or sorted(counts.index)
        rank = {g: i for i, g in enumerate(known)}
        counts = counts.sort_index(key=lambda s: s.map(rank).fillna(len(rank)))  # ties: schema order
        counts = counts.sort_values(ascending=False, kind="mergesort")
    data = pd.DataFrame({by: counts.index.astype(str), "jumlah": counts.to_numpy(dtype=int)})
    if by in INITIATIVE_COLUMNS:  # types, partner types, statuses by their English names (kla.names)
        data[by] = value_names(data[by], INITIATIVE_COLUMNS[by], lang)
    unit = t("grafik.inisiatif.satuan", lang)
    fig = go.Figure(go.Bar(
        x=data["jumlah"].to_numpy(), y=[_wrap_plain(g, LABEL_CHARS) for g in data[by]], orientation="h",
        marker_color=OKABE_ITO[2], text=[format_number(v, 0, lang) for v in data["jumlah"]],
        textposition="outside", textfont=dict(size=14), cliponaxis=False,
        customdata=data[[by]].map(escape_plotly).to_numpy(dtype=object),
        hovertemplate=_hover(["<b>%{customdata[0]}</b>", f"%{{x:,.0f}} {unit}"]),
    ))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(rangemode="tozero", tickformat=",d")
    subtitle = t("grafik.inisiatif.subjudul", lang, n=format_number(len(inisiatif), 0, lang))
    meta = ChartMeta(f"inisiatif_{by}", t(f"grafik.inisiatif.judul.{by}", lang), subtitle, _source(source, lang),
                     _date_period(inisiatif.get("tanggal_mulai"), lang),
                     sample, legend=False, plot_height=40 * max(len(data), 1))
    fig.update_layout(bargap=0.3)
    return make_chart(fig, data, meta, lang, empty=len(inisiatif) == 0)


def _initiative_groups(inisiatif: pd.DataFrame, by: str, kecamatan: Mapping[str, str] | pd.Series | None) -> pd.Series:
    if by != "kecamatan":
        return inisiatif[by].astype(str)
    if kecamatan is not None:
        mapping = kecamatan if isinstance(kecamatan, pd.Series) else pd.Series(dict(kecamatan), dtype=object)
        return inisiatif["kode_kelurahan"].map(mapping).fillna("–").astype(str)
    if "nama_kecamatan" in inisiatif:
        return inisiatif["nama_kecamatan"].fillna("–").astype(str)
    raise ValueError("initiatives_by(by='kecamatan') memerlukan peta kode kelurahan -> nama kecamatan "
                     "(argumen kecamatan=) atau kolom nama_kecamatan")


def _date_period(dates: pd.Series | None, lang: Lang) -> str:
    if dates is None or dates.dropna().empty:
        return "–"
    first, last = dates.min(), dates.max()
    return format_month(first, lang) if (first.year, first.month) == (last.year, last.month) else \
        f"{format_month(first, lang)} – {format_month(last, lang)}"


# --- 8./9. activities ----------------------------------------------------------------------------


MONTH_TICKS_PX = 56


def _month_axis(fig: go.Figure, months: pd.PeriodIndex, labels: list[str], lang: Lang) -> None:
    """Categorical month axis with our own month names (Indonesian "Agu", "Des").

    At most eight ticks, every 1, 2, 3, 6 or 12 months, written "Jan<br>2025" at the first tick and
    at each January and just "Apr" otherwise: narrow enough to stay horizontal on a phone. Ticks
    are counted back from the last month, so a partial last month ("Nov*") always has its tick.
    """
    step = next((s for s in (1, 2, 3, 6, 12) if len(labels) <= 8 * s), int(np.ceil(len(labels) / 8)))
    shown = sorted(set(range(len(labels) - 1, -1, -step)) | {i for i, label in enumerate(labels[:1])
                                                              if label.endswith(PARTIAL_MARK)})
    text = [labels[i].replace(" ", "<br>") if i == shown[0] or months[i].month == 1
            else labels[i].split(" ")[0] + (PARTIAL_MARK if labels[i].endswith(PARTIAL_MARK) else "")
            for i in shown]
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=labels, tickmode="array",
                     tickvals=[labels[i] for i in shown], ticktext=text, tickangle=0, showgrid=False)
    fig.update_yaxes(rangemode="tozero", tickformat=",d")


PARTIAL_MARK = "*"  # after a month's name when the window covers only some of its days
PARTIAL_PATTERN = "/"  # and its bars are hatched


@dataclass(frozen=True)
class _Months:
    """The months of a window: axis labels ("Nov 2026*" when partial), and the words for the note and the data."""

    index: pd.PeriodIndex
    labels: list[str]
    full: list[bool]
    covered: list[str]  # "1–15 Nov 2026": the days of each month the window covers
    period: str  # the footer's "Periode"

    def note(self, lang: Lang) -> str:
        """" · * bulan tidak penuh: 1–15 Nov 2026" for the subtitle, empty when every month is whole."""
        partial = [c for c, whole in zip(self.covered, self.full) if not whole]
        return t("grafik.bulan_tidak_penuh", lang, bulan="; ".join(partial)) if partial else ""

    def patterns(self) -> list[str]:
        return ["" if whole else PARTIAL_PATTERN for whole in self.full]

    def columns(self, months: pd.Series, lang: Lang) -> dict[str, list[str]]:
        """``bulan_penuh`` (ya/tidak) and ``hari_tercakup`` for rows whose ``bulan`` is given as "2026-11"."""
        by_month = {str(p): (whole, c) for p, whole, c in zip(self.index, self.full, self.covered)}
        rows = [by_month[m] for m in months]
        return {"bulan_penuh": [t("nilai.ya" if whole else "nilai.tidak", lang) for whole, _ in rows],
                "hari_tercakup": [c for _, c in rows]}


def _months(kegiatan: pd.DataFrame, period: tuple[dt.date, dt.date] | None, lang: Lang) -> _Months:
    """Every month of ``period`` (default: first to last activity); a month with none is a real zero.

    A month the period covers only in part keeps its place but is marked: "Nov 2026*", hatched
    bars, and "bulan tidak penuh: 1–15 Nov 2026" under the title and in the data.
    """
    if period is None:
        dates = kegiatan["tanggal"].dropna()
        if dates.empty:
            return _Months(pd.PeriodIndex([], freq="M"), [], [], [], "–")
        period = (dates.min().date(), dates.max().date())
    spans = month_spans(*period)
    full = [span.penuh for span in spans]
    labels = [format_month(s.bulan.to_timestamp(), lang) + ("" if whole else PARTIAL_MARK)
              for s, whole in zip(spans, full)]
    covered = [f"{s.mulai.day}–{s.sampai.day} {format_month(s.mulai, lang)}" if s.mulai != s.sampai
               else format_date(s.mulai, lang, short=True) for s in spans]
    text = f"{format_date(period[0], lang, short=True)} – {format_date(period[1], lang, short=True)}"
    return _Months(pd.PeriodIndex([s.bulan for s in spans], freq="M"), labels, full, covered, text)


def activities_per_month(kegiatan: pd.DataFrame, *, period: tuple[dt.date, dt.date] | None = None,
                         source: str | None = None, sample: bool = False, lang: Lang = "id") -> Chart:
    """"kegiatan_bulanan": activities per month, stacked by type (each type keeps its colour).

    ``period`` is the window the activities were chosen from (the page's date range); a month it
    covers only in part is marked partial (see :func:`_months`). Default: first to last activity.
    """
    window = _months(kegiatan, period, lang)
    months = window.index
    month = kegiatan["tanggal"].dt.to_period("M")
    types = set(kegiatan["jenis"].dropna().unique())  # once: a set per type was 3 s on 265.000 rows
    present = [j for j in ACTIVITY_TYPES if j in types]
    present += sorted(types - set(ACTIVITY_TYPES))
    counts = (kegiatan.assign(bulan=month).groupby(["bulan", "jenis"]).size()
              .reindex(pd.MultiIndex.from_product([months, present], names=["bulan", "jenis"]), fill_value=0))
    data = counts.rename("jumlah").reset_index()
    data["bulan"] = data["bulan"].astype(str)
    data = data.assign(**window.columns(data["bulan"], lang))
    shown = {jenis: value_name("jenis_kegiatan", jenis, lang) for jenis in present}  # English names (kla.names)
    labels = window.labels
    fig = go.Figure()
    unit = t("grafik.kegiatan.satuan", lang)
    for jenis in present:
        own = data[data["jenis"] == jenis]
        colour = _activity_colour(jenis)
        fig.add_trace(go.Bar(x=labels, y=own["jumlah"].to_numpy(dtype=int), name=shown[jenis],
                             marker=dict(color=colour, pattern=_partial_pattern(window)),
                             customdata=np.array(window.covered, dtype=object).reshape(-1, 1),
                             hovertemplate=_hover(["<b>%{x}</b> (%{customdata[0]})",
                                                   f"{escape_plotly(shown[jenis])}: %{{y:,.0f}} {unit}"])))
    data["jenis"] = data["jenis"].map(shown)
    fig.update_layout(barmode="stack", bargap=0.15, height=500)
    _month_axis(fig, months, labels, lang)
    meta = ChartMeta("kegiatan_bulanan", t("grafik.kegiatan_bulanan.judul", lang),
                     t("grafik.kegiatan_bulanan.subjudul", lang, n=format_number(len(kegiatan), 0, lang))
                     + window.note(lang), _source(source, lang), window.period, sample,
                     ticks_px=MONTH_TICKS_PX)
    return make_chart(fig, data, meta, lang, empty=len(kegiatan) == 0)


def _partial_pattern(window: _Months) -> dict:
    # white stripes over the bar's own colour: the colour still names the type, the stripes say "partial"
    return dict(shape=window.patterns(), fillmode="overlay", fgcolor="white", solidity=0.35, size=8)


def _activity_colour(jenis: str) -> str:
    # "lainnya" (other) is grey on purpose; the eight named types take the eight palette colours.
    if jenis in ACTIVITY_TYPES[:-1]:
        return OKABE_ITO[ACTIVITY_TYPES.index(jenis)]
    return GREY


def participants_per_month(kegiatan: pd.DataFrame, *, period: tuple[dt.date, dt.date] | None = None,
                           source: str | None = None, sample: bool = False, lang: Lang = "id") -> Chart:
    """"peserta_bulanan": children and adults at activities per month (attendances, not people).

    ``period`` as for :func:`activities_per_month`: partial months are marked.
    """
    window = _months(kegiatan, period, lang)
    months = window.index
    sums = (kegiatan.assign(bulan=kegiatan["tanggal"].dt.to_period("M"))
            .groupby("bulan")[["peserta_anak", "peserta_dewasa"]].sum().reindex(months, fill_value=0))
    data = sums.astype(int).rename_axis("bulan").reset_index()
    data["bulan"] = data["bulan"].astype(str)
    data = data.assign(**window.columns(data["bulan"], lang))
    labels = window.labels
    unit = t("grafik.orang", lang)
    fig = go.Figure()
    # Adults' bars are outlined dark, children's are not: the two differ by more than colour (the
    # hatching already says "partial month"), in the legend as well.
    for column, key, colour, edge in (("peserta_anak", "grafik.anak", OKABE_ITO[0], dict(width=0)),
                                      ("peserta_dewasa", "grafik.dewasa", OKABE_ITO[1], dict(color=TEXT, width=1.5))):
        name = t(key, lang)
        fig.add_trace(go.Bar(x=labels, y=data[column].to_numpy(dtype=int), name=name,
                             marker=dict(color=colour, pattern=_partial_pattern(window), line=edge),
                             customdata=np.array(window.covered, dtype=object).reshape(-1, 1),
                             hovertemplate=_hover(["<b>%{x}</b> (%{customdata[0]})",
                                                   f"{name}: %{{y:,.0f}} {unit}"])))
    fig.update_layout(barmode="group", bargap=0.2, bargroupgap=0.05, height=480)
    _month_axis(fig, months, labels, lang)
    meta = ChartMeta("peserta_bulanan", t("grafik.peserta_bulanan.judul", lang),
                     t("grafik.peserta_bulanan.subjudul", lang) + window.note(lang), _source(source, lang),
                     window.period, sample, ticks_px=MONTH_TICKS_PX)
    return make_chart(fig, data, meta, lang, empty=len(kegiatan) == 0)
