"""``python -m kla data|staff|audit|db``: the data store (:mod:`kla.store`) for the server admin.

Registered by :func:`kla.cli._add_store`. Parsers only here at import; the store (SQLAlchemy,
pandas) loads when a command runs. Who acts: ``--as EMAIL``, else ``cli:$USER``. Exit codes:
0 done, 1 the data has problems or the published version changed meanwhile, 2 wrong usage
(unknown version, bad role or e-mail, missing folder).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import getpass
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kla.store import Store, VersionRecord
    from kla.store.diff import VersionDiff

ROLES = ("editor", "publisher", "admin")  # kla.store.ROLES, without importing the store to build the parser
SHOWN_ROWS = 20  # rows listed per file by `data diff`
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # as kla.export: what a spreadsheet would run as a formula


def add_parsers(commands: argparse._SubParsersAction, iso_date: Callable[[str], dt.date]) -> None:
    _add_data(commands)
    _add_staff(commands)
    audit = commands.add_parser("audit", help="log audit: siapa mengubah apa, kapan (terbaru dulu)")
    audit.add_argument("--since", type=iso_date, default=None, metavar="YYYY-MM-DD",
                       help="hanya sejak tanggal ini (waktu setempat server)")
    audit.add_argument("--actor", default=None, metavar="EMAIL", help="hanya pelaku ini")
    audit.add_argument("--action", default=None, metavar="AKSI", help="hanya aksi ini (mis. publish)")
    audit.add_argument("--csv", action="store_true", help="tulis CSV (UTF-8) ke keluaran standar")
    audit.set_defaults(run=_guarded(_run_audit))
    db = commands.add_parser("db", help="basis data penyimpanan versi (KLA_DB_URL atau SQLite di KLA_STATE_DIR)")
    db.set_defaults(run=functools.partial(_usage, db))
    upgrade = db.add_subparsers(title="perintah db").add_parser("upgrade",
                                                                help="jalankan migrasi sampai revisi terbaru")
    upgrade.set_defaults(run=_guarded(_run_db_upgrade))


def _add_actor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="actor", default=None, metavar="EMAIL",
                        help="atas nama siapa (dicatat di audit; bawaan cli:$USER)")


def _add_data(commands: argparse._SubParsersAction) -> None:
    data = commands.add_parser("data", help="versi data: impor, daftar, beda, terbitkan, kembalikan, ekspor")
    data.set_defaults(run=functools.partial(_usage, data))
    sub = data.add_subparsers(title="perintah data")
    imp = sub.add_parser("import", help="periksa folder data dan simpan sebagai draf (atau terbitkan dengan --publish)")
    imp.add_argument("dir", type=Path, metavar="DIR", help="folder berisi semua berkas data (CSV atau XLSX)")
    imp.add_argument("--note", required=True, help="catatan versi (wajib)")
    imp.add_argument("--publish", action="store_true", help="langsung terbitkan bila sah")
    _add_actor(imp)
    imp.set_defaults(run=_guarded(_run_import))
    sub.add_parser("versions", help="daftar semua versi, terbaru dulu").set_defaults(run=_guarded(_run_versions))
    diff = sub.add_parser("diff", help="perbedaan versi A dan B: baris, skor kota dan kelurahan, grafik")
    diff.add_argument("a", type=int, metavar="A")
    diff.add_argument("b", type=int, metavar="B")
    diff.set_defaults(run=_guarded(_run_diff))
    for name, help_text in (("publish", "terbitkan versi N"), ("rollback", "kembalikan ke versi N yang lebih dulu")):
        command = sub.add_parser(name, help=help_text)
        command.add_argument("n", type=int, metavar="N")
        command.add_argument("--note", required=True, help="alasan (wajib, tercatat di audit)")
        command.add_argument("--expect", type=int, default=None, metavar="M",
                             help="hanya bila versi M masih yang diterbitkan (mis. versi yang dibandingkan dengan "
                                  "data diff); bawaan: versi yang diterbitkan saat ini")
        _add_actor(command)
        command.set_defaults(run=_guarded(functools.partial(_run_move, name)))
    export = sub.add_parser("export", help="tulis berkas versi N ke folder DIR")
    export.add_argument("n", type=int, metavar="N")
    export.add_argument("dir", type=Path, metavar="DIR")
    export.set_defaults(run=_guarded(_run_export))


def _add_staff(commands: argparse._SubParsersAction) -> None:
    staff = commands.add_parser("staff", help="staf dan perannya: tambah, daftar, hapus")
    staff.set_defaults(run=functools.partial(_usage, staff))
    sub = staff.add_subparsers(title="perintah staff")
    add = sub.add_parser("add", help="tambah staf, atau ubah peran staf yang sudah ada")
    add.add_argument("email", metavar="EMAIL")
    add.add_argument("--role", required=True, choices=ROLES,
                     help="editor: unggah dan simpan draf; publisher: juga terbitkan dan kembalikan; "
                          "admin: juga kelola staf")
    add.add_argument("--kelurahan", default="", metavar="KODE,KODE",
                     help="batasi editor pada kelurahan ini (kode Kemendagri; bawaan: semua)")
    _add_actor(add)
    add.set_defaults(run=_guarded(_run_staff_add))
    sub.add_parser("list", help="daftar staf").set_defaults(run=_guarded(_run_staff_list))
    remove = sub.add_parser("remove", help="hapus staf")
    remove.add_argument("email", metavar="EMAIL")
    _add_actor(remove)
    remove.set_defaults(run=_guarded(_run_staff_remove))


def _usage(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    parser.print_help()
    return 2


def _guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Store errors become one Indonesian line (problem lists for bad data) and an exit code."""

    @functools.wraps(run)
    def guarded(args: argparse.Namespace) -> int:
        from sqlalchemy.exc import OperationalError

        from kla import config
        from kla.store import InvalidData, PublishConflict, StoreError
        from kla.store.engine import safe_url

        try:
            return run(args)
        except InvalidData as exc:
            _print_problems(exc.problems, getattr(args, "dir", None))
            return 1
        except PublishConflict as exc:
            print(f"Tidak diterbitkan: {exc}", file=sys.stderr)
            return 1
        except StoreError as exc:
            print(f"Kesalahan: {exc}", file=sys.stderr)
            return 2
        except OperationalError as exc:
            reason = str(exc.orig or exc).strip().splitlines()[0]
            print(f"Basis data {safe_url(config.db_url())} tidak dapat dibuka: {reason}", file=sys.stderr)
            return 1

    return guarded


