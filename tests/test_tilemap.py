"""The tile map ("peta petak"): the hand-made hexagon layout and the plotly figure drawn from it."""

from __future__ import annotations

import json
import math
from collections import deque
from pathlib import Path

import pandas as pd
import pytest
from PIL import ImageFont

from kla import domain, geography, mapdata, scoring, tilemap
from kla.config import PROJECT_ROOT
from kla.loading import load_dataset
from tests.conftest import KELURAHAN, SHARED, tiny_tables, write_tables

DATA = Path(__file__).resolve().parents[1] / "data"
GEOJSON = SHARED / "geo" / "balikpapan_kelurahan.geojson"
# fontconfig's match for Arial (the first font of kla.charts.FONT) in the test machine's Chromium
ARIAL_METRICS = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
SCRIPT = "<script>alert(1)</script>"
GSU, SEPINGGAN, NANGKA = "64.71.04.1001", "64.71.05.1002", "64.71.05.1010"


# --- helpers written for the tests, independent of kla.tilemap ------------------------------------


def odd_r_neighbours(col: int, row: int) -> set[tuple[int, int]]:
    """The six cells around (col, row) on a pointy-topped grid whose odd rows are shifted east."""
    shift = 0 if row % 2 == 0 else 1
    return {(col - 1, row), (col + 1, row),
            (col - 1 + shift, row - 1), (col + shift, row - 1),
            (col - 1 + shift, row + 1), (col + shift, row + 1)}


def spearman(a: pd.Series, b: pd.Series) -> float:
    ra, rb = a.rank(), b.rank()
    return float(((ra - ra.mean()) * (rb - rb.mean())).sum()
                 / math.sqrt(((ra - ra.mean()) ** 2).sum() * ((rb - rb.mean()) ** 2).sum()))


def hex_traces(fig) -> dict[str, object]:
    return {tr.name.split(":", 1)[1]: tr for tr in fig.data if (tr.name or "").startswith("petak:")}


def hover_of(fig, code: str) -> str:
    hover = next(tr for tr in fig.data if tr.name == "arah")
    index = [c[0] for c in hover.customdata].index(code)
    return hover.hovertext[index]


def labels_of(fig) -> dict[tuple[float, float], tuple[str, str]]:
    """(x, y) -> (text, colour) over every name trace."""
    found = {}
    for tr in fig.data:
        if tr.name == "label":
            for x, y, text in zip(tr.x, tr.y, tr.text):
                found[(round(x, 6), round(y, 6))] = (text, tr.textfont.color)
                assert tr.unselected.textfont.color == tr.textfont.color  # a selection does not grey the names
    return found


def all_strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in all_strings(v)]
    if isinstance(node, (list, tuple)):
        return [s for v in node for s in all_strings(v)]
    return []


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.fixture(scope="module")
def sample():
    result = load_dataset(DATA)
    assert result.ok, result.problems[:3]
    return result.dataset


@pytest.fixture
def tiny(tiny_city):
    return load_dataset(tiny_city).dataset


# --- the layout ------------------------------------------------------------------------------------


def test_layout_holds_exactly_the_34_official_kelurahan():
    regions = geography.read_regions(PROJECT_ROOT / "data")
    official = set(regions.loc[regions["tingkat"] == "kelurahan", "kode"])
    assert len(official) == 34
    assert set(tilemap.HEX_LAYOUT) == official
    assert all(isinstance(c, int) and isinstance(r, int) for c, r in tilemap.HEX_LAYOUT.values())


def test_no_two_kelurahan_share_a_cell():
    cells = list(tilemap.HEX_LAYOUT.values())
    assert len(set(cells)) == len(cells) == 34


