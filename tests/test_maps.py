"""The folium choropleth (kla/maps/choropleth.py, kla.maps.choropleth): features, colours, legend,
tooltips and popups escaped, focus and kecamatan borders.

What a person sees in Chromium is tested in tests/e2e/test_peta.py.
"""

from __future__ import annotations

import dataclasses
import html
import json

import numpy as np
import pytest
from shapely.geometry import shape

from kla import mapdata, maps
from kla.text import escape_html
from tests.maps_fixtures import (  # noqa: F401 (fixtures are found by name)
    INJECTIONS,
    MANGGAR,
    SEPINGGAN,
    as_seen_by_the_browser,
    child,
    features,
    flat,
    layer,
    sample_fixture,
    shapes_fixture,
    values_fixture,
)


def test_one_feature_per_kelurahan_with_display_text(shapes, values):
    found = features(maps.choropleth(shapes, values), "kelurahan")
    assert len(found) == 34
    assert all(tuple(f["properties"]) == maps.FEATURE_PROPERTIES for f in found)
    props = {f["properties"]["kode"]: f["properties"] for f in found}
    row = values.table.set_index("kode_kelurahan").loc[SEPINGGAN]
    assert props[SEPINGGAN]["nama"] == "Sepinggan" and props[SEPINGGAN]["kecamatan"] == "Balikpapan Selatan"
    assert props[SEPINGGAN]["nilai"] == mapdata.format_value(row["nilai"], "total")
    assert props[SEPINGGAN]["nilai"].endswith(" poin") and "," in props[SEPINGGAN]["nilai"]
    assert props[SEPINGGAN]["peringkat"] == f"{row['peringkat']} dari 34"
    in_kecamatan = int(values.table["kode_kecamatan"].eq(row["kode_kecamatan"]).sum())
    assert props[SEPINGGAN]["peringkat_kecamatan"] == f"{row['peringkat_kecamatan']} dari {in_kecamatan}"


def test_fill_colours_are_the_mapdata_colours(shapes, values):
    m = maps.choropleth(shapes, values)
    m.get_root().render()
    kelurahan = layer(m, "kelurahan")
    wanted = dict(zip(values.table["kode_kelurahan"], values.table["warna"]))
    listed = {}
    for style, codes in kelurahan.style_map.items():  # the style table written into the page
        if style != "default":  # folium leaves the most common style out of the list, as the default
            listed.update({code: json.loads(style)["fillColor"] for code in codes})
    default = json.loads(kelurahan.style_map["default"])["fillColor"]
    assert {code: listed.get(code, default) for code in wanted} == wanted
    assert len(set(wanted.values())) > 1


def test_legend_has_every_class_label_and_the_unit(shapes, sample):
    for metric in ("total", "K3", "inisiatif"):
        values = mapdata.map_values(sample, metric)
        m = maps.choropleth(shapes, values)
        legend = child(m, maps.Legend).html
        for item in mapdata.legend_items(values.breaks, metric, with_no_data=False):
            assert escape_html(item.label) in legend and item.colour in legend
        assert escape_html(mapdata.metric_unit(metric)) in legend
        assert str(values.year) in legend
        assert "kla-legend" in m.get_root().render()
    assert "Klaster III" in child(maps.choropleth(shapes, mapdata.map_values(sample, "K3")), maps.Legend).html


def test_legend_shows_no_data_only_when_a_kelurahan_has_none(shapes, values):
    assert "tanpa data" not in maps.legend_html(values)
    table = values.table.copy()
    table.loc[table["kode_kelurahan"] == SEPINGGAN, ["nilai", "peringkat", "peringkat_kecamatan"]] = np.nan
    table.loc[table["kode_kelurahan"] == SEPINGGAN, "warna"] = mapdata.NO_DATA
    gap = dataclasses.replace(values, table=table)
    assert "tanpa data" in maps.legend_html(gap)
    props = {f["properties"]["kode"]: f["properties"] for f in features(maps.choropleth(shapes, gap), "kelurahan")}
    assert props[SEPINGGAN]["nilai"] == "tanpa data" and props[SEPINGGAN]["peringkat"] == "–"


