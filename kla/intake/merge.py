"""An accepted intake written into a complete data set (file name -> canonical CSV bytes).

"ganti" replaces each uploaded data file whole. "gabung" is for a kelurahan data officer who
uploads only their own rows: a row with a key that already exists (the spec's key columns)
replaces that row, in place, and only in the columns the upload has; new keys are appended;
every other row stays as it was. Files that were not uploaded are returned byte for byte.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import Literal

import pandas as pd

from kla.intake.model import Intake
from kla.loading import csv_bytes
from kla.schema import FILES

Mode = Literal["ganti", "gabung"]


def merge_into(current: Mapping[str, bytes], intake: Intake, mode: Mode = "ganti") -> dict[str, bytes]:
    """The complete new set of files; raises ValueError for an intake that is not ``ok``."""
    if not intake.ok:
        raise ValueError("unggahan masih bermasalah atau menunggu pilihan kelurahan: tidak dapat digabung")
    if mode not in ("ganti", "gabung"):
        raise ValueError(f"mode '{mode}' tidak dikenal: pilih ganti atau gabung")
    files = dict(current)
    for name, upload in intake.tables.items():
        filename = f"{name}.csv"
        for other in [f for f in files if f != filename and f.rsplit(".", 1)[0] == name]:
            del files[other]  # an XLSX of the same data file would otherwise shadow nothing but confuse
        if mode == "gabung" and filename in current:
            table = _merged(read_text(current[filename]), upload, name)
        else:
            table = upload.reindex(columns=[c.name for c in FILES[name].columns], fill_value="")
        files[filename] = csv_bytes(table)
    return files


def read_text(data: bytes) -> pd.DataFrame:
    """A stored CSV as text cells: nothing converted, so rows that are kept stay as they were."""
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _merged(existing: pd.DataFrame, upload: pd.DataFrame, name: str) -> pd.DataFrame:
    spec = FILES[name]
    columns = list(existing.columns) + [c.name for c in spec.columns if c.name not in existing.columns]
    merged = existing.reindex(columns=columns, fill_value="")
    position = {_key(row): i for i, row in enumerate(merged[list(spec.key)].itertuples(index=False))}
    added: list[dict[str, object]] = []
    for values in upload.itertuples(index=False):
        row = dict(zip(upload.columns, values))
        key = _key([row.get(k, "") for k in spec.key])
        if key in position:
            for column, value in row.items():
                merged.iat[position[key], merged.columns.get_loc(column)] = value
        else:
            position[key] = len(merged) + len(added)
            added.append({c: row.get(c, "") for c in columns})
    if added:
        merged = pd.concat([merged, pd.DataFrame(added, columns=columns)], ignore_index=True)
    return merged


def _key(values: Iterable[object]) -> tuple[str, ...]:
    # Keys compare as the validator compares them: trimmed and regardless of case, and numbers
    # by value, so "2025" in the upload meets "2025.0" written by an older export.
    return tuple(_key_cell(str(v)) for v in values)


def _key_cell(text: str) -> str:
    text = text.strip().casefold()
    try:
        number = float(text)
    except ValueError:
        return text
    return str(int(number)) if number.is_integer() else str(number)
