"""The static kelurahan choropleth (kla/staticmap.py) on the real boundaries and the sample data.

Boundaries are installed at test time from the shared GeoJSON into a tmp folder (nothing derived
from them is stored). Expectations come from mapdata, shapely, hand-worked numbers and the
metrics of the font Chromium uses for Arial, not from the module's own output.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import plotly.graph_objects as go
import pytest
import shapely
from PIL import ImageFont
from shapely.geometry import MultiPolygon, Polygon, shape

from kla import boundaries, mapdata, staticmap
from kla.i18n import t
from kla.loading import load_dataset
from tests.conftest import SHARED

DATA = Path(__file__).resolve().parents[1] / "data"
GEOJSON = SHARED / "geo" / "balikpapan_kelurahan.geojson"
# fontconfig's match for Arial (the first font of kla.charts.FONT) in the test machine's Chromium
ARIAL_METRICS = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
KARIANGAU = "64.71.02.1004"
HOSTILE = '<img src=x onerror="alert(1)">'
SIZES = [(1200, 675), (1080, 1080), (1080, 1350), (1080, 1920), (794, 1123)]


# --- fixtures and helpers written for the tests ------------------------------------------------------


@pytest.fixture(scope="module")
def geo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("geo_terpasang")
    boundaries.install(GEOJSON, folder)
    return folder


@pytest.fixture(scope="module")
def shapes(geo) -> gpd.GeoDataFrame:
    return boundaries.load_installed(geo)


@pytest.fixture(scope="module")
def values() -> mapdata.MapValues:
    result = load_dataset(DATA)
    assert result.ok, result.problems[:3]
    return mapdata.map_values(result.dataset, "total", 2025)


@pytest.fixture(scope="module")
def named_map(shapes, values) -> go.Figure:
    """The screen figure with names and the sample mark; tests fit copies of it."""
    return staticmap.static_choropleth(shapes, values, labels=True, sample=True).figure


def fills(fig) -> dict[str, object]:
    return {tr.name.split(":", 1)[1]: tr for tr in fig.data if (tr.name or "").startswith("kelurahan:")}


def legend(fig) -> list[tuple[str, str]]:
    return [(tr.name, tr.marker.color) for tr in fig.data if tr.showlegend is not False]


def shown_labels(fig) -> list[tuple[float, float, str, float]]:
    """The names written on the map (not the numbers of those whose name does not fit)."""
    return [(x, y, text, size) for tr in fig.data if tr.name == "label"
            for x, y, text, size in zip(tr.x, tr.y, tr.text, tr.textfont.size) if text and not text.isdigit()]


def shown_numbers(fig) -> list[tuple[float, float, str, float]]:
    return [(x, y, text, size) for tr in fig.data if tr.name == "label"
            for x, y, text, size in zip(tr.x, tr.y, tr.text, tr.textfont.size) if text.isdigit()]


def key_pairs(fig) -> dict[str, str]:
    """'12' -> 'Graha Indah' from the key under (or beside) the map."""
    (text,) = [a.text for a in fig.layout.annotations if a.name == "kunci"]
    entries = re.split(r" · |<br>", text.split(":", 1)[1])
    return dict(entry.strip().split(" ", 1) for entry in entries if entry.strip())


def rings(xs: list, ys: list) -> list[list[tuple[float, float]]]:
    """Pieces of a plotly outline, split where it has None."""
    out: list[list[tuple[float, float]]] = [[]]
    for x, y in zip(xs, ys):
        if x is None:
            out.append([])
        else:
            out[-1].append((x, y))
    return out


def signed_area(ring: list[tuple[float, float]]) -> float:
    """Shoelace: positive for counter-clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1])) / 2


def relative_luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def drawn_json(fig) -> str:
    return json.dumps(json.loads(fig.to_json()))  # plotly's JSON writes "<" as \\u003c


# --- geometry ---------------------------------------------------------------------------------------


def test_polygon_xy_winds_outer_rings_counter_clockwise_and_holes_clockwise():
    # Given the other way round: outer ring clockwise, hole counter-clockwise.
    square = Polygon([(0, 0), (0, 10), (10, 10), (10, 0)], [[(3, 3), (6, 3), (6, 6), (3, 6)]])
    island = Polygon([(20, 0), (20, 2), (22, 2), (22, 0)])
    xs, ys = staticmap.polygon_xy(MultiPolygon([square, island]))
    pieces = rings(xs, ys)
    assert len(pieces) == 3  # outer, hole, island
    assert [signed_area(p) for p in pieces] == [100.0, -9.0, 4.0]
    assert all(p[0] == p[-1] for p in pieces)  # closed rings
    assert staticmap.polygon_xy(None) == ([], [])


