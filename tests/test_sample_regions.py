"""kla.sample.regions: wilayah from the curated regions, an illustrative child split that adds up, assumed tiers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kla.sample import regions
from tests.kla_md import ALL_KELURAHAN, CHILDREN_0_17, KECAMATAN_POPULATION
from tests.sample_data import sample_tables


def test_wilayah_is_the_curated_regions_plus_children():
    w = sample_tables()["wilayah"]
    assert dict(zip(w.loc[w["tingkat"] == "kelurahan", "kode"], w.loc[w["tingkat"] == "kelurahan", "nama"])) \
        == ALL_KELURAHAN
    assert w.loc[w["tingkat"] == "kecamatan", "anak_0_17"].isna().all()
    kel = w[w["tingkat"] == "kelurahan"]
    assert (kel["anak_0_17"] > 0).all()
    assert int(kel["anak_0_17"].sum()) == CHILDREN_0_17


def test_children_are_split_over_kecamatan_by_population():
    w = sample_tables()["wilayah"]
    kec_names = w[w["tingkat"] == "kecamatan"].set_index("kode")["nama"]
    kel = w[w["tingkat"] == "kelurahan"]
    per_kecamatan = kel.groupby(kel["kode_induk"].map(kec_names))["anak_0_17"].sum()
    total_population = sum(KECAMATAN_POPULATION.values())
    for name, population in KECAMATAN_POPULATION.items():
        assert abs(per_kecamatan[name] - CHILDREN_0_17 * population / total_population) < 1, name


def test_same_seed_same_split_other_seed_other_split():
    def split(seed: int) -> list[int]:
        return regions.make_wilayah(np.random.default_rng(seed))["anak_0_17"].dropna().astype(int).tolist()

    assert split(3) == split(3)
    assert split(3) != split(4)
    assert sum(split(4)) == CHILDREN_0_17


def test_kelurahan_of_adds_the_kecamatan_name_in_file_order():
    kel = regions.kelurahan_of(sample_tables()["wilayah"])
    assert list(kel["kode"]) == list(ALL_KELURAHAN)
    assert kel.set_index("kode").at["64.71.05.1010", "nama_kecamatan"] == "Balikpapan Selatan"


def test_every_kelurahan_has_an_assumed_tier_by_code():
    kel = regions.kelurahan_of(sample_tables()["wilayah"])
    tiers = pd.Series(regions.tier_of(kel), index=kel["nama"])
    assert set(tiers) == set(regions.TIERS)
    # Peri-urban kelurahan low and the dense centre high, as the generator assumes.
    assert (tiers[["Kariangau", "Teritip", "Lamaru", "Karang Joang"]] == "rendah").all()
    assert (tiers[["Klandasan Ilir", "Gunung Sari Ulu", "Damai"]] == "tinggi").all()
    bonus = pd.Series(regions.score_bonus(kel), index=kel["nama"])
    assert bonus[bonus > 0].to_dict() == {"Gunung Sari Ulu": 25.0, "Mekar Sari": 12.0}


def test_a_kelurahan_without_a_tier_stops_the_generator():
    kel = regions.kelurahan_of(sample_tables()["wilayah"])
    extra = pd.concat([kel, pd.DataFrame([{"kode": "64.71.03.1007", "nama": "Batu Ampar Baru"}])], ignore_index=True)
    with pytest.raises(ValueError, match=r"kelurahan\.csv: kelurahan tanpa tingkat layanan: \['64.71.03.1007'\]"):
        regions.tier_of(extra)


def test_an_unknown_tier_is_refused_by_name(tmp_path):
    path = tmp_path / "kelurahan.csv"
    path.write_text("kode,tingkat_layanan,bonus_skor,alasan_bonus\n64.71.01.1001,sangat tinggi,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="tingkat_layanan: \\['sangat tinggi'\\] tidak dikenal"):
        regions.kelurahan_assumptions(path)
