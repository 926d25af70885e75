"""``wilayah``: the curated regions plus an ILLUSTRATIVE child count per kelurahan; assumed kelurahan tiers.

Children per kecamatan or kelurahan are not published (KLA.md): the city's one count of children
0-17 is split over kecamatan by their population, then over kelurahan at random.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from kla.sample import curated
from kla.sample.points import split_total

# How developed each kelurahan's child services are ("tinggi": dense central kelurahan, "rendah":
# peri-urban ones) and a score bonus for a known service: ASSUMPTIONS of the generator, not
# published facts, one row per kelurahan code of facts/wilayah.csv.
ASSUMPTIONS_FILE = Path(__file__).parent / "assumptions" / "kelurahan.csv"
TIERS = ("tinggi", "sedang", "rendah")


def make_wilayah(rng: np.random.Generator) -> pd.DataFrame:
    """Curated regions plus an ILLUSTRATIVE child count per kelurahan (kecamatan rows empty)."""
    regions = curated.regions().reset_index(drop=True)
    population = curated.kecamatan_population()
    kecamatan = regions.loc[regions["tingkat"] == "kecamatan", "kode"].tolist()
    unknown = [kode for kode in kecamatan if kode not in population]
    if unknown:
        raise ValueError(f"penduduk.csv: kecamatan tanpa data penduduk: {unknown}")
    weights = np.array([population[kode] for kode in kecamatan], float)
    per_kecamatan = split_total(curated.children_0_17(), weights)
    children = pd.Series(pd.NA, index=regions.index, dtype="Int64")
    for code, total in zip(kecamatan, per_kecamatan):
        rows = regions.index[(regions["tingkat"] == "kelurahan") & (regions["kode_induk"] == code)]
        children[rows] = split_total(int(total), rng.uniform(0.55, 1.45, len(rows)))
    regions["anak_0_17"] = children
    return regions


def kelurahan_of(wilayah: pd.DataFrame) -> pd.DataFrame:
    """Kelurahan rows with their kecamatan name, in file order."""
    kec = wilayah[wilayah["tingkat"] == "kecamatan"].set_index("kode")["nama"]
    kel = wilayah[wilayah["tingkat"] == "kelurahan"].reset_index(drop=True).copy()
    kel["nama_kecamatan"] = kel["kode_induk"].map(kec)
    return kel


def kelurahan_assumptions(path: Path = ASSUMPTIONS_FILE) -> pd.DataFrame:
    """Tier and score bonus per kelurahan code (``bonus_skor`` 0 where none is assumed)."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    bad = sorted(set(table["tingkat_layanan"]) - set(TIERS))
    if bad:
        raise ValueError(f"{path.name}, kolom tingkat_layanan: {bad} tidak dikenal; "
                         f"diharapkan salah satu dari {TIERS}.")
    table["bonus_skor"] = pd.to_numeric(table["bonus_skor"].mask(table["bonus_skor"] == "")).fillna(0.0)
    return table.set_index("kode")


def tier_of(kelurahan: pd.DataFrame) -> np.ndarray:
    """The tier of each kelurahan row (by code); a kelurahan without one stops the generator."""
    return _assumed(kelurahan, "tingkat_layanan")


def score_bonus(kelurahan: pd.DataFrame) -> np.ndarray:
    """Extra points assumed for each kelurahan row (by code), 0 for most."""
    return _assumed(kelurahan, "bonus_skor").astype(float)


def _assumed(kelurahan: pd.DataFrame, column: str) -> np.ndarray:
    table = kelurahan_assumptions()
    unknown = sorted(set(kelurahan["kode"]) - set(table.index))
    if unknown:
        raise ValueError(f"{ASSUMPTIONS_FILE.name}: kelurahan tanpa tingkat layanan: {unknown}")
    return table[column].reindex(kelurahan["kode"]).to_numpy()
