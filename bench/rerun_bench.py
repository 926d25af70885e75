"""Rerun cost: server-side time of one rerun of each page after a person changes a choice.

Run: ``.venv/bin/python -m bench.rerun_bench`` (about two minutes). Streamlit's AppTest runs the
real page scripts in this process, as the server does for a session; the time of ``run()``
after a widget change is the script's rerun (plus AppTest's own bookkeeping, so it slightly
overstates). Baseline in the same run: the rerun of a bare one-line page. Boundaries are
installed from the shared file into a temporary folder (never into the project).

Goal (issue 6): median at most 150 ms per page.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench.report import machine, median, seconds, write_section
from bench.shared import shared_dir
from kla import boundaries

ROOT = Path(__file__).resolve().parents[1]
SHARED_GEO = shared_dir() / "geo" / "wilayah_boundaries_kel_64.71.sql"
RERUNS = 8  # per page, alternating between two choices so every rerun does real work


def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "pages/ringkasan.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def timed_reruns(at: AppTest, change: Callable[[AppTest, int], object]) -> list[float]:
    times = []
    for i in range(RERUNS):
        widget = change(at, i)
        began = time.perf_counter()
        widget.run()
        times.append(time.perf_counter() - began)
        assert not at.exception, [e.value for e in at.exception]
    return times


def alternate(kind: str, key: str, a: object, b: object) -> Callable[[AppTest, int], object]:
    return lambda at, i: getattr(at, kind)(key=key).set_value(a if i % 2 else b)


def next_view(at: AppTest, i: int):
    label = "Berikutnya →" if i % 4 < 2 else "← Sebelumnya"
    return next(b for b in at.button if b.label == label).click()


CASES: list[tuple[str, str, dict[str, str], Callable[[AppTest, int], object]]] = [
    ("Ringkasan: tahun", "pages/ringkasan.py", {}, alternate("selectbox", "url_tahun", 2023, 2025)),
    ("Tren: tampilan", "pages/tren.py", {}, alternate("radio", "url_tampilan", "kelurahan", "blok")),
    ("Inisiatif: jenis", "pages/inisiatif.py", {}, alternate("multiselect", "url_jenis", ["Forum Anak"], [])),
    ("Kegiatan: jenis", "pages/kegiatan.py", {}, alternate("multiselect", "url_jenis", ["forum anak"], [])),
    ("Peta wilayah: metrik", "pages/peta.py", {}, alternate("selectbox", "url_metrik", "K3", "total")),
    ("Peta wilayah: tahun", "pages/peta.py", {}, alternate("selectbox", "url_tahun", 2024, 2025)),
    ("Peta petak: metrik", "pages/peta.py", {"tampilan": "petak"}, alternate("selectbox", "url_metrik", "K3", "total")),
    ("Profil kelurahan: kelurahan", "pages/kelurahan.py", {},
     alternate("selectbox", "url_kelurahan", "64.71.01.1001", "64.71.05.1002")),
    ("Rapat: berikutnya/sebelumnya", "pages/rapat.py", {}, next_view),
    ("Ekspor: pilihan", "pages/ekspor.py", {}, alternate("checkbox", "ekspor_nama", False, True)),
]


def bare_reruns(folder: Path) -> list[float]:
    script = folder / "bare.py"
    script.write_text('import streamlit as st\nx = st.selectbox("x", [1, 2])\nst.write("Halo", x)\n')
    at = AppTest.from_file(str(script)).run()
    return timed_reruns(at, lambda a, i: a.selectbox[0].set_value(1 + i % 2))


def main() -> None:
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="kla-bench-") as tmp:
        geo = Path(tmp) / "geo"
        boundaries.install(str(SHARED_GEO), geo)
        os.environ["KLA_GEO_DIR"] = str(geo)
        bare = bare_reruns(Path(tmp))
        results = []
        for label, page, params, change in CASES:
            at = open_page(page, **params)
            results.append((label, timed_reruns(at, change)))
            print(f"{label}: median {median(results[-1][1]) * 1000:.0f} ms")
    base = median(bare)
    lines = [f"| {label} | {seconds(median(t) * 1000, 0)} ms | "
             f"{seconds(min(t) * 1000, 0)}–{seconds(max(t) * 1000, 0)} ms "
             f"| {seconds(median(t) / base, 1)}x | {'ya' if median(t) <= 0.150 else 'TIDAK'} |" for label, t in results]
    worst = max(results, key=lambda r: median(r[1]))
    body = f"""## Rerun cost per page (server side)

`.venv/bin/python -m bench.rerun_bench` · {dt.date.today().isoformat()} · {machine()}

Time of one rerun after a person changes a choice, measured with Streamlit's AppTest in one
process ({RERUNS} reruns per page alternating between two choices; sample data; boundaries
installed). Baseline: a bare page with one selectbox, median {seconds(base * 1000, 1)} ms in the same run.

| page: change | median | range | vs bare | ≤ 150 ms |
|---|---|---|---|---|
{chr(10).join(lines)}

- Slowest: {worst[0]}, median {seconds(median(worst[1]) * 1000, 0)} ms.
- AppTest adds its own bookkeeping to each run, so these are upper bounds of the server's time.
- Load average (1, 5, 15 min) at the start: {", ".join(seconds(x) for x in load_before)}; at the end:
  {", ".join(seconds(x) for x in os.getloadavg())} (2 cores; an earlier run of 2026-11-23 on a busier machine had \
medians up to 189 ms).
"""
    write_section("rerun", body)
    print(body)


if __name__ == "__main__":
    main()
