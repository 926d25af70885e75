"""The facts of the KLA evaluation, in one place: blocks, category bands, the Paripurna line.

Schema, scoring, charts and the user-facing strings read these; nothing else states them. The
official bands are published with whole numbers (Pratama 500-600 ... Paripurna 901-1000) but
scores may be fractional, so a band is decided by its lower threshold only: :class:`Category`
has ``low`` inclusive and ``high`` exclusive, each ``high`` is the next band's ``low``, and the
top band is closed at :data:`MAX_SCORE`. Below 500 a city has no category.

Block maxima are not constants: they are the sum of the indicators' ``max_poin`` in the
catalogue (``indikator.csv``), computed by :func:`block_maxima`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

# Kelembagaan, then Klaster I-V; this order is the order of every table, chart and legend.
BLOCKS: tuple[str, ...] = ("KL", "K1", "K2", "K3", "K4", "K5")
ROADMAP_TOTAL = "TOTAL"  # the roadmap's row for the city total, beside the blocks
MAX_SCORE = 1000
PARIPURNA_MIN = 901
NO_CATEGORY = "Belum berkategori"


@dataclass(frozen=True)
class Category:
    """A category band: ``low <= skor < high`` (the top band also includes ``high`` = 1000)."""

    name: str
    low: float
    high: float

    @property
    def official_high(self) -> int:
        """The upper end as published (whole numbers, inclusive): 600 for Pratama, 1000 for Paripurna."""
        return int(self.high) if self.high == MAX_SCORE else int(self.high) - 1


CATEGORIES: tuple[Category, ...] = (
    Category(NO_CATEGORY, 0, 500),
    Category("Pratama", 500, 601),
    Category("Madya", 601, 701),
    Category("Nindya", 701, 801),
    Category("Utama", 801, PARIPURNA_MIN),
    Category("Paripurna", PARIPURNA_MIN, MAX_SCORE),
)
# The five official categories, lowest first (what kategori_resmi.csv may name).
CATEGORY_NAMES: tuple[str, ...] = tuple(c.name for c in CATEGORIES if c.name != NO_CATEGORY)
CATEGORY_LOWEST = CATEGORIES[1]  # Pratama: the first band with a name


def category(name: str) -> Category:
    """The band called ``name``; ``KeyError`` for a name that is not a band."""
    for band in CATEGORIES:
        if band.name == name:
            return band
    raise KeyError(name)


def block_maxima(indikator: pd.DataFrame) -> pd.Series:
    """Maximum points per block (sum of its indicators' ``max_poin``), indexed by ``BLOCKS`` order.

    A block with no indicator in the catalogue has maximum 0.
    """
    sums = indikator.groupby("blok")["max_poin"].sum()
    return sums.reindex(list(BLOCKS), fill_value=0.0).astype(float).rename("max_poin").rename_axis("blok")


def lower_thresholds() -> str:
    """"Pratama ≥ 500, Madya ≥ 601, ..., Paripurna ≥ 901": the rule as the strings state it."""
    return ", ".join(f"{c.name} ≥ {int(c.low)}" for c in CATEGORIES if c.name != NO_CATEGORY)


def band_range(name: str, thousands: str = "") -> str:
    """"801–900" for Utama; ``thousands`` is the separator put into 1000 ("." in Indonesian, "," in English)."""
    band = category(name)

    def number(value: int) -> str:
        return f"{value:,}".replace(",", thousands)

    return f"{number(int(band.low))}–{number(band.official_high)}"


# --- evaluation rounds ---------------------------------------------------------------------------
# KLA.md: yearly rounds 2017-2019, none in 2020, yearly again 2021-2023, then every two years from
# 2023 (none in 2024, 2025 held). Years before 2017 are not known well enough to say.
FIRST_KNOWN_ROUND = 2017
NO_NATIONAL_ROUND = frozenset({2020})
BIENNIAL_FROM = 2023

# Why a year has no city score, one reason per year (see :func:`gap_reason`); the words are
# :func:`kla.scoring.gap_label`'s.
GAP_NO_NATIONAL_ROUND = "tanpa_penilaian_nasional"  # 2020: no national round at all
GAP_OFF_YEAR = "tanpa_penilaian_dua_tahunan"  # 2024, 2026, ...: rounds every two years from 2023
GAP_NOT_PUBLISHED = "skor_tidak_diumumkan"  # a round was held; the city's score was not published
GAP_UNKNOWN = "tanpa_data"  # before 2017: not known whether there was a round
GAP_REASONS = (GAP_NO_NATIONAL_ROUND, GAP_OFF_YEAR, GAP_NOT_PUBLISHED, GAP_UNKNOWN)


def national_round(year: int) -> bool | None:
    """Whether KemenPPPA held a KLA evaluation round in ``year``; ``None`` before 2017 (not known)."""
    year = int(year)
    if year in NO_NATIONAL_ROUND:
        return False
    if year >= BIENNIAL_FROM:
        return (year - BIENNIAL_FROM) % 2 == 0
    return True if year >= FIRST_KNOWN_ROUND else None


def gap_reason(year: int) -> str:
    """Why ``year`` has no score: one of :data:`GAP_REASONS`, the same answer for every chart and file.

    A year with a round whose result for the city was not published (2018, or the official score
    of 2017-2022 and 2025) is *not* a year without a round.
    """
    held = national_round(year)
    if held is None:
        return GAP_UNKNOWN
    if held:
        return GAP_NOT_PUBLISHED
    return GAP_NO_NATIONAL_ROUND if int(year) in NO_NATIONAL_ROUND else GAP_OFF_YEAR