def test_each_kecamatan_is_one_connected_group_of_hexagons():
    regions = geography.read_regions(PROJECT_ROOT / "data")
    parent = dict(zip(regions["kode"], regions["kode_induk"]))
    cell_of = tilemap.HEX_LAYOUT
    code_at = {cell: code for code, cell in cell_of.items()}
    for kecamatan in sorted(set(parent[c] for c in cell_of)):
        members = {c for c in cell_of if parent[c] == kecamatan}
        start = next(iter(members))
        reached, queue = {start}, deque([start])
        while queue:
            for cell in odd_r_neighbours(*cell_of[queue.popleft()]):
                other = code_at.get(cell)
                if other in members and other not in reached:
                    reached.add(other)
                    queue.append(other)
        assert reached == members, f"kecamatan {kecamatan} is split: {sorted(members - reached)}"
        # and so every kelurahan touches another of its own kecamatan
        for code in members:
            assert any(code_at.get(n) in members for n in odd_r_neighbours(*cell_of[code]))


def test_layout_is_roughly_geographic():
    """Checked against the shared boundary file at test time; nothing from it is committed."""
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    centroids = pd.DataFrame([f["properties"] for f in features]).set_index("kode_kelurahan")[["lng", "lat"]]
    assert len(centroids) == 34
    cells = pd.DataFrame(tilemap.HEX_LAYOUT, index=["col", "row"]).T
    x = cells["col"] + 0.5 * (cells["row"] % 2)
    north = -cells["row"]
    joined = pd.DataFrame({"x": x, "north": north}).join(centroids, how="inner")
    assert len(joined) == 34
    assert spearman(joined["x"], joined["lng"]) > 0.6
    assert spearman(joined["north"], joined["lat"]) > 0.6
    # The kecamatan in their places: Barat west of Timur, Kota south of Utara, Karang Joang in the top row.
    mean_x = joined["x"].groupby(joined.index.str[:8]).mean()
    mean_north = joined["north"].groupby(joined.index.str[:8]).mean()
    assert mean_x["64.71.02"] < mean_x["64.71.06"] < mean_x["64.71.05"] < mean_x["64.71.01"]
    assert mean_north["64.71.06"] < mean_north["64.71.04"] < mean_north["64.71.03"]
    assert tilemap.HEX_LAYOUT["64.71.03.1003"][1] == 0


def test_tile_centres_are_one_hexagon_apart():
    centres = tilemap.tile_centres().set_index("kode_kelurahan")
    assert list(centres.columns) == ["x", "y"] and len(centres) == 34
    code_at = {cell: code for code, cell in tilemap.HEX_LAYOUT.items()}
    for code, cell in tilemap.HEX_LAYOUT.items():
        col, row = cell
        assert centres.loc[code, "x"] == pytest.approx(col + 0.5 * (row % 2))
        assert centres.loc[code, "y"] == pytest.approx(-row * math.sqrt(3) / 2)
        for other in (code_at[n] for n in odd_r_neighbours(*cell) if n in code_at):
            distance = math.dist(centres.loc[code], centres.loc[other])
            assert distance == pytest.approx(1.0)  # neighbours touch along a whole side


# --- texts ----------------------------------------------------------------------------------------


def test_short_labels_abbreviate_gunung_and_wrap():
    assert tilemap.short_label("Gunung Samarinda Baru") == ["Gn.", "Samarinda", "Baru"]
    assert tilemap.short_label("Gunung Sari Ulu") == ["Gn. Sari", "Ulu"]
    assert tilemap.short_label("Sungainangka") == ["Sungai-", "nangka"]
    assert tilemap.short_label("Damai") == ["Damai"]
    regions = geography.read_regions(PROJECT_ROOT / "data")
    for name in regions.loc[regions["tingkat"] == "kelurahan", "nama"]:
        lines = tilemap.short_label(name)
        assert 1 <= len(lines) <= 3 and all(len(line) <= 9 for line in lines), (name, lines)


