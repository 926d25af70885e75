"""Load: 50, 100 and 200 concurrent websocket sessions against the deploy topology (bench/topology.py).

Run: ``.venv/bin/python -m bench.load_bench`` (about 15 minutes; ``--levels 50,100,200``,
``--scenarios direct1,nginx1,nginx2``, ``--ramp 10``, ``--wait-quiet``, ``--no-write``). Writes the
``load`` section of docs/BENCHMARKS.md ("Beban: sesi websocket serentak", bench/load_report.py);
``--save FILE`` keeps the raw results, ``--report-from FILE`` writes the section again from them and
``--before FILE`` adds an earlier run's times under it.

No browser: each session is a protocol-level client (bench/stproto.py) that does what a reader's tab
does: it opens Ringkasan ("/") or Peta ("/peta"), waits until the script run has finished
(``script_finished`` = FINISHED_SUCCESSFULLY, no exception element), reads for a moment, changes one
choice (Ringkasan: the year; Peta: the metric) and waits for that run too. It then stays connected
until every session of the level is done, so at the peak all N are open at once, and closes.

Scenarios, each on a fresh topology (PostgreSQL, no admin, the boundaries installed): ``direct1`` =
one public replica without nginx, ``nginx1`` = the same through nginx, ``nginx2`` = two replicas
through nginx (affinity cookie). Per scenario: one warm-up session per page, then the baseline (single
sessions one after another), then the levels. Loopback only, at most MAX_SESSIONS sessions a level,
every run bounded by ``--timeout`` and every level by ``--ramp`` + LEVEL_LIMIT_S.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import random
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from bench import browser as b
from bench.load_report import (
    PAGES,
    SCENARIOS,
    SETTINGS,
    THINK_S,
    Level,
    Scenario,
    Visit,
    describe,
    report,
    scenario_from,
)
from bench.report import seconds, write_section
from bench.stproto import ProtocolError, Session, ensure_loopback

MAX_SESSIONS = 300
LEVEL_LIMIT_S = 300.0  # after the ramp; sessions still running then are failures ("level time limit")


def tree(pid: int) -> list[int]:
    return [pid, *b.descendants(pid)] if Path(f"/proc/{pid}").exists() else []


class Meter:
    """CPU seconds and summed RSS of process groups (replicas, nginx, PostgreSQL, this client), from /proc.

    A thread samples every 0,25 s and keeps each process's highest CPU value (a process that exits keeps
    its last reading) and each group's highest RSS since :meth:`start`.
    """

    def __init__(self, groups: dict[str, Callable[[], list[int]]]) -> None:
        self.groups = groups
        self.cpu: dict[tuple[str, int], float] = {}
        self.rss_peak: dict[str, float] = {}
        self.loads: list[float] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def rss(self, group: str) -> float:
        return sum(b.rss_mb(p) for p in self.groups[group]())

    def _sample(self) -> None:
        for group, pids in self.groups.items():
            found = pids()
            for pid in found:
                self.cpu[(group, pid)] = max(b.cpu_seconds(pid), self.cpu.get((group, pid), 0.0))
            self.rss_peak[group] = max(self.rss_peak.get(group, 0.0), sum(b.rss_mb(p) for p in found))
        self.cpu[("machine", 0)] = b.machine_busy_seconds()
        self.loads.append(os.getloadavg()[0])

    def _loop(self) -> None:
        while not self._stop.wait(0.25):
            self._sample()

    def start(self) -> dict[tuple[str, int], float]:
        self.rss_peak, self.loads = {}, []
        self._sample()
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return dict(self.cpu)

    def stop(self, before: dict[tuple[str, int], float]) -> dict[str, float]:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._sample()
        out = {g: sum(v - before.get(k, 0.0) for k, v in self.cpu.items() if k[0] == g) for g in self.groups}
        out["machine"] = self.cpu[("machine", 0)] - before[("machine", 0)]
        out["other"] = max(0.0, out["machine"] - sum(out[g] for g in self.groups))
        return out


def reason(exc: BaseException, step: str, timeout: float) -> str:
    """A failure in a few words, so equal causes group together."""
    if isinstance(exc, TimeoutError):
        return f"{step}: no finished run within {seconds(timeout, 0)} s"
    text = str(exc).splitlines()[0][:120] if str(exc) else ""
    return f"{step}: {type(exc).__name__}" + (f": {text}" if text else "")


async def visit(url: str, page: str, start_at: float, think: float, done: asyncio.Event, all_done: asyncio.Event,
                timeout: float) -> Visit:
    """One reader: open, wait, think, change the page's choice, wait, stay until everyone is done, close."""
    result = Visit(page)
    path, key = PAGES[page]
    await asyncio.sleep(max(0.0, start_at - time.perf_counter()))
    session = Session(url, path, timeout=timeout)
    step = "open"
    try:
        first = await session.connect()
        result.first = first.seconds
        if not first.ok:
            raise ProtocolError(f"{first.status} {'; '.join(first.exceptions)[:100]}")
        await asyncio.sleep(think)
        step = "change"
        widget = session.widget_by_key(key)
        others = [o for o in widget.options if widget.default is None or o != widget.options[widget.default]]
        changed = await session.change(widget, random.Random(f"{page}{start_at}").choice(others))
        if not changed.ok:
            raise ProtocolError(f"{changed.status} {'; '.join(changed.exceptions)[:100]}")
        result.change = changed.seconds
    except Exception as exc:  # counted; the other sessions go on
        result.error = reason(exc, step, timeout)
    finally:
        done.set()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(all_done.wait(), LEVEL_LIMIT_S)
        with contextlib.suppress(Exception):
            await session.close()
    return result


