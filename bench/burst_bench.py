"""Bursts of heavy downloads: 50 meeting briefs and 20 all-sizes media kits asked for at the same moment.

Run: ``.venv/bin/python -m bench.burst_bench`` (about five minutes). Threads call exactly what the
pages call when a button is clicked (pages/rapat.py: ``Guard.wrap(brief.brief_file(...).read_bytes)``;
pages/ekspor.py: ``unduh.build_kit(...)`` then ``Kit.read``), one visitor per thread, on the sample
data in ``data/`` as data version 1 and the installed boundaries (if any). No network: Chromium is
the warm one of kla/render.py, files go to a temporary press cache. Writes the ``burst`` section of
docs/BENCHMARKS.md.

CPU is that of this process and every process below it (Chromium and its helpers), from /proc,
so the work Chromium does for the requests is counted, until Chromium is idle again (including a
recycle of Chromium when one is due, kla/render.py); see :class:`Meter` for how.
The baseline is ONE render of the same file in the same run, uncached. Goal (issue 13): 50
simultaneous brief requests cost at most the CPU of a few (3) renders.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bench.report import machine, seconds, write_section
from bench.shared import shared_dir
from kla import boundaries, brief, catalog, config, export, meeting, press_cache, render
from kla.loading import VersionInfo, load_dataset
from kla.press_cache import PressCache
from kla.ui import unduh

BRIEFS = 50
KITS = 20
WINDOWS = 5  # distinct "sejak" dates in the mixed burst: 50 requests, 5 different briefs
GOAL_RENDERS = 3  # the burst may cost at most the CPU of this many single renders
BASELINE_RUNS = 3
SETTLE_S = 1.5  # after the last answer: Chromium puts its tabs back (reload) in the background
TICK = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") / 1024
JOIN_S = 600  # no thread may take longer than this; the benchmark then fails instead of hanging


# --- /proc: CPU and memory of this process and everything below it ----------------------------------------


def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def descendants() -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))):
            parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [os.getpid()]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def rss_mb(pid: int | str = "self") -> float:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB / 1024
    except (OSError, IndexError):
        return 0.0


def chromium_pss_mb() -> float:
    """Proportional memory of all descendants (shared pages split between Chromium's processes)."""
    total = 0.0
    for pid in descendants():
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) / 1024
                    break
        except OSError:
            continue
    return total


class Meter:
    """Runs for the whole benchmark: CPU of this process and of every process that was ever below it,
    and memory peaks since :meth:`reset`.

    Why not the kernel's sums of reaped children: when Chromium closes (at a recycle), its tab
    processes are not reaped by Chromium, so their CPU reaches no parent's total and would vanish.
    So every descendant's own user + system time is read every 50 ms and its last reading kept
    after it ends (a process living less than 50 ms may be missed). This thread's own work is
    taken out of this process's time.
    """

    def __init__(self) -> None:
        self._seen: dict[tuple[int, str], float] = {}  # (pid, start time) -> CPU seconds last read
        self._lock = threading.Lock()
        self._own_cpu = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="meter", daemon=True)
        self.reset()

    def reset(self) -> None:
        self.peak_rss, self.peak_chromium, self.most_processes = rss_mb(), chromium_pss_mb(), len(descendants())

    def _read_cpu(self) -> None:
        for pid in descendants():
            if fields := _stat(pid):  # utime, stime: fields 14 and 15 of stat; start time: field 22
                with self._lock:
                    self._seen[(pid, fields[19])] = (int(fields[11]) + int(fields[12])) / TICK

    def _run(self) -> None:
        tick = 0
        while not self._done.wait(0.05):
            self._read_cpu()
            self.most_processes = max(self.most_processes, len(descendants()))
            self.peak_rss = max(self.peak_rss, rss_mb())
            if tick % 4 == 0:  # PSS walks every page table: four times a second is enough for a peak
                self.peak_chromium = max(self.peak_chromium, chromium_pss_mb())
            tick += 1
            self._own_cpu = time.thread_time()

    def cpu_s(self) -> float:
        self._read_cpu()
        own = os.times()
        with self._lock:
            return own.user + own.system - self._own_cpu + sum(self._seen.values())

    def __enter__(self) -> Meter:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()