def test_english_tooltip_and_legend(shapes, values):
    m = maps.choropleth(shapes, values, lang="en")
    props = {f["properties"]["kode"]: f["properties"] for f in features(m, "kelurahan")}
    assert props[SEPINGGAN]["nilai"].endswith(" points") and " of 34" in props[SEPINGGAN]["peringkat"]
    assert "Unit: points" in child(m, maps.Legend).html


def test_data_text_reaches_the_map_only_escaped(shapes, values, sample):
    table = values.table.copy()
    table.loc[table["kode_kelurahan"] == SEPINGGAN, "nama"] = INJECTIONS[0]
    table.loc[table["kode_kelurahan"] == MANGGAR, "nama"] = INJECTIONS[1]
    hostile = dataclasses.replace(values, table=table)
    initiatives = sample.inisiatif.copy()
    initiatives.loc[0, "nama"] = INJECTIONS[0]
    initiatives.loc[1, "nama_mitra"] = INJECTIONS[1]
    initiatives.loc[2, "jenis"] = INJECTIONS[0]
    m = maps.choropleth(shapes, hostile, initiatives=initiatives, focus=SEPINGGAN)
    seen = as_seen_by_the_browser(m.get_root().render())
    for text in INJECTIONS:
        assert text not in seen
        assert escape_html(text) in seen
    props = {f["properties"]["kode"]: f["properties"] for f in features(m, "kelurahan")}
    assert props[SEPINGGAN]["nama"] == escape_html(INJECTIONS[0])
    popups = " ".join(f["properties"]["isi"] for f in features(m, "inisiatif"))
    assert escape_html(INJECTIONS[0]) in popups and escape_html(INJECTIONS[1]) in popups
    assert "<img" not in popups and "<script" not in popups


def test_escaping_round_trips_to_the_original_text(shapes, values):
    table = values.table.copy()
    table.loc[table["kode_kelurahan"] == SEPINGGAN, "nama"] = "Sepinggan & <Raya>"
    props = {f["properties"]["kode"]: f["properties"]
             for f in features(maps.choropleth(shapes, dataclasses.replace(values, table=table)), "kelurahan")}
    assert html.unescape(props[SEPINGGAN]["nama"]) == "Sepinggan & <Raya>"  # shown as typed, not as markup


def test_focus_fits_and_outlines_the_kelurahan(shapes, values):
    m = maps.choropleth(shapes, values, focus=SEPINGGAN)
    minx, miny, maxx, maxy = shapes[shapes["kode_kelurahan"] == SEPINGGAN].total_bounds
    fit = child(m, maps.Fit)
    assert flat(fit.bounds) == pytest.approx([miny, minx, maxy, maxx])
    assert fit.options["maxZoom"] == 15
    outline = features(m, "fokus")
    assert [f["properties"]["kode"] for f in outline] == [SEPINGGAN]
    assert layer(m, "fokus").style_function(outline[0])["className"] == maps.FOCUS_CLASS
    assert "fitBounds" in m.get_root().render()


def test_an_unknown_focus_shows_the_whole_city(shapes, values):
    m = maps.choropleth(shapes, values, focus="64.71.99.9999")
    minx, miny, maxx, maxy = shapes.total_bounds
    assert flat(child(m, maps.Fit).bounds) == pytest.approx([miny, minx, maxy, maxx])


def test_kecamatan_borders_are_a_separate_quiet_layer(shapes, values):
    m = maps.choropleth(shapes, values)
    borders = layer(m, "kecamatan")
    assert borders.options.get("interactive") is False
    assert borders.style_function(None)["fill"] is False
    geometry = shape(borders.data["features"][0]["geometry"])
    assert geometry.geom_type in ("LineString", "MultiLineString")
    # Borders run between kecamatan: their length is a fraction of all the kelurahan outlines.
    assert 0 < geometry.length < 0.5 * float(np.sum([g.boundary.length for g in shapes.geometry]))