def test_names_side_by_side_leave_a_gap_on_a_360_px_phone(sample):
    """Two names in one row are a hexagon apart: on the narrowest phone they must not touch.

    Widths from Liberation Sans (the font Chromium draws for Arial here), hexagon size from the
    figure's own layout at the 328 px a 360 px phone gives a full-width chart.
    """
    if not ARIAL_METRICS.exists():
        pytest.skip("Liberation Sans (Arial's metrics) is not installed")
    fig = tilemap.tile_map(mapdata.map_values(sample, "total"), sample=True).figure
    (x0, x1), margin = fig.layout.xaxis.range, fig.layout.margin
    hexagon_px = (328 - margin.l - margin.r) / (x1 - x0)  # the map is held by the width on a phone
    (size,) = {tr.textfont.size for tr in fig.data if tr.name == "label"}
    assert size >= 9  # legible
    font = ImageFont.truetype(str(ARIAL_METRICS), 100)
    regions = geography.read_regions(PROJECT_ROOT / "data").set_index("kode")

    def width_px(code: str) -> float:
        return max(font.getlength(line) for line in tilemap.short_label(regions.loc[code, "nama"])) * size / 100

    code_at = {cell: code for code, cell in tilemap.HEX_LAYOUT.items()}
    gaps = {(regions.loc[a, "nama"], regions.loc[code_at[col + 1, row], "nama"]):
            hexagon_px - (width_px(a) + width_px(code_at[col + 1, row])) / 2
            for a, (col, row) in tilemap.HEX_LAYOUT.items() if (col + 1, row) in code_at}
    assert len(gaps) >= 20
    tight = {pair: round(gap, 1) for pair, gap in gaps.items() if gap < 2.5}
    assert not tight, f"names closer than 2.5 px at 360 px (hexagon {hexagon_px:.1f} px): {tight}"


def test_kecamatan_names_drop_the_city_name():
    assert tilemap.kecamatan_short_name("Balikpapan Tengah") == "Tengah"
    assert tilemap.kecamatan_short_name("Kec. Balikpapan Kota") == "Kota"
    assert tilemap.kecamatan_short_name("Samboja") == "Samboja"


def _ratio(a: str, b: str) -> float:
    def lum(colour: str) -> float:
        rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_label_colour_is_dark_on_light_fills_and_white_on_dark_ones():
    assert tilemap.label_colour(mapdata.PALETTE[0]) == "#000000"
    assert tilemap.label_colour(mapdata.NO_DATA) == "#000000"
    assert tilemap.label_colour(mapdata.PALETTE[-1]) == "#FFFFFF"
    for fill in (*mapdata.PALETTE, mapdata.NO_DATA):
        assert _ratio(tilemap.label_colour(fill), fill) >= 4.5, fill


def test_legend_title_adds_the_unit_only_where_the_label_lacks_it():
    assert tilemap.legend_title("total") == "Skor total kelurahan (poin)"
    assert tilemap.legend_title("total", "en") == "Kelurahan total score (points)"
    assert tilemap.legend_title("kegiatan") == "Kegiatan tercatat"
    assert tilemap.legend_title("K3").endswith("(% poin maks.)")


# --- the figure -----------------------------------------------------------------------------------


@pytest.mark.parametrize("metric", ["total", "K3", "kegiatan"])
def test_one_hexagon_per_kelurahan_in_its_class_colour_on_the_sample_data(sample, metric):
    values = mapdata.map_values(sample, metric)
    chart = tilemap.tile_map(values, sample=True)
    hexes = hex_traces(chart.figure)
    assert len(hexes) == len(values.table) == 34
    centres = tilemap.tile_centres().set_index("kode_kelurahan")
    for code, colour in zip(values.table["kode_kelurahan"], values.table["warna"]):
        trace = hexes[code]
        assert trace.fill == "toself" and trace.fillcolor == colour
        xs, ys = list(trace.x), list(trace.y)
        assert len(xs) == 7 and (xs[0], ys[0]) == (xs[-1], ys[-1])  # a closed hexagon
        assert sum(xs[:6]) / 6 == pytest.approx(centres.loc[code, "x"])
        assert sum(ys[:6]) / 6 == pytest.approx(centres.loc[code, "y"])
    assert chart.name == "peta_petak" and chart.sample
    assert chart.period == str(values.year)