def test_scale_ratio_is_one_over_cos_latitude():
    assert staticmap.scale_ratio(0) == pytest.approx(1.0)
    assert staticmap.scale_ratio(60) == pytest.approx(2.0)  # cos 60° = 1/2
    assert staticmap.scale_ratio(-60) == pytest.approx(2.0)


def test_map_is_drawn_in_equal_distances(shapes, values):
    fig = staticmap.static_choropleth(shapes, values).figure
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    _, south, _, north = shapely.total_bounds([shape(f["geometry"]) for f in features])
    assert fig.layout.yaxis.scaleanchor == "x"
    assert fig.layout.yaxis.scaleratio == pytest.approx(1 / math.cos(math.radians((south + north) / 2)), rel=1e-4)
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False


# --- colours and legend -------------------------------------------------------------------------------


def test_one_filled_trace_per_kelurahan_in_its_class_colour(shapes, values):
    fig = staticmap.static_choropleth(shapes, values).figure
    drawn = fills(fig)
    assert set(drawn) == set(shapes["kode_kelurahan"]) and len(drawn) == 34
    expected = dict(zip(values.table["kode_kelurahan"], values.table["warna"]))
    for code, trace in drawn.items():
        assert trace.fill == "toself" and trace.fillcolor == expected[code], code
    assert len(set(expected.values())) >= 3  # the sample's 2025 totals span three categories (Madya to Utama)


def test_every_border_shows_against_its_own_fill(shapes, values):
    """White vanishes around the palest class; every kelurahan's outline must still be seen."""
    for code, trace in fills(staticmap.static_choropleth(shapes, values).figure).items():
        a, b = sorted((relative_luminance(trace.fillcolor), relative_luminance(trace.line.color)), reverse=True)
        assert (a + 0.05) / (b + 0.05) >= 1.35, (code, trace.fillcolor, trace.line.color)


def test_kelurahan_missing_from_values_is_drawn_as_no_data(shapes, values):
    table = values.table[values.table["kode_kelurahan"] != KARIANGAU]
    chart = staticmap.static_choropleth(shapes, dataclasses.replace(values, table=table))
    drawn = fills(chart.figure)
    assert drawn[KARIANGAU].fillcolor == mapdata.NO_DATA
    assert all(tr.fillcolor != mapdata.NO_DATA for code, tr in drawn.items() if code != KARIANGAU)
    assert legend(chart.figure)[-1] == (t("peta.tanpa_data", "id"), mapdata.NO_DATA)
    hover = next(tr for tr in chart.figure.data if tr.name == "arah")
    kariangau = hover.hovertext[[c[0] for c in hover.customdata].index(KARIANGAU)]
    assert "Kariangau" in kariangau and t("peta.tanpa_data", "id") in kariangau


@pytest.mark.parametrize("lang", ["id", "en"])
def test_legend_is_mapdata_legend(shapes, values, lang):
    chart = staticmap.static_choropleth(shapes, values, lang=lang)
    items = mapdata.legend_items(values.breaks, "total", lang, with_no_data=bool(values.table["nilai"].isna().any()))
    assert legend(chart.figure) == [(i.label, i.colour) for i in items]
    assert chart.title == f"{mapdata.metric_label('total', lang)}, 2025"
    assert chart.source.startswith(f"{t('sumber', lang)}: ") and chart.source.endswith(f"{t('periode', lang)}: 2025")


# --- names -----------------------------------------------------------------------------------------


def test_labels_are_optional(shapes, values):
    plain = staticmap.static_choropleth(shapes, values).figure
    named = staticmap.static_choropleth(shapes, values, labels=True).figure
    assert not any(tr.name == "label" for tr in plain.data)
    assert shown_labels(named)
    assert plain.layout.title.subtitle.text != named.layout.title.subtitle.text  # says names are partial


