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
