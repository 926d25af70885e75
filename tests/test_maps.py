"""The folium maps (kla/maps.py) and the local Leaflet copy (kla/ui/leaflet.py).

Boundaries come from the shared GeoJSON, read at test time only (nothing derived from it is
stored). What a person sees in Chromium is tested in tests/e2e/test_peta.py.
"""

from __future__ import annotations

import dataclasses
import html
import json
from html.parser import HTMLParser

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, shape

from kla import boundaries, mapdata, maps
from kla.config import PROJECT_ROOT
from kla.loading import load_dataset
from kla.text import escape_html
from kla.ui import leaflet
from tests.conftest import SHARED

SEPINGGAN, MANGGAR = "64.71.05.1002", "64.71.01.1001"
INJECTIONS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')


@pytest.fixture(scope="module")
def shapes() -> gpd.GeoDataFrame:
    gdf = gpd.read_file(SHARED / "geo" / "balikpapan_kelurahan.geojson")
    gdf = gdf.set_crs(4326) if gdf.crs is None else gdf.to_crs(4326)
    return gdf[list(boundaries.OUTPUT_COLUMNS)]


@pytest.fixture(scope="module")
def sample():
    return load_dataset(PROJECT_ROOT / "data").dataset


@pytest.fixture(scope="module")
def values(sample) -> mapdata.MapValues:
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


# --- the choropleth -------------------------------------------------------------------------------


def test_one_feature_per_kelurahan_with_display_text(shapes, values):
    found = features(maps.choropleth(shapes, values), "kelurahan")
    assert len(found) == 34
    assert all(tuple(f["properties"]) == maps.FEATURE_PROPERTIES for f in found)
    props = {f["properties"]["kode"]: f["properties"] for f in found}
    row = values.table.set_index("kode_kelurahan").loc[SEPINGGAN]
    assert props[SEPINGGAN]["nama"] == "Sepinggan" and props[SEPINGGAN]["kecamatan"] == "Balikpapan Selatan"
    assert props[SEPINGGAN]["nilai"] == mapdata.format_value(row["nilai"], "total")
    assert props[SEPINGGAN]["nilai"].endswith(" poin") and "," in props[SEPINGGAN]["nilai"]
    assert props[SEPINGGAN]["peringkat"] == f"{row['peringkat']} dari 34"
    in_kecamatan = int(values.table["kode_kecamatan"].eq(row["kode_kecamatan"]).sum())
    assert props[SEPINGGAN]["peringkat_kecamatan"] == f"{row['peringkat_kecamatan']} dari {in_kecamatan}"


def test_fill_colours_are_the_mapdata_colours(shapes, values):
    m = maps.choropleth(shapes, values)
    m.get_root().render()
    kelurahan = layer(m, "kelurahan")
    wanted = dict(zip(values.table["kode_kelurahan"], values.table["warna"]))
    listed = {}
    for style, codes in kelurahan.style_map.items():  # the style table written into the page
        if style != "default":  # folium leaves the most common style out of the list, as the default
            listed.update({code: json.loads(style)["fillColor"] for code in codes})
    default = json.loads(kelurahan.style_map["default"])["fillColor"]
    assert {code: listed.get(code, default) for code in wanted} == wanted
    assert len(set(wanted.values())) > 1


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


def test_legend_has_every_class_label_and_the_unit(shapes, sample):
    for metric in ("total", "K3", "inisiatif"):
        values = mapdata.map_values(sample, metric)
        m = maps.choropleth(shapes, values)
        legend = child(m, maps._Legend).html
        for item in mapdata.legend_items(values.breaks, metric, with_no_data=False):
            assert escape_html(item.label) in legend and item.colour in legend
        assert escape_html(mapdata.metric_unit(metric)) in legend
        assert str(values.year) in legend
        assert "kla-legend" in m.get_root().render()
    assert "Klaster III" in child(maps.choropleth(shapes, mapdata.map_values(sample, "K3")), maps._Legend).html


def test_legend_shows_no_data_only_when_a_kelurahan_has_none(shapes, values):
    assert "tanpa data" not in maps.legend_html(values)
    table = values.table.copy()
    table.loc[table["kode_kelurahan"] == SEPINGGAN, ["nilai", "peringkat", "peringkat_kecamatan"]] = np.nan
    table.loc[table["kode_kelurahan"] == SEPINGGAN, "warna"] = mapdata.NO_DATA
    gap = dataclasses.replace(values, table=table)
    assert "tanpa data" in maps.legend_html(gap)
    props = {f["properties"]["kode"]: f["properties"] for f in features(maps.choropleth(shapes, gap), "kelurahan")}
    assert props[SEPINGGAN]["nilai"] == "tanpa data" and props[SEPINGGAN]["peringkat"] == "–"


