"""kla/ type-checks: mypy (pinned in requirements-dev.txt, configured in pyproject.toml) finds nothing.

Run by the README's test command, so by .ci/run; the same check by hand: ``.venv/bin/mypy``.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_error_in_kla():
    # mypy's cache (.mypy_cache/) makes every run after the first take a few seconds
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"mypy menemukan kesalahan:\n{result.stdout}{result.stderr}"
    checked = re.search(r"no issues found in (\d+) source files", result.stdout)
    assert checked, result.stdout
    # the config's ``packages = ["kla"]`` still points at the whole package
    assert int(checked.group(1)) >= len(list((ROOT / "kla").rglob("*.py")))
