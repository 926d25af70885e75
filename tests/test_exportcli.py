"""python -m kla export (kla.exportcli) in process: the installed boundaries and their attribution travel together."""

from __future__ import annotations

import zipfile

from kla import boundaries, cli
from tests.boundary_files import SQL


def test_the_area_map_and_its_attribution_come_from_the_installed_boundaries(tiny_city, shared_geo, tmp_path,
                                                                             monkeypatch, capsys):
    geo = tmp_path / "geo"
    boundaries.install(shared_geo / SQL, geo)
    monkeypatch.setenv("KLA_GEO_DIR", str(geo))
    monkeypatch.setenv("KLA_DATA_DIR", str(tiny_city))
    out = tmp_path / "kit"
    assert cli.main(["export", "--chart", "peta_kelurahan", "--format", "csv", "--zip", "--out", str(out)]) == 0
    (packed,) = out.glob("*.zip")
    with zipfile.ZipFile(packed) as archive:
        readme = archive.read("README.txt").decode("utf-8")
    assert "Cahya DSN" in readme  # the attribution recorded with the installed SQL file
    assert (out / "peta_kelurahan.csv").exists()
    assert capsys.readouterr().err == ""
