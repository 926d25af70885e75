"""Load: 50, 100 and 200 concurrent websocket sessions against the deploy topology (bench/topology.py).

Run: ``.venv/bin/python -m bench.load_bench`` (about 15 minutes; ``--levels 50,100,200``,
``--scenarios direct1,nginx1,nginx2``, ``--ramp 10``, ``--wait-quiet``, ``--no-write``). Writes the
``load`` section of docs/BENCHMARKS.md ("Beban: sesi websocket serentak").

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
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench import browser as b
from bench.report import machine, median, seconds, write_section
from bench.stproto import ProtocolError, Session, ensure_loopback

MAX_SESSIONS = 300
LEVEL_LIMIT_S = 300.0  # after the ramp; sessions still running then are failures ("level time limit")
THINK_S = (1.0, 3.0)  # a reader looks at the page before changing the choice
PAGES = {"ringkasan": ("", "url_tahun"), "peta": ("peta", "url_metrik")}  # page: (URL path, key of the choice)
SCENARIOS = {"direct1": (1, False), "nginx1": (1, True), "nginx2": (2, True)}  # name: (replicas, through nginx)
LABELS = {"direct1": "1 replica direct", "nginx1": "1 replica via nginx", "nginx2": "2 replicas via nginx"}
GOAL_SESSIONS, GOAL_P95_S = 100, 3.0
SETTINGS = ("ramp", "timeout", "baseline_reps", "peta_share")  # kept with --save: the report describes them


@dataclass
class Visit:
    page: str
    first: float | None = None  # page request until the first run finished
    change: float | None = None  # choice sent until that run finished
    error: str | None = None


@dataclass
class Level:
    sessions: int
    visits: list[Visit] = field(default_factory=list)
    wall: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)
    rss_before: float = 0.0
    rss_peak: float = 0.0
    nginx_rss_peak: float = 0.0
    load: float = 0.0

    def times(self, kind: str, page: str | None = None) -> list[float]:
        return [t for v in self.visits if page in (None, v.page) for t in [getattr(v, kind)] if t is not None]

    def failures(self) -> Counter[str]:
        return Counter(v.error for v in self.visits if v.error)


@dataclass
class Scenario:
    name: str
    baseline: Level
    levels: list[Level] = field(default_factory=list)


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


def scenario_from(data: dict) -> Scenario:
    """A :class:`Scenario` from its ``asdict`` form (``--save``)."""
    def level(d: dict) -> Level:
        return Level(**{**d, "visits": [Visit(**v) for v in d["visits"]]})

    return Scenario(data["name"], level(data["baseline"]), [level(d) for d in data["levels"]])


def p95(values: list[float]) -> float:
    return b.percentile(values, 95)


def fmt(values: list[float], f: Callable[[list[float]], float]) -> str:
    return f"{seconds(f(values))} s" if values else "–"


def describe(lv: Level) -> str:
    fails = lv.failures()
    return (f"first p50 {fmt(lv.times('first'), median)} p95 {fmt(lv.times('first'), p95)}; change p50 "
            f"{fmt(lv.times('change'), median)} p95 {fmt(lv.times('change'), p95)}; failed {sum(fails.values())} "
            f"{dict(fails.most_common(3))}; wall {lv.wall:.1f} s; cpu "
            + ", ".join(f"{k} {v:.1f}" for k, v in lv.cpu.items()) + f"; RSS {lv.rss_before:.0f}->{lv.rss_peak:.0f} MB")


def met_goal(sc: Scenario) -> str:
    lv = next((lv for lv in sc.levels if lv.sessions == GOAL_SESSIONS), None)
    if lv is None or sc.name == "direct1":
        return ""
    worst = max([p95(lv.times("first")) if lv.times("first") else float("inf"),
                 p95(lv.times("change")) if lv.times("change") else float("inf")])
    fails = sum(lv.failures().values())
    ok = worst <= GOAL_P95_S and fails == 0
    return (f"- Goal, {LABELS[sc.name]}, {GOAL_SESSIONS} sessions: worst p95 {seconds(worst)} s, {fails} failed: "
            f"**{'met' if ok else 'not met'}** (goal: p95 ≤ {seconds(GOAL_P95_S, 0)} s, no failure).")


TIME_HEADER = """| scenario | sessions | first run p50 | first run p95 | change p50 | change p95 | p95 / baseline \
| failed | replica CPU / session |
|---|---|---|---|---|---|---|---|---|"""


WHERE_IT_GOES = """Where it degrades and why: every script run is Python holding the GIL, so one replica does at most
about one core of runs; sessions that arrive faster than (cores for the replicas) / (CPU per session)
queue, and every later run in the queue waits for all earlier ones: the p50 and p95 grow with the
number of sessions while CPU per session stays flat. Two replicas use both cores; a third would only
share them. nginx and PostgreSQL cost almost nothing (the replicas keep the published version in memory).

