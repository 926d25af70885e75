"""The offline Leaflet frame (kla/maps/leaflet.py) and the local Leaflet copy it loads (kla/ui/leaflet.py)."""

from __future__ import annotations

import folium
import pytest

from kla import boundaries, maps
from kla.ui import leaflet
from tests.conftest import SHARED
from tests.maps_fixtures import (  # noqa: F401 (fixtures are found by name)
    SEPINGGAN,
    asset_urls,
    child,
    flat,
    sample_fixture,
    shapes_fixture,
    values_fixture,
)


def test_no_asset_comes_from_the_internet(shapes, values, sample):
    for m in (maps.choropleth(shapes, values), maps.locator_map(shapes, SEPINGGAN),
              maps.choropleth(shapes, values, initiatives=sample.inisiatif, focus=SEPINGGAN, tiles=True)):
        urls = asset_urls(m)
        assert urls and all(u.startswith("/app/static/leaflet/") for u in urls), urls
        assert not any("http" in u or u.startswith("//") for u in urls)
        assert {u.rsplit("/", 1)[1] for u in urls} == {"leaflet.js", "leaflet.css"}


def test_asset_base_is_configurable(shapes, values):
    urls = asset_urls(maps.choropleth(shapes, values, asset_base="/base/static/leaflet/"))
    assert set(urls) == {"/base/static/leaflet/leaflet.js", "/base/static/leaflet/leaflet.css"}


def test_no_basemap_unless_asked(shapes, values):
    assert not any(isinstance(c, folium.TileLayer) for c in maps.choropleth(shapes, values)._children.values())
    tiles = [c for c in maps.choropleth(shapes, values, tiles=True)._children.values()
             if isinstance(c, folium.TileLayer)]
    assert len(tiles) == 1 and "openstreetmap" in tiles[0].tiles


def test_default_view_fits_the_city(shapes, values):
    m = maps.choropleth(shapes, values)
    minx, miny, maxx, maxy = shapes.total_bounds
    fit = child(m, maps.Fit)
    assert flat(fit.bounds) == pytest.approx([miny, minx, maxy, maxx])
    assert "maxZoom" not in fit.options and fit.options["animate"] is False
    assert not any(isinstance(c, folium.GeoJson) and c.layer_name == "fokus" for c in m._children.values())


def test_rendering_keeps_the_page_small(shapes, values, tmp_path):
    """The installed web copy (simplified, 1 m grid) gives a page well under 150 KB."""
    boundaries.install(SHARED / "geo" / "balikpapan_kelurahan.geojson", tmp_path)
    web = boundaries.load_installed(tmp_path)
    size = len(maps.choropleth(web, values).get_root().render().encode())
    assert size < 110 * 1024, size / 1024


def test_local_leaflet_copied_once_and_served_from_the_root(tmp_path):
    target = tmp_path / "static" / "leaflet"
    assert leaflet.ensure_local_leaflet(target) == "/app/static/leaflet"
    source = leaflet.leaflet_source()
    for name in ("leaflet.js", "leaflet.css", "images/marker-icon.png", "images/layers.png"):
        assert (target / name).read_bytes() == (source / name).read_bytes()
    stamp = (target / "leaflet.js").stat().st_mtime_ns
    leaflet.ensure_local_leaflet(target)
    assert (target / "leaflet.js").stat().st_mtime_ns == stamp  # already there: not copied again
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".leaflet")]  # no staging left


def test_local_leaflet_repairs_a_damaged_copy(tmp_path):
    target = tmp_path / "leaflet"
    leaflet.ensure_local_leaflet(target)
    (target / "leaflet.js").write_text("rusak")
    (target / "leaflet.css").unlink()
    leaflet.ensure_local_leaflet(target)
    source = leaflet.leaflet_source()
    assert (target / "leaflet.js").read_bytes() == (source / "leaflet.js").read_bytes()
    assert (target / "leaflet.css").exists()


def test_leaflet_version_matches_folium():
    """folium 0.20 writes Leaflet 1.9.3 code; the local copy must be that version."""
    assert "1.9.3" in (leaflet.leaflet_source() / "leaflet.js").read_text()[:300]
    assert any("leaflet@1.9.3" in url for _, url in folium.Map.default_js)