def test_names_are_shown_only_where_they_fit(shapes, values):
    if not ARIAL_METRICS.exists():
        pytest.skip("Liberation Sans (Arial's metrics) is not installed")
    width, height = 1080, 1080
    fig = staticmap.fit_map_labels(staticmap.static_choropleth(shapes, values, labels=True).figure, width, height)
    assert fig.layout.legend.orientation == "h"  # legend above the map: both axes span their whole domain
    # Pixels per degree from the layout alone: plotly shrinks the longer side of the plot area.
    (x0, x1), (y0, y1), ratio = fig.layout.xaxis.range, fig.layout.yaxis.range, fig.layout.yaxis.scaleratio
    margin = fig.layout.margin
    per_lon = min((width - margin.l - margin.r) / (x1 - x0), (height - margin.t - margin.b) / ((y1 - y0) * ratio))
    per_lat = per_lon * ratio
    by_code = dict(zip(shapes["kode_kelurahan"], shapes.geometry))
    named = set()
    for x, y, text, size in shown_labels(fig):
        assert size >= staticmap.LABEL_MIN_PX
        font = ImageFont.truetype(str(ARIAL_METRICS), round(size))
        lines = text.split("<br>")
        half_w = max(font.getlength(line) for line in lines) / 2 / per_lon
        half_h = 1.2 * size * len(lines) / 2 / per_lat
        box = shapely.box(x - half_w, y - half_h, x + half_w, y + half_h)
        home = [code for code, geom in by_code.items() if geom.contains(shapely.Point(x, y))]
        assert len(home) == 1, text
        assert box.within(by_code[home[0]]), text
        named.add(home[0])
    assert KARIANGAU in named  # 187 km²: always room for its name
    areas = shapes.to_crs(32750).set_index("kode_kelurahan").area.sort_values()
    assert not named & set(areas.index[:15])  # the dense centre stays unnamed


def test_a_larger_map_names_more_kelurahan_in_larger_type(named_map):
    fig = go.Figure(named_map)
    small = shown_labels(staticmap.fit_map_labels(fig, 794, 1123))
    large = shown_labels(staticmap.fit_map_labels(fig, 1080, 1920))
    names = [{text.replace("<br>", " ") for *_, text, _ in shown} for shown in (small, large)]
    assert names[0] < names[1]
    assert max(s for *_, s in large) > max(s for *_, s in small)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_kelurahan_is_named_or_numbered_with_a_key(named_map, shapes, size):
    fig = staticmap.fit_map_labels(go.Figure(named_map), *size)
    names = dict(zip(shapes["kode_kelurahan"], shapes["nama_kelurahan"]))
    by_code = dict(zip(shapes["kode_kelurahan"], shapes.geometry))
    key = key_pairs(fig)
    assert sorted(key.values()) == sorted(names.values())  # the key names all 34, once each
    assert sorted(int(n) for n in key) == list(range(1, len(names) + 1))
    found = set()
    for x, y, text, _ in shown_labels(fig) + shown_numbers(fig):
        (home,) = [code for code, geom in by_code.items() if geom.contains(shapely.Point(x, y))]
        if text.isdigit():
            assert key[text] == names[home], (text, names[home])  # the number's key entry is that kelurahan
        found.add(home)
    assert found == set(names), f"not named or numbered: {[names[c] for c in set(names) - found]}"
    assert all(size >= staticmap.NUMBER_MIN_PX for *_, size in shown_numbers(fig))


# --- export sizes ----------------------------------------------------------------------------------


def test_landscape_puts_the_legend_beside_the_map_and_tall_pages_below_it(named_map):
    fig = go.Figure(named_map)
    assert staticmap.map_fit(fig, 1200, 675).layout == "samping"
    staticmap.fit_map_labels(fig, 1200, 675)
    assert fig.layout.legend.orientation == "v" and fig.layout.legend.x == 0
    assert fig.layout.xaxis.domain[0] > 0.25  # the map starts right of the title/legend column
    assert staticmap.map_fit(fig, 1080, 1920).layout == "bawah"
    staticmap.fit_map_labels(fig, 1080, 1920)
    assert fig.layout.legend.y < fig.layout.yaxis.domain[0]  # under the map
    staticmap.fit_map_labels(fig, 1080, 1080)
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.yanchor == "bottom"


