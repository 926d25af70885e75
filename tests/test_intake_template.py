"""Fill-in templates: headers, drop-down lists, a help sheet, an example row that reads back valid."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from kla.intake import Upload, read_upload, template_xlsx
from kla.schema import BLOCKS, FILES, INITIATIVE_TYPES, parse_table
from tests.intake_files import WILAYAH


def workbook(name: str, with_regions: bool = True) -> Workbook:
    return load_workbook(io.BytesIO(template_xlsx(name, WILAYAH if with_regions else None)))


def list_values(book: Workbook, sheet: Worksheet, header: str) -> list[str]:
    """The values of the drop-down list on the column headed ``header``."""
    position = [c.value for c in sheet[1]].index(header) + 1
    letter = sheet.cell(1, position).column_letter
    rules = [r for r in sheet.data_validations.dataValidation if r.type == "list" and f"{letter}2:" in str(r.sqref)]
    assert len(rules) == 1, f"no single list on column {header}"
    target = rules[0].formula1.lstrip("=")
    sheet_name, cells = target.split("!")
    return [row[0].value for row in book[sheet_name][cells.replace("$", "")]]


def test_header_row_is_the_canonical_columns():
    for name, spec in FILES.items():
        sheet = workbook(name)[name]
        assert [c.value for c in sheet[1]] == [c.name for c in spec.columns], name


def test_drop_down_lists_on_the_allowed_values_columns():
    book = workbook("inisiatif")
    sheet = book["inisiatif"]
    assert list_values(book, sheet, "blok") == list(BLOCKS)
    assert list_values(book, sheet, "jenis") == list(INITIATIVE_TYPES)  # longer than Excel's 255-character inline list
    assert list_values(book, sheet, "status") == ["rencana", "berjalan", "selesai", "terhenti"]
    kelurahan = list_values(book, sheet, "kode_kelurahan")
    assert len(kelurahan) == 34
    assert "64.71.05.1010 - Sungainangka" in kelurahan and "64.71.06.1005 - Damai" in kelurahan
    assert book["Daftar"].sheet_state == "hidden"


def test_yes_no_columns_have_a_list_and_numbers_a_range():
    book = workbook("indikator")
    sheet = book["indikator"]
    assert list_values(book, sheet, "bobot_ilustratif") == ["ya", "tidak"]
    ranges = {str(r.sqref): (r.type, r.formula1, r.formula2) for r in sheet.data_validations.dataValidation
              if r.type != "list"}
    assert ranges["B2:B5001"] == ("whole", "1", "24")  # nomor 1-24
    assert ranges["H2:H5001"] == ("decimal", "0.5", "1000")  # max_poin (after nama_singkat_en)


def test_without_regions_there_is_no_kelurahan_list():
    book = workbook("skor_kelurahan", with_regions=False)
    sheet = book["skor_kelurahan"]
    lists = [str(r.sqref) for r in sheet.data_validations.dataValidation if r.type == "list"]
    assert lists == ["C2:C5001"]  # blok only
    assert sheet["B2"].value == "64.71.05.1010"


def test_the_example_row_uses_the_schema_examples_as_typed_cells():
    sheet = workbook("inisiatif")["inisiatif"]
    example = {header.value: cell.value for header, cell in zip(sheet[1], sheet[2])}
    assert example["id"] == "INI-0042"
    assert example["kode_kelurahan"] == "64.71.05.1010 - Sungainangka"
    assert example["tanggal_mulai"] == dt.datetime(2024, 3, 1)
    assert example["lat"] == -1.2379
    sheet = workbook("evaluasi_kota")["evaluasi_kota"]
    assert [c.value for c in sheet[2]] == [2025, "K3-15", 38.5]


def test_the_help_sheet_describes_every_column():
    book = workbook("skor_kelurahan")
    assert book.sheetnames == ["skor_kelurahan", "Petunjuk", "Daftar"]
    help_rows = [[c.value for c in row] for row in book["Petunjuk"].iter_rows()]
    assert help_rows[0][0] == "Templat skor_kelurahan: Penilaian kelurahan layak anak per blok"
    assert help_rows[5] == ["kolom", "wajib", "isian yang sah", "keterangan", "satuan", "contoh"]
    by_column = {row[0]: row for row in help_rows[6:]}
    assert list(by_column) == ["tahun", "kode_kelurahan", "blok", "poin"]
    assert by_column["blok"][2] == "salah satu dari: KL, K1, K2, K3, K4, K5"
    assert by_column["poin"][1:] == ["ya", "angka (desimal boleh dengan titik atau koma) antara 0 dan 1000",
                                     FILES["skor_kelurahan"].column("poin").description, "poin", "120"]


@pytest.mark.parametrize("name", list(FILES))
def test_the_filled_template_reads_back_as_a_valid_table(name):
    intake = read_upload([Upload(f"templat_{name}.xlsx", template_xlsx(name, WILAYAH))], WILAYAH)
    assert intake.ok, intake.problems
    assert list(intake.tables) == [name]
    table = intake.tables[name]
    assert len(table) == 1
    _, problems = parse_table(table, FILES[name], f"{name}.csv")
    assert problems == []
    for column in FILES[name].columns:
        expected = column.example.replace(",", ".") if column.kind == "float" else column.example
        assert table.at[0, column.name] == expected, column.name


def test_a_template_row_filled_in_by_hand():
    book = workbook("skor_kelurahan")
    sheet = book["skor_kelurahan"]
    sheet.append([2025, "64.71.06.1005 - Damai", "K2", 140.5])
    out = io.BytesIO()
    book.save(out)
    intake = read_upload([Upload("diisi.xlsx", out.getvalue())], WILAYAH)
    assert intake.ok, intake.problems
    assert intake.tables["skor_kelurahan"].to_dict("records") == [
        {"tahun": "2025", "kode_kelurahan": "64.71.05.1010", "blok": "K4", "poin": "120"},
        {"tahun": "2025", "kode_kelurahan": "64.71.06.1005", "blok": "K2", "poin": "140.5"},
    ]


def test_an_unknown_data_file_has_no_template():
    with pytest.raises(ValueError, match="berkas data 'nilai' tidak dikenal"):
        template_xlsx("nilai")
