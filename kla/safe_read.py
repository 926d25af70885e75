"""Reading a data file without trusting it: a table of text cells, or one reason in Indonesian.

Anything can sit under a data file's name: a FIFO or a link to ``/dev/zero`` (a read that never
ends), a file bigger than memory, a folder, a workbook renamed ``.csv``, random bytes named
``.xlsx``, Excel's Windows-1252 "CSV" or UTF-16 "Unicode text", NUL bytes, a second file pasted
after the first. :func:`read_raw` opens only regular files, reads at most :data:`MAX_FILE_BYTES`
within :data:`READ_DEADLINE_S` seconds, decides the kind from the content (not the name), and
raises :class:`Unreadable` with what to do instead of letting any of that hang or crash the
caller. Files are opened read-only and never changed.

Encodings and separators are recognised by :mod:`kla.intake.read`, the reader of staff uploads,
so both paths accept the same files.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
import stat
import threading
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

# Twice the one-million-row activity log of the scale benchmark (131 MB): room to grow, while a
# runaway file is refused before it is read into memory.
MAX_FILE_BYTES = 256 * 1024 * 1024
# A workbook is compressed: what it unpacks to is capped too (a small "zip bomb" is a big sheet).
MAX_UNPACKED_BYTES = MAX_FILE_BYTES
# Reading 256 MB from a local disk takes about a second; a network share that stops answering
# must not keep every page waiting.
READ_DEADLINE_S = 30.0

EXCEL_CSV_HINT = ('buka berkas di Excel, pilih File > Simpan Sebagai (Save As), jenis berkas '
                  '"CSV UTF-8 (Comma delimited) (*.csv)", lalu simpan dengan nama yang sama')

# Anything but blanks and byte-order-mark bytes: found at the first byte of a real file, whereas
# bytes.strip would copy a 100 MB file to learn it is not empty.
_SOMETHING = re.compile(rb"[^ \t\r\n" + re.escape(codecs.BOM_UTF8 + codecs.BOM_UTF16_LE) + rb"]")
_SNIFF_BYTES = 64 * 1024


class Unreadable(ValueError):
    """A file that cannot be read as a table; ``reason`` says why and what to do, in Indonesian.

    ``row``/``column``: where, when the reason is about one place of the file (as a spreadsheet
    numbers rows: the header is row 1).
    """

    def __init__(self, reason: str, row: int | None = None, column: str | None = None) -> None:
        super().__init__(reason)
        self.reason, self.row, self.column = reason, row, column


# --- bytes ----------------------------------------------------------------------------------------


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES, deadline: float = READ_DEADLINE_S) -> bytes:
    """The whole content of a regular file of at most ``limit`` bytes, read within ``deadline`` seconds."""
    fd = _open_regular(path, limit)
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["data"] = _read_all(fd, limit)
        except BaseException as exc:  # handed to the caller below
            outcome["error"] = exc
        finally:
            os.close(fd)

    # A read from a stalled network share cannot be interrupted; the caller stops waiting instead.
    worker = threading.Thread(target=work, name=f"baca {path.name}", daemon=True)
    worker.start()
    worker.join(deadline)
    if worker.is_alive():
        raise Unreadable(f"berkas tidak selesai dibaca dalam {deadline:g} detik; "
                         "salin berkas ke disk lokal lalu coba lagi")
    if "error" in outcome:
        error = outcome["error"]
        raise error if isinstance(error, Unreadable) else Unreadable(f"berkas tidak dapat dibaca: {_reason(error)}")
    return outcome["data"]


def digest(path: Path, limit: int = MAX_FILE_BYTES) -> str | None:
    """SHA-256 of a regular file's content; ``None`` for anything else (FIFO, device, folder, too big)."""
    try:
        fd = _open_regular(path, limit)
    except (Unreadable, OSError):
        return None
    with os.fdopen(fd, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _open_regular(path: Path, limit: int) -> int:
    # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one; fstat
    # on the opened descriptor then tells what it is, with no window for a swap after a check.
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError as exc:
        raise Unreadable("berkas tidak ditemukan") from exc
    except OSError as exc:
        raise Unreadable(f"berkas tidak dapat dibuka: {_reason(exc)}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(f"bukan berkas biasa ({_kind(info.st_mode)}); letakkan berkas CSV atau XLSX di sini")
        if info.st_size > limit:
            raise Unreadable(f"berkas berukuran {_mb(info.st_size)}; batasnya {_mb(limit)}")
    except BaseException:
        os.close(fd)
        raise
    return fd


def _read_all(fd: int, limit: int) -> bytes:
    size = os.fstat(fd).st_size
    with os.fdopen(fd, "rb", buffering=0, closefd=False) as f:
        data = f.read(size + 1) or b""  # one read for a regular file; one byte more tells a growing file
        while len(data) <= limit:
            more = f.read(min(limit + 1 - len(data), 8 * 1024 * 1024))
            if not more:
                return data
            data += more
    raise Unreadable(f"berkas bertambah besar selama dibaca, melewati batas {_mb(limit)}")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "sebuah folder"
    if stat.S_ISFIFO(mode):
        return "sebuah FIFO/pipa"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "sebuah perangkat"
    if stat.S_ISSOCK(mode):
        return "sebuah soket"
    return "jenis berkas khusus"


def _mb(n: int) -> str:
    from kla.intake.read import size_text

    return size_text(n)


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or type(exc).__name__


# --- tables ---------------------------------------------------------------------------------------


def read_raw(path: Path) -> pd.DataFrame:
    """A CSV or XLSX file as text cells (empty string for an empty cell), headers as written.

    The content decides the kind: a workbook renamed ``.csv`` is read as a workbook. Header cells
    are kept as written, duplicates included (pandas would rename the second ``jenis`` to
    ``jenis.1`` and one column would vanish unnoticed): :func:`kla.schema.parse_table` reports
    them. Raises :class:`Unreadable`.
    """
    from kla.intake.read import NOT_TABLE, sniff_kind  # kla.intake imports kla.loading: import when used

    content = read_bytes(path)
    if not _SOMETHING.search(content):
        raise Unreadable("berkas kosong: tidak ada baris judul maupun baris data")
    kind = sniff_kind(content)
    if kind == "xlsx":
        return _read_workbook(content)
    if kind != "text":
        raise Unreadable(f"{NOT_TABLE[kind]}; {EXCEL_CSV_HINT}")
    if path.suffix.lower() == ".xlsx":
        raise Unreadable("isi berkas ini bukan buku kerja XLSX (rusak, atau berkas lain yang diberi nama .xlsx); "
                         "simpan ulang dari Excel sebagai Buku Kerja Excel (.xlsx), atau " + EXCEL_CSV_HINT)
    return _read_csv(content)


def _read_csv(content: bytes) -> pd.DataFrame:
    text = _utf8(content)
    _refuse_stray_bytes(text)
    sample = text[:_SNIFF_BYTES].decode("utf-8", errors="ignore")
    separator = _separator(sample)
    try:
        raw = pd.read_csv(io.BytesIO(text), dtype=str, keep_default_na=False, sep=separator, encoding="utf-8")
    except UnicodeDecodeError:
        return _read_csv(_recoded(content))  # not UTF-8 after all (Windows-1252): pandas found out
    except pd.errors.ParserError as exc:
        raise _parser_problem(exc) from exc
    except pd.errors.EmptyDataError as exc:
        raise Unreadable("berkas kosong: tidak ada baris judul maupun baris data") from exc
    raw.columns = _header(sample, separator, raw.columns)
    return raw


def _utf8(content: bytes) -> bytes:
    """The content as UTF-8 without a leading byte-order mark."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in content[:4096]:
        return _recoded(content)  # UTF-16 (Excel "Unicode text"), or NUL bytes refused below
    return content[3:] if content.startswith(codecs.BOM_UTF8) else content


def _recoded(content: bytes) -> bytes:
    from kla.intake.read import decode

    try:
        text, encoding = decode(content)
    except UnicodeDecodeError as exc:
        raise Unreadable("pengodean teks berkas rusak (bukan UTF-8, UTF-16 maupun Windows-1252); "
                         f"{EXCEL_CSV_HINT}") from exc
    if encoding == "Latin-1":  # bytes that no Windows text has: not text Excel wrote
        raise Unreadable(f"pengodean teks berkas tidak dikenali; {EXCEL_CSV_HINT}")
    return text.encode("utf-8")


def _refuse_stray_bytes(text: bytes) -> None:
    # A NUL byte ends a cell early in some readers and is never typed by a person; a byte-order
    # mark after the start means a second file was pasted in. Both are told with their row.
    for needle, what in ((b"\x00", "byte NUL (\\0), tanda berkas biner atau rusak"),
                         (codecs.BOM_UTF8, "tanda urutan byte (BOM) di tengah berkas, tanda dua berkas digabung")):
        at = text.find(needle)
        if at != -1:
            row = text.count(b"\n", 0, at) + 1
            raise Unreadable(f"berkas memuat {what}; {EXCEL_CSV_HINT}", row=row)


def _known_names() -> set[str]:
    from kla.schema import FILES

    return {c.name for spec in FILES.values() for c in spec.columns}


def _separator(sample: str) -> str:
    from kla.intake.read import choose_separator

    known = _known_names()

    def header_score(row: Sequence[Any]) -> int:
        return sum(str(cell).strip() in known for cell in row)

    return choose_separator(sample, header_score)


def _header(sample: str, separator: str, parsed: pd.Index) -> list[str]:
    """Header cells as written (pandas renames repeats), blanks named by their position."""
    try:
        written = next(csv.reader(io.StringIO(sample, newline=""), delimiter=separator), [])
    except csv.Error:
        written = []
    names = [str(c).strip() for c in written] if len(written) == len(parsed) else [str(c).strip() for c in parsed]
    return [name or f"(kolom {i} tanpa judul)" for i, name in enumerate(names, start=1)]


_EXPECTED_FIELDS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_OPEN_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")


def _parser_problem(exc: pd.errors.ParserError) -> Unreadable:
    message = str(exc)
    if m := _EXPECTED_FIELDS.search(message):
        expected, line, saw = m.groups()
        return Unreadable(f"baris ini punya {saw} sel, baris judul {expected}; periksa pemisah (koma atau titik "
                          "koma) dan tanda petik di baris ini", row=int(line))
    if m := _OPEN_QUOTE.search(message):
        return Unreadable('tanda petik (") dibuka di baris ini tetapi tidak pernah ditutup', row=int(m.group(1)) + 1)
    return Unreadable(f"berkas CSV tidak dapat dibaca ({message.strip().splitlines()[-1][:200]}); {EXCEL_CSV_HINT}")


def _read_workbook(content: bytes) -> pd.DataFrame:
    try:
        unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(content)).infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Unreadable("buku kerja XLSX rusak; simpan ulang dari Excel") from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise Unreadable(f"buku kerja XLSX berisi {_mb(unpacked)} setelah dibuka; batasnya {_mb(MAX_UNPACKED_BYTES)}")
    try:
        # header=None: the first row as written, repeats and all (see read_raw).
        grid = pd.read_excel(io.BytesIO(content), header=None, dtype=str, keep_default_na=False, engine="openpyxl")
    except Exception as exc:  # a damaged workbook fails in many ways inside openpyxl and zipfile
        raise Unreadable(f"buku kerja XLSX tidak dapat dibuka ({type(exc).__name__}); simpan ulang dari Excel") from exc
    if grid.empty:
        raise Unreadable("lembar kerja pertama kosong: tidak ada baris judul maupun baris data")
    header = [str(c).strip() for c in grid.iloc[0]]
    raw = grid.iloc[1:].reset_index(drop=True)
    raw.columns = [name or f"(kolom {i} tanpa judul)" for i, name in enumerate(header, start=1)]
    return raw
