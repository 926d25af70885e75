"""Numbers, dates, yes/no and listed values as offices type them, to the data files' canonical text."""

from __future__ import annotations

import datetime as dt

import pytest

from kla.intake.normalise import Tally, bool_cell, date_cell, listed_cell, normalise_column, number
from kla.schema import INISIATIF, SKOR_KELURAHAN
from tests.intake_files import column, only_problem, read, rows, xlsx

KEGIATAN_HEADER = ["id", "tanggal", "jenis", "judul", "kode_kelurahan", "penyelenggara", "peserta_anak",
                   "peserta_dewasa", "blok", "id_inisiatif"]


def activity(number: int, tanggal: object, anak: object = 45, dewasa: object = 12) -> list[object]:
    return [f"KEG-{number:06d}", tanggal, "forum anak", "Kumpul", "64.71.05.1010", "DP3AKB", anak, dewasa, "K1", None]


# --- numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "decimal_comma", "canonical"),
    [
        ("38,5", None, "38.5"),  # Indonesian decimal comma
        ("38.5", None, "38.5"),
        ("1.234,5", None, "1234.5"),  # both marks: the last is the decimal one
        ("1.234.567", None, "1234567"),  # two dots can only be thousands
        ("1,234.5", None, "1234.5"),
        ("-1,2379", None, "-1.2379"),
        ("1.250", True, "1250"),  # an Indonesian-style file: the dot groups thousands
        ("1.250", None, "1.250"),  # unknown style: one dot stays a decimal dot
        (" 1 250 ", None, "1250"),  # spaces (and the non-breaking ones Excel pastes) inside a number
        ("1\u00a0250", None, "1250"),
        ("'45", None, "45"),  # Excel's text prefix
        ("\u221212", None, "-12"),  # a typographic minus
        ("12,5%", None, "12,5%"),  # not a number: left for the validator to name
        ("1.23.4", None, "1.23.4"),
    ],
)
def test_number(typed, decimal_comma, canonical):
    assert number(typed, decimal_comma)[0] == canonical


def test_a_column_with_decimal_commas_reads_its_dots_as_thousands():
    # "38,5" in the same column shows the file is written Indonesian-style, so "1.250" is 1250.
    tally = Tally()
    out = normalise_column(["38,5", "1.250", "7"], INISIATIF.column("lat"), None, tally)
    assert out == ["38.5", "1250", "7"]
    assert tally.counts == {"koma_desimal": 1, "ribuan": 1}


def test_numbers_stored_as_text_with_spaces_end_to_end():
    content = xlsx({"kegiatan": [KEGIATAN_HEADER, activity(1, "2025-03-12", " 45 ", "1 250")]})
    intake = read("kegiatan.xlsx", content)
    assert intake.ok, intake.problems
    assert column(intake, "kegiatan", "peserta_anak") == ["45"]
    assert column(intake, "kegiatan", "peserta_dewasa") == ["1250"]


def test_indonesian_thousands_in_a_semicolon_file():
    header = ";".join(KEGIATAN_HEADER)
    intake = read("kegiatan.csv",
                  f"{header}\nKEG-000001;12/03/2025;forum anak;Kumpul;64.71.05.1010;DP3AKB;1.250;12;K1;\n")
    assert intake.ok, intake.problems
    assert column(intake, "kegiatan", "peserta_anak") == ["1250"]


def test_a_number_that_could_be_misread_is_asked_for():
    # Comma-separated and no decimal comma anywhere: "1.250" might be 1,25 or 1250 people.
    header = ",".join(KEGIATAN_HEADER)
    problem = only_problem(read("kegiatan.csv",
                                f"{header}\n"
                                "KEG-000001,2025-03-12,forum anak,Kumpul,64.71.05.1010,DP3AKB,1.250,12,K1,\n"))
    assert (problem.berkas, problem.baris, problem.kolom, problem.nilai) == ("kegiatan.csv", 2, "peserta_anak", "1.250")
    assert problem.harapan.startswith("bilangan bulat")


def test_thousands_and_decimal_comma_together_are_read_and_range_checked_with_the_users_value():
    intake = read("skor_kelurahan.csv", "tahun;kode_kelurahan;blok;poin\n2025;64.71.05.1010;K1;1.234,5\n")
    assert column(intake, "skor_kelurahan", "poin") == ["1234.5"]
    problem = only_problem(intake)
    assert (problem.baris, problem.kolom, problem.nilai) == (2, "poin", "1.234,5")  # as the user typed it
    assert "antara 0 dan 1000" in problem.harapan


# --- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["12/03/2025", "12-03-2025", "12.03.2025", "12/3/2025", "12 Maret 2025", "12 maret 2025", "12 Mar 2025",
     "12-Mar-2025", "Rabu, 12 Maret 2025", "2025-03-12", "2025/03/12", "2025-03-12 00:00:00", "12/03/2025 14:30"],
)
def test_date_texts_are_day_first(typed):
    assert date_cell(typed)[0] == "2025-03-12"


