"""python -m kla validate: exit 0 on good data, exit 1 with a readable list on a broken copy."""

import subprocess
import sys
from pathlib import Path

import pytest

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


def run_env(*args: str, **env: str) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "kla", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **env})


def test_export_list_names_every_chart_preset_and_format():
    from kla import catalog, export

    result = run("export", "--list")
    assert result.returncode == 0, result.stderr
    for name in [*catalog.CATALOG, *export.PRESETS, *export.FORMATS]:
        assert name in result.stdout


@pytest.mark.browser  # the PNG is rendered by the command's own Chromium
def test_export_writes_the_requested_files(tiny_city, tmp_path):
    out = tmp_path / "kit"
    result = run_env("export", "--chart", "capaian_blok", "--format", "png", "--format", "csv",
                     "--preset", "persegi", "--tahun", "2023", "--zip", "--out", str(out), KLA_DATA_DIR=str(tiny_city))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names[:2] == ["capaian_blok.csv", "capaian_blok_persegi.png"]
    assert names[2].startswith("kla-balikpapan-paket-media-") and names[2].endswith(".zip")
    assert (out / "capaian_blok.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "Periode,2023" in (out / "capaian_blok.csv").read_text(encoding="utf-8-sig")
    assert "DATA CONTOH" in result.stdout


def test_export_all_without_boundaries_skips_only_the_area_map(tiny_city, tmp_path):
    out = tmp_path / "kit"
    result = run_env("export", "--all", "--format", "csv", "--out", str(out), KLA_DATA_DIR=str(tiny_city))
    assert result.returncode == 0, result.stderr
    assert "peta_kelurahan dilewati" in result.stderr
    from kla import catalog

    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.csv" for n in catalog.CATALOG if n != "peta_kelurahan")


def test_export_usage_errors_say_what_is_wrong(tmp_path):
    unknown = run("export", "--chart", "grafik_x", "--out", str(tmp_path))
    assert unknown.returncode == 2 and "'grafik_x'" in unknown.stderr and "--list" in unknown.stderr
    no_out = run("export", "--all")
    assert no_out.returncode == 2 and "--out" in no_out.stderr
    bad_format = run("export", "--all", "--format", "gif", "--out", str(tmp_path))
    assert bad_format.returncode == 2 and "'gif'" in bad_format.stderr
    assert not any(tmp_path.iterdir()), "nothing written on a usage error"


def test_export_bad_year_fails_without_files(tiny_city, tmp_path):
    out = tmp_path / "kit"
    result = run_env("export", "--chart", "capaian_blok", "--format", "csv", "--tahun", "2019", "--out", str(out),
                     KLA_DATA_DIR=str(tiny_city))
    assert result.returncode == 1
    assert "Tahun 2019 tidak ada" in result.stderr