def test_tiny_city_values_ranks_and_hover_text(tiny):
    # Worked out by hand from the fixture: 2025 totals are 1000 x (attainment + 0.05):
    # Gunung Sari Ulu 850, Sepinggan 750, Sungainangka 650.
    values = mapdata.map_values(tiny, "total", 2025)
    chart = tilemap.tile_map(values)
    fig = chart.figure
    hexes = hex_traces(fig)
    assert set(hexes) == {GSU, SEPINGGAN, NANGKA}
    colours = dict(zip(values.table["kode_kelurahan"], values.table["warna"]))
    assert {code: tr.fillcolor for code, tr in hexes.items()} == colours
    gsu, sep, nangka = hover_of(fig, GSU), hover_of(fig, SEPINGGAN), hover_of(fig, NANGKA)
    assert "Gunung Sari Ulu" in gsu and "Kecamatan Balikpapan Tengah" in gsu
    assert "850,0 poin" in gsu
    assert "Peringkat 1 dari 3 kelurahan" in gsu
    assert "Peringkat 1 dari 1 di Balikpapan Tengah" in gsu
    assert "750,0 poin" in sep and "Peringkat 2 dari 3 kelurahan" in sep
    assert "Peringkat 1 dari 2 di Balikpapan Selatan" in sep
    assert "650,0 poin" in nangka and "Peringkat 3 dari 3 kelurahan" in nangka
    assert "Peringkat 2 dari 2 di Balikpapan Selatan" in nangka
    # hover and selection carry the code of each hexagon
    hover = next(tr for tr in fig.data if tr.name == "arah")
    assert sorted(c[0] for c in hover.customdata) == sorted([GSU, SEPINGGAN, NANGKA])
    assert fig.layout.hoverdistance >= 40
    assert chart.title == "Skor total kelurahan, 2025"
    # the chart's data are exactly what is drawn
    assert list(chart.data.columns) == ["kode_kelurahan", "nama", "nama_kecamatan", "nilai", "peringkat", "kelas"]
    assert dict(zip(chart.data["kode_kelurahan"], chart.data["nilai"])) == pytest.approx(
        {GSU: 850.0, SEPINGGAN: 750.0, NANGKA: 650.0})
    # only the two kecamatan present are named
    names = sorted(a.name for a in fig.layout.annotations if (a.name or "").startswith("kecamatan:"))
    assert names == ["kecamatan:64.71.04", "kecamatan:64.71.05"]


def test_labels_sit_in_their_hexagons_and_can_be_left_out(tiny):
    values = mapdata.map_values(tiny, "total", 2025)
    fig = tilemap.tile_map(values).figure
    centres = tilemap.tile_centres().set_index("kode_kelurahan")
    labels = labels_of(fig)
    at = {code: labels[(round(centres.loc[code, "x"], 6), round(centres.loc[code, "y"], 6))]
          for code in values.table["kode_kelurahan"]}
    assert len(labels) == 3
    # the name, then the class mark in bold on its own line (categories count from Pratama = 1)
    marks = {code: str(domain.CATEGORY_NAMES.index(scoring.category_for(v)) + 1)
             for code, v in zip(values.table["kode_kelurahan"], values.table["nilai"])}
    assert at[GSU][0] == f"Gn. Sari<br>Ulu<br><b>{marks[GSU]}</b>"
    assert at[NANGKA][0] == f"Sungai-<br>nangka<br><b>{marks[NANGKA]}</b>"
    for code, fill in zip(values.table["kode_kelurahan"], values.table["warna"]):
        assert at[code][1] == tilemap.label_colour(fill)
    bare = tilemap.tile_map(values, labels=False).figure
    assert not any(tr.name == "label" for tr in bare.data)
    assert len(hex_traces(bare)) == 3


def test_legend_is_mapdata_legend(sample, tiny):
    for values in (mapdata.map_values(sample, "total"), mapdata.map_values(sample, "peserta_per_1000"),
                   mapdata.map_values(tiny, "total", 2025)):
        fig = tilemap.tile_map(values).figure
        shown = [(tr.name, tr.marker.color) for tr in fig.data if tr.showlegend is not False]
        items = mapdata.legend_items(values.breaks, values.metric,
                                     with_no_data=bool(values.table["nilai"].isna().any()))
        assert [colour for _, colour in shown] == [i.colour for i in items]
        # every entry names its class after the mark written in the cells ("4 · Utama (801–900)")
        assert [name.split(" · ", 1)[1] for name, _ in shown] == [i.label for i in items]
        assert fig.layout.legend.title.text.replace("<br>", " ") == tilemap.legend_title(values.metric)


