"""Concurrency: 10, 25 and 50 browser sessions at once against one app server, vs 1 session.

Run: ``.venv/bin/python -m bench.concurrency_bench`` (about five minutes; ``--levels 10,25,50``,
``--baseline-reps 3``). Installs the kelurahan boundaries into a temp folder (KLA_GEO_DIR), starts
one server (``python -m kla serve``) and one headless Chromium, warms the server with one session,
then per level opens N separate browser contexts (empty HTTP cache each, like N different people)
and lets them all start at the same moment: each opens Ringkasan ("/") until fully drawn, then
Peta ("/peta") until fully drawn. Writes the ``concurrency`` section of docs/BENCHMARKS.md.

The browser runs on the same machine as the server, so the numbers say something about both:
per level the CPU time of the server process, of Chromium, and of everything else is measured
(/proc) to tell which of them ran out of CPU.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import async_playwright

from bench import browser as b
from bench.report import machine, median, seconds, write_section

PAGE_TIMEOUT_S = 600  # per page; a session slower than this counts as a timeout
POLL_MS = 50  # how often each page checks whether it is fully drawn (rAF polling x 50 pages costs CPU)
# In every page (top frame only): record, in ms after navigation start, when the frontend got its
# websocket (connected), when the first script run started and finished (from the root element's
# run state, watched with a MutationObserver), and when the page was fully drawn (checked every POLL_MS).
RECORDER = """(() => {
  if (window.top !== window) return;
  const m = window.__kla = {};
  const drawn = location.pathname.endsWith('/peta') ? (PETA_DRAWN) : (RINGKASAN_DRAWN);
  const state = (app) => {
    const now = performance.now();
    if (m.connected === undefined && app.getAttribute('data-test-connection-state') === 'CONNECTED') m.connected = now;
    const run = app.getAttribute('data-test-script-state');
    if (m.running === undefined && run === 'running') m.running = now;
    if (m.running !== undefined && m.idle === undefined && run === 'notRunning') m.idle = now;
  };
  const watch = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) return setTimeout(watch, 10);
    state(app);
    new MutationObserver(() => state(app)).observe(app, {attributes: true});
  };
  const tick = () => {
    try { if (drawn()) { m.drawn = performance.now(); return; } } catch (e) {}
    setTimeout(tick, POLL_MS);
  };
  document.addEventListener('DOMContentLoaded', () => { watch(); tick(); });
})();""".replace("PETA_DRAWN", b.PETA_DRAWN).replace("RINGKASAN_DRAWN", b.RINGKASAN_DRAWN).replace(
    "POLL_MS", str(POLL_MS))


@dataclass
class Level:
    sessions: int
    label: str
    ringkasan: list[float] = field(default_factory=list)
    peta: list[float] = field(default_factory=list)
    phases: dict[str, list[dict[str, float]]] = field(default_factory=lambda: {"ringkasan": [], "peta": []})
    failures: list[str] = field(default_factory=list)
    wall: float = 0.0  # start moment until the last session finished
    cpu: dict[str, float] = field(default_factory=dict)  # server, chromium, bench, other; CPU seconds
    server_rss_mb: float = 0.0


class CpuMeter:
    """CPU seconds spent by the server, by Chromium, by this benchmark and by the rest of the machine.

    A thread samples /proc every 0,25 s and keeps the last value seen for every process, so the CPU
    time of a tab's renderer still counts after its context was closed (at most 0,25 s of it is lost).
    """

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid
        self.seen: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _sample(self) -> None:
        chromium = b.chromium_pids()
        skip = {*chromium, self.server_pid}
        bench = [os.getpid()] + [p for p in b.descendants(os.getpid()) if p not in skip]
        now = {"server": b.cpu_seconds(self.server_pid), "machine": b.machine_busy_seconds(),
               **{f"chromium:{p}": b.cpu_seconds(p) for p in chromium},
               **{f"bench:{p}": b.cpu_seconds(p) for p in bench}}
        for key, value in now.items():  # a process that just exited reads 0: keep its last value
            self.seen[key] = max(value, self.seen.get(key, 0.0))

    def _loop(self) -> None:
        while not self._stop.wait(0.25):
            self._sample()

    def start(self) -> dict[str, float]:
        self._sample()
        before = dict(self.seen)
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return before

    def stop(self, before: dict[str, float]) -> dict[str, float]:
        self._stop.set()
        self._thread.join()
        self._sample()
        after = self.seen

        def group(prefix: str) -> float:  # processes that started during the level count from 0
            return sum(v - before.get(k, 0.0) for k, v in after.items() if k.startswith(prefix))

        out = {"server": after["server"] - before["server"], "chromium": group("chromium:"), "bench": group("bench:")}
        out["other"] = max(0.0, after["machine"] - before["machine"] - sum(out.values()))
        return out


async def session(browser, url: str, go: asyncio.Event, ready: list[int], level: Level, tag: str):
    context = await browser.new_context(viewport=b.VIEWPORT)
    await context.add_init_script(RECORDER)
    page = await context.new_page()
    ready.append(1)
    await go.wait()
    timeout = PAGE_TIMEOUT_S * 1000
    step = "ringkasan"
    try:
        for step, path, times in (("ringkasan", "/", level.ringkasan), ("peta", "/peta", level.peta)):
            await page.goto(url + path, wait_until="commit", timeout=timeout)
            await page.wait_for_function("() => window.__kla && window.__kla.drawn !== undefined",
                                         polling=POLL_MS, timeout=timeout)
            if await page.locator(b.EXCEPTION).count():
                raise RuntimeError("exception shown")
            marks = {k: v / 1000 for k, v in (await page.evaluate("() => window.__kla")).items()}
            times.append(marks["drawn"])
            level.phases[step].append(marks)
    except Exception as exc:  # a timeout or an error: counted, and the other sessions go on
        level.failures.append(f"{tag} {step}: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
    finally:  # a finished session leaves: an idle open tab still costs Chromium some CPU
        await context.close()


async def run_level(browser, url: str, n: int, label: str, meter: CpuMeter, server_pid: int) -> Level:
    level = Level(n, label)
    go, ready = asyncio.Event(), []
    tasks = [asyncio.create_task(session(browser, url, go, ready, level, f"#{i + 1}")) for i in range(n)]
    while len(ready) < n:  # every context and tab exists before the clock starts
        await asyncio.sleep(0.05)
    await asyncio.sleep(1.0)  # let the new tabs' processes settle
    before = meter.start()
    began = time.perf_counter()
    go.set()
    await asyncio.gather(*tasks)
    level.wall = time.perf_counter() - began
    level.cpu = meter.stop(before)
    level.server_rss_mb = b.rss_mb(server_pid)
    return level


def phase_row(label: str, page: str, marks: list[dict[str, float]]) -> str:
    def med(key: str) -> str:
        values = [m[key] for m in marks if key in m]
        return f"{seconds(median(values))} s" if values else "–"

    runs = [m["idle"] - m["running"] for m in marks if "idle" in m and "running" in m]
    after = [m["drawn"] - m["idle"] for m in marks if "idle" in m]
    return (f"| {label} | {page} | {med('connected')} | {med('running')} | {med('idle')} | "
            f"{seconds(median(runs)) + ' s' if runs else '–'} | {seconds(median(after)) + ' s' if after else '–'} | "
            f"{med('drawn')} |")


def verdicts(baseline: list[Level], results: list[Level], cores: int) -> list[str]:
    """Where it degrades, from the CPU split of each level."""
    base_server = median([lv.cpu["server"] for lv in baseline])
    lines = []
    for lv in results:
        if not lv.wall or lv.label.startswith("1 "):
            continue
        server_cores, chromium_cores = lv.cpu["server"] / lv.wall, lv.cpu["chromium"] / lv.wall
        busy = sum(lv.cpu.values()) / (cores * lv.wall)
        if server_cores >= 0.8:
            who = "**the server process is CPU-bound** (one Python process, about one core at most)"
        elif busy >= 0.9 and chromium_cores >= 2 * server_cores:
            who = ("**the machine is full and Chromium takes most of it**: the server process is not "
                   "CPU-bound, the pages wait for the browser's share of the 2 cores")
        elif busy >= 0.9:
            who = "**the machine is full**, shared by server and browser"
        else:
            who = "the machine is not full: waiting, not CPU, limits"
        lines.append(
            f"- {lv.sessions} sessions: server {seconds(lv.cpu['server'] / lv.sessions)} s CPU per session (1 session: "
            f"{seconds(base_server)} s), {seconds(server_cores)} cores on average; Chromium "
            f"{seconds(lv.cpu['chromium'] / lv.sessions)} s per session, {seconds(chromium_cores)} cores; machine "
            f"{seconds(busy * 100, 0)} % busy: {who}. Estimate, not measured: with the browsers on other machines, "
            f"one server core would need about {seconds(lv.cpu['server'], 0)} s of CPU for these {lv.sessions} "
            f"sessions arriving at once.")
    return lines


def degradation(base: float, results: list[Level]) -> str:
    """Where it degrades: time per session against one session alone (1,0x = the sessions simply queue)."""
    parts, worse = [], None
    for lv in results:
        if lv.label.startswith("1 ") or not lv.ringkasan:
            continue
        per_session = median(lv.ringkasan) / base / lv.sessions
        parts.append(f"{lv.sessions} sessions {seconds(per_session, 2)}x")
        if worse is None and per_session >= 1.2:
            worse = lv.sessions
    where = (f"from {worse} sessions on, each session costs clearly more than alone (contention)"
             if worse else "up to the largest level the sessions only queue")
    return ("- **Where it degrades**: already at the first level every session waits for the others: the "
            "median Ringkasan time grows with the number of sessions. Median time / (sessions x 1-session "
            f"median): {', '.join(parts)}; {where}.")


def p95(values: list[float]) -> float:
    return b.percentile(values, 95)


def fmt(values: list[float], f) -> str:
    return f"{seconds(f(values))} s" if values else "–"


async def bench(levels: list[int], baseline_reps: int) -> tuple[list[Level], list[Level], float]:
    with b.temp_folder("kla_bench_geo_") as geo, b.temp_folder("kla_bench_log_") as logs:
        env = b.install_geo(Path(geo))
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=b.CHROMIUM, args=b.CHROMIUM_ARGS)
            port = b.free_port()
            proc = b.start(b.app_command(port), b.ROOT, env, Path(logs) / "server.log")
            try:
                url = f"http://127.0.0.1:{port}"
                began = time.perf_counter()
                b.wait_health(url, proc)
                meter = CpuMeter(proc.pid)
                warm = await run_level(browser, url, 1, "warm-up", meter, proc.pid)
                if warm.failures:
                    raise RuntimeError(f"warm-up failed: {warm.failures}")
                print(f"warm-up: Ringkasan {warm.ringkasan[0]:.2f} s, Peta {warm.peta[0]:.2f} s", flush=True)
                baseline = []
                for _ in range(baseline_reps):
                    baseline.append(await run_level(browser, url, 1, "1", meter, proc.pid))
                    print_level(baseline[-1])
                results = []
                for n in levels:
                    results.append(await run_level(browser, url, n, str(n), meter, proc.pid))
                    print_level(results[-1])
                after = await run_level(browser, url, 1, "1 (again, after the last level)", meter, proc.pid)
                print_level(after)
                results.append(after)
                took = time.perf_counter() - began
            finally:
                b.stop(proc)
                await browser.close()
    return baseline, results, took


def print_level(level: Level) -> None:
    print(f"{level.label}: Ringkasan median {fmt(level.ringkasan, median)} p95 {fmt(level.ringkasan, p95)}; "
          f"Peta median {fmt(level.peta, median)} p95 {fmt(level.peta, p95)}; failures {len(level.failures)}; "
          f"wall {level.wall:.1f} s; cpu " + ", ".join(f"{k} {v:.1f}" for k, v in level.cpu.items())
          + f"; server RSS {level.server_rss_mb:.0f} MB", flush=True)
    for failure in level.failures[:5]:
        print("  ", failure, flush=True)


def report(baseline: list[Level], results: list[Level], took: float, levels: list[int], baseline_reps: int,
           load: tuple[tuple[float, ...], tuple[float, ...]]) -> str:
    base_r = [x for lv in baseline for x in lv.ringkasan]
    base_p = [x for lv in baseline for x in lv.peta]
    br, bp = median(base_r), median(base_p)
    cores = os.cpu_count() or 1
    rows, cpu_rows = [], []
    base_cpu = {k: sum(lv.cpu[k] for lv in baseline) / len(baseline) for k in baseline[0].cpu}
    base_wall = sum(lv.wall for lv in baseline) / len(baseline)

    def cpu_row(label: str, n: int, wall: float, cpu: dict[str, float], rss: float) -> str:
        per = {k: v / n for k, v in cpu.items()}
        return (f"| {label} | {seconds(wall, 1)} s | {seconds(cpu['server'], 1)} s ({seconds(per['server'])} s) | "
                f"{seconds(cpu['server'] / wall)} | {seconds(cpu['chromium'], 1)} s ({seconds(per['chromium'])} s) | "
                f"{seconds(cpu['bench'], 1)} s | {seconds(cpu['other'], 1)} s | "
                f"{seconds(sum(cpu.values()) / (cores * wall) * 100, 0)} % | {rss:.0f} MB |")

    rows.append(f"| 1 (baseline, {baseline_reps} runs one after another) "
                f"| {fmt(base_r, median)} | {fmt(base_r, p95)} | "
                f"{fmt(base_p, median)} | {fmt(base_p, p95)} | 1,0x / 1,0x | "
                f"{sum(len(lv.failures) for lv in baseline)} |")
    cpu_rows.append(cpu_row(f"1 (mean of {baseline_reps})", 1, base_wall, base_cpu, baseline[-1].server_rss_mb))
    for lv in results:
        ratio = (f"{seconds(median(lv.ringkasan) / br, 1)}x / {seconds(median(lv.peta) / bp, 1)}x"
                 if lv.ringkasan and lv.peta else "–")
        rows.append(f"| {lv.label} | {fmt(lv.ringkasan, median)} | {fmt(lv.ringkasan, p95)} | {fmt(lv.peta, median)} | "
                    f"{fmt(lv.peta, p95)} | {ratio} | {len(lv.failures)} |")
        cpu_rows.append(cpu_row(lv.label, lv.sessions, lv.wall, lv.cpu, lv.server_rss_mb))
    failures = [f"  - level {lv.label}: {f}" for lv in results for f in lv.failures[:5]]
    phase_rows = []
    for lv_label, lvs in [(f"1 ({baseline_reps} runs)", baseline)] + [(lv.label, [lv]) for lv in results]:
        for page in ("ringkasan", "peta"):
            phase_rows.append(phase_row(lv_label, page.capitalize(), [m for lv in lvs for m in lv.phases[page]]))
    return f"""## Concurrency: 10, 25 and 50 sessions at once on one server

