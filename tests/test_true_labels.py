"""True labels: with every sample flag of the committed data turned off, no page, export or brief says sample.

A copy of ``data/`` is made twice: as committed (every file but kategori_resmi flagged ``contoh``)
and as a real publication would be (every ``contoh`` and ``bobot_ilustratif`` flag off, and the
free text that describes the sample generator replaced, as an office would write its own). The
second copy is checked to say nothing of sample data itself, so any "contoh", "ilustratif",
"sample" or "illustrative" found afterwards comes from the dashboard, not from the data. Then:

* every page (AppTest; the data reach it through ``KLA_DATA_DIR``, which a fresh data store
  imports as version 1) says none of those words, and shows "Data versi 1, diterbitkan …";
* every catalogue chart as SVG, CSV and XLSX, and the ZIP README, in Indonesian and English;
* the meeting brief's HTML (with its map);

and, the converse, with the committed flags they all say "Data contoh" / "DATA CONTOH".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kla import boundaries, brief, catalog, export
from kla.loading import Dataset, VersionInfo, load_dataset
from tests.conftest import SHARED

pytestmark = pytest.mark.browser  # the autouse renderer fixture below starts Chromium for every test here

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_WORDS = re.compile(r"contoh|ilustratif|illustrative|sample", re.IGNORECASE)
VERSION = VersionInfo(3, dt.datetime(2026, 11, 29, 9, 30), "penerbit@balikpapan.go.id", "uji label")
VERSION_TEXT = {"id": "Data versi 3, diterbitkan 29 November 2026", "en": "Data version 3, published 29 November 2026"}
STAMP_DAY = dt.date(2026, 11, 30)
LANSKAP = export.PRESETS["lanskap"]
ATTRIBUTION = "© 2024 Cahya DSN, MIT"
PAGE_VISITS = [
    ("pages/ringkasan.py", {}), ("pages/ringkasan.py", {"lang": "en"}),
    *[("pages/tren.py", {"tampilan": view}) for view in ("blok", "indikator", "kelurahan")],
    ("pages/inisiatif.py", {}), ("pages/kegiatan.py", {}), ("pages/tentang.py", {}),
    ("pages/tentang.py", {"lang": "en"}),
    ("pages/peta.py", {}), ("pages/peta.py", {"metrik": "peserta_per_1000"}), ("pages/kelurahan.py", {}),
    ("pages/ekspor.py", {}),
    *[("pages/rapat.py", {"view": view}) for view in ("posisi", "poin", "kelurahan", "sejak", "tindak")],
]


# --- the two copies --------------------------------------------------------------------------------


def copy_data(target: Path) -> Path:
    target.mkdir(parents=True)
    for path in (ROOT / "data").glob("*.csv"):
        shutil.copyfile(path, target / path.name)
    return target


def edit(folder: Path, name: str, change) -> None:
    table = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
    change(table).to_csv(folder / f"{name}.csv", index=False)


def publish_as_real(folder: Path) -> Path:
    """Every sample flag off; the free text about the generator replaced by what an office would write."""
    edit(folder, "sumber", lambda t: t.assign(contoh="tidak", sumber="Rekap " + t["penerbit"],
                                              sumber_en="Compiled by " + t["penerbit"]))  # and its English twin
    edit(folder, "indikator", lambda t: t.assign(bobot_ilustratif="tidak"))
    edit(folder, "inisiatif", lambda t: t.assign(
        deskripsi=t["deskripsi"].str.replace(" (lokasi kelurahan ilustratif)", "", regex=False),
        deskripsi_en=t["deskripsi_en"].str.replace(" (kelurahan location illustrative)", "", regex=False)))
    return folder


@pytest.fixture(scope="module")
def real_folder(tmp_path_factory) -> Path:
    return publish_as_real(copy_data(tmp_path_factory.mktemp("terbit") / "data"))


@pytest.fixture(scope="module")
def flagged_folder(tmp_path_factory) -> Path:
    return copy_data(tmp_path_factory.mktemp("contoh") / "data")


def versioned(folder: Path) -> Dataset:
    result = load_dataset(folder, cache=False)
    assert result.ok, result.problems[:5]
    return dataclasses.replace(result.dataset, version=VERSION)


@pytest.fixture(scope="module")
def real(real_folder) -> Dataset:
    return versioned(real_folder)


@pytest.fixture(scope="module")
def flagged(flagged_folder) -> Dataset:
    return versioned(flagged_folder)


def test_the_real_copy_itself_says_nothing_of_sample(real_folder, flagged_folder):
    """Cells only: column names (contoh, bobot_ilustratif) are the schema's, never shown as such."""
    def cells(folder: Path) -> str:
        return "\n".join(pd.read_csv(path, dtype=str, keep_default_na=False).to_csv(index=False, header=False)
                         for path in sorted(folder.glob("*.csv")))

    assert SAMPLE_WORDS.findall(cells(real_folder)) == []
    assert SAMPLE_WORDS.search(cells(flagged_folder)), "the committed data do say so"


# --- exports ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shapes() -> gpd.GeoDataFrame:
    return gpd.read_file(SHARED / "geo" / "balikpapan_kelurahan.geojson")[list(boundaries.OUTPUT_COLUMNS)]


@pytest.fixture(scope="module", autouse=True)
def warm_renderer():
    export.start_renderer()
    yield
    export.stop_renderer()