def page_mix(n: int, peta_share: float) -> list[str]:
    pages = ["peta"] * round(n * peta_share) + ["ringkasan"] * (n - round(n * peta_share))
    random.Random(n).shuffle(pages)
    return pages


async def run_level(url: str, n: int, ramp: float, timeout: float, peta_share: float, meter: Meter) -> Level:
    """``n`` sessions, started evenly over ``ramp`` seconds (one alone: at once)."""
    if n > MAX_SESSIONS:
        raise ValueError(f"paling banyak {MAX_SESSIONS} sesi")
    level = Level(n)
    rng = random.Random(n * 7919)
    events = [asyncio.Event() for _ in range(n)]
    all_done = asyncio.Event()
    level.rss_before = meter.rss("replika")
    before = meter.start()
    began = time.perf_counter()
    pages = page_mix(n, peta_share)
    tasks = [asyncio.create_task(visit(url, page, began + ramp * i / n, rng.uniform(*THINK_S), events[i], all_done,
                                       timeout)) for i, page in enumerate(pages)]
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(asyncio.gather(*(e.wait() for e in events)), ramp + LEVEL_LIMIT_S)
    level.wall = time.perf_counter() - began
    level.rss_peak = meter.rss_peak.get("replika", 0.0)
    level.nginx_rss_peak = meter.rss_peak.get("nginx", 0.0)
    all_done.set()  # everyone closes now
    for task, event in zip(tasks, events, strict=True):
        if not event.is_set():  # still inside its runs after the level's time limit
            task.cancel()
    for task, page in zip(tasks, pages, strict=True):
        try:
            level.visits.append(await task)
        except asyncio.CancelledError:
            level.visits.append(Visit(page, error="level time limit"))
    level.cpu = meter.stop(before)
    level.load = sum(meter.loads) / len(meter.loads) if meter.loads else os.getloadavg()[0]
    return level


async def single(url: str, page: str, timeout: float, meter: Meter) -> Level:
    """One session alone (no think time): the baseline of the levels."""
    level = Level(1)
    before = meter.start()
    began = time.perf_counter()
    done, all_done = asyncio.Event(), asyncio.Event()
    all_done.set()
    level.visits.append(await visit(url, page, began, 0.0, done, all_done, timeout))
    level.wall = time.perf_counter() - began
    level.cpu = meter.stop(before)
    return level


def merge(levels: list[Level]) -> Level:
    out = Level(1)
    for lv in levels:
        out.visits += lv.visits
        out.wall += lv.wall
        for k, v in lv.cpu.items():
            out.cpu[k] = out.cpu.get(k, 0.0) + v
    return out


def install_geo(folder: Path) -> str:
    subprocess.run([sys.executable, "-m", "kla", "geo", "install", str(b.GEO_SQL)], cwd=b.ROOT, check=True,
                   env={**os.environ, "KLA_GEO_DIR": str(folder)}, stdout=subprocess.DEVNULL)
    return str(folder)


async def run_scenario(name: str, levels: list[int], ramp: float, timeout: float, reps: int, peta_share: float,
                       geo: str, log: Callable[[str], None]) -> Scenario:
    from bench.topology import running

    replicas, via_nginx = SCENARIOS[name]
    with running(replicas=replicas, admin=False, env={"KLA_GEO_DIR": geo}) as topo:
        url = topo.url if via_nginx else topo.public[0].url
        ensure_loopback(url)
        pg_pid = int((topo.db.folder / "data" / "postmaster.pid").read_text().split()[0])
        meter = Meter({"replika": lambda: [p for r in topo.public for p in tree(r.proc.pid)],
                       "nginx": lambda: tree(topo.nginx.pid), "postgres": lambda: tree(pg_pid),
                       "klien": lambda: [os.getpid()]})
        for page in PAGES:  # warm-up: the first run of a process imports and loads what every later run reuses
            warm = await single(url, page, timeout, meter)
            if warm.visits[0].error:
                raise RuntimeError(f"{name}: pemanasan {page} gagal: {warm.visits[0].error}")
        await asyncio.sleep(3)  # the server's own warm-up (kla/ui/warmup.py) and the first runs' leftovers
        runs = [await single(url, page, timeout, meter) for _ in range(reps) for page in PAGES]
        scenario = Scenario(name, merge(runs))
        log(f"{name} baseline: " + describe(scenario.baseline))
        for n in levels:
            await asyncio.sleep(5)  # the previous level's sockets are closed and its runs are over
            scenario.levels.append(await run_level(url, n, ramp, timeout, peta_share, meter))
            log(f"{name} {n}: " + describe(scenario.levels[-1]))
    return scenario