def _print_problems(problems: list, where: Path | None) -> None:
    place = f" di {where}" if where else ""
    print(f"{len(problems)} masalah ditemukan{place}; tidak ada yang disimpan:", file=sys.stderr)
    for problem in problems:
        print(f"- {problem}", file=sys.stderr)


def _actor(args: argparse.Namespace) -> str:
    return args.actor or f"cli:{os.environ.get('USER') or getpass.getuser()}"


def _open() -> Store:
    from kla.store import Store

    return Store.open()


def _kb(size: int) -> str:
    from kla.i18n import format_number

    return f"{format_number(size / 1024, 1)} KB"


def _local(moment: dt.datetime | None) -> str:
    from kla.i18n import BALIKPAPAN_TZ  # Balikpapan's clock, whatever the server's time zone

    return "-" if moment is None else moment.astimezone(BALIKPAPAN_TZ).strftime("%Y-%m-%d %H:%M")


# --- data -------------------------------------------------------------------------------------------


def _run_import(args: argparse.Namespace) -> int:
    from kla.store import InvalidData
    from kla.store.versions import folder_files

    if not args.dir.is_dir():
        what = "bukan folder (berkas); diharapkan folder berisi berkas data" if args.dir.exists() else "tidak ada"
        print(f"Kesalahan: folder {args.dir} {what}.", file=sys.stderr)
        return 2
    store, actor = _open(), _actor(args)
    base = store.published_id()
    try:
        record = store.create_version(folder_files(args.dir), actor, args.note, base,
                                      detail={"folder": str(args.dir.resolve())})
    except InvalidData as exc:
        store.record(actor, "upload_rejected", f"impor {args.dir.resolve()}: {len(exc.problems)} masalah",
                     detail={"folder": str(args.dir.resolve()), "masalah": [str(p) for p in exc.problems[:100]]})
        raise
    rows = sum(record.summary.get("rows", {}).values())
    print(f"Versi {record.id} disimpan sebagai draf: {len(record.summary.get('files', {}))} berkas, "
          f"{_kb(record.size_bytes)}, {rows} baris{', DATA CONTOH' if record.is_sample else ''}.")
    if not args.publish:
        print(f"Terbitkan dengan: python -m kla data publish {record.id} --note \"...\"")
        return 0
    store.publish(record.id, actor, args.note, expected=base)
    print(f"Versi {record.id} diterbitkan" + (f" (menggantikan versi {base})." if base else "."))
    return 0


