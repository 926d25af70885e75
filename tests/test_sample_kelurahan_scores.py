"""kla.sample.kelurahan_scores: an illustrative assessment of all 34 kelurahan, by block, per year."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kla.sample import kelurahan_scores
from kla.sample.regions import kelurahan_of
from tests.sample_data import kelurahan_names, sample_tables

PERI_URBAN = ["Kariangau", "Teritip", "Lamaru", "Karang Joang"]
CENTRAL = ["Klandasan Ilir", "Klandasan Ulu", "Gunung Sari Ulu", "Karang Rejo", "Damai"]


def totals() -> pd.DataFrame:
    tables = sample_tables()
    sk = tables["skor_kelurahan"]
    table = sk.groupby(["kode_kelurahan", "tahun"])["poin"].sum().unstack()
    table.index = table.index.map(kelurahan_names(tables))
    return table


def test_all_34_kelurahan_scored_on_every_block_every_year():
    sk = sample_tables()["skor_kelurahan"]
    assert sorted(set(sk["tahun"])) == [2022, 2023, 2024, 2025]
    for _, group in sk.groupby("tahun"):
        assert group["kode_kelurahan"].nunique() == 34 and len(group) == 34 * 6


def test_blocks_stay_within_their_maximum():
    tables = sample_tables()
    block_max = tables["indikator"].groupby("blok")["max_poin"].sum()
    sk = tables["skor_kelurahan"]
    assert (sk["poin"] <= sk["blok"].map(block_max) + 1e-9).all() and (sk["poin"] > 0).all()


def test_kelurahan_differ_as_the_tiers_say_and_mostly_improve():
    table = totals()
    assert table.min().min() >= 500 and table.max().max() <= 900
    assert table.loc[PERI_URBAN, 2025].max() < table.loc[CENTRAL, 2025].min()
    steps = table.diff(axis=1).drop(columns=2022).to_numpy()
    assert (steps > 0).mean() >= 0.75
    assert (steps <= 0).any()  # a few stall or drop


def test_totals_are_drawn_the_same_for_the_same_seed():
    kel = kelurahan_of(sample_tables()["wilayah"])
    first = kelurahan_scores.kelurahan_totals(np.random.default_rng(9), kel)
    assert first.shape == (34, 4)
    np.testing.assert_array_equal(first, kelurahan_scores.kelurahan_totals(np.random.default_rng(9), kel))
