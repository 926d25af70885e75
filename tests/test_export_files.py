"""kla.export's data files as staff open them: a CSV for Excel in an Indonesian locale, the sample
mark on the XLSX data sheet itself, numbers rounded as the charts show them (issue 15 item 7).

No images are rendered here (no Chromium): charts come from the tiny fixture city or are made by hand.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from kla import catalog, charts, export
from kla.loading import load_dataset
from tests.conftest import tiny_tables, write_tables

STAMP = export.Stamp(dt.date(2026, 11, 23))
LANSKAP = export.PRESETS["lanskap"]


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return load_dataset(write_tables(tmp_path_factory.mktemp("kota") / "data", tiny_tables())).dataset


def hand_chart(sample: bool) -> charts.Chart:
    data = pd.DataFrame({"nama": ["Klandasan; Ilir", "Damai"], "persen": [73.45678, 2.0], "jumlah": [3, 12],
                         "kosong": [None, 5.26]})
    return charts.Chart("uji", charts.go.Figure(), data, "Judul", "sub", "Sumber: DP3AKB · Periode: 2025", "2025",
                        sample)


def split(raw: bytes, delimiter: str) -> tuple[dict[str, str], list[list[str]]]:
    """Header block (key, value) and the table rows of a CSV with a BOM."""
    assert raw.startswith(b"\xef\xbb\xbf")
    head, table = raw.decode("utf-8-sig").split("\r\n\r\n", 1)
    about = dict(csv.reader(io.StringIO(head), delimiter=delimiter))
    return about, list(csv.reader(io.StringIO(table), delimiter=delimiter))


# --- CSV for Indonesian Excel ------------------------------------------------------------------------


def test_indonesian_excel_csv_has_semicolons_decimal_commas_and_a_bom():
    about, rows = split(export.data_bytes(hand_chart(True), "csv_id", STAMP), ";")
    assert rows[0] == ["nama", "persen", "jumlah", "kosong"]
    assert rows[1] == ["Klandasan; Ilir", "73,5", "3", ""]  # the semicolon inside a name is quoted, not a column
    assert rows[2] == ["Damai", "2,0", "12", "5,3"]
    assert about["Judul"] == "Judul" and about["Data contoh"].startswith("YA")
    assert "koma" in about["Format angka"]


def test_indonesian_excel_csv_reads_back_as_the_numbers_shown(city):
    chart = catalog.build("capaian_blok", catalog.Context(city))
    assert (chart.data["persen"].round(1) != chart.data["persen"]).any(), "the fixture needs unrounded percentages"
    raw = export.data_bytes(chart, "csv_id", STAMP)
    table = pd.read_csv(io.BytesIO(raw.split(b"\r\n\r\n", 1)[1]), sep=";", decimal=",", encoding="utf-8")
    assert list(table.columns) == list(chart.data.columns)
    assert table["persen"].tolist() == pytest.approx(chart.data["persen"].round(1).tolist())
    assert table["poin"].tolist() == pytest.approx(chart.data["poin"].tolist())


def test_the_indonesian_csv_sits_next_to_the_standard_one():
    assert {"csv", "csv_id"} <= set(export.DATA_FORMATS) and "csv_id" in export.FORMATS
    chart = hand_chart(False)
    files = export.chart_files(chart, [LANSKAP], ["csv", "csv_id"], STAMP)
    assert set(files) == {"uji.csv", "uji_excel-id.csv"}
    _, standard = split(files["uji.csv"], ",")
    assert standard[1] == ["Klandasan; Ilir", "73.5", "3", ""]
    readme = export.readme_text([chart], [LANSKAP], ["csv", "csv_id"], STAMP, files)
    assert "- uji_excel-id.csv" in readme and "koma desimal" in readme


# --- the sample mark on the data sheet ---------------------------------------------------------------


def data_sheet(chart: charts.Chart):
    return openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(chart, STAMP)))["Data"]


def test_the_xlsx_data_sheet_itself_says_sample_data():
    sheet = data_sheet(hand_chart(True))
    assert sheet["A1"].value.startswith("DATA CONTOH") and "bukan data resmi" in sheet["A1"].value
    assert [c.value for c in sheet[2]] == ["nama", "persen", "jumlah", "kosong"]
    assert sheet["B3"].value == 73.5


def test_real_data_carries_no_sample_mark():
    sheet = data_sheet(hand_chart(False))
    assert [c.value for c in sheet[1]] == ["nama", "persen", "jumlah", "kosong"]
    assert not [c.value for row in sheet.iter_rows() for c in row if "CONTOH" in str(c.value or "")]


# --- numbers rounded as displayed --------------------------------------------------------------------


def test_numbers_are_rounded_as_the_chart_shows_them():
    chart = hand_chart(False)
    _, standard = split(export.csv_bytes(chart, STAMP), ",")
    assert [row[1] for row in standard[1:]] == ["73.5", "2.0"]
    sheet = data_sheet(chart)
    assert [sheet["B2"].value, sheet["D3"].value] == [73.5, 5.3]
    assert sheet["C3"].value == 12  # whole numbers stay whole
