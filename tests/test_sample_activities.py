"""kla.sample.activities: the sample's activity log, and logs of any size for benchmarks."""

from __future__ import annotations

import io

import pandas as pd

from kla.loading import csv_bytes
from kla.sample import generate_activities
from kla.sample.timeline import ACTIVITY_END, ACTIVITY_START, TODAY
from kla.schema import FILES, parse_table
from tests.sample_data import sample_tables


def test_the_samples_log():
    keg = sample_tables()["kegiatan"]
    assert 2500 <= len(keg) <= 3500
    assert keg["tanggal"].min() >= ACTIVITY_START and keg["tanggal"].max() <= ACTIVITY_END
    assert list(keg["id"]) == [f"KEG-{i:06d}" for i in range(1, len(keg) + 1)]
    assert keg["tanggal"].is_monotonic_increasing
    counts = keg["jenis"].value_counts()
    assert counts["sosialisasi KIE"] == counts.max()


def test_about_a_third_of_activities_are_linked_to_an_initiative_in_the_same_kelurahan():
    tables = sample_tables()
    keg = tables["kegiatan"]
    linked = keg.dropna(subset=["id_inisiatif"])
    assert 0.2 <= len(linked) / len(keg) <= 0.4
    ini = tables["inisiatif"].set_index("id")
    assert (linked["id_inisiatif"].map(ini["kode_kelurahan"]) == linked["kode_kelurahan"]).all()
    assert (linked["id_inisiatif"].map(ini["tanggal_mulai"]) <= linked["tanggal"]).all()
    assert (linked["id_inisiatif"].map(ini["status"]) != "rencana").all()


def test_city_level_rows_have_no_kelurahan_organiser():
    keg = sample_tables()["kegiatan"]
    city = keg[keg["kode_kelurahan"].isna()]
    assert not city["penyelenggara"].isin(["Kelurahan", "Kecamatan"]).any()


def test_hari_anak_nasional_activities_fall_around_23_july():
    keg = sample_tables()["kegiatan"]
    hari_anak = keg[keg["judul"].str.contains("Hari Anak Nasional")]
    assert len(hari_anak) > 0
    # 23 July (22 July in leap years), 10 days before to 3 days after
    assert ((hari_anak["tanggal"].dt.month == 7) & hari_anak["tanggal"].dt.day.between(12, 26)).all()


def test_generate_activities_100k_rows_are_valid_and_repeatable():
    tables = sample_tables()
    table = generate_activities(100_000, 11, tables["wilayah"], tables["inisiatif"])
    assert len(table) == 100_000 and table["id"].is_unique
    raw = pd.read_csv(io.BytesIO(csv_bytes(table)), dtype=str, keep_default_na=False)
    _, problems = parse_table(raw, FILES["kegiatan"], "kegiatan.csv")
    assert problems == []
    assert set(table["jenis"]) == set(FILES["kegiatan"].column("jenis").allowed)
    again = generate_activities(1_000, 11, tables["wilayah"], tables["inisiatif"])
    pd.testing.assert_frame_equal(again, generate_activities(1_000, 11, tables["wilayah"], tables["inisiatif"]))
    assert table["tanggal"].max() < TODAY


def test_generate_activities_without_initiatives_links_nothing():
    table = generate_activities(2_000, 3, sample_tables()["wilayah"])
    assert table["id_inisiatif"].isna().all()
