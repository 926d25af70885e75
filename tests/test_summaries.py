"""kla.summaries: the main-point sentence and the text alternative, from the numbers a chart draws.

Every expected sentence below was worked out by hand from the small tables (differences,
distances to the next category threshold), not copied from the function's output.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import pytest

from kla import charts, profile, summaries
from kla.charts import Chart


def totals(rows: list[tuple[int, float]]) -> pd.DataFrame:
    return pd.DataFrame({"tahun": [y for y, _ in rows], "total": [s for _, s in rows], "kategori": ""})


@pytest.mark.parametrize(("rows", "lang", "expected"), [
    # the example: 862.3 - 845.7 = 16.6; Paripurna starts at 901: 901 - 862.3 = 38.7
    ([(2023, 845.7), (2025, 862.3)], "id", "Skor 2025: 862,3, naik 16,6 dari 2023; kurang 38,7 poin ke Paripurna."),
    ([(2023, 845.7), (2025, 862.3)], "en", "Score 2025: 862.3, up 16.6 from 2023; 38.7 points short of Paripurna."),
    # a fall: 795.5 - 810 = -14.5; Utama starts at 801: 801 - 795.5 = 5.5
    ([(2021, 810.0), (2022, 795.5)], "id", "Skor 2022: 795,5, turun 14,5 dari 2021; kurang 5,5 poin ke Utama."),
    # one year only: no change to state; 700 is Madya, Nindya starts at 701
    ([(2025, 700.0)], "en", "Score 2025: 700.0; 1.0 points short of Nindya."),
    # the same score twice
    ([(2021, 650.0), (2022, 650.0)], "id", "Skor 2022: 650,0, sama dengan 2021; kurang 51,0 poin ke Nindya."),
    # in the top band there is no next category
    ([(2025, 950.25)], "id", "Skor 2025: 950,2; sudah Paripurna."),
    # under 500 (no category yet): the next band is Pratama at 500
    ([(2019, 1234.5 - 1000)], "en", "Score 2019: 234.5; 265.5 points short of Pratama."),
])
def test_total_trend(rows, lang, expected):
    chart = charts.total_trend(totals(rows), lang=lang)
    assert summaries.main_point(chart, lang) == expected


def test_total_trend_uses_the_last_two_evaluated_years_not_gap_rows():
    # 2024 is a gap year (a row in the chart's data without a score): the change is from 2023
    chart = charts.total_trend(totals([(2021, 700.0), (2022, 720.0), (2023, 730.0), (2025, 760.5)]))
    assert 2024 in set(chart.data["tahun"])
    assert summaries.main_point(chart) == "Skor 2025: 760,5, naik 30,5 dari 2023; kurang 40,5 poin ke Utama."


def test_empty_chart_says_there_is_nothing():
    chart = charts.total_trend(totals([]).astype({"tahun": int, "total": float}))
    assert summaries.main_point(chart, "id").endswith(": belum ada data untuk digambar.")
    assert summaries.main_point(chart, "en").endswith(": no data to draw yet.")


def attainment(rows: list[tuple[str, float, float]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["blok", "poin", "max_poin"])
    return frame.assign(persen=frame["poin"] / frame["max_poin"] * 100)


def test_block_attainment_highest_and_lowest():
    # KL 45/50 = 90%, K1 30/40 = 75%, K3 110/200 = 55%
    chart = charts.block_attainment_bar(attainment([("KL", 45, 50), ("K1", 30, 40), ("K3", 110, 200)]), 2025)
    assert summaries.main_point(chart, "id") == \
        "2025: capaian tertinggi Kelembagaan (90,0%), terendah Klaster III (55,0%)."
    chart_en = charts.block_attainment_bar(attainment([("KL", 45, 50), ("K1", 30, 40), ("K3", 110, 200)]), 2025,
                                           lang="en")
    assert summaries.main_point(chart_en, "en") == \
        "2025: highest attainment Institutions (90.0%), lowest Cluster III (55.0%)."


def test_block_attainment_ties_name_every_block():
    # K1 and K2 both 20/40 = 50%
    chart = charts.block_attainment_bar(attainment([("KL", 40, 50), ("K1", 20, 40), ("K2", 20, 40)]), 2023)
    assert summaries.main_point(chart) == \
        "2023: capaian tertinggi Kelembagaan (80,0%), terendah Klaster I dan Klaster II (50,0%)."


def test_block_trend_reads_the_latest_year():
    frame = pd.DataFrame({"tahun": [2023, 2023, 2025, 2025], "blok": ["KL", "K5", "KL", "K5"],
                          "poin": [40.0, 90.0, 30.0, 95.0], "max_poin": [50.0, 100.0, 50.0, 100.0]})
    frame["persen"] = frame["poin"] / frame["max_poin"] * 100  # 2025: KL 60%, K5 95%
    chart = charts.block_trend(frame, lang="en")
    assert summaries.main_point(chart, "en") == \
        "2025: highest attainment Cluster V (95.0%), lowest Institutions (60.0%)."


def indicators() -> tuple[pd.DataFrame, pd.DataFrame]:
    indikator = pd.DataFrame({"kode": ["K3-01", "K3-02"], "nama_singkat": ["Imunisasi", "ASI"],
                              "nama_en": ["Immunisation", "Breastfeeding"], "max_poin": [20.0, 10.0]})
    evaluasi = pd.DataFrame({"tahun": [2022, 2023, 2022, 2023], "kode_indikator": ["K3-01", "K3-01", "K3-02", "K3-02"],
                             "poin": [12.0, 15.0, 8.0, 7.5]})
    return evaluasi, indikator


def test_one_indicator_states_its_change_in_percentage_points():
    evaluasi, indikator = indicators()
    # 12/20 = 60% -> 15/20 = 75%: up 15 percentage points
    chart = charts.indicator_trend(evaluasi, indikator, ["K3-01"])
    assert summaries.main_point(chart) == \
        "K3-01 · Imunisasi: 75,0% dari poin maksimum pada 2023, naik 15,0 poin persen dari 2022."
    chart_en = charts.indicator_trend(evaluasi, indikator, ["K3-02"], lang="en")
    # 8/10 = 80% -> 7.5/10 = 75%
    assert summaries.main_point(chart_en, "en") == \
        "K3-02 · Breastfeeding: 75.0% of its maximum points in 2023, down 5.0 percentage points from 2022."


def test_several_indicators_name_the_extremes_of_the_latest_year():
    evaluasi, indikator = indicators()
    chart = charts.indicator_trend(evaluasi, indikator, ["K3-01", "K3-02"])
    # 2023: K3-01 75%, K3-02 75%: a tie, both named both times
    assert summaries.main_point(chart) == \
        "2023: capaian tertinggi K3-01 dan K3-02 (75,0%), terendah K3-01 dan K3-02 (75,0%)."


def shortfall_ranking(current: float) -> pd.DataFrame:
    short = [20.0, 12.5, 5.0]
    cumulative = [20.0, 32.5, 37.5]
    return pd.DataFrame({"kode": ["K4-02", "K1-01", "KL-03"], "nama_id": ["Sekolah ramah anak", "Akta lahir", "Gugus"],
                         "nama_singkat": ["SRA", "Akta", "Gugus"], "blok": ["K4", "K1", "KL"],
                         "poin": [30.0, 7.5, 15.0], "max_poin": [50.0, 20.0, 20.0], "kekurangan": short,
                         "kumulatif": cumulative, "total_proyeksi": [current + c for c in cumulative]})


def test_shortfall_says_how_many_indicators_close_the_gap():
    # 870 now: 31 points to 901; cumulative 20 < 31 <= 32.5: the top 2 are enough
    chart = charts.shortfall_bar(shortfall_ranking(870.0), year=2025)
    assert summaries.main_point(chart) == ("Kekurangan terbesar 2025: Sekolah ramah anak (K4-02), 20,0 poin; "
                                           "2 indikator teratas cukup untuk menutup 31,0 poin ke Paripurna.")


def test_shortfall_not_enough():
    # 850 now: 51 points to 901, all three hold 37.5
    chart = charts.shortfall_bar(shortfall_ranking(850.0), year=2025, lang="en")
    assert summaries.main_point(chart, "en") == ("Largest shortfall 2025: K4-02, 20.0 points; these 3 indicators "
                                                 "together hold 37.5 points, less than the 51.0 points to Paripurna.")


def kelurahan_totals() -> pd.DataFrame:
    return pd.DataFrame({"tahun": [2024, 2025, 2025, 2025], "kode_kelurahan": ["A", "A", "B", "C"],
                         "nama": ["Alpha", "Alpha", "Beta", "Gamma"], "total": [700.0, 760.0, 700.0, 610.0]})


def test_one_kelurahan_against_the_mean():
    # 2025 mean of all three: (760 + 700 + 610) / 3 = 690; Alpha is 70 above it
    chart = charts.kelurahan_compare(kelurahan_totals(), ["A"])
    assert summaries.main_point(chart) == "2025: Alpha 760,0 poin, 70,0 di atas rata-rata kelurahan (690,0)."
    chart_en = charts.kelurahan_compare(kelurahan_totals(), ["C"], lang="en")
    assert summaries.main_point(chart_en, "en") == \
        "2025: Gamma 610.0 points, 80.0 below the kelurahan average (690.0)."


def test_several_kelurahan():
    chart = charts.kelurahan_compare(kelurahan_totals(), ["B", "C", "A"])
    assert summaries.main_point(chart) == \
        "2025: tertinggi Alpha (760,0), terendah Gamma (610,0); rata-rata kelurahan 690,0."


def test_initiatives_most_common_group_and_ties():
    table = pd.DataFrame({"jenis": ["Forum Anak", "PUSPAGA", "Forum Anak", "PUSPAGA", "RBRA"],
                          "tanggal_mulai": pd.to_datetime(["2025-01-01"] * 5)})
    chart = charts.initiatives_by(table, "jenis")
    assert summaries.main_point(chart) == "Terbanyak: Forum Anak dan PUSPAGA (masing-masing 2 dari 5 inisiatif)."
    one = charts.initiatives_by(table.iloc[[0, 2, 4]], "jenis", lang="en")
    # in English the type is named in English (kla.names, issue 17 item 4)
    assert summaries.main_point(one, "en") == "Most: Children's Forum (2 of 3 initiatives)."


def activities() -> pd.DataFrame:
    return pd.DataFrame({
        "tanggal": pd.to_datetime(["2025-01-05", "2025-01-20", "2025-02-03", "2025-03-10", "2025-03-11", "2025-03-12"]),
        "jenis": ["sosialisasi KIE", "pelatihan", "sosialisasi KIE", "sosialisasi KIE", "pelatihan", "pelatihan"],
        "peserta_anak": [100, 20, 40, 1000, 10, 10], "peserta_dewasa": [5, 5, 5, 200, 1, 1],
    })


def test_activities_per_month():
    period = (dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    chart = charts.activities_per_month(activities(), period=period)
    # 6 activities, Jan 2, Feb 1, Mar 3; 3 of each type: a tie
    assert summaries.main_point(chart) == ("6 kegiatan dalam 3 bulan; terbanyak pada Mar 2025 (3); jenis terbanyak "
                                           "sosialisasi KIE dan pelatihan (3).")


def test_participants_per_month():
    period = (dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    chart = charts.participants_per_month(activities(), period=period, lang="en")
    # children 1,180, adults 217; March 1,020 + 202 = 1,222 is the peak
    assert summaries.main_point(chart, "en") == \
        "1,180 child and 217 adult attendances over 3 months; most in Mar 2025 (1,222)."


def map_chart(values: list[float | None]) -> Chart:
    names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"][:len(values)]
    data = pd.DataFrame({"kode_kelurahan": list("ABCDE")[:len(values)], "nama": names, "nama_kecamatan": "X",
                         "nilai": values, "peringkat": None, "kelas": None})
    return Chart("peta_petak", go.Figure(), data, "Skor total kelurahan, 2025", "", "Sumber: x", "2025")


def test_map_with_categories_and_missing():
    # 905 Paripurna, 850 and 801 Utama, 700.5 Madya (Nindya starts at 701), one without data
    chart = map_chart([905.0, 850.0, 801.0, 700.5, None])
    assert summaries.main_point(chart, "id", metric="total") == (
        "Tertinggi: Alpha (905,0 poin); terendah: Delta (700,5 poin); "
        "kelurahan per kategori: Paripurna 1, Utama 2, Madya 1; 1 kelurahan tanpa data.")


def test_map_other_metric_has_no_categories():
    chart = map_chart([3.0, 12.0, 0.0])
    assert summaries.main_point(chart, "en", metric="inisiatif") == \
        "Highest: Beta (12 initiatives); lowest: Gamma (0 initiatives)."
    assert summaries.main_point(chart, "en") == "Highest: Beta (12); lowest: Gamma (0)."


def test_map_without_values():
    assert summaries.main_point(map_chart([None, None]), "en") == \
        "Skor total kelurahan, 2025: no data to draw yet."


def test_profile_block_chart():
    comparison = pd.DataFrame({"blok": ["KL", "K1"], "poin": [40.0, 10.0], "max_poin": [50.0, 40.0]})
    comparison["persen"] = comparison["poin"] / comparison["max_poin"] * 100  # 80%, 25%
    comparison["persen_kota"] = [70.0, 30.0]  # KL above, K1 below
    chart = profile.block_chart(comparison, "Alpha", 2025)
    assert summaries.main_point(chart) == \
        "Alpha 2025: tertinggi Kelembagaan (80,0%), terendah Klaster I (25,0%); 1 dari 2 di atas rata-rata kelurahan."


def test_unknown_chart_gets_a_plain_sentence():
    chart = Chart("baru", go.Figure(), pd.DataFrame({"x": [1, 2]}), "Grafik &amp; baru<br>dua", "", "", "2025")
    assert summaries.main_point(chart) == "Grafik & baru dua: 2 baris data."


def test_alt_text_names_kind_title_period_and_point():
    chart = charts.total_trend(totals([(2023, 845.7), (2025, 862.3)]), lang="en")
    alt = summaries.alt_text(chart, "en")
    assert alt.startswith("Line chart: ")
    assert "Period 2023–2025." in alt
    assert "Score 2025: 862.3, up 16.6 from 2023; 38.7 points short of Paripurna." in alt
    assert alt.endswith("The numbers are in the Table view.")
    assert "<" not in alt and "&amp;" not in alt
    bar = charts.block_attainment_bar(attainment([("KL", 45, 50)]), 2025)
    assert summaries.alt_text(bar, "id").startswith("Grafik batang: ")


def test_plain_text_of_plotly_markup():
    assert summaries.plain("<b>A &lt;b&gt;</b><br>B  C") == "A <b> B C"


def test_every_catalogue_chart_and_the_profile_chart_has_its_own_sentence():
    from kla.catalog import CATALOG

    assert set(CATALOG) | {"profil_blok"} <= set(summaries.WRITERS)
    assert set(summaries.KINDS) == set(summaries.WRITERS)


def test_empty_bar_and_month_charts_say_there_is_nothing():
    none = pd.DataFrame({"jenis": pd.Series(dtype=str), "tanggal_mulai": pd.Series(dtype="datetime64[ns]")})
    assert summaries.main_point(charts.initiatives_by(none, "jenis"), "id").endswith("belum ada data untuk digambar.")
    log = activities().iloc[:0]
    assert summaries.main_point(charts.activities_per_month(log), "en").endswith("no data to draw yet.")
    assert summaries.main_point(charts.participants_per_month(log), "en").endswith("no data to draw yet.")
    empty = charts.block_attainment_bar(attainment([]), 2025)
    assert summaries.main_point(empty).endswith("belum ada data untuk digambar.")
