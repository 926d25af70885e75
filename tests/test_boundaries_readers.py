"""kla.boundaries.readers and .zipped: broken, lying and hostile files give a clear message, never a traceback.

Each file is built here from the shared boundary copy (tmp) or by hand; expectations are what the
file holds (feature numbers, member names, sizes we wrote), not the installer's output.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
import shapely
from shapely.geometry import LineString, MultiPoint, Point, shape

from kla import boundaries
from kla.boundaries import BoundaryError, UsageError, zipped
from tests.boundary_files import (
    GEOJSON,
    SQL,
    WILAYAH,
    feature,
    patch_zip_headers,
    raw_features,
    raw_geometries,
    write_features,
    zip_bytes,
    zip_shapefile,
)

MANGGAR = "64.71.01.1001"


@pytest.fixture
def geo_dir(tmp_path: Path) -> Path:
    return tmp_path / "geo"


def refused(path: Path, geo_dir: Path, *words: str) -> str:
    """Install ``path``, expect a BoundaryError naming every word, and nothing installed."""
    with pytest.raises(BoundaryError) as caught:
        boundaries.install(path, geo_dir)
    message = str(caught.value)
    for word in words:
        assert word in message, message
    assert "\n" not in message and "Traceback" not in message
    assert boundaries.load_installed(geo_dir) is None
    return message


# --- points, lines, collections --------------------------------------------------------------------


@pytest.mark.parametrize("geometry", [Point(116.9, -1.2), LineString([(116.9, -1.2), (116.95, -1.25)]),
                                      MultiPoint([(116.9, -1.2), (116.91, -1.21)])])
def test_a_file_of_points_or_lines_is_refused_naming_the_feature(tmp_path, geo_dir, geometry):
    path = write_features(tmp_path / "titik.geojson", [feature({"kode": MANGGAR}, geometry)])
    refused(path, geo_dir, "titik.geojson", "fitur 1", "Manggar", geometry.geom_type, "Polygon atau MultiPolygon")


def test_points_beside_the_polygons_are_reported_and_the_polygons_installed(shared_geo, tmp_path, geo_dir):
    features = raw_features(shared_geo) + [feature({"kode_kelurahan": MANGGAR}, Point(116.9, -1.2))]
    report = boundaries.install(write_features(tmp_path / "campur.geojson", features), geo_dir)
    assert report.features == 34 and report.complete
    (point,) = report.match.unmatched
    assert point.baris == len(features) and "Point, bukan poligon" in point.pesan


def test_polygons_inside_nested_collections_are_found(shared_geo, tmp_path):
    polygon = raw_geometries(shared_geo)[MANGGAR]
    nested = shapely.GeometryCollection([shapely.GeometryCollection([polygon]), Point(116.9, -1.2)])
    gdf, _ = boundaries.read_source(write_features(tmp_path / "koleksi.geojson", [feature({"kode": MANGGAR}, nested)]))
    matched, report = boundaries.match_kelurahan(gdf, WILAYAH)
    assert matched["kode_kelurahan"].tolist() == [MANGGAR] and not report.unmatched
    assert matched.geometry.iloc[0].equals(polygon)


# --- rings GEOS will not build ----------------------------------------------------------------------


def test_an_unclosed_ring_is_named_by_feature(shared_geo, tmp_path, geo_dir):
    features = raw_features(shared_geo)
    fifth = features[4]
    ring = fifth["geometry"]["coordinates"][0] if fifth["geometry"]["type"] == "Polygon" else None
    assert ring is not None and ring[0] == ring[-1]
    fifth["geometry"]["coordinates"][0] = ring[:-1]  # the closing point dropped
    path = write_features(tmp_path / "terbuka.geojson", features)
    message = refused(path, geo_dir, "terbuka.geojson", "fitur 5", "tidak tertutup")
    assert fifth["properties"]["kode_kelurahan"] in message


def test_a_ring_of_one_point_is_named(tmp_path, geo_dir):
    dot = {"type": "Polygon", "coordinates": [[[116.9, -1.2]]]}
    good = shapely.box(116.80, -1.20, 116.81, -1.19)
    path = write_features(tmp_path / "titik.geojson", [feature({"kode": "64.71.01.1002"}, good),
                                                       feature({"kode": MANGGAR}, dot)])
    refused(path, geo_dir, "fitur 2", MANGGAR, "kurang dari 4 titik")


def test_a_closed_ring_of_three_points_has_no_area(tmp_path, geo_dir):
    flat = {"type": "Polygon", "coordinates": [[[116.9, -1.2], [116.91, -1.2], [116.9, -1.2]]]}
    good = shapely.box(116.80, -1.20, 116.81, -1.19)
    path = write_features(tmp_path / "pipih.geojson", [feature({"kode": "64.71.01.1002"}, good),
                                                       feature({"kode": MANGGAR}, flat)])
    report = boundaries.install(path, geo_dir)
    assert report.features == 1
    (flat_feature,) = report.match.unmatched
    assert flat_feature.baris == 2 and "Manggar" in flat_feature.pesan and "tanpa luas" in flat_feature.pesan


# --- zips that lie ------------------------------------------------------------------------------------


def test_a_geojson_named_zip_is_read_as_geojson(shared_geo, tmp_path, geo_dir):
    path = tmp_path / "batas.zip"
    path.write_bytes((shared_geo / GEOJSON).read_bytes())
    report = boundaries.install(path, geo_dir)
    assert report.source.format == "geojson" and report.features == 34


def test_a_zipped_geojson_is_read_from_the_zip(shared_geo, tmp_path, geo_dir):
    path = tmp_path / "batas.zip"
    path.write_bytes(zip_bytes({f"unduhan/{GEOJSON}": (shared_geo / GEOJSON).read_bytes()}))
    report = boundaries.install(path, geo_dir)
    assert report.source.format == "zip" and report.source.layer == f"unduhan/{GEOJSON}" and report.features == 34


def test_a_zipped_sql_file_is_read_from_the_zip(shared_geo, tmp_path, geo_dir):
    path = tmp_path / "sql.zip"
    path.write_bytes(zip_bytes({SQL: (shared_geo / SQL).read_bytes()}))
    assert boundaries.install(path, geo_dir).features == 34


def test_a_truncated_zip(shared_geo, tmp_path, geo_dir):
    whole = zip_shapefile(shared_geo, tmp_path).read_bytes()
    path = tmp_path / "terpotong.zip"
    path.write_bytes(whole[: len(whole) // 2])
    refused(path, geo_dir, "terpotong.zip", "bukan arsip zip yang utuh", "terpotong")


def test_damaged_compressed_data(shared_geo, tmp_path, geo_dir):
    data = bytearray(zip_shapefile(shared_geo, tmp_path).read_bytes())
    archive = zipfile.ZipFile(zip_shapefile(shared_geo, tmp_path, "salinan.zip"))
    dbf = archive.getinfo("data/kelurahan.dbf")
    start = dbf.header_offset + 30 + len(dbf.filename) + len(dbf.extra)
    data[start + 10: start + 40] = bytes(range(30))  # inside the deflated .dbf data
    path = tmp_path / "rusak.zip"
    path.write_bytes(bytes(data))
    refused(path, geo_dir, "rusak.zip", "data/kelurahan.dbf", "tidak dapat diekstrak")


def test_a_member_smaller_than_its_data_is_refused_as_damaged(shared_geo, tmp_path, geo_dir):
    path = tmp_path / "bohong.zip"
    whole = zip_shapefile(shared_geo, tmp_path).read_bytes()
    path.write_bytes(patch_zip_headers(whole, "data/kelurahan.shp", size=100))
    refused(path, geo_dir, "bohong.zip", "data/kelurahan.shp", "CRC")


def test_a_member_declaring_gigabytes_is_refused_before_extracting(shared_geo, tmp_path, geo_dir):
    path = tmp_path / "besar.zip"
    path.write_bytes(patch_zip_headers(zip_shapefile(shared_geo, tmp_path).read_bytes(), "data/kelurahan.dbf",
                                       size=3_000_000_000))
    refused(path, geo_dir, "besar.zip", f"{zipped.MAX_EXTRACTED_BYTES:,}")


def test_a_password_protected_zip(shared_geo, tmp_path, geo_dir):
    path = tmp_path / "sandi.zip"
    path.write_bytes(patch_zip_headers(zip_shapefile(shared_geo, tmp_path).read_bytes(), "data/kelurahan.shp", flags=1))
    refused(path, geo_dir, "sandi.zip", "kata sandi")


def test_a_zip_bomb_spread_over_several_shapefiles(tmp_path, geo_dir):
    """Three shapefiles of zeros, each under the cap and together over it: a 200 KB zip of 210 MB."""
    each = 70 * 1024 * 1024
    assert 3 * each > zipped.MAX_EXTRACTED_BYTES > each
    zeros = bytes(each)
    path = tmp_path / "bom.zip"
    path.write_bytes(zip_bytes({f"{part}/kelurahan.shp": zeros for part in ("a", "b", "c")}))
    assert path.stat().st_size < 1024 * 1024
    refused(path, geo_dir, "bom.zip", f"{3 * each:,}", f"{zipped.MAX_EXTRACTED_BYTES:,}", "bom zip")


def test_a_zip_of_other_things_lists_what_it_holds(tmp_path, geo_dir):
    path = tmp_path / "lain.zip"
    path.write_bytes(zip_bytes({"laporan.pdf": b"%PDF-1.4", "foto.jpg": b"\xff\xd8"}))
    refused(path, geo_dir, "lain.zip", "tidak ada berkas .shp", "laporan.pdf", "foto.jpg")


def test_a_zip_inside_the_zip_is_not_opened(shared_geo, tmp_path, geo_dir):
    inner = zip_shapefile(shared_geo, tmp_path).read_bytes()
    path = tmp_path / "bersarang.zip"
    path.write_bytes(zip_bytes({"batas.json": inner}))
    refused(path, geo_dir, "bersarang.zip:batas.json", "zip di dalam zip")


# --- things that are not files ------------------------------------------------------------------------


def test_a_fifo_is_refused_without_reading(tmp_path, geo_dir):
    fifo = tmp_path / "pipa.geojson"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    with pytest.raises(UsageError, match="bukan berkas biasa"):
        boundaries.install(fifo, geo_dir)


def test_a_device_is_refused_without_reading(geo_dir):
    with pytest.raises(UsageError, match="bukan berkas biasa"):
        boundaries.install(Path("/dev/zero"), geo_dir)


def test_a_folder_and_a_missing_file(tmp_path, geo_dir):
    with pytest.raises(UsageError, match="adalah folder"):
        boundaries.install(tmp_path, geo_dir)
    with pytest.raises(UsageError, match="tidak ditemukan"):
        boundaries.install(tmp_path / "tidak_ada.geojson", geo_dir)


def test_an_empty_file(tmp_path, geo_dir):
    path = tmp_path / "kosong.geojson"
    path.write_bytes(b"")
    refused(path, geo_dir, "kosong.geojson", "berkas kosong")


def test_sources_keep_their_geometry_types(shared_geo):
    """The fault tests above rely on the shared file being all polygons (else 'fitur 5' could be a multi)."""
    assert {shape(f["geometry"]).geom_type for f in raw_features(shared_geo)} <= {"Polygon", "MultiPolygon"}
