"""Uploaded bytes -> grids of cells: what kind of file it is, its encoding, separator and sheets.

A grid is one CSV file or one worksheet, every row numbered as the user sees it in a
spreadsheet. Nothing here knows the data files; which table a grid holds, and where its
header row is, is :mod:`kla.intake.recognise`'s job. The file's extension is not trusted:
offices rename files, so the content decides (a PDF renamed ``.xlsx`` is still a PDF).
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kla.intake.model import MAX_UPLOAD_BYTES, Upload
from kla.schema import Problem

CSV_SEPARATORS = (",", ";", "\t", "|")
SEPARATOR_NAMES = {",": "koma", ";": "titik koma", "\t": "tab", "|": "garis tegak"}
_SNIFF_CHARS = 64 * 1024  # enough lines to see title rows and the header, cheap for a 20 MB file


@dataclass
class Grid:
    """One table-like part of an upload: a CSV file or a worksheet.

    ``rows``: (row number as the user sees it, cells), cells as read (text for CSV; text, numbers,
    dates or booleans for XLSX). ``decimal_comma``: True when the file's form says Indonesian
    number style (semicolon-separated CSV), None when nothing says.
    """

    label: str
    filename: str
    sheet: str | None
    rows: list[tuple[int, list[Any]]]
    decimal_comma: bool | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class ReadResult:
    grids: list[Grid] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    workbook: bool = False  # an XLSX: unrecognised sheets are skipped while another one is recognised


def size_text(n_bytes: int) -> str:
    """25,3 MB (Indonesian decimal comma; MB of 1024 x 1024 bytes, as the limit is counted).

    Rounded up to a tenth, so a file one byte over the limit never reads as exactly the limit.
    """
    tenths = math.ceil(n_bytes * 10 / (1024 * 1024) - 1e-9)
    return f"{tenths // 10},{tenths % 10} MB" if tenths % 10 else f"{tenths // 10} MB"


def read_grids(upload: Upload, header_score: Callable[[Sequence[Any]], int]) -> ReadResult:
    """Read one upload into grids; a file that cannot be read becomes one problem, never an exception.

    ``header_score`` rates a row as a header row (how many cells are known column names); it
    decides the CSV separator when several would split the lines.
    """
    name, content = upload.filename, upload.content
    if len(content) > MAX_UPLOAD_BYTES:
        return _refused(name, f"berkas {name} berukuran {size_text(len(content))}; "
                              f"batasnya {size_text(MAX_UPLOAD_BYTES)}")
    if not content.strip(b" \t\r\n\x00" + codecs.BOM_UTF8 + codecs.BOM_UTF16_LE + codecs.BOM_UTF16_BE):
        return _refused(name, "berkas kosong: tidak ada tabel untuk dibaca")
    kind = sniff_kind(content)
    if kind == "xlsx":
        return _read_workbook(name, content)
    if kind != "text":
        return _not_a_table(name, kind)
    return _read_text(name, content, header_score)


NOT_TABLE = {
    "pdf": "berkas ini PDF, bukan CSV atau XLSX",
    "docx": "berkas ini dokumen Word, bukan CSV atau XLSX",
    "pptx": "berkas ini presentasi PowerPoint, bukan CSV atau XLSX",
    "ods": "berkas ini lembar kerja OpenDocument (.ods), bukan CSV atau XLSX",
    "xls": "berkas ini format Excel lama (.xls) atau buku kerja berkata sandi, bukan CSV atau XLSX",
    "zip": "berkas ini arsip ZIP, bukan CSV atau XLSX",
    "binary": "berkas ini bukan teks CSV maupun buku kerja XLSX (isinya biner)",
}


def sniff_kind(content: bytes) -> str:
    """What the bytes are: xlsx, text, or a kind we refuse (pdf, docx, xls, ...)."""
    if content.startswith(b"%PDF"):
        return "pdf"
    if content.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: .xls, .doc, encrypted .xlsx
        return "xls"
    if content.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(content)).namelist())
        except zipfile.BadZipFile:
            return "binary"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "word/document.xml" in names:
            return "docx"
        if "ppt/presentation.xml" in names:
            return "pptx"
        return "ods" if "content.xml" in names else "zip"
    return "text"


def _not_a_table(name: str, kind: str) -> ReadResult:
    return _refused(name, f"{NOT_TABLE[kind]}; unggah CSV atau XLSX (Excel: Simpan Sebagai > Buku Kerja Excel .xlsx)")


def _refused(name: str, why: str) -> ReadResult:
    return ReadResult(problems=[Problem(name, None, None, None, why)])


# --- text (CSV, TSV, Excel "Unicode text") ---------------------------------------------------------


def decode(content: bytes) -> tuple[str, str | None]:
    """The text and, when it is not plain UTF-8, the encoding's name for the notes.

    Order matters: byte-order marks are certain; UTF-8 almost never decodes text that is not
    UTF-8; Windows-1252 (Excel's "CSV" on Indonesian Windows) decodes nearly anything, so it is
    tried last, before Latin-1 which cannot fail.
    """
    if content.startswith(codecs.BOM_UTF8):
        try:
            return content[3:].decode("utf-8"), "UTF-8 dengan BOM"
        except UnicodeDecodeError:
            content = content[3:]
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16"), "UTF-16 (Excel: Teks Unicode)"
    sample = content[:4096]
    if len(sample) >= 4:
        if sample[1::2].count(0) > len(sample) // 4 and sample[0::2].count(0) == 0:
            return content.decode("utf-16-le", errors="replace"), "UTF-16"
        if sample[0::2].count(0) > len(sample) // 4 and sample[1::2].count(0) == 0:
            return content.decode("utf-16-be", errors="replace"), "UTF-16"
    for encoding, label in (("utf-8", None), ("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            return content.decode(encoding), label
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF_CHARS]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f")
    return "\x00" in sample or control > len(sample) // 100


def split_rows(text: str, separator: str) -> list[list[str]]:
    # A blank line is a row too (csv gives []), so record numbers stay the spreadsheet's row numbers.
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))


def choose_separator(text: str, header_score: Callable[[Sequence[Any]], int]) -> str:
    """The separator that yields a recognisable header row, else the one that splits lines most evenly."""
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    best, best_rank = ",", (-1, -1, -1)
    for separator in CSV_SEPARATORS:
        try:
            rows = [row for row in split_rows(sample, separator)[:60] if any(c.strip() for c in row)]
        except csv.Error:
            continue
        widths = [len(row) for row in rows]
        wide = max(set(widths), key=widths.count) if widths else 0
        steady = widths.count(wide) if wide > 1 else 0
        rank = (max((header_score(row) for row in rows[:30]), default=0), steady, wide)
        if rank > best_rank:
            best, best_rank = separator, rank
    return best


def _read_text(name: str, content: bytes, header_score: Callable[[Sequence[Any]], int]) -> ReadResult:
    try:
        text, encoding = decode(content)
    except UnicodeDecodeError:  # a byte-order mark promised UTF-16, the bytes break off or do not follow
        return _refused(name, "berkas UTF-16 terpotong atau rusak; buka di Excel lalu simpan sebagai "
                              "'CSV UTF-8 (Comma delimited)'")
    if _looks_binary(text):
        return _not_a_table(name, "binary")
    separator = choose_separator(text, header_score)
    try:
        rows = split_rows(text, separator)
    except csv.Error as exc:
        return _refused(name, f"berkas CSV tidak dapat dibaca ({exc}); simpan ulang dari Excel sebagai CSV")
    notes = []
    if encoding:
        notes.append(f"pengodean {encoding} dikenali")
    if separator != ",":
        notes.append(f"pemisah {SEPARATOR_NAMES[separator]} dikenali")
    grid = Grid(name, name, None, [(i, row) for i, row in enumerate(rows, start=1)],
                decimal_comma=True if separator == ";" else None, notes=notes)
    return ReadResult(grids=[grid])


# --- workbooks -----------------------------------------------------------------------------------


def _read_workbook(name: str, content: bytes) -> ReadResult:
    from openpyxl import load_workbook  # 0,3 s to import: only when a workbook arrives

    try:
        # data_only: the value Excel last computed, not the formula text.
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # a damaged workbook fails in many ways inside openpyxl and zipfile
        return _refused(name, f"buku kerja XLSX tidak dapat dibuka ({type(exc).__name__}); simpan ulang dari Excel")
    result = ReadResult(workbook=True)
    try:
        for sheet in book.worksheets:
            rows = []
            # Some writers store a wrong sheet size, which would cut rows off: read to the end.
            sheet.reset_dimensions()
            # Read-only sheets yield missing rows as empty ones, so positions are row numbers.
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = list(values)
                while cells and _blank(cells[-1]):
                    cells.pop()
                rows.append((number, cells))
            while rows and not rows[-1][1]:
                rows.pop()
            result.grids.append(Grid(f"{name}, lembar {sheet.title}", name, sheet.title, rows))
    finally:
        book.close()
    return result


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