@dataclasses.dataclass
class Burst:
    requests: int
    wall_s: float
    cpu_s: float
    made: int
    most_at_once: int
    errors: list[str]
    rss_before: float
    rss_peak: float
    rss_after: float
    chromium_before: float
    chromium_peak: float
    chromium_after: float
    processes_before: int
    processes_most: int


def settle() -> None:
    """Chromium idle again: tabs put back, and a fresh Chromium started if one was due."""
    time.sleep(SETTLE_S)
    deadline = time.monotonic() + 120
    while render.shared().recycle_pending and time.monotonic() < deadline:
        time.sleep(0.2)
    gc.collect()


def measured(meter: Meter, work: Callable[[], object]) -> float:
    """CPU seconds of ``work`` and of Chromium afterwards until it is idle again."""
    settle()
    before = meter.cpu_s()
    work()
    settle()
    return meter.cpu_s() - before


def burst(meter: Meter, cache: PressCache, kind: str, calls: list[Callable[[], bytes]]) -> Burst:
    """Every call on its own thread, all released at once; measured until Chromium is idle again."""
    settle()
    rss_before, chromium_before, processes_before = rss_mb(), chromium_pss_mb(), len(descendants())
    go, errors, lock = threading.Barrier(len(calls)), [], threading.Lock()

    def visitor(call: Callable[[], bytes]) -> None:
        go.wait()
        try:
            assert call(), "empty file"
        except Exception as exc:
            with lock:
                errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=visitor, args=(call,)) for call in calls]
    meter.reset()
    cache.queue(kind).peak = 0  # the most made at once in this burst only
    cpu_before, made_before = meter.cpu_s(), cache.made
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(JOIN_S)
        if thread.is_alive():
            raise RuntimeError(f"a request took longer than {JOIN_S} s")
    wall = time.perf_counter() - began
    settle()
    used = meter.cpu_s() - cpu_before
    peaks = meter.peak_rss, meter.peak_chromium, meter.most_processes
    del threads
    settle()
    return Burst(len(calls), wall, used, cache.made - made_before, cache.queue(kind).peak, errors,
                 rss_before, max(peaks[0], rss_before), rss_mb(), chromium_before, max(peaks[1], chromium_before),
                 chromium_pss_mb(), processes_before, peaks[2])


# --- the two pages' calls ----------------------------------------------------------------------------------


def brief_call(cache: PressCache, data, start: dt.date, end: dt.date, shapes, attribution) -> Callable[[], bytes]:
    """What the rapat page hands to its download button, for a new visitor."""
    guard = unduh.Guard.of("ringkasan")
    return guard.wrap(lambda: brief.brief_file(cache, data, start=start, end=end, lang="id", shapes=shapes,
                                               attribution=attribution).read_bytes())


def kit_call(cache: PressCache, ctx: catalog.Context, names: list[str]) -> Callable[[], bytes]:
    """What the ekspor page does on "Buat ZIP" (everything chosen), then the download button's read."""
    guard = unduh.Guard.of("zip")
    sizes, stamp = list(export.PRESETS.values()), unduh.today_stamp("id")

    def call() -> bytes:
        guard.limit.acquire()
        return unduh.build_kit(cache, names, ctx, sizes, list(export.FORMATS), stamp).read()
    return call


def row(label: str, b: Burst, one: float) -> str:
    return (f"| {label} | {b.requests} | {b.made} | {b.most_at_once} | {seconds(b.wall_s, 1)} s | "
            f"{seconds(b.cpu_s, 1)} s | {seconds(b.cpu_s / one, 2)} | {len(b.errors)} |")


def memory_row(label: str, b: Burst) -> str:
    return (f"| {label} | {b.rss_before:.0f} / {b.rss_peak:.0f} / {b.rss_after:.0f} MB | "
            f"{b.chromium_before:.0f} / {b.chromium_peak:.0f} / {b.chromium_after:.0f} MB | "
            f"{b.processes_before} / {b.processes_most} |")


