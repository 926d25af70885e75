"""Single-file validation: every rule rejects a bad cell and names file, row, column and value."""

import pandas as pd
import pytest

from kla.schema import (
    EVALUASI_KOTA,
    INDIKATOR,
    INISIATIF,
    KEGIATAN,
    NAME_CAP,
    TEXT_CAP,
    WILAYAH,
    Column,
    FileSpec,
    Problem,
    parse_table,
)
from tests.conftest import indicator_rows


def raw(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows).astype(str)


def activity(**changes: str) -> dict:
    row = {"id": "KEG-000001", "tanggal": "2025-01-15", "jenis": "forum anak", "judul": "Kumpul",
           "kode_kelurahan": "64.71.04.1001", "penyelenggara": "DP3AKB", "peserta_anak": "40",
           "peserta_dewasa": "5", "blok": "K1", "id_inisiatif": ""}
    return {**row, **changes}


def only_problem(table: pd.DataFrame, spec=KEGIATAN) -> Problem:
    _, problems = parse_table(table, spec, f"{spec.name}.csv")
    assert len(problems) == 1, problems
    return problems[0]


def test_valid_row_is_typed():
    typed, problems = parse_table(raw([activity()]), KEGIATAN, "kegiatan.csv")
    assert problems == []
    assert typed["peserta_anak"].iat[0] == 40
    assert typed["tanggal"].iat[0] == pd.Timestamp("2025-01-15")
    assert pd.isna(typed["id_inisiatif"].iat[0])


@pytest.mark.parametrize(
    ("column", "bad", "expected_words"),
    [
        ("peserta_anak", "empat puluh", "bilangan bulat"),
        ("peserta_anak", "2.5", "bilangan bulat"),
        ("peserta_anak", "-3", "antara 0 dan 100000"),
        ("tanggal", "2025-13-40", "tanggal"),
        ("jenis", "arisan", "salah satu dari"),
        ("kode_kelurahan", "64.71.4.1001", "pola"),
        ("id", "K-1", "pola"),
        ("blok", "K9", "salah satu dari"),
    ],
)
def test_bad_cell_names_file_row_column_value(column, bad, expected_words):
    table = raw([activity(), activity(**{"id": "KEG-000002", column: bad})])
    problem = only_problem(table)
    assert (problem.berkas, problem.baris, problem.kolom, problem.nilai) == ("kegiatan.csv", 3, column, bad)
    assert expected_words in problem.harapan
    assert "baris 3" in str(problem) and column in str(problem)


def test_required_cell_empty():
    problem = only_problem(raw([activity(judul="  ")]))
    assert (problem.baris, problem.kolom) == (2, "judul")
    assert "wajib" in problem.harapan


def test_optional_cell_may_be_empty():
    _, problems = parse_table(raw([activity(kode_kelurahan="")]), KEGIATAN, "kegiatan.csv")
    assert problems == []


def test_missing_required_column_is_reported_once():
    table = raw([activity()]).drop(columns=["penyelenggara"])
    problem = only_problem(table)
    assert problem.kolom == "penyelenggara" and "tidak ada" in problem.harapan


def test_duplicate_key_points_to_first_row():
    problem = only_problem(raw([activity(), activity(judul="lain"), activity(id="KEG-000009")]))
    assert problem.baris == 3 and "baris 2" in problem.harapan


def test_enum_is_case_insensitive_and_canonicalised():
    typed, problems = parse_table(raw([activity(jenis="Forum Anak", blok="k1")]), KEGIATAN, "kegiatan.csv")
    assert problems == []
    assert (typed["jenis"].iat[0], typed["blok"].iat[0]) == ("forum anak", "K1")


@pytest.mark.parametrize("text", ["2025-01-15", "15/01/2025", "15-01-2025", "2025-01-15 00:00:00"])
def test_date_formats_people_type(text):
    typed, problems = parse_table(raw([activity(tanggal=text)]), KEGIATAN, "kegiatan.csv")
    assert problems == [] and typed["tanggal"].iat[0] == pd.Timestamp("2025-01-15")


def test_decimal_comma_is_read():
    typed, problems = parse_table(raw([{"tahun": "2025", "kode_indikator": "K3-15", "poin": "38,5"}]),
                                  EVALUASI_KOTA, "evaluasi_kota.csv")
    assert problems == [] and typed["poin"].iat[0] == 38.5


