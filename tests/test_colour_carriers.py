"""Colour is never the only carrier of meaning (WCAG 1.4.1): every distinction a chart or map
draws in colour is also written or drawn in another way, read here from the figures built on
the sample data.

* category bands: each band's name is written beside it;
* years without an evaluation: each is named with its reason (and its line is dotted);
* several lines in one chart: each differs from the others by marker shape or dash too;
* the roadmap target: its own hollow marker shape, not only its own colour;
* the tile map: every hexagon writes its class mark, every legend entry names the class and its range;
* the folium map: the tooltip and popup say the class, the legend leads each class with its mark.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kla import catalog, domain, mapdata, maps, scoring, tilemap
from kla.loading import load_dataset
from kla.text import escape_html
from tests.maps_fixtures import shapes_fixture  # noqa: F401

DATA = Path(__file__).resolve().parents[1] / "data"
NAMES = [n for n, e in catalog.CATALOG.items() if not e.needs_boundaries]


@pytest.fixture(scope="module")
def sample():
    result = load_dataset(DATA)
    assert result.ok, result.problems[:3]
    return result.dataset


@pytest.fixture(scope="module")
def figures(sample):
    return {name: catalog.build(name, catalog.Context(sample)).figure for name in NAMES}


def _legend_lines(fig) -> list:
    return [tr for tr in fig.data if tr.type == "scatter" and tr.showlegend is not False and "lines" in (tr.mode or "")]


@pytest.mark.parametrize("name", NAMES)
def test_every_band_is_named_beside_it(figures, name):
    fig = figures[name]
    bands = [s.name.split(":", 1)[1] for s in fig.layout.shapes if (s.name or "").startswith("kategori:")]
    written = {a.text for a in fig.layout.annotations if (a.name or "").startswith("kategori:")}
    assert set(bands) <= written, f"{name}: bands without a written name: {set(bands) - written}"


@pytest.mark.parametrize("name", NAMES)
def test_every_gap_year_is_named_with_its_reason(figures, name):
    fig = figures[name]
    veiled = {s.name for s in fig.layout.shapes if (s.name or "").startswith("tanpa_evaluasi:")}
    named = {a.name for a in fig.layout.annotations if (a.name or "").startswith("tanpa_evaluasi:") and a.text}
    assert veiled <= named, f"{name}: gap years drawn without their reason: {veiled - named}"


def test_the_sample_has_gaps_and_bands_to_check(figures):
    # the two tests above must have something to look at
    assert any((s.name or "").startswith("tanpa_evaluasi:") for s in figures["tren_total"].layout.shapes)
    assert sum((s.name or "").startswith("kategori:") for s in figures["tren_total"].layout.shapes) == 5


@pytest.mark.parametrize("name", NAMES)
def test_lines_in_one_chart_differ_by_more_than_colour(figures, name):
    lines = _legend_lines(figures[name])
    looks = [((tr.marker.symbol or "circle"), (tr.line.dash or "solid")) for tr in lines]
    assert len(set(looks)) == len(looks), f"{name}: lines told apart by colour alone: {looks}"


def test_several_line_charts_are_checked(figures):
    assert sum(len(_legend_lines(figures[n])) > 1 for n in NAMES) >= 3  # tren_blok, tren_indikator, banding


def test_roadmap_target_has_its_own_shape(figures):
    fig = figures["tren_total"]
    total = next(tr for tr in _legend_lines(fig))
    targets = [tr for tr in fig.data if tr.type == "scatter" and "lines" not in (tr.mode or "")
               and tr.showlegend is not False]
    assert targets and all(tr.marker.symbol != (total.marker.symbol or "circle") for tr in targets)


def test_gap_years_are_dotted_not_only_missing(figures):
    fig = figures["tren_total"]
    assert any(tr.meta == "penghubung" and tr.line.dash == "dot" for tr in fig.data)


# --- maps ----------------------------------------------------------------------------------------


def _cell_texts(fig) -> list[str]:
    return [text for tr in fig.data if tr.name == "label" for text in tr.text]


@pytest.mark.parametrize("metric", ["total", "K3", "kegiatan"])
def test_every_hexagon_writes_its_class(sample, metric):
    values = mapdata.map_values(sample, metric)
    fig = tilemap.tile_map(values).figure
    texts = _cell_texts(fig)
    assert len(texts) == len(values.table)
    legend = [tr.name for tr in fig.data if tr.showlegend is not False]
    marks = {name.split(" · ", 1)[0] for name in legend}
    assert len(marks) == len(legend)  # one mark per class: the mark alone tells the class
    for text in texts:
        written = text.rsplit("<b>", 1)[1].removesuffix("</b>") if "<b>" in text else None
        assert written in marks, f"hexagon '{text}' writes no class mark of the legend {sorted(marks)}"


def test_score_classes_are_the_category_names_with_their_ranges(sample):
    values = mapdata.map_values(sample, "total")
    fig = tilemap.tile_map(values).figure
    legend = [tr.name for tr in fig.data if tr.showlegend is not False]
    for cat in domain.CATEGORY_NAMES:
        lows = {b.low for b in domain.CATEGORIES if b.name == cat}
        if any(low in values.breaks[:-1] for low in lows):
            assert any(cat in entry and domain.band_range(cat, ".") in entry for entry in legend), (cat, legend)
    # the mark written in a cell is that kelurahan's category number
    by_name = dict(zip(values.table["nama"], values.table["nilai"]))
    for tr in fig.data:
        if tr.name != "label":
            continue
        for text in tr.text:
            name = " ".join(text.split("<b>")[0].replace("<br>", " ").split())
            match = [n for n in by_name if tilemap.short_label(n) and " ".join(tilemap.short_label(n)) == name]
            if match and not mapdata.pd.isna(by_name[match[0]]):
                category = scoring.category_for(by_name[match[0]])
                assert text.endswith(f"<b>{domain.CATEGORY_NAMES.index(category) + 1}</b>"), (text, category)


def test_folium_tooltip_popup_and_legend_say_the_class(sample, shapes):
    values = mapdata.map_values(sample, "total")
    legend = maps.legend_html(values)
    marked = tilemap.marked_legend(values, with_no_data=False)
    assert [item.label.split(" · ", 1)[1] for item in marked] == \
        [i.label for i in mapdata.legend_items(values.breaks, "total", with_no_data=False)]
    assert all(escape_html(item.label) in legend for item in marked)
    table = maps.feature_table(shapes, values)
    by_code = dict(zip(values.table["kode_kelurahan"], values.table["kelas"]))
    labels = [item.label for item in marked]
    for code, kelas in zip(table["kode"], table["kelas"]):
        assert kelas == escape_html(labels[by_code[code]])  # the class in words, not just the fill
    html = maps.choropleth(shapes, values).get_root().render()
    assert "+ p.kelas +" in html and '"kelas":"Kategori"' in html  # the popup row and its label
    assert '"nilai","kelas","peringkat"' in html  # a tooltip row


def test_press_map_hatches_each_class_with_its_own_pattern(sample, shapes):
    from kla import staticmap
    from kla.maps import patterns

    values = mapdata.map_values(sample, "total")
    fig = staticmap.static_choropleth(shapes, values).figure
    kelas = dict(zip(values.table["kode_kelurahan"], values.table["kelas"]))
    seen: dict[int, str] = {}
    for tr in fig.data:
        if (tr.name or "").startswith("kelurahan:"):
            k = int(kelas[tr.name.split(":", 1)[1]])
            assert tr.fillpattern.shape == patterns.PLOTLY_SHAPES[patterns.shape_of(k)]
            seen[k] = tr.fillpattern.shape
    assert len(seen) >= 3 and len(set(seen.values())) == len(seen)  # one pattern per class drawn
    swatches = [tr.fillpattern.shape or "" for tr in fig.data if tr.showlegend is not False]
    assert len(set(swatches)) == len(swatches)  # the legend tells the classes apart without colour


def test_children_and_adults_bars_differ_by_more_than_colour(figures):
    bars = [tr for tr in figures["peserta_bulanan"].data if tr.type == "bar"]
    assert len(bars) == 2
    looks = {((tr.marker.line.width or 0) > 0, tr.marker.line.color) for tr in bars}
    assert len(looks) == 2, "children and adults told apart by colour alone"
