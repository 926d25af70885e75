"""kla.export: every chart of the catalog as PNG/SVG/PDF at each size, and its data as CSV/XLSX.

Charts come from the tiny fixture city (tests/conftest.py) through kla.catalog; the kelurahan
map reads the shared boundary file. Images are rendered for real by kaleido with the system
Chromium (one warm browser for the module).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
from PIL import Image

from kla import boundaries, catalog, charts, export
from kla.loading import load_dataset
from tests.conftest import SHARED, tiny_tables, write_tables

pytestmark = pytest.mark.browser  # the autouse renderer fixture below starts Chromium for every test here

DAY = dt.date(2026, 11, 23)
STAMP = export.Stamp(DAY)
LANSKAP = export.PRESETS["lanskap"]


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return load_dataset(write_tables(tmp_path_factory.mktemp("kota") / "data", tiny_tables())).dataset


@pytest.fixture(scope="module")
def shapes() -> gpd.GeoDataFrame:
    gdf = gpd.read_file(SHARED / "geo" / "balikpapan_kelurahan.geojson")
    return gdf[list(boundaries.OUTPUT_COLUMNS)]


@pytest.fixture(scope="module")
def all_charts(city, shapes) -> dict[str, charts.Chart]:
    ctx = catalog.Context(city, boundaries=shapes, attribution="© 2024 Cahya DSN, MIT")
    return {name: catalog.build(name, ctx) for name in catalog.CATALOG}


@pytest.fixture(scope="module", autouse=True)
def warm_renderer():
    export.start_renderer()
    yield
    export.stop_renderer()


def svg_text(svg: bytes) -> str:
    """All text of an SVG in document order, one space between pieces (wrapped lines rejoin)."""
    root = ET.fromstring(svg)
    return re.sub(r"\s+", " ", " ".join(t.strip() for t in root.itertext() if t.strip()))


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("<br>", " ").replace("&lt;", "<").replace("&gt;", ">")
                  .replace("&amp;", "&"))


# --- images ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(catalog.CATALOG))
def test_every_chart_in_every_image_format(all_charts, name):
    chart = all_charts[name]
    png = export.image_bytes(chart, "png", LANSKAP, STAMP)
    assert Image.open(io.BytesIO(png)).size == (1200 * 2, 675 * 2)
    svg = export.image_bytes(chart, "svg", LANSKAP, STAMP)
    text = svg_text(svg)
    assert plain(chart.title) in text
    assert plain(chart.source) in text, "the footer line 'Sumber: … · Periode: …'"
    assert "Diekspor 23 November 2026" in text
    assert export.image_bytes(chart, "pdf", LANSKAP, STAMP).startswith(b"%PDF")


@pytest.mark.parametrize("size", list(export.PRESETS.values()), ids=list(export.PRESETS))
def test_png_size_is_preset_times_two_and_svg_keeps_the_preset(all_charts, size):
    chart = all_charts["tren_total"]
    png = export.image_bytes(chart, "png", size, STAMP)
    assert Image.open(io.BytesIO(png)).size == (size.width * 2, size.height * 2)
    root = ET.fromstring(export.image_bytes(chart, "svg", size, STAMP))
    assert (float(root.get("width")), float(root.get("height"))) == (size.width, size.height)


def test_a4_pdf_is_one_a4_page(all_charts):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(export.image_bytes(all_charts["capaian_blok"], "pdf", export.PRESETS["a4"], STAMP)))
    box = reader.pages[0].mediabox
    assert len(reader.pages) == 1
    assert float(box.width) / 72 * 25.4 == pytest.approx(210, abs=1)
    assert float(box.height) / 72 * 25.4 == pytest.approx(297, abs=1)


def test_phone_presets_are_laid_out_smaller_and_rendered_larger():
    # a story is seen about 400 px wide: laid out at half size, its text is twice as large
    assert export.PRESETS["cerita"].layout_size == (540, 960)
    assert export.PRESETS["lanskap"].layout_size == (1200, 675)


def test_indonesian_numbers_in_the_image(all_charts):
    chart = all_charts["tren_total"]
    text = svg_text(export.image_bytes(chart, "svg", LANSKAP, STAMP))
    # tiny city: every indicator at 88% of its maximum in 2025, so the total is 880 of 1000
    assert "1.000" in text and "880" in text
    assert "1,000" not in text


def test_sample_data_is_marked_and_real_data_is_not(all_charts):
    chart = all_charts["capaian_blok"]
    assert chart.sample  # the fixture's files are marked as sample
    marked = press_text(chart)
    assert marked.count("DATA CONTOH") == 2, "the small mark and the watermark"
    real = press_text(charts.Chart(**{**chart.__dict__, "sample": False,
                                      "figure": without_sample_mark(chart.figure)}))
    assert "DATA CONTOH" not in real


def press_text(chart: charts.Chart) -> str:
    return svg_text(export.render(export.press_figure(chart, LANSKAP, STAMP), "svg", LANSKAP))


def without_sample_mark(fig):
    copy = type(fig)(fig)
    copy.layout.annotations = [a for a in copy.layout.annotations if a.name != "contoh"]
    return copy


def test_english_stamp(all_charts):
    text = svg_text(export.image_bytes(all_charts["tren_blok"], "svg", LANSKAP, export.Stamp(DAY, "en")))
    assert "Exported 23 November 2026" in text


def test_logo_goes_into_the_image(all_charts, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 60), "#0072B2").save(logo)
    fig = export.press_figure(all_charts["tren_total"], LANSKAP, export.Stamp(DAY, logo=logo))
    images = [i for i in fig.layout.images if i.name == "logo"]
    assert len(images) == 1 and images[0].source.startswith("data:image/png;base64,")
    svg = export.render(fig, "svg", LANSKAP)
    assert b"<image" in svg


def test_missing_logo_is_a_clear_error(all_charts, tmp_path):
    missing = tmp_path / "tidak-ada.png"
    with pytest.raises(export.ExportError, match="tidak-ada.png.*KLA_LOGO"):
        export.press_figure(all_charts["tren_total"], LANSKAP, export.Stamp(DAY, logo=missing))
    with pytest.raises(export.ExportError, match="'.gif'"):
        export.logo_uri(tmp_path / "logo.gif")


def test_export_leaves_the_screen_chart_alone(all_charts):
    chart = all_charts["tren_total"]
    before = chart.figure.to_json()
    export.press_figure(chart, export.PRESETS["cerita"], STAMP)
    assert chart.figure.to_json() == before


# --- data ------------------------------------------------------------------------------------------


def csv_parts(raw: bytes) -> tuple[dict[str, str], pd.DataFrame]:
    text = raw.decode("utf-8-sig")
    head, table = text.split("\r\n\r\n", 1)
    about = dict(row for row in csv.reader(io.StringIO(head)))
    return about, pd.read_csv(io.StringIO(table), dtype=str, keep_default_na=False)


@pytest.mark.parametrize("name", list(catalog.CATALOG))
def test_csv_has_bom_header_block_and_exactly_the_data(all_charts, name):
    chart = all_charts[name]
    raw = export.csv_bytes(chart, STAMP)
    assert raw.startswith(b"\xef\xbb\xbf")
    about, table = csv_parts(raw)
    assert about["Judul"] == plain(chart.title)
    assert about["Periode"] == chart.period
    assert about["Diekspor"] == "23 November 2026"
    assert about["Data contoh"].startswith("YA")
    expected = chart.data.astype(str).replace({"nan": "", "None": "", "<NA>": ""})
    assert list(table.columns) == [str(c) for c in chart.data.columns]
    assert len(table) == len(chart.data)
    for column in chart.data.columns:
        if pd.api.types.is_numeric_dtype(chart.data[column]):
            got = pd.to_numeric(table[column].replace("", None))
            shown = chart.data[column].astype(float).round(export.DATA_DECIMALS)  # rounded as the chart shows it
            assert got.tolist() == pytest.approx(shown.tolist(), nan_ok=True)
        else:
            assert table[column].tolist() == expected[column].tolist()


@pytest.mark.parametrize("name", list(catalog.CATALOG))
def test_xlsx_reopens_and_equals_the_data(all_charts, name):
    chart = all_charts[name]
    book = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(chart, STAMP)))
    assert book.sheetnames == ["Data", "Keterangan"]
    rows = list(book["Data"].iter_rows(values_only=True))[1 if chart.sample else 0:]  # after the sample mark
    assert list(rows[0]) == [str(c) for c in chart.data.columns]
    assert len(rows) - 1 == len(chart.data)
    for i, column in enumerate(chart.data.columns):
        got = [r[i] for r in rows[1:]]
        want = chart.data[column].tolist()
        if pd.api.types.is_float_dtype(chart.data[column]):
            want = chart.data[column].round(export.DATA_DECIMALS).tolist()
        if pd.api.types.is_numeric_dtype(chart.data[column]):
            assert [float("nan") if g is None else g for g in got] == pytest.approx(want, nan_ok=True)
        else:
            # an empty text is an empty cell in a spreadsheet
            assert got == [None if pd.isna(w) or w == "" else str(w) if isinstance(w, pd.Period) else w for w in want]
    about = dict(book["Keterangan"].iter_rows(values_only=True))
    assert about["Sumber"] and about["Judul"] == plain(chart.title)


def injected_chart() -> charts.Chart:
    data = pd.DataFrame({"nama": ["=HYPERLINK(\"http://x\")", "+62 811", "-kurang", "@SUM(A1)", "Biasa", "\t=1"],
                         "nilai": [-1.5, 2, 3, 4, 5, 6]})
    return charts.Chart("uji", charts.go.Figure(), data, "=judul", "sub", "Sumber: =uji · Periode: 2025", "2025")


def test_formula_injection_is_neutralised_in_csv_and_xlsx():
    chart = injected_chart()
    about, table = csv_parts(export.csv_bytes(chart, STAMP))
    assert table["nama"].tolist() == ["'=HYPERLINK(\"http://x\")", "'+62 811", "'-kurang", "'@SUM(A1)", "Biasa",
                                      "'\t=1"]
    assert table["nilai"].tolist() == ["-1.5", "2.0", "3.0", "4.0", "5.0", "6.0"], "numbers stay numbers, minus kept"
    assert about["Judul"] == "'=judul"
    book = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(chart, STAMP)))
    cells = [c.value for c in book["Data"]["A"][1:]]
    assert cells[:4] == ["'=HYPERLINK(\"http://x\")", "'+62 811", "'-kurang", "'@SUM(A1)"]
    assert all(c.data_type != "f" for c in book["Data"]["A"]), "no cell is stored as a formula"
    assert book["Data"]["B"][1].value == -1.5


# --- files and ZIP ---------------------------------------------------------------------------------


def test_zip_holds_every_requested_file_and_the_readme(all_charts):
    chosen = [all_charts["tren_total"], all_charts["peta_kelurahan"]]
    sizes = [export.PRESETS["persegi"], export.PRESETS["a4"]]
    files: dict[str, bytes] = {}
    for chart in chosen:
        files |= export.chart_files(chart, sizes, ["png", "csv", "xlsx"], STAMP)
    readme = export.readme_text(chosen, sizes, ["png", "csv", "xlsx"], STAMP, files, "© 2024 Cahya DSN, MIT")
    archive = zipfile.ZipFile(io.BytesIO(export.build_zip(files, readme)))
    expected = {f"{c}_{s}.png" for c in ("tren_total", "peta_kelurahan") for s in ("persegi", "a4")}
    expected |= {f"{c}.{f}" for c in ("tren_total", "peta_kelurahan") for f in ("csv", "xlsx")}
    assert set(archive.namelist()) == expected | {"README.txt"}
    assert archive.read("tren_total.csv") == files["tren_total.csv"]
    text = archive.read("README.txt").decode("utf-8-sig")
    assert "DATA CONTOH" in text
    assert "Cahya DSN" in text
    for name in expected:
        assert f"- {name}" in text
    assert "persegi: 1080 x 1080" in text
    assert plain(chosen[0].source) in text


def test_unknown_format_and_preset_are_refused(all_charts):
    with pytest.raises(export.ExportError, match="'gif'.*png, svg, pdf"):
        export.export_bytes(all_charts["tren_total"], "gif", LANSKAP, STAMP)
    with pytest.raises(export.ExportError, match="'poster'.*lanskap"):
        export.preset("poster")
    with pytest.raises(export.ExportError, match="bmp"):
        export.chart_files(all_charts["tren_total"], [LANSKAP], ["png", "bmp"], STAMP)


def test_renderer_recovers_after_it_was_stopped(all_charts):
    export.stop_renderer()
    png = export.image_bytes(all_charts["capaian_blok"], "png", LANSKAP, STAMP)
    assert png.startswith(b"\x89PNG")


def test_renderer_recovers_when_chromium_dies(all_charts):
    from kla import render

    export.start_renderer()
    render.shared()._browser.subprocess.kill()
    png = export.image_bytes(all_charts["capaian_blok"], "png", LANSKAP, STAMP)
    assert png.startswith(b"\x89PNG")


def test_float_noise_is_rounded_away_in_data_files():
    chart = charts.Chart("uji", charts.go.Figure(), pd.DataFrame({"nilai": [0.1 + 0.2, 736.0999999999999]}),
                         "judul", "sub", "Sumber: uji · Periode: 2025", "2025")
    _, table = csv_parts(export.csv_bytes(chart, STAMP))
    assert table["nilai"].tolist() == ["0.3", "736.1"]


def test_static_map_name_matches_its_module():
    # export and catalog name the static map without importing it (geopandas loads slowly)
    from kla import staticmap

    assert export.STATIC_MAP == staticmap.NAME


def test_importing_export_does_not_load_geopandas_or_openpyxl():
    code = "import sys, kla.export, kla.catalog; print(sorted({'geopandas', 'openpyxl'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("name", ["tren_total", "peta_petak", "peta_kelurahan"])
def test_press_figure_leaves_the_shared_chart_as_it_was(all_charts, name):
    # charts are cached and shared by every session: an export must work on its own copy
    chart = all_charts[name]
    before = chart.figure.to_json()
    fig = export.press_figure(chart, export.PRESETS["cerita"], STAMP)
    assert fig.layout.width == export.PRESETS["cerita"].layout_size[0]
    assert chart.figure.to_json() == before


def test_english_exports_have_english_column_titles_and_type_names():
    table = pd.DataFrame({"jenis": ["Forum Anak", "PUSPAGA", "Forum Anak"],
                          "tanggal_mulai": pd.to_datetime(["2025-01-01"] * 3)})
    chart = charts.initiatives_by(table, "jenis", lang="en")
    english = export.Stamp(DAY, "en")
    text = export.csv_bytes(chart, english).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text.split("\r\n\r\n", 1)[1])))
    assert rows[0] == ["Type", "Count"]
    assert rows[1] == ["Children's Forum", "2"]
    book = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(chart, english)))
    assert book.sheetnames == ["Data", "About"]
    data_rows = list(book["Data"].iter_rows(values_only=True))
    assert ("Type", "Count") in data_rows
    excel_id = export.csv_id_bytes(chart, english).decode("utf-8-sig")
    assert "Type;Count" in excel_id
    indonesian = charts.initiatives_by(table, "jenis")
    assert "jenis,jumlah\r\nForum Anak,2" in export.csv_bytes(indonesian, STAMP).decode("utf-8-sig")