Per-run cost, profiled with py-spy on one replica (2026-11-29, one session after another): before
commit b86bbfe, 35-60 % of a run's CPU was Streamlit's forced `gc.collect(2)` after every script run
(`runner.postScriptGC`, on by default), which scans every live object, so it grew with the number of
open sessions (0,5 s CPU per session alone, 0,9 s with 100 open); a sixth of a Ringkasan run was
`Dataset.source_of` filtering `sumber` for every chart caption. Both cut in b86bbfe (`.streamlit/config.toml`
`[runner] postScriptGC = false`; a lookup built once per dataset): about 0,17 s of replica CPU per session
(Ringkasan about 0,09 s, Peta about 0,28 s). What is left on Peta: folium building and rendering the map
(jinja templates compiled per element) and the kecamatan borders computed again on every run (shapely
union, about a fifth of a Peta run), both cacheable per boundary set and choice."""


def time_rows(scenarios: list[Scenario], reps: int) -> list[str]:
    """The times table: the baseline row, then one row per level, of every scenario."""
    rows = []
    for sc in scenarios:
        base = sc.baseline
        bf = {p: median(base.times("first", p)) for p in PAGES}
        bc = {p: median(base.times("change", p)) for p in PAGES}
        rows.append(f"| {LABELS[sc.name]} | 1 (baseline, {reps}× per page in turn) | "
                    f"{seconds(bf['ringkasan'])} / {seconds(bf['peta'])} s | – | "
                    f"{seconds(bc['ringkasan'])} / {seconds(bc['peta'])} s | – | 1,0× / 1,0× | "
                    f"{sum(base.failures().values())} | {seconds(base.cpu['replika'] / len(base.visits))} s |")
        for lv in sc.levels:
            def ratio(kind: str, base_med: dict[str, float], lv: Level = lv) -> str:
                parts = [p95(lv.times(kind, p)) / base_med[p] for p in PAGES if lv.times(kind, p)]
                return f"{seconds(max(parts), 1)}×" if parts else "–"

            rows.append(f"| {LABELS[sc.name]} | {lv.sessions} | {fmt(lv.times('first'), median)} | "
                        f"{fmt(lv.times('first'), p95)} | {fmt(lv.times('change'), median)} | "
                        f"{fmt(lv.times('change'), p95)} | {ratio('first', bf)} / {ratio('change', bc)} | "
                        f"{sum(lv.failures().values())} | {seconds(lv.cpu['replika'] / lv.sessions)} s |")
    return rows


def report(scenarios: list[Scenario], args: argparse.Namespace, load: tuple[tuple[float, ...], tuple[float, ...]],
           took: float, commit: str, before: dict | None = None) -> str:
    cores = os.cpu_count() or 1
    rows = time_rows(scenarios, args.baseline_reps)
    cpu_rows, fail_rows, verdicts = [], [], []
    for sc in scenarios:
        per_base = sc.baseline.cpu["replika"] / len(sc.baseline.visits)
        cpu_rows.append(f"| {LABELS[sc.name]} | 1 (baseline) | {seconds(per_base)} s | – | – | – | – | – | – |")
        for lv in sc.levels:
            fails = lv.failures()
            n = lv.sessions
            busy = lv.cpu["machine"] / (cores * lv.wall) if lv.wall else 0.0
            cpu_rows.append(
                f"| {LABELS[sc.name]} | {n} | {seconds(lv.cpu['replika'] / n)} s | "
                f"{seconds(lv.cpu['replika'] / lv.wall)} | {seconds(lv.cpu['nginx'], 1)} s | "
                f"{seconds(lv.cpu['postgres'], 1)} s | {seconds(lv.cpu['klien'], 1)} s / "
                f"{seconds(lv.cpu['other'], 1)} s | "
                f"{seconds(busy * 100, 0)} % ({seconds(lv.load, 1)}) | {lv.rss_before:.0f} → {lv.rss_peak:.0f} MB "
                f"({seconds((lv.rss_peak - lv.rss_before) / n, 1)} MB); nginx {lv.nginx_rss_peak:.0f} MB |")
            fail_rows += [f"  - {LABELS[sc.name]}, {n} sessions: {count}× {why}" for why, count in fails.most_common(5)]
            replicas = SCENARIOS[sc.name][0]
            server_cores = lv.cpu["replika"] / lv.wall
            others = lv.cpu["other"] / lv.wall
            if busy >= 0.9 and others >= 0.5:
                who = (f"the machine's {cores} cores are full, {seconds(others)} cores of it other work on this "
                       "shared machine (not this benchmark)")
            elif busy >= 0.9:
                who = f"the machine's {cores} cores are full (replicas and client)"
            elif server_cores >= 0.85 * replicas:
                who = f"the replica process{'es are' if replicas > 1 else ' is'} CPU-bound (about 1 core each: GIL)"
            else:
                who = "neither the machine nor the replicas are CPU-bound"
            verdicts.append(f"- {LABELS[sc.name]}, {n} sessions: replicas {seconds(server_cores)} cores on average "
                            f"over {seconds(lv.wall, 0)} s, machine {seconds(busy * 100, 0)} % busy: {who}; "
                            f"{seconds(lv.cpu['replika'] / n)} s replica CPU per session (alone: "
                            f"{seconds(per_base)} s).")
        goal = met_goal(sc)
        if goal:
            verdicts.append(goal)
    return f"""## Beban: sesi websocket serentak

