"""The view models (kla.views), and every catalogue chart's default equal to what its page shows.

A press image from ``python -m kla export`` (kla/catalog.py) must show what a visitor sees on the
page without touching a widget: the same traces (data) and the same title. The pages run in
AppTest as in tests/test_pages.py; their Plotly figures are read from the element's spec.
"""

import json

import pandas as pd
import pytest

from kla import catalog, scoring, views
from kla.loading import load_dataset
from kla.ui.data import current_dataset
from kla.views import SHORTFALL_TOP
from tests.conftest import tiny_tables, write_tables
from tests.test_pages import open_page, plotly_figures

# catalogue chart -> (page, its URL parameters, index of the figure on that page)
SHOWN_ON = {
    "tren_total": ("pages/ringkasan.py", {}, 0),
    "capaian_blok": ("pages/ringkasan.py", {}, 1),
    "tren_blok": ("pages/tren.py", {}, 0),
    "tren_indikator": ("pages/tren.py", {"tampilan": "indikator"}, 0),
    "banding_kelurahan": ("pages/tren.py", {"tampilan": "kelurahan"}, 0),
    "inisiatif_jenis": ("pages/inisiatif.py", {}, 0),
    "inisiatif_jenis_mitra": ("pages/inisiatif.py", {}, 1),
    "inisiatif_kecamatan": ("pages/inisiatif.py", {}, 2),
    "kegiatan_bulanan": ("pages/kegiatan.py", {}, 0),
    "peserta_bulanan": ("pages/kegiatan.py", {}, 1),
    "peta_petak": ("pages/peta.py", {}, 0),  # without boundaries the Peta page shows the tile map
}


def test_every_catalogue_chart_shown_on_a_page_is_listed():
    # peta_kelurahan (the static press map) is only offered as a download on the Peta page;
    # kekurangan_indikator is drawn as a picture in meeting mode (checked below)
    assert set(SHOWN_ON) == set(catalog.CATALOG) - {"peta_kelurahan", "kekurangan_indikator"}


def test_the_meeting_shortfall_picture_draws_the_catalogue_default():
    """Meeting mode shows the shortfall chart as an SVG picture (kla.projector): the same bars, same order."""
    at = open_page("pages/rapat.py", view="poin")
    (picture,) = [m.value for m in at.markdown if 'id="rapat_poin"' in m.value]
    data, problems = current_dataset()
    assert data is not None, problems
    built = catalog.build("kekurangan_indikator", catalog.Context(data, "id"))
    codes = list(built.data["kode"])
    assert len(codes) == SHORTFALL_TOP
    # the indicator codes stand in the bar labels, in the catalogue's order (plotly writes a category
    # axis's tick labels from the last category to the first)
    drawn = picture[picture.index("<svg"):]  # the picture itself, not its alt text (which names the first code)
    at_position = [drawn.index(f"({code})") for code in codes]
    assert at_position == sorted(at_position, reverse=True)


@pytest.mark.parametrize("name", list(SHOWN_ON))
def test_the_catalogue_default_is_what_the_page_shows(name):
    page, params, index = SHOWN_ON[name]
    at = open_page(page, **params)
    shown = plotly_figures(at)[index]
    data, problems = current_dataset()  # the version the page showed: this test's own store
    assert data is not None, problems
    built = json.loads(catalog.build(name, catalog.Context(data, "id")).figure.to_json())
    assert shown["layout"]["title"] == built["layout"]["title"]
    assert shown["data"] == built["data"]


# --- the view models themselves ----------------------------------------------------------------------


def attainment(percents: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame({"blok": list(percents), "persen": list(percents.values())})


def test_weakest_block_is_the_lowest_as_shown_and_ties_go_in_block_order():
    assert views.weakest_block(attainment({"KL": 80, "K1": 70, "K2": 60.2, "K3": 90, "K4": 60.3, "K5": 99})) == "K2"
    # 60.04 and 60.01 both show as 60.0: a tie, so the earlier block (K1 before K5) wins
    assert views.weakest_block(attainment({"KL": 80, "K1": 60.04, "K2": 70, "K3": 90, "K4": 88, "K5": 60.01})) == "K1"
    # KL comes before K1 in the block order, although "K1" sorts before "KL" as text
    assert views.weakest_block(attainment({"K1": 50, "KL": 50, "K2": 70, "K3": 90, "K4": 88, "K5": 60})) == "KL"


@pytest.fixture
def lopsided(tmp_path):
    tables = tiny_tables()
    evaluasi = tables["evaluasi_kota"]
    k4 = evaluasi["kode_indikator"].str.startswith("K4-") & (evaluasi["tahun"] == 2025)
    evaluasi.loc[k4, "poin"] *= 0.5  # K4 drops to 44% in 2025, every other block stays at 88%
    return load_dataset(write_tables(tmp_path / "data", tables)).dataset


def test_indicator_default_is_the_weakest_block_with_all_its_indicators(lopsided):
    choice = views.indicator_default(lopsided)
    assert choice.blok == "K4"
    assert choice.kode == ["K4-18", "K4-19", "K4-20"]
    assert views.indicator_default(lopsided, 2023).blok == "KL", "all blocks equal in 2023: the first block"


def test_block_year_defaults_to_the_latest_year(lopsided):
    panel = views.block_year(lopsided)
    assert panel.tahun == 2025
    assert panel.weakest_row["persen"] == pytest.approx(44, abs=1)


def test_kelurahan_default_is_the_lowest_and_the_highest_of_the_latest_year(lopsided):
    totals = scoring.kelurahan_totals(lopsided.skor_kelurahan, lopsided.wilayah)
    # tiny city, 2025: Gunung Sari Ulu at 85%, Sungainangka at 65%, Sepinggan in between
    assert views.kelurahan_default(totals) == ["64.71.05.1010", "64.71.04.1001"]
    one = totals[totals["kode_kelurahan"] == "64.71.04.1001"]
    assert views.kelurahan_default(one) == ["64.71.04.1001"]


def test_activity_window_is_the_last_365_days_within_the_log():
    import datetime as dt

    first, last = dt.date(2020, 1, 1), dt.date(2024, 6, 30)
    assert views.activity_window(first, last) == (dt.date(2023, 7, 1), last)
    assert views.activity_window(dt.date(2024, 3, 1), last) == (dt.date(2024, 3, 1), last)
