"""Map values, classes and legends, on the tiny city (worked by hand) and on the sample data."""

import dataclasses

import numpy as np
import pandas as pd
import pytest

from kla import mapdata, scoring
from kla.config import PROJECT_ROOT
from kla.loading import load_dataset

GSU, NANGKA, SEPINGGAN = "64.71.04.1001", "64.71.05.1010", "64.71.05.1002"


@pytest.fixture
def city(tiny_city):
    return load_dataset(tiny_city).dataset


@pytest.fixture(scope="module")
def sample():
    return load_dataset(PROJECT_ROOT / "data").dataset


def _values(city, metric, year):
    return mapdata.map_values(city, metric, year).table.set_index("kode_kelurahan")["nilai"]


def test_total_and_block_values(city):
    assert _values(city, "total", 2025).to_dict() == pytest.approx({GSU: 850, NANGKA: 650, SEPINGGAN: 750})
    assert _values(city, "K3", 2024)[NANGKA] == pytest.approx(60.0)  # percent of the block's maximum


def test_counts_are_zero_where_nothing_happened_and_per_1000_children(city):
    activities = _values(city, "kegiatan", 2025)
    assert activities.to_dict() == {GSU: 1, NANGKA: 1, SEPINGGAN: 0}  # city-wide meetings have no kelurahan
    per_1000 = _values(city, "peserta_per_1000", 2025)
    assert per_1000[GSU] == pytest.approx(40 / 9000 * 1000) and per_1000[NANGKA] == pytest.approx(60 / 7000 * 1000)


def test_active_initiatives_per_year(city):
    # INI-0001 runs from 2023 on; INI-0003 ran Feb-Aug 2024 then stopped; INI-0002 is only planned.
    assert _values(city, "inisiatif", 2024).to_dict() == {GSU: 1, NANGKA: 0, SEPINGGAN: 1}
    assert _values(city, "inisiatif", 2025).to_dict() == {GSU: 1, NANGKA: 0, SEPINGGAN: 0}


def test_unassessed_kelurahan_has_no_value_and_no_rank(city):
    scores = city.skor_kelurahan
    city = dataclasses.replace(city, skor_kelurahan=scores[scores["kode_kelurahan"] != GSU])
    table = mapdata.map_values(city, "total", 2025).table.set_index("kode_kelurahan")
    assert np.isnan(table.loc[GSU, "nilai"]) and pd.isna(table.loc[GSU, "peringkat"])
    assert table.loc[GSU, "warna"] == mapdata.NO_DATA and table.loc[SEPINGGAN, "peringkat"] == 1


def test_ranks_in_city_and_kecamatan(city):
    table = mapdata.map_values(city, "total", 2025).table.set_index("kode_kelurahan")
    assert table["peringkat"].to_dict() == {GSU: 1, NANGKA: 3, SEPINGGAN: 2}
    assert table.loc[NANGKA, "peringkat_kecamatan"] == 2 and table.loc[GSU, "peringkat_kecamatan"] == 1


def test_class_breaks_are_the_same_for_every_year(sample):
    years = mapdata.metric_years(sample, "total")
    breaks = {mapdata.map_values(sample, "total", y).breaks for y in years}
    assert len(breaks) == 1
    (edges,) = breaks
    every_value = mapdata.metric_table(sample, "total")["nilai"]
    assert edges[0] <= every_value.min() and edges[-1] >= every_value.max()
    assert list(edges) == sorted(set(edges))


@pytest.mark.parametrize("metric", list(mapdata.METRICS))
def test_every_metric_colours_all_34_kelurahan_of_the_sample(sample, metric):
    values = mapdata.map_values(sample, metric)
    assert len(values.table) == 34
    allowed = set(mapdata.breaks_colours(values.breaks, metric))
    assert set(values.table["warna"]) <= allowed


def test_classify_puts_an_edge_value_in_the_upper_class():
    classes = mapdata.classify(pd.Series([0.0, 9.99, 10.0, 20.0, np.nan]), (0.0, 10.0, 20.0))
    assert classes.tolist() == [0, 0, 1, 1, -1]


def test_nice_breaks_from_uneven_values():
    edges = mapdata.class_breaks(pd.Series([534.3, 640, 690, 720, 760, 790, 810, 872.0]))
    assert edges[0] == 500 and edges[-1] == 900  # outer edges rounded outwards to the step (50)
    assert all(e % 50 == 0 for e in edges)


def test_legend_labels_for_counts_hold_whole_numbers():
    labels = [i.label for i in mapdata.legend_items((0.0, 1.0, 3.0, 8.0), "inisiatif")]
    assert labels == ["0", "1–2", "3–8", "tanpa data"]


def test_legend_labels_use_indonesian_numbers():
    labels = [i.label for i in mapdata.legend_items((0.0, 1250.5, 2500.0), "total", with_no_data=False)]
    assert labels == ["0,0–1.250,5", "1.250,5–2.500,0"]


def test_unknown_metric_and_year_are_refused(city):
    with pytest.raises(ValueError, match="tidak dikenal"):
        mapdata.map_values(city, "warna")
    with pytest.raises(ValueError, match="1999"):
        mapdata.map_values(city, "total", 1999)


def test_format_value_with_unit(city):
    assert mapdata.format_value(812.44, "total") == "812,4 poin"
    assert mapdata.format_value(87.5, "K1") == "87,5%"
    assert mapdata.format_value(float("nan"), "kegiatan") == "tanpa data"
    assert mapdata.format_value(1234, "kegiatan", "en") == "1,234 activities"


# --- a score's classes are the KLA category bands ------------------------------------------------------


def test_total_score_is_classed_by_the_category_bands(sample):
    values = mapdata.map_values(sample, "total")
    # the sample's kelurahan totals run from Pratama to Utama: the bands' own lower thresholds (KLA.md)
    assert values.breaks == (500, 601, 701, 801, 901)
    labels = [i.label for i in mapdata.legend_items(values.breaks, "total", with_no_data=False)]
    assert labels == ["Pratama (500–600)", "Madya (601–700)", "Nindya (701–800)", "Utama (801–900)"]
    english = [i.label for i in mapdata.legend_items(values.breaks, "total", "en", with_no_data=False)]
    assert english[-1] == "Utama (801–900)"


def test_a_kelurahan_colour_is_its_category(sample):
    table = mapdata.map_values(sample, "total").table.dropna(subset=["nilai"])
    colours = mapdata.CATEGORY_COLOURS
    for value, colour in zip(table["nilai"], table["warna"]):
        assert colour == colours[scoring.category_for(value)], value


def test_band_edges_decide_by_the_lower_threshold():
    breaks = mapdata.category_breaks(pd.Series([480.0, 600.5, 601.0, 950.0, 1000.0]))
    assert breaks == (0, 500, 601, 701, 801, 901, 1000)
    classes = mapdata.classify(pd.Series([480.0, 600.5, 601.0, 900.9, 901.0, 1000.0]), breaks)
    assert classes.tolist() == [0, 1, 2, 4, 5, 5]  # 600.5 is still Pratama, 601 Madya, 1000 Paripurna
    labels = [i.label for i in mapdata.legend_items(breaks, "total", with_no_data=False)]
    assert labels[0] == "Belum berkategori (< 500)" and labels[-1] == "Paripurna (901–1.000)"


def test_other_metrics_keep_their_own_classes(sample):
    values = mapdata.map_values(sample, "kegiatan")
    assert values.breaks == mapdata.class_breaks(mapdata.metric_table(sample, "kegiatan")["nilai"])
