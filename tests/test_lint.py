"""The style pyproject.toml declares (ruff's rules, line length 120 included) holds in every file ruff checks."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ruff_check(*paths: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", *paths], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_the_project_follows_its_ruff_config():
    result = ruff_check(".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_config_allows_120_characters_and_not_one_more(tmp_path: Path):
    # the check above is only worth something while the config still counts line length
    for name, length, found in (("pas.py", 120, 0), ("panjang.py", 121, 1)):
        path = tmp_path / name
        path.write_text(f'TEKS = "{"x" * (length - 9)}"\n', encoding="utf-8")
        result = ruff_check(str(path))
        assert (result.returncode, "E501" in result.stdout) == (found, bool(found)), result.stdout + result.stderr
