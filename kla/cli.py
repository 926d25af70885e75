"""Command line: ``python -m kla sample|validate|datadict``.

Messages are Indonesian because the people running these commands are DP3AKB staff.
Exit codes: 0 success, 1 the data has problems, 2 wrong usage (argparse).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kla import config
from kla.loading import LoadResult, load_dataset


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
    validate.add_argument("dir", nargs="?", type=Path, default=None, help="folder data (bawaan: KLA_DATA_DIR atau data/)")
    validate.set_defaults(run=_run_validate)

    serve = commands.add_parser("serve", help="jalankan dasbor; opsi lain diteruskan ke streamlit run "
                                "(mis. --server.port 8502)")
    serve.set_defaults(run=_run_serve)

    datadict = commands.add_parser("datadict", help="tulis ulang kamus data di data/README.md dari skema")
    datadict.add_argument("--check", action="store_true", help="hanya periksa apakah data/README.md sudah sesuai")
    datadict.set_defaults(run=_run_datadict)
    return parser


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
    data = result.dataset
    print(f"Data contoh (seed {args.seed}) ditulis ke {folder}: "
          f"{len(data.inisiatif)} inisiatif, {len(data.kegiatan)} kegiatan, "
          f"{data.evaluasi_kota['tahun'].nunique()} tahun evaluasi.")
    return 0


def _run_validate(args: argparse.Namespace) -> int:
    folder = args.dir or config.data_dir()
    result = load_dataset(folder)
    if not result.ok:
        _print_problems(result, folder)
        return 1
    data = result.dataset
    print(f"OK: {folder} sah. {len(data.indikator)} indikator, {len(data.kelurahan)} kelurahan, "
          f"{len(data.inisiatif)} inisiatif, {len(data.kegiatan)} kegiatan.")
    return 0


def _run_serve(args: argparse.Namespace) -> int:
    """Start Streamlit in this process after turning off its legacy ``pages/`` discovery.

    Streamlit 1.67 decides on the first session whether the app is a v1 multipage app by
    checking whether a ``pages/`` folder exists; only after ``st.navigation`` has run once does it
    switch that off. Until then the first visitor sees the folder's file names in the sidebar and
    a direct link such as ``/tren`` runs ``pages/tren.py`` without ``dashboard.py``. Setting the
    flag before the server starts avoids both, for every visitor.
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli as streamlit_cli

    PagesManager.uses_pages_directory = False
    script = str(config.PROJECT_ROOT / "dashboard.py")
    return streamlit_cli.main(["run", script, *args.streamlit_args], standalone_mode=False) or 0


def _run_datadict(args: argparse.Namespace) -> int:
    from kla.datadict import update_readme

    path = config.PROJECT_ROOT / "data" / "README.md"
    changed = update_readme(path, write=not args.check)
    if args.check and changed:
        print(f"{path} tidak sesuai dengan kla/schema.py: jalankan `python -m kla datadict`.", file=sys.stderr)
        return 1
    print(f"{path}: {'diperbarui' if changed else 'sudah sesuai'}.")
    return 0
