"""The interface texts for a translator: out to a PO or CSV file, back in with checks (docs/TRANSLATION.md).

The tables stay the source of truth (:data:`kla.i18n.STRINGS`, from ``kla/i18n.py`` and
``kla/strings/*.py``). :func:`to_po` / :func:`to_csv` write every key with its Indonesian text
(the source) and English text (the translation), and the file a translator sends back is read by
:func:`read_file`. :func:`review` says what changed and what is wrong (an unknown key, a
placeholder lost or added, an empty translation), and :func:`apply` writes the changed English
texts into the table modules in place, so the code and its review stay ordinary Python diffs.
"""

from __future__ import annotations

import ast
import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

Table = Mapping[str, Mapping[str, str]]
PLACEHOLDER = re.compile(r"\{(\w*)\}")
ROOT = Path(__file__).resolve().parents[1]


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


# --- PO ----------------------------------------------------------------------------------------------

def _po_quote(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")
    return f'"{body}"'


def to_po(strings: Table, lang: str = "en") -> str:
    """A gettext PO file: ``msgctxt`` the key, ``msgid`` the Indonesian text, ``msgstr`` the ``lang`` text."""
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"',
             f'"Language: {lang}\\n"', '"X-Source-Language: id\\n"', ""]
    for key in sorted(strings):
        entry = strings[key]
        names = sorted(placeholders(entry["id"]))
        if names:  # translators see which blanks must stay
            lines.append(f"#. {', '.join('{' + n + '}' for n in names)}")
        if "{" in entry["id"]:
            lines.append("#, python-brace-format")
        lines += [f"msgctxt {_po_quote(key)}", f"msgid {_po_quote(entry['id'])}",
                  f"msgstr {_po_quote(entry.get(lang, ''))}", ""]
    return "\n".join(lines)


def _po_unquote(text: str) -> str:
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text[1:-1])


def read_po(text: str) -> dict[str, dict[str, str]]:
    """key -> {"id", "en"} from a PO file written by :func:`to_po` (continued lines joined)."""
    entries: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    field = None
    for raw in text.splitlines() + [""]:
        line = raw.strip()
        match = re.match(r'^(msgctxt|msgid|msgstr) (".*")$', line)
        if match:
            field = match.group(1)
            current[field] = _po_unquote(match.group(2))
        elif line.startswith('"') and field:
            current[field] += _po_unquote(line)
        elif not line:
            if "msgctxt" in current:
                entries[current["msgctxt"]] = {"id": current.get("msgid", ""), "en": current.get("msgstr", "")}
            current, field = {}, None
    return entries


# --- CSV ---------------------------------------------------------------------------------------------

CSV_COLUMNS = ("kunci", "id", "en", "isian")


