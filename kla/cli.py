"""Command line: ``python -m kla sample|validate|serve|datadict|geo|export|brief|data|staff|audit|db``.

``data``, ``staff``, ``audit`` and ``db`` (the versioned data store) live in :mod:`kla.storecli`.

Messages are Indonesian because the people running these commands are DP3AKB staff.
Exit codes: 0 success, 1 the data has problems, 2 wrong usage (argparse).
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kla import authcli, config, translation

if TYPE_CHECKING:  # pandas takes 0,4 s to import: commands that do not need it start faster
    from kla.loading import LoadResult


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra and getattr(args, "run", None) is not _run_serve:
        parser.error(f"argumen tidak dikenal: {' '.join(extra)}")
    args.streamlit_args = extra
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kla", description="Alat data dasbor KLA Balikpapan.")
    commands = parser.add_subparsers(title="perintah")

    sample = commands.add_parser("sample", help="buat ulang data contoh (berbenih, deterministik)")
    sample.add_argument("--out", type=Path, default=None, help="folder tujuan (bawaan: KLA_DATA_DIR atau data/)")
    sample.add_argument("--seed", type=int, default=2025, help="benih acak (bawaan 2025)")
    sample.set_defaults(run=_run_sample)

    validate = commands.add_parser("validate", help="periksa semua berkas data; keluar 1 bila ada masalah")
    validate.add_argument("dir", nargs="?", type=Path, default=None,
                          help="folder data (bawaan: KLA_DATA_DIR atau data/)")
    validate.set_defaults(run=_run_validate)

    serve = commands.add_parser("serve", help="jalankan dasbor; opsi lain diteruskan ke streamlit run "
                                "(mis. --server.port 8502)")
    serve.set_defaults(run=_run_serve)

    datadict = commands.add_parser("datadict", help="tulis ulang kamus data di data/README.md dari skema")
    datadict.add_argument("--check", action="store_true", help="hanya periksa apakah data/README.md sudah sesuai")
    datadict.set_defaults(run=_run_datadict)
    _add_geo(commands)
    _add_export(commands)
    authcli.add_commands(commands)
    translation.add_commands(commands)
    brief = commands.add_parser("brief", help="ringkasan rapat Gugus Tugas satu halaman A4 (PDF)")
    brief.add_argument("--out", type=Path, required=True, metavar="BERKAS.pdf", help="berkas PDF tujuan")
    brief.add_argument("--since", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                       help="awal rentang 'sejak rapat terakhir' (bawaan: rapat gugus tugas terakhir di log)")
    brief.add_argument("--until", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                       help="akhir rentang (bawaan: tanggal terakhir di log kegiatan)")
    brief.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa (bawaan: id)")
    brief.set_defaults(run=_run_brief)
    _add_store(commands)
    return parser


def _add_store(commands: argparse._SubParsersAction) -> None:
    from kla import storecli

    storecli.add_parsers(commands, _iso_date)


def _iso_date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal '{text}' tidak sah; tulis YYYY-MM-DD, mis. 2026-11-02") from None


def _run_brief(args: argparse.Namespace) -> int:
    from kla import boundaries, brief, clipaths  # plotly, geopandas: only for this command
    from kla.loading import write_bytes_atomic
    from kla.store import published_dataset

    try:
        clipaths.output_file(args.out, "--out", example="ringkasan.pdf")  # before seconds of rendering
    except clipaths.PathProblem as exc:
        print(f"Kesalahan: {exc}", file=sys.stderr)
        return clipaths.EXIT_USAGE
    result = published_dataset()  # an empty store first imports KLA_DATA_DIR as version 1
    if not result.ok:
        _print_problems(result, config.data_dir())
        return 1
    try:
        installed = boundaries.read_installed()  # map and attribution of one and the same install
        shapes, info = (installed.boundaries, installed.info) if installed else (None, {})
        pdf = brief.brief_pdf(result.valid_dataset, start=args.since, end=args.until, lang=args.lang, shapes=shapes,
                              attribution=info.get("attribution"))
    except (brief.BriefError, boundaries.BoundaryError, ValueError) as exc:
        print(f"Gagal membuat ringkasan rapat: {exc}", file=sys.stderr)
        return 1
    try:
        write_bytes_atomic(args.out, pdf)
    except OSError as exc:  # the folder changed since the check: removed, full, made read-only
        print(f"Kesalahan: {clipaths.write_problem(exc, '--out', args.out)}", file=sys.stderr)
        return clipaths.EXIT_USAGE
    print(f"Ringkasan rapat ditulis: {args.out} ({_kb(len(pdf))})"
          + (" - tanpa batas kelurahan terpasang: peta petak dipakai." if shapes is None else "")
          + (" DATA CONTOH." if result.valid_dataset.is_sample else ""))
    return 0


def _add_export(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="tulis grafik dan peta siap terbit (PNG, SVG, PDF) dan datanya "
                                 "(CSV, XLSX); --list untuk daftar grafik dan ukuran")
    which = export.add_mutually_exclusive_group()
    which.add_argument("--chart", action="append", default=[], metavar="NAMA",
                       help="grafik yang diekspor (boleh diulang); lihat --list")
    which.add_argument("--all", action="store_true", help="semua grafik dan peta")
    which.add_argument("--list", action="store_true", help="tampilkan nama grafik, ukuran dan format")
    export.add_argument("--preset", action="append", default=[], metavar="UKURAN",
                        help="ukuran gambar (boleh diulang, atau 'semua'; bawaan: lanskap)")
    export.add_argument("--format", action="append", default=[], metavar="FORMAT", dest="formats",
                        help="png, svg, pdf, csv atau xlsx (boleh diulang; bawaan: kelimanya)")
    export.add_argument("--tahun", type=int, default=None,
                        help="tahun untuk grafik satu tahun dan peta (bawaan: terbaru)")
    export.add_argument("--metrik", default="total", help="ukuran yang dipetakan (bawaan: total); lihat --list")
    export.add_argument("--tanpa-nama", action="store_true", dest="tanpa_nama",
                        help="peta kelurahan tanpa nama kelurahan")
    export.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa teks pada gambar (bawaan: id)")
    export.add_argument("--zip", action="store_true", help="juga tulis semuanya sebagai satu ZIP dengan README")
    export.add_argument("--out", type=Path, default=None, metavar="FOLDER", help="folder tujuan (wajib kecuali --list)")
    export.set_defaults(run=_run_export)


def _run_export(args: argparse.Namespace) -> int:
    from kla import exportcli  # plotly, geopandas and kaleido load in seconds: only for this command

    return exportcli.run(args)


def _add_geo(commands: argparse._SubParsersAction) -> None:
    geo = commands.add_parser("geo", help="batas kelurahan untuk peta: pasang, atau lihat yang terpasang")
    geo.set_defaults(run=functools.partial(_run_usage, geo))
    geo_commands = geo.add_subparsers(title="perintah geo")
    install = geo_commands.add_parser(
        "install", help="pasang batas kelurahan dari berkas atau URL (tanpa SRC: berkas publik yang disematkan)")
    install.add_argument("src", nargs="?", default=None, metavar="SRC",
                         help="berkas atau URL http(s): GeoJSON, GeoPackage, Shapefile dalam .zip, "
                              "atau SQL wilayah_boundaries")
    install.add_argument("--sha256", default=None, metavar="HEX", help="tolak berkas bila sha256-nya berbeda")
    install.add_argument("--timeout", type=_timeout_seconds, default=20.0, metavar="DETIK",
                         help="batas waktu seluruh unduhan dalam detik (bawaan 20, paling lama 600)")
    install.add_argument("--atribusi", default=None, metavar="TEKS",
                         help="sumber dan lisensi batas untuk dicetak di peta, mis. \"© 2024 Cahya DSN, MIT\" "
                              "(wajib bila berkasnya tidak membawa atribusi)")
    install.add_argument("--wajib-lengkap", action="store_true", dest="wajib_lengkap",
                         help="gagal (tanpa memasang apa pun) bila ada kelurahan tanpa batas")
    install.set_defaults(run=_run_geo_install)
    status = geo_commands.add_parser("status", help="tampilkan batas yang terpasang; keluar 1 bila belum ada")
    status.set_defaults(run=_run_geo_status)


def _timeout_seconds(text: str) -> float:
    from kla.boundaries import UsageError, download  # only when --timeout is given to `geo install`

    try:
        return download.check_timeout(float(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan angka detik; tulis mis. 20 atau 2.5") from None
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _run_usage(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    parser.print_help()
    return 2


def _print_problems(result: LoadResult, folder: Path) -> None:
    print(f"{len(result.problems)} masalah ditemukan di {folder}:", file=sys.stderr)
    for problem in result.problems:
        print(f"- {problem}", file=sys.stderr)


def _run_sample(args: argparse.Namespace) -> int:
    from kla.sample import write_sample  # imported late: generating is rare, loading is common

    folder = args.out or config.data_dir()
    result = write_sample(folder, seed=args.seed)
    if not result.ok:
        _print_problems(result, folder)
        print("Tidak ada berkas yang diubah.", file=sys.stderr)
        return 1
    data = result.valid_dataset
    print(f"Data contoh (seed {args.seed}) ditulis ke {folder}: "
          f"{len(data.inisiatif)} inisiatif, {len(data.kegiatan)} kegiatan, "
          f"{data.evaluasi_kota['tahun'].nunique()} tahun evaluasi.")
    return 0


def _run_validate(args: argparse.Namespace) -> int:
    import os

    from kla.loading import load_dataset  # never raises for bad data: every fault is a listed problem

    folder = args.dir or config.data_dir()
    if not os.path.isdir(folder):  # os.path: False, not an exception, for a path that cannot be looked at
        print(f"validate {folder}: bukan folder yang ada; berikan folder data yang berisi indikator.csv dan "
              "berkas data lainnya.", file=sys.stderr)
        return 2
    result = load_dataset(folder)
    if not result.ok:
        _print_problems(result, folder)
        return 1
    data = result.valid_dataset
    print(f"OK: {folder} sah. {len(data.indikator)} indikator, {len(data.kelurahan)} kelurahan, "
          f"{len(data.inisiatif)} inisiatif, {len(data.kegiatan)} kegiatan.")
    return 0


def _run_serve(args: argparse.Namespace) -> int:
    """Only the help: ``kla/__main__.py`` hands ``serve`` to ``kla.ui.serve`` before this module is imported.

    The core never imports the UI layer (tests/test_layers.py), so calling ``main(["serve"])``
    directly cannot start the server.
    """
    print("Jalankan dasbor dengan: python -m kla serve [opsi streamlit run]", file=sys.stderr)
    return 2


def _run_datadict(args: argparse.Namespace) -> int:
    from kla.datadict import update_readme

    path = config.PROJECT_ROOT / "data" / "README.md"
    changed = update_readme(path, write=not args.check)
    if args.check and changed:
        print(f"{path} tidak sesuai dengan kla/schema.py: jalankan `python -m kla datadict`.", file=sys.stderr)
        return 1
    print(f"{path}: {'diperbarui' if changed else 'sudah sesuai'}.")
    return 0


def _kb(size: int) -> str:
    from kla.i18n import format_number

    return f"{format_number(size / 1024)} KB"


def _run_geo_install(args: argparse.Namespace) -> int:
    from kla import boundaries, clipaths  # geopandas loads in about a second: only for this command
    from kla.i18n import format_number
    from kla.store import published_dataset

    folder = config.geo_dir()
    try:
        if folder.exists() or folder.is_symlink():  # a new folder is made by the install, parents and all
            clipaths.output_folder(folder, "KLA_GEO_DIR")
    except clipaths.PathProblem as exc:
        print(f"Kesalahan: {exc}", file=sys.stderr)
        return clipaths.EXIT_USAGE
    had_previous = (boundaries.installed_folder(folder) / boundaries.GEOJSON_NAME).exists()
    # Matched to the regions the app shows: the published version (an empty store first imports
    # KLA_DATA_DIR, so a fresh clone matches against data/wilayah.csv).
    published = published_dataset()
    if not published.ok:
        print("Wilayah dari data yang diterbitkan tidak dapat dibaca; batas tidak dipasang.", file=sys.stderr)
        _print_problems(published, config.data_dir())
        return 1
    try:
        report = boundaries.install(args.src, folder, sha256=args.sha256, timeout=args.timeout,
                                    require_all=args.wajib_lengkap, wilayah=published.valid_dataset.wilayah,
                                    attribution=args.atribusi)
    except boundaries.UsageError as exc:  # no such file, a folder, a malformed URL: wrong usage, one line
        print(f"Kesalahan: {exc}", file=sys.stderr)
        return 2
    except (boundaries.BoundaryError, OSError) as exc:
        print(f"Gagal memasang batas kelurahan: {exc}", file=sys.stderr)
        print(f"Batas yang terpasang di {folder} tidak diubah.", file=sys.stderr)
        return 1
    print("\n".join(boundaries.report_lines(report)))
    print(f"Ditulis: {report.geojson_path} ({_kb(report.size_bytes)}, {report.features} kelurahan) "
          f"dan {report.info_path.name}, dalam {format_number(report.seconds, 1)} detik."
          + (f" Versi sebelumnya disimpan di {folder / boundaries.PREVIOUS_DIR}." if had_previous else ""))
    warning = boundaries.missing_line(report)
    if warning:
        print(warning, file=sys.stderr)
    return 0


def _run_geo_status(args: argparse.Namespace) -> int:
    import hashlib

    from kla import boundaries
    from kla.i18n import format_number
    from kla.store import published_dataset

    folder = config.geo_dir()
    try:
        installed = boundaries.read_installed(folder)  # map and metadata of one and the same install
    except boundaries.BoundaryError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if installed is None:
        print(f"Batas kelurahan belum terpasang di {folder}. Pasang dengan: "
              "python -m kla geo install [BERKAS_ATAU_URL]", file=sys.stderr)
        return 1
    gdf, info, path = installed.boundaries, installed.info, installed.path
    content = path.read_bytes()
    if info.get("web_sha256") not in (None, hashlib.sha256(content).hexdigest()):
        print(f"{folder}: keterangan {boundaries.INFO_NAME} tidak cocok dengan {boundaries.GEOJSON_NAME} "
              f"yang terpasang (sisa pemasangan yang terputus); pasang ulang dengan {boundaries.INSTALL_HINT}.",
              file=sys.stderr)
        return 1
    print(f"Batas kelurahan terpasang: {folder / boundaries.GEOJSON_NAME} ({_kb(len(content))}), {len(gdf)} kelurahan, "
          f"{format_number(boundaries.vertex_count(gdf))} titik sudut.")
    print(f"Sumber: {info.get('url') or info.get('source', '(tidak tercatat)')}, sha256 {info.get('sha256', '-')}, "
          f"dipasang {info.get('installed_at', '-')}.")
    if info.get("missing"):
        published = published_dataset()  # names as the app shows them; codes alone if it cannot be read
        names = published.valid_dataset.wilayah.set_index("kode")["nama"] if published.ok else {}
        labels = [f"{kode} {names.get(kode, '')}".strip() for kode in info["missing"]]
        print(f"Tanpa batas ({len(labels)} kelurahan): {', '.join(labels)}.")
    print(f"Atribusi: {info.get('attribution') or '(tidak tercatat; pasang ulang dengan --atribusi)'}")
    return 0
