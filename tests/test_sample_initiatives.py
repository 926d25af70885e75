"""kla.sample.initiatives: Forum Anak everywhere, the real named services as curated, invented ones drawn."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kla.sample import curated, initiatives
from kla.sample.timeline import TODAY
from kla.schema import INITIATIVE_STATUSES, INITIATIVE_TYPES
from tests.sample_data import kelurahan_names, sample_tables


def test_initiatives_cover_every_type_and_status():
    ini = sample_tables()["inisiatif"]
    assert 120 <= len(ini) <= 200 and ini["id"].is_unique
    assert set(ini["jenis"]) == set(INITIATIVE_TYPES)
    assert set(ini["status"]) == set(INITIATIVE_STATUSES)
    assert ini["lat"].isna().all() and ini["lon"].isna().all()


def test_a_forum_anak_in_every_kelurahan_with_the_reported_detail():
    tables = sample_tables()
    forum = tables["inisiatif"][tables["inisiatif"]["jenis"] == "Forum Anak"]
    assert forum["kode_kelurahan"].nunique() == 34
    names = forum.set_index(forum["kode_kelurahan"].map(kelurahan_names(tables)))["deskripsi"]
    assert names["Kariangau"].endswith("beranggotakan 15 anak usia 12-18 tahun.")
    assert names.drop("Kariangau").str.endswith("dalam Musrenbang.").all()


def test_named_services_appear_as_curated_with_their_place_marked():
    tables = sample_tables()
    ini = tables["inisiatif"].set_index("nama")
    codes = {name: kode for kode, name in kelurahan_names(tables).items()}
    for item in curated.named_initiatives().itertuples(index=False):
        row = ini.loc[item.nama]
        assert row["kode_kelurahan"] == codes[item.kelurahan], item.nama
        assert row["tanggal_mulai"] == pd.Timestamp(item.tanggal_mulai), item.nama
        assert row["deskripsi"].endswith(initiatives.LOCATION_NOTE + ".") != item.lokasi_pasti, item.nama


def test_dates_agree_with_the_status_as_of_the_samples_today():
    ini = sample_tables()["inisiatif"]
    assert ini["tanggal_mulai"].max() <= pd.Timestamp("2027-06-30")
    assert (ini.loc[ini["status"] == "rencana", "tanggal_mulai"] > TODAY).all()
    ended = ini[ini["status"].isin(["selesai", "terhenti"])]
    assert ended["tanggal_selesai"].notna().all() and (ended["tanggal_selesai"] >= ended["tanggal_mulai"]).all()
    assert (ended["tanggal_selesai"] < TODAY).all()


def test_a_named_service_in_an_unknown_kelurahan_is_refused(monkeypatch):
    named = curated.named_initiatives()
    named.loc[0, "kelurahan"] = "Kampung Baru"
    monkeypatch.setattr(curated, "named_initiatives", lambda: named)
    expected = r"inisiatif_nyata\.csv: kelurahan tidak ada di wilayah\.csv: \['Kampung Baru'\]"
    with pytest.raises(ValueError, match=expected):
        initiatives.make_inisiatif(np.random.default_rng(1), sample_tables()["wilayah"])
