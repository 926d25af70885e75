"""One stored version as a download: a ZIP of its CSV files, or one workbook with a sheet per file."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping

from kla.desk.entries import read_csv_text
from kla.export import neutralise

# Excel caps sheet names at 31 characters; every data file name is shorter.
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def version_zip(files: Mapping[str, bytes], readme: str) -> bytes:
    """The files exactly as stored, plus a README.txt that says which version they are."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme)
        for name in sorted(files):
            archive.writestr(name, files[name])
    return buffer.getvalue()


PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _safe_cell(text: str) -> str:
    # A negative number such as a longitude is data, not a formula; any other text a spreadsheet
    # could run gets the quote that kla.export gives every exported cell.
    return text if PLAIN_NUMBER.fullmatch(text) else neutralise(text)


def version_xlsx(files: Mapping[str, bytes]) -> bytes:
    """Every file as a sheet of text cells (codes such as 64.71.01.1001 stay text, not numbers)."""
    import pandas as pd  # openpyxl loads only when a workbook is asked for

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name in sorted(files):
            table = read_csv_text(files[name]).map(_safe_cell)
            table.to_excel(writer, sheet_name=name.removesuffix(".csv")[:31], index=False)
    return buffer.getvalue()
