"""The folium map's hatching (kla.maps.patterns): one pattern per class, drawn in the browser over each kelurahan."""

from __future__ import annotations

import re

from kla import mapdata, maps, tilemap
from kla.colours import TEXT_MIN, contrast
from kla.maps import patterns
from tests.maps_fixtures import sample_fixture, shapes_fixture  # noqa: F401


def test_every_class_but_the_lowest_has_its_own_pattern():
    shapes = [patterns.shape_of(k) for k in range(mapdata.N_CLASSES)]
    assert shapes[0] == "" and all(shapes[1:]) and len(set(shapes)) == len(shapes)
    assert patterns.shape_of(-1) == ""  # no data: plain grey
    assert patterns.shape_of(99) == patterns.SHAPES[-1]


def test_pattern_ink_contrasts_with_its_class_colour():
    colours = list(mapdata.PALETTE)
    defs = patterns.pattern_defs(colours)
    for k, colour in enumerate(colours):
        block = re.search(rf'<pattern id="{patterns.pattern_id(k)}"[^>]*>(.*?)</pattern>', defs).group(1)
        if not patterns.shape_of(k):
            assert block == ""
            continue
        (ink,) = set(re.findall(r'(?:stroke|fill)="(#[0-9A-F]{6})"', block))
        assert ink == tilemap.label_colour(colour) and contrast(ink, colour) >= TEXT_MIN


def test_legend_swatches_carry_the_class_pattern(sample):
    values = mapdata.map_values(sample, "total")
    legend = maps.legend_html(values)
    classes = len(values.breaks) - 1
    for k in range(classes):
        assert (f"url(#{patterns.pattern_id(k)})" in legend) == bool(patterns.shape_of(k))
    assert legend.count("<svg") == len(tilemap.marked_legend(values, with_no_data=bool(values.table["nilai"]
                                                                                       .isna().any())))


def test_map_hatches_each_kelurahan_with_its_class(sample, shapes):
    values = mapdata.map_values(sample, "total")
    html = maps.choropleth(shapes, values).get_root().render()
    assert patterns.pattern_defs(list(mapdata.breaks_colours(values.breaks, "total"))).replace("/", "\\/") in html \
        or patterns.pattern_id(1) in html
    hatched = {code: int(k) for code, k in zip(values.table["kode_kelurahan"], values.table["kelas"])
               if patterns.shape_of(int(k))}
    assert hatched  # the sample has kelurahan above the lowest class
    for code, k in hatched.items():
        assert f'"{code}":{k}' in html
    assert 'layer.once("add"' in html  # hatched once Leaflet has drawn the shapes