def test_english_tooltip_and_legend(shapes, values):
    m = maps.choropleth(shapes, values, lang="en")
    props = {f["properties"]["kode"]: f["properties"] for f in features(m, "kelurahan")}
    assert props[SEPINGGAN]["nilai"].endswith(" points") and " of 34" in props[SEPINGGAN]["peringkat"]
    assert "Unit: points" in child(m, maps._Legend).html


def test_data_text_reaches_the_map_only_escaped(shapes, values, sample):
    table = values.table.copy()
    table.loc[table["kode_kelurahan"] == SEPINGGAN, "nama"] = INJECTIONS[0]
    table.loc[table["kode_kelurahan"] == MANGGAR, "nama"] = INJECTIONS[1]
    hostile = dataclasses.replace(values, table=table)
    initiatives = sample.inisiatif.copy()
    initiatives.loc[0, "nama"] = INJECTIONS[0]
    initiatives.loc[1, "nama_mitra"] = INJECTIONS[1]
    initiatives.loc[2, "jenis"] = INJECTIONS[0]
    m = maps.choropleth(shapes, hostile, initiatives=initiatives, focus=SEPINGGAN)
    seen = as_seen_by_the_browser(m.get_root().render())
    for text in INJECTIONS:
        assert text not in seen
        assert escape_html(text) in seen
    props = {f["properties"]["kode"]: f["properties"] for f in features(m, "kelurahan")}
    assert props[SEPINGGAN]["nama"] == escape_html(INJECTIONS[0])
    popups = " ".join(f["properties"]["isi"] for f in features(m, "inisiatif"))
    assert escape_html(INJECTIONS[0]) in popups and escape_html(INJECTIONS[1]) in popups
    assert "<img" not in popups and "<script" not in popups


def test_escaping_round_trips_to_the_original_text(shapes, values):
    table = values.table.copy()
    table.loc[table["kode_kelurahan"] == SEPINGGAN, "nama"] = "Sepinggan & <Raya>"
    props = {f["properties"]["kode"]: f["properties"]
             for f in features(maps.choropleth(shapes, dataclasses.replace(values, table=table)), "kelurahan")}
    assert html.unescape(props[SEPINGGAN]["nama"]) == "Sepinggan & <Raya>"  # shown as typed, not as markup


def test_default_view_fits_the_city(shapes, values):
    m = maps.choropleth(shapes, values)
    minx, miny, maxx, maxy = shapes.total_bounds
    fit = child(m, maps._Fit)
    assert flat(fit.bounds) == pytest.approx([miny, minx, maxy, maxx])
    assert "maxZoom" not in fit.options and fit.options["animate"] is False
    assert not any(isinstance(c, folium.GeoJson) and c.layer_name == "fokus" for c in m._children.values())


def test_focus_fits_and_outlines_the_kelurahan(shapes, values):
    m = maps.choropleth(shapes, values, focus=SEPINGGAN)
    minx, miny, maxx, maxy = shapes[shapes["kode_kelurahan"] == SEPINGGAN].total_bounds
    fit = child(m, maps._Fit)
    assert flat(fit.bounds) == pytest.approx([miny, minx, maxy, maxx])
    assert fit.options["maxZoom"] == 15
    outline = features(m, "fokus")
    assert [f["properties"]["kode"] for f in outline] == [SEPINGGAN]
    assert layer(m, "fokus").style_function(outline[0])["className"] == maps.FOCUS_CLASS
    assert "fitBounds" in m.get_root().render()


def test_an_unknown_focus_shows_the_whole_city(shapes, values):
    m = maps.choropleth(shapes, values, focus="64.71.99.9999")
    minx, miny, maxx, maxy = shapes.total_bounds
    assert flat(child(m, maps._Fit).bounds) == pytest.approx([miny, minx, maxy, maxx])


def test_kecamatan_borders_are_a_separate_quiet_layer(shapes, values):
    m = maps.choropleth(shapes, values)
    borders = layer(m, "kecamatan")
    assert borders.options.get("interactive") is False
    assert borders.style_function(None)["fill"] is False
    geometry = shape(borders.data["features"][0]["geometry"])
    assert geometry.geom_type in ("LineString", "MultiLineString")
    # Borders run between kecamatan: their length is a fraction of all the kelurahan outlines.
    assert 0 < geometry.length < 0.5 * float(np.sum([g.boundary.length for g in shapes.geometry]))


