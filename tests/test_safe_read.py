"""Reading untrusted data files: special files, size caps, encodings, stray bytes, broken workbooks."""

import codecs
import hashlib
import io
import os
import random
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from kla import safe_read
from kla.safe_read import MAX_FILE_BYTES, Unreadable, digest, read_bytes, read_raw

HEADER = "id,nama,deskripsi\n"
ROWS = "INI-0001,Taman Baca Café,Lapak baca\nINI-0002,Forum Anak,\n"


def refused(path: Path) -> Unreadable:
    with pytest.raises(Unreadable) as caught:
        read_raw(path)
    return caught.value


# --- only regular files, within a size ----------------------------------------------------------


def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    path = tmp_path / "kegiatan.csv"
    os.mkfifo(path)
    assert "FIFO" in refused(path).reason  # reading it would block forever: it is never read


def test_link_to_dev_zero_is_refused(tmp_path):
    path = tmp_path / "kegiatan.csv"
    path.symlink_to("/dev/zero")
    assert "perangkat" in refused(path).reason


def test_folder_is_refused(tmp_path):
    path = tmp_path / "kegiatan.csv"
    path.mkdir()
    assert "folder" in refused(path).reason


def test_file_over_the_cap_is_refused_before_reading(tmp_path):
    path = tmp_path / "kegiatan.csv"
    with open(path, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space used, nothing to read in time
    reason = refused(path).reason
    assert "batasnya 256 MB" in reason


def test_limit_is_a_parameter(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"0123456789")
    assert read_bytes(path, limit=10) == b"0123456789"
    with pytest.raises(Unreadable):
        read_bytes(path, limit=9)


def test_missing_file(tmp_path):
    assert "tidak ditemukan" in refused(tmp_path / "tidak_ada.csv").reason


def test_digest_of_regular_files_only(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"isi")
    assert digest(path) == hashlib.sha256(b"isi").hexdigest()
    fifo = tmp_path / "b.csv"
    os.mkfifo(fifo)
    assert digest(fifo) is None


# --- encodings and separators --------------------------------------------------------------------


def frame(path: Path) -> list[list[str]]:
    raw = read_raw(path)
    return [list(raw.columns), *raw.to_numpy().tolist()]


EXPECTED = [["id", "nama", "deskripsi"], ["INI-0001", "Taman Baca Café", "Lapak baca"], ["INI-0002", "Forum Anak", ""]]


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("cp1252"),  # Excel's "CSV (Comma delimited)" on Windows
    lambda t: t.encode("utf-16"),  # with BOM
    lambda t: t.replace(",", "\t").encode("utf-16"),  # Excel's "Unicode Text": UTF-16, tab separated
    lambda t: t.replace(",", ";").encode("utf-8"),  # Excel with Indonesian regional settings
], ids=["utf8", "utf8-bom", "cp1252", "utf16", "excel-unicode-text", "semicolon"])
def test_encodings_and_separators_excel_writes_are_read(tmp_path, encode):
    path = tmp_path / "inisiatif.csv"
    path.write_bytes(encode(HEADER + ROWS))
    assert frame(path) == EXPECTED


def test_undecodable_text_says_how_to_save_csv_utf8(tmp_path):
    path = tmp_path / "inisiatif.csv"
    # no Windows text has these
    path.write_bytes((HEADER + ROWS).encode("utf-8").replace(b"Caf\xc3\xa9", b"Caf\x81\x8d"))
    reason = refused(path).reason
    assert "CSV UTF-8 (Comma delimited)" in reason and "Simpan Sebagai" in reason


def test_broken_utf16_says_how_to_save_csv_utf8(tmp_path):
    path = tmp_path / "inisiatif.csv"
    path.write_bytes((HEADER + ROWS).encode("utf-16")[:-1])  # odd number of bytes
    assert "CSV UTF-8" in refused(path).reason


@pytest.mark.parametrize(("inserted", "words"), [(b"\x00", "NUL"), (codecs.BOM_UTF8, "BOM")])
def test_stray_bytes_are_refused_with_their_row(tmp_path, inserted, words):
    path = tmp_path / "inisiatif.csv"
    text = (HEADER + ROWS).encode("utf-8")
    at = text.index(b"Forum")  # row 3
    path.write_bytes(text[:at] + inserted + text[at:])
    problem = refused(path)
    assert words in problem.reason and problem.row == 3


