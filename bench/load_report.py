"""The load benchmark's results (bench/load_bench.py): sessions, levels, scenarios and the
``load`` section of docs/BENCHMARKS.md ("Beban: sesi websocket serentak") written from them.

Kept apart from the runner so a saved run (``--save``) can be written again (``--report-from``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from bench import browser as b
from bench.report import machine, median, seconds

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

`{args.command}` · {getattr(args, 'date', None) or dt.date.today().isoformat()} · \
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
