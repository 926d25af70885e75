"""Problems as a spreadsheet the user can sort, filter and tick off while fixing their file."""

from __future__ import annotations

import io
from collections.abc import Sequence

from kla.schema import Problem

COLUMNS = ("berkas", "baris", "kolom", "nilai", "seharusnya")
SHEET = "Masalah"


def problems_xlsx(problems: Sequence[Problem]) -> bytes:
    """One row per problem under the header berkas, baris, kolom, nilai, seharusnya.

    Uploaded text is written as text cells, never as formulas: a value such as "=HYPERLINK(...)"
    typed into someone's file must come back as those characters.
    """
    from openpyxl import Workbook  # 0,3 s to import: only when a spreadsheet is made
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row, problem in enumerate(problems, start=2):
        values = (problem.berkas, problem.baris, problem.kolom, problem.nilai, problem.harapan)
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column)
            if isinstance(value, str):
                # Assigning a str starting with "=" would make openpyxl store a formula.
                cell._value, cell.data_type = value, "s"
                cell.quotePrefix = value.startswith(("=", "+", "-", "@"))
            else:
                cell.value = value
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:E{max(1, len(problems) + 1)}"
    for letter, width in zip("ABCDE", (36, 8, 20, 30, 80)):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