@pytest.mark.parametrize("size", SIZES)
def test_fit_map_labels_is_idempotent(named_map, size):
    """Fitting one size after all the others gives the same figure as fitting it alone."""
    once = staticmap.fit_map_labels(go.Figure(named_map), *size)
    again = go.Figure(named_map)
    for other in SIZES:
        staticmap.fit_map_labels(again, *other)
    staticmap.fit_map_labels(again, *size)
    assert again.to_plotly_json() == once.to_plotly_json()


def test_every_preset_fits_the_map_between_header_and_footer(named_map):
    """The map keeps its shape and stays inside the page at every export size."""
    fig = go.Figure(named_map)
    (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    aspect = (x1 - x0) / ((y1 - y0) * fig.layout.yaxis.scaleratio)
    for width, height in SIZES:
        fit = staticmap.map_fit(staticmap.fit_map_labels(fig, width, height), width, height)
        map_w, map_h = fit.map_px
        assert map_w / map_h == pytest.approx(aspect, rel=1e-6)
        assert map_w <= width and map_h <= height - fig.layout.margin.t - fig.layout.margin.b + 1e-6
        assert map_w >= 0.55 * width, (width, height)  # the map, not the margins, takes the page


# --- texts from files ----------------------------------------------------------------------------


def test_text_from_files_reaches_the_figure_escaped(shapes, values):
    table = values.table.copy()
    table.loc[table["kode_kelurahan"] == KARIANGAU, "nama"] = HOSTILE
    table.loc[table["kode_kelurahan"] == KARIANGAU, "nama_kecamatan"] = HOSTILE
    chart = staticmap.static_choropleth(shapes, dataclasses.replace(values, table=table), labels=True,
                                        source=f"DP3AKB {HOSTILE}", attribution=f"batas {HOSTILE}")
    drawn = drawn_json(chart.figure)
    assert "<img" not in drawn
    assert drawn.count("&lt;img") >= 5  # source, attribution, label (two forms), hover
    assert HOSTILE in chart.data["nama"].tolist()  # the data behind the map keep the real text


# --- one real render ------------------------------------------------------------------------------


@pytest.mark.browser
def test_svg_render_is_undistorted_and_carries_title_source_and_sample_mark(shapes, values, geo):
    info = boundaries.installed_info(geo)
    chart = staticmap.static_choropleth(shapes, values, labels=True, sample=True, attribution=info["attribution"])
    fig = staticmap.fit_map_labels(chart.figure, 1200, 675)
    root = ET.fromstring(fig.to_image(format="svg", width=1200, height=675, scale=1))
    text = " ".join(s.strip() for s in root.itertext())
    assert chart.title in text and "DATA CONTOH" in text and "Sumber:" in text
    assert "Kariangau" in text
    clip = next(c for c in root.iter() if c.tag.endswith("clipPath") and (c.get("id") or "").endswith("xy"))
    rect = next(iter(clip))
    (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    px_lon = float(rect.get("width")) / (x1 - x0)
    px_lat = float(rect.get("height")) / (y1 - y0)
    assert px_lat / px_lon == pytest.approx(fig.layout.yaxis.scaleratio, rel=2e-3)


@pytest.mark.browser
def test_press_svg_names_or_numbers_every_kelurahan_and_credits_the_boundaries(shapes, values, tmp_path):
    """The press file itself (export.press_figure, rendered): 34 names in its key, the numbers on the
    map, the licence line given to ``geo install --atribusi`` and no file name."""
    from kla import export

    geo = tmp_path / "geo"
    boundaries.install(GEOJSON, geo, attribution="© 2024 Cahya DSN, MIT")
    credit = boundaries.installed_info(geo)["attribution"]
    chart = staticmap.static_choropleth(shapes, values, labels=True, sample=True, attribution=credit)
    fig = export.press_figure(chart, export.PRESETS["lanskap"], export.Stamp(dt.date(2026, 11, 23)))
    svg = fig.to_image(format="svg", width=1200, height=675, scale=1)
    text = " ".join(s.strip() for s in ET.fromstring(svg).itertext() if s.strip())
    for name in shapes["nama_kelurahan"]:
        assert name in text, name
    numbers = {t for *_, t, _ in shown_numbers(fig)}
    assert numbers and all(re.search(rf"(^|\s){n}(\s|$)", text) for n in numbers)
    assert "Nomor pada peta" in text
    assert "Cahya DSN, MIT" in text
    assert ".geojson" not in text and "balikpapan_kelurahan" not in text