def _run_versions(args: argparse.Namespace) -> int:
    records = _open().versions()
    if not records:
        print("Belum ada versi. Impor dengan: python -m kla data import DIR --note \"...\" --publish")
        return 0
    print(f"{'versi':>5}  {'dibuat':<16}  {'status':<13}  {'ukuran':>10}  {'contoh':<6}  {'penulis':<28}  catatan")
    for r in records:
        print(f"{r.id:>5}  {_local(r.created_at):<16}  {_status(r):<13}  {_kb(r.size_bytes):>10}  "
              f"{'ya' if r.is_sample else 'tidak':<6}  {r.author:<28}  {r.note}")
    return 0


def _status(record: VersionRecord) -> str:
    if record.is_current:
        return "DITERBITKAN"
    return "pernah terbit" if record.last_published_at else "draf"


def _run_move(action: str, args: argparse.Namespace) -> int:
    store = _open()
    expected = args.expect if args.expect is not None else store.published_id()
    publication = (store.publish if action == "publish" else store.rollback)(args.n, _actor(args), args.note, expected)
    verb = "diterbitkan" if action == "publish" else "diterbitkan kembali (rollback)"
    print(f"Versi {publication.version_id} {verb}" + (f", menggantikan versi {expected}" if expected else "")
          + f". Publikasi ke-{publication.serial}.")
    return 0


def _run_export(args: argparse.Namespace) -> int:
    from kla import clipaths

    try:
        clipaths.output_folder(args.dir, "DIR")
    except clipaths.PathProblem as exc:
        print(f"Kesalahan: {exc}", file=sys.stderr)
        return clipaths.EXIT_USAGE
    try:
        paths = _open().export(args.n, args.dir)
    except OSError as exc:  # the folder changed since the check: removed, full, made read-only
        print(f"Kesalahan: {clipaths.write_problem(exc, 'DIR', args.dir)}", file=sys.stderr)
        return clipaths.EXIT_USAGE
    print(f"Versi {args.n}: {len(paths)} berkas ditulis ke {args.dir} ({_kb(sum(p.stat().st_size for p in paths))}).")
    return 0


def _run_diff(args: argparse.Namespace) -> int:
    from kla.store.diff import diff_datasets

    store = _open()
    loaded = {n: store.load_version(n) for n in (args.a, args.b)}
    for n, result in loaded.items():
        if not result.ok:
            _print_problems(result.problems, Path(f"versi {n}"))
            return 1
    diff = diff_datasets(loaded[args.a].valid_dataset, loaded[args.b].valid_dataset)
    print("\n".join(diff_lines(diff, args.a, args.b)))
    return 0


def diff_lines(diff: VersionDiff, a: int, b: int) -> list[str]:
    """What ``data diff`` prints: per file, then the scores, the charts and the kelurahan touched."""
    from kla.i18n import format_number, format_signed

    if diff.is_empty:
        return [f"Versi {a} dan versi {b}: isi data sama."]
    lines = [f"Dari versi {a} ke versi {b}:"]
    for name in diff.changed_files:
        fd = diff.files[name]
        lines.append(f"{name}.csv: {len(fd.added)} baris ditambah, {len(fd.removed)} dihapus, "
                     f"{fd.changed_rows} berubah")
        key = list(fd.key)
        shown = [f"  + {_key(row, key)}" for _, row in fd.added.iterrows()]
        shown += [f"  - {_key(row, key)}" for _, row in fd.removed.iterrows()]
        shown += [f"  ~ {_key(row, key)}: {row['kolom']} '{row['sebelum']}' -> '{row['sesudah']}'"
                  for _, row in fd.changed.iterrows()]
        lines += shown[:SHOWN_ROWS] + ([f"  ... dan {len(shown) - SHOWN_ROWS} lainnya"]
                                       if len(shown) > SHOWN_ROWS else [])
    moved = diff.city_scores[diff.city_scores["selisih"].fillna(1) != 0]
    if not moved.empty:
        lines.append("Skor kota:")
        lines += [f"  {int(r.tahun)}: {format_number(r.sebelum, 2)} -> {format_number(r.sesudah, 2)} "
                  f"({format_signed(r.selisih, 2)})" for r in moved.itertuples()]
    if not diff.kelurahan_moves.empty:
        lines.append("Skor kelurahan yang berubah:")
        lines += [f"  {r.kode} {r.nama} {int(r.tahun)}: {format_number(r.sebelum, 2)} -> {format_number(r.sesudah, 2)} "
                  f"({format_signed(r.selisih, 2)})" for r in diff.kelurahan_moves.itertuples()]
    lines.append(f"Grafik yang berubah: {', '.join(diff.charts) or '-'}")
    touched = sorted(diff.touched_kelurahan) + (["tingkat kota"] if diff.city_level else [])
    lines.append(f"Wilayah yang tersentuh: {', '.join(touched) or '-'}")
    return lines