def test_kelurahan_without_data_is_grey_unranked_and_in_the_legend(tmp_path):
    tables = tiny_tables()
    tables["skor_kelurahan"] = tables["skor_kelurahan"][tables["skor_kelurahan"]["kode_kelurahan"] != NANGKA]
    data = load_dataset(write_tables(tmp_path / "data", tables)).dataset
    values = mapdata.map_values(data, "total", 2025)
    fig = tilemap.tile_map(values).figure
    assert hex_traces(fig)[NANGKA].fillcolor == mapdata.NO_DATA
    text = hover_of(fig, NANGKA)
    assert "tanpa data" in text and "Peringkat" not in text
    assert "Peringkat 1 dari 2 kelurahan" in hover_of(fig, GSU)
    legend = [tr.name for tr in fig.data if tr.showlegend is not False]
    assert legend[-1] == "– · tanpa data"
    assert labels_of(fig)[tuple(round(v, 6) for v in tilemap.tile_centres().set_index("kode_kelurahan")
                                .loc[NANGKA, ["x", "y"]])][0].endswith("<b>–</b>")


def test_highlight_outlines_only_the_chosen_kelurahan(tiny):
    values = mapdata.map_values(tiny, "total", 2025)
    fig = tilemap.tile_map(values, highlight=SEPINGGAN).figure
    outlines = [tr for tr in fig.data if (tr.name or "").startswith("sorotan:")]
    assert [tr.name for tr in outlines] == [f"sorotan:{SEPINGGAN}"]
    outline = outlines[0]
    assert outline.line.width >= 4 and outline.fill in (None, "none")
    centre = tilemap.tile_centres().set_index("kode_kelurahan").loc[SEPINGGAN]
    assert sum(outline.x[:6]) / 6 == pytest.approx(centre["x"])
    assert sum(outline.y[:6]) / 6 == pytest.approx(centre["y"])
    assert all(math.dist((x, y), tuple(centre)) < 0.6 for x, y in zip(outline.x, outline.y))
    plain = tilemap.tile_map(values).figure
    assert not any((tr.name or "").startswith("sorotan:") for tr in plain.data)
    with pytest.raises(ValueError):
        tilemap.tile_map(values, highlight="64.71.01.1001")  # not in the tiny city


def _border_midpoints(fig) -> list[tuple[float, float]]:
    borders = next(tr for tr in fig.data if tr.name == "batas_kecamatan")
    assert all(v is None for v in borders.x[2::3])  # separate segments
    return [((borders.x[i] + borders.x[i + 1]) / 2, (borders.y[i] + borders.y[i + 1]) / 2)
            for i in range(0, len(borders.x), 3)]