def svg_text(svg: bytes) -> str:
    """All text of an SVG, wrapped lines rejoined with one space."""
    return re.sub(r"\s+", " ", " ".join(t.strip() for t in ET.fromstring(svg).itertext() if t.strip()))


def xlsx_text(raw: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True)
    return "\n".join(" | ".join("" if v is None else str(v) for v in row)
                     for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))


def kit_texts(data: Dataset, shapes: gpd.GeoDataFrame, lang: str, images: bool) -> dict[str, str]:
    """Every catalogue chart as CSV and XLSX (and SVG), and the README of their ZIP, as text."""
    ctx = catalog.Context(data, lang, boundaries=shapes, attribution=ATTRIBUTION)
    stamp = export.Stamp(STAMP_DAY, lang)
    built = [catalog.build(name, ctx) for name in catalog.CATALOG]
    formats = ["svg", "csv", "xlsx"] if images else ["csv", "xlsx"]
    files = {name: raw for chart in built for name, raw in export.chart_files(chart, [LANSKAP], formats, stamp).items()}
    texts = {name: svg_text(raw) if name.endswith(".svg") else xlsx_text(raw) if name.endswith(".xlsx")
             else raw.decode("utf-8-sig") for name, raw in files.items()}
    texts["README.txt"] = export.readme_text(built, [LANSKAP], formats, stamp, files, ATTRIBUTION)
    raw_svgs = {name: raw.decode("utf-8") for name, raw in files.items() if name.endswith(".svg")}
    return texts | {f"{name} (kode)": text for name, text in raw_svgs.items()}  # the markup too, not only its text


@pytest.mark.parametrize(("lang", "images"), [("id", True), ("en", False)])
def test_no_export_of_real_data_says_sample_and_every_one_names_the_version(real, shapes, lang, images):
    texts = kit_texts(real, shapes, lang, images)
    assert len(texts) >= len(catalog.CATALOG) * (4 if images else 2) + 1
    said = {name: SAMPLE_WORDS.findall(text) for name, text in texts.items() if SAMPLE_WORDS.search(text)}
    assert said == {}
    for name, text in texts.items():
        if not name.endswith("(kode)"):
            assert VERSION_TEXT[lang] in text, name
    assert "DP3AKB" in texts["tren_total.csv"]


@pytest.mark.parametrize(("lang", "images"), [("id", True), ("en", False)])
def test_with_the_flags_on_every_export_says_sample(flagged, shapes, lang, images):
    texts = kit_texts(flagged, shapes, lang, images)
    mark = {"id": "DATA CONTOH", "en": "SAMPLE DATA"}[lang]
    row = {"id": "Data contoh", "en": "Sample data"}[lang]
    for name, text in texts.items():
        if name.endswith(".svg"):
            assert text.count(mark) == 2, f"{name}: the small mark and the watermark"
        elif name.endswith((".csv", ".xlsx")):
            assert row in text and mark in text, name
    assert mark in texts["README.txt"]


# --- the brief -------------------------------------------------------------------------------------


def brief_of(data: Dataset, shapes: gpd.GeoDataFrame, lang: str) -> str:
    return brief.brief_html(data, start=dt.date(2026, 10, 1), end=dt.date(2026, 11, 15), today=STAMP_DAY, lang=lang,
                            shapes=shapes, attribution=ATTRIBUTION)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_brief_of_real_data_says_no_sample_and_names_the_version(real, shapes, lang):
    html = brief_of(real, shapes, lang)
    assert SAMPLE_WORDS.findall(html) == []
    assert VERSION_TEXT[lang] in html
    assert "<svg" in html, "the map is in it"


def test_with_the_flags_on_the_brief_says_sample(flagged, shapes):
    html = brief_of(flagged, shapes, "id")
    assert "DATA CONTOH: angka buatan" in html
    assert "(data contoh)" in html, "the source line"
    assert VERSION_TEXT["id"] in html


# --- pages -----------------------------------------------------------------------------------------


def page_text(at: AppTest) -> str:
    """Everything the page sent: every element's message, with chart figures and tables in it."""
    parts: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in (getattr(node, "children", None) or {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(parts)


def visit(page: str, params: dict[str, str]) -> str:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "pages/ringkasan.py":
        at.switch_page(page).run()
    assert not at.exception, (page, [e.value for e in at.exception])
    return page_text(at)


def test_no_page_of_real_data_says_sample_and_every_page_names_the_version(real_folder, monkeypatch):
    monkeypatch.setenv("KLA_DATA_DIR", str(real_folder))
    for page, params in PAGE_VISITS:
        text = visit(page, params)
        assert SAMPLE_WORDS.findall(text) == [], (page, params, [m.group(0) for m in re.finditer(
            r".{0,60}(?:contoh|ilustratif|illustrative|sample).{0,60}", text, re.IGNORECASE)][:3])
        version = "Data version 1, published" if params.get("lang") == "en" else "Data versi 1, diterbitkan"
        assert version in text, (page, params)


def test_with_the_flags_on_every_page_says_sample(flagged_folder, monkeypatch):
    monkeypatch.setenv("KLA_DATA_DIR", str(flagged_folder))
    for page, params in PAGE_VISITS:
        text = visit(page, params)
        said = "Sample data" if params.get("lang") == "en" else "Data contoh"
        assert said in text, (page, params)
