"""The schema's rules, told in the user's own file: their sheet, their row number, their header."""

from __future__ import annotations

from kla.intake import Upload, read_upload
from tests.intake_files import WILAYAH, only_problem, read, xlsx

SKOR_HEADER = ["Tahun", "Kode Kelurahan", "Blok", "POIN"]


def test_a_value_of_the_wrong_type_names_the_users_row_and_column():
    content = xlsx({"Penilaian": [
        ["Rekap Penilaian KLA 2025"],
        ["Kelurahan Sungainangka"],
        [],
        SKOR_HEADER,
        [2025, "64.71.05.1010", "K1", 10],
        [2025, "64.71.05.1010", "K2", "sepuluh"],
    ]})
    problem = only_problem(read("rekap.xlsx", content))
    assert (problem.berkas, problem.baris, problem.kolom, problem.nilai) == ("rekap.xlsx, lembar Penilaian", 6, "POIN",
                                                                             "sepuluh")
    assert problem.harapan == "angka (desimal boleh dengan titik atau koma) antara 0 dan 1000"
    assert str(problem) == ("rekap.xlsx, lembar Penilaian, baris 6, kolom 'POIN': nilai 'sepuluh' tidak sah; "
                            "seharusnya angka (desimal boleh dengan titik atau koma) antara 0 dan 1000")


def test_an_empty_required_cell():
    problem = only_problem(read("skor_kelurahan.csv", "tahun,kode_kelurahan,blok,poin\n2025,64.71.05.1010,,10\n"))
    assert (problem.baris, problem.kolom, problem.nilai, problem.harapan) == (2, "blok", None, "diisi (kolom wajib)")


def test_a_value_outside_the_list():
    problem = only_problem(read("skor_kelurahan.csv", "tahun,kode_kelurahan,blok,poin\n2025,64.71.05.1010,K9,10\n"))
    assert (problem.baris, problem.kolom, problem.nilai) == (2, "blok", "K9")
    assert problem.harapan == "salah satu dari: KL, K1, K2, K3, K4, K5"


def test_a_missing_required_column_names_the_header_row():
    content = xlsx({"skor_kelurahan": [["Rekap"], ["tahun", "kode_kelurahan", "blok"], [2025, "64.71.05.1010", "K1"]]})
    intake = read("nilai.xlsx", content)
    problem = only_problem(intake)
    assert (problem.berkas, problem.baris, problem.kolom, problem.nilai) == ("nilai.xlsx, lembar skor_kelurahan", 2,
                                                                             "poin", None)
    assert problem.harapan == "kolom wajib 'poin' tidak ada (kolom yang ada: tahun, kode_kelurahan, blok)"
    assert intake.tables == {}


def test_the_same_column_twice():
    problem = only_problem(read("skor_kelurahan.csv",
                                "tahun,kode_kelurahan,blok,poin,Poin\n2025,64.71.05.1010,K1,10,11\n"))
    assert (problem.baris, problem.kolom) == (1, "Poin")
    assert problem.harapan == "satu kolom saja untuk poin; kolom 'poin' dan 'Poin' sama-sama berarti poin"


def test_a_key_used_twice_across_two_sheets_names_both_places():
    content = xlsx({
        "2025 a": [SKOR_HEADER, [2025, "64.71.05.1010", "K1", 10]],
        "2025 b": [["Tambahan"], SKOR_HEADER, [2025, "Sungai Nangka", "k1", 11]],
    })
    problem = only_problem(read("nilai.xlsx", content))
    assert (problem.berkas, problem.baris, problem.kolom) == ("nilai.xlsx, lembar 2025 b", 3,
                                                              "Tahun+Kode Kelurahan+Blok")
    assert problem.nilai == "2025 / Sungai Nangka / k1"
    assert problem.harapan == "unik; kunci ini sudah dipakai di nilai.xlsx, lembar 2025 a baris 2"


def test_problems_come_file_by_file_in_upload_order_then_by_row():
    intake = read_upload([
        Upload("b.csv", b"tahun,kode_kelurahan,blok,poin\n2025,64.71.05.1010,K1,x\n2025,64.71.05.1010,K9,1\n"),
        Upload("a.csv", b"tahun,kode_kelurahan,blok,poin\n20x5,64.71.05.1010,K1,1\n"),
    ], WILAYAH)
    assert [(p.berkas, p.baris, p.kolom) for p in intake.problems] == [
        ("b.csv", 2, "poin"), ("b.csv", 3, "blok"), ("a.csv", 2, "tahun")]


def test_two_uploads_with_the_same_name_are_told_apart():
    same = b"tahun,kode_kelurahan,blok,poin\n2025,64.71.05.1010,K1,x\n"
    intake = read_upload([Upload("nilai.csv", same), Upload("nilai.csv", same)], WILAYAH)
    assert [p.berkas for p in intake.problems if p.kolom == "poin"] == ["nilai.csv", "nilai.csv (2)"]