def _shared_side(a: str, b: str) -> tuple[float, float]:
    centres = tilemap.tile_centres().set_index("kode_kelurahan")
    pa, pb = tuple(centres.loc[a]), tuple(centres.loc[b])
    assert math.dist(pa, pb) == pytest.approx(1.0)  # neighbours
    return (pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2


def test_kecamatan_borders_are_drawn_between_groups(sample, tiny):
    mids = _border_midpoints(tilemap.tile_map(mapdata.map_values(sample, "total")).figure)
    def drawn(point):
        return any(math.dist(m, point) < 1e-6 for m in mids)
    assert drawn(_shared_side(GSU, NANGKA))  # Tengah | Selatan
    assert drawn(_shared_side("64.71.06.1001", "64.71.04.1004"))  # Prapatan (Kota) | Karang Jati (Tengah)
    assert not drawn(_shared_side(SEPINGGAN, "64.71.05.1009"))  # Sepinggan and Sepinggan Raya: both Selatan
    assert not drawn(_shared_side(GSU, "64.71.04.1002"))  # both Tengah
    assert len(mids) == len(set((round(x, 6), round(y, 6)) for x, y in mids))  # each side once
    # Tiny city: three hexagons, only GSU and Sungainangka touch: 18 sides, the shared one drawn once.
    assert len(_border_midpoints(tilemap.tile_map(mapdata.map_values(tiny, "total", 2025)).figure)) == 17


def test_script_in_a_kelurahan_name_is_escaped(tmp_path):
    tables = tiny_tables()
    wilayah = tables["wilayah"]
    wilayah.loc[wilayah["kode"] == GSU, "nama"] = SCRIPT
    wilayah.loc[wilayah["kode"] == "64.71.05", "nama"] = 'Selatan "<b>x</b>"'
    data = load_dataset(write_tables(tmp_path / "data", tables)).dataset
    values = mapdata.map_values(data, "total", 2025)
    fig = tilemap.tile_map(values).figure
    strings = all_strings(fig.to_dict())
    assert not any("<script" in s.lower() for s in strings)
    assert not any("<b>x" in s for s in strings)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hover_of(fig, GSU)
    assert "&lt;script&gt;" in "".join(text for text, _ in labels_of(fig).values()).replace("<br>", "")
    assert "&#34;" in hover_of(fig, SEPINGGAN) and "&quot;" not in hover_of(fig, SEPINGGAN)


def test_english(tiny):
    values = mapdata.map_values(tiny, "total", 2025)
    chart = tilemap.tile_map(values, lang="en", source="DP3AKB")
    assert chart.title == "Kelurahan total score, 2025"
    assert chart.subtitle.startswith("One hexagon = one kelurahan")
    assert chart.source == "Source: DP3AKB · Period: 2025"
    text = hover_of(chart.figure, GSU)
    assert "850.0 points" in text and "Rank 1 of 3 kelurahan" in text and "Rank 1 of 1 in Balikpapan Tengah" in text
    assert chart.figure.layout.legend.title.text == "Kelurahan total score (points)"
    assert chart.figure.layout.separators == ".,"


def test_kelurahan_missing_from_the_layout_is_still_drawn(tmp_path):
    tables = tiny_tables()
    extra = {"kode": "64.71.05.1099", "tingkat": "kelurahan", "nama": "Kelurahan Baru", "kode_induk": "64.71.05",
             "alias": "", "anak_0_17": 1000}
    tables["wilayah"] = pd.concat([tables["wilayah"], pd.DataFrame([extra])], ignore_index=True)
    data = load_dataset(write_tables(tmp_path / "data", tables)).dataset
    fig = tilemap.tile_map(mapdata.map_values(data, "total", 2025)).figure
    hexes = hex_traces(fig)
    assert len(hexes) == 4 and hexes["64.71.05.1099"].fillcolor == mapdata.NO_DATA
    lowest_layout_y = tilemap.tile_centres()["y"].min()
    assert max(hexes["64.71.05.1099"].y) < lowest_layout_y  # placed under the map, on no one's cell


def test_map_is_square_without_axes(tiny):
    fig = tilemap.tile_map(mapdata.map_values(tiny, "total", 2025), sample=True).figure
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.yaxis.scaleratio == 1
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
    names = [a.name for a in fig.layout.annotations]
    assert "sumber" in names and "contoh" in names


@pytest.mark.browser
def test_png_render_through_kaleido(sample, tmp_path):
    chart = tilemap.tile_map(mapdata.map_values(sample, "total"), sample=True, highlight=GSU)
    tilemap.fit_labels(chart.figure, 1080, 1080)
    sizes = {tr.textfont.size for tr in chart.figure.data if tr.name == "label"}
    assert len(sizes) == 1 and sizes.pop() > tilemap.LABEL_PX  # names grow with the hexagons of a large export
    png = chart.figure.to_image(format="png", width=1080, height=1080)
    assert png_size(png) == (1080, 1080)
    (tmp_path / "peta_petak.png").write_bytes(png)


def test_fixture_matches_the_hand_worked_numbers():
    """The expectations above rely on these fixture numbers."""
    assert [(k, share) for k, *_, share in KELURAHAN] == [(GSU, 0.80), (NANGKA, 0.60), (SEPINGGAN, 0.70)]
