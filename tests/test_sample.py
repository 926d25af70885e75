"""Sample data: deterministic, valid, and faithful to the real facts in shared/domain/KLA.md.

The expected values below are typed from KLA.md by hand, not read back from kla.sample.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from kla import sample
from kla.loading import Dataset, csv_bytes, load_dataset
from kla.schema import FILES, INITIATIVE_STATUSES, INITIATIVE_TYPES, parse_table
from kla.scoring import category_for

# KLA.md, "Balikpapan's path": the evaluated rounds and the category of each.
REAL_CATEGORY = {2017: "Madya", 2019: "Nindya", 2021: "Nindya", 2022: "Nindya", 2023: "Utama", 2025: "Utama"}
INDICATOR_CODES = [
    "KL-01", "KL-02", "KL-03", "K1-04", "K1-05", "K1-06", "K2-07", "K2-08", "K2-09", "K2-10", "K2-11",
    "K3-12", "K3-13", "K3-14", "K3-15", "K3-16", "K3-17", "K4-18", "K4-19", "K4-20",
    "K5-21", "K5-22", "K5-23", "K5-24",
]
PERI_URBAN = ["Kariangau", "Teritip", "Lamaru", "Karang Joang"]
CENTRAL = ["Klandasan Ilir", "Klandasan Ulu", "Gunung Sari Ulu", "Karang Rejo", "Damai"]
TODAY = pd.Timestamp("2026-11-22")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("sample") / "data"
    result = sample.write_sample(target, seed=2025)
    assert result.ok, result.problems[:10]
    return target


@pytest.fixture(scope="module")
def data(folder) -> Dataset:
    result = load_dataset(folder)
    assert result.ok, result.problems[:10]
    return result.dataset


def kelurahan_totals(data: Dataset) -> pd.DataFrame:
    """Total per kelurahan name (rows) and year (columns)."""
    sk = data.skor_kelurahan
    totals = sk.groupby(["kode_kelurahan", "tahun"])["poin"].sum().unstack()
    totals.index = totals.index.map(data.kelurahan.set_index("kode")["nama"])
    return totals


# --- determinism and validity -------------------------------------------------------------------------


def test_generated_folder_loads_with_zero_problems(folder):
    result = load_dataset(folder)
    assert result.ok and result.problems == []


def test_same_seed_gives_byte_identical_files(folder, tmp_path):
    again = tmp_path / "again"
    assert sample.write_sample(again, seed=2025).ok
    for name in FILES:
        assert (folder / f"{name}.csv").read_bytes() == (again / f"{name}.csv").read_bytes(), name


def test_other_seed_gives_other_data(folder, tmp_path):
    other = tmp_path / "other"
    assert sample.write_sample(other, seed=7).ok
    for name in ("evaluasi_kota", "skor_kelurahan", "inisiatif", "kegiatan", "wilayah"):
        assert (folder / f"{name}.csv").read_bytes() != (other / f"{name}.csv").read_bytes(), name
    assert (folder / "kategori_resmi.csv").read_bytes() == (other / "kategori_resmi.csv").read_bytes()


def test_generate_returns_every_file_with_spec_columns():
    tables = sample.generate(2025)
    assert list(tables) == list(FILES)
    for name, spec in FILES.items():
        assert list(tables[name].columns) == [c.name for c in spec.columns], name


# --- the real path ----------------------------------------------------------------------------------


def test_evaluated_years_are_the_real_rounds(data):
    assert set(data.evaluasi_kota["tahun"]) == {2017, 2019, 2021, 2022, 2023, 2025}


def test_each_year_total_falls_in_the_real_category(data):
    totals = data.evaluasi_kota.groupby("tahun")["poin"].sum()
    assert {int(y): category_for(float(t)) for y, t in totals.items()} == REAL_CATEGORY
    assert list(totals) == sorted(totals)  # the score never fell from one round to the next


def test_indicator_catalogue(data):
    ind = data.indikator
    assert list(ind["kode"]) == INDICATOR_CODES
    assert ind["max_poin"].sum() == pytest.approx(1000)
    assert ind["bobot_ilustratif"].all()
    assert ind.groupby("blok").size().to_dict() == {"KL": 3, "K1": 3, "K2": 5, "K3": 6, "K4": 3, "K5": 4}


def test_laggard_indicators_are_below_the_leaders(data):
    latest = data.evaluasi_kota[data.evaluasi_kota["tahun"] == 2025].set_index("kode_indikator")["poin"]
    share = latest / data.indikator.set_index("kode")["max_poin"]
    assert share[["K3-17", "K2-11", "K5-21", "K5-22"]].max() < share[["K1-04", "K3-12", "K4-19"]].min()


def test_official_categories_are_the_published_facts(data):
    kr = data.kategori_resmi
    assert 2016 not in set(kr["tahun"]) and 2018 not in set(kr["tahun"])
    by_year = kr.groupby("tahun")["kategori"].first()
    for year in (2012, 2013, 2014, 2015):
        assert by_year[year] == "Pratama"
    for year, category in REAL_CATEGORY.items():
        assert by_year[year] == category
    assert pd.isna(by_year[2020]) and pd.isna(by_year[2024])
    reported_2023 = kr[kr["tahun"] == 2023]
    assert sorted(reported_2023["skor_dilaporkan"]) == [817, 891]
    assert reported_2023["sumber"].str.contains("niaga.asia").any()
    assert reported_2023["sumber"].str.contains("suara.com").any()
    assert kr["sumber"].str.startswith("https://").all()
    assert kr.loc[kr["tahun"] == 2025, "keterangan"].str.contains("85/2025").all()


# --- kelurahan, initiatives, activities ---------------------------------------------------------------


def test_all_34_kelurahan_scored_every_year(data):
    sk = data.skor_kelurahan
    assert sorted(set(sk["tahun"])) == [2022, 2023, 2024, 2025]
    for _, group in sk.groupby("tahun"):
        assert group["kode_kelurahan"].nunique() == 34
        assert len(group) == 34 * 6


def test_kelurahan_differ_as_expected(data):
    totals = kelurahan_totals(data)
    assert totals.min().min() >= 500 and totals.max().max() <= 900
    assert totals.loc[PERI_URBAN, 2025].max() < totals.loc[CENTRAL, 2025].min()
    steps = totals.diff(axis=1).drop(columns=2022).to_numpy()
    assert (steps > 0).mean() >= 0.75  # most kelurahan improve year to year
    assert (steps <= 0).any()  # a few stall or drop


def test_children_split_adds_up(data):
    w = data.wilayah
    assert w.loc[w["tingkat"] == "kecamatan", "anak_0_17"].isna().all()
    assert int(w.loc[w["tingkat"] == "kelurahan", "anak_0_17"].sum()) == 223_233


def test_initiatives(data):
    ini = data.inisiatif
    assert 120 <= len(ini) <= 200
    assert set(ini["jenis"]) == set(INITIATIVE_TYPES)
    assert set(ini["status"]) == set(INITIATIVE_STATUSES)
    forum = ini[ini["jenis"] == "Forum Anak"]
    assert forum["kode_kelurahan"].nunique() == 34
    names = " | ".join(ini["nama"])
    for real in ("PUSPAGA Harapan", "PISA", "Taman Bekapai", "Taman Tiga Generasi", "K-Daycare Harapan Korpri",
                 "Masjid Amirul Haq", "Masjid Al Aman", "Gereja Agape Sepinggan", "Mekar Sari",
                 "Kampung Pustaka Gunung Sari Ulu", "Zero ATS"):
        assert real in names, real
    assert ini["lat"].isna().all() and ini["lon"].isna().all()
    assert ini["tanggal_mulai"].max() <= pd.Timestamp("2027-06-30")
    assert (ini.loc[ini["status"] == "rencana", "tanggal_mulai"] > TODAY).all()
    assert ini.loc[ini["status"].isin(["selesai", "terhenti"]), "tanggal_selesai"].notna().all()


def test_activities(data):
    keg = data.kegiatan
    assert 2500 <= len(keg) <= 3500
    assert keg["tanggal"].min() >= pd.Timestamp("2023-01-01")
    assert keg["tanggal"].max() <= pd.Timestamp("2026-11-15")
    meetings = keg[keg["jenis"] == "rapat gugus tugas"]
    assert meetings["kode_kelurahan"].isna().all() and (meetings["penyelenggara"] == "DP3AKB").all()
    assert meetings["tanggal"].dt.to_period("M").nunique() >= 46  # every month 2023-01..2026-11
    assert pd.Timedelta(days=7) <= TODAY - meetings["tanggal"].max() <= pd.Timedelta(days=42)
    counts = keg["jenis"].value_counts()
    assert counts["sosialisasi KIE"] == counts.max()
    linked = keg.dropna(subset=["id_inisiatif"])
    assert 0.2 <= len(linked) / len(keg) <= 0.4
    place = data.inisiatif.set_index("id")["kode_kelurahan"]
    assert (linked["id_inisiatif"].map(place) == linked["kode_kelurahan"]).all()


def test_roadmap(data):
    pj = data.peta_jalan.set_index(["tahun", "blok"])["target_poin"]
    assert 901 < pj[(2027, "TOTAL")] <= 920 and pj[(2029, "TOTAL")] > pj[(2027, "TOTAL")]
    for year in (2027, 2029):
        blocks = pj[year].drop("TOTAL")
        assert blocks.sum() == pytest.approx(pj[(year, "TOTAL")])


def test_sources_mark_sample_files(data):
    src = data.sumber.set_index("berkas")
    assert set(src.index) == set(FILES) - {"sumber"}
    assert not src.loc["kategori_resmi", "contoh"]
    samples = src.drop("kategori_resmi")
    assert samples["contoh"].all()
    assert samples["sumber"].str.contains("Data contoh").all()


# --- big activity logs for benchmarks ---------------------------------------------------------------


def test_generate_activities_100k_rows_are_valid(data):
    table = sample.generate_activities(100_000, 11, data.wilayah, data.inisiatif)
    assert len(table) == 100_000 and table["id"].is_unique
    raw = pd.read_csv(io.BytesIO(csv_bytes(table)), dtype=str, keep_default_na=False)
    _, problems = parse_table(raw, FILES["kegiatan"], "kegiatan.csv")
    assert problems == []
    assert set(table["jenis"]) == set(FILES["kegiatan"].column("jenis").allowed)
