"""kla.boundaries: reading, matching, repairing and installing kelurahan boundaries.

Expectations are computed from the shared files with the json module and shapely directly, not
from the installer's own output. Nothing here touches the internet: URLs are served from
127.0.0.1, and the shared files are only ever read from the ``shared_geo`` tmp copy.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import socket
import time
import warnings
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon, shape

from kla import boundaries, cli
from kla.boundaries import BoundaryError, UnreachableError, download
from kla.i18n import t
from tests.boundary_files import (
    GEOJSON,
    SQL,
    WILAYAH,
    feature,
    folder_server,
    raw_features,
    raw_geometries,
    write_features,
)

# --- fixtures and helpers ------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def fresh_attempt():
    """Each test is a new process as far as ensure_installed's once-per-process flag goes."""
    boundaries._reset_attempt()
    yield
    boundaries._reset_attempt()


@pytest.fixture
def geo_dir(tmp_path: Path) -> Path:
    return tmp_path / "geo"


def raw_vertex_count(shared_geo: Path) -> int:
    return sum(len(shapely.get_coordinates(g)) for g in raw_geometries(shared_geo).values())


def read_shared(shared_geo: Path) -> gpd.GeoDataFrame:
    return gpd.read_file(shared_geo / GEOJSON)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def http_base(shared_geo: Path):
    """An HTTP server on 127.0.0.1 serving the shared_geo copy; yields its base URL."""
    with folder_server(shared_geo) as base:
        yield base


