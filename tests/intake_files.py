"""Messy files for the intake tests, built in code the way offices produce them."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pandas as pd

from kla.config import PROJECT_ROOT
from kla.geography import read_regions
from kla.intake import Intake, Upload, read_upload
from kla.schema import Problem

WILAYAH = read_regions(PROJECT_ROOT / "data")


def xlsx(sheets: dict[str, Sequence[Sequence[Any]]]) -> bytes:
    """A workbook with one sheet per entry, rows written from A1 down (None leaves a cell empty)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read(filename: str, content: bytes | str, encoding: str = "utf-8") -> Intake:
    data = content.encode(encoding) if isinstance(content, str) else content
    return read_upload([Upload(filename, data)], WILAYAH)


def rows(intake: Intake, name: str) -> list[dict[str, str]]:
    return intake.tables[name].to_dict("records")


def column(intake: Intake, name: str, col: str) -> list[str]:
    return intake.tables[name][col].tolist()


def only_problem(intake: Intake) -> Problem:
    assert len(intake.problems) == 1, intake.problems
    return intake.problems[0]


def as_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(records).astype(str)
