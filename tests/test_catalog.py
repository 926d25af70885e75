"""kla.catalog: every exportable chart builds from the data, with the page's defaults."""

from __future__ import annotations

import geopandas as gpd
import pytest

from kla import boundaries, catalog, export, views
from kla.loading import load_dataset
from tests.conftest import SHARED, tiny_tables, write_tables


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return load_dataset(write_tables(tmp_path_factory.mktemp("kota") / "data", tiny_tables())).dataset


def test_every_entry_builds_with_its_own_name_and_data(city):
    shapes = gpd.read_file(SHARED / "geo" / "balikpapan_kelurahan.geojson")[list(boundaries.OUTPUT_COLUMNS)]
    ctx = catalog.Context(city, boundaries=shapes)
    for name in catalog.CATALOG:
        chart = catalog.build(name, ctx)
        assert chart.name == name
        assert not chart.data.empty, name
        assert chart.title and chart.source.startswith("Sumber: ")
        assert chart.sample, "the fixture's files are sample data"


def test_labels_in_both_languages():
    for entry in catalog.CATALOG.values():
        assert entry.label("id") != entry.label("en")


def test_without_boundaries_the_static_map_is_not_offered(city):
    ctx = catalog.Context(city)
    assert "peta_kelurahan" not in catalog.available(ctx)
    assert "peta_petak" in catalog.available(ctx)
    with pytest.raises(export.ExportError, match="geo install"):
        catalog.build("peta_kelurahan", ctx)


def test_year_defaults_to_the_latest_and_an_absent_year_is_refused(city):
    assert catalog.build("capaian_blok", catalog.Context(city)).period == "2025"
    assert catalog.build("capaian_blok", catalog.Context(city, year=2023)).period == "2023"
    with pytest.raises(export.ExportError, match="Tahun 2019 tidak ada.*2023, 2025"):
        catalog.build("capaian_blok", catalog.Context(city, year=2019))
    # kelurahan scores exist for 2024 and 2025 only
    assert catalog.build("peta_petak", catalog.Context(city, year=2024)).period == "2024"


def test_indicator_trend_shows_the_weakest_block(tmp_path):
    tables = tiny_tables()
    evaluasi = tables["evaluasi_kota"]
    k4 = evaluasi["kode_indikator"].str.startswith("K4-") & (evaluasi["tahun"] == 2025)
    evaluasi.loc[k4, "poin"] *= 0.5  # K4 drops to 44% in 2025, every other block stays at 88%
    data = load_dataset(write_tables(tmp_path / "data", tables)).dataset
    assert views.block_year(data, 2025).terlemah == "K4"
    assert views.block_year(data, 2023).terlemah == "KL", "ties go to the first block in BLOCKS order"
    chart = catalog.build("tren_indikator", catalog.Context(data))
    assert set(chart.data["kode"]) == {"K4-18", "K4-19", "K4-20"}


def test_kelurahan_compared_are_the_lowest_and_highest(city):
    chart = catalog.build("banding_kelurahan", catalog.Context(city))
    # tiny city, 2025: Gunung Sari Ulu at 85%, Sungainangka at 65%, Sepinggan in between
    assert set(chart.data["kode_kelurahan"]) - {"RATA-RATA"} == {"64.71.04.1001", "64.71.05.1010"}


def test_unknown_names_are_clear_errors(city):
    with pytest.raises(export.ExportError, match="'grafik_x'.*--list"):
        catalog.build("grafik_x", catalog.Context(city))
    with pytest.raises(export.ExportError, match="'tinggi'"):
        catalog.build("peta_petak", catalog.Context(city, metric="tinggi"))
