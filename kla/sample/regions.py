"""``wilayah``: the curated regions plus an ILLUSTRATIVE child count per kelurahan; the kelurahan tiers.

Children per kecamatan or kelurahan are not published (KLA.md): the city's one count of children
0-17 is split over kecamatan by their population, then over kelurahan at random.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kla.sample import curated
from kla.sample.points import split_total

# How developed each kelurahan's child services are, for the illustrative scores and initiative
# places: dense central kelurahan high, peri-urban ones low. An ASSUMPTION of the generator, not a
# published fact; names as in facts/wilayah.csv, and a kelurahan missing here stops the generator.
KELURAHAN_TIER = {
    "high": (
        "Klandasan Ilir", "Klandasan Ulu", "Prapatan", "Telaga Sari", "Damai", "Gunung Sari Ulu",
        "Gunung Sari Ilir", "Mekar Sari", "Karang Rejo", "Karang Jati", "Sumber Rejo", "Gunung Bahagia",
        "Sepinggan Baru", "Damai Baru", "Damai Bahagia",
    ),
    "mid": (
        "Sungainangka", "Sepinggan", "Sepinggan Raya", "Muara Rapak", "Gunung Samarinda",
        "Gunung Samarinda Baru", "Batu Ampar", "Graha Indah", "Baru Ilir", "Baru Tengah", "Baru Ulu",
        "Margo Mulyo", "Marga Sari", "Manggar", "Manggar Baru",
    ),
    "low": ("Kariangau", "Teritip", "Lamaru", "Karang Joang"),
}


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


def tier_of(names: pd.Series) -> np.ndarray:
    """The tier ("high", "mid", "low") of each kelurahan name; an unknown name raises."""
    lookup = {name: tier for tier, members in KELURAHAN_TIER.items() for name in members}
    unknown = sorted(set(names) - set(lookup))
    if unknown:
        raise ValueError(f"kelurahan tanpa tingkat perkembangan: {unknown}")
    return names.map(lookup).to_numpy()