@pytest.mark.parametrize("typed", ["31/02/2025", "2025-13-01", "kemarin", "03/2025", "12 Maretan 2025"])
def test_impossible_or_unreadable_dates_stay_as_typed(typed):
    assert date_cell(typed) == (typed, None)


def test_excel_serial_numbers():
    # 45658 is 1 January 2025 in Excel; 12 March is 70 days later.
    assert date_cell(45728) == ("2025-03-12", "seri_tanggal")
    assert date_cell(45728.0) == ("2025-03-12", "seri_tanggal")
    assert date_cell("45728") == ("2025-03-12", "seri_tanggal")  # a serial that came through a CSV
    assert date_cell(12) == ("12", None)  # not a date of this century: the validator names it


def test_excel_date_cells_and_serials_end_to_end():
    content = xlsx({"kegiatan": [
        KEGIATAN_HEADER,
        activity(1, dt.datetime(2025, 3, 12)),
        activity(2, dt.datetime(2025, 3, 13, 9, 30)),
        activity(3, 45730),  # a date cell that lost its date format: 14 March 2025
        activity(4, "15 Maret 2025"),
        activity(5, "16/03/2025"),
    ]})
    intake = read("kegiatan.xlsx", content)
    assert intake.ok, intake.problems
    assert column(intake, "kegiatan", "tanggal") == ["2025-03-12", "2025-03-13", "2025-03-14", "2025-03-15",
                                                     "2025-03-16"]
    notes = "\n".join(intake.notes)
    assert "2 tanggal Excel diubah menjadi TTTT-BB-HH" in notes
    assert "1 angka seri tanggal Excel diubah menjadi tanggal (mis. 45730 menjadi 2025-03-14)" in notes
    assert "2 tanggal teks diubah menjadi TTTT-BB-HH" in notes


def test_an_impossible_date_names_row_column_value():
    content = xlsx({"kegiatan": [KEGIATAN_HEADER, activity(1, "2025-03-12"), activity(2, "31/02/2025")]})
    problem = only_problem(read("kegiatan.xlsx", content))
    assert (problem.berkas, problem.baris, problem.kolom, problem.nilai) == (
        "kegiatan.xlsx, lembar kegiatan", 3, "tanggal", "31/02/2025")
    assert problem.harapan.startswith("tanggal")


# --- yes/no and listed values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [("ya", "ya"), ("Ya", "ya"), ("YA", "ya"), ("TRUE", "ya"), ("1", "ya"), (1, "ya"), (True, "ya"), ("iya", "ya"),
     ("tidak", "tidak"), ("FALSE", "tidak"), ("0", "tidak"), (False, "tidak"), ("Tdk", "tidak"),
     ("mungkin", "mungkin")],
)
def test_yes_no(typed, canonical):
    assert bool_cell(typed)[0] == canonical


def test_yes_no_end_to_end():
    content = "berkas,judul,sumber,periode,lisensi,contoh\nkegiatan,Log,DP3AKB,2025,CC BY 4.0,TRUE\n" \
              "inisiatif,Inisiatif,DP3AKB,2025,CC BY 4.0,Tidak\nwilayah,Wilayah,Kemendagri,2025,CC BY 4.0,1\n"
    intake = read("sumber.csv", content)
    assert intake.ok, intake.problems
    assert column(intake, "sumber", "contoh") == ["ya", "tidak", "ya"]


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [("k3", "K3"), ("Klaster III", "K3"), ("klaster 3", "K3"), ("Kluster V", "K5"), ("K-1", "K1"),
     ("Kelembagaan", "KL"), (" kl ", "KL"), ("Klaster VI", "Klaster VI")],
)
def test_block_names(typed, canonical):
    assert listed_cell(typed, SKOR_KELURAHAN.column("blok"))[0] == canonical


def test_listed_values_take_the_lists_spelling():
    intake = read("kegiatan.csv", ",".join(KEGIATAN_HEADER)
                  + "\nkeg-000001,2025-03-12,Sosialisasi kie,Kumpul,64.71.05.1010,DP3AKB,4,1,klaster v,ini-0042\n")
    assert intake.ok, intake.problems
    assert rows(intake, "kegiatan")[0] == {
        "id": "KEG-000001", "tanggal": "2025-03-12", "jenis": "sosialisasi KIE", "judul": "Kumpul",
        "kode_kelurahan": "64.71.05.1010", "penyelenggara": "DP3AKB", "peserta_anak": "4", "peserta_dewasa": "1",
        "blok": "K5", "id_inisiatif": "INI-0042",
    }
