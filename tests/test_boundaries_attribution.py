"""The boundaries' licence line: ``geo install --atribusi``, stored with the install, read by every map.

A file name is not an attribution: a file without a known licence is installed without one (and
the install says how to add it), never with "Batas kelurahan: <file>" printed under the map.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kla import boundaries, cli, mapdata, maps, staticmap
from kla.loading import load_dataset
from tests.boundary_files import GEOJSON, SQL

DATA = Path(__file__).resolve().parents[1] / "data"
CREDIT = "© 2024 Cahya DSN, MIT"


@pytest.fixture
def geo_dir(tmp_path: Path) -> Path:
    return tmp_path / "geo"


def test_a_file_without_a_known_licence_gets_no_file_name_as_attribution(shared_geo, geo_dir):
    report = boundaries.install(shared_geo / GEOJSON, geo_dir)
    assert report.source.attribution == ""
    assert boundaries.installed_info(geo_dir)["attribution"] == ""
    line = next(x for x in boundaries.report_lines(report) if x.startswith("Atribusi"))
    assert GEOJSON not in line and "--atribusi" in line


def test_an_attribution_given_is_stored_and_read_back(shared_geo, geo_dir):
    report = boundaries.install(shared_geo / GEOJSON, geo_dir, attribution=f"  {CREDIT}\n")
    assert report.source.attribution == CREDIT
    stored = json.loads((boundaries.installed_folder(geo_dir) / boundaries.INFO_NAME).read_text(encoding="utf-8"))
    assert stored["attribution"] == CREDIT
    assert boundaries.read_installed(geo_dir).info["attribution"] == CREDIT


def test_the_pinned_files_own_attribution_stays_unless_one_is_given(shared_geo, geo_dir):
    assert boundaries.install(shared_geo / SQL, geo_dir).source.attribution == boundaries.PINNED_ATTRIBUTION
    assert boundaries.install(shared_geo / SQL, geo_dir, attribution="© lain").source.attribution == "© lain"


def test_a_too_long_attribution_is_refused_before_anything_is_read(geo_dir):
    with pytest.raises(boundaries.UsageError, match="--atribusi: 301 karakter"):
        boundaries.install("/tidak/ada.geojson", geo_dir, attribution="x" * 301)


def test_an_earlier_install_with_a_file_name_reads_as_no_attribution(shared_geo, geo_dir):
    boundaries.install(shared_geo / GEOJSON, geo_dir)
    path = boundaries.installed_folder(geo_dir) / boundaries.INFO_NAME
    info = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(info | {"attribution": f"Batas kelurahan: {GEOJSON}"}), encoding="utf-8")
    assert boundaries.installed_info(geo_dir)["attribution"] == ""


def test_geo_install_takes_atribusi_on_the_command_line(shared_geo, geo_dir, monkeypatch, capsys):
    monkeypatch.setenv("KLA_GEO_DIR", str(geo_dir))
    assert cli.main(["geo", "install", str(shared_geo / GEOJSON), "--atribusi", CREDIT]) == 0
    assert f"Atribusi: {CREDIT}" in capsys.readouterr().out
    assert boundaries.installed_info(geo_dir)["attribution"] == CREDIT
    assert cli.main(["geo", "status"]) == 0
    assert f"Atribusi: {CREDIT}" in capsys.readouterr().out


def test_the_maps_print_the_attribution_and_no_file_name(shared_geo, geo_dir):
    boundaries.install(shared_geo / GEOJSON, geo_dir, attribution=CREDIT)
    installed = boundaries.read_installed(geo_dir)
    values = mapdata.map_values(load_dataset(DATA).dataset, "total", 2025)
    credit = installed.info["attribution"]
    press = staticmap.static_choropleth(installed.boundaries, values, attribution=credit)
    footer = next(a.text for a in press.figure.layout.annotations if a.name == "sumber")
    assert "Cahya DSN" in footer and GEOJSON not in footer and "Cahya DSN" in press.source
    area = maps.choropleth(installed.boundaries, values, attribution=credit).get_root().render()
    assert "Cahya DSN" in area and GEOJSON not in area