def _key(row, key: list[str]) -> str:
    from kla.store.diff import cell_text

    return " / ".join(cell_text(row[k]) or "(kosong)" for k in key)


# --- staff and audit ------------------------------------------------------------------------------------


def _run_staff_add(args: argparse.Namespace) -> int:
    codes = [c for c in args.kelurahan.split(",") if c.strip()]
    store = _open()
    existed = store.staff_member(args.email) is not None
    member = store.add_staff(args.email, args.role, _actor(args), codes)
    scope = f"kelurahan {', '.join(member.kelurahan)}" if member.kelurahan else "semua kelurahan"
    print(f"{member.email}: {member.role}, {scope} ({'diubah' if existed else 'ditambahkan'}).")
    return 0


def _run_staff_list(args: argparse.Namespace) -> int:
    members = _open().staff_list()
    if not members:
        print("Belum ada staf. Tambah dengan: python -m kla staff add EMAIL --role admin")
        return 0
    print(f"{'email':<36}  {'peran':<10}  {'kelurahan':<30}  {'sejak':<16}  oleh")
    for m in members:
        print(f"{m.email:<36}  {m.role:<10}  {', '.join(m.kelurahan) or 'semua':<30}  {_local(m.added_at):<16}  "
              f"{m.added_by}")
    return 0


def _run_staff_remove(args: argparse.Namespace) -> int:
    _open().remove_staff(args.email, _actor(args))
    print(f"{args.email.strip().lower()} bukan staf lagi.")
    return 0


AUDIT_COLUMNS = ("waktu_utc", "pelaku", "aksi", "dari_versi", "ke_versi", "catatan", "rincian")


def _run_audit(args: argparse.Namespace) -> int:
    import csv
    import json

    entries = _open().audit_log(since=args.since, actor=args.actor, action=args.action)
    if args.csv:
        if isinstance(sys.stdout, io.TextIOWrapper):  # a console or pipe; a stdout replaced by a caller stays as is
            sys.stdout.reconfigure(encoding="utf-8", newline="")
        writer = csv.writer(sys.stdout)
        writer.writerow(AUDIT_COLUMNS)
        for e in entries:
            writer.writerow([_cell(v) for v in (e.at.isoformat(timespec="seconds"), e.actor, e.action, e.from_version,
                                                e.to_version, e.note, json.dumps(e.detail, ensure_ascii=False)
                                                if e.detail else "")])
        return 0
    if not entries:
        print("Log audit kosong" + (f" sejak {args.since}." if args.since else "."))
        return 0
    for e in entries:
        versions = "" if e.to_version is None else f" versi {e.from_version or '-'} -> {e.to_version}"
        print(f"{_local(e.at)}  {e.actor:<28}  {e.action:<15}{versions}" + (f"  {e.note}" if e.note else ""))
    return 0


def _cell(value: object) -> object:
    """Text a spreadsheet would read as a formula gets a leading apostrophe (notes are typed by staff)."""
    if value is None:
        return ""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _run_db_upgrade(args: argparse.Namespace) -> int:
    from kla import config
    from kla.store.engine import current_revision, engine_for, safe_url, upgrade

    engine = engine_for(config.db_url())
    before = current_revision(engine)
    head = upgrade(engine)
    state = "sudah pada revisi terbaru" if before == head else f"dimigrasi dari {before or 'kosong'} ke"
    print(f"Basis data {safe_url(config.db_url())}: {state} {head}.")
    return 0
