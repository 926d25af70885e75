"""An accepted upload written into the complete data set, replacing or merging by key; loaded for real."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from kla.intake import Upload, apply_choices, merge_into, read_upload
from kla.loading import LoadResult, load_dataset
from tests.intake_files import xlsx


def current_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.csv"))}


def tiny_wilayah(folder: Path) -> pd.DataFrame:
    return pd.read_csv(folder / "wilayah.csv", dtype=str, keep_default_na=False)


def load(files: dict[str, bytes], folder: Path) -> LoadResult:
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return load_dataset(folder, cache=False)


def text_table(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)


def test_gabung_replaces_rows_of_the_same_key_and_adds_new_ones(tiny_city, tmp_path):
    before = current_files(tiny_city)
    # all six blocks
    new_year = "".join(f"2026;Sepinggan;{blok};100\r\n" for blok in ("KL", "K1", "K2", "K3", "K4", "K5"))
    upload = "Tahun;Kelurahan;Blok;Poin\r\n2025;Sepinggan;KL;120,5\r\n" + new_year
    intake = read_upload([Upload("sepinggan.csv", upload.encode())], tiny_wilayah(tiny_city))
    assert intake.ok, intake.problems
    after = merge_into(before, intake, "gabung")
    assert set(after) == set(before)
    assert {n: d for n, d in after.items() if n != "skor_kelurahan.csv"} == {
        n: d for n, d in before.items() if n != "skor_kelurahan.csv"}  # other files byte for byte
    old, new = text_table(before["skor_kelurahan.csv"]), text_table(after["skor_kelurahan.csv"])
    assert len(new) == len(old) + 6
    replaced = (new["tahun"] == "2025") & (new["kode_kelurahan"] == "64.71.05.1002") & (new["blok"] == "KL")
    assert new.loc[replaced, "poin"].tolist() == ["120.5"]
    # in place
    assert new.index[replaced].tolist() == old.index[
        (old["tahun"] == "2025") & (old["kode_kelurahan"] == "64.71.05.1002") & (old["blok"] == "KL")].tolist()
    assert new.iloc[-6].tolist() == ["2026", "64.71.05.1002", "KL", "100"]
    untouched = ~replaced.iloc[: len(old)]
    assert new.iloc[: len(old)][untouched.to_numpy()].equals(old[untouched.to_numpy()])
    result = load(after, tmp_path / "baru")
    assert result.ok, result.problems
    skor = result.dataset.skor_kelurahan
    assert skor.loc[(skor["tahun"] == 2025) & (skor["kode_kelurahan"] == "64.71.05.1002") & (skor["blok"] == "KL"),
                    "poin"].tolist() == [120.5]


def test_gabung_changes_only_the_columns_the_upload_has(tiny_city, tmp_path):
    before = current_files(tiny_city)
    # Only the required columns: the description and end date of INI-0003 must survive.
    header = "id,nama,jenis,kode_kelurahan,blok,jenis_mitra,nama_mitra,status,tanggal_mulai"
    row = "INI-0003,RBRA Sepinggan,RBRA,64.71.05.1002,K4,dunia usaha/CSR,PT Contoh,selesai,01/02/2024"
    intake = read_upload([Upload("inisiatif.csv", f"{header}\n{row}\n".encode())], tiny_wilayah(tiny_city))
    assert intake.ok, intake.problems
    after = text_table(merge_into(before, intake, "gabung")["inisiatif.csv"])
    ini3 = after[after["id"] == "INI-0003"].iloc[0]
    assert (ini3["status"], ini3["tanggal_mulai"], ini3["deskripsi"], ini3["tanggal_selesai"]) == (
        "selesai", "2024-02-01", "Dana CSR berhenti", "2024-08-31")
    assert len(after) == 3


def test_ganti_replaces_the_whole_file(tiny_city, tmp_path):
    before = current_files(tiny_city)
    content = xlsx({"peta_jalan": [["tahun", "blok", "target_poin"], [2027, "TOTAL", 905], [2028, "TOTAL", 915]]})
    intake = read_upload([Upload("target.xlsx", content)], tiny_wilayah(tiny_city))
    assert intake.ok, intake.problems
    after = merge_into(before, intake)
    assert after["peta_jalan.csv"] == b"tahun,blok,target_poin\n2027,TOTAL,905\n2028,TOTAL,915\n"
    assert {n: d for n, d in after.items() if n != "peta_jalan.csv"} == {n: d for n, d in before.items()
                                                                         if n != "peta_jalan.csv"}
    result = load(after, tmp_path / "baru")
    assert result.ok, result.problems
    assert result.dataset.peta_jalan["target_poin"].tolist() == [905.0, 915.0]


def test_ganti_writes_absent_optional_columns_empty(tiny_city):
    header = "id,tanggal,jenis,judul,kode_kelurahan,penyelenggara,peserta_anak,peserta_dewasa,blok"
    intake = read_upload([Upload("kegiatan.csv",
                                 f"{header}\nKEG-000009,2025-04-01,forum anak,Kumpul,,DP3AKB,3,1,K1\n".encode())],
                         tiny_wilayah(tiny_city))
    assert intake.ok, intake.problems
    after = merge_into(current_files(tiny_city), intake, "ganti")
    assert after["kegiatan.csv"].decode() == (
        "id,tanggal,jenis,judul,judul_en,kode_kelurahan,penyelenggara,peserta_anak,peserta_dewasa,blok,id_inisiatif\n"
        "KEG-000009,2025-04-01,forum anak,Kumpul,,,DP3AKB,3,1,K1,\n")  # judul_en and id_inisiatif left empty


def test_keys_compare_by_value_and_case():
    current = {"peta_jalan.csv": b"tahun,blok,target_poin\n2027.0,total,900\n2028,K1,100\n"}
    intake = read_upload([Upload("peta_jalan.csv", b"tahun,blok,target_poin\n2027,TOTAL,905\n")], pd.DataFrame(
        columns=["kode", "tingkat", "nama", "kode_induk", "alias"]))
    after = merge_into(current, intake, "gabung")
    assert after["peta_jalan.csv"] == b"tahun,blok,target_poin\n2027,TOTAL,905\n2028,K1,100\n"


def test_an_xlsx_of_the_same_data_file_gives_way_to_the_new_csv():
    current = {"peta_jalan.xlsx": b"PK...", "sumber.csv": b"berkas\n"}
    intake = read_upload([Upload("peta_jalan.csv", b"tahun,blok,target_poin\n2027,TOTAL,905\n")],
                         pd.DataFrame(columns=["kode", "tingkat", "nama", "kode_induk", "alias"]))
    assert set(merge_into(current, intake)) == {"peta_jalan.csv", "sumber.csv"}


def test_an_intake_with_problems_or_open_proposals_is_not_merged(tiny_city):
    wilayah = tiny_wilayah(tiny_city)
    bad = read_upload([Upload("x.csv", b"tahun,kode_kelurahan,blok,poin\n2025,64.71.05.1002,K1,banyak\n")], wilayah)
    waiting = read_upload([Upload("x.csv", b"tahun,kelurahan,blok,poin\n2025,Sepingan,K1,1\n")], wilayah)
    assert waiting.proposals and not waiting.problems
    for intake in (bad, waiting):
        with pytest.raises(ValueError, match="masih bermasalah"):
            merge_into(current_files(tiny_city), intake)


def test_indonesian_workbook_with_misspelt_names_end_to_end(tiny_city, tmp_path):
    """The issue's "done when": Indonesian-locale XLSX, misspelt kelurahan, fixed, merged, loaded."""
    content = xlsx({"Nilai KLA": [
        ["REKAP PENILAIAN KELURAHAN LAYAK ANAK 2025"],
        [None],
        ["No", "Nama Kelurahan", "Tahun", "Klaster", "Nilai"],
        [1, "Sepingan", 2025, "Kelembagaan", "118,5"],
        [2, "Sungai Nangka", 2025, "Klaster I", "99,25"],
        [3, "GSU", 2025, "Klaster V", 200],
        [None, "Jumlah", None, None, "417,75"],
    ]})
    intake = read_upload([Upload("Rekap Nilai Kelurahan.xlsx", content)], tiny_wilayah(tiny_city))
    assert intake.problems == []
    (proposal,) = intake.proposals
    assert (proposal.baris, proposal.kolom, proposal.teks, proposal.candidates[0][0]) == (4, "Nama Kelurahan",
                                                                                          "Sepingan", "64.71.05.1002")
    fixed = apply_choices(intake, {proposal.key: proposal.candidates[0][0]})
    assert fixed.ok
    assert fixed.tables["skor_kelurahan"].to_dict("records") == [
        {"tahun": "2025", "kode_kelurahan": "64.71.05.1002", "blok": "KL", "poin": "118.5"},
        {"tahun": "2025", "kode_kelurahan": "64.71.05.1010", "blok": "K1", "poin": "99.25"},
        {"tahun": "2025", "kode_kelurahan": "64.71.04.1001", "blok": "K5", "poin": "200"},
    ]
    result = load(merge_into(current_files(tiny_city), fixed, "gabung"), tmp_path / "baru")
    assert result.ok, result.problems
    skor = result.dataset.skor_kelurahan.set_index(["tahun", "kode_kelurahan", "blok"])["poin"]
    assert (skor[(2025, "64.71.05.1002", "KL")], skor[(2025, "64.71.05.1010", "K1")],
            skor[(2025, "64.71.04.1001", "K5")]) == (
        118.5, 99.25, 200.0)


def test_a_whole_data_set_as_one_workbook_round_trips(tiny_city, tmp_path):
    """Every data file as a sheet (numbers as numbers, as Excel keeps them): read back, written, loaded equal."""
    original = load_dataset(tiny_city, cache=False)
    assert original.ok
    book = io.BytesIO()
    with pd.ExcelWriter(book, engine="openpyxl") as writer:
        for path in sorted(tiny_city.glob("*.csv")):
            pd.read_csv(path, keep_default_na=False).to_excel(writer, sheet_name=path.stem, index=False)
    intake = read_upload([Upload("semua.xlsx", book.getvalue())], tiny_wilayah(tiny_city))
    assert intake.ok, intake.problems
    assert sorted(intake.tables) == sorted(p.stem for p in tiny_city.glob("*.csv"))
    result = load(merge_into(current_files(tiny_city), intake), tmp_path / "baru")
    assert result.ok, result.problems
    for name in intake.tables:
        pd.testing.assert_frame_equal(getattr(result.dataset, name), getattr(original.dataset, name), obj=name)
