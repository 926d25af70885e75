"""kla.sample.roadmap: illustrative targets beyond the Paripurna line, spread over blocks."""

from __future__ import annotations

import pytest

from tests.sample_data import sample_tables


def test_targets_cross_paripurna_and_rise():
    pj = sample_tables()["peta_jalan"].set_index(["tahun", "blok"])["target_poin"]
    assert 901 <= pj[(2027, "TOTAL")] <= 920 and pj[(2029, "TOTAL")] > pj[(2027, "TOTAL")]


def test_block_targets_add_up_and_stay_within_the_block_maximum():
    tables = sample_tables()
    pj = tables["peta_jalan"].set_index(["tahun", "blok"])["target_poin"]
    block_max = tables["indikator"].groupby("blok")["max_poin"].sum()
    for year in (2027, 2029):
        blocks = pj[year].drop("TOTAL")
        assert blocks.sum() == pytest.approx(pj[(year, "TOTAL")])
        assert (blocks <= block_max[blocks.index] + 1e-9).all()


def test_no_block_target_is_below_the_latest_round():
    tables = sample_tables()
    ev = tables["evaluasi_kota"]
    codes_to_block = tables["indikator"].set_index("kode")["blok"]
    latest = ev[ev["tahun"] == 2025].groupby(ev["kode_indikator"].map(codes_to_block))["poin"].sum()
    pj = tables["peta_jalan"].set_index(["tahun", "blok"])["target_poin"]
    for block, points in latest.items():
        assert pj[(2027, block)] >= points - 1e-9, block
