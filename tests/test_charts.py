"""Charts draw exactly the numbers they are given, in one press-ready look.

Expected values are worked out by hand from the tiny fixture city (see conftest): every
indicator scores 85% of its maximum in 2023 and 88% in 2025, so the city totals are 850 and
880; kelurahan totals are 1000 x their attainment.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from kla import charts, scoring
from kla.config import PROJECT_ROOT
from kla.loading import load_dataset


@pytest.fixture
def city(tiny_city):
    result = load_dataset(tiny_city)
    assert result.ok, result.problems
    return result.dataset


def _drawn(chart: charts.Chart) -> list:
    """The traces that carry values (not the dotted links across gap years)."""
    return [tr for tr in chart.figure.data if tr.meta != "penghubung"]


def _annotation(chart: charts.Chart, name: str):
    found = [a for a in chart.figure.layout.annotations if a.name == name]
    assert found, f"no annotation {name!r}"
    return found[0]


def _total_chart(city, **kwargs) -> charts.Chart:
    return charts.total_trend(scoring.city_totals(city.evaluasi_kota), city.kategori_resmi, city.peta_jalan, **kwargs)


def test_total_trend_draws_the_city_totals_and_roadmap_target(city):
    chart = _total_chart(city)
    line, target = _drawn(chart)
    points = dict(zip(line.x, line.y))
    assert points[2023] == pytest.approx(850) and points[2025] == pytest.approx(880)
    assert np.isnan(points[2024])  # no round in 2024: a break, not an invented value
    assert list(target.x) == [2027] and list(target.y) == [910]
    # only the latest score is labelled (every label on a phone would sit on its neighbours'), right of its point
    assert list(line.text) == ["", "", "880"] and line.textposition == "middle right"


def test_total_trend_data_is_one_row_per_year_drawn(city):
    data = _total_chart(city).data
    assert list(data["tahun"]) == [2023, 2024, 2025, 2027]
    assert data.loc[data["tahun"] == 2024, "keterangan"].item() == "tidak ada penilaian (dua tahunan)"
    assert data.loc[data["tahun"] == 2023, "kategori_resmi"].item() == "Utama"


def test_total_trend_shades_five_category_bands_and_draws_the_paripurna_line(city):
    shapes = _total_chart(city).figure.layout.shapes
    bands = {s.name.split(":")[1]: (s.y0, s.y1) for s in shapes if (s.name or "").startswith("kategori:")}
    # Half-open bands that touch: Utama is 801 <= score < 901, so 900.5 is still shaded Utama.
    assert bands == {"Pratama": (500, 601), "Madya": (601, 701), "Nindya": (701, 801), "Utama": (801, 901),
                     "Paripurna": (901, 1000)}
    paripurna = [s for s in shapes if s.name == "paripurna"]
    assert len(paripurna) == 1 and paripurna[0].y0 == paripurna[0].y1 == 901


def test_gap_years_say_why_they_are_empty():
    """On the sample data: 2018's score was not published, 2020 had no national round, 2024 no round."""
    result = load_dataset(PROJECT_ROOT / "data")
    assert result.ok
    ds = result.dataset
    data = _total_chart(ds).data.set_index("tahun")
    assert data.loc[2018, "keterangan"] == "skor tidak diumumkan"
    assert data.loc[2020, "keterangan"] == "tidak ada penilaian nasional"
    assert data.loc[2024, "keterangan"] == "tidak ada penilaian (dua tahunan)"


def test_every_chart_names_source_and_period_and_uses_indonesian_separators(city):
    chart = _total_chart(city, source="DP3AKB Kota Balikpapan")
    footer = _annotation(chart, "sumber").text
    assert footer.startswith("Sumber: DP3AKB Kota Balikpapan")
    assert "Periode: 2023–2025" in footer
    assert chart.figure.layout.separators == ",."


def test_sample_mark_appears_only_for_sample_data(city):
    with_mark = _total_chart(city, sample=True)
    without = _total_chart(city, sample=False)
    assert "DATA CONTOH" in _annotation(with_mark, "contoh").text.upper()
    assert not [a for a in without.figure.layout.annotations if a.name == "contoh"]


