"""Tests of kla.scoring on a small hand-built city.

Catalogue: 24 indicators, KL-01..03 (40 each), K1-04..06 (50), K2-07..11 (30), K3-12..17 (35),
K4-18..20 (40), K5-21..24 (62.5): block maxima 120, 150, 150, 210, 120, 250 (sum 1000).

Evaluated years 2019, 2021, 2023 (no round in 2020 or 2022):
* 2019: every indicator at 60% of its maximum -> 600 (Pratama).
* 2021: every indicator at 70% -> 700 (Madya).
* 2023: every indicator at its maximum except K3-12 at 0 (short 35), K1-05 at 20 (short 30),
  K5-21 at 32.5 (short 30), KL-02 at 15 (short 25), K2-08 at 10 (short 20):
  1000 - 140 = 860 (Utama).

Kelurahan (two kecamatan, assessed in 2022 and 2024), totals by construction:
  kode            kecamatan  2022  2024
  64.71.01.1001   01 Utara    700   820
  64.71.01.1002   01 Utara    650   820   (2024: tie with 1001 inside the kecamatan)
  64.71.02.1003   02 Selatan  800   790
  64.71.02.1004   02 Selatan  650   905   (2022: tie with 1002 across kecamatan)
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kla import scoring

LAYOUT = {"KL": (1, 3, 40.0), "K1": (4, 3, 50.0), "K2": (7, 5, 30.0),
          "K3": (12, 6, 35.0), "K4": (18, 3, 40.0), "K5": (21, 4, 62.5)}
SHORT_2023 = {"K3-12": 35.0, "K1-05": 30.0, "K5-21": 30.0, "KL-02": 25.0, "K2-08": 20.0}
KELURAHAN_TOTALS = {  # kode: (kecamatan, nama, total 2022, total 2024)
    "64.71.01.1001": ("64.71.01", "Satu", 700.0, 820.0),
    "64.71.01.1002": ("64.71.01", "Dua", 650.0, 820.0),
    "64.71.02.1003": ("64.71.02", "Tiga", 800.0, 790.0),
    "64.71.02.1004": ("64.71.02", "Empat", 650.0, 905.0),
}


@pytest.fixture
def indikator() -> pd.DataFrame:
    rows = [
        {"kode": f"{blok}-{nomor:02d}", "nomor": nomor, "blok": blok, "nama_id": f"Indikator {nomor}",
         "nama_en": f"Indicator {nomor}", "nama_singkat": f"Ind. {nomor}", "max_poin": max_poin}
        for blok, (first, count, max_poin) in LAYOUT.items()
        for nomor in range(first, first + count)
    ]
    return pd.DataFrame(rows)


@pytest.fixture
def evaluasi(indikator: pd.DataFrame) -> pd.DataFrame:
    maxima = indikator.set_index("kode")["max_poin"]
    rows = [{"tahun": year, "kode_indikator": kode, "poin": m * share}
            for year, share in ((2019, 0.6), (2021, 0.7)) for kode, m in maxima.items()]
    rows += [{"tahun": 2023, "kode_indikator": kode, "poin": m - SHORT_2023.get(kode, 0.0)}
             for kode, m in maxima.items()]
    # Reverse the rows so no function can rely on the file's order.
    return pd.DataFrame(rows[::-1]).reset_index(drop=True)


@pytest.fixture
def wilayah() -> pd.DataFrame:
    rows = [{"kode": "64.71.01", "tingkat": "kecamatan", "nama": "Utara", "kode_induk": ""},
            {"kode": "64.71.02", "tingkat": "kecamatan", "nama": "Selatan", "kode_induk": ""}]
    rows += [{"kode": kode, "tingkat": "kelurahan", "nama": nama, "kode_induk": kec}
             for kode, (kec, nama, _, _) in KELURAHAN_TOTALS.items()]
    return pd.DataFrame(rows)


@pytest.fixture
def skor_kelurahan() -> pd.DataFrame:
    # Split each total over the six blocks: KL gets the remainder, the others a fixed 100 each.
    rows = []
    for kode, (_, _, total_2022, total_2024) in KELURAHAN_TOTALS.items():
        for year, total in ((2022, total_2022), (2024, total_2024)):
            for blok in scoring.BLOCKS:
                poin = total - 500 if blok == "KL" else 100.0
                rows.append({"tahun": year, "kode_kelurahan": kode, "blok": blok, "poin": poin})
    return pd.DataFrame(rows[::-1])


# --- categories --------------------------------------------------------------------------------


@pytest.mark.parametrize(("score", "expected"), [
    (0, "Belum berkategori"), (499, "Belum berkategori"), (499.99, "Belum berkategori"),
    (500, "Pratama"), (600, "Pratama"), (600.5, "Pratama"),
    (601, "Madya"), (700, "Madya"),
    (701, "Nindya"), (800, "Nindya"),
    (801, "Utama"), (900, "Utama"), (900.99, "Utama"),
    (901, "Paripurna"), (1000, "Paripurna"),
])
def test_category_for_band_edges(score: float, expected: str) -> None:
    assert scoring.category_for(score) == expected


@pytest.mark.parametrize("score", [-1, -0.01, 1000.1, 1200, float("nan")])
def test_category_for_refuses_scores_outside_0_to_1000(score: float) -> None:
    with pytest.raises(ValueError, match="Skor harus"):
        scoring.category_for(score)


def test_out_of_range_message_is_indonesian_and_names_the_value() -> None:
    with pytest.raises(ValueError, match=r"^Skor harus antara 0 dan 1000, didapat 1200$"):
        scoring.category_for(1200)


def test_categories_are_ordered_contiguous_and_cover_0_to_1000() -> None:
    bands = scoring.CATEGORIES
    assert [c.name for c in bands] == ["Belum berkategori", "Pratama", "Madya", "Nindya", "Utama", "Paripurna"]
    assert bands[0].low == 0 and bands[-1].high == 1000
    assert all(lower.high == upper.low for lower, upper in zip(bands, bands[1:]))
    assert scoring.PARIPURNA_MIN == 901 == bands[-1].low


def test_categories_table_shows_the_official_whole_number_bands() -> None:
    table = scoring.categories_table()
    assert list(table.columns) == ["kategori", "dari", "sampai"]
    assert table.values.tolist() == [["Belum berkategori", 0, 499], ["Pratama", 500, 600], ["Madya", 601, 700],
                                     ["Nindya", 701, 800], ["Utama", 801, 900], ["Paripurna", 901, 1000]]


def test_in_english_only_the_band_below_500_is_translated() -> None:
    """The official names stay Indonesian in English (they are names); 'Belum berkategori' is a description."""
    assert scoring.categories_table("en")["kategori"].tolist() == [
        "No category", "Pratama", "Madya", "Nindya", "Utama", "Paripurna"]
    assert scoring.category_label(scoring.category_for(420.0), "en") == "No category"
    assert scoring.category_label(scoring.category_for(420.0), "id") == "Belum berkategori"
    assert scoring.category_label("Utama", "en") == "Utama"


@pytest.mark.parametrize(("score", "expected"), [
    (0, ("Pratama", 500.0)),
    (499, ("Pratama", 1.0)),
    (500, ("Madya", 101.0)),
    (600.5, ("Madya", 0.5)),
    (700, ("Nindya", 1.0)),
    (801, ("Paripurna", 100.0)),
    (860, ("Paripurna", 41.0)),
    (600.7, ("Madya", 0.3)),
])
def test_next_category_names_the_band_above_and_the_points_to_its_threshold(score, expected) -> None:
    name, needed = scoring.next_category(score)
    assert name == expected[0]
    assert needed == expected[1]  # exact: 601 - 600.7 must read 0.3, not 0.29999999999997


@pytest.mark.parametrize("score", [901, 950.5, 1000])
def test_next_category_is_none_at_paripurna(score: float) -> None:
    assert scoring.next_category(score) is None


def test_next_category_refuses_out_of_range() -> None:
    with pytest.raises(ValueError, match="Skor harus"):
        scoring.next_category(1000.1)


@pytest.mark.parametrize(("score", "expected"), [(0, 901.0), (860, 41.0), (900.5, 0.5), (900.7, 0.3), (901, 0.0),
                                               (1000, 0.0)])
def test_points_to_paripurna(score: float, expected: float) -> None:
    assert scoring.points_to_paripurna(score) == expected


def test_points_to_paripurna_refuses_negative() -> None:
    with pytest.raises(ValueError, match="Skor harus"):
        scoring.points_to_paripurna(-1)


# --- city totals -------------------------------------------------------------------------------


def test_city_totals_sum_points_per_year_with_category(evaluasi: pd.DataFrame) -> None:
    totals = scoring.city_totals(evaluasi)
    assert list(totals.columns) == ["tahun", "total", "kategori", "perubahan"]
    assert totals["tahun"].tolist() == [2019, 2021, 2023]
    assert totals["total"].tolist() == pytest.approx([600.0, 700.0, 860.0])
    assert totals["kategori"].tolist() == ["Pratama", "Madya", "Utama"]


def test_city_change_compares_with_previous_evaluated_year_across_gaps(evaluasi: pd.DataFrame) -> None:
    change = scoring.city_totals(evaluasi)["perubahan"].tolist()
    # 2020 and 2022 had no round: 2021 is compared with 2019, 2023 with 2021.
    assert math.isnan(change[0])
    assert change[1:] == pytest.approx([100.0, 160.0])


def test_totals_are_not_pushed_down_a_band_by_float_noise() -> None:
    # Summed one by one, 600.4 + 0.3 + 0.3 is 600.9999999999999 in binary floats; the real total is
    # 601 (Madya), and filling every gap (99.7 + 99.7 + 199.6 = 399) must give exactly 1000.
    indikator = pd.DataFrame({"kode": ["KL-01", "KL-02", "KL-03"], "nomor": [1, 2, 3], "blok": ["KL"] * 3,
                              "nama_id": ["a", "b", "c"], "nama_en": ["a", "b", "c"], "nama_singkat": ["a", "b", "c"],
                              "max_poin": [800.0, 100.0, 100.0]})
    evaluasi = pd.DataFrame({"tahun": [2030] * 3, "kode_indikator": ["KL-01", "KL-02", "KL-03"],
                             "poin": [600.4, 0.3, 0.3]})
    assert scoring.city_totals(evaluasi)[["total", "kategori"]].values.tolist() == [[601.0, "Madya"]]
    result = scoring.what_if(evaluasi, indikator, 2030, {})
    assert (result.total_awal, result.kategori_awal) == (601.0, "Madya")
    ranking = scoring.shortfall_ranking(evaluasi, indikator, 2030)
    assert ranking["kumulatif"].iloc[-1] == 399.0
    assert ranking["total_proyeksi"].iloc[-1] == 1000.0


def test_city_totals_refuse_a_total_above_1000() -> None:
    evaluasi = pd.DataFrame({"tahun": [2030, 2030], "kode_indikator": ["KL-01", "K1-04"], "poin": [600.0, 500.0]})
    with pytest.raises(ValueError, match="didapat 1100"):
        scoring.city_totals(evaluasi)


# --- blocks ------------------------------------------------------------------------------------


def test_block_attainment_in_block_order(evaluasi: pd.DataFrame, indikator: pd.DataFrame) -> None:
    blocks = scoring.block_attainment(evaluasi, indikator, 2023)
    assert list(blocks.columns) == ["blok", "poin", "max_poin", "persen", "kekurangan"]
    assert blocks["blok"].tolist() == ["KL", "K1", "K2", "K3", "K4", "K5"]
    assert blocks["max_poin"].tolist() == pytest.approx([120, 150, 150, 210, 120, 250])
    # Block maximum minus the shortfalls placed in it (KL-02 25, K1-05 30, K2-08 20, K3-12 35, K5-21 30).
    assert blocks["poin"].tolist() == pytest.approx([95, 120, 130, 175, 120, 220])
    assert blocks["kekurangan"].tolist() == pytest.approx([25, 30, 20, 35, 0, 30])
    assert blocks["persen"].tolist() == pytest.approx([95 / 1.2, 80, 130 / 1.5, 175 / 2.1, 100, 88])


def test_block_attainment_unknown_year_is_refused(evaluasi: pd.DataFrame, indikator: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="tahun 2020"):
        scoring.block_attainment(evaluasi, indikator, 2020)


def test_indicator_without_a_row_counts_zero_points(evaluasi: pd.DataFrame, indikator: pd.DataFrame) -> None:
    missing = evaluasi[~((evaluasi["tahun"] == 2023) & (evaluasi["kode_indikator"] == "K4-18"))]
    blocks = scoring.block_attainment(missing, indikator, 2023).set_index("blok")
    assert blocks.loc["K4", "poin"] == pytest.approx(80.0)
    assert blocks.loc["K4", "kekurangan"] == pytest.approx(40.0)
    ranking = scoring.shortfall_ranking(missing, indikator, 2023)
    assert ranking["kode"].iloc[0] == "K4-18"  # 40 short, more than K3-12's 35
    assert ranking["total_proyeksi"].iloc[-1] == pytest.approx(1000.0)


def test_block_totals_by_year(evaluasi: pd.DataFrame, indikator: pd.DataFrame) -> None:
    frame = scoring.block_totals_by_year(evaluasi, indikator)
    assert list(frame.columns) == ["tahun", "blok", "poin", "max_poin", "persen"]
    assert frame["tahun"].tolist() == [2019] * 6 + [2021] * 6 + [2023] * 6
    assert frame["blok"].tolist() == list(scoring.BLOCKS) * 3
    assert frame["persen"].tolist()[:12] == pytest.approx([60] * 6 + [70] * 6)
    maxima = [120, 150, 150, 210, 120, 250]
    assert frame["max_poin"].tolist() == pytest.approx(maxima * 3)
    assert frame["poin"].tolist()[6:] == pytest.approx([0.7 * m for m in maxima] + [95, 120, 130, 175, 120, 220])


# --- shortfalls and what-if --------------------------------------------------------------------


def test_shortfall_ranking_largest_first_ties_by_code(evaluasi: pd.DataFrame, indikator: pd.DataFrame) -> None:
    ranking = scoring.shortfall_ranking(evaluasi, indikator, 2023)
    assert list(ranking.columns) == ["kode", "nama_id", "nama_singkat", "blok", "poin", "max_poin", "kekurangan",
                                     "kumulatif", "total_proyeksi"]
    assert len(ranking) == 24
    # K1-05 and K5-21 are both 30 short: K1-05 comes first by code.
    assert ranking["kode"].tolist()[:5] == ["K3-12", "K1-05", "K5-21", "KL-02", "K2-08"]
    assert ranking["kekurangan"].tolist()[:6] == pytest.approx([35, 30, 30, 25, 20, 0])
    # The 19 complete indicators follow in code order (string order: K1 < K2 < ... < KL).
    complete = sorted(set(indikator["kode"]) - set(SHORT_2023))
    assert ranking["kode"].tolist()[5:] == complete


def test_shortfall_cumulative_and_projected_totals(evaluasi: pd.DataFrame, indikator: pd.DataFrame) -> None:
    ranking = scoring.shortfall_ranking(evaluasi, indikator, 2023)
    assert ranking["kumulatif"].tolist()[:6] == pytest.approx([35, 65, 95, 120, 140, 140])
    assert ranking["total_proyeksi"].tolist()[:5] == pytest.approx([895, 925, 955, 980, 1000])
    assert ranking["total_proyeksi"].iloc[-1] == pytest.approx(1000)
    first_paripurna = ranking.loc[ranking["total_proyeksi"] >= 901, "kode"].iloc[0]
    assert first_paripurna == "K1-05"


def test_what_if_raising_two_indicators_reaches_paripurna(evaluasi: pd.DataFrame, indikator: pd.DataFrame) -> None:
    result = scoring.what_if(evaluasi, indikator, 2023, {"K3-12": 35.0, "K5-21": 62.5})
    assert result == scoring.WhatIf(total_awal=860.0, total_proyeksi=925.0, kategori_awal="Utama",
                                    kategori_proyeksi="Paripurna", kurang_ke_paripurna=0.0)


def test_what_if_partial_raise_stays_utama(evaluasi: pd.DataFrame, indikator: pd.DataFrame) -> None:
    result = scoring.what_if(evaluasi, indikator, 2023, {"K3-12": 30.0})
    assert result.total_proyeksi == pytest.approx(890.0)
    assert result.kategori_proyeksi == "Utama"
    assert result.kurang_ke_paripurna == pytest.approx(11.0)


def test_what_if_allows_lowering(evaluasi: pd.DataFrame, indikator: pd.DataFrame) -> None:
    result = scoring.what_if(evaluasi, indikator, 2023, {"K4-18": 0.0, "K4-19": 0.0})
    assert result.total_proyeksi == pytest.approx(780.0)
    assert result.kategori_proyeksi == "Nindya"


def test_what_if_without_changes_keeps_the_total(evaluasi: pd.DataFrame, indikator: pd.DataFrame) -> None:
    result = scoring.what_if(evaluasi, indikator, 2021, {})
    assert result.total_awal == result.total_proyeksi == pytest.approx(700.0)
    assert result.kurang_ke_paripurna == pytest.approx(201.0)


def test_what_if_refuses_points_above_the_maximum(evaluasi: pd.DataFrame, indikator: pd.DataFrame) -> None:
    with pytest.raises(ValueError) as error:
        scoring.what_if(evaluasi, indikator, 2023, {"K3-12": 36.0})
    message = str(error.value)
    assert "K3-12" in message and "36" in message and "35" in message and "harus antara" in message


@pytest.mark.parametrize("value", [-1.0, float("nan")])
def test_what_if_refuses_negative_or_missing_points(evaluasi, indikator, value: float) -> None:
    with pytest.raises(ValueError, match="K3-12"):
        scoring.what_if(evaluasi, indikator, 2023, {"K3-12": value})


def test_what_if_refuses_unknown_indicator(evaluasi: pd.DataFrame, indikator: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="'K9-99' tidak dikenal"):
        scoring.what_if(evaluasi, indikator, 2023, {"K9-99": 1.0})


# --- roadmap -----------------------------------------------------------------------------------


def test_roadmap_target() -> None:
    peta_jalan = pd.DataFrame({"tahun": [2027, 2027, 2029], "blok": ["TOTAL", "K3", "TOTAL"],
                               "target_poin": [910.0, 190.0, 950.0]})
    assert scoring.roadmap_target(peta_jalan, 2027) == 910.0
    assert scoring.roadmap_target(peta_jalan, 2029) == 950.0
    assert scoring.roadmap_target(peta_jalan, 2027, "K3") == 190.0
    assert scoring.roadmap_target(peta_jalan, 2027, "K4") is None
    assert scoring.roadmap_target(peta_jalan, 2028) is None
    with pytest.raises(ValueError, match="Blok 'K9' tidak dikenal"):
        scoring.roadmap_target(peta_jalan, 2027, "K9")


# --- kelurahan ---------------------------------------------------------------------------------


def test_kelurahan_totals_names_and_categories(skor_kelurahan: pd.DataFrame, wilayah: pd.DataFrame) -> None:
    frame = scoring.kelurahan_totals(skor_kelurahan, wilayah)
    assert list(frame.columns) == ["tahun", "kode_kelurahan", "nama", "kode_kecamatan", "nama_kecamatan", "total",
                                   "kategori", "peringkat_kota", "peringkat_kecamatan", "perubahan"]
    assert len(frame) == 8
    by_key = frame.set_index(["tahun", "kode_kelurahan"])
    for kode, (kec, nama, total_2022, total_2024) in KELURAHAN_TOTALS.items():
        assert by_key.loc[(2022, kode), "total"] == pytest.approx(total_2022)
        assert by_key.loc[(2024, kode), "total"] == pytest.approx(total_2024)
        assert by_key.loc[(2024, kode), "nama"] == nama
        assert by_key.loc[(2024, kode), "kode_kecamatan"] == kec
    assert by_key.loc[(2024, "64.71.02.1004"), "nama_kecamatan"] == "Selatan"
    assert by_key.xs(2022)["kategori"].to_dict() == {"64.71.01.1001": "Madya", "64.71.01.1002": "Madya",
                                                     "64.71.02.1003": "Nindya", "64.71.02.1004": "Madya"}
    assert by_key.xs(2024)["kategori"].to_dict() == {"64.71.01.1001": "Utama", "64.71.01.1002": "Utama",
                                                     "64.71.02.1003": "Nindya", "64.71.02.1004": "Paripurna"}


def test_kelurahan_city_ranks_share_the_best_rank_on_ties(skor_kelurahan, wilayah) -> None:
    frame = scoring.kelurahan_totals(skor_kelurahan, wilayah)
    ranks = frame.set_index(["tahun", "kode_kelurahan"])["peringkat_kota"]
    # 2022: 800 > 700 > 650 = 650.   2024: 905 > 820 = 820 > 790 (rank 3 is skipped).
    assert ranks.xs(2022).to_dict() == {"64.71.02.1003": 1, "64.71.01.1001": 2, "64.71.01.1002": 3,
                                        "64.71.02.1004": 3}
    assert ranks.xs(2024).to_dict() == {"64.71.02.1004": 1, "64.71.01.1001": 2, "64.71.01.1002": 2,
                                        "64.71.02.1003": 4}


def test_kelurahan_ranks_within_kecamatan(skor_kelurahan: pd.DataFrame, wilayah: pd.DataFrame) -> None:
    frame = scoring.kelurahan_totals(skor_kelurahan, wilayah)
    ranks = frame.set_index(["tahun", "kode_kelurahan"])["peringkat_kecamatan"]
    # 2022: 1002 and 1004 tie city-wide but sit in different kecamatan, each 2nd in its own.
    assert ranks.xs(2022).to_dict() == {"64.71.01.1001": 1, "64.71.01.1002": 2, "64.71.02.1003": 1,
                                        "64.71.02.1004": 2}
    # 2024: 1001 and 1002 tie inside Utara; 1004 overtakes 1003 in Selatan.
    assert ranks.xs(2024).to_dict() == {"64.71.01.1001": 1, "64.71.01.1002": 1, "64.71.02.1004": 1,
                                        "64.71.02.1003": 2}


def test_kelurahan_rows_sorted_by_year_rank_then_code(skor_kelurahan, wilayah) -> None:
    frame = scoring.kelurahan_totals(skor_kelurahan, wilayah)
    assert frame["kode_kelurahan"].tolist() == [
        "64.71.02.1003", "64.71.01.1001", "64.71.01.1002", "64.71.02.1004",
        "64.71.02.1004", "64.71.01.1001", "64.71.01.1002", "64.71.02.1003",
    ]


def test_kelurahan_change_since_previous_assessment(skor_kelurahan, wilayah) -> None:
    frame = scoring.kelurahan_totals(skor_kelurahan, wilayah).set_index(["tahun", "kode_kelurahan"])
    assert frame.xs(2022)["perubahan"].isna().all()
    change = frame.xs(2024)["perubahan"].to_dict()
    assert change == pytest.approx({"64.71.01.1001": 120.0, "64.71.01.1002": 170.0, "64.71.02.1003": -10.0,
                                    "64.71.02.1004": 255.0})


def test_next_roadmap_target_picks_first_later_total():
    plan = pd.DataFrame({"tahun": [2027, 2027, 2029], "blok": ["TOTAL", "KL", "TOTAL"],
                         "target_poin": [905.0, 150.0, 940.0]})
    assert scoring.next_roadmap_target(plan, 2025) == (2027, 905.0)
    assert scoring.next_roadmap_target(plan, 2027) == (2029, 940.0)
    assert scoring.next_roadmap_target(plan, 2029) == (None, None)
