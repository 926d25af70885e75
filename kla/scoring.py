"""Scores of the KLA evaluation: categories, gaps, attainment per block and rankings.

A KLA total is out of 1000: the sum of the points of 24 indicators in six blocks (``KL``
Kelembagaan, ``K1``..``K5`` Klaster I-V). The official category bands are written with whole
numbers (Pratama 500-600, Madya 601-700, Nindya 701-800, Utama 801-900, Paripurna 901-1000) but
scores may be fractional, so a band is decided by its lower threshold only:

* :class:`Category` has ``low`` **inclusive** and ``high`` **exclusive** (``low <= skor < high``);
  each band's ``high`` is the next band's ``low``, so 600.5 is Pratama and 601 is Madya.
* The top band, Paripurna, is closed at 1000 (``901 <= skor <= 1000``).
* Below 500 a city has no category: the band "Belum berkategori" (0 <= skor < 500).

Every function is pure (data frames in, data frames or dataclasses out) and knows nothing of
Streamlit. Inputs have the column names produced by ``kla.loading``. Messages for users are
in Indonesian.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

# The facts live in kla.domain; the names stay importable from here for existing callers.
from kla.domain import (
    BLOCKS,
    CATEGORIES,
    MAX_SCORE,
    NO_CATEGORY,
    PARIPURNA_MIN,
    ROADMAP_TOTAL,
    block_maxima,
    gap_reason,
)
from kla.i18n import Lang, format_number, t

# Points are decimals (e.g. 12.5); summing them in binary floats can give 600.9999999999999 for a
# true 601 and drop a city one band. Totals are rounded to this many decimals before use.
TOTAL_DECIMALS = 6

_LOWS = np.array([c.low for c in CATEGORIES], dtype=float)
_NAMES = np.array([c.name for c in CATEGORIES])


@dataclass(frozen=True)
class WhatIf:
    """Result of a simulation: the year's total before and after the raised indicators."""

    total_awal: float
    total_proyeksi: float
    kategori_awal: str
    kategori_proyeksi: str
    kurang_ke_paripurna: float


# --- categories of one score -------------------------------------------------------------------


def _check_score(score: float) -> float:
    score = float(score)
    if math.isnan(score):
        raise ValueError("Skor harus berupa angka, didapat nilai kosong (NaN)")
    if not 0 <= score <= MAX_SCORE:
        raise ValueError(f"Skor harus antara 0 dan {MAX_SCORE}, didapat {score:g}")
    return score


def _category_index(score: float) -> int:
    # The last low that the score reaches; 1000 itself stays in Paripurna (the top band is closed).
    return int(np.searchsorted(_LOWS, _check_score(score), side="right")) - 1


def category_for(score: float) -> str:
    """Category name of a total score (0..1000); ``"Belum berkategori"`` below 500."""
    return CATEGORIES[_category_index(score)].name


def next_category(score: float) -> tuple[str, float] | None:
    """The next higher category and the points still needed to reach its lower threshold.

    ``None`` when the score is already Paripurna.
    """
    index = _category_index(score)
    if index == len(CATEGORIES) - 1:
        return None
    upper = CATEGORIES[index + 1]
    return upper.name, round(upper.low - float(score), TOTAL_DECIMALS)  # 601 - 600.7 is not 0.2999...


def points_to_paripurna(score: float) -> float:
    """Points still needed to reach Paripurna (901); 0 once there."""
    return max(0.0, round(PARIPURNA_MIN - _check_score(score), TOTAL_DECIMALS))


def category_label(name: str, lang: Lang = "id") -> str:
    """A category as the reader sees it: the official names (Pratama … Paripurna) stay as they are in
    every language; the band below 500 is a description, said in the page's language."""
    return t("kategori.none", lang) if name == NO_CATEGORY else name


def categories_table(lang: Lang = "id") -> pd.DataFrame:
    """The bands as published (whole numbers, both ends inclusive) for the "Tentang" page."""
    return pd.DataFrame({
        "kategori": [category_label(c.name, lang) for c in CATEGORIES],
        "dari": [int(c.low) for c in CATEGORIES],
        "sampai": [c.official_high for c in CATEGORIES],
    })