def test_english_labels_and_separators(city):
    chart = _total_chart(city, lang="en")
    assert chart.figure.layout.separators == ".,"
    assert _annotation(chart, "sumber").text.startswith("Source:")
    assert chart.title != _total_chart(city).title


def test_block_attainment_bar_draws_percent_of_maximum(city):
    attainment = scoring.block_attainment(city.evaluasi_kota, city.indikator, 2025)
    chart = charts.block_attainment_bar(attainment, 2025)
    bar = chart.figure.data[0]
    assert list(bar.x) == pytest.approx([88.0] * 6)
    # Kelembagaan is 150 points: 88% of it is 132, labelled "points / max".
    assert bar.text[0] == "132 / 150"
    assert list(chart.data["blok"]) == list(scoring.BLOCKS)


def test_shortfall_bar_ranks_largest_gap_first_and_marks_points_to_paripurna(city):
    ranking = scoring.shortfall_ranking(city.evaluasi_kota, city.indikator, 2025)
    chart = charts.shortfall_bar(ranking, top_n=5, year=2025)
    bars, cumulative = chart.figure.data
    # Klaster V indicators weigh 62.5 points: 12% of that (7.5) is the largest shortfall.
    assert list(bars.x) == pytest.approx([7.5] * 4 + [6.0])
    assert list(cumulative.x) == pytest.approx([7.5, 15, 22.5, 30, 36])
    line = [s for s in chart.figure.layout.shapes if s.name == "paripurna"]
    assert line[0].x0 == pytest.approx(901 - 880)
    assert list(chart.data["peringkat"]) == [1, 2, 3, 4, 5]


def test_indicator_trend_refuses_unknown_codes(city):
    with pytest.raises(ValueError, match="XX-99"):
        charts.indicator_trend(city.evaluasi_kota, city.indikator, ["KL-01", "XX-99"])


def test_indicator_trend_draws_percent_per_year(city):
    chart = charts.indicator_trend(city.evaluasi_kota, city.indikator, ["K5-21"])
    (line,) = _drawn(chart)
    values = dict(zip(line.x, line.y))
    assert values[2023] == pytest.approx(85) and values[2025] == pytest.approx(88)


def test_kelurahan_compare_average_is_over_all_kelurahan(city):
    totals = scoring.kelurahan_totals(city.skor_kelurahan, city.wilayah)
    chart = charts.kelurahan_compare(totals, ["64.71.05.1010"])
    chosen, average = _drawn(chart)
    assert dict(zip(chosen.x, chosen.y)) == pytest.approx({2024: 600, 2025: 650})
    assert dict(zip(average.x, average.y)) == pytest.approx({2024: 700, 2025: 750})
    with pytest.raises(ValueError, match="64.71.99.9999"):
        charts.kelurahan_compare(totals, ["64.71.99.9999"])


def test_initiatives_by_status_keeps_natural_order_with_zero_counts(city):
    chart = charts.initiatives_by(city.inisiatif, "status")
    assert list(chart.data["status"]) == ["rencana", "berjalan", "selesai", "terhenti"]
    assert list(chart.data["jumlah"]) == [1, 1, 0, 1]
    with pytest.raises(ValueError, match="tidak dikenal"):
        charts.initiatives_by(city.inisiatif, "warna")


def test_initiatives_by_kecamatan_uses_the_region_names(city):
    names = city.kelurahan.set_index("kode")["nama_kecamatan"]
    chart = charts.initiatives_by(city.inisiatif, "kecamatan", kecamatan=names)
    counts = dict(zip(chart.data["kecamatan"], chart.data["jumlah"]))
    assert counts == {"Balikpapan Selatan": 2, "Balikpapan Tengah": 1}


def test_activities_per_month_counts_every_record_once(city):
    chart = charts.activities_per_month(city.kegiatan)
    assert chart.data["jumlah"].sum() == len(city.kegiatan) == 4
    assert list(dict.fromkeys(chart.data["bulan"])) == ["2025-01", "2025-02", "2025-03"]
    drawn = sum(sum(tr.y) for tr in chart.figure.data)
    assert drawn == 4