def test_coordinates_outside_balikpapan_rejected():
    row = {"id": "INI-0001", "nama": "x", "jenis": "RBRA", "kode_kelurahan": "64.71.04.1001", "blok": "K4",
           "jenis_mitra": "komunitas", "nama_mitra": "x", "status": "berjalan", "tanggal_mulai": "2024-01-01",
           "tanggal_selesai": "", "lat": "1.2379", "lon": "116.85", "deskripsi": ""}
    problem = only_problem(raw([row]), INISIATIF)
    assert problem.kolom == "lat" and problem.nilai == "1.2379"


def test_thousands_dot_is_not_read_as_a_small_number():
    row = {"kode": "64.71.04", "tingkat": "kecamatan", "nama": "Balikpapan Tengah", "kode_induk": "", "alias": "",
           "anak_0_17": "12.000"}
    problem = only_problem(raw([row]), WILAYAH)
    assert problem.kolom == "anak_0_17"  # a thousands dot is not a number here: reported, not misread as 12


# Checks run once per distinct cell and are spread back to the rows (fast on a 1M-row log):
# every row must still get its own value and its own problem.


def test_repeated_cells_typed_row_by_row():
    rows = [activity(id=f"KEG-00000{i}", tanggal=t, peserta_anak=n, jenis=j)
            for i, (t, n, j) in enumerate([("2025-01-15", "40", "forum anak"), ("15/01/2025", "7", "Forum Anak"),
                                           ("2025-01-15", "40", "verifikasi"), (" 2025-02-01 ", "7", "forum anak")])]
    typed, problems = parse_table(raw(rows), KEGIATAN, "kegiatan.csv")
    assert problems == []
    assert list(typed["tanggal"].dt.strftime("%Y-%m-%d")) == ["2025-01-15", "2025-01-15", "2025-01-15", "2025-02-01"]
    assert list(typed["peserta_anak"]) == [40, 7, 40, 7]
    assert list(typed["jenis"]) == ["forum anak", "forum anak", "verifikasi", "forum anak"]


def test_repeated_bad_cell_reported_on_every_row_in_order():
    rows = [activity(id="KEG-000001", jenis="arisan"), activity(id="KEG-000002"),
            activity(id="KEG-000003", jenis="arisan", peserta_anak="-1"), activity(id="KEG-000004", judul="")]
    _, problems = parse_table(raw(rows), KEGIATAN, "kegiatan.csv")
    assert [(p.baris, p.kolom, p.nilai) for p in problems] == [
        (2, "jenis", "arisan"), (4, "jenis", "arisan"), (5, "judul", None), (4, "peserta_anak", "-1")]


NAMED = FileSpec("uji", "uji", (Column("nama"),), key=("nama",))


def test_duplicate_key_ignores_case_and_spaces():
    problem = only_problem(raw([{"nama": "Taman Baca"}, {"nama": "Lain"}, {"nama": " taman BACA "}]), NAMED)
    assert (problem.baris, problem.kolom, problem.nilai) == (4, "nama", " taman BACA ")
    assert "baris 2" in problem.harapan


def test_duplicate_key_folds_non_ascii_case():
    problem = only_problem(raw([{"nama": "Jalan Straße"}, {"nama": "JALAN STRASSE"}]), NAMED)
    assert (problem.baris, problem.nilai) == (3, "JALAN STRASSE")


def test_missing_cells_are_empty_cells():
    table = raw([activity(), activity(id="KEG-000002")])
    table.loc[1, "judul"] = None  # a short row in a CSV leaves the cell missing, not empty
    problem = only_problem(table)
    assert (problem.baris, problem.kolom) == (3, "judul") and "wajib" in problem.harapan


# --- values that used to raise, and values that used to pass silently ----------------------------


@pytest.mark.parametrize("huge", ["99999999999999999999999", "18446744073709551615", "-9223372036854775809"])
def test_integer_too_large_for_its_type_is_a_problem(huge):
    typed, problems = parse_table(raw([activity(peserta_anak=huge)]), KEGIATAN, "kegiatan.csv")
    assert [(p.baris, p.kolom, p.nilai) for p in problems] == [(2, "peserta_anak", huge)]
    assert "antara 0 dan 100000" in problems[0].harapan
    assert pd.isna(typed["peserta_anak"].iat[0])  # reported cells are empty in the typed table