def to_csv(strings: Table) -> str:
    """The same as a spreadsheet: key, Indonesian, English, the blanks to keep. UTF-8 with BOM for Excel."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for key in sorted(strings):
        entry = strings[key]
        writer.writerow([key, entry["id"], entry.get("en", ""),
                         " ".join("{" + n + "}" for n in sorted(placeholders(entry["id"])))])
    return "\ufeff" + out.getvalue()


def read_csv(text: str) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    missing = [c for c in ("kunci", "id", "en") if c not in (rows.fieldnames or [])]
    if missing:
        raise ValueError(f"Berkas terjemahan: kolom {', '.join(missing)} tidak ada "
                         f"(diharapkan: {', '.join(CSV_COLUMNS)}).")
    return {row["kunci"]: {"id": row["id"], "en": row["en"]} for row in rows}


def read_file(path: Path) -> dict[str, dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".po":
        return read_po(text)
    if path.suffix.lower() == ".csv":
        return read_csv(text)
    raise ValueError(f"Berkas terjemahan {path.name}: akhiran '{path.suffix}' tidak dikenal; pakai .po atau .csv.")


# --- checking and applying a translation ---------------------------------------------------------------

@dataclass(frozen=True)
class Review:
    changed: dict[str, str]  # key -> new English text
    problems: list[str]  # Indonesian sentences naming the key, the bad value and what was expected


def review(current: Table, returned: Table) -> Review:
    """What a returned file changes in the English texts, and what in it cannot be used."""
    changed: dict[str, str] = {}
    problems: list[str] = []
    for key, entry in sorted(returned.items()):
        if key not in current:
            problems.append(f"Kunci '{key}' tidak ada di tabel teks (mungkin sudah diganti namanya); baris diabaikan.")
            continue
        new = entry.get("en", "")
        if not new.strip():
            problems.append(f"Kunci '{key}': terjemahan kosong; teks Inggris yang ada tetap dipakai.")
            continue
        expected, got = placeholders(current[key]["id"]), placeholders(new)
        if got != expected:
            problems.append(f"Kunci '{key}': isian {sorted(got)} di terjemahan \"{new}\" tidak sama dengan isian "
                            f"teks Indonesia {sorted(expected)}.")
            continue
        if new != current[key].get("en"):
            changed[key] = new
    return Review(changed, problems)


def table_files(root: Path = ROOT) -> list[Path]:
    return [root / "kla" / "i18n.py", *sorted((root / "kla" / "strings").glob("*.py"))]


def _en_nodes(source: str) -> dict[str, ast.expr]:
    """key -> the AST node of its "en" value, for every ``"key": {"id": ..., "en": ...}`` in a module."""
    nodes: dict[str, ast.expr] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if (isinstance(key, ast.Constant) and isinstance(key.value, str) and isinstance(value, ast.Dict)):
                    inner = {k.value: v for k, v in zip(value.keys, value.values, strict=True)
                             if isinstance(k, ast.Constant)}
                    if "id" in inner and "en" in inner:
                        nodes[key.value] = inner["en"]
    return nodes


def _literal(text: str, column: int, width: int = 116) -> str:
    """``text`` as a Python literal starting at ``column``, split over lines at spaces to stay within ``width``."""
    pieces, line = [], ""
    for word in re.split(r"(?<= )", text):
        if line and len(repr(line + word)) + column > width:
            pieces.append(line)
            line = ""
        line += word
    pieces.append(line)
    return ("\n" + " " * column).join(_quote(p) for p in pieces)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def apply(changed: Mapping[str, str], files: Iterable[Path]) -> dict[str, Path]:
    """Write each changed English text into the module that defines its key; returns key -> file changed."""
    written: dict[str, Path] = {}
    for path in files:
        source = path.read_text(encoding="utf-8")
        nodes = {k: n for k, n in _en_nodes(source).items() if k in changed}
        if not nodes:
            continue
        lines = source.splitlines(keepends=True)
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line.encode("utf-8")))
        data = source.encode("utf-8")
        # from the end, so earlier positions stay valid
        for key, node in sorted(nodes.items(), key=lambda kv: (kv[1].lineno, kv[1].col_offset), reverse=True):
            start = offsets[node.lineno - 1] + node.col_offset
            end = offsets[node.end_lineno - 1] + node.end_col_offset  # type: ignore[operator]
            column = len(data[offsets[node.lineno - 1]:start].decode("utf-8"))
            data = data[:start] + _literal(changed[key], column).encode("utf-8") + data[end:]
            written[key] = path
        path.write_text(data.decode("utf-8"), encoding="utf-8")
    return written


# --- command line: python -m kla strings export|import -------------------------------------------------

def add_commands(commands) -> None:  # argparse's subparsers
    strings = commands.add_parser("strings", help="teks antarmuka untuk penerjemah: ekspor ke PO/CSV, impor kembali")
    sub = strings.add_subparsers(title="perintah strings")
    export = sub.add_parser("export", help="tulis semua teks (Indonesia dan Inggris) ke BERKAS.po atau BERKAS.csv")
    export.add_argument("--out", type=Path, required=True, metavar="BERKAS.po|BERKAS.csv")
    export.set_defaults(run=_run_export)
    back = sub.add_parser("import", help="baca berkas dari penerjemah: tampilkan perubahan dan masalah; "
                          "--apply menulis teks Inggris yang berubah ke kla/i18n.py dan kla/strings/")
    back.add_argument("file", type=Path, metavar="BERKAS.po|BERKAS.csv")
    back.add_argument("--apply", action="store_true", help="tulis perubahan ke modul tabel teks")
    back.set_defaults(run=_run_import)


def _run_export(args) -> int:
    from kla.i18n import STRINGS

    if args.out.suffix.lower() not in (".po", ".csv"):
        print(f"Berkas {args.out}: akhiran '{args.out.suffix}' tidak dikenal; pakai .po atau .csv.")
        return 2
    text = to_po(STRINGS) if args.out.suffix.lower() == ".po" else to_csv(STRINGS)
    args.out.write_text(text, encoding="utf-8")
    print(f"{len(STRINGS)} teks ditulis ke {args.out}.")
    return 0


def _run_import(args) -> int:
    from kla.i18n import STRINGS

    try:
        found = review(STRINGS, read_file(args.file))
    except (OSError, ValueError) as exc:
        print(f"Berkas {args.file} tidak dapat dibaca: {exc}")
        return 1
    for problem in found.problems:
        print(f"MASALAH: {problem}")
    for key, text in found.changed.items():
        print(f"berubah: {key}: \"{STRINGS[key]['en']}\" -> \"{text}\"")
    if args.apply and found.changed:
        written = apply(found.changed, table_files())
        print(f"{len(written)} teks Inggris ditulis ke {len(set(written.values()))} modul.")
    elif found.changed:
        print(f"{len(found.changed)} teks berubah; jalankan lagi dengan --apply untuk menulisnya.")
    else:
        print("Tidak ada teks Inggris yang berubah.")
    return 1 if found.problems else 0
