"""kla.ui.cache: a chart is built once per distinct input; new data or choices build anew."""

from __future__ import annotations

import os
import time

from kla import charts, mapdata, scoring
from kla.loading import load_dataset
from kla.ui.cache import cached, cached_on_data, data_key


def test_same_arguments_give_the_same_chart_and_others_a_new_one(tiny_city):
    data = load_dataset(tiny_city).dataset
    totals = scoring.city_totals(data.evaluasi_kota)
    first = cached(charts.total_trend)(totals, data.kategori_resmi, data.peta_jalan, sample=True)
    again = cached(charts.total_trend)(totals.copy(), data.kategori_resmi, data.peta_jalan, sample=True)
    english = cached(charts.total_trend)(totals, data.kategori_resmi, data.peta_jalan, sample=True, lang="en")
    assert again is first, "equal data frames hash equal"
    assert english is not first and english.title != first.title
    changed = totals.assign(total=totals["total"] + 1)
    assert cached(charts.total_trend)(changed, data.kategori_resmi, data.peta_jalan, sample=True) is not first


def test_results_on_a_dataset_follow_its_files(tiny_city):
    data = load_dataset(tiny_city).dataset
    before = cached_on_data(mapdata.map_values)(data, "total", 2025)
    assert cached_on_data(mapdata.map_values)(data, "total", 2025) is before
    assert cached_on_data(mapdata.map_values)(data, "total", 2024) is not before
    key = data_key(data)
    path = tiny_city / "skor_kelurahan.csv"
    path.write_text(path.read_text().replace("2025,64.71.04.1001,KL,127.5", "2025,64.71.04.1001,KL,120.0"))
    later = time.time() + 5
    os.utime(path, (later, later))
    assert data_key(data) != key, "a changed file changes the key"
    fresh = load_dataset(tiny_city).dataset
    after = cached_on_data(mapdata.map_values)(fresh, "total", 2025)
    assert after is not before
    gsu = "64.71.04.1001"
    diff = (before.table.set_index("kode_kelurahan").loc[gsu, "nilai"]
            - after.table.set_index("kode_kelurahan").loc[gsu, "nilai"])
    assert abs(diff - 7.5) < 1e-9
