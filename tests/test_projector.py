"""kla.projector: charts enlarged for a projector, and the zoom that fits the 1920x1080 canvas to any screen."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from kla import mapdata, projector, tilemap
from kla.charts import ChartMeta, make_chart
from kla.loading import load_dataset
from tests.conftest import tiny_tables, write_tables


def sizes(fig: go.Figure) -> list[float]:
    spec = fig.to_dict()
    fonts = [*projector._fonts(spec["layout"]), *(f for trace in spec["data"] for f in projector._fonts(trace))]
    return [s for font in fonts for s in projector._sizes(font)]


SUBTITLE = "Batang: poin yang belum diraih (maksimum − poin). Garis: kekurangan kumulatif"


def bar_chart(title: str = "Indikator dengan kekurangan poin terbesar, 2025", subtitle: str = SUBTITLE) -> go.Figure:
    fig = go.Figure(go.Bar(x=[14.6, 9.1], y=["K3-17", "K2-07"], orientation="h", text=["14,6", "9,1"],
                           textfont=dict(size=14), name="kekurangan"))
    meta = ChartMeta("uji", title, subtitle, "DP3AKB Kota Balikpapan (data contoh); KemenPPPA (data contoh)", "2025",
                     sample=True)
    return make_chart(fig, pd.DataFrame({"x": [1]}), meta, "id").figure


def test_every_text_at_least_20_px_and_the_original_untouched():
    fig = bar_chart()
    assert min(sizes(fig)) < 20  # the dashboard's footer is 12 px, ticks and legend 14 px
    before = fig.to_json()
    big = projector.for_projector(fig)
    assert min(sizes(big)) >= 20
    assert fig.to_json() == before, "cached charts are shared: the figure itself must not change"
    # ticks and legend (14 px) become 20 px: everything grows by 20/14, the title stays the largest
    assert projector.projector_factor(fig) == pytest.approx(20 / 14)
    assert big.layout.title.font.size == pytest.approx(fig.layout.title.font.size * 20 / 14, abs=0.1)
    assert big.layout.title.font.size > big.layout.title.subtitle.font.size > big.layout.xaxis.tickfont.size - 0.1
    assert big.layout.uniformtext.minsize == 20  # plotly may not shrink a bar's label below it


def test_margins_grow_with_the_text_they_hold():
    fig = bar_chart()
    big = projector.for_projector(fig)
    assert big.layout.margin.t >= fig.layout.margin.t * 20 / 14 - 1
    # the footer (12 px) grows most, by 20/12: the bottom margin holds it
    assert big.layout.margin.b >= fig.layout.margin.b * 20 / 12 - 1
    footer = {a.name: a for a in big.layout.annotations}
    small = {a.name: a for a in fig.layout.annotations}
    assert footer["contoh"].yshift <= small["contoh"].yshift * 20 / 12 + 1


def test_width_wraps_title_for_the_wide_chart_and_returns_the_lines():
    fig = bar_chart()
    narrow = projector.for_projector(fig)
    wide = projector.for_projector(fig, width=1300)
    assert narrow.layout.title.text.count("<br>") >= 1  # wrapped for a phone
    assert wide.layout.title.text.count("<br>") == 0
    assert wide.layout.margin.t < narrow.layout.margin.t
    assert wide.layout.title.pad.b < narrow.layout.title.pad.b
    assert re.sub(r"<br>|<b>|</b>", " ", wide.layout.title.text).split() == \
        re.sub(r"<br>|<b>|</b>", " ", narrow.layout.title.text).split()


@pytest.mark.parametrize("viewport, zoom", [((1920, 1080), 1.0), ((2560, 1440), 1.0), ((1366, 768), 0.7),
                                            ((1024, 768), 0.525), ((1280, 1024), 0.65), ((800, 600), 0.4)])
def test_zoom_fits_the_canvas_in_the_viewport(viewport, zoom):
    assert projector.zoom_for(viewport) == pytest.approx(zoom)
    w, h = projector.CANVAS
    assert w * zoom <= viewport[0] and h * zoom <= viewport[1]


def css_zoom(css: str, viewport: tuple[int, int]) -> float:
    """What Chromium applies: the last rule whose media query matches."""
    zoom = None
    for line in css.splitlines():
        media = re.match(r"@media \(max-width: ([\d.]+)px\), \(max-height: ([\d.]+)px\)", line)
        value = float(re.search(r"zoom: ([\d.]+)", line).group(1))
        if media is None or viewport[0] <= float(media.group(1)) or viewport[1] <= float(media.group(2)):
            zoom = value
    return zoom


@pytest.mark.parametrize("viewport", [(1920, 1080), (1919, 1080), (1366, 768), (1024, 768), (1440, 900),
                                      (1280, 720), (3840, 2160), (640, 480)])
def test_canvas_css_gives_the_zoom_for_the_viewport(viewport):
    css = projector.canvas_css(".canvas")
    assert css_zoom(css, viewport) == pytest.approx(projector.zoom_for(viewport))


@pytest.fixture(scope="module")
def tiles(tmp_path_factory):
    data = load_dataset(write_tables(tmp_path_factory.mktemp("kota") / "data", tiny_tables())).dataset
    return tilemap.tile_map(mapdata.map_values(data, "total"), lang="id", source="DP3AKB", sample=True)


def test_tile_map_names_grow_and_the_legend_moves_beside_the_map(tiles):
    chart = tiles
    assert max(tr.textfont.size for tr in chart.figure.data if tr.name == "label") < 20
    big = projector.tile_map_for_projector(chart, 760)
    labels = [tr for tr in big.data if tr.name == "label"]
    assert labels and all(tr.textfont.size >= 20 for tr in labels)
    assert min(sizes(big)) >= 20
    assert big.layout.legend.orientation == "v" and big.layout.legend.x == 1
    assert big.layout.margin.r >= projector.SIDE_PX
    assert big.layout.title.text == ""  # the title is written in the column beside the map
    notes = {a.name: a.text for a in big.layout.annotations}
    assert "2025" in notes["projector:title"] and "<br>" in notes["projector:title"]  # wrapped for the column
    assert big.layout.height == 760


def test_notes_in_the_right_margin_keep_their_room():
    fig = bar_chart()
    fig.add_annotation(name="kategori:Paripurna", text="Paripurna", xref="paper", x=1, xanchor="left", xshift=6,
                       yref="paper", y=0.9, showarrow=False, font=dict(size=12))
    fig.update_layout(margin=dict(r=62))
    big = projector.for_projector(fig)
    # 12 px grows to 20 px: the margin that holds it grows by 20/12, not only by the ticks' 20/14
    assert big.layout.margin.r >= 62 * 20 / 12


def test_chart_svg_is_the_enlarged_chart_as_a_picture():
    big = projector.for_projector(bar_chart(), width=900)
    svg = projector.chart_svg(big.to_json(), 900, 560)
    assert svg.startswith("<svg") and 'width="900"' in svg and 'height="560"' in svg
    sizes_in_svg = [float(s) for s in re.findall(r"font-size: ?([\d.]+)px", svg)]
    assert sizes_in_svg and min(sizes_in_svg) >= 20
    assert "<script" not in svg
