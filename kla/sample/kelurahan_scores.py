"""``skor_kelurahan``: the city's own kelurahan assessment, ILLUSTRATIVE (no kelurahan scores are published)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kla.sample.points import points_hitting_total
from kla.sample.regions import kelurahan_of, score_bonus, tier_of
from kla.sample.timeline import KELURAHAN_YEARS
from kla.schema import BLOCKS

TIER_START_TOTAL = {"tinggi": (690.0, 760.0), "sedang": (600.0, 680.0), "rendah": (528.0, 575.0)}
# Block attainment relative to the kelurahan's overall level: Forum Anak everywhere lifts K1,
# special protection and infrastructure lag.
BLOCK_OFFSET = {"KL": 0.02, "K1": 0.06, "K2": -0.03, "K3": 0.0, "K4": 0.02, "K5": -0.05}


def kelurahan_totals(rng: np.random.Generator, kelurahan: pd.DataFrame) -> np.ndarray:
    """Illustrative total per kelurahan (rows) and year (columns of KELURAHAN_YEARS)."""
    tiers = tier_of(kelurahan)
    low = np.array([TIER_START_TOTAL[t][0] for t in tiers])
    high = np.array([TIER_START_TOTAL[t][1] for t in tiers])
    start = rng.uniform(low, high) + score_bonus(kelurahan)
    n, years = len(kelurahan), len(KELURAHAN_YEARS)
    steps = rng.uniform(12, 45, (n, years - 1))
    stalls = rng.random((n, years - 1)) < 0.12
    steps[stalls] = rng.uniform(-22, 4, stalls.sum())
    totals = np.concatenate([start[:, None], start[:, None] + np.cumsum(steps, axis=1)], axis=1)
    return np.clip(totals, 522, 876)


def make_skor_kelurahan(rng: np.random.Generator, wilayah: pd.DataFrame, indikator: pd.DataFrame) -> pd.DataFrame:
    """Points per kelurahan, year and block; each kelurahan's blocks add up to its drawn total."""
    kelurahan = kelurahan_of(wilayah)
    totals = kelurahan_totals(rng, kelurahan)
    block_max = indikator.groupby("blok")["max_poin"].sum().reindex(BLOCKS).to_numpy()
    offsets = np.array([BLOCK_OFFSET[b] for b in BLOCKS])
    own_offset = rng.normal(0, 0.04, (len(kelurahan), len(BLOCKS)))  # each kelurahan's strengths
    max_tenths = np.round(block_max * 10).astype(np.int64)
    frames = []
    for j, year in enumerate(KELURAHAN_YEARS):
        noise = rng.normal(0, 0.015, own_offset.shape)
        ratio = np.clip(totals[:, j, None] / 1000 + offsets + own_offset + noise, 0.3, 0.98)
        tenths = np.array([points_hitting_total(r, max_tenths, int(round(t * 10)))
                           for r, t in zip(ratio, totals[:, j])])
        frames.append(pd.DataFrame({
            "tahun": year,
            "kode_kelurahan": np.repeat(kelurahan["kode"].to_numpy(), len(BLOCKS)),
            "blok": np.tile(BLOCKS, len(kelurahan)),
            "poin": tenths.ravel() / 10,
        }))
    return pd.concat(frames, ignore_index=True)
