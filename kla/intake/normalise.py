"""Cells as offices type them -> the canonical text of the data files.

Numbers: dot decimals, no thousands separators ("1.234,5" -> "1234.5"). Dates: ISO
("12 Maret 2025", "12/03/2025", Excel date cells and serial numbers -> "2025-03-12"). Booleans:
"ya"/"tidak". Listed values: the list's own spelling ("utama" -> "Utama", "Klaster III" -> "K3").

A cell that cannot be read with certainty is left as the user typed it: the validator
(:func:`kla.schema.parse_table`) then reports it with its row, column and what was expected.
Guessing would be worse than asking, so "12.000" counts as twelve thousand only when the file
is known to use Indonesian number style; otherwise the validator asks for a plain number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kla.schema import BLOCKS, FALSE_WORDS, TRUE_WORDS, Column

EXCEL_EPOCH = dt.datetime(1899, 12, 30)  # serial 1 = 1900-01-01 once Excel's 1900 leap-year bug is allowed for
SERIAL_RANGE = (18264, 73051)  # 1950-01-01 .. 2100-01-01: any other number in a date column is not a date


@dataclass
class Tally:
    """How many cells each kind of fix touched, with the first example, for the notes."""

    counts: dict[str, int] = field(default_factory=dict)
    examples: dict[str, tuple[str, str]] = field(default_factory=dict)

    def add(self, tag: str, before: str, after: str) -> None:
        self.counts[tag] = self.counts.get(tag, 0) + 1
        self.examples.setdefault(tag, (before, after))

    def notes(self) -> list[str]:
        return [_NOTE[tag].format(n=n, a=self.examples[tag][0], b=self.examples[tag][1])
                for tag, n in self.counts.items()]


_NOTE = {
    "koma_desimal": "{n} angka berkoma desimal dibaca (mis. '{a}' menjadi {b})",
    "ribuan": "{n} angka berpemisah ribuan dibaca (mis. '{a}' menjadi {b})",
    "spasi": "{n} angka berisi spasi dibersihkan (mis. '{a}' menjadi {b})",
    "tanggal_excel": "{n} tanggal Excel diubah menjadi TTTT-BB-HH (mis. {b})",
    "seri_tanggal": "{n} angka seri tanggal Excel diubah menjadi tanggal (mis. {a} menjadi {b})",
    "tanggal_teks": "{n} tanggal teks diubah menjadi TTTT-BB-HH (mis. '{a}' menjadi {b})",
    "ya_tidak": "{n} isian ya/tidak diseragamkan (mis. '{a}' menjadi {b})",
    "ejaan_daftar": "{n} isian disamakan dengan ejaan daftar (mis. '{a}' menjadi {b})",
}


def cell_text(value: Any) -> str:
    """Any cell as text, the way the user would read it back: for problems and text columns."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\u00a0", " ").strip()


def number_text(value: float) -> str:
    # 15 significant digits, as Excel shows: 38.499999999999993 from a formula is Excel's 38.5.
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".15g")


# --- numbers -------------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_PLAIN_INT = re.compile(r"-?\d+")
_ONE_COMMA = re.compile(r"-?\d+,\d+")
_ONE_DOT = re.compile(r"-?\d+\.\d+")
_THOUSAND_DOT = re.compile(r"-?\d{1,3}\.\d{3}")
_ID_GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})+(,\d+)?")  # 1.234.567 or 1.234,5
_EN_GROUPED = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")  # 1,234,567 or 1,234.5


def decimal_comma_evidence(cells: Sequence[Any]) -> bool | None:
    """What a column's own cells say: True for "38,5"-style decimals, False for "1,234.5", else None."""
    for value in cells:
        if not isinstance(value, str):
            continue
        text = _SPACES.sub("", value)
        if _ONE_COMMA.fullmatch(text) or (_ID_GROUPED.fullmatch(text) and "," in text):
            return True
        if _EN_GROUPED.fullmatch(text) and "." in text:
            return False
    return None


# Each conversion gives the canonical text and the kind of fix it made (None: nothing changed),
# so a cell repeated in 10 000 rows is worked out once and still counted 10 000 times.
Fix = tuple[str, str | None]


def number(text: str, decimal_comma: bool | None) -> Fix:
    """A typed number as canonical text, or the text unchanged when it cannot be read for sure."""
    text = text.strip()
    squeezed = _SPACES.sub("", text).replace("\u2212", "-").lstrip("+'")
    spaced = "spasi" if _SPACES.search(text) else None
    if _PLAIN_INT.fullmatch(squeezed):
        return squeezed, spaced
    if _ONE_COMMA.fullmatch(squeezed):
        if decimal_comma is False and _EN_GROUPED.fullmatch(squeezed):
            return squeezed.replace(",", ""), "ribuan"
        return squeezed.replace(",", "."), "koma_desimal"
    if _ONE_DOT.fullmatch(squeezed):
        if decimal_comma and _THOUSAND_DOT.fullmatch(squeezed):
            return squeezed.replace(".", ""), "ribuan"
        return squeezed, spaced
    if _ID_GROUPED.fullmatch(squeezed):
        return squeezed.replace(".", "").replace(",", "."), "ribuan"
    if _EN_GROUPED.fullmatch(squeezed):
        return squeezed.replace(",", ""), "ribuan"
    return text, None


