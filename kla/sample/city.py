"""The city's evaluation: the indicator catalogue, ILLUSTRATIVE points per round, the published categories.

No official weights or scores per indicator are published (KLA.md): ``MAX_POINTS`` and the
attainment below are assumptions of the generator, chosen so each round's total falls inside the
band of the category Balikpapan really received that year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kla.sample import curated
from kla.sample.points import points_hitting_total
from kla.sample.timeline import EVALUATION_YEARS

# ILLUSTRATIVE maximum points per indicator; they sum to 1000.
MAX_POINTS = {
    "KL-01": 50, "KL-02": 70, "KL-03": 40, "K1-04": 50, "K1-05": 35, "K1-06": 45,
    "K2-07": 40, "K2-08": 35, "K2-09": 30, "K2-10": 35, "K2-11": 40, "K3-12": 30,
    "K3-13": 35, "K3-14": 25, "K3-15": 35, "K3-16": 30, "K3-17": 35, "K4-18": 45,
    "K4-19": 45, "K4-20": 40, "K5-21": 60, "K5-22": 45, "K5-23": 50, "K5-24": 55,
}

# Illustrative attainment (share of max_poin) in 2017, 2023 and 2025 before noise. Laggards match
# the 2025-26 focus areas: smoke-free areas, infrastructure/safe transport, special protection.
ATTAINMENT = {
    "KL-01": (0.72, 0.80, 0.96), "KL-02": (0.62, 0.85, 0.90), "KL-03": (0.50, 0.80, 0.85),
    "K1-04": (0.88, 0.97, 0.98), "K1-05": (0.55, 0.92, 0.94), "K1-06": (0.70, 0.88, 0.96),
    "K2-07": (0.55, 0.72, 0.76), "K2-08": (0.60, 0.85, 0.90), "K2-09": (0.55, 0.75, 0.78),
    "K2-10": (0.58, 0.78, 0.82), "K2-11": (0.40, 0.58, 0.62), "K3-12": (0.85, 0.95, 0.96),
    "K3-13": (0.60, 0.78, 0.82), "K3-14": (0.62, 0.80, 0.83), "K3-15": (0.45, 0.92, 0.94),
    "K3-16": (0.72, 0.85, 0.87), "K3-17": (0.35, 0.50, 0.52), "K4-18": (0.75, 0.90, 0.92),
    "K4-19": (0.60, 0.92, 0.96), "K4-20": (0.50, 0.74, 0.80), "K5-21": (0.55, 0.68, 0.70),
    "K5-22": (0.45, 0.60, 0.62), "K5-23": (0.55, 0.78, 0.82), "K5-24": (0.60, 0.82, 0.85),
}
# Total score drawn uniformly in these ranges: inside the real category band, away from its edges.
TOTAL_RANGE = {
    2017: (640.0, 665.0), 2019: (718.0, 735.0), 2021: (736.0, 750.0),
    2022: (760.0, 780.0), 2023: (840.0, 858.0), 2025: (860.0, 878.0),
}


def make_indikator() -> pd.DataFrame:
    """The curated catalogue with its number, block and the ILLUSTRATIVE maximum points."""
    table = curated.indicators()
    unknown = sorted(set(table["kode"]) ^ set(MAX_POINTS))
    if unknown:
        raise ValueError(f"indikator.csv dan MAX_POINTS tidak cocok: {unknown}")
    table["nomor"] = table["kode"].str[-2:].astype(int)
    table["blok"] = table["kode"].str[:2]
    table["max_poin"] = table["kode"].map(MAX_POINTS).astype(float)
    table["bobot_ilustratif"] = "ya"
    return table


def attainment(year: int, codes: pd.Series) -> np.ndarray:
    """Pre-noise attainment per indicator for ``year`` (interpolated between 2017, 2023, 2025)."""
    a = np.array([ATTAINMENT[code] for code in codes])
    if year <= 2023:
        share = ((year - 2017) / 6) ** 0.8
        return a[:, 0] + (a[:, 1] - a[:, 0]) * share
    return a[:, 1] + (a[:, 2] - a[:, 1]) * (year - 2023) / 2


def make_evaluasi_kota(rng: np.random.Generator, indikator: pd.DataFrame) -> pd.DataFrame:
    """Illustrative points per indicator per round; each year's total lands in its real band."""
    max_tenths = (indikator["max_poin"].to_numpy() * 10).round().astype(np.int64)
    frames = []
    for year in EVALUATION_YEARS:
        ratio = np.clip(attainment(year, indikator["kode"]) + rng.normal(0, 0.025, len(max_tenths)), 0.2, 1.0)
        target = int(round(rng.uniform(*TOTAL_RANGE[year]) * 10))
        tenths = points_hitting_total(ratio, max_tenths, target)
        frames.append(pd.DataFrame({"tahun": year, "kode_indikator": indikator["kode"], "poin": tenths / 10}))
    return pd.concat(frames, ignore_index=True)


def make_kategori_resmi() -> pd.DataFrame:
    """Published categories and reported scores (REAL facts, each row with its source)."""
    return curated.official_categories()
