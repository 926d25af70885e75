"""kla.sample.city: the indicator catalogue, illustrative points landing in the real category, the real categories."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kla.sample import city, curated
from kla.scoring import category_for
from tests.kla_md import REAL_CATEGORY
from tests.sample_data import sample_tables


def test_catalogue_is_the_curated_one_with_illustrative_maxima():
    ind = sample_tables()["indikator"]
    assert list(ind["kode"]) == list(curated.indicators()["kode"])
    assert ind["max_poin"].sum() == pytest.approx(1000)
    assert (ind["bobot_ilustratif"] == "ya").all()
    assert list(ind["nomor"]) == list(range(1, 25))
    assert ind.groupby("blok").size().to_dict() == {"KL": 3, "K1": 3, "K2": 5, "K3": 6, "K4": 3, "K5": 4}


def test_points_and_catalogue_must_name_the_same_indicators(monkeypatch):
    monkeypatch.setattr(city, "MAX_POINTS", {k: v for k, v in city.MAX_POINTS.items() if k != "K5-24"})
    with pytest.raises(ValueError, match=r"MAX_POINTS tidak cocok: \['K5-24'\]"):
        city.make_indikator()


def test_evaluated_years_are_the_rounds_with_a_known_category():
    years = set(sample_tables()["evaluasi_kota"]["tahun"])
    assert years == {2017, 2019, 2021, 2022, 2023, 2025}
    assert all(REAL_CATEGORY[year] is not None for year in years)


def test_each_year_total_falls_in_the_real_category_and_never_falls():
    totals = sample_tables()["evaluasi_kota"].groupby("tahun")["poin"].sum()
    assert {int(y): category_for(float(t)) for y, t in totals.items()} == {y: REAL_CATEGORY[y] for y in totals.index}
    assert list(totals) == sorted(totals)


def test_points_stay_within_each_maximum():
    tables = sample_tables()
    ev = tables["evaluasi_kota"].merge(tables["indikator"][["kode", "max_poin"]], left_on="kode_indikator",
                                       right_on="kode")
    assert ((ev["poin"] >= 0) & (ev["poin"] <= ev["max_poin"])).all()
    assert (ev["poin"] * 10 == (ev["poin"] * 10).round()).all()  # tenths


def test_laggard_indicators_are_below_the_leaders():
    tables = sample_tables()
    ev = tables["evaluasi_kota"]
    latest = ev[ev["tahun"] == 2025].set_index("kode_indikator")["poin"]
    share = latest / tables["indikator"].set_index("kode")["max_poin"]
    assert share[["K3-17", "K2-11", "K5-21", "K5-22"]].max() < share[["K1-04", "K3-12", "K4-19"]].min()


def test_same_seed_same_points():
    indikator = city.make_indikator()
    first = city.make_evaluasi_kota(np.random.default_rng(5), indikator)
    again = city.make_evaluasi_kota(np.random.default_rng(5), indikator)
    pd.testing.assert_frame_equal(first, again)


def test_kategori_resmi_is_the_curated_file_unchanged():
    kr = sample_tables()["kategori_resmi"]
    pd.testing.assert_frame_equal(kr.reset_index(drop=True), curated.official_categories())
    assert kr["sumber"].str.startswith("https://").all()
