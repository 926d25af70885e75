"""The problem list as a workbook: one row per problem, uploaded text kept as text."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from kla.intake import problems_xlsx
from kla.schema import Problem
from tests.intake_files import read


def sheet_rows(data: bytes) -> list[list[object]]:
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Masalah"]
    return [[c.value for c in row] for row in book["Masalah"].iter_rows()]


def test_one_row_per_problem_under_the_header():
    problems = [
        Problem("nilai.xlsx, lembar Sheet1", 5, "POIN", "sepuluh", "angka antara 0 dan 1000"),
        Problem("besar.csv", None, None, None, "berkas besar.csv berukuran 25,3 MB; batasnya 20 MB"),
    ]
    assert sheet_rows(problems_xlsx(problems)) == [
        ["berkas", "baris", "kolom", "nilai", "seharusnya"],
        ["nilai.xlsx, lembar Sheet1", 5, "POIN", "sepuluh", "angka antara 0 dan 1000"],
        ["besar.csv", None, None, None, "berkas besar.csv berukuran 25,3 MB; batasnya 20 MB"],
    ]


def test_uploaded_text_that_looks_like_a_formula_stays_text():
    typed = '=HYPERLINK("http://contoh.test","klik")'
    data = problems_xlsx([Problem("x.csv", 2, "judul", typed, "teks"), Problem("x.csv", 3, "lat", "-1,5x", "angka")])
    book = load_workbook(io.BytesIO(data))
    sheet = book["Masalah"]
    assert (sheet["D2"].value, sheet["D2"].data_type) == (typed, "s")
    assert (sheet["D3"].value, sheet["D3"].data_type) == ("-1,5x", "s")
    assert b"<f>" not in _sheet_xml(data)  # no formula anywhere in the sheet


def _sheet_xml(data: bytes) -> bytes:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")


def test_the_problems_of_a_real_upload():
    intake = read("skor_kelurahan.csv", "Tahun;Kelurahan;Blok;POIN\n2025;Kampung Baru;K1;10\n2025;Damai;K1;sepuluh\n")
    assert sheet_rows(problems_xlsx(intake.problems))[1:] == [
        ["skor_kelurahan.csv", 2, "Kelurahan", "Kampung Baru", intake.problems[0].harapan],
        ["skor_kelurahan.csv", 3, "POIN", "sepuluh", "angka (desimal boleh dengan titik atau koma) antara 0 dan 1000"],
    ]
    assert intake.problems[0].harapan.startswith("nama atau kode kelurahan Balikpapan yang terdaftar")


def test_no_problems_gives_the_header_only():
    assert sheet_rows(problems_xlsx([])) == [["berkas", "baris", "kolom", "nilai", "seharusnya"]]
