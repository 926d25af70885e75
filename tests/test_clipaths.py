"""kla.clipaths and the commands that use it: every path problem is one Indonesian line with exit code 2.

The commands run in process through ``kla.cli.main``: an exception would fail the test, and the
error output is checked to be a single ``Kesalahan:`` line naming the path. An unwritable folder is
made for real (``chattr +i`` as root, whom permission bits do not stop; ``chmod 555`` otherwise).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kla import cli, clipaths


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "terkunci"
    folder.mkdir()
    if os.geteuid() == 0:
        made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        undo = ["chattr", "-i", str(folder)]
    else:
        folder.chmod(0o555)
        made, undo = True, None
    try:
        (folder / "uji").write_bytes(b"")
        writable = True
    except OSError:
        writable = False
    if not made or writable:
        pytest.skip("no way to make an unwritable folder here")
    yield folder
    if undo:
        subprocess.run(undo, check=True)
    else:
        folder.chmod(0o755)


def one_line_error(capsys, args: list[str], *words: str) -> str:
    assert cli.main(args) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Kesalahan: "), err
    assert "Traceback" not in err and out == ""
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- export --out FOLDER --------------------------------------------------------------------------------

EXPORT = ["export", "--chart", "tren_total", "--format", "csv", "--out"]


def test_export_out_is_a_file(tmp_path, capsys):
    target = tmp_path / "kit.txt"
    target.write_text("bukan folder")
    one_line_error(capsys, [*EXPORT, str(target)], str(target), "sudah ada sebagai berkas", "diharapkan folder")
    assert target.read_text() == "bukan folder"


def test_export_out_in_a_missing_folder(tmp_path, capsys):
    target = tmp_path / "tidak-ada" / "kit"
    one_line_error(capsys, [*EXPORT, str(target)], f"folder {tmp_path / 'tidak-ada'} tidak ada")
    assert entries(tmp_path) == []


def test_export_out_under_a_file(tmp_path, capsys):
    (tmp_path / "berkas").write_text("x")
    one_line_error(capsys, [*EXPORT, str(tmp_path / "berkas" / "kit")], "adalah berkas, bukan folder")


@pytest.mark.parametrize("inside", [False, True])
def test_export_out_unwritable(unwritable, capsys, inside):
    target = unwritable / "kit" if inside else unwritable
    one_line_error(capsys, [*EXPORT, str(target)], "tidak dapat menulis", str(unwritable), "izin ditolak")


# --- brief --out FILE -------------------------------------------------------------------------------------


def test_brief_out_is_a_folder(tmp_path, capsys):
    one_line_error(capsys, ["brief", "--out", str(tmp_path)], "adalah folder", str(tmp_path / "ringkasan.pdf"))


def test_brief_out_in_a_missing_folder(tmp_path, capsys):
    one_line_error(capsys, ["brief", "--out", str(tmp_path / "rapat" / "ringkasan.pdf")],
                   f"folder {tmp_path / 'rapat'} tidak ada")
    assert entries(tmp_path) == []


def test_brief_out_under_a_file(tmp_path, capsys):
    (tmp_path / "berkas").write_text("x")
    one_line_error(capsys, ["brief", "--out", str(tmp_path / "berkas" / "r.pdf")], "adalah berkas, bukan folder")


def test_brief_out_unwritable(unwritable, capsys):
    one_line_error(capsys, ["brief", "--out", str(unwritable / "r.pdf")], "tidak dapat menulis", "izin ditolak")


# --- data export N DIR, data import DIR --------------------------------------------------------------------


def test_data_export_dir_problems(tmp_path, unwritable, capsys):
    (tmp_path / "berkas").write_text("x")
    one_line_error(capsys, ["data", "export", "1", str(tmp_path / "berkas")], "DIR", "sudah ada sebagai berkas")
    one_line_error(capsys, ["data", "export", "1", str(tmp_path / "a" / "b")], f"folder {tmp_path / 'a'} tidak ada")
    one_line_error(capsys, ["data", "export", "1", str(unwritable / "keluar")], "tidak dapat menulis")


def test_data_import_of_a_file(tmp_path, capsys):
    (tmp_path / "data.csv").write_text("a,b\n")
    one_line_error(capsys, ["data", "import", str(tmp_path / "data.csv"), "--note", "x"], "bukan folder (berkas)")


# --- geo install SRC --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "words"), [
    ("tidak_ada.geojson", ["tidak ditemukan"]),
    ("", ["adalah folder"]),
])
def test_geo_install_of_a_missing_file_or_a_folder(tmp_path, monkeypatch, capsys, name, words):
    monkeypatch.setenv("KLA_GEO_DIR", str(tmp_path / "geo"))
    one_line_error(capsys, ["geo", "install", str(tmp_path / name)], *words)
    assert not (tmp_path / "geo").exists()


def test_geo_install_of_a_malformed_url(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KLA_GEO_DIR", str(tmp_path / "geo"))
    one_line_error(capsys, ["geo", "install", "https://contoh.go.id:80a/batas.geojson"], "nomor port tidak sah")


@pytest.mark.parametrize(("value", "words"), [("0", ["0.0 detik", "lebih dari 0"]), ("nan", ["nan"]),
                                              ("1e9", ["paling banyak 600"]), ("dua", ["'dua' bukan angka detik"])])
def test_geo_install_bad_timeouts_are_usage_errors(tmp_path, monkeypatch, capsys, value, words):
    monkeypatch.setenv("KLA_GEO_DIR", str(tmp_path / "geo"))
    with pytest.raises(SystemExit) as caught:
        cli.main(["geo", "install", str(tmp_path / "x.geojson"), "--timeout", value])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "--timeout" in err and "Traceback" not in err
    for word in words:
        assert word in err, err


# --- the checks themselves ----------------------------------------------------------------------------------


def test_checks_create_nothing(tmp_path):
    (tmp_path / "ada").mkdir()
    assert clipaths.output_folder(tmp_path / "ada", "--out") == tmp_path / "ada"
    assert clipaths.output_folder(tmp_path / "baru", "--out") == tmp_path / "baru"
    assert clipaths.output_file(tmp_path / "r.pdf", "--out") == tmp_path / "r.pdf"
    assert entries(tmp_path) == ["ada"] and entries(tmp_path / "ada") == []


def test_an_existing_file_may_be_replaced(tmp_path):
    (tmp_path / "r.pdf").write_bytes(b"lama")
    assert clipaths.output_file(tmp_path / "r.pdf", "--out") == tmp_path / "r.pdf"


def test_write_problem_names_the_reason(tmp_path):
    error = OSError(28, "No space left on device")
    assert str(clipaths.write_problem(error, "--out", tmp_path)) == f"--out {tmp_path}: gagal menulis (disk penuh)."


def test_geo_install_into_a_geo_folder_that_is_a_file_or_unwritable(shared_geo, tmp_path, unwritable, monkeypatch,
                                                                     capsys):
    source = str(shared_geo / "wilayah_boundaries_kel_64.71.sql")
    (tmp_path / "geo").write_text("bukan folder")
    monkeypatch.setenv("KLA_GEO_DIR", str(tmp_path / "geo"))
    one_line_error(capsys, ["geo", "install", source], "KLA_GEO_DIR", "sudah ada sebagai berkas")
    monkeypatch.setenv("KLA_GEO_DIR", str(unwritable))
    one_line_error(capsys, ["geo", "install", source], "KLA_GEO_DIR", "tidak dapat menulis", "izin ditolak")