@pytest.fixture
def closed_url() -> str:
    """A URL on a 127.0.0.1 port nobody listens on: connection refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/{SQL}"


# --- the real files ----------------------------------------------------------------------------------


def test_pinned_constants_match_the_shared_original(shared_geo):
    assert hashlib.sha256((shared_geo / SQL).read_bytes()).hexdigest() == boundaries.PINNED_SHA256
    assert boundaries.PINNED_URL.startswith("https://raw.githubusercontent.com/cahyadsn/wilayah_boundaries/")
    assert boundaries.PINNED_URL.endswith("/db/kel/64/wilayah_boundaries_kel_64.71.sql")


@pytest.mark.parametrize("filename", [SQL, GEOJSON])
def test_install_real_file(shared_geo, geo_dir, filename):
    expected = raw_geometries(shared_geo)
    multi = {kode for kode, g in expected.items() if g.geom_type == "MultiPolygon"}
    assert multi  # Kariangau and Prapatan have islands

    report = boundaries.install(shared_geo / filename, geo_dir)

    installed = boundaries.load_installed(geo_dir)
    assert list(installed.columns) == list(boundaries.OUTPUT_COLUMNS)
    assert set(installed["kode_kelurahan"]) == set(expected)
    assert len(installed) == 34 and report.complete and not report.match.unmatched
    assert multi <= set(installed.loc[installed.geom_type == "MultiPolygon", "kode_kelurahan"])
    coords = shapely.get_coordinates(installed.geometry.values)
    assert ((coords[:, 0] > 116.7) & (coords[:, 0] < 117.1)).all()  # x is longitude
    assert ((coords[:, 1] > -1.3) & (coords[:, 1] < -1.0)).all()  # y is latitude
    assert report.vertices_raw == raw_vertex_count(shared_geo)
    assert report.vertices < report.vertices_raw
    assert installed.geometry.is_valid.all()
    official = WILAYAH.set_index("kode")["nama"]
    assert (installed["nama_kelurahan"] == installed["kode_kelurahan"].map(official)).all()
    assert (installed["nama_kecamatan"] == installed["kode_kecamatan"].map(official)).all()

    info = boundaries.installed_info(geo_dir)
    assert info["sha256"] == hashlib.sha256((shared_geo / filename).read_bytes()).hexdigest()
    assert info["features"] == 34 and info["missing"] == [] and info["vertices"] == report.vertices
    assert info["size_bytes"] == (geo_dir / boundaries.GEOJSON_NAME).stat().st_size
    dt.datetime.fromisoformat(info["installed_at"])


def test_installed_shapes_follow_the_source(shared_geo, geo_dir):
    """The web copy moves no boundary by more than the simplification tolerance (plus rounding)."""
    boundaries.install(shared_geo / SQL, geo_dir)
    installed = boundaries.load_installed(geo_dir).set_index("kode_kelurahan").geometry
    for kode, raw in raw_geometries(shared_geo).items():
        assert shapely.hausdorff_distance(installed[kode], raw) < boundaries.SIMPLIFY_TOLERANCE + 2e-5, kode


def test_attribution_for_the_pinned_file(shared_geo, geo_dir):
    report = boundaries.install(shared_geo / SQL, geo_dir)
    assert report.source.attribution == boundaries.PINNED_ATTRIBUTION
    assert (boundaries.installed_info(geo_dir)["attribution"]
            == "© 2024 Cahya DSN, MIT, github.com/cahyadsn/wilayah_boundaries")


# --- the SQL format -----------------------------------------------------------------------------------


def test_sql_parser_swaps_lat_lng_and_keeps_multipolygons(shared_geo):
    parsed = boundaries.parse_wilayah_sql((shared_geo / SQL).read_text(encoding="utf-8"))
    assert parsed.crs.to_epsg() == 4326
    assert list(parsed.columns) == ["kode", "nama", "geometry"]
    by_code = parsed.set_index("kode").geometry
    for kode, raw in raw_geometries(shared_geo).items():
        # The shared GeoJSON holds the same polygons in lon/lat order.
        assert by_code[kode].geom_type == raw.geom_type, kode
        assert shapely.equals_exact(by_code[kode], raw, tolerance=1e-12), kode


def test_sql_parser_reads_depth_three_and_four():
    sql = ("INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES\n"
           "('64.71.06.1005','Damai',-1.25,116.85,'[[[-1.2,116.8],[-1.2,116.9],[-1.3,116.9],[-1.2,116.8]]]'),\n"
           "('64.71.06.1001','Pra''patan',-1.25,116.85,'[[[[-1.2,116.8],[-1.2,116.9],[-1.3,116.9],[-1.2,116.8]]],"
           "[[[-1.0,117.0],[-1.0,117.01],[-1.01,117.01],[-1.0,117.0]]]]');")
    parsed = boundaries.parse_wilayah_sql(sql).set_index("kode")
    assert parsed.geometry["64.71.06.1005"].geom_type == "Polygon"
    assert parsed.geometry["64.71.06.1001"].geom_type == "MultiPolygon"
    assert parsed.at["64.71.06.1001", "nama"] == "Pra'patan"
    assert shapely.get_coordinates(parsed.geometry["64.71.06.1005"])[1].tolist() == [116.9, -1.2]


@pytest.mark.parametrize(("sql", "words"), [
    ("SELECT 1;", ["INSERT INTO wilayah_boundaries"]),
    ("INSERT INTO wilayah_boundaries(kode,nama,path,lat,lng) VALUES ('64.71.01.1001','Manggar','[]',1,2);",
     ["kolom INSERT", "kode, nama, path, lat, lng"]),
    ("INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES ('64.71.01.1001','Manggar',1,2,'[[[-1.2,116.8],');",
     ["64.71.01.1001", "path", "JSON"]),
    ("INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES ('64.71.01.1001','Manggar',1,2,'[[-1.2,116.8]]');",
     ["64.71.01.1001", "kedalaman larik 2"]),
    ("INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES ('64.71.01.1001','Manggar',1,2);",
     ["64.71.01.1001", "tidak dapat dibaca"]),
])
def test_sql_parser_errors_name_row_and_field(sql, words):
    with pytest.raises(BoundaryError) as caught:
        boundaries.parse_wilayah_sql(sql, name="uji.sql")
    for word in ["uji.sql", *words]:
        assert word in str(caught.value)


# --- matching ------------------------------------------------------------------------------------------

VARIANTS = {"64.71.03.1002": "Gn. Samarinda", "64.71.02.1004": "Karingau", "64.71.01.1001": "KEL. MANGGAR"}
DROPPED = "64.71.05.1010"
UNKNOWN = "Kampung Atas Air"


def names_only_file(shared_geo: Path, folder: Path) -> Path:
    """Only a name property: three typed variants, one kelurahan left out, one unknown name."""
    features = []
    for f in raw_features(shared_geo):
        kode = f["properties"]["kode_kelurahan"]
        if kode != DROPPED:
            name = VARIANTS.get(kode, f["properties"]["nama_kelurahan"])
            features.append({"type": "Feature", "properties": {"NAMOBJ": name}, "geometry": f["geometry"]})
    features.append(feature({"NAMOBJ": UNKNOWN}, shapely.box(116.80, -1.20, 116.81, -1.19)))
    return write_features(folder / "tanpa_kode.geojson", features)


def test_file_without_codes_is_matched_by_name(shared_geo, tmp_path):
    source, _ = boundaries.read_source(names_only_file(shared_geo, tmp_path))
    matched, report = boundaries.match_kelurahan(source, WILAYAH)

    assert report.column == "NAMOBJ"
    assert report.missing == (DROPPED,)
    assert [u.teks for u in report.unmatched] == [UNKNOWN]
    assert UNKNOWN in report.unmatched[0].pesan
    how = {m.teks: (m.kode, m.cara) for m in report.matched}
    assert how["Gn. Samarinda"] == ("64.71.03.1002", "nama")  # "Gn." is expanded before comparing
    assert how["Karingau"] == ("64.71.02.1004", "alias")
    assert how["KEL. MANGGAR"] == ("64.71.01.1001", "nama")
    assert len(matched) == 33
    # Official names replace the typed ones, and each polygon went to the right kelurahan.
    rows = matched.set_index("kode_kelurahan")
    assert rows.at["64.71.03.1002", "nama_kelurahan"] == "Gunung Samarinda"
    assert rows.at["64.71.02.1004", "nama_kelurahan"] == "Kariangau"
    for kode, raw in raw_geometries(shared_geo).items():
        if kode != DROPPED:
            assert rows.geometry[kode].equals(raw), kode


def test_install_with_missing_kelurahan_reports_them(shared_geo, tmp_path, geo_dir):
    report = boundaries.install(names_only_file(shared_geo, tmp_path), geo_dir)
    assert not report.complete and report.features == 33
    assert boundaries.installed_info(geo_dir)["missing"] == [DROPPED]
    assert boundaries.installed_info(geo_dir)["unmatched"] == [UNKNOWN]
    assert "Sungainangka" in boundaries.missing_line(report)


def test_require_all_refuses_an_incomplete_file(shared_geo, tmp_path, geo_dir):
    with pytest.raises(BoundaryError, match="Sungainangka"):
        boundaries.install(names_only_file(shared_geo, tmp_path), geo_dir, require_all=True)
    assert not geo_dir.exists() or not any(geo_dir.iterdir())


def test_codes_without_dots_as_numbers(shared_geo, tmp_path, geo_dir):
    features = [{"type": "Feature", "properties": {"id_kel": int(f["properties"]["kode_kelurahan"].replace(".", ""))},
                 "geometry": f["geometry"]} for f in raw_features(shared_geo)]
    report = boundaries.install(write_features(tmp_path / "angka.geojson", features), geo_dir)
    assert report.match.column == "id_kel"
    assert report.match.count_by("kode") == 34 and report.complete


def test_code_of_another_city_stays_unmatched_even_with_a_known_name(shared_geo, tmp_path):
    features = [f for f in raw_features(shared_geo)]
    features.append(feature({"kode_kelurahan": "64.72.01.1001", "nama_kelurahan": "Damai"},
                            shapely.box(116.80, -1.20, 116.81, -1.19)))
    gdf, _ = boundaries.read_source(write_features(tmp_path / "campur.geojson", features))
    matched, report = boundaries.match_kelurahan(gdf, WILAYAH)
    assert len(matched) == 34
    assert [u.teks for u in report.unmatched] == ["64.72.01.1001"]
    assert "bukan kode kelurahan Kota Balikpapan" in report.unmatched[0].pesan


def test_duplicate_features_of_one_kelurahan_are_dissolved(shared_geo, tmp_path):
    features = []
    for f in raw_features(shared_geo):
        geom = shape(f["geometry"])
        for part in shapely.get_parts(geom):  # Kariangau's islands become separate features
            features.append(feature(f["properties"], part))
    gdf, _ = boundaries.read_source(write_features(tmp_path / "pecah.geojson", features))
    matched, report = boundaries.match_kelurahan(gdf, WILAYAH)
    raw = raw_geometries(shared_geo)
    split = {k for k, g in raw.items() if g.geom_type == "MultiPolygon"}
    assert set(report.dissolved) == split
    assert len(matched) == 34
    for kode in split:
        dissolved = matched.set_index("kode_kelurahan").geometry[kode]
        assert dissolved.area == pytest.approx(raw[kode].area, rel=1e-9)


def test_invalid_bowtie_is_repaired(shared_geo, tmp_path, geo_dir):
    target = "64.71.04.1005"  # Mekar Sari
    features = raw_features(shared_geo)
    minx, miny, maxx, maxy = shape(next(f for f in features
                                        if f["properties"]["kode_kelurahan"] == target)["geometry"]).bounds
    bowtie = Polygon([(minx, miny), (maxx, maxy), (maxx, miny), (minx, maxy), (minx, miny)])
    assert not bowtie.is_valid
    for f in features:
        if f["properties"]["kode_kelurahan"] == target:
            f["geometry"] = shapely.geometry.mapping(bowtie)
    path = write_features(tmp_path / "dasi.geojson", features)
    gdf, _ = boundaries.read_source(path)
    matched, report = boundaries.match_kelurahan(gdf, WILAYAH)
    assert report.repaired == 1
    repaired = matched.set_index("kode_kelurahan").geometry[target]
    assert repaired.is_valid and isinstance(repaired, MultiPolygon)
    assert repaired.area == pytest.approx((maxx - minx) * (maxy - miny) / 2, rel=1e-9)  # two triangles
    installed = boundaries.install(path, geo_dir)
    assert "Diperbaiki: 1 geometri" in "\n".join(boundaries.report_lines(installed))
    assert boundaries.load_installed(geo_dir).geometry.is_valid.all()


def test_zero_matches_is_an_error(shared_geo, tmp_path):
    features = [feature({"kode": "64.72.01.1001", "nama": "Sidodadi"}, shapely.box(117.1, -0.5, 117.2, -0.4))]
    gdf, _ = boundaries.read_source(write_features(tmp_path / "lain.geojson", features))
    with pytest.raises(BoundaryError, match="tidak ada kolom berisi kode kelurahan"):
        boundaries.match_kelurahan(gdf, WILAYAH, name="lain.geojson")


def test_match_uses_the_given_wilayah_table(shared_geo, tmp_path):
    wilayah = WILAYAH.copy()
    wilayah.loc[wilayah["kode"] == "64.71.04.1001", "alias"] = "Kampung Pustaka"
    features = [feature({"nama": "Kampung Pustaka"}, raw_geometries(shared_geo)["64.71.04.1001"])]
    gdf, _ = boundaries.read_source(write_features(tmp_path / "alias.geojson", features))
    matched, report = boundaries.match_kelurahan(gdf, wilayah)
    assert matched["kode_kelurahan"].tolist() == ["64.71.04.1001"]
    assert report.matched[0].cara == "alias" and len(report.missing) == 33


# --- other formats and coordinate systems --------------------------------------------------------


def test_geopackage_round_trip_picks_the_kelurahan_layer(shared_geo, tmp_path, geo_dir):
    shared = read_shared(shared_geo)
    path = tmp_path / "batas.gpkg"
    shared.dissolve(by="kode_kecamatan").reset_index().to_file(path, layer="kecamatan")
    shared.to_file(path, layer="kelurahan")
    report = boundaries.install(path, geo_dir)
    assert report.source.format == "gpkg" and report.source.layer == "kelurahan"
    assert report.features == 34 and report.complete


def zip_shapefile(gdf: gpd.GeoDataFrame, folder: Path, *, keep_prj: bool = True) -> Path:
    shp_dir = folder / "shp"
    shp_dir.mkdir()
    with warnings.catch_warnings():  # Shapefile field names are cut to 10 characters, and GDAL says so
        warnings.simplefilter("ignore")
        gdf.to_file(shp_dir / "kelurahan.shp")
    path = folder / "batas.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for part in shp_dir.iterdir():
            if keep_prj or part.suffix != ".prj":
                archive.write(part, f"data/{part.name}")  # inside a folder, as people zip them
    return path


def test_zipped_shapefile_round_trip(shared_geo, tmp_path, geo_dir):
    report = boundaries.install(zip_shapefile(read_shared(shared_geo), tmp_path), geo_dir)
    assert report.source.format == "zip"
    assert report.match.column == "kode_kelur"  # truncated by the Shapefile format, found by content
    assert report.features == 34 and report.complete


def test_shapefile_without_prj_in_lonlat_is_assumed_wgs84(shared_geo, tmp_path, geo_dir):
    report = boundaries.install(zip_shapefile(read_shared(shared_geo), tmp_path, keep_prj=False), geo_dir)
    assert report.features == 34


def test_projected_file_is_reprojected(shared_geo, tmp_path):
    path = tmp_path / "utm.gpkg"
    read_shared(shared_geo).to_crs(32750).to_file(path)
    gdf, _ = boundaries.read_source(path)
    assert gdf.crs.to_epsg() == 32750
    matched, _ = boundaries.match_kelurahan(gdf, WILAYAH)
    assert matched.crs.to_epsg() == 4326
    rows = matched.set_index("kode_kelurahan").geometry
    for kode, raw in raw_geometries(shared_geo).items():
        assert shapely.hausdorff_distance(rows[kode], raw) < 1e-7, kode


def test_projected_file_without_crs_is_refused(shared_geo, tmp_path):
    utm = read_shared(shared_geo).to_crs(32750)
    path = write_features(tmp_path / "tanpa_crs.geojson", [
        feature({"kode": kode}, geom) for kode, geom in zip(utm["kode_kelurahan"], utm.geometry)])
    gdf = gpd.read_file(path).set_crs(None, allow_override=True)
    with pytest.raises(BoundaryError, match="CRS"):
        boundaries.match_kelurahan(gdf, WILAYAH, name="tanpa_crs.geojson")


def test_swapped_lat_lon_is_refused(shared_geo, tmp_path, geo_dir):
    features = [feature(f["properties"], shapely.transform(shape(f["geometry"]), lambda xy: xy[:, ::-1]))
                for f in raw_features(shared_geo)]
    with pytest.raises(BoundaryError, match="tertukar"):
        boundaries.install(write_features(tmp_path / "tertukar.geojson", features), geo_dir)
    assert not (geo_dir / boundaries.GEOJSON_NAME).exists()


@pytest.mark.parametrize(("content", "words"), [
    (b"<!DOCTYPE html><html>GitHub</html>", ["HTML", "Raw"]),
    (b"kode;nama\n64.71.01.1001;Manggar\n", ["format tidak dikenali"]),
    (b"PK\x03\x04bukan zip", ["zip"]),
    (b'{"type": "FeatureCollection", "features": [', ["GeoJSON"]),
])
def test_unreadable_files_are_explained(tmp_path, content, words):
    path = tmp_path / "batas.dat"
    path.write_bytes(content)
    with pytest.raises(BoundaryError) as caught:
        boundaries.read_source(path)
    for word in ["batas.dat", *words]:
        assert word in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(BoundaryError, match="tidak ditemukan"):
        boundaries.read_source(tmp_path / "tidak_ada.geojson")


# --- web copy and outlines --------------------------------------------------------------------------


def test_web_copy_is_smaller_valid_and_rounded(shared_geo):
    gdf, _ = boundaries.read_source(shared_geo / GEOJSON)
    matched, _ = boundaries.match_kelurahan(gdf, WILAYAH)
    web = boundaries.web_copy(matched)
    assert boundaries.vertex_count(web) < boundaries.vertex_count(matched)
    assert web.geometry.is_valid.all() and not web.geometry.is_empty.any()
    coords = shapely.get_coordinates(web.geometry.values)
    assert np.allclose(coords, np.round(coords, 5), rtol=0, atol=1e-9)
    assert list(web.columns) == list(boundaries.OUTPUT_COLUMNS)


@pytest.mark.parametrize("steps", [
    [(23, 27), (38, 23), (32, 18), (12, 38), (39, 39), (0, 12), (30, 16)],
    [(8, 31), (15, 7), (25, 37), (4, 31), (11, 30), (4, 0), (22, 40), (6, 14)],
])
def test_web_copy_keeps_shapes_geos_cannot_snap(steps):
    """Crossed rings of a few metres whose repaired form GEOS refuses to simplify and snap to the grid
    ("side location conflict"): found by mutating the shared files, rebuilt here from synthetic points."""
    raw = Polygon([(116.9 + x * 3e-6, -1.2 + y * 3e-6) for x, y in steps])
    repaired = shapely.make_valid(raw, method="structure", keep_collapsed=False)
    simplified = shapely.simplify(repaired, boundaries.SIMPLIFY_TOLERANCE, preserve_topology=True)
    with pytest.raises(shapely.errors.GEOSException):
        shapely.set_precision(simplified, boundaries.GRID_SIZE)
    web = boundaries.web_copy(gpd.GeoDataFrame({"kode_kelurahan": ["64.71.01.1001"]}, geometry=[repaired], crs=4326))
    shape_ = web.geometry.iloc[0]
    assert shape_.is_valid and shape_.geom_type in ("Polygon", "MultiPolygon")
    assert shapely.hausdorff_distance(shape_, repaired) < boundaries.SIMPLIFY_TOLERANCE + 2e-5


def test_kecamatan_outlines(shared_geo, geo_dir):
    boundaries.install(shared_geo / SQL, geo_dir)
    kelurahan = boundaries.load_installed(geo_dir)
    outlines = boundaries.kecamatan_outlines(kelurahan)
    kecamatan = WILAYAH.query("tingkat == 'kecamatan'")
    assert list(outlines.columns) == ["kode_kecamatan", "nama_kecamatan", "geometry"]
    assert sorted(outlines["kode_kecamatan"]) == sorted(kecamatan["kode"])
    assert set(outlines["nama_kecamatan"]) == set(kecamatan["nama"])
    # Overlaps between neighbours are tiny (SOURCE.md), so areas add up to within 0.1%.
    area = shapely.area  # in square degrees: only the ratio matters here
    assert area(outlines.geometry.values).sum() == pytest.approx(area(kelurahan.geometry.values).sum(), rel=1e-3)


# --- installed copy -----------------------------------------------------------------------------------


def test_nothing_installed(geo_dir):
    assert boundaries.load_installed(geo_dir) is None
    assert boundaries.installed_info(geo_dir) is None


def test_corrupt_install_is_reported(geo_dir):
    geo_dir.mkdir()
    (geo_dir / boundaries.GEOJSON_NAME).write_text("{bukan json")
    (geo_dir / boundaries.INFO_NAME).write_text("[1, 2")
    with pytest.raises(BoundaryError, match="rusak"):
        boundaries.load_installed(geo_dir)
    with pytest.raises(BoundaryError, match="rusak"):
        boundaries.installed_info(geo_dir)


def test_reinstall_keeps_the_previous_version(shared_geo, tmp_path, geo_dir):
    boundaries.install(shared_geo / SQL, geo_dir)
    first = snapshot(geo_dir)
    boundaries.install(names_only_file(shared_geo, tmp_path), geo_dir)
    assert snapshot(geo_dir / boundaries.PREVIOUS_DIR) == first
    assert snapshot(geo_dir) != first


def test_failed_install_keeps_the_previous_install(shared_geo, tmp_path, geo_dir):
    boundaries.install(shared_geo / SQL, geo_dir)
    before = snapshot(geo_dir)
    features = [feature({"kode": "64.72.01.1001"}, shapely.box(117.1, -0.5, 117.2, -0.4))]
    with pytest.raises(BoundaryError):
        boundaries.install(write_features(tmp_path / "samarinda.geojson", features), geo_dir)
    assert snapshot(geo_dir) == before
    assert not (geo_dir / boundaries.PREVIOUS_DIR).exists()


def test_geo_dir_defaults_to_kla_geo_dir(shared_geo, geo_dir, monkeypatch):
    monkeypatch.setenv("KLA_GEO_DIR", str(geo_dir))
    boundaries.install(shared_geo / SQL)
    assert len(boundaries.load_installed()) == 34


# --- URLs ---------------------------------------------------------------------------------------------


def test_url_with_right_sha256_installs(http_base, geo_dir):
    url = f"{http_base}/{SQL}"
    report = boundaries.install(url, geo_dir, sha256=boundaries.PINNED_SHA256.upper())
    assert report.features == 34 and report.source.url == url
    info = boundaries.installed_info(geo_dir)
    assert info["url"] == url and info["attribution"] == boundaries.PINNED_ATTRIBUTION


def test_url_with_wrong_sha256_keeps_the_previous_install(shared_geo, http_base, geo_dir):
    boundaries.install(shared_geo / GEOJSON, geo_dir)
    before = snapshot(geo_dir)
    with pytest.raises(BoundaryError) as caught:
        boundaries.install(f"{http_base}/{SQL}", geo_dir, sha256="0" * 64)
    assert boundaries.PINNED_SHA256 in str(caught.value) and "0" * 64 in str(caught.value)
    assert snapshot(geo_dir) == before


def test_url_not_found(http_base):
    with pytest.raises(BoundaryError, match="404") as caught:
        boundaries.read_source(f"{http_base}/tidak_ada.sql")
    assert not isinstance(caught.value, UnreachableError)


def test_unreachable_url_fails_quickly(closed_url):
    started = time.monotonic()
    with pytest.raises(UnreachableError, match="tidak dapat dihubungi"):
        boundaries.read_source(closed_url, timeout=2.0)
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/batas.sql"])
def test_only_http_urls(url):
    with pytest.raises(BoundaryError, match="http"):
        boundaries.read_source(url)


def test_size_cap(http_base, shared_geo, monkeypatch):
    monkeypatch.setattr(download, "MAX_BYTES", 10_000)
    with pytest.raises(BoundaryError, match="lebih dari batas"):
        boundaries.read_source(f"{http_base}/{SQL}")
    with pytest.raises(BoundaryError, match="lebih dari batas"):
        boundaries.read_source(shared_geo / SQL)


def test_bad_sha256_text_is_refused_before_downloading(closed_url):
    with pytest.raises(BoundaryError, match="64 digit"):
        boundaries.read_source(closed_url, sha256="abc")


def test_install_without_src_downloads_the_pinned_file(http_base, geo_dir, monkeypatch, capsys):
    monkeypatch.setattr(download, "PINNED_URL", f"{http_base}/{SQL}")
    monkeypatch.setenv("KLA_GEO_DIR", str(geo_dir))
    assert cli.main(["geo", "install"]) == 0
    assert boundaries.installed_info(geo_dir)["url"] == f"{http_base}/{SQL}"
    assert "34 dari 34 kelurahan" in capsys.readouterr().out


def test_install_without_src_checks_the_pinned_sha256(http_base, geo_dir, monkeypatch):
    monkeypatch.setattr(download, "PINNED_URL", f"{http_base}/{SQL}")
    monkeypatch.setattr(download, "PINNED_SHA256", "1" * 64)
    with pytest.raises(BoundaryError, match="sha256"):
        boundaries.install(None, geo_dir)
    assert not (geo_dir / boundaries.GEOJSON_NAME).exists()


# --- first start: ensure_installed -----------------------------------------------------------------


def count_downloads(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = download.fetch

    def counting(url: str, timeout: float) -> bytes:
        calls.append(url)
        return real(url, timeout)

    monkeypatch.setattr(download, "fetch", counting)
    return calls


def test_ensure_installed_offline_tries_once(geo_dir, closed_url, monkeypatch):
    monkeypatch.setattr(download, "PINNED_URL", closed_url)
    calls = count_downloads(monkeypatch)

    first = boundaries.ensure_installed(geo_dir, timeout=1.0)
    assert first.state == "luring" and not first.installed
    assert "tidak tersambung ke internet" in first.message
    assert first.message == t(first.key, "id", **first.values)
    assert boundaries.ensure_installed(geo_dir, timeout=1.0) is first
    assert len(calls) == 1

    # A restart within the hour does not try again: the marker says when it failed.
    boundaries._reset_attempt()
    later = boundaries.ensure_installed(geo_dir, timeout=1.0)
    assert later.state == "ditunda" and len(calls) == 1
    assert later.values["waktu"] in later.message

    # After an hour it tries again.
    old = (dt.datetime.now().astimezone() - dt.timedelta(hours=2)).isoformat()
    (geo_dir / boundaries.FAILED_MARKER).write_text(old)
    boundaries._reset_attempt()
    assert boundaries.ensure_installed(geo_dir, timeout=1.0).state == "luring"
    assert len(calls) == 2


def test_ensure_installed_downloads_then_reports_installed(geo_dir, http_base, monkeypatch):
    monkeypatch.setattr(download, "PINNED_URL", f"{http_base}/{SQL}")
    status = boundaries.ensure_installed(geo_dir)
    assert status.state == "diunduh" and status.installed and status.report.features == 34
    assert len(boundaries.load_installed(geo_dir)) == 34
    again = boundaries.ensure_installed(geo_dir)
    assert again.state == "terpasang" and "34 kelurahan" in again.message


def test_ensure_installed_with_boundaries_present_does_not_download(shared_geo, geo_dir, monkeypatch):
    boundaries.install(shared_geo / SQL, geo_dir)
    calls = count_downloads(monkeypatch)
    assert boundaries.ensure_installed(geo_dir).state == "terpasang"
    assert calls == []


def test_ensure_installed_rejected_file_never_raises(geo_dir, http_base, monkeypatch):
    monkeypatch.setattr(download, "PINNED_URL", f"{http_base}/{SQL}")
    monkeypatch.setattr(download, "PINNED_SHA256", "2" * 64)
    status = boundaries.ensure_installed(geo_dir)
    assert status.state == "gagal" and "sha256" in status.message
    assert (geo_dir / boundaries.FAILED_MARKER).exists()


def test_ensure_installed_unwritable_folder_never_raises(tmp_path, http_base, monkeypatch):
    monkeypatch.setattr(download, "PINNED_URL", f"{http_base}/{SQL}")
    not_a_folder = tmp_path / "berkas"
    not_a_folder.write_text("bukan folder")
    assert boundaries.ensure_installed(not_a_folder).state == "gagal"


def test_manual_install_clears_the_failure_marker(shared_geo, geo_dir, closed_url, monkeypatch):
    monkeypatch.setattr(download, "PINNED_URL", closed_url)
    boundaries.ensure_installed(geo_dir, timeout=1.0)
    assert (geo_dir / boundaries.FAILED_MARKER).exists()
    boundaries.install(shared_geo / SQL, geo_dir)
    assert not (geo_dir / boundaries.FAILED_MARKER).exists()