`{args.command}` · {dt.date.today().isoformat()} · \
commit {commit} · {machine()}

Protocol-level clients (bench/stproto.py: HTTP page, health and host-config, then the websocket with the
browser's subprotocols, `BackMsg.rerun_script` with the browser's `ClientState`), no browser. Each
session opens Ringkasan or Peta ({seconds(args.peta_share * 100, 0)} % Peta, shuffled), waits for
`script_finished` = FINISHED_SUCCESSFULLY without an exception element ("first"), reads
{seconds(THINK_S[0], 0)}–{seconds(THINK_S[1], 0)} s, changes one choice (Ringkasan: year; Peta: metric)
and waits again ("change"), then stays connected until the whole level is done (at the peak all N
are open), and closes. Sessions start evenly over {seconds(args.ramp, 0)} s. Each scenario on a fresh
topology (bench/topology.py: PostgreSQL, public replicas with the read-only user, nginx; boundaries
installed), warmed with one session per page. Baseline: single sessions one after another in the
same run, {args.baseline_reps} per page (Ringkasan / Peta medians). Ratio: the worse page's p95 at the
level / that page's baseline median (first / change). p95 nearest-rank. A run times out after
{seconds(args.timeout, 0)} s. Client and servers share the same {cores} cores.

{TIME_HEADER}
{chr(10).join(rows)}

Server side (/proc, from the first session's start until every session of the level finished its
change): replica CPU per session (all replica processes / sessions), replica cores (their CPU / wall
time), nginx and PostgreSQL CPU, this client's CPU / everything else on the machine (other work on
this shared machine), machine busy (all CPU / ({cores} cores × wall), mean 1-min load average in
brackets), replica RSS before the level → highest during it (summed over replicas; per session in
brackets) and nginx's highest RSS.

