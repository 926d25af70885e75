"""Downloads of a stored version: the ZIP holds the exact bytes; the workbook keeps codes as text."""

import io
import zipfile

import openpyxl

from kla.desk.bundle import version_xlsx, version_zip

FILES = {
    "wilayah.csv": b"kode,nama\n64.71.01.1001,Manggar\n",
    "inisiatif.csv": b"id,nama,lon\nINI-0001,=HYPERLINK(\"x\"),-1.25\n",
}


def test_zip_holds_every_file_byte_for_byte_and_a_readme():
    archive = zipfile.ZipFile(io.BytesIO(version_zip(FILES, "Data versi 3")))
    assert sorted(archive.namelist()) == ["README.txt", "inisiatif.csv", "wilayah.csv"]
    assert archive.read("wilayah.csv") == FILES["wilayah.csv"]
    assert archive.read("README.txt").decode() == "Data versi 3"


def test_workbook_has_a_sheet_per_file_codes_as_text_formulas_defused_numbers_kept():
    book = openpyxl.load_workbook(io.BytesIO(version_xlsx(FILES)))
    assert book.sheetnames == ["inisiatif", "wilayah"]
    assert book["wilayah"]["A2"].value == "64.71.01.1001"
    assert book["inisiatif"]["B2"].value == "'=HYPERLINK(\"x\")"
    assert book["inisiatif"]["C2"].value == "-1.25"
