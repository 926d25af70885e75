"""Fixtures and helpers of the press map tests (tests/test_staticmap*.py), written for the tests.

Import what a module needs::

    from tests.staticmap_fixtures import geo_fixture, named_map_fixture, shapes_fixture  # noqa: F401

Boundaries are installed at test time from the shared GeoJSON into a tmp folder (nothing derived
from them is stored).
"""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import plotly.graph_objects as go
import pytest

from kla import boundaries, mapdata, staticmap
from kla.loading import load_dataset
from tests.conftest import SHARED

DATA = Path(__file__).resolve().parents[1] / "data"
GEOJSON = SHARED / "geo" / "balikpapan_kelurahan.geojson"
# fontconfig's match for Arial (the first font of kla.charts.FONT) in the test machine's Chromium
ARIAL_METRICS = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
KARIANGAU = "64.71.02.1004"
SIZES = [(1200, 675), (1080, 1080), (1080, 1350), (1080, 1920), (794, 1123)]


@pytest.fixture(name="geo", scope="module")
def geo_fixture(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("geo_terpasang")
    boundaries.install(GEOJSON, folder)
    return folder


@pytest.fixture(name="shapes", scope="module")
def shapes_fixture(geo) -> gpd.GeoDataFrame:
    return boundaries.load_installed(geo)


@pytest.fixture(name="values", scope="module")
def values_fixture() -> mapdata.MapValues:
    result = load_dataset(DATA)
    assert result.ok, result.problems[:3]
    return mapdata.map_values(result.dataset, "total", 2025)


@pytest.fixture(name="named_map", scope="module")
def named_map_fixture(shapes, values) -> go.Figure:
    """The screen figure with names and the sample mark; tests fit copies of it."""
    return staticmap.static_choropleth(shapes, values, labels=True, sample=True).figure


def label_points(fig) -> list[tuple[str, float, float, str, float]]:
    """(axis, x, y, text, size) of every text written on the map ("x": the city, "x2": the inset)."""
    return [(tr.xaxis or "x", x, y, text, size) for tr in fig.data if tr.name == "label"
            for x, y, text, size in zip(tr.x, tr.y, tr.text, tr.textfont.size) if text]


def shown_labels(fig) -> list[tuple[float, float, str, float]]:
    """The names written on the map (not the numbers of those whose name does not fit)."""
    return [(x, y, text, size) for _, x, y, text, size in label_points(fig) if not text.isdigit()]


def shown_numbers(fig) -> list[tuple[float, float, str, float]]:
    return [(x, y, text, size) for _, x, y, text, size in label_points(fig) if text.isdigit()]


def key_pairs(fig) -> dict[str, str]:
    """'12' -> 'Graha Indah' from the key under (or beside) the map; {} without a key."""
    (annotation,) = [a for a in fig.layout.annotations if a.name == "kunci"]
    if annotation.visible is False or not annotation.text:
        return {}
    entries = re.split(r" · |<br>", annotation.text.split(":", 1)[1])
    return dict(entry.strip().split(" ", 1) for entry in entries if entry.strip())


def px_per_degree(fig, width: int, height: int, axis: str = "x") -> tuple[float, float]:
    """Pixels per degree of longitude and of latitude of a subplot, from the layout alone.

    Plotly shrinks the longer side of a subplot's domain to keep the axes' scale ratio.
    """
    suffix = axis[1:]
    xaxis, yaxis = fig.layout[f"xaxis{suffix}"], fig.layout[f"yaxis{suffix}"]
    margin = fig.layout.margin
    plot_w, plot_h = width - margin.l - margin.r, height - margin.t - margin.b
    (x0, x1), (y0, y1), ratio = xaxis.range, yaxis.range, yaxis.scaleratio
    dw = (xaxis.domain[1] - xaxis.domain[0]) * plot_w
    dh = (yaxis.domain[1] - yaxis.domain[0]) * plot_h
    per_lon = min(dw / (x1 - x0), dh / ((y1 - y0) * ratio))
    return per_lon, per_lon * ratio