def _categories_of(totals: pd.Series) -> pd.Series:
    """Vectorised :func:`category_for`; refuses the whole series if one total is out of range."""
    values = totals.to_numpy(dtype=float)
    bad = np.isnan(values) | (values < 0) | (values > MAX_SCORE)
    if bad.any():
        _check_score(values[bad][0])  # raises the same message as for a single score
    names = _NAMES[np.searchsorted(_LOWS, values, side="right") - 1]
    return pd.Series(names.tolist(), index=totals.index)


def _round_total(values: pd.Series) -> pd.Series:
    return values.round(TOTAL_DECIMALS)


# --- years without a score --------------------------------------------------------------------


def gap_label(year: int, lang: Lang = "id") -> str:
    """Why ``year`` has no score, in words: the one label of a gap year in every chart, page and export.

    "tidak ada penilaian nasional" (2020), "tidak ada penilaian (dua tahunan)" (2024), "skor tidak
    diumumkan" (a round was held, e.g. 2018) or "tanpa data" (before 2017); :func:`kla.domain.gap_reason`.
    """
    return t(f"tahun_kosong.{gap_reason(year)}", lang)


def gap_years(years: Sequence[int]) -> list[int]:
    """Years inside the span of ``years`` that are not in it (e.g. 2018, 2020, 2024): gaps, never hidden."""
    present = sorted({int(y) for y in years})
    return [y for y in range(present[0], present[-1] + 1) if y not in present] if present else []


def gap_labels(years: Sequence[int], lang: Lang = "id") -> dict[int, str]:
    """:func:`gap_label` of every gap year inside the span of ``years``."""
    return {y: gap_label(y, lang) for y in gap_years(years)}


def official_score_text(kategori_resmi: pd.DataFrame | None, year: int, lang: Lang = "id") -> str:
    """The officially reported score of ``year`` as words, told apart from any score the data compute.

    "891 / 817 (sumber bertentangan)" when sources disagree, "812" for one, and where no score was
    reported: :func:`gap_label` ("skor tidak diumumkan" for a round held, "tidak ada penilaian
    nasional" for 2020, ...). "–" for a year the published list does not name.
    """
    if kategori_resmi is None or kategori_resmi.empty:
        return "–"
    rows = kategori_resmi[kategori_resmi["tahun"].astype(int) == int(year)]
    if rows.empty:
        return "–"
    reported = list(dict.fromkeys(float(s) for s in rows["skor_dilaporkan"].dropna()))
    if not reported:
        return gap_label(year, lang)
    text = " / ".join(format_number(s, 0 if s.is_integer() else 1, lang) for s in reported)
    return text + t("skor_resmi.bertentangan", lang) if len(reported) > 1 else text


# --- the city ----------------------------------------------------------------------------------


def city_totals(evaluasi: pd.DataFrame) -> pd.DataFrame:
    """Total score per evaluated year with its category and the change since the previous round.

    Columns ``tahun, total, kategori, perubahan``, sorted by year. ``perubahan`` compares with the
    previous *evaluated* year (years without a round are not rows), NaN for the first.
    """
    totals = evaluasi.groupby("tahun", sort=True)["poin"].sum().pipe(_round_total).rename("total").reset_index()
    totals["tahun"] = totals["tahun"].astype(int)
    totals["kategori"] = _categories_of(totals["total"])
    totals["perubahan"] = totals["total"].diff()
    return totals[["tahun", "total", "kategori", "perubahan"]]