def number_cell(value: Any, decimal_comma: bool | None) -> Fix:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_text(float(value)), None
    return number(cell_text(value), decimal_comma)


# --- dates ---------------------------------------------------------------------------------------

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
_WEEKDAY = (r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad"
            r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_TIME = r"(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?"
_ISO = re.compile(rf"(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_TIME}")
_DAY_FIRST = re.compile(rf"(\d{{1,2}})[-/.](\d{{1,2}})[-/.](\d{{4}}){_TIME}")
_NAMED_MONTH = re.compile(rf"(?:{_WEEKDAY},?\s+)?(\d{{1,2}})[\s\-/.]*([a-z']+)\.?[\s\-/.,]*(\d{{4}})", re.IGNORECASE)
_SERIAL = re.compile(r"\d{5}(?:\.0+)?")


def date_cell(value: Any) -> Fix:
    """A date column's cell as TTTT-BB-HH, or as typed when it is no date."""
    if isinstance(value, dt.datetime | dt.date):
        return cell_text(value)[:10], "tanggal_excel"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial(float(value), number_text(float(value)))
    text = cell_text(value)
    if _SERIAL.fullmatch(text):
        return _serial(float(text), text)
    return date_text(text)


def _serial(serial: float, shown: str) -> Fix:
    if not SERIAL_RANGE[0] <= serial < SERIAL_RANGE[1]:
        return shown, None
    return (EXCEL_EPOCH + dt.timedelta(days=int(serial))).date().isoformat(), "seri_tanggal"


def date_text(text: str) -> Fix:
    """ "12/03/2025", "12-03-2025", "12 Maret 2025", "Rabu, 12 Mar 2025" -> "2025-03-12" (day first)."""
    if m := _ISO.fullmatch(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _DAY_FIRST.fullmatch(text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    elif (m := _NAMED_MONTH.fullmatch(text)) and m[2].casefold() in MONTHS:
        day, month, year = int(m[1]), MONTHS[m[2].casefold()], int(m[3])
    else:
        return text, None
    try:
        after = dt.date(year, month, day).isoformat()
    except ValueError:
        return text, None  # 31/02/2025: the validator names it
    return after, ("tanggal_teks" if after != text else None)


# --- yes/no, listed values, codes ------------------------------------------------------------------

YES = TRUE_WORDS | {"iya", "yes", "v"}
NO = FALSE_WORDS | {"tdk", "bukan"}


def bool_cell(value: Any) -> Fix:
    text = cell_text(value)
    folded = text.casefold()
    after = "ya" if folded in YES else "tidak" if folded in NO else text
    return after, ("ya_tidak" if after != text else None)


_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}
_CLUSTER = re.compile(r"(?:klaster|kluster|cluster|k)[\s.\-]*([1-5]|iii|ii|iv|i|v)")


def _block_synonym(folded: str) -> str | None:
    """ "Klaster III", "klaster 3", "K-3" -> K3; "Kelembagaan" -> KL."""
    if folded == "kelembagaan":
        return "KL"
    if m := _CLUSTER.fullmatch(folded):
        return "K" + _ROMAN.get(m[1], m[1])
    return None


def listed_cell(value: Any, column: Column) -> Fix:
    text = cell_text(value)
    folded = " ".join(text.casefold().split())
    allowed = column.allowed or ()
    after = {a.casefold(): a for a in allowed}.get(folded)
    if after is None and set(BLOCKS) <= set(allowed):
        after = _block_synonym(folded)
    if after is None:
        return text, None
    return after, ("ejaan_daftar" if after != text else None)


def coded_cell(value: Any, column: Column) -> Fix:
    """Codes with a pattern: "k3-15" -> "K3-15" when only the case was wrong; other text trimmed."""
    text = cell_text(value)
    if column.pattern and not re.fullmatch(column.pattern, text) and re.fullmatch(column.pattern, text.upper()):
        return text.upper(), "ejaan_daftar"
    return text, None


def normalise_column(cells: Sequence[Any], column: Column, decimal_comma: bool | None, tally: Tally) -> list[str]:
    """Every cell of one column in canonical text; each distinct cell is worked out once."""
    if column.kind in ("int", "float"):
        evidence = decimal_comma_evidence(cells)
        hint = evidence if evidence is not None else decimal_comma

        def convert(value: Any) -> Fix:
            return number_cell(value, hint)
    elif column.kind == "date":
        convert = date_cell
    elif column.kind == "bool":
        convert = bool_cell
    elif column.allowed:
        def convert(value: Any) -> Fix:
            return listed_cell(value, column)
    else:
        def convert(value: Any) -> Fix:
            return coded_cell(value, column)
    done: dict[tuple[type, Any], Fix] = {}
    out = []
    for value in cells:
        key = (type(value), value)
        fix = done.get(key)
        if fix is None:
            fix = done[key] = convert(value)
        after, tag = fix
        if tag:
            tally.add(tag, cell_text(value), after)
        out.append(after)
    return out
