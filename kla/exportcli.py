"""``python -m kla export``: the press kit from the command line, for scripted work.

Writes one file per chart, format and size into ``--out`` (atomically: a file is either the old
one or the complete new one), prints a line per chart, and optionally a ZIP with README.txt. The files,
README and ZIP are made by :mod:`kla.presskit`, as on the ekspor page.
Exit codes: 0 all written, 1 a chart or the data could not be made (nothing half-written),
2 wrong usage, including an ``--out`` that is a file, lies in a missing folder or cannot be written
(:mod:`kla.clipaths`, checked before any work).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kla import boundaries, catalog, clipaths, export, mapdata, presskit
from kla.i18n import format_number
from kla.loading import write_bytes_atomic
from kla.store import published_dataset

ALL = "semua"


def run(args: argparse.Namespace) -> int:
    if args.list:
        print(listing())
        return 0
    try:
        names, sizes, formats = _choices(args)
        clipaths.output_folder(args.out, "--out")  # before loading data and rendering for seconds
    except (export.ExportError, clipaths.PathProblem) as exc:
        print(f"Kesalahan: {exc}", file=sys.stderr)
        return clipaths.EXIT_USAGE
    result = published_dataset()  # the published version; an empty store first imports KLA_DATA_DIR
    if not result.ok:
        print(f"Data yang diterbitkan bermasalah ({len(result.problems)} masalah):", file=sys.stderr)
        for problem in result.problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    ctx = _context(args, result.dataset)
    if args.all and ctx.boundaries is None:
        print("Peringatan: batas kelurahan belum terpasang, peta_kelurahan dilewati "
              "(pasang dengan 'python -m kla geo install').", file=sys.stderr)
        names = catalog.available(ctx)
    try:
        return _write_all(args, ctx, names, sizes, formats)
    except _WriteFailed as failed:  # the folder changed since the check: removed, full, made read-only
        print(f"Kesalahan: {clipaths.write_problem(failed.error, '--out', args.out)}", file=sys.stderr)
        return clipaths.EXIT_USAGE


class _WriteFailed(Exception):
    """Writing into --out failed (an OSError from the file system, not from rendering)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _write(path: Path, content: bytes) -> None:
    try:
        write_bytes_atomic(path, content)
    except OSError as exc:
        raise _WriteFailed(exc) from exc


def listing() -> str:
    """Charts, sizes, formats and map metrics, as ``--list`` prints them."""
    lines = ["Grafik (--chart):"] + [f"  {n:<24} {e.label()}" for n, e in catalog.CATALOG.items()]
    lines += ["", "Ukuran (--preset):"]
    lines += [f"  {p.name:<24} {p.width} x {p.height} piksel, {p.label()}" for p in export.PRESETS.values()]
    lines += ["", f"Format (--format): {', '.join(export.FORMATS)} (PNG ditulis {export.PNG_SCALE}x ukuran)",
              "", "Metrik peta (--metrik):"]
    lines += [f"  {m:<24} {mapdata.metric_label(m)}" for m in mapdata.METRICS]
    return "\n".join(lines)


def _choices(args: argparse.Namespace) -> tuple[list[str], list[export.Preset], list[str]]:
    if args.out is None:
        raise export.ExportError("--out FOLDER wajib diisi.")
    if not args.all and not args.chart:
        raise export.ExportError("pilih --chart NAMA atau --all (daftar nama: --list).")
    names = list(catalog.CATALOG) if args.all else [catalog.entry(n).name for n in dict.fromkeys(args.chart)]
    wanted = args.preset or ["lanskap"]
    sizes = list(export.PRESETS.values()) if ALL in wanted else [export.preset(p) for p in dict.fromkeys(wanted)]
    formats = export.check_formats(args.formats or export.FORMATS)
    return names, sizes, formats


def _context(args: argparse.Namespace, data) -> catalog.Context:
    shapes, attribution = None, None
    try:
        installed = boundaries.read_installed()  # map and attribution of one and the same install
        if installed is not None:
            shapes, attribution = installed.boundaries, installed.info.get("attribution")
    except boundaries.BoundaryError as exc:
        print(f"Peringatan: {exc}", file=sys.stderr)
    return catalog.Context(data, lang=args.lang, year=args.tahun, metric=args.metrik, boundaries=shapes,
                           attribution=attribution, labels=not args.tanpa_nama)


def _write_all(args: argparse.Namespace, ctx: catalog.Context, names: list[str], sizes: list[export.Preset],
               formats: list[str]) -> int:
    stamp = presskit.today_stamp(ctx.lang)
    try:
        args.out.mkdir(exist_ok=True)  # its parent exists (clipaths.output_folder)
    except OSError as exc:
        raise _WriteFailed(exc) from exc
    made, files, started = [], {}, time.perf_counter()
    for i, name in enumerate(names, start=1):
        began = time.perf_counter()
        try:
            chart = catalog.build(name, ctx)
            own = presskit.render_files(presskit.plan([chart], sizes, formats), stamp)
        except export.ExportError as exc:
            print(f"Gagal membuat {name}: {exc}", file=sys.stderr)
            return 1
        for file_name, content in own.items():
            _write(args.out / file_name, content)
        made.append(chart)
        files.update(own)
        print(f"[{i}/{len(names)}] {name}: {len(own)} berkas, "
              f"{format_number(time.perf_counter() - began, 1)} detik")
    if args.zip:
        zip_path = args.out / presskit.zip_name(stamp.exported)
        _write(zip_path, presskit.kit_zip(made, sizes, formats, stamp, files, ctx.attribution))
        print(f"ZIP: {zip_path}")
    size = sum(len(b) for b in files.values())
    print(f"Selesai: {len(files)} berkas ({format_number(size / 1024 / 1024, 1)} MB) di {args.out}, "
          f"{format_number(time.perf_counter() - started, 1)} detik."
          + (" DATA CONTOH: jangan dipublikasikan sebagai angka resmi." if any(c.sample for c in made) else ""))
    return 0
