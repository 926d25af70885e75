"""Cold start: process start to the Ringkasan page fully drawn in headless Chromium, vs a bare Streamlit app.

Run: ``.venv/bin/python -m bench.cold_start_bench`` (about three minutes; ``--reps N``, default 5;
``--compare DIR`` also times another checkout of the project, e.g. a ``git worktree`` of an earlier commit).
Installs the kelurahan boundaries into a temp folder (KLA_GEO_DIR) as the README says; nothing is
written into the repo except the ``cold_start`` section of docs/BENCHMARKS.md (not with ``--no-write``).

One run: Chromium and an empty tab are ready first (browser start-up is not counted); the clock
starts right before the server process is spawned; the tab retries ``page.goto`` every 50 ms until
the server answers; then the page itself is polled every animation frame until it is fully drawn.
App, baseline and the plotly floor (baseline + one small plotly chart) take turns, each on a fresh
port with a fresh browser context (empty HTTP cache).

Goal: median app / median bare at most 1,5x.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from bench import browser as b
from bench.report import machine, median, seconds, signed, write_section

GOAL = 1.5
TIMEOUT_S = 90
CONNECTED = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
IDLE = CONNECTED + '[data-test-script-state="notRunning"]'
PLOTLY_JS = """() => {
  const e = performance.getEntriesByType('resource').find(r => r.name.includes('/PlotlyChart.'));
  return e ? [performance.timeOrigin + e.startTime, performance.timeOrigin + e.responseEnd] : null;
}"""


def one_run(chromium, kind: str, env: dict[str, str], scripts: dict[str, Path], log: Path) -> dict[str, float]:
    """Milestones in seconds after the server process was spawned."""
    context = chromium.new_context(viewport=b.VIEWPORT)
    page = context.new_page()
    port = b.free_port()
    url = f"http://127.0.0.1:{port}/"
    if kind in scripts:  # own folder: none of the project's .streamlit/config.toml applies to the baselines
        script = scripts[kind]
        cmd, cwd = b.bare_command(script, port), script.parent
        drawn = b.BARE_DRAWN if kind == "bare" else f"() => ({b.BARE_DRAWN})() && ({b.PLOTLY_DRAWN})()"
    else:  # "app", or the folder of a changed copy
        cmd, cwd, drawn = b.app_command(port), (b.ROOT if kind == "app" else Path(kind)), b.RINGKASAN_DRAWN
    marks: dict[str, float] = {}
    began, began_epoch = time.perf_counter(), time.time()
    proc = b.start(cmd, cwd, env, log)
    try:
        deadline = began + TIMEOUT_S
        while True:
            try:
                page.goto(url, wait_until="commit", timeout=TIMEOUT_S * 1000)
                break
            except PlaywrightError:
                if time.perf_counter() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.05)
        marks["http"] = time.perf_counter() - began
        page.wait_for_selector(CONNECTED, state="attached", timeout=TIMEOUT_S * 1000)
        marks["connected"] = time.perf_counter() - began
        if kind not in scripts:
            page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stMetricValue\"]').length >= 4",
                                   polling="raf", timeout=TIMEOUT_S * 1000)
            marks["metrics"] = time.perf_counter() - began
            page.wait_for_selector(IDLE, state="attached", timeout=TIMEOUT_S * 1000)
            marks["idle"] = time.perf_counter() - began
        page.wait_for_function(drawn, polling="raf", timeout=TIMEOUT_S * 1000)
        marks["drawn"] = time.perf_counter() - began
        if page.locator(b.EXCEPTION).count():
            raise RuntimeError(f"{kind}: the page shows an exception")
        marks["server_cpu"] = b.cpu_seconds(proc.pid)
        if kind != "bare":  # when the browser asked for plotly's 4,7 MB chunk and had it (fetched, not yet run)
            fetched = page.evaluate(PLOTLY_JS)
            if fetched:
                marks["plotly_js_asked"] = fetched[0] / 1000 - began_epoch
                marks["plotly_js_loaded"] = fetched[1] / 1000 - began_epoch
    finally:
        b.stop(proc)
        context.close()
    return marks


def import_costs(tries: int = 3) -> dict[str, float]:
    """Cumulative import times (s, best of ``tries`` fresh interpreters, ``-X importtime``, which adds a little)."""
    probes = {  # what the server imports before it listens / what Ringkasan's first chart pulls in
        "before": ("import kla.cli", ["kla.cli"]),
        "pandas": ("import pandas", ["pandas"]),
        "chart": ("import streamlit, pandas, kla.charts, kla.ui.widgets, kla.ui.data, kla.ui.cache; "
                  "import kla.ui.unduh",
                  ["kla.ui.unduh", "folium", "openpyxl", "geopandas", "kaleido"]),
        "streamlit": ("import streamlit.web.cli", ["streamlit"]),
    }
    best: dict[str, float] = {}
    for code, names in probes.values():
        for _ in range(tries):
            out = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=b.ROOT, capture_output=True,
                                 text=True, check=True).stderr
            found: dict[str, float] = {}
            for line in out.splitlines():
                parts = line.split("|")
                if len(parts) == 3 and parts[2].strip() in names and parts[2].strip() not in found:
                    found[parts[2].strip()] = int(parts[1]) / 1e6
            for name in names:
                best[name] = min(best.get(name, float("inf")), found.get(name, 0.0))
    return best


def commit_of(folder: Path) -> str:
    """``abc1234 subject`` of the checkout in ``folder``, "+ changes" if its tree differs from that commit."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True).stdout.strip()

    dirty = " + uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else ""
    return f"{git('log', '-1', '--format=%h %s')[:90]}{dirty}"


