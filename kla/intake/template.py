"""A fill-in XLSX per data file: its columns, drop-down lists of allowed values, one example row.

Sheet one is named after the data file, so :func:`kla.intake.read_upload` recognises it even
after the file is renamed; "Petunjuk" explains every column from :mod:`kla.schema`; the hidden
sheet "Daftar" holds the drop-down lists (Excel caps a list typed into the rule at 255
characters, which the initiative types exceed). Kelurahan appear in the list as
"64.71.05.1010 - Sungainangka": people pick by name, and the code is what is read back.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd

from kla.schema import FILES, Column, FileSpec

LIST_SHEET = "Daftar"
HELP_SHEET = "Petunjuk"
ROWS_WITH_RULES = 5000  # drop-downs and checks on this many data rows


def kelurahan_choices(wilayah: pd.DataFrame) -> list[str]:
    """ "64.71.05.1010 - Sungainangka" for every kelurahan, in code order."""
    rows = wilayah[wilayah["tingkat"] == "kelurahan"].sort_values("kode")
    return [f"{kode} - {nama}" for kode, nama in zip(rows["kode"], rows["nama"])]


def template_xlsx(name: str, wilayah: pd.DataFrame | None = None) -> bytes:
    """The template of data file ``name`` (a :data:`kla.schema.FILES` key) as XLSX bytes."""
    from openpyxl import Workbook  # 0,3 s to import: only when a template is asked for
    from openpyxl.styles import Font

    if name not in FILES:
        raise ValueError(f"berkas data '{name}' tidak dikenal; pilih salah satu dari: {', '.join(FILES)}")
    spec = FILES[name]
    book = Workbook()
    sheet = book.active
    sheet.title = spec.name
    lists = book.create_sheet(LIST_SHEET)
    lists.sheet_state = "hidden"
    choices = _choices(spec, wilayah)
    ranges = _write_lists(lists, choices)
    sheet.append([c.name for c in spec.columns])
    sheet.append([_example(c, choices.get(c.name)) for c in spec.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for position, column in enumerate(spec.columns, start=1):
        letter = sheet.cell(1, position).column_letter
        sheet.column_dimensions[letter].width = max(12, min(40, len(column.name) + 4,
                                                            len(str(sheet.cell(2, position).value)) + 4))
        if column.kind == "date":
            sheet.cell(2, position).number_format = "yyyy-mm-dd"
        _add_rule(sheet, column, letter, ranges.get(column.name))
    _write_help(book.create_sheet(HELP_SHEET, 1), spec)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _choices(spec: FileSpec, wilayah: pd.DataFrame | None) -> dict[str, list[str]]:
    choices = {}
    for column in spec.columns:
        if column.allowed:
            choices[column.name] = list(column.allowed)
        elif column.kind == "bool":
            choices[column.name] = ["ya", "tidak"]
        elif column.name == "kode_kelurahan" and wilayah is not None:
            choices[column.name] = kelurahan_choices(wilayah)
    return choices


def _example(column: Column, choices: list[str] | None) -> object:
    """The schema's example as the cell type a person would enter: numbers as numbers, dates as dates."""
    text = column.example
    if column.kind == "int" and text:
        return int(text)
    if column.kind == "float" and text:
        return float(text.replace(",", "."))
    if column.kind == "date" and text:
        return dt.datetime.strptime(text, "%Y-%m-%d")
    if choices and column.name == "kode_kelurahan":
        return next((c for c in choices if c.startswith(f"{text} ")), choices[0])
    return text


def _write_lists(lists, choices: dict[str, list[str]]) -> dict[str, str]:
    """One column of the hidden list sheet per drop-down; column name -> the range the rule points at."""
    from openpyxl.utils import get_column_letter

    ranges = {}
    for position, (name, values) in enumerate(choices.items(), start=1):
        lists.cell(1, position, name)
        for row, value in enumerate(values, start=2):
            lists.cell(row, position, value)
        letter = get_column_letter(position)
        ranges[name] = f"{LIST_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _add_rule(sheet, column: Column, letter: str, list_range: str | None) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    cells = f"{letter}2:{letter}{ROWS_WITH_RULES + 1}"
    if list_range:
        rule = DataValidation(
            type="list", formula1=f"={list_range}", allow_blank=not column.required, showErrorMessage=True,
            errorTitle=column.name, error=f"Pilih dari daftar: {column.expectation()}"[:255],
        )
    elif column.kind in ("int", "float") and column.min is not None and column.max is not None:
        rule = DataValidation(
            type="whole" if column.kind == "int" else "decimal", operator="between",
            formula1=_bound(column.min), formula2=_bound(column.max), allow_blank=not column.required,
            showErrorMessage=True, errorStyle="warning", errorTitle=column.name,
            error=f"Seharusnya {column.expectation()}"[:255],
        )
    else:
        return
    rule.add(cells)
    sheet.add_data_validation(rule)


def _bound(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _write_help(sheet, spec: FileSpec) -> None:
    from openpyxl.styles import Font

    sheet.append([f"Templat {spec.name}: {spec.title}"])
    sheet.append([spec.description])
    sheet.append([f"Kunci baris: {' + '.join(spec.key)} (saat digabung, "
                  "baris dengan kunci sama menggantikan baris lama)"])
    sheet.append(["Isi lembar pertama mulai baris 2; baris contoh boleh ditimpa. Judul kolom jangan diubah."])
    sheet.append([])
    sheet.append(["kolom", "wajib", "isian yang sah", "keterangan", "satuan", "contoh"])
    for cell in sheet[6]:
        cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, size=13)
    for column in spec.columns:
        sheet.append([column.name, "ya" if column.required else "tidak", column.expectation(),
                      column.description, column.unit, column.example])
    for letter, width in zip("ABCDEF", (20, 8, 60, 60, 10, 28)):
        sheet.column_dimensions[letter].width = width