def test_empty_file(tmp_path):
    path = tmp_path / "inisiatif.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"\r\n \n")
    assert "kosong" in refused(path).reason


# --- headers as written ----------------------------------------------------------------------------


def test_repeated_header_is_kept_as_written(tmp_path):
    path = tmp_path / "inisiatif.csv"
    path.write_text("id,nama,nama\nINI-0001,a,b\n")
    assert list(read_raw(path).columns) == ["id", "nama", "nama"]  # pandas alone says "nama.1"


def test_blank_headers_get_names_by_position(tmp_path):
    path = tmp_path / "inisiatif.csv"
    path.write_text("id,,nama,\nINI-0001,,a,\n")
    assert list(read_raw(path).columns) == ["id", "(kolom 2 tanpa judul)", "nama", "(kolom 4 tanpa judul)"]


@pytest.mark.parametrize(("content", "row", "words"), [
    (HEADER + "INI-0001,a,b\nINI-0002,a,b,c\n", 3, "4 sel"),
    (HEADER + 'INI-0001,"a,b\n', 2, "tanda petik"),
])
def test_csv_that_cannot_be_split_names_the_row(tmp_path, content, row, words):
    path = tmp_path / "inisiatif.csv"
    path.write_text(content)
    problem = refused(path)
    assert problem.row == row and words in problem.reason


# --- workbooks -----------------------------------------------------------------------------------


def workbook_bytes(table: pd.DataFrame) -> bytes:
    out = io.BytesIO()
    table.to_excel(out, index=False)
    return out.getvalue()


def test_workbook_headers_as_written(tmp_path):
    path = tmp_path / "inisiatif.xlsx"
    book = Workbook()
    book.active.append(["id", "nama", "nama"])  # a repeated header, as Excel allows
    book.active.append(["INI-0001", "a", "b"])
    book.save(path)
    raw = read_raw(path)
    assert list(raw.columns) == ["id", "nama", "nama"] and raw.to_numpy().tolist() == [["INI-0001", "a", "b"]]


def test_workbook_named_csv_is_read_as_a_workbook(tmp_path):
    path = tmp_path / "inisiatif.csv"
    path.write_bytes(workbook_bytes(pd.DataFrame([["INI-0001", "a"]], columns=["id", "nama"])))
    assert frame(path) == [["id", "nama"], ["INI-0001", "a"]]


RANDOM = random.Random(13)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(("content", "words"), [
    (RANDOM.randbytes(2000), "bukan buku kerja XLSX"),
    (b"PK\x03\x04" + RANDOM.randbytes(500), "buku kerja XLSX (isinya biner)"),  # looks like a zip, is not one
    (zip_bytes({"catatan.txt": b"halo"}), "arsip ZIP"),
    (zip_bytes({"xl/workbook.xml": b"<bukan xml"}), "tidak dapat dibuka"),
], ids=["random-bytes", "fake-zip", "zip-not-xlsx", "broken-xlsx"])
def test_broken_workbooks_are_refused(tmp_path, content, words):
    path = tmp_path / "inisiatif.xlsx"
    path.write_bytes(content)
    assert words in refused(path).reason


def test_truncated_workbook_is_refused(tmp_path):
    path = tmp_path / "inisiatif.xlsx"
    whole = workbook_bytes(pd.DataFrame([["INI-0001", "a"]], columns=["id", "nama"]))
    path.write_bytes(whole[: len(whole) // 2])
    assert "XLSX" in refused(path).reason


def test_workbook_that_unpacks_beyond_the_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(safe_read, "MAX_UNPACKED_BYTES", 100_000)  # the real cap would take 256 MB to show
    path = tmp_path / "inisiatif.xlsx"
    path.write_bytes(zip_bytes({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b" " * 200_000}))
    assert "setelah dibuka" in refused(path).reason


def test_reading_never_changes_the_file(tmp_path):
    path = tmp_path / "inisiatif.csv"
    path.write_bytes((HEADER + ROWS).encode("cp1252"))
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    read_raw(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
