"""The press map's figure (kla/staticmap/figure.py, the package kla.staticmap) on the real boundaries.

Boundaries are installed at test time from the shared GeoJSON into a tmp folder (nothing derived
from them is stored). Expectations come from mapdata, shapely and hand-worked numbers, not from
the module's own output.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import xml.etree.ElementTree as ET

import pytest
import shapely
from shapely.geometry import shape

from kla import boundaries, mapdata, staticmap
from kla.i18n import t
from tests.staticmap_fixtures import (  # noqa: F401
    GEOJSON,
    KARIANGAU,
    geo_fixture,
    key_pairs,
    named_map_fixture,
    shapes_fixture,
    shown_labels,
    shown_numbers,
    values_fixture,
)

HOSTILE = '<img src=x onerror="alert(1)">'


def fills(fig) -> dict[str, object]:
    return {tr.name.split(":", 1)[1]: tr for tr in fig.data if (tr.name or "").startswith("kelurahan:")}


def legend(fig) -> list[tuple[str, str]]:
    return [(tr.name, tr.fillcolor) for tr in fig.data if tr.showlegend is not False]  # hatched fill swatches


def relative_luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def drawn_json(fig) -> str:
    return json.dumps(json.loads(fig.to_json()))  # plotly's JSON writes "<" as \\u003c


# --- the map -------------------------------------------------------------------------------------


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


# --- names and the inset -------------------------------------------------------------------------------


def test_labels_are_optional(shapes, values):
    plain = staticmap.static_choropleth(shapes, values).figure
    named = staticmap.static_choropleth(shapes, values, labels=True).figure
    assert not any(tr.name == "label" for tr in plain.data)
    assert shown_labels(named)
    assert plain.layout.title.subtitle.text != named.layout.title.subtitle.text  # says names are partial


def test_the_dense_centre_is_drawn_again_enlarged_in_an_inset(shapes, values, named_map):
    plain = staticmap.static_choropleth(shapes, values).figure
    assert not any((tr.xaxis or "x") != "x" for tr in plain.data)  # without names, one map
    members, box = staticmap.dense_centre(shapes["kode_kelurahan"], shapes.geometry)
    inset = {tr.name.split(":", 1)[1]: tr for tr in named_map.data if (tr.name or "").startswith("sisipan:")}
    assert set(members) <= set(inset)  # every kelurahan of the old town, and the parts of others in the box
    colours = dict(zip(values.table["kode_kelurahan"], values.table["warna"]))
    frame = shapely.box(*box).buffer(0.05 * (box[2] - box[0]))
    for code, trace in inset.items():
        assert (trace.xaxis, trace.yaxis) == ("x2", "y2") and trace.fillcolor == colours[code]
        assert all(frame.contains(shapely.Point(x, y)) for x, y in zip(trace.x, trace.y) if x is not None)
    layout = named_map.layout
    assert (layout.xaxis2.range[0], layout.yaxis2.range[0], layout.xaxis2.range[1], layout.yaxis2.range[1]) == box
    assert layout.yaxis2.scaleanchor == "x2" and layout.yaxis2.scaleratio == layout.yaxis.scaleratio
    (marked,) = [tr for tr in named_map.data if tr.name == "sisipan_kotak"]  # where the inset is, on the city map
    assert (min(marked.x), min(marked.y), max(marked.x), max(marked.y)) == box and (marked.xaxis or "x") == "x"
    assert [s.xref for s in layout.shapes] == ["x2 domain"]  # the inset's frame
    assert t("statis.subjudul_sisipan", "id") in layout.title.subtitle.text.replace("<br>", " ")


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
    """The press file itself (export.press_figure, rendered): every kelurahan named on the map or in
    the key of its numbers, the licence line given to ``geo install --atribusi`` and no file name."""
    from kla import export

    geo = tmp_path / "geo"
    boundaries.install(GEOJSON, geo, attribution="© 2024 Cahya DSN, MIT")
    credit = boundaries.installed_info(geo)["attribution"]
    chart = staticmap.static_choropleth(shapes, values, labels=True, sample=True, attribution=credit)
    fig = export.press_figure(chart, export.PRESETS["lanskap"], export.Stamp(dt.date(2026, 11, 23)))
    svg = fig.to_image(format="svg", width=1200, height=675, scale=1)
    text = " ".join(s.strip() for s in ET.fromstring(svg).itertext() if s.strip())
    key = key_pairs(fig)
    names = [label.replace("<br>", " ") for *_, label, _ in shown_labels(fig)]
    written = " ".join(names)
    for name in shapes["nama_kelurahan"]:  # named on the map, in the key, or in the short form 'Gn.'
        assert name in text or name.replace("Gunung", "Gn.") in written, name
    assert key and set(key.values()) <= set(shapes["nama_kelurahan"])
    numbers = {t for *_, t, _ in shown_numbers(fig)}
    assert numbers == set(key) and all(re.search(rf"(^|\s){n}(\s|$)", text) for n in numbers)
    assert "Nomor pada peta" in text
    assert "Cahya DSN, MIT" in text
    assert ".geojson" not in text and "balikpapan_kelurahan" not in text