| scenario | sessions | replica CPU / session | replica cores | nginx CPU | PostgreSQL CPU | client / other CPU \
| machine busy (load) | RSS |
|---|---|---|---|---|---|---|---|---|
{chr(10).join(cpu_rows)}

{"Failed sessions (reason, first 5 kinds per level):" + chr(10) + chr(10).join(fail_rows) if fail_rows else
 "No failed sessions."}

{chr(10).join(verdicts)}
{estimate(scenarios, args.ramp)}

{WHERE_IT_GOES}

- Load average (1, 5, 15 min) at the start: {", ".join(seconds(x) for x in load[0])}; at the end: \
{", ".join(seconds(x) for x in load[1])}. Benchmark runtime {seconds(took / 60, 0)} min.
{before_section(before) if before else ""}"""


def estimate(scenarios: list[Scenario], ramp: float) -> str:
    """Bigger servers, estimated from this run: replica CPU per session and RSS, one replica per core."""
    widest = max(scenarios, key=lambda sc: (SCENARIOS[sc.name][0], len(sc.levels)))
    if not widest.levels:
        return ""
    top = max(widest.levels, key=lambda lv: lv.sessions)
    cpu = top.cpu["replika"] / top.sessions
    replicas = SCENARIOS[widest.name][0]
    base_rss = top.rss_before / replicas
    per_session = max(0.0, (top.rss_peak - top.rss_before) / top.sessions)
    lines = [f"- **Estimate, not measured** (from {LABELS[widest.name]}, {top.sessions} sessions: "
             f"{seconds(cpu)} s replica CPU per session, that is per visit of one page with one change; one "
             f"replica process per core, since one process uses about one core; 0,25 core left to nginx, "
             f"PostgreSQL and the system, which used far less here): a server keeps up while readers arrive at "
             f"most at (cores − 0,25) / {seconds(cpu)} s per second; sessions arriving within {seconds(ramp, 0)} s "
             f"then wait only for each other's runs, not for a growing queue."]
    for cores in (2, 4, 8):
        rate = (cores - 0.25) / cpu
        memory = cores * base_rss + rate * ramp * per_session
        lines.append(
            f"  - {cores} cores: about {seconds(rate, 0)} new readers per second ({seconds(rate * ramp, 0)} "
            f"within {seconds(ramp, 0)} s, {seconds(rate * 3.6, 0)} thousand an hour); RAM about "
            f"{seconds(memory / 1024, 1)} GB ({cores} replicas × {base_rss:.0f} MB + "
            f"{seconds(per_session, 1)} MB per open session).")
    lines.append("  - The 2-core line is this machine, for checking the estimate against the table above (the "
                 "client also ran here). Pages other than Ringkasan and Peta, other choices and real browsers "
                 "(which run the map component's JavaScript) cost differently; static files (the ~5 MB frontend "
                 "per new browser) also come from the replicas unless nginx serves them.")
    return "\n".join(lines)


def before_section(saved: dict) -> str:
    """The times of an earlier run (``--before``, a ``--save`` file): what a change to the app gained."""
    scenarios = [scenario_from(x) for x in saved["scenarios"]]
    return f"""
### Before: commit {saved["commit"]}

The same benchmark on the code before the per-run cuts named above (`{saved["command"]}`; load
average at the start {", ".join(seconds(x) for x in saved["load"][0])}, at the end \
{", ".join(seconds(x) for x in saved["load"][1])}):

{TIME_HEADER}
{chr(10).join(time_rows(scenarios, saved["settings"]["baseline_reps"]))}
"""


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
        commit, args.command = saved["commit"], saved["command"]
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
                                             "settings": {k: getattr(args, k) for k in SETTINGS}}), encoding="utf-8")
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else None
    body = report(scenarios, args, load, took, commit, before)
    if not args.no_write:
        write_section("load", body)
    print(body)


if __name__ == "__main__":
    main()