`.venv/bin/python -m bench.concurrency_bench` · {dt.date.today().isoformat()} · {machine()}

One server (`python -m kla serve --server.port P --server.headless true`, boundaries installed into a
temp KLA_GEO_DIR), warmed by one session first; one headless Chromium with one browser context per
session (empty HTTP cache each, like different people). All sessions of a level start at the same
moment; each opens Ringkasan ("/") until fully drawn (4 `stMetricValue` and both plotly charts drawn),
then Peta ("/peta") until fully drawn (34 `path.kla-kelurahan` in the `streamlit_folium.st_folium`
iframe). Times run from `page.goto` until the page itself sees the condition (checked every
{POLL_MS} ms). p95 is nearest-rank (with 10 sessions: the slowest). A timeout is {PAGE_TIMEOUT_S} s per page.
Ratios: level median / 1-session median (Ringkasan / Peta).

| sessions | Ringkasan median | Ringkasan p95 | Peta median | Peta p95 | ratio to 1 session | failures |
|---|---|---|---|---|---|---|
{chr(10).join(rows)}

Where the time goes inside a page (medians, seconds after that page's navigation start, seen by the
page itself): "connected" = the frontend has loaded and opened its websocket (browser work: ~5 MB
of JavaScript per new context); "script started/finished" = the run state on the root element
(the server runs the page script in between; "script run" is the difference); "drawing after" =
fully drawn minus script finished (browser work: plotly's 4,7 MB chunk, the folium iframe).

| sessions | page | connected | script started | script finished | script run | drawing after | fully drawn |
|---|---|---|---|---|---|---|---|
{chr(10).join(phase_rows)}

Where the CPU went during each level (from the start moment until the last session finished;
/proc). Server = the one `kla serve` process (all its threads; in brackets per session); "server
cores" = server CPU / wall time, and one Python process cannot use much more than 1 core for this
pure-Python work (GIL); Chromium = all its processes (per session in brackets); bench = this script
and the Playwright driver; other = the rest of the machine (other people's work on this shared
machine); busy = all of it / ({cores} cores x wall time).

| sessions | wall | server CPU | server cores | Chromium CPU | bench | other | machine busy | server RSS after |
|---|---|---|---|---|---|---|---|---|
{chr(10).join(cpu_rows)}

{"Failures (first 5 per level):" + chr(10) + chr(10).join(failures) if failures else "No failures or timeouts."}

{degradation(br, results)}
{chr(10).join(verdicts(baseline, results, cores))}

- Load average (1, 5, 15 min) at the start: {", ".join(seconds(x) for x in load[0])}; at the end: \
{", ".join(seconds(x) for x in load[1])}.
- Benchmark runtime (server start to last level): {seconds(took, 0)} s.
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--levels", default="10,25,50", help="comma-separated session counts (default 10,25,50)")
    parser.add_argument("--baseline-reps", type=int, default=3, help="1-session runs for the baseline (default 3)")
    parser.add_argument("--no-write", action="store_true", help="print the section instead of writing it")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",") if x.strip()]
    load_before = os.getloadavg()
    baseline, results, took = asyncio.run(bench(levels, args.baseline_reps))
    body = report(baseline, results, took, levels, args.baseline_reps, (load_before, os.getloadavg()))
    if not args.no_write:
        write_section("concurrency", body)
    print(body)


if __name__ == "__main__":
    main()
