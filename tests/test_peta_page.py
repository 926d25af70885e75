"""AppTest of the map page (pages/peta.py): with and without installed boundaries, choices from the URL.

AppTest cannot draw the st_folium component or click it; it shows up as an UnknownElement whose
arguments (the map's script and its JS/CSS links) can still be read. Drawing and clicking are
tested in tests/e2e/test_peta.py.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kla import boundaries
from tests.conftest import SHARED
from tests.test_pages import as_seen

ROOT = Path(__file__).resolve().parents[1]
PAGE = "pages/peta.py"
SEPINGGAN = "64.71.05.1002"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("geo_peta")
    boundaries.install(SHARED / "geo" / "balikpapan_kelurahan.geojson", folder)
    return folder


@pytest.fixture
def offline_empty(empty_geo_dir: Path) -> Path:
    """No boundaries, and a recent failed download: the page must not try the internet in a test."""
    boundaries._reset_attempt()
    (empty_geo_dir / boundaries.FAILED_MARKER).write_text(dt.datetime.now().astimezone().isoformat(timespec="seconds"))
    yield empty_geo_dir
    boundaries._reset_attempt()


def open_map_page(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if "lang" in params:
        at.query_params["lang"] = params["lang"]
    at.run()  # the default page first, as a visitor arrives; it owns a "tahun" of its own
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def folium_args(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.json_args) for el in at.get("component_instance")]


def test_without_boundaries_the_page_explains_and_shows_the_tile_map(offline_empty):
    at = open_map_page()
    info = " ".join(i.value for i in at.info)
    # the visitor reads that the area map is not there yet; the install command is for the server log
    assert "Peta wilayah belum tersedia" in info and "peta petak" in info and "python -m" not in info
    figures = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    assert len(figures) == 1
    assert sum(1 for trace in figures[0]["data"] if str(trace.get("name", "")).startswith("petak:")) == 34
    assert folium_args(at) == []
    assert not at.radio  # no choice of view without boundaries
    assert at.title[0].value == "Peta kelurahan"


def test_a_link_to_the_area_map_without_boundaries_says_what_is_shown(offline_empty):
    at = open_map_page(tampilan="wilayah")
    warned = " ".join(w.value for w in at.warning)
    assert "tampilan=wilayah" in warned and "Peta petak" in warned
    asked_tiles = open_map_page(tampilan="petak")  # the tile map is what was asked for: nothing to say
    assert not [w.value for w in asked_tiles.warning if "tampilan=" in w.value]


def test_with_boundaries_the_area_map_is_drawn_offline(installed, monkeypatch):
    monkeypatch.setenv("KLA_GEO_DIR", str(installed))
    at = open_map_page()
    assert not [i.value for i in at.info if "belum terpasang" in i.value]
    (args,) = folium_args(at)
    assert args["js_links"] == ["/app/static/leaflet/leaflet.js"]
    assert args["css_links"] == ["/app/static/leaflet/leaflet.css"]
    assert not [u for u in args["js_links"] + args["css_links"] if "http" in u]
    assert "kla-kelurahan" in args["script"] and "kla-legend" in args["script"]
    for kode in boundaries.load_installed(installed)["kode_kelurahan"]:
        assert f'"{kode}"' in args["script"], kode
    # only the popup's profile link reports back: a tap or a pan reruns nothing
    assert args["returned_objects"] == ["last_geocoder_result"]
    assert "kla-profil" in args["script"]
    assert (ROOT / "static" / "leaflet" / "leaflet.js").exists()  # copied for Streamlit's static serving
    assert at.radio[0].value == "wilayah"


def test_choices_come_from_the_url(installed, monkeypatch):
    monkeypatch.setenv("KLA_GEO_DIR", str(installed))
    at = open_map_page(metrik="inisiatif", tahun="2024", cari=SEPINGGAN, inisiatif="1")
    assert at.selectbox(key="url_metrik").value == "inisiatif"
    assert at.selectbox(key="url_tahun").value == 2024
    assert at.selectbox(key="url_cari").value == SEPINGGAN
    assert at.checkbox(key="url_inisiatif").value is True
    (args,) = folium_args(at)
    assert "kla-fokus" in args["script"] and "kla-inisiatif" in args["script"]
    assert "Inisiatif aktif, 2024" in args["script"]
    (link,) = at.get("page_link")
    assert link.proto.page == "kelurahan" and link.proto.query_string == f"kelurahan={SEPINGGAN}"
    assert "Sepinggan" in link.proto.label


def test_tile_view_by_choice(installed, monkeypatch):
    monkeypatch.setenv("KLA_GEO_DIR", str(installed))
    at = open_map_page(tampilan="petak", metrik="K3")
    assert folium_args(at) == [] and len(at.get("plotly_chart")) == 1
    assert not at.checkbox  # the initiative and basemap options belong to the area map
    at.radio(key="url_tampilan").set_value("wilayah").run()
    assert len(folium_args(at)) == 1
    assert at.query_params.get("tampilan") is None  # the default stays out of the URL


def test_changing_the_metric_keeps_a_valid_year(installed, monkeypatch):
    monkeypatch.setenv("KLA_GEO_DIR", str(installed))
    at = open_map_page(tahun="2022")
    assert at.selectbox(key="url_tahun").value == 2022
    at.selectbox(key="url_metrik").set_value("kegiatan").run()  # activities start in 2023
    assert not at.exception
    assert at.selectbox(key="url_tahun").value == 2026  # the metric's latest year, not a year it lacks


def test_ranking_of_every_kelurahan_under_the_map(installed, monkeypatch):
    monkeypatch.setenv("KLA_GEO_DIR", str(installed))
    at = open_map_page()
    table = at.table[0].value
    assert len(table) == 34
    ranks = [int(r) for r in table["Peringkat di kota"]]
    assert ranks == sorted(ranks) and ranks[0] == 1
    assert table.iloc[0, 2].endswith(" poin")
    names = table.iloc[:, 1].map(as_seen)  # st.table draws Markdown: the cells are escaped data text
    assert names.str.fullmatch(r".+ \((Barat|Utara|Timur|Selatan|Tengah|Kota)\)").all()
    assert table["Kelas (warna peta)"].str.len().min() > 0


def test_the_choices_are_folded_away_above_the_map(installed, monkeypatch):
    monkeypatch.setenv("KLA_GEO_DIR", str(installed))
    at = open_map_page()
    (box,) = at.expander
    assert box.label.startswith("Pilihan peta") and box.proto.expanded is False
    assert {w.key for w in box.selectbox} == {"url_metrik", "url_tahun", "url_cari"}


def test_broken_boundaries_fall_back_to_the_tile_map(tmp_path, monkeypatch):
    (tmp_path / boundaries.GEOJSON_NAME).write_text("{ bukan geojson")
    monkeypatch.setenv("KLA_GEO_DIR", str(tmp_path))
    at = open_map_page()
    assert any("tidak dapat dibaca" in w.value for w in at.warning)
    assert len(at.get("plotly_chart")) == 1 and folium_args(at) == []


def test_english_map_page(installed, monkeypatch):
    monkeypatch.setenv("KLA_GEO_DIR", str(installed))
    at = open_map_page(lang="en")
    assert at.title[0].value == "Kelurahan map"
    (args,) = folium_args(at)
    assert "Unit: points" in args["script"]