def installed_boundaries(scratch: Path):
    """(shapes, attribution): the installed boundaries, else the shared GeoJSON installed into ``scratch``
    (a local file: the brief and the kit then draw the real map, the heavier case)."""
    geo = config.geo_dir()
    if boundaries.load_installed(geo) is None:
        geo = scratch / "geo"
        boundaries.install(shared_dir() / "geo" / "balikpapan_kelurahan.geojson", geo)
    return boundaries.load_installed(geo), (boundaries.installed_info(geo) or {}).get("attribution")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kla-burst-") as folder, Meter() as meter:
        run(Path(folder), meter)


def run(root: Path, meter: Meter) -> None:
    press_cache.return_big_buffers_to_os()  # as press_cache.shared() does in the app
    data = dataclasses.replace(load_dataset(config.data_dir()).dataset, version=VersionInfo(1))
    shapes, attribution = installed_boundaries(root)
    start, end = meeting.default_window(data)
    ctx = catalog.Context(data, "id", boundaries=shapes, attribution=attribution)
    names = catalog.available(ctx)
    load_before = os.getloadavg()

    began = time.perf_counter()
    render.shared().start()
    start_up = time.perf_counter() - began
    settle()
    rss_start, chromium_start = rss_mb(), chromium_pss_mb()

    # baseline: one brief, uncached (a new cache folder each time), same call as the page
    one_brief = [measured(meter, brief_call(PressCache(root / f"satu{i}"), data, start, end, shapes, attribution))
                 for i in range(BASELINE_RUNS)]
    brief_cpu = statistics.median(one_brief)

    cache = PressCache(root / "ringkasan")
    same = burst(meter, cache, brief.KIND, [brief_call(cache, data, start, end, shapes, attribution)
                                     for _ in range(BRIEFS)])
    again = burst(meter, cache, brief.KIND, [brief_call(cache, data, start, end, shapes, attribution)
                                      for _ in range(BRIEFS)])
    mixed_cache = PressCache(root / "campur")
    starts = [start - dt.timedelta(days=7 * n) for n in range(WINDOWS)]
    mixed = burst(meter, mixed_cache, brief.KIND, [brief_call(mixed_cache, data, starts[i % WINDOWS], end, shapes,
                                                       attribution) for i in range(BRIEFS)])

    # baseline: one all-sizes kit, uncached
    one_kit = measured(meter, kit_call(PressCache(root / "zip_satu"), ctx, names))
    kit_cache = PressCache(root / "zip", limits=press_cache.ZIP_LIMITS)
    kits = burst(meter, kit_cache, "zip", [kit_call(kit_cache, ctx, names) for _ in range(KITS)])
    kits_again = burst(meter, kit_cache, "zip", [kit_call(kit_cache, ctx, names) for _ in range(KITS)])
    kit_mb = max(p.stat().st_size for p in (root / "zip").glob("*/*.zip")) / 1_000_000
    files = len(unduh.plan([catalog.build(n, ctx) for n in names], list(export.PRESETS.values()),
                           list(export.FORMATS))) + 1

    settle()
    rss_end, chromium_end = rss_mb(), chromium_pss_mb()
    starts = render.shared().starts
    render.shared().stop()
    load_after = os.getloadavg()

    ratio = same.cpu_s / brief_cpu
    goal = ratio <= GOAL_RENDERS
    errors = same.errors + again.errors + mixed.errors + kits.errors + kits_again.errors
    body = f"""## Bursts: 50 meeting briefs and 20 media kits at once

`.venv/bin/python -m bench.burst_bench` · {dt.date.today().isoformat()} · {machine()}

Threads started together call what the pages call on a click, one visitor each: the rapat page's
brief button (`Guard.wrap(brief.brief_file(...).read_bytes)`) and the ekspor page's "Buat ZIP"
with every chart, size and format chosen ({len(names)} charts, {files} files, {seconds(kit_mb, 1)} MB),
then its download button (`build_kit(...).read()`). Sample data as version 1, boundaries
{"installed" if shapes is not None else "not installed (tile map)"}, an empty press cache unless the row says "cached".
CPU: this process plus every process that was below it (Chromium), read from /proc every 50 ms,
until Chromium is idle again ({seconds(SETTLE_S, 1)} s after the last answer, and after a recycle of
Chromium when one was due). Baseline: the CPU of ONE uncached render of the same file in the same
run (brief: median of {BASELINE_RUNS}: {", ".join(seconds(c) for c in one_brief)} s; kit: one build).

| burst | requests | files made | made at once (most) | wall | CPU | CPU / one render | errors |
|---|---|---|---|---|---|---|---|
| one brief, uncached (baseline) | 1 | 1 | 1 | | {seconds(brief_cpu, 2)} s | 1,00 | |
{row("same brief, empty cache", same, brief_cpu)}
{row("same brief again, cached", again, brief_cpu)}
{row(f"{WINDOWS} different windows, 10 each, empty cache", mixed, brief_cpu)}
| one all-sizes kit, uncached (baseline) | 1 | 1 | 1 | | {seconds(one_kit, 1)} s | 1,00 | |
{row("same all-sizes kit, empty cache", kits, one_kit)}
{row("same all-sizes kit again, cached", kits_again, one_kit)}

- **{BRIEFS} simultaneous brief requests cost {seconds(ratio, 2)}x the CPU of one render**; goal
  ≤ {GOAL_RENDERS}x: {"met" if goal else "NOT met"}. {same.made} brief printed; the other requests waited for it
  (single flight) and read the file. Asked again, all {BRIEFS} read the file: {seconds(again.cpu_s / brief_cpu, 2)}x.
- {WINDOWS} different briefs among {BRIEFS} requests: {mixed.made} printed, at most {mixed.most_at_once} at a time
  (queue limit {press_cache.DEFAULT_LIMIT}), {seconds(mixed.cpu_s / brief_cpu, 2)}x one render.
- {KITS} simultaneous all-sizes kit requests: {kits.made} built, {seconds(kits.cpu_s / one_kit, 2)}x the CPU of one
  build ({seconds(kits.cpu_s, 1)} s against {seconds(one_kit, 1)} s); asked again, read from disk.
- Errors: {len(errors)}{(" (" + "; ".join(sorted(set(errors))[:3]) + ")") if errors else ""}.
- No request starts a Chromium: the warm one started at the beginning ({seconds(start_up, 1)} s) and was
  replaced by a fresh one {starts - 1} times, each time after {render.RECYCLE_AFTER} images or pages and
  {seconds(render.RECYCLE_IDLE_S, 0)} s with nothing to do (counted in the CPU above).

Memory (MB) before / peak / after each burst: this Python process (RSS) and the Chromium processes
below it (PSS, shared pages split), and the number of processes below this one.

| burst | Python RSS | Chromium PSS | processes |
|---|---|---|---|
{memory_row("same brief, empty cache", same)}
{memory_row("same brief again, cached", again)}
{memory_row(f"{WINDOWS} different windows", mixed)}
{memory_row("same all-sizes kit", kits)}
{memory_row("same all-sizes kit again, cached", kits_again)}

- Whole run: Python RSS {rss_start:.0f} MB after Chromium started, {rss_end:.0f} MB at the end;
  Chromium {chromium_start:.0f} MB, then {chromium_end:.0f} MB.
- Why memory comes back: (1) the pages keep no file's bytes in the session (the ekspor page used
  to keep the whole ZIP there) and the download buttons read the file only when clicked;
  (2) glibc kept the freed buffers of big downloads inside the process (it raises its own
  threshold for handing memory back after the first big free), so the press cache fixes that
  threshold at 4 MB (`press_cache.return_big_buffers_to_os`); (3) Chromium's two tab processes
  kept about 300 MB each after an all-sizes kit, so kla/render.py starts a fresh Chromium when it
  is quiet after {render.RECYCLE_AFTER} images. Without (2) and (3), an earlier run of this burst
  on the same machine (2026-11-29) ended at 775 MB Python RSS and 1.028 MB Chromium PSS.
- The first burst of threads leaves the Python process some 30–40 MB larger (native memory of the
  new threads; `tracemalloc` finds no Python objects left behind); the bursts after it add nothing.
  Streamlit serves clicks from a small thread pool, so a server does not create 50 threads.
- Load average (1, 5, 15 min) at the start: {", ".join(seconds(x) for x in load_before)}; at the end:
  {", ".join(seconds(x) for x in load_after)} (2 cores, shared with other work).
"""
    write_section("burst", body)
    print(body)


if __name__ == "__main__":
    main()