def summary(values: list[float]) -> str:
    return f"{seconds(median(values))} s ({seconds(min(values))}–{seconds(max(values))})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print the section instead of writing it")
    parser.add_argument("--compare", type=Path, action="append", default=[], metavar="DIR",
                        help="also time a changed copy of the project in DIR, in the same rotation (printed only)")
    args = parser.parse_args()
    started, load_before = time.perf_counter(), os.getloadavg()
    kinds = ["bare", "plotly", "app", *(str(d.resolve()) for d in args.compare)]
    runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    with b.temp_folder("kla_bench_geo_") as geo, b.temp_folder("kla_bench_bare_") as bare_dir, sync_playwright() as p:
        env = b.install_geo(Path(geo))
        scripts = {"bare": b.bare_app(Path(bare_dir)), "plotly": b.bare_app(Path(bare_dir), b.PLOTLY_APP, "grafik.py")}
        log = Path(bare_dir) / "server.log"
        chromium = p.chromium.launch(executable_path=b.CHROMIUM, args=b.CHROMIUM_ARGS)
        for kind in kinds:  # untimed: warms the OS file cache
            one_run(chromium, kind, env, scripts, log)
        for i in range(args.reps):
            for kind in kinds[i % len(kinds):] + kinds[:i % len(kinds)]:  # rotate the order every round
                marks = one_run(chromium, kind, env, scripts, log)
                runs[kind].append(marks)
                print(kind, {k: round(v, 2) for k, v in marks.items()}, flush=True)
        chromium.close()
    runs_took = time.perf_counter() - started
    costs = import_costs()
    took = time.perf_counter() - started
    load_after = os.getloadavg()

    def col(kind: str, mark: str) -> list[float]:
        return [r[mark] for r in runs[kind] if mark in r]

    def med(kind: str, mark: str) -> float:
        return median(col(kind, mark))

    ratio = med("app", "drawn") / med("bare", "drawn")
    met = ratio <= GOAL
    compared = [f"| {commit_of(Path(kind))} | {summary(col(kind, 'drawn'))} | "
                f"{seconds(med(kind, 'drawn') / med('bare', 'drawn'))}x | {summary(col(kind, 'server_cpu'))} |"
                for kind in kinds[3:]]
    compared_block = ("" if not compared else f"""
Earlier versions of the app, timed in the same rotation (`--compare DIR` with a `git worktree` of
that commit), to show what each change gained:

| app version | fully drawn | ratio to baseline | server CPU |
|---|---|---|---|
| this one ({commit_of(b.ROOT)}) | {summary(col("app", "drawn"))} | {seconds(ratio)}x | \
{summary(col("app", "server_cpu"))} |
{chr(10).join(compared)}
""")

    def row(label: str, mark: str, kinds_: tuple[str, ...] = ("app", "plotly", "bare")) -> str:
        return f"| {label} | " + " | ".join(summary(col(k, mark)) if col(k, mark) else "–" for k in kinds_) + " |"

    first_run = [r["idle"] - r["connected"] for r in runs["app"]]
    after_script = [r["drawn"] - r["idle"] for r in runs["app"]]
    body = f"""## Cold start: process start to Ringkasan fully drawn, vs a bare Streamlit app

`.venv/bin/python -m bench.cold_start_bench` · {dt.date.today().isoformat()} · {machine()}

**Measured:** from right before the server process is spawned until the page is fully drawn in
headless Chromium. Chromium and an empty tab are started first (not counted); the tab retries
`page.goto` every 50 ms until the server answers, then the page is polled every animation frame.
Each run has a fresh port, a fresh server process and a fresh browser context (empty HTTP cache);
the three kinds take turns (order rotated every round), {args.reps} runs each, after one untimed run of each.

- **App:** `python -m kla serve --server.port P --server.headless true` (project folder, with its
  `.streamlit/config.toml`; boundaries installed into a temp KLA_GEO_DIR). Fully drawn = Ringkasan
  ("/") shows the 4 headline metrics (`[data-testid="stMetricValue"]`) and both plotly charts are
  drawn (each `[data-testid="stPlotlyChart"]` holds a `.main-svg` with a `.trace`).
- **Baseline:** `python -m streamlit run halo.py --server.port P --server.headless true` with
  `halo.py` = `import streamlit as st; st.write("Halo")`, run from its own temp folder (no project
  config). Fully drawn = the text "Halo" is visible.
- **Plotly floor** (for orientation): the same one-liner plus one 3-point `st.plotly_chart`,
  until that chart is drawn: what any Streamlit page with a plotly chart pays at least.

| seconds after process start, median (min–max) | app | plotly floor | baseline |
|---|---|---|---|
{row("server answers HTTP (`goto` succeeds)", "http")}
{row("frontend connected (websocket open)", "connected")}
{row("4 metrics shown", "metrics", ("app",))} – | – |
{row("script finished (`notRunning`)", "idle", ("app",))} – | – |
{row("browser has plotly's 4,7 MB JS chunk", "plotly_js_loaded", ("app",))} – | – |
| **fully drawn** | **{summary(col("app", "drawn"))}** | {summary(col("plotly", "drawn"))} | \
**{summary(col("bare", "drawn"))}** |
{row("server CPU time until fully drawn", "server_cpu")}

- **Ratio {seconds(ratio)}x** (median app / median baseline); goal ≤ {seconds(GOAL, 1)}x: \
**{"met" if met else "NOT met"}**.
  Plotly floor / baseline: {seconds(med("plotly", "drawn") / med("bare", "drawn"))}x; app / plotly floor:
  {seconds(med("app", "drawn") / med("plotly", "drawn"))}x.
- Where the app's extra time goes (medians): the server answers HTTP
  {signed(med("app", "http") - med("bare", "http"))} s against the baseline (before Streamlit starts
  `python -m kla serve` imports only `kla.cli`, {seconds(costs["kla.cli"])} s; pandas, plotly and the first page's
  modules are imported by a warm-up thread once the server listens, `kla/ui/warmup.py`);
  loading the frontend (connected − HTTP): app {seconds(med("app", "connected") - med("app", "http"))} s,
  baseline {seconds(med("bare", "connected") - med("bare", "http"))} s (the warm-up shares the 2 cores with
  the browser meanwhile); the first script run (connected → finished) takes {seconds(median(first_run))} s
  ({seconds(min(first_run))}–{seconds(max(first_run))}); the browser asks for plotly's chunk
  {signed(med("app", "plotly_js_asked") - med("app", "connected"))} s after connecting (a preload link in the
  first message, `kla.ui.widgets.preload_plotly`) and has it \
{signed(med("app", "plotly_js_loaded") - med("app", "connected"))} s
  after; after the script finished it needs {seconds(median(after_script))} s
  ({seconds(min(after_script))}–{seconds(max(after_script))}) more to draw both charts. The plotly floor shows
  that one small plotly chart alone costs {seconds(med("plotly", "drawn") - med("bare", "drawn"))} s over the baseline.
  The server process uses {seconds(med("app", "server_cpu") - med("bare", "server_cpu"))} s more CPU than the \
baseline's.
- Import costs (best of 3 fresh interpreters, `python -X importtime`, cumulative): `import kla.cli`
  {seconds(costs["kla.cli"])} s; pandas {seconds(costs["pandas"])} s; Streamlit itself {seconds(costs["streamlit"])} s;
  `kla.ui.unduh` (the Unduh button under every chart) {seconds(costs["kla.ui.unduh"])} s on top of what the
  page already has, of which folium {seconds(costs["folium"])} s, openpyxl {seconds(costs["openpyxl"])} s,
  geopandas {seconds(costs["geopandas"])} s, kaleido {seconds(costs["kaleido"])} s (folium, openpyxl and
  geopandas load only when an export or a map needs them).
- Load average {", ".join(seconds(x) for x in load_before)} at the
  start, {", ".join(seconds(x) for x in load_after)} at the end (2 cores; a shared machine: single runs vary
  by up to a second, so compare medians, and the ratio rather than absolute times).
- Benchmark runtime: {seconds(took, 0)} s ({seconds(runs_took, 0)} s of page loads).
{compared_block}"""
    if args.no_write:
        print(body)
    else:
        write_section("cold_start", body)
        print(body)


if __name__ == "__main__":
    main()
