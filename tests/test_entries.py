"""One-row entries of the Catat form: ids, replace-or-append, nothing else in the file touched."""

import pytest

from kla.desk.entries import next_id, read_csv_text, upsert_row

HEADER = "id,tanggal,jenis,judul,kode_kelurahan,penyelenggara,peserta_anak,peserta_dewasa,blok,id_inisiatif\n"
ROWS = ("KEG-000007,2025-01-02,forum anak,\"Forum, pagi\",64.71.01.1001,DP3AKB,10,2,K1,\n"
        "KEG-000012,2025-01-05,verifikasi,Verifikasi,,DP3AKB,0,5,KL,INI-0003\n")


def files() -> dict[str, bytes]:
    return {"kegiatan.csv": (HEADER + ROWS).encode(), "wilayah.csv": b"kode\n64.71.01\n"}


def test_next_id_follows_the_highest_number_and_keeps_the_width():
    assert next_id(["KEG-000007", "KEG-000012", "catatan"], "kegiatan") == "KEG-000013"
    assert next_id([], "inisiatif") == "INI-0001"
    assert next_id(["INI-0099"], "inisiatif") == "INI-0100"


def test_a_new_row_is_appended_as_the_next_spreadsheet_row():
    row = {"id": "KEG-000013", "tanggal": "2025-02-01", "jenis": "sosialisasi KIE", "judul": "KIE",
           "kode_kelurahan": "64.71.01.1002", "penyelenggara": "Puskesmas", "peserta_anak": 30,
           "peserta_dewasa": 4, "blok": "K3", "id_inisiatif": None}
    new, line = upsert_row(files(), "kegiatan", row)
    table = read_csv_text(new["kegiatan.csv"])
    assert line == 4  # header, two rows, then this one
    assert table["id"].tolist() == ["KEG-000007", "KEG-000012", "KEG-000013"]
    assert table.iloc[2]["peserta_anak"] == "30" and table.iloc[2]["id_inisiatif"] == ""
    assert table.iloc[0]["judul"] == "Forum, pagi", "a quoted comma survives"
    assert new["wilayah.csv"] == files()["wilayah.csv"], "other files are untouched"


def test_a_row_with_an_existing_key_replaces_that_row_in_place():
    row = dict(read_csv_text(files()["kegiatan.csv"]).iloc[0]) | {"peserta_anak": "11"}
    new, line = upsert_row(files(), "kegiatan", row)
    table = read_csv_text(new["kegiatan.csv"])
    assert line == 2
    assert table["peserta_anak"].tolist() == ["11", "0"]
    assert len(table) == 2


def test_an_unknown_field_is_refused_not_dropped():
    with pytest.raises(ValueError, match="kolom catatan"):
        upsert_row(files(), "kegiatan", {"id": "KEG-000001", "catatan": "x"})