@pytest.mark.parametrize("bad", ["1e400", "inf", "-inf", "nan"])
def test_non_finite_numbers_are_problems(bad):
    _, problems = parse_table(raw([{"tahun": "2025", "kode_indikator": "K3-15", "poin": bad}]),
                              EVALUASI_KOTA, "evaluasi_kota.csv")
    assert [(p.baris, p.kolom, p.nilai) for p in problems] == [(2, "poin", bad)]


@pytest.mark.parametrize("far", ["9999-12-31", "31/12/9999", "0001-01-01", "2101-01-01"])
def test_date_outside_its_years_is_a_problem(far):
    typed, problems = parse_table(raw([activity(tanggal=far)]), KEGIATAN, "kegiatan.csv")
    assert [(p.baris, p.kolom, p.nilai) for p in problems] == [(2, "tanggal", far)]
    assert "antara tahun 2006 dan 2100" in problems[0].harapan
    assert pd.isna(typed["tanggal"].iat[0])


def test_open_ended_written_as_9999_says_leave_it_empty():
    row = {"id": "INI-0001", "nama": "x", "jenis": "RBRA", "kode_kelurahan": "64.71.04.1001", "blok": "K4",
           "jenis_mitra": "komunitas", "nama_mitra": "x", "status": "berjalan", "tanggal_mulai": "1985-01-01",
           "tanggal_selesai": "9999-12-31", "lat": "", "lon": "", "deskripsi": ""}
    problem = only_problem(raw([row]), INISIATIF)  # 1985 is fine for an initiative, 9999 is not
    assert (problem.kolom, problem.nilai) == ("tanggal_selesai", "9999-12-31")
    assert "kosongkan" in problem.harapan and "2100" in problem.harapan


def test_text_longer_than_its_cap_is_reported_with_a_short_quote():
    long_title = "x" * (NAME_CAP + 1)
    problem = only_problem(raw([activity(judul=long_title)]))
    assert (problem.baris, problem.kolom) == (2, "judul")
    assert f"paling panjang {NAME_CAP} karakter" in problem.harapan and str(NAME_CAP + 1) in problem.harapan
    assert len(problem.nilai) < 100 and str(NAME_CAP + 1) in problem.nilai  # a 50 MB cell is not quoted whole
    _, problems = parse_table(raw([activity(judul="x" * NAME_CAP)]), KEGIATAN, "kegiatan.csv")
    assert problems == []


def test_descriptions_may_be_longer_than_names_but_not_unbounded():
    row = {"id": "INI-0001", "nama": "x", "jenis": "RBRA", "kode_kelurahan": "64.71.04.1001", "blok": "K4",
           "jenis_mitra": "komunitas", "nama_mitra": "x", "status": "berjalan", "tanggal_mulai": "2024-01-01",
           "tanggal_selesai": "", "lat": "", "lon": "", "deskripsi": "d" * TEXT_CAP}
    assert parse_table(raw([row]), INISIATIF, "inisiatif.csv")[1] == []
    problem = only_problem(raw([{**row, "deskripsi": "d" * 5_000_000}]), INISIATIF)
    assert problem.kolom == "deskripsi" and "5000000" in problem.harapan


def test_repeated_header_is_a_problem_not_a_lost_column():
    table = raw([activity()])
    table.columns = [("jenis" if c == "judul" else c) for c in table.columns]  # "jenis" twice, no "judul"
    _, problems = parse_table(table, KEGIATAN, "kegiatan.csv")
    assert [(p.baris, p.kolom) for p in problems] == [(1, "jenis")]
    assert "2 kali" in problems[0].harapan and "kolom ke-3, 4" in problems[0].harapan


def test_further_unique_columns_are_checked_like_the_key():
    spec = FileSpec("uji", "uji", (Column("kode"), Column("nomor", "int")), key=("kode",), unique=(("nomor",),))
    problem = only_problem(raw([{"kode": "A", "nomor": "1"}, {"kode": "B", "nomor": "1"}]), spec)
    assert (problem.baris, problem.kolom, problem.nilai) == (3, "nomor", "1") and "baris 2" in problem.harapan


def test_indicator_numbers_are_unique():
    rows = indicator_rows()
    rows[1]["nomor"] = rows[0]["nomor"]  # KL-02 numbered 1 like KL-01
    problem = only_problem(raw(rows), INDIKATOR)
    assert (problem.baris, problem.kolom, problem.nilai) == (3, "nomor", "1")
