"""Mutated boundary files and arbitrary URLs: the installer answers with a BoundaryError or installs, never more.

Hypothesis flips, cuts, repeats and zeroes bytes of the shared files in each format (GeoJSON,
SQL, zipped Shapefile, GeoPackage), built in the test's tmp folder. An install that succeeds must
leave a consistent pair; one that fails must say why in one line and leave nothing installed.
"""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

import geopandas as gpd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kla import boundaries
from kla.boundaries import BoundaryError, UsageError, download
from tests.boundary_files import GEOJSON, SQL, zip_shapefile
from tests.shared import shared_dir

SHARED_GEO = shared_dir() / "geo"


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("sumber")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gpd.read_file(SHARED_GEO / GEOJSON).to_file(folder / "batas.gpkg")
    return {"geojson": (SHARED_GEO / GEOJSON).read_bytes(), "sql": (SHARED_GEO / SQL).read_bytes(),
            "zip": zip_shapefile(SHARED_GEO, folder).read_bytes(), "gpkg": (folder / "batas.gpkg").read_bytes()}


def mutate(data: bytes, kind: str, where: float, size: int, value: int) -> bytes:
    at = int(where * (len(data) - 1))
    if kind == "cut":
        return data[:at]
    if kind == "repeat":
        return data[:at] + data[at:at + size] + data[at:]
    if kind == "zero":
        return data[:at] + bytes(min(size, len(data) - at)) + data[at + size:]
    if kind == "insert":
        return data[:at] + bytes([value]) * size + data[at:]
    return data[:at] + bytes([value]) + data[at + 1:]  # one byte changed


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(fmt=st.sampled_from(["geojson", "sql", "zip", "gpkg"]),
       kind=st.sampled_from(["cut", "repeat", "zero", "insert", "byte"]),
       where=st.floats(0, 1), size=st.integers(1, 4000), value=st.integers(0, 255))
def test_a_mutated_file_installs_or_is_refused_in_one_line(sources, tmp_path, fmt, kind, where, size, value):
    path = tmp_path / f"mutasi.{fmt}"
    path.write_bytes(mutate(sources[fmt], kind, where, size, value))
    geo_dir = tmp_path / f"geo-{hashlib.sha256(path.read_bytes()).hexdigest()[:12]}"
    try:
        boundaries.install(path, geo_dir)
    except BoundaryError as exc:
        event(f"{fmt} {kind}: ditolak")
        assert str(exc) and "\n" not in str(exc)
        assert boundaries.load_installed(geo_dir) is None
        return
    event(f"{fmt} {kind}: dipasang")
    pair = boundaries.read_installed(geo_dir)
    assert pair.info["web_sha256"] == hashlib.sha256(pair.path.read_bytes()).hexdigest()
    assert pair.boundaries.geometry.is_valid.all()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=st.text(max_size=60) | st.builds("{}://{}".format, st.sampled_from(["http", "https", "HTTP", "ftp", ""]),
                                              st.text(max_size=40)))
def test_any_text_is_a_valid_url_or_a_usage_error(text):
    try:
        assert download.check_url(text) == text
    except UsageError as exc:
        assert "\n" not in str(exc)


def test_sources_are_the_shared_files(sources):
    assert hashlib.sha256(sources["sql"]).hexdigest() == download.PINNED_SHA256
    assert Path(SHARED_GEO / GEOJSON).exists()
