"""A month the window covers only in part is never shown as a whole month: on the page and in the press files.

The sample log runs from 2 January 2023 to 15 November 2026, so November 2026 has 15 of its 30
days. The default window is 12 calendar months from the 1st (1 December 2025 to 15 November 2026);
a window chosen from the 15th makes its first month partial too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from kla import catalog, charts, export, views
from kla.activities import month_spans
from kla.config import PROJECT_ROOT
from kla.loading import load_dataset

ROOT = Path(__file__).resolve().parents[1]
LOG_END = dt.date(2026, 11, 15)
STAMP = export.Stamp(dt.date(2026, 11, 30))


@pytest.fixture(scope="module")
def sample():
    return load_dataset(PROJECT_ROOT / "data").dataset


def test_month_spans_know_which_months_are_whole():
    spans = month_spans(dt.date(2025, 11, 15), dt.date(2026, 2, 10))
    assert [(str(s.bulan), s.mulai.day, s.sampai.day, s.penuh) for s in spans] == [
        ("2025-11", 15, 30, False), ("2025-12", 1, 31, True), ("2026-01", 1, 31, True), ("2026-02", 1, 10, False)]
    assert month_spans(dt.date(2024, 2, 1), dt.date(2024, 2, 29))[0].penuh  # a leap February, whole


def test_the_default_window_starts_on_the_first_of_a_month(sample):
    assert views.recent_window(sample) == (dt.date(2025, 12, 1), LOG_END)
    assert views.activity_window(dt.date(2026, 3, 9), LOG_END) == (dt.date(2026, 3, 9), LOG_END)  # a short log


@pytest.mark.parametrize("name", ["kegiatan_bulanan", "peserta_bulanan"])
def test_press_chart_marks_the_half_month(sample, name):
    chart = catalog.build(name, catalog.Context(sample))
    labels = list(chart.figure.data[0].x)
    assert labels[0] == "Des 2025" and labels[-1] == "Nov 2026*"
    assert [lab for lab in labels if lab.endswith("*")] == ["Nov 2026*"]
    for trace in chart.figure.data:
        shapes = list(trace.marker.pattern.shape)
        assert shapes[-1] == "/" and set(shapes[:-1]) == {""}
    assert "* bulan tidak penuh: 1–15 Nov 2026" in chart.subtitle
    assert chart.period == "1 Des 2025 – 15 Nov 2026"
    assert chart.figure.layout.xaxis.ticktext[-1] == "Nov*"
    whole = chart.data.drop_duplicates("bulan").set_index("bulan")
    assert whole.loc["2026-11", "bulan_penuh"] == "tidak" and whole.loc["2026-11", "hari_tercakup"] == "1–15 Nov 2026"
    assert set(whole.drop(index="2026-11")["bulan_penuh"]) == {"ya"}


def test_a_window_from_mid_month_marks_both_ends(sample):
    chart = charts.activities_per_month(sample.kegiatan, period=(dt.date(2025, 11, 15), LOG_END), lang="en")
    labels = list(chart.figure.data[0].x)
    assert labels[0] == "Nov 2025*" and labels[-1] == "Nov 2026*"
    assert "* part month: 15–30 Nov 2025; 1–15 Nov 2026" in chart.subtitle
    assert chart.data.drop_duplicates("bulan")["bulan_penuh"].tolist() == ["no"] + ["yes"] * 11 + ["no"]


def _csv_table(payload: bytes) -> list[dict[str, str]]:
    text = payload.decode("utf-8-sig")
    lines = text.split("\r\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("bulan"))
    body = "\r\n".join(lines[start:])
    dialect = csv.Sniffer().sniff(lines[start], delimiters=",;")
    return list(csv.DictReader(io.StringIO(body), dialect=dialect))


@pytest.mark.parametrize("name", ["kegiatan_bulanan", "peserta_bulanan"])
def test_csv_and_xlsx_say_the_month_is_partial(sample, name):
    chart = catalog.build(name, catalog.Context(sample))
    rows = _csv_table(export.csv_bytes(chart, STAMP))
    assert {r["bulan_penuh"] for r in rows if r["bulan"] == "2026-11"} == {"tidak"}
    assert {r["bulan_penuh"] for r in rows if r["bulan"] != "2026-11"} == {"ya"}
    assert "bulan tidak penuh: 1–15 Nov 2026" in export.csv_bytes(chart, STAMP).decode("utf-8-sig")
    book = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(chart, STAMP)))
    (cells,) = [rows for rows in ([[c.value for c in row] for row in sheet.iter_rows()] for sheet in book.worksheets)
                if any(r and r[0] == "bulan" for r in rows)]
    head = next(r for r in cells if r and r[0] == "bulan")
    marked = {(r[0], r[head.index("bulan_penuh")]) for r in cells[cells.index(head) + 1:] if r[0]}
    assert ("2026-11", "tidak") in marked and ("2026-10", "ya") in marked


def _open_kegiatan(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/kegiatan.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _figures(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def test_kegiatan_page_marks_the_partial_month():
    figures = _figures(_open_kegiatan())
    assert len(figures) == 2
    for figure in figures:
        labels = figure["data"][0]["x"]
        assert labels[0] == "Des 2025" and labels[-1] == "Nov 2026*"
        assert "bulan tidak penuh: 1–15 Nov 2026" in figure["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")


def test_kegiatan_page_window_from_the_url_marks_both_ends():
    (figure, _) = _figures(_open_kegiatan(dari="2026-02-10", sampai="2026-06-20"))
    assert figure["data"][0]["x"] == ["Feb 2026*", "Mar 2026", "Apr 2026", "Mei 2026", "Jun 2026*"]
    assert "10–28 Feb 2026; 1–20 Jun 2026" in figure["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
