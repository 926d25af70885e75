"""Fixtures and helpers of the folium map tests (tests/test_maps*.py), written for the tests.

Import what a module needs::

    from tests.maps_fixtures import sample_fixture, shapes_fixture, values_fixture  # noqa: F401

Boundaries come from the shared GeoJSON, read at test time only (nothing derived from it is stored).
"""

from __future__ import annotations

from html.parser import HTMLParser

import folium
import geopandas as gpd
import pytest

from kla import boundaries, mapdata
from kla.config import PROJECT_ROOT
from kla.loading import load_dataset
from tests.conftest import SHARED

SEPINGGAN, MANGGAR = "64.71.05.1002", "64.71.01.1001"
INJECTIONS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')


@pytest.fixture(name="shapes", scope="module")
def shapes_fixture() -> gpd.GeoDataFrame:
    gdf = gpd.read_file(SHARED / "geo" / "balikpapan_kelurahan.geojson")
    gdf = gdf.set_crs(4326) if gdf.crs is None else gdf.to_crs(4326)
    return gdf[list(boundaries.OUTPUT_COLUMNS)]


@pytest.fixture(name="sample", scope="module")
def sample_fixture():
    return load_dataset(PROJECT_ROOT / "data").dataset


@pytest.fixture(name="values", scope="module")
def values_fixture(sample) -> mapdata.MapValues:
    return mapdata.map_values(sample, "total", 2025)


def layer(m: folium.Map, name: str) -> folium.GeoJson:
    return next(c for c in m._children.values() if isinstance(c, folium.GeoJson) and c.layer_name == name)


def child(m: folium.Map, kind: type):
    return next(c for c in m._children.values() if isinstance(c, kind))


def features(m: folium.Map, name: str) -> list[dict]:
    return layer(m, name).data["features"]


def flat(bounds) -> list[float]:
    return [float(x) for corner in bounds for x in corner]


def as_seen_by_the_browser(rendered: str) -> str:
    """The page with folium's JSON escapes undone: the strings as the map's JavaScript receives them."""
    for code, char in (("\\u003c", "<"), ("\\u003e", ">"), ("\\u0026", "&"), ("\\u0027", "'"), ('\\"', '"')):
        rendered = rendered.replace(code, char)
    return rendered


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])


def asset_urls(m: folium.Map) -> list[str]:
    """Every <script src> and <link href> of the rendered page, and every link streamlit-folium would load."""
    parser = _Assets()
    parser.feed(m.get_root().render())

    def walk(element):
        for _, url in [*getattr(element, "default_js", []), *getattr(element, "default_css", [])]:
            yield url
        for sub in getattr(element, "_children", {}).values():
            yield from walk(sub)

    return parser.urls + list(walk(m))
