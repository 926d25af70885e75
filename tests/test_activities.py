"""Initiative and activity tables: region names, filters, summaries (tiny city)."""

import datetime as dt

from kla.activities import activity_summary, activity_table, filter_activities
from kla.initiatives import filter_initiatives, initiative_table
from kla.loading import load_dataset


def test_activity_filters_and_summary(tiny_city):
    data = load_dataset(tiny_city).dataset
    table = activity_table(data.kegiatan, data.kelurahan)
    assert table.loc[table["id"] == "KEG-000001", "nama_kelurahan"].item() == "Tingkat kota"
    february = filter_activities(table, dt.date(2025, 2, 1), dt.date(2025, 2, 28))
    assert sorted(february["id"]) == ["KEG-000002", "KEG-000003"]
    selatan = filter_activities(table, kecamatan=["64.71.05"])
    assert list(selatan["id"]) == ["KEG-000003"]
    summary = activity_summary(filter_activities(table, types=["rapat gugus tugas"]))
    assert (summary.kegiatan, summary.peserta_anak, summary.peserta_dewasa, summary.kelurahan) == (2, 2, 58, 0)


def test_end_date_is_inclusive(tiny_city):
    data = load_dataset(tiny_city).dataset
    table = activity_table(data.kegiatan, data.kelurahan)
    assert list(filter_activities(table, dt.date(2025, 3, 5), dt.date(2025, 3, 5))["id"]) == ["KEG-000004"]


def test_initiative_filters(tiny_city):
    data = load_dataset(tiny_city).dataset
    table = initiative_table(data.inisiatif, data.kelurahan)
    assert list(table["nama_kecamatan"]) == ["Balikpapan Tengah", "Balikpapan Selatan", "Balikpapan Selatan"]
    assert list(filter_initiatives(table, kecamatan=["64.71.05"], statuses=["rencana"])["id"]) == ["INI-0002"]
    assert list(filter_initiatives(table, query="sungainangka")["id"]) == ["INI-0002"]  # by kelurahan name
    assert list(filter_initiatives(table, query="CSR")["id"]) == ["INI-0003"]
    assert filter_initiatives(table, types=["PUSPAGA"]).empty


def test_initiative_search_finds_the_english_description_too(tiny_city):
    data = load_dataset(tiny_city).dataset
    table = initiative_table(data.inisiatif, data.kelurahan)
    table["deskripsi_en"] = ["Reading corner", "Family counselling", None]
    assert list(filter_initiatives(table, query="counselling")["id"]) == [table["id"].iloc[1]]
    assert filter_initiatives(table.drop(columns="deskripsi_en"), query="counselling").empty
