"""A value below a target is never shown in the colour of progress (green).

Streamlit colours a metric's change by a leading ASCII "-"; the dashboard writes a true minus
sign, so without an explicit colour every shortfall would be green. On the maps, green is the
target band's (Paripurna) alone: a kelurahan below it is never painted green.
"""

from __future__ import annotations

import colorsys
from pathlib import Path

import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest

from kla import charts, mapdata, scoring
from kla.config import PROJECT_ROOT
from kla.loading import load_dataset

ROOT = Path(__file__).resolve().parents[1]
RED, GREEN = MetricProto.MetricColor.RED, MetricProto.MetricColor.GREEN


def _open(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


@pytest.mark.parametrize("year", ["2025", "2023"])
def test_a_score_under_the_roadmap_target_is_red_not_green(year):
    at = _open(tahun=year)
    target = next(m for m in at.metric if m.label.startswith("Target peta jalan"))
    score = next(m for m in at.metric if m.label.startswith("Skor"))
    assert _number(score.value) < _number(target.value)  # the sample is under its 2027 target
    assert target.delta.startswith("−")
    assert target.proto.color == RED and target.proto.direction == MetricProto.MetricDirection.DOWN


def test_a_rise_stays_green_and_a_fall_is_red_on_the_kelurahan_page():
    sample = load_dataset(PROJECT_ROOT / "data").dataset
    totals = scoring.kelurahan_totals(sample.skor_kelurahan, sample.wilayah)
    latest = totals[totals["tahun"] == totals["tahun"].max()].dropna(subset=["perubahan"])
    fell, rose = latest.sort_values("perubahan").iloc[0], latest.sort_values("perubahan").iloc[-1]
    assert fell["perubahan"] < 0 < rose["perubahan"]
    for row, colour in ((fell, RED), (rose, GREEN)):
        at = _open(kelurahan=row["kode_kelurahan"])
        at.switch_page("pages/kelurahan.py").run()
        metric = next(m for m in at.metric if m.delta)
        assert metric.proto.color == colour, (row["nama"], metric.delta)


def test_shortfall_and_attainment_bars_are_not_green():
    sample = load_dataset(PROJECT_ROOT / "data").dataset
    year = int(sample.evaluasi_kota["tahun"].max())
    ranking = scoring.shortfall_ranking(sample.evaluasi_kota, sample.indikator, year)
    attainment = scoring.block_attainment(sample.evaluasi_kota, sample.indikator, year)
    drawn = [*charts.shortfall_bar(ranking, year=year).figure.data,
             *charts.block_attainment_bar(attainment, year).figure.data]
    colours = {str(getattr(tr.marker, "color", "")).upper() for tr in drawn}
    assert charts.PROGRESS.upper() not in colours


def _green(colour: str) -> bool:
    """A hue between yellow-green and teal-green, clearly saturated: what readers take for "good"."""
    r, g, b = (int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, _, saturation = colorsys.rgb_to_hls(r, g, b)
    return 75 <= hue * 360 <= 165 and saturation > 0.25


def test_map_classes_below_paripurna_are_never_green():
    assert _green(charts.PROGRESS) and _green(mapdata.CATEGORY_COLOURS["Paripurna"])  # the check itself works
    sample = load_dataset(PROJECT_ROOT / "data").dataset
    for year in mapdata.metric_years(sample, "total"):
        values = mapdata.map_values(sample, "total", year)
        below = values.table.dropna(subset=["nilai"]).query("nilai < 901")
        assert len(below)
        assert not [c for c in below["warna"] if _green(c)], year
        legend = mapdata.legend_items(values.breaks, "total", with_no_data=False)
        assert not [i.label for i in legend if _green(i.colour) and not i.label.startswith("Paripurna")]
