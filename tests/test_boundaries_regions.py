"""Which regions the boundaries are matched to: the data's wilayah.csv, never a list in code.

The app passes the published version's ``wilayah`` (``ensure_installed``), ``python -m kla geo``
reads the published version, and a caller passing nothing gets ``KLA_DATA_DIR``'s wilayah.csv.
Each test renames one kelurahan in a copy of the data and checks that the installed boundaries
carry the new name: the name can only have come from that copy.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import shapely

from kla import boundaries, cli
from kla.boundaries import BoundaryError, download
from kla.config import PROJECT_ROOT
from kla.store import published_dataset
from tests.boundary_files import GEOJSON, SQL, WILAYAH, feature, folder_server, write_features

DAMAI = "64.71.06.1005"


@pytest.fixture(autouse=True)
def fresh_attempt():
    """ensure_installed tries once per process; each test here is a new process for it."""
    boundaries._reset_attempt()
    yield
    boundaries._reset_attempt()


def renamed(wilayah: pd.DataFrame, kode: str, nama: str) -> pd.DataFrame:
    table = wilayah.copy()
    table.loc[table["kode"] == kode, "nama"] = nama
    return table


def data_copy(tmp_path: Path, folder_name: str, damai: str) -> Path:
    """A copy of data/ whose wilayah.csv calls Damai (Balikpapan Kota) ``damai``."""
    folder = tmp_path / folder_name
    shutil.copytree(PROJECT_ROOT / "data", folder, ignore=shutil.ignore_patterns(".*"))
    table = pd.read_csv(folder / "wilayah.csv", dtype=str, keep_default_na=False)
    assert (table["kode"] == DAMAI).sum() == 1
    table.loc[table["kode"] == DAMAI, "nama"] = damai
    table.to_csv(folder / "wilayah.csv", index=False)
    return folder


def installed_names(geo_dir: Path) -> dict[str, str]:
    installed = boundaries.load_installed(geo_dir)
    return dict(zip(installed["kode_kelurahan"], installed["nama_kelurahan"]))


def test_install_names_the_kelurahan_as_the_given_wilayah_does(shared_geo, tmp_path):
    report = boundaries.install(shared_geo / SQL, tmp_path / "geo", wilayah=renamed(WILAYAH, DAMAI, "Damai Pantai"))
    assert report.features == 34
    names = installed_names(tmp_path / "geo")
    assert names[DAMAI] == "Damai Pantai"
    assert names["64.71.05.1010"] == "Sungainangka"


def test_a_kelurahan_missing_from_wilayah_is_not_installed(shared_geo, tmp_path):
    without_damai = WILAYAH[WILAYAH["kode"] != DAMAI]
    report = boundaries.install(shared_geo / SQL, tmp_path / "geo", wilayah=without_damai)
    assert report.features == 33 and report.complete  # 33 of the 33 the table names
    assert DAMAI not in installed_names(tmp_path / "geo")
    assert [u.teks for u in report.match.unmatched] == [DAMAI]


def test_names_are_matched_to_the_given_wilayah_aliases(shared_geo, tmp_path):
    geometry = shapely.box(116.80, -1.20, 116.81, -1.19)
    path = write_features(tmp_path / "nama.geojson", [feature({"nama": "Pantai Damai"}, geometry)])
    gdf, _ = boundaries.read_source(path)
    with pytest.raises(BoundaryError, match="tidak ada kolom berisi kode kelurahan"):
        boundaries.match_kelurahan(gdf, WILAYAH)
    wilayah = WILAYAH.copy()
    wilayah.loc[wilayah["kode"] == DAMAI, "alias"] = "Pantai Damai"
    matched, report = boundaries.match_kelurahan(gdf, wilayah)
    assert matched["kode_kelurahan"].tolist() == [DAMAI] and report.matched[0].cara == "alias"


def test_wilayah_without_kelurahan_is_refused_by_name(shared_geo):
    gdf, _ = boundaries.read_source(shared_geo / GEOJSON)
    with pytest.raises(BoundaryError, match="tidak berisi kelurahan"):
        boundaries.match_kelurahan(gdf, WILAYAH[WILAYAH["tingkat"] == "kecamatan"])


def test_install_without_wilayah_reads_the_data_folder(shared_geo, tmp_path, monkeypatch):
    monkeypatch.setenv("KLA_DATA_DIR", str(data_copy(tmp_path, "data", "Damai Folder")))
    boundaries.install(shared_geo / SQL, tmp_path / "geo")
    assert installed_names(tmp_path / "geo")[DAMAI] == "Damai Folder"


def test_install_without_wilayah_and_without_a_usable_folder_installs_nothing(shared_geo, tmp_path, monkeypatch):
    empty = tmp_path / "kosong"
    empty.mkdir()
    monkeypatch.setenv("KLA_DATA_DIR", str(empty))
    with pytest.raises(BoundaryError, match=r"wilayah\.csv: berkas tidak ditemukan"):
        boundaries.install(shared_geo / SQL, tmp_path / "geo")
    assert not (tmp_path / "geo").exists()


def test_first_start_download_uses_the_apps_wilayah(shared_geo, tmp_path, monkeypatch):
    geo_dir = tmp_path / "geo"
    with folder_server(shared_geo) as base:
        monkeypatch.setattr(download, "PINNED_URL", f"{base}/{SQL}")
        status = boundaries.ensure_installed(geo_dir, wilayah=renamed(WILAYAH, DAMAI, "Damai Aplikasi"))
    assert status.state == "diunduh"
    assert installed_names(geo_dir)[DAMAI] == "Damai Aplikasi"


# --- python -m kla geo: the published version ------------------------------------------------------


def test_geo_install_matches_the_published_version_not_the_data_folder(shared_geo, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KLA_DATA_DIR", str(data_copy(tmp_path, "terbit", "Damai Terbit")))
    assert published_dataset().ok  # the empty store imports that copy as version 1, published
    monkeypatch.setenv("KLA_DATA_DIR", str(data_copy(tmp_path, "folder", "Damai Folder")))
    monkeypatch.setenv("KLA_GEO_DIR", str(tmp_path / "geo"))

    assert cli.main(["geo", "install", str(shared_geo / SQL)]) == 0
    assert installed_names(tmp_path / "geo")[DAMAI] == "Damai Terbit"
    assert "Cocok: 34 dari 34 kelurahan" in capsys.readouterr().out


def test_geo_install_on_a_fresh_clone_matches_data_wilayah(shared_geo, tmp_path, monkeypatch, capsys):
    # A fresh clone: empty store (conftest), KLA_DATA_DIR unset, so data/ becomes version 1.
    monkeypatch.delenv("KLA_DATA_DIR", raising=False)
    monkeypatch.setenv("KLA_GEO_DIR", str(tmp_path / "geo"))
    assert cli.main(["geo", "install", str(shared_geo / SQL)]) == 0
    names = WILAYAH.set_index("kode")["nama"]
    assert installed_names(tmp_path / "geo") == {kode: names[kode] for kode in installed_names(tmp_path / "geo")}
    assert published_dataset().dataset.version.number == 1


def test_geo_install_without_readable_published_data_installs_nothing(shared_geo, tmp_path, monkeypatch, capsys):
    empty = tmp_path / "kosong"
    empty.mkdir()
    monkeypatch.setenv("KLA_DATA_DIR", str(empty))
    monkeypatch.setenv("KLA_GEO_DIR", str(tmp_path / "geo"))
    assert cli.main(["geo", "install", str(shared_geo / SQL)]) == 1
    err = capsys.readouterr().err
    assert "Wilayah dari data yang diterbitkan tidak dapat dibaca" in err and "wilayah.csv" in err
    assert not (tmp_path / "geo" / boundaries.GEOJSON_NAME).exists()


def test_geo_status_names_missing_kelurahan_as_the_published_version_does(shared_geo, tmp_path, monkeypatch, capsys):
    collection = json.loads((shared_geo / GEOJSON).read_text(encoding="utf-8"))
    collection["features"] = [f for f in collection["features"] if f["properties"]["kode_kelurahan"] != DAMAI]
    path = tmp_path / "tanpa_damai.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    monkeypatch.setenv("KLA_DATA_DIR", str(data_copy(tmp_path, "terbit", "Damai Terbit")))
    monkeypatch.setenv("KLA_GEO_DIR", str(tmp_path / "geo"))

    assert cli.main(["geo", "install", str(path)]) == 0
    capsys.readouterr()
    assert cli.main(["geo", "status"]) == 0
    assert f"Tanpa batas (1 kelurahan): {DAMAI} Damai Terbit." in capsys.readouterr().out
