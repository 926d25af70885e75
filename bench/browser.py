"""Shared by the browser benchmarks: starting servers, installed boundaries, "fully drawn" checks, CPU time.

The "fully drawn" conditions are JavaScript predicates evaluated inside the page (polled by
Playwright every animation frame), so the moment they turn true is seen by the browser itself.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.chromium import CHROMIUM, CHROMIUM_ARGS, free_port  # one Chromium set-up for tests and benches
from bench.shared import shared_dir

ROOT = Path(__file__).resolve().parents[1]
GEO_SQL = shared_dir() / "geo" / "wilayah_boundaries_kel_64.71.sql"
CLK_TCK = os.sysconf("SC_CLK_TCK")
VIEWPORT = {"width": 1366, "height": 768}

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "free_port"]

# Ringkasan ("/") fully drawn: the 4 headline metric values are in the DOM and both plotly charts
# have been drawn by plotly.js (an <svg class="main-svg"> with at least one trace inside each).
RINGKASAN_DRAWN = """() => {
  if (document.querySelectorAll('[data-testid="stMetricValue"]').length < 4) return false;
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  return charts.filter(c => c.querySelector('.main-svg .trace')).length >= 2;
}"""
# Peta ("/peta") fully drawn: the 34 kelurahan polygons are in the st_folium iframe (same origin).
PETA_DRAWN = """() => {
  const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  const d = f && f.contentDocument;
  return !!d && d.querySelectorAll('path.kla-kelurahan').length >= 34;
}"""
# The one-line baseline app: its text is rendered.
BARE_DRAWN = """() => [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')]
  .some(e => e.innerText.includes('Halo') && e.getBoundingClientRect().height > 0)"""
EXCEPTION = '[data-testid="stException"]'


def app_command(port: int) -> list[str]:
    return [sys.executable, "-m", "kla", "serve", "--server.port", str(port), "--server.headless", "true"]


def bare_command(script: Path, port: int) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
            "--server.headless", "true"]


BARE_APP = 'import streamlit as st; st.write("Halo")\n'
# The same plus one small plotly chart: what any Streamlit page with a plotly chart pays at least.
PLOTLY_APP = ('import streamlit as st; import plotly.graph_objects as go; st.write("Halo"); '
              'st.plotly_chart(go.Figure(go.Scatter(y=[1, 3, 2])))\n')
# ... drawn: the text is visible and the chart has been drawn by plotly.js.
PLOTLY_DRAWN = """() => !!document.querySelector('[data-testid="stPlotlyChart"] .main-svg .trace')"""


def bare_app(folder: Path, source: str = BARE_APP, name: str = "halo.py") -> Path:
    script = folder / name
    script.write_text(source, encoding="utf-8")
    return script


def install_geo(folder: Path) -> dict[str, str]:
    """Install the kelurahan boundaries into ``folder`` as a user would; returns the env for the app."""
    env = {**os.environ, "KLA_GEO_DIR": str(folder)}
    subprocess.run([sys.executable, "-m", "kla", "geo", "install", str(GEO_SQL)], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return env


def temp_folder(prefix: str) -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix=prefix)


def start(cmd: list[str], cwd: Path, env: dict[str, str], log: Path) -> subprocess.Popen:
    """Start a server (own session, so it can be stopped by its pid); stderr goes to ``log``."""
    with open(log, "ab") as err:
        return subprocess.Popen(cmd, cwd=cwd, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                                stderr=err)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def wait_health(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server not healthy in time")


def cpu_seconds(pid: int) -> float:
    """user + system CPU of a process (all its threads), from /proc/<pid>/stat."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = text[text.rindex(")") + 2:].split()  # after "pid (comm) "; fields[0] is the state (field 3)
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime (14), stime (15)


def descendants(pid: int) -> list[int]:
    """All live descendant pids of ``pid``."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(text[text.rindex(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def chromium_pids() -> list[int]:
    """Chromium processes started by this Python process (through Playwright's driver)."""
    pids = []
    for pid in descendants(os.getpid()):
        try:
            if "chrom" in Path(f"/proc/{pid}/comm").read_text():
                pids.append(pid)
        except OSError:
            pass
    return pids


def tree_cpu_seconds(pids: list[int]) -> dict[int, float]:
    return {pid: cpu_seconds(pid) for pid in pids}


def machine_busy_seconds() -> float:
    """CPU seconds spent busy by the whole machine so far (all cores; /proc/stat)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / CLK_TCK


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): the smallest value with at least q % of values at or below it."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]
