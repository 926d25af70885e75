"""Export speed: the same charts as PNG through a fresh Chromium each (cold) and one warm Chromium.

Run: ``.venv/bin/python -m bench.export_bench`` (about two minutes). Uses the sample data in
``data/`` and, when installed, the kelurahan boundaries (otherwise the area map is left out).
Writes the ``export`` section of docs/BENCHMARKS.md.

Goals (issue 4): warm median at or under 0,3 s per PNG, and at least 5 times faster than cold.
"""

from __future__ import annotations

import datetime as dt
import time

from bench.report import machine, median, seconds, write_section
from kla import boundaries, catalog, config, export
from kla.loading import load_dataset

SIZE = export.PRESETS["lanskap"]
STAMP = export.Stamp(dt.date.today())
ROUNDS = 2  # warm renders per chart; the median is over all of them
PAUSE_S = 1.0  # between clicks of a person downloading images one by one


def charts() -> list:
    data = load_dataset(config.data_dir()).dataset
    shapes = boundaries.load_installed()
    ctx = catalog.Context(data, boundaries=shapes)
    return [catalog.build(name, ctx) for name in catalog.available(ctx)]


def timed(render, fig, fmt: str, pause: float = 0.0) -> float:
    time.sleep(pause)
    began = time.perf_counter()
    out = render(fig, fmt, SIZE)
    took = time.perf_counter() - began
    assert out[:4] in (b"\x89PNG", b"<svg", b"%PDF"), "not an image"
    return took


def main() -> None:
    chart_list = charts()
    figures = [export.press_figure(c, SIZE, STAMP) for c in chart_list]
    export.stop_renderer()
    cold = [timed(export.render_cold, f, "png") for f in figures]

    began = time.perf_counter()
    export.start_renderer()
    first = timed(export.render, figures[0], "png")
    start_up = time.perf_counter() - began
    warm = [timed(export.render, f, "png", PAUSE_S) for _ in range(ROUNDS) for f in figures]
    batch = [timed(export.render, f, "png") for f in figures]
    warm_svg = [timed(export.render, f, "svg") for f in figures]
    warm_pdf = [timed(export.render, f, "pdf") for f in figures]
    export.stop_renderer()

    ratio = median(cold) / median(warm)
    goal_time, goal_ratio = median(warm) <= 0.3, ratio >= 5
    body = f"""## Export: warm Chromium vs a fresh one per image

`.venv/bin/python -m bench.export_bench` · {dt.date.today().isoformat()} · {machine()}

{len(figures)} charts and maps of the sample data ({", ".join(c.name for c in chart_list)}),
preset {SIZE.name} {SIZE.width}x{SIZE.height}, PNG at scale {export.PNG_SCALE}.

| | median per image | range | all {len(figures)} charts |
|---|---|---|---|
| cold: a fresh Chromium per PNG (`render_cold`, baseline) | {seconds(median(cold))} s | \
{seconds(min(cold))}–{seconds(max(cold))} s | {seconds(sum(cold), 1)} s |
| warm PNG, one at a time {seconds(PAUSE_S, 0)} s apart (Unduh button; {ROUNDS} rounds) | {seconds(median(warm))} s | \
{seconds(min(warm))}–{seconds(max(warm))} s | {seconds(sum(warm) / ROUNDS, 1)} s |
| warm PNG, back to back (ZIP, CLI) | {seconds(median(batch))} s | {seconds(min(batch))}–{seconds(max(batch))} s | \
{seconds(sum(batch), 1)} s |
| warm SVG | {seconds(median(warm_svg))} s | {seconds(min(warm_svg))}–{seconds(max(warm_svg))} s | \
{seconds(sum(warm_svg), 1)} s |
| warm PDF | {seconds(median(warm_pdf))} s | {seconds(min(warm_pdf))}–{seconds(max(warm_pdf))} s | \
{seconds(sum(warm_pdf), 1)} s |

- **Warm is {seconds(ratio, 1)}x faster than cold** (median cold / median warm PNG); goal ≥ 5x:
  {"met" if goal_ratio else "NOT met"}. Back to back: {seconds(median(cold) / median(batch), 1)}x.
- Warm median PNG {seconds(median(warm))} s; goal ≤ 0,3 s: {"met" if goal_time else "NOT met"}.
- Starting the warm Chromium and the first image together took {seconds(start_up)} s
  (first image alone {seconds(first)} s).
- Why one at a time is faster than back to back: kaleido reloads a tab after every image;
  `kla/render.py` does that after handing the image back, so between clicks it is hidden, while
  back to back the next image shares the 2 cores with the reload of the previous tab.
"""
    write_section("export", body)
    print(body)


if __name__ == "__main__":
    main()
