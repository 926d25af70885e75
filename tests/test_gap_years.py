"""Every gap year says why, the same way, in every chart with a year axis, its export and the pages.

The rule is KLA.md's (kla.domain.gap_reason, worded by kla.scoring.gap_label): 2020 had no
national round, 2024 no round (every two years from 2023); a year with a round whose score for
the city was not published (2018, in the sample data's span) is *not* a year without a round.
Officially reported scores are told apart from the dashboard's own (sample) score.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kla import catalog, domain, export, scoring
from kla.config import PROJECT_ROOT
from kla.loading import load_dataset

ROOT = Path(__file__).resolve().parents[1]
# Written out from KLA.md, not from the code: the words a reader must see for each gap year.
EXPECTED = {
    "id": {2018: "skor tidak diumumkan", 2020: "tidak ada penilaian nasional", 2023: "skor tidak diumumkan",
           2024: "tidak ada penilaian (dua tahunan)"},
    "en": {2018: "score not published", 2020: "no national round", 2023: "score not published",
           2024: "no round (every two years)"},
}
YEAR_CHARTS = ("tren_total", "tren_blok", "tren_indikator", "banding_kelurahan")
STAMP = {lang: export.Stamp(__import__("datetime").date(2026, 11, 30), lang=lang) for lang in ("id", "en")}


@pytest.fixture(scope="module")
def sample():
    data = load_dataset(PROJECT_ROOT / "data").dataset
    # The sample's kelurahan were assessed every year 2022-2025: leave 2023 out so that chart has a gap too.
    scores = data.skor_kelurahan
    return dataclasses.replace(data, skor_kelurahan=scores[scores["tahun"] != 2023])


def test_rounds_follow_kla_md():
    assert [domain.national_round(y) for y in (2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027)] \
        == [True, True, True, False, True, True, True, False, True, False, True]
    assert domain.national_round(2016) is None and scoring.gap_label(2016) == "tanpa data"
    # a round was held in 2017, 2019, 2021, 2022 and 2025: a missing score there is "not published", never "no round"
    for year in (2017, 2019, 2021, 2022, 2025):
        assert scoring.gap_label(year) == "skor tidak diumumkan"


def _words(text: str) -> str:
    return text.replace("<br>", " ")  # a label may be wrapped to fit beside its year: the words count


def _gap_annotations(chart) -> dict[int, str]:
    return {int(a.name.split(":")[1]): _words(a.text) for a in chart.figure.layout.annotations
            if (a.name or "").startswith("tanpa_evaluasi:")}


def _gap_rows(chart) -> dict[int, set[str]]:
    data = chart.data[chart.data["keterangan"] != ""]
    return {int(y): set(rows["keterangan"]) for y, rows in data.groupby("tahun")}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", YEAR_CHARTS)
def test_every_year_chart_and_its_data_name_the_gap_by_the_rule(sample, name, lang):
    chart = catalog.build(name, catalog.Context(sample, lang))
    marked = _gap_annotations(chart)
    assert marked, f"{name}: no gap year marked"
    for year, text in marked.items():
        assert text == EXPECTED[lang][year], (name, year, text)
    # the exported table carries the same words, one per gap year (a row per series)
    assert _gap_rows(chart) == {y: {EXPECTED[lang][y]} for y in marked}


def test_city_charts_mark_2018_2020_and_2024(sample):
    for name in ("tren_total", "tren_blok", "tren_indikator"):
        assert sorted(_gap_annotations(catalog.build(name, catalog.Context(sample)))) == [2018, 2020, 2024]


def _csv_rows(payload: bytes) -> list[list[str]]:
    text = payload.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.split("\r\n\r\n", 1)[-1][:2000], delimiters=",;")
    return list(csv.reader(io.StringIO(text), dialect))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", YEAR_CHARTS)
def test_csv_and_xlsx_exports_say_why_a_year_is_empty(sample, name, lang):
    chart = catalog.build(name, catalog.Context(sample, lang))
    expected = {(str(y), EXPECTED[lang][y]) for y in _gap_annotations(chart)}
    # English exports head their columns in English (export.headed): "Year", not "tahun"
    year, note = (export.headed(pd.DataFrame(columns=["tahun", "keterangan"]), lang).columns)
    assert lang == "id" or (year, note) != ("tahun", "keterangan")
    rows = _csv_rows(export.csv_bytes(chart, STAMP[lang]))
    header = next(r for r in rows if r and r[0] == year)
    year_col, note_col = header.index(year), header.index(note)
    body = rows[rows.index(header) + 1:]
    assert {(r[year_col], r[note_col]) for r in body if len(r) > note_col and r[note_col]} == expected
    book = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(chart, STAMP[lang])))
    sheet = book[book.sheetnames[0]]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    head = next(r for r in cells if r and r[0] == year)
    found = {(str(r[head.index(year)]), r[head.index(note)]) for r in cells[cells.index(head) + 1:]
             if r[head.index(note)]}
    assert found == expected


def test_official_scores_are_told_apart_from_the_computed_one(sample):
    assert scoring.official_score_text(sample.kategori_resmi, 2023) == "891 / 817 (sumber bertentangan)"
    assert scoring.official_score_text(sample.kategori_resmi, 2025) == "skor tidak diumumkan"
    assert scoring.official_score_text(sample.kategori_resmi, 2020) == "tidak ada penilaian nasional"
    chart = catalog.build("tren_total", catalog.Context(sample))
    row = chart.data.set_index("tahun").loc[2023]
    assert row["skor_dilaporkan"] == "891 / 817 (sumber bertentangan)" and row["total"] not in (891, 817)
    line = next(tr for tr in chart.figure.data if tr.meta != "penghubung" and tr.mode.startswith("lines"))
    assert line.name == "Skor total (ilustratif)"  # the sample's total, drawn beside the reported numbers
    assert "Skor resmi dilaporkan: %{customdata[2]}" in line.hovertemplate
    assert "891 / 817 (sumber bertentangan)" in {c[2] for c in line.customdata if c is not None and c[2]}


# --- the pages ------------------------------------------------------------------------------------


def _open(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "pages/ringkasan.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _page_gap_labels(at: AppTest) -> dict[int, str]:
    labels = {}
    for element in at.get("plotly_chart"):
        for a in json.loads(element.proto.spec)["layout"].get("annotations", []):
            if str(a.get("name", "")).startswith("tanpa_evaluasi:"):
                labels[int(a["name"].split(":")[1])] = _words(a["text"])
    return labels


@pytest.mark.parametrize(("page", "params"), [("pages/ringkasan.py", {}), ("pages/tren.py", {"tampilan": "blok"}),
                                              ("pages/tren.py", {"tampilan": "indikator"}),
                                              ("pages/ringkasan.py", {"lang": "en"})])
def test_pages_show_the_same_gap_labels(page, params):
    lang = params.get("lang", "id")
    shown = _page_gap_labels(_open(page, **params))
    assert shown == {y: EXPECTED[lang][y] for y in (2018, 2020, 2024)}


def test_ringkasan_says_which_2023_score_is_official():
    at = _open("pages/ringkasan.py", tahun="2023")
    boxes = [i.value.replace("\\", "") for i in at.info if "2023" in i.value]
    assert len(boxes) == 1, boxes  # two conflicting sources, one statement
    (box,) = boxes
    assert "skor resmi dilaporkan: 891 / 817 (sumber bertentangan)" in box
    assert "845,7" in box and "ilustratif" in box and "bukan skor resmi" in box
    links = sorted(b.proto.label.replace("\\", "") for b in at.get("link_button"))
    assert links[0].startswith("Sumber (817)") and links[1].startswith("Sumber (891)")


def test_ringkasan_names_an_unpublished_score_as_such():
    at = _open("pages/ringkasan.py", tahun="2019")
    (box,) = [i.value.replace("\\", "") for i in at.info if "2019" in i.value]
    assert "Nindya" in box and "skor tidak diumumkan" in box and "ilustratif" not in box
