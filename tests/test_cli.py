"""python -m kla validate: exit 0 on good data, exit 1 with a readable list on a broken copy."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kla", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_validate_good_folder(tiny_city):
    result = run("validate", str(tiny_city))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK")


def test_validate_broken_folder_lists_every_problem(tiny_city):
    path = tiny_city / "kegiatan.csv"
    text = path.read_text().replace("2025-02-03", "2025-02-31").replace(",40,", ",empat puluh,")
    path.write_text(text)
    result = run("validate", str(tiny_city))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("- ")]
    assert len(lines) == 2
    assert "kegiatan.csv, baris 3, kolom 'tanggal': nilai '2025-02-31' tidak sah" in result.stderr
    assert "kolom 'peserta_anak': nilai 'empat puluh'" in result.stderr


def test_default_data_folder_is_valid():
    result = run("validate")
    assert result.returncode == 0, result.stderr


def test_no_command_shows_help():
    assert run().returncode == 2


# --- python -m kla geo: in process, with KLA_GEO_DIR in tmp (the project's geo/ is never touched) ---

GEO_SQL = "wilayah_boundaries_kel_64.71.sql"


def geo_main(monkeypatch, geo_dir: Path, *args: str) -> int:
    from kla import cli

    monkeypatch.setenv("KLA_GEO_DIR", str(geo_dir))
    return cli.main(list(args))


def test_geo_status_before_install(tmp_path, monkeypatch, capsys):
    assert geo_main(monkeypatch, tmp_path / "geo", "geo", "status") == 1
    assert "belum terpasang" in capsys.readouterr().err


def test_geo_install_file_then_status(shared_geo, tmp_path, monkeypatch, capsys):
    geo_dir = tmp_path / "geo"
    assert geo_main(monkeypatch, geo_dir, "geo", "install", str(shared_geo / GEO_SQL)) == 0
    out = capsys.readouterr().out
    written = geo_dir / "kelurahan.geojson"
    assert "Cocok: 34 dari 34 kelurahan" in out
    assert "Titik sudut: 3.948 di sumber" in out  # 3,948 vertices, measured in shared/geo/SOURCE.md
    assert f"Ditulis: {written} ({round(written.stat().st_size / 1024)} KB, 34 kelurahan)" in out

    assert geo_main(monkeypatch, geo_dir, "geo", "status") == 0
    out = capsys.readouterr().out
    assert "34 kelurahan" in out and "© 2024 Cahya DSN" in out
    assert "9f4cc1374d4a400ad71160a2f2888d322f1ae8318a3c7719151bc61cedc235f3" in out


def test_geo_install_incomplete_file_warns_or_fails(shared_geo, tmp_path, monkeypatch, capsys):
    import json

    collection = json.loads((shared_geo / "balikpapan_kelurahan.geojson").read_text(encoding="utf-8"))
    collection["features"] = [f for f in collection["features"]
                              if f["properties"]["kode_kelurahan"] != "64.71.06.1005"]  # Damai
    path = tmp_path / "tanpa_damai.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    geo_dir = tmp_path / "geo"

    assert geo_main(monkeypatch, geo_dir, "geo", "install", str(path), "--wajib-lengkap") == 1
    assert "64.71.06.1005 Damai" in capsys.readouterr().err
    assert not (geo_dir / "kelurahan.geojson").exists()

    assert geo_main(monkeypatch, geo_dir, "geo", "install", str(path)) == 0
    captured = capsys.readouterr()
    assert "Cocok: 33 dari 34 kelurahan" in captured.out
    assert "Peringatan: 1 kelurahan tanpa batas: 64.71.06.1005 Damai" in captured.err
    assert geo_main(monkeypatch, geo_dir, "geo", "status") == 0
    assert "Tanpa batas (1 kelurahan): 64.71.06.1005 Damai" in capsys.readouterr().out


def test_geo_install_failure_keeps_previous(shared_geo, tmp_path, monkeypatch, capsys):
    geo_dir = tmp_path / "geo"
    assert geo_main(monkeypatch, geo_dir, "geo", "install", str(shared_geo / GEO_SQL)) == 0
    before = (geo_dir / "kelurahan.geojson").read_bytes()
    assert geo_main(monkeypatch, geo_dir, "geo", "install", str(shared_geo / GEO_SQL), "--sha256", "0" * 64) == 1
    err = capsys.readouterr().err
    assert "Gagal memasang batas kelurahan" in err and "sha256" in err and "tidak diubah" in err
    assert (geo_dir / "kelurahan.geojson").read_bytes() == before


def test_geo_without_subcommand_shows_help(capsys):
    from kla import cli

    assert cli.main(["geo"]) == 2
    assert "install" in capsys.readouterr().out