def _year_points(evaluasi: pd.DataFrame, indikator: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """The catalogue with the year's points per indicator (``kode``, ..., ``max_poin``, ``poin``).

    An indicator with no row that year counts 0 points: it earned nothing that round (the loader
    already reports incomplete years).
    """
    year = evaluasi[evaluasi["tahun"] == tahun]
    if year.empty:
        known = ", ".join(str(y) for y in sorted(evaluasi["tahun"].unique()))
        raise ValueError(f"Tidak ada data evaluasi untuk tahun {tahun}; tahun yang ada: {known or '-'}")
    points = year.groupby("kode_indikator")["poin"].sum()
    catalogue = indikator.copy()
    catalogue["poin"] = catalogue["kode"].map(points).fillna(0.0).astype(float)
    return catalogue


def _total_of(points: pd.Series) -> float:
    return round(float(points.sum()), TOTAL_DECIMALS)


def _add_percent(frame: pd.DataFrame) -> pd.DataFrame:
    frame["persen"] = frame["poin"] / frame["max_poin"] * 100
    return frame


def block_attainment(evaluasi: pd.DataFrame, indikator: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """Points per block in one year: ``blok, poin, max_poin, persen, kekurangan``, in ``BLOCKS`` order.

    ``persen`` is 0..100; ``kekurangan`` = ``max_poin - poin``.
    """
    catalogue = _year_points(evaluasi, indikator, tahun)
    points = catalogue.groupby("blok")["poin"].sum().reindex(list(BLOCKS), fill_value=0.0)
    blocks = pd.DataFrame({"poin": points, "max_poin": block_maxima(indikator)}).rename_axis("blok")
    blocks = _add_percent(blocks.reset_index())
    blocks["kekurangan"] = blocks["max_poin"] - blocks["poin"]
    return blocks[["blok", "poin", "max_poin", "persen", "kekurangan"]]


def block_totals_by_year(evaluasi: pd.DataFrame, indikator: pd.DataFrame) -> pd.DataFrame:
    """Points per block for every evaluated year: ``tahun, blok, poin, max_poin, persen``.

    One row per (year, block) for all six blocks, sorted by year then ``BLOCKS`` order. The block
    maximum comes from the catalogue, so it is the same every year.
    """
    block_max = block_maxima(indikator)
    code_block = indikator.set_index("kode")["blok"]
    points = evaluasi.assign(blok=evaluasi["kode_indikator"].map(code_block))
    poin = points.groupby(["tahun", "blok"])["poin"].sum()
    years = sorted(evaluasi["tahun"].unique())
    grid = pd.MultiIndex.from_product([years, list(BLOCKS)], names=["tahun", "blok"])
    frame = poin.reindex(grid, fill_value=0.0).rename("poin").reset_index()
    frame["tahun"] = frame["tahun"].astype(int)
    frame["poin"] = frame["poin"].astype(float)
    frame["max_poin"] = frame["blok"].map(block_max).fillna(0.0).astype(float)
    return _add_percent(frame)[["tahun", "blok", "poin", "max_poin", "persen"]]


def shortfall_ranking(evaluasi: pd.DataFrame, indikator: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """Indicators by missing points, largest first, and the total if they were filled in that order.

    Columns ``kode, nama_id, nama_singkat, blok, poin, max_poin, kekurangan, kumulatif,
    total_proyeksi``. Ties on ``kekurangan`` are ordered by ``kode`` so the list is stable.
    ``kumulatif`` is the running sum of ``kekurangan``; ``total_proyeksi`` = year total + ``kumulatif``.
    """
    catalogue = _year_points(evaluasi, indikator, tahun)
    catalogue["kekurangan"] = catalogue["max_poin"] - catalogue["poin"]
    ranked = catalogue.sort_values(["kekurangan", "kode"], ascending=[False, True], kind="mergesort")
    ranked = ranked.reset_index(drop=True)
    ranked["kumulatif"] = ranked["kekurangan"].cumsum().pipe(_round_total)
    ranked["total_proyeksi"] = _round_total(_total_of(catalogue["poin"]) + ranked["kumulatif"])
    return ranked[["kode", "nama_id", "nama_singkat", "blok", "poin", "max_poin", "kekurangan", "kumulatif",
                   "total_proyeksi"]]


def _check_raised(raised: dict[str, float], maxima: pd.Series) -> None:
    for kode, value in raised.items():
        if kode not in maxima.index:
            raise ValueError(f"Indikator '{kode}' tidak dikenal; kode yang sah misalnya {maxima.index[0]}")
        maximum = float(maxima[kode])
        if not 0 <= float(value) <= maximum:  # also refuses NaN
            raise ValueError(f"Poin indikator {kode} harus antara 0 dan {maximum:g}, didapat {float(value):g}")


def what_if(evaluasi: pd.DataFrame, indikator: pd.DataFrame, tahun: int, raised: dict[str, float]) -> WhatIf:
    """Total and category of ``tahun`` if the indicators in ``raised`` had the given points.

    Values replace the year's points (lowering is allowed); each must lie in 0..``max_poin`` of its
    indicator, and codes must be in the catalogue, otherwise ``ValueError``.
    """
    catalogue = _year_points(evaluasi, indikator, tahun)
    _check_raised(raised, catalogue.set_index("kode")["max_poin"])
    before = _total_of(catalogue["poin"])
    after = _total_of(catalogue["kode"].map(raised).astype(float).fillna(catalogue["poin"]))
    return WhatIf(
        total_awal=before,
        total_proyeksi=after,
        kategori_awal=category_for(before),
        kategori_proyeksi=category_for(after),
        kurang_ke_paripurna=points_to_paripurna(after),
    )


def next_roadmap_target(peta_jalan: pd.DataFrame, after_year: int) -> tuple[int | None, float | None]:
    """The first roadmap year after ``after_year`` and its total target; (None, None) if none."""
    totals = peta_jalan[(peta_jalan["blok"] == ROADMAP_TOTAL) & (peta_jalan["tahun"] > after_year)]
    if totals.empty:
        return None, None
    first = totals.sort_values("tahun").iloc[0]
    return int(first["tahun"]), float(first["target_poin"])


def roadmap_target(peta_jalan: pd.DataFrame, tahun: int, blok: str = ROADMAP_TOTAL) -> float | None:
    """Roadmap target points for a year and block (``"TOTAL"`` for the city); ``None`` if not set."""
    if blok not in (*BLOCKS, ROADMAP_TOTAL):
        raise ValueError(f"Blok '{blok}' tidak dikenal; pilih salah satu dari: {', '.join((*BLOCKS, ROADMAP_TOTAL))}")
    match = peta_jalan.loc[(peta_jalan["tahun"] == tahun) & (peta_jalan["blok"] == blok), "target_poin"].dropna()
    return None if match.empty else float(match.iloc[0])


# --- kelurahan ---------------------------------------------------------------------------------


def _kelurahan_names(wilayah: pd.DataFrame) -> pd.DataFrame:
    """Each kelurahan with its kecamatan: ``kode_kelurahan, nama, kode_kecamatan, nama_kecamatan``."""
    kecamatan = wilayah.loc[wilayah["tingkat"] == "kecamatan"].set_index("kode")["nama"]
    kelurahan = wilayah.loc[wilayah["tingkat"] == "kelurahan", ["kode", "nama", "kode_induk"]]
    kelurahan = kelurahan.rename(columns={"kode": "kode_kelurahan", "kode_induk": "kode_kecamatan"})
    kelurahan["nama_kecamatan"] = kelurahan["kode_kecamatan"].map(kecamatan)
    return kelurahan


def _rank_within(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    # 1 = highest total; equal totals share the best rank ("min"), the next rank skips.
    return frame.groupby(keys, dropna=False)["total"].rank(method="min", ascending=False).astype(int)


def kelurahan_totals(skor_kelurahan: pd.DataFrame, wilayah: pd.DataFrame) -> pd.DataFrame:
    """Total per kelurahan and year with category, ranks and change since its previous assessment.

    Columns ``tahun, kode_kelurahan, nama, kode_kecamatan, nama_kecamatan, total, kategori,
    peringkat_kota, peringkat_kecamatan, perubahan``. Ranks are per year (1 = best, ties share
    the smallest rank); ``perubahan`` is NaN for a kelurahan's first year. Sorted by year, city
    rank, then code.
    """
    totals = skor_kelurahan.groupby(["tahun", "kode_kelurahan"])["poin"].sum().pipe(_round_total)
    frame = totals.rename("total").reset_index().merge(_kelurahan_names(wilayah), on="kode_kelurahan", how="left")
    frame["tahun"] = frame["tahun"].astype(int)
    frame["kategori"] = _categories_of(frame["total"])
    frame["peringkat_kota"] = _rank_within(frame, ["tahun"])
    frame["peringkat_kecamatan"] = _rank_within(frame, ["tahun", "kode_kecamatan"])
    frame = frame.sort_values(["kode_kelurahan", "tahun"])
    frame["perubahan"] = frame.groupby("kode_kelurahan")["total"].diff()
    frame = frame.sort_values(["tahun", "peringkat_kota", "kode_kelurahan"]).reset_index(drop=True)
    return frame[["tahun", "kode_kelurahan", "nama", "kode_kecamatan", "nama_kecamatan", "total", "kategori",
                  "peringkat_kota", "peringkat_kecamatan", "perubahan"]]