def test_participants_per_month_sums_children_and_adults(city):
    chart = charts.participants_per_month(city.kegiatan)
    assert chart.data["peserta_anak"].tolist() == [0, 100, 2]
    assert chart.data["peserta_dewasa"].tolist() == [30, 15, 28]


@pytest.mark.browser
def test_svg_render_contains_title_and_source(city):
    """One real render through kaleido and the system Chromium."""
    chart = _total_chart(city, source="DP3AKB", sample=True)
    svg = chart.figure.to_image(format="svg", width=1200, height=675)
    root = ET.fromstring(svg)
    text = " ".join(t.strip() for t in root.itertext())
    assert "Sumber: DP3AKB" in text
    assert chart.title.split()[0] in text
    assert "DATA CONTOH" in text.upper()


HOSTILE = '<img src=x onerror="alert(1)">'


def test_text_from_data_files_is_escaped_before_plotly_renders_it(city):
    """Plotly reads a subset of HTML in labels: names from data files are shown as text."""
    totals = scoring.kelurahan_totals(city.skor_kelurahan, city.wilayah)
    totals.loc[totals["kode_kelurahan"] == "64.71.05.1010", "nama"] = HOSTILE
    compare = charts.kelurahan_compare(totals, ["64.71.05.1010"])
    indikator = city.indikator.assign(nama_singkat=HOSTILE, nama_id=HOSTILE)
    ranking = scoring.shortfall_ranking(city.evaluasi_kota, indikator, 2025)
    shortfall = charts.shortfall_bar(ranking)
    trend = charts.indicator_trend(city.evaluasi_kota, indikator, ["KL-01"])
    kecamatan = city.kelurahan.set_index("kode")["nama_kecamatan"].map(lambda _: HOSTILE)
    by_kecamatan = charts.initiatives_by(city.inisiatif, "kecamatan", kecamatan=kecamatan)
    for chart in (compare, shortfall, trend, by_kecamatan):
        drawn = json.dumps(json.loads(chart.figure.to_json()))  # plotly's JSON writes "<" as \\u003c
        assert "<img" not in drawn and "&lt;img" in drawn, chart.name
    assert HOSTILE in compare.data["nama"].tolist()  # the data behind the chart keeps the real text


QUOTED = 'Forum "Anak" & Remaja <b>tebal</b> <script>x</script>'


def test_labels_read_as_typed_quotes_ampersands_and_tags_included(city):
    """Plotly decodes &amp; &lt; &gt; but not &quot;: a quote must reach it as a quote."""
    totals = scoring.kelurahan_totals(city.skor_kelurahan, city.wilayah)
    totals.loc[totals["kode_kelurahan"] == "64.71.05.1010", "nama"] = QUOTED
    indikator = city.indikator.assign(nama_singkat=QUOTED, nama_id=QUOTED)
    drawn = [charts.kelurahan_compare(totals, ["64.71.05.1010"], source=QUOTED),
             charts.shortfall_bar(scoring.shortfall_ranking(city.evaluasi_kota, indikator, 2025), source=QUOTED),
             charts.indicator_trend(city.evaluasi_kota, indikator, ["KL-01"], source=QUOTED)]
    for chart in drawn:
        text = json.dumps(json.loads(chart.figure.to_json()), ensure_ascii=False)
        assert "&quot;" not in text and "&#" not in text, chart.name
        assert '\\"Anak\\" &amp; Remaja &lt;b&gt;tebal&lt;/b&gt; &lt;script&gt;' in text, chart.name
        assert "<b>tebal" not in text and "<script" not in text, chart.name
        footer = _annotation(chart, "sumber").text.replace("<br>", " ")
        assert '"Anak" &amp; Remaja &lt;b&gt;tebal&lt;/b&gt;' in footer, footer  # the source line comes from data too
        assert QUOTED in chart.source  # exports get the plain text
