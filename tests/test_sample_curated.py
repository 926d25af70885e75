"""kla.sample.curated and kla/sample/facts/*.csv: readable, every fact with a source, and the facts of KLA.md.

Expected values are typed from shared/domain/KLA.md (tests/kla_md.py), never read from the files.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from kla.sample import curated
from kla.sample.timeline import ACTIVITY_END, ACTIVITY_START
from kla.schema import BLOCKS, INITIATIVE_STATUSES, INITIATIVE_TYPES, PARTNER_TYPES
from tests.kla_md import (
    ALL_KECAMATAN,
    ALL_KELURAHAN,
    CHILDREN_0_17,
    KECAMATAN_POPULATION,
    REAL_CATEGORY,
    REPORTED_2023_SCORES,
)


def test_the_facts_folder_holds_exactly_the_listed_files_and_a_readme():
    on_disk = {p.stem for p in curated.FACTS_DIR.glob("*.csv")}
    assert on_disk == set(curated.FACT_FILES)
    readme = (curated.FACTS_DIR / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}.csv`" in readme for name in curated.FACT_FILES)


@pytest.mark.parametrize("name", curated.FACT_FILES)
def test_every_fact_has_a_source(name):
    table = curated.read_facts(name)
    assert len(table) > 0
    sources = table["sumber"].str.strip()
    assert (sources != "").all()
    # A source is a web address or a named document, never a bare word.
    assert sources.str.contains(r"https?://|Kepmendagri|KLA\.md").all(), sources[~sources.str.contains("http")]


def test_a_fact_without_a_source_is_refused_with_file_and_row(tmp_path):
    folder = tmp_path / "facts"
    shutil.copytree(curated.FACTS_DIR, folder)
    table = pd.read_csv(folder / "kategori_resmi.csv", dtype=str, keep_default_na=False)
    table.loc[2, "sumber"] = "  "
    table.to_csv(folder / "kategori_resmi.csv", index=False)
    with pytest.raises(curated.FactError, match=r"kategori_resmi\.csv, baris 4, kolom sumber: kosong"):
        curated.official_categories(folder)


def test_a_facts_file_without_a_source_column_is_refused(tmp_path):
    (tmp_path / "forum_anak.csv").write_text("kelurahan,keterangan\nKariangau,15 anak\n", encoding="utf-8")
    with pytest.raises(curated.FactError, match="tidak ada kolom 'sumber'"):
        curated.forum_anak_notes(tmp_path)


def test_a_missing_facts_file_is_named(tmp_path):
    with pytest.raises(curated.FactError, match=r"penduduk\.csv: berkas fakta tidak terbaca"):
        curated.children_0_17(tmp_path)


# --- regions ------------------------------------------------------------------------------------------


def test_regions_are_the_34_kelurahan_and_6_kecamatan_of_kla_md():
    w = curated.regions()
    assert list(w.columns) == ["kode", "tingkat", "nama", "kode_induk", "alias"]
    assert w["kode"].is_unique
    kel = w[w["tingkat"] == "kelurahan"]
    kec = w[w["tingkat"] == "kecamatan"]
    assert dict(zip(kel["kode"], kel["nama"])) == ALL_KELURAHAN
    assert dict(zip(kec["kode"], kec["nama"])) == ALL_KECAMATAN
    assert (kec["kode_induk"] == "").all()
    for kode, induk in zip(kel["kode"], kel["kode_induk"]):
        assert kode.startswith(induk + "."), kode


def test_kelurahan_per_kecamatan_and_the_gaps_of_balikpapan_selatan():
    w = curated.regions()
    kel = w[w["tingkat"] == "kelurahan"]
    counts = kel["kode_induk"].map(ALL_KECAMATAN).value_counts().to_dict()
    assert counts == {"Balikpapan Timur": 4, "Balikpapan Barat": 6, "Balikpapan Utara": 6,
                      "Balikpapan Tengah": 6, "Balikpapan Selatan": 7, "Balikpapan Kota": 5}
    selatan = sorted(kel.loc[kel["kode_induk"] == "64.71.05", "kode"])
    assert selatan == ["64.71.05.1002", "64.71.05.1006", "64.71.05.1008", "64.71.05.1009",
                       "64.71.05.1010", "64.71.05.1011", "64.71.05.1012"]


def test_the_spelling_variants_of_kla_md_are_listed():
    aliases = {a.strip() for cell in curated.regions()["alias"] for a in cell.split(";") if a.strip()}
    for variant in ("Sungai Nangka", "Mekarsari", "Margasari", "Margomulyo", "Gunungsamarinda", "Gunungsari Ulu",
                    "Gunungsari Ilir", "Gunungbahagia", "Muararapak", "GSU", "Karingau", "Balteng"):
        assert variant in aliases, variant


def test_every_alias_names_its_evidence_and_the_unsourced_one_is_known():
    table = curated.read_facts("wilayah")
    with_alias = table[table["alias"] != ""]
    assert (with_alias["sumber_alias"].str.strip() != "").all()
    assert (table.loc[table["alias"] == "", "sumber_alias"] == "").all()
    # Reported, not fixed: "Telagasari" is in neither KLA.md nor the research notes.
    unsourced = with_alias.loc[with_alias["sumber_alias"].str.startswith("TANPA SUMBER"), "alias"]
    assert unsourced.tolist() == ["Telagasari"]


# --- categories, population, indicators -------------------------------------------------------------


def test_official_categories_are_the_published_path():
    kr = curated.official_categories()
    by_year = kr.groupby("tahun")["kategori"].first()
    assert {int(y): (None if pd.isna(c) else c) for y, c in by_year.items()} == REAL_CATEGORY
    assert sorted(kr.loc[kr["tahun"] == 2023, "skor_dilaporkan"]) == REPORTED_2023_SCORES
    assert kr.loc[kr["tahun"] != 2023, "skor_dilaporkan"].isna().all()  # no other score was published
    sources_2023 = " ".join(kr.loc[kr["tahun"] == 2023, "sumber"])
    assert "suara.com" in sources_2023 and "niaga.asia" in sources_2023
    assert kr.loc[kr["tahun"] == 2025, "keterangan"].str.contains("85/2025").all()


def test_population_is_the_one_series_of_kla_md():
    names = curated.regions().set_index("kode")["nama"]
    by_name = {names[kode]: count for kode, count in curated.kecamatan_population().items()}
    assert by_name == KECAMATAN_POPULATION
    assert curated.children_0_17() == CHILDREN_0_17
    periods = set(curated.population().query("umur == 'semua umur'")["periode"])
    assert periods == {"DKB Semester I 2024"}


def test_two_city_child_counts_are_refused(tmp_path):
    shutil.copytree(curated.FACTS_DIR, tmp_path / "facts")
    path = tmp_path / "facts" / "penduduk.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1].replace("223233", "217755")]) + "\n", encoding="utf-8")
    with pytest.raises(curated.FactError, match="tepat satu baris kode 64.71 umur 0-17, ada 2"):
        curated.children_0_17(tmp_path / "facts")


def test_indicators_are_the_24_of_kla_md_in_six_blocks():
    ind = curated.indicators()
    assert ind["kode"].is_unique and len(ind) == 24
    assert [int(k[-2:]) for k in ind["kode"]] == list(range(1, 25))
    assert ind["kode"].str[:2].value_counts().to_dict() == {"KL": 3, "K1": 3, "K2": 5, "K3": 6, "K4": 3, "K5": 4}
    names = dict(zip(ind["kode"], ind["nama_id"]))
    assert "akta kelahiran" in names["K1-04"] and "PUSPAGA" in names["K2-08"] and "PAUD" in names["K2-10"]
    assert "max_poin" not in ind.columns  # no official weights are published


# --- named services, meetings, Forum Anak ---------------------------------------------------------------


def test_named_initiatives_are_valid_records_in_known_kelurahan():
    named = curated.named_initiatives()
    assert set(named["kelurahan"]) <= set(ALL_KELURAHAN.values())
    assert set(named["jenis"]) <= set(INITIATIVE_TYPES)
    assert set(named["status"]) <= set(INITIATIVE_STATUSES)
    assert set(named["jenis_mitra"]) <= set(PARTNER_TYPES)
    assert set(named["blok"]) <= set(BLOCKS)
    assert set(curated.read_facts("inisiatif_nyata")["lokasi_pasti"]) <= {"ya", "tidak"}
    assert set(named["tanggal_pasti"]) <= {"hari", "bulan", "tahun", "tidak"}
    starts = pd.to_datetime(named["tanggal_mulai"], format="%Y-%m-%d")
    ends = pd.to_datetime(named["tanggal_selesai"], format="%Y-%m-%d")
    assert (ends.isna() | (ends >= starts)).all()
    text = " | ".join(named["nama"])
    for real in ("PUSPAGA Harapan", "PISA", "Taman Bekapai", "Taman Tiga Generasi", "K-Daycare Harapan Korpri",
                 "Masjid Amirul Haq", "Masjid Al Aman", "Gereja Agape Sepinggan", "Mekar Sari",
                 "Kampung Pustaka Gunung Sari Ulu", "Zero ATS"):
        assert real in text, real


def test_reported_meetings_fall_inside_the_activity_log():
    meetings = curated.known_meetings()
    assert meetings[(2025, 5)][0] == "2025-05-23"
    assert meetings[(2025, 11)][0] == "2025-11-07"
    for date, _ in meetings.values():
        assert ACTIVITY_START <= pd.Timestamp(date) <= ACTIVITY_END


def test_forum_anak_notes_name_known_kelurahan():
    notes = curated.forum_anak_notes()
    assert set(notes) <= set(ALL_KELURAHAN.values())
    indonesian, english = notes["Kariangau"]
    assert "15 anak usia 12-18 tahun" in indonesian
    assert "aged 12-18" in english


def test_readers_return_fresh_tables():
    first = curated.regions()
    first.loc[0, "nama"] = "Diubah"
    assert curated.regions().loc[0, "nama"] == "Balikpapan Timur"