def test_initiative_markers_one_per_kelurahan_without_coordinates(shapes, values, sample):
    initiatives = sample.inisiatif
    assert initiatives["lat"].isna().all()  # the sample records no coordinates
    m = maps.choropleth(shapes, values, initiatives=initiatives)
    points = features(m, "inisiatif")
    assert len(points) == initiatives["kode_kelurahan"].nunique()
    assert sum(p["properties"]["n"] for p in points) == len(initiatives)
    polygons = dict(zip(shapes["kode_kelurahan"], shapes.geometry))
    for p in points:
        kode = p["properties"]["kode"].removeprefix("kel:")
        assert polygons[kode].contains(Point(p["geometry"]["coordinates"]))  # always inside, never a centroid outside
    assert "Inisiatif" in child(m, maps._Legend).html


def test_initiatives_with_coordinates_get_their_own_marker(shapes, values, sample):
    initiatives = sample.inisiatif.head(6).copy()
    initiatives.loc[initiatives.index[:2], ["lat", "lon"]] = [[-1.25, 116.88], [-1.26, 116.89]]
    points = maps.initiative_points(shapes, initiatives)["features"]
    own = [p for p in points if p["properties"]["kode"].startswith("ini:")]
    assert sorted(p["geometry"]["coordinates"] for p in own) == [[116.88, -1.25], [116.89, -1.26]]
    assert sum(p["properties"]["n"] for p in points) == 6
    assert "perkiraan" not in own[0]["properties"]["isi"]
    assert all("perkiraan" in p["properties"]["isi"] for p in points if p not in own)


def test_initiatives_without_lat_lon_columns_or_a_shape(shapes, values, sample):
    initiatives = sample.inisiatif.drop(columns=["lat", "lon"]).head(4)
    assert len(maps.initiative_points(shapes, initiatives)["features"]) == initiatives["kode_kelurahan"].nunique()
    orphan = pd.DataFrame([{"id": "X", "nama": "Tanpa peta", "kode_kelurahan": "64.71.99.9999"}])
    assert maps.initiative_points(shapes, orphan)["features"] == []
    m = maps.choropleth(shapes, values, initiatives=orphan)
    assert not any(isinstance(c, folium.GeoJson) and c.layer_name == "inisiatif" for c in m._children.values())
    assert "Inisiatif" not in child(m, maps._Legend).html  # no symbol for a layer that draws nothing


def test_rendering_keeps_the_page_small(shapes, values, tmp_path):
    """The installed web copy (simplified, 1 m grid) gives a page well under 150 KB."""
    boundaries.install(SHARED / "geo" / "balikpapan_kelurahan.geojson", tmp_path)
    web = boundaries.load_installed(tmp_path)
    size = len(maps.choropleth(web, values).get_root().render().encode())
    assert size < 110 * 1024, size / 1024


# --- the locator ------------------------------------------------------------------------------------


def test_locator_map_marks_one_kelurahan_on_a_still_map(shapes, values):
    m = maps.locator_map(shapes, SEPINGGAN)
    city, own = layer(m, "kota"), layer(m, "terpilih")
    assert len(city.data["features"]) == 34
    assert [f["properties"]["kode"] for f in own.data["features"]] == [SEPINGGAN]
    grey = city.style_function({"properties": {"kode": MANGGAR}})["fillColor"]
    marked = own.style_function({"properties": {"kode": SEPINGGAN}})["fillColor"]
    assert grey != marked
    for option in ("zoom_control", "dragging", "scroll_wheel_zoom", "double_click_zoom", "touch_zoom", "box_zoom"):
        assert m.options[option] is False, option
    assert '"zoomControl": false' in m.get_root().render()
    assert city.options.get("interactive") is False
    minx, miny, maxx, maxy = shapes.total_bounds
    assert flat(child(m, maps._Fit).bounds) == pytest.approx([miny, minx, maxy, maxx], abs=1e-3)  # simplified shapes
    assert len(m.get_root().render().encode()) < 0.5 * len(maps.choropleth(shapes, values).get_root().render().encode())


def test_locator_map_with_an_unknown_code_shows_the_city(shapes):
    m = maps.locator_map(shapes, "64.71.99.9999")
    assert not any(isinstance(c, folium.GeoJson) and c.layer_name == "terpilih" for c in m._children.values())


# --- local Leaflet ----------------------------------------------------------------------------------


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
