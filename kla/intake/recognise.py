"""Which data file a grid holds, where its header row is, and which column is which.

A grid is recognised by its name (the file or sheet is called after a data file:
"skor_kelurahan.csv", "Skor Kelurahan (2).xlsx", a sheet "skor_kelurahan") or, failing that,
by its columns (the one data file whose required columns are all there). Header cells are
compared loosely ("Kode Kelurahan", "KODE_KELURAHAN", "Poin (0-1000)" all name their column), and
a few everyday names stand for canonical ones ("Kelurahan" holds names for ``kode_kelurahan``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kla.schema import FILES, FileSpec

KELURAHAN_NAMES = "kelurahan (nama)"  # the role of a column of kelurahan names standing for kode_kelurahan
HEADER_SEARCH_ROWS = 30

SYNONYMS: dict[str, str] = {
    "kelurahan": KELURAHAN_NAMES, "nama_kelurahan": KELURAHAN_NAMES, "nama_kel": KELURAHAN_NAMES,
    "kel": KELURAHAN_NAMES, "desa_kelurahan": KELURAHAN_NAMES, "kelurahan_desa": KELURAHAN_NAMES,
    "kode_kel": "kode_kelurahan", "kd_kelurahan": "kode_kelurahan", "kode_kelurahan_kemendagri": "kode_kelurahan",
    "nilai": "poin", "poin_blok": "poin", "skor": "poin",
    "klaster": "blok", "kluster": "blok",
    "tgl": "tanggal", "tanggal_kegiatan": "tanggal", "tgl_mulai": "tanggal_mulai", "tgl_selesai": "tanggal_selesai",
    "lintang": "lat", "latitude": "lat", "bujur": "lon", "longitude": "lon", "lng": "lon",
    "target": "target_poin", "tahun_penilaian": "tahun", "tahun_evaluasi": "tahun",
}
KNOWN_HEADERS = frozenset({c.name for spec in FILES.values() for c in spec.columns} | set(SYNONYMS))


def header_key(cell: Any) -> str:
    """ "Kode Kelurahan" / "KODE_KELURAHAN" / "Poin (0-1000)" / "Tgl." -> kode_kelurahan / poin / tgl."""
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", str(cell if cell is not None else "").casefold())
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


def header_score(cells: Sequence[Any]) -> int:
    """How many distinct cells of a row are known column names: the header row scores highest."""
    return len({key for key in map(header_key, cells) if key in KNOWN_HEADERS})


def find_header(rows: Sequence[tuple[int, list[Any]]]) -> int | None:
    """Position in ``rows`` of the header row: the best-scoring of the first non-empty rows.

    A row needs two known names to win, so a title like "Rekap Penilaian KLA 2025" never does;
    without such a row the first non-empty row is taken, and recognition reports its columns.
    """
    best, best_score = None, 1
    first = None
    seen = 0
    for position, (_, cells) in enumerate(rows):
        if not any(_filled(c) for c in cells):
            continue
        first = position if first is None else first
        score = header_score(cells)
        if score > best_score:
            best, best_score = position, score
        seen += 1
        if seen >= HEADER_SEARCH_ROWS:
            break
    return best if best is not None else first


def _filled(cell: Any) -> bool:
    return cell is not None and str(cell).strip() != ""


def canonical_name(cell: Any, spec: FileSpec) -> str | None:
    """The spec's column (or the kelurahan-names role) a header cell stands for, else None."""
    key = header_key(cell)
    names = {c.name for c in spec.columns}
    if key in names:
        return key
    target = SYNONYMS.get(key)
    if target == KELURAHAN_NAMES:
        return target if "kode_kelurahan" in names else None
    return target if target in names else None


def present_columns(header: Sequence[Any], spec: FileSpec) -> set[str]:
    found = {canonical_name(cell, spec) for cell in header} - {None}
    if KELURAHAN_NAMES in found:
        found = (found - {KELURAHAN_NAMES}) | {"kode_kelurahan"}
    return found  # type: ignore[return-value]


def missing_required(header: Sequence[Any], spec: FileSpec) -> list[str]:
    present = present_columns(header, spec)
    return [c.name for c in spec.columns if c.required and c.name not in present]


def name_key(text: str) -> str:
    """ "Skor Kelurahan (2).csv" -> skor_kelurahan_2 (extension, spaces and case do not count)."""
    stem = re.sub(r"\.(csv|tsv|txt|xlsx|xlsm)$", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"[^0-9a-z]+", "_", stem.casefold()).strip("_")


def spec_by_name(text: str) -> FileSpec | None:
    """The one data file whose name appears as whole words in ``text``, else None."""
    key = f"_{name_key(text)}_"
    found = [spec for name, spec in FILES.items() if f"_{name}_" in key]
    # "kegiatan_skor_kelurahan" names two files: the columns must decide.
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class Recognised:
    spec: FileSpec | None
    how: str  # Indonesian: "dari namanya" / "dari kolomnya", or why nothing was recognised


def identify(names: Sequence[str], header: Sequence[Any]) -> Recognised:
    """The data file a grid holds, from its names (sheet first, then file) or its header row."""
    by_columns = [spec for spec in FILES.values() if not missing_required(header, spec)]
    for name in names:
        spec = spec_by_name(name)
        if spec is None:
            continue
        if spec in by_columns or len(by_columns) != 1:
            return Recognised(spec, f"dikenali sebagai {spec.name} dari namanya")
    if len(by_columns) > 1:
        # Most matched columns wins: a header with tahun, kode_kelurahan, blok, poin fits
        # skor_kelurahan better than a file that needs only some of them.
        matched = {spec.name: len(present_columns(header, spec)) for spec in by_columns}
        top = max(matched.values())
        tied = [spec for spec in by_columns if matched[spec.name] == top]
        if len(tied) > 1:
            return Recognised(None, "kolomnya cocok dengan lebih dari satu berkas data "
                                    f"({', '.join(s.name for s in tied)}); "
                                    "beri nama berkas atau lembar sesuai berkas data")
        by_columns = tied
    if by_columns:
        return Recognised(by_columns[0], f"dikenali sebagai {by_columns[0].name} dari kolomnya")
    return Recognised(None, _unrecognised(header))


def _unrecognised(header: Sequence[Any]) -> str:
    shown = ", ".join(str(c).strip() for c in header if _filled(c)) or "(tidak ada)"
    nearest = max(FILES.values(), key=lambda s: len(present_columns(header, s)) / len(s.columns))
    hint = ""
    if present_columns(header, nearest):
        hint = f"; paling mirip {nearest.name}, tetapi kolom {', '.join(missing_required(header, nearest))} tidak ada"
    return (f"kolomnya ({shown}) tidak cocok dengan berkas data mana pun{hint}; "
            f"pakai judul kolom dari templat atau beri nama berkas sesuai berkas data ({', '.join(FILES)})")
