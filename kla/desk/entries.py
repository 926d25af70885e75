"""Add or correct one row of a data file: the *Catat* form's entries.

A row goes into a copy of the complete data set (file name -> CSV bytes, as the store keeps it);
the store then validates the whole set like an uploaded file, so a form entry obeys exactly the
same rules as a spreadsheet.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping

import pandas as pd

from kla.loading import csv_bytes
from kla.schema import FILES

ID_FORMATS = {"kegiatan": ("KEG-", 6), "inisiatif": ("INI-", 4)}


def read_csv_text(data: bytes) -> pd.DataFrame:
    """A stored CSV as text cells (nothing converted, nothing lost)."""
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")


def next_id(existing: Iterable[str], name: str) -> str:
    """The next free id of ``kegiatan`` (KEG-000124) or ``inisiatif`` (INI-0043)."""
    prefix, width = ID_FORMATS[name]
    numbers = [int(m.group(1)) for text in existing if (m := re.fullmatch(rf"{prefix}(\d+)", str(text)))]
    return f"{prefix}{max(numbers, default=0) + 1:0{width}d}"


def upsert_row(files: Mapping[str, bytes], name: str, row: Mapping[str, object]) -> tuple[dict[str, bytes], int]:
    """The data set with ``row`` replacing the row of the same key in ``name``, or appended.

    Returns the new files and the spreadsheet row number (header = 1) the entry now has, so a
    validation problem can be traced to it. Unknown columns are refused: a form must not
    silently drop a field.
    """
    spec = FILES[name]
    filename = f"{name}.csv"
    table = read_csv_text(files[filename])
    unknown = set(row) - set(table.columns)
    if unknown:
        raise ValueError(f"{filename}: kolom {', '.join(sorted(unknown))} tidak ada di berkas ini")
    cells = {c: "" if row.get(c) is None else str(row.get(c)) for c in table.columns}
    same_key = pd.Series(True, index=table.index)
    for key in spec.key:
        same_key &= table[key] == cells[key]
    if same_key.any():
        position = int(same_key.idxmax())
        table.loc[position] = [cells[c] for c in table.columns]
    else:
        table = pd.concat([table, pd.DataFrame([cells])], ignore_index=True)
        position = len(table) - 1
    return {**files, filename: csv_bytes(table)}, position + 2
