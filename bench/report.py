"""Shared by the benchmarks: the machine they ran on, and their sections of docs/BENCHMARKS.md.

Each benchmark owns one section between ``<!-- bench:NAME -->`` and ``<!-- /bench:NAME -->``
and rewrites only that, so benchmarks can run alone or together.
"""

from __future__ import annotations

import contextlib
import os
import platform
import re
import statistics
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "docs" / "BENCHMARKS.md"
HEADER = """# Benchmarks

Written by the scripts in `bench/` (see each section for its command). Every target is stated as
a ratio against a baseline measured in the same run on the same machine, so numbers from a
slower or busier machine stay comparable. Absolute times are shown too, for orientation only.
"""


def machine() -> str:
    """One line: CPU, cores, memory, Python, Chromium."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, AttributeError):
        pass
    chromium = ""
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        chromium = ", " + subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                                         timeout=20).stdout.strip()
    return f"{cpu}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}{chromium}"


def seconds(x: float, decimals: int = 2) -> str:
    """Indonesian decimal comma, as everywhere in this project."""
    return f"{x:.{decimals}f}".replace(".", ",")


def signed(x: float, decimals: int = 2) -> str:
    """With its sign, true minus as in the app: "+0,12", "−0,30"."""
    return ("+" if x >= 0 else "\u2212") + seconds(abs(x), decimals)


def median(values: list[float]) -> float:
    return statistics.median(values)


def write_section(name: str, body: str) -> None:
    """Replace (or append) this benchmark's section in docs/BENCHMARKS.md."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else HEADER
    block = f"{start}\n{body.strip()}\n{end}"
    if start in text and end in text:
        text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