def shown_options(argv: list[str]) -> list[str]:
    """The options that change what is measured (not where the results go), for the section's command line."""
    quiet = {"--save", "--report-from", "--before", "--commit"}
    shown, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg.split("=", 1)[0] in quiet:
            skip = "=" not in arg
        elif arg != "--no-write":
            shown.append(arg)
    return shown


def wait_quiet(limit_min: float, threshold: float, log: Callable[[str], None]) -> None:
    deadline = time.monotonic() + limit_min * 60
    while os.getloadavg()[0] >= threshold and time.monotonic() < deadline:
        log(f"load {os.getloadavg()[0]:.2f} >= {threshold}: waiting 60 s")
        time.sleep(60)
    log(f"load {os.getloadavg()[0]:.2f}: starting")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", default="50,100,200", help="sesi serentak, dipisah koma (bawaan 50,100,200)")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS), help=f"dari {', '.join(SCENARIOS)}")
    parser.add_argument("--ramp", type=float, default=10.0, help="detik untuk memulai semua sesi (bawaan 10)")
    parser.add_argument("--timeout", type=float, default=60.0, help="batas satu run dalam detik (bawaan 60)")
    parser.add_argument("--baseline-reps", type=int, default=5, help="sesi tunggal per halaman (bawaan 5)")
    parser.add_argument("--peta-share", type=float, default=0.5, help="bagian sesi yang membuka Peta (bawaan 0,5)")
    parser.add_argument("--wait-quiet", type=float, default=0.0, metavar="MIN",
                        help="tunggu (paling lama MIN menit) sampai load average 1 menit < 3")
    parser.add_argument("--commit", help="the commit measured, when run from an exported tree without .git")
    parser.add_argument("--save", type=Path, help="also keep the raw results here (JSON), for --report-from")
    parser.add_argument("--report-from", type=Path, help="write the section from a --save file, without running")
    parser.add_argument("--before", type=Path, help="a --save file of an earlier run, shown after this one")
    parser.add_argument("--no-write", action="store_true", help="cetak saja, jangan tulis docs/BENCHMARKS.md")
    args = parser.parse_args(argv)
    levels = [int(x) for x in args.levels.split(",") if x.strip()]
    names = [x.strip() for x in args.scenarios.split(",") if x.strip()]
    if any(n > MAX_SESSIONS or n < 1 for n in levels) or any(n not in SCENARIOS for n in names):
        parser.error(f"level 1..{MAX_SESSIONS}; skenario dari {', '.join(SCENARIOS)}")

    def log(text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)

    if args.wait_quiet:
        wait_quiet(args.wait_quiet, 3.0, log)
    commit = args.commit or subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=b.ROOT, capture_output=True,
                                           text=True).stdout.strip() or "?"
    if args.report_from:
        saved = json.loads(args.report_from.read_text(encoding="utf-8"))
        scenarios, load, took = [scenario_from(x) for x in saved["scenarios"]], saved["load"], saved["took"]
        commit, args.command, args.date = saved["commit"], saved["command"], saved.get("date")
        for key, value in saved["settings"].items():
            setattr(args, key, value)
    else:
        load_before, began = os.getloadavg(), time.perf_counter()
        with b.temp_folder("kla_load_geo_") as geo_dir:
            geo = install_geo(Path(geo_dir))
            scenarios = [asyncio.run(run_scenario(name, levels, args.ramp, args.timeout, args.baseline_reps,
                                                  args.peta_share, geo, log)) for name in names]
        load, took = (load_before, os.getloadavg()), time.perf_counter() - began
        args.command = " ".join([".venv/bin/python", "-m", "bench.load_bench", *shown_options(argv or sys.argv[1:])])
        if args.save:
            args.save.write_text(json.dumps({"scenarios": [asdict(x) for x in scenarios], "load": load, "took": took,
                                             "commit": commit, "command": args.command,
                                             "date": dt.date.today().isoformat(),
                                             "settings": {k: getattr(args, k) for k in SETTINGS}}), encoding="utf-8")
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else None
    body = report(scenarios, args, load, took, commit, before)
    if not args.no_write:
        write_section("load", body)
    print(body)


if __name__ == "__main__":
    main()
