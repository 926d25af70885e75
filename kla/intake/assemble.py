"""One recognised grid -> a piece of a canonical table, with its notes, problems and proposals.

Rows above the header (titles, blank rows), blank rows and columns, unknown columns and a
closing "Jumlah" row are left out and said so; every kept cell is normalised
(:mod:`kla.intake.normalise`) and kelurahan names become codes (:mod:`kla.intake.places`).
Each row keeps its number in the user's file, so later problems can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kla.intake.model import PlaceProposal
from kla.intake.normalise import Tally, cell_text, normalise_column
from kla.intake.places import Placed, PlaceMatcher
from kla.intake.read import Grid
from kla.intake.recognise import KELURAHAN_NAMES, canonical_name, missing_required
from kla.schema import FileSpec, Problem

KODE = "kode_kelurahan"
EXACT = ("kode", "nama", "alias")
_TOTAL_ROW = re.compile(r"(jumlah|total|rata-rata|rerata|grand total)\b.*", re.IGNORECASE)


@dataclass
class Piece:
    """The part of one data file's table that one grid holds."""

    name: str
    label: str
    table: pd.DataFrame  # canonical text; only the spec's columns the grid has, in spec order
    originals: pd.DataFrame  # the user's cells as text, same shape
    rows: list[int]  # each table row's number in the user's file
    headers: dict[str, str]  # canonical column -> the user's header
    proposals: list[tuple[int, PlaceProposal]] = field(default_factory=list)  # (table row, proposal)
    reported: set[tuple[int, str]] = field(default_factory=set)  # cells whose problem is already told


@dataclass
class Built:
    piece: Piece | None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def build_piece(grid: Grid, spec: FileSpec, header_pos: int, matcher: PlaceMatcher) -> Built:
    header_number, header = grid.rows[header_pos]
    label = grid.label
    notes: list[str] = list(grid.notes)
    problems: list[Problem] = []
    if header_number > 1:
        notes.append(f"{header_number - 1} baris judul di atas tabel dilewati; judul kolom di baris {header_number}")
    body = [(n, cells) for n, cells in grid.rows[header_pos + 1:] if any(cell_text(c) for c in cells)]
    blank = len(grid.rows) - header_pos - 1 - len(body)
    while body and _TOTAL_ROW.fullmatch(_first_text(body[-1][1])):
        notes.append(f"baris {body[-1][0]} ('{_first_text(body[-1][1])}') dilewati: baris jumlah, bukan data")
        body.pop()
    if blank:
        notes.append(f"{blank} baris kosong dilewati")
    if not body:
        problems.append(Problem(label, header_number, None, None,
                                "hanya ada baris judul kolom; tidak ada baris data di bawahnya"))
    missing = missing_required(header, spec)
    shown = ", ".join(cell_text(c) for c in header if cell_text(c)) or "(tidak ada)"
    problems += [Problem(label, header_number, name, None, f"kolom wajib '{name}' tidak ada (kolom yang ada: {shown})")
                 for name in missing]
    positions, column_notes, column_problems = _map_columns(header, body, spec, label, header_number)
    notes += column_notes
    problems += column_problems
    untitled_notes, untitled_problems = _untitled(grid, header, body)
    notes += untitled_notes
    problems += untitled_problems
    if problems:
        return Built(None, problems, notes)
    piece, piece_notes, piece_problems = _fill(grid, spec, positions, header, body, matcher)
    return Built(piece, piece_problems, notes + piece_notes)


def _first_text(cells: list[Any]) -> str:
    return next((cell_text(c) for c in cells if cell_text(c)), "")


def _map_columns(
    header: list[Any], body: list[tuple[int, list[Any]]], spec: FileSpec, label: str, header_number: int
) -> tuple[dict[str, int], list[str], list[Problem]]:
    """Canonical column (or the kelurahan-names role) -> position in the row."""
    positions: dict[str, int] = {}
    renamed, ignored, empty = [], [], 0
    problems = []
    for position, cell in enumerate(header):
        text = cell_text(cell)
        canonical = canonical_name(cell, spec) if text else None
        if canonical is None:
            has_data = any(position < len(cells) and cell_text(cells[position]) for _, cells in body)
            if text:
                ignored.append(f"'{text}'")
            elif not has_data:
                empty += 1
            continue
        if canonical in positions:
            first = cell_text(header[positions[canonical]])
            problems.append(Problem(label, header_number, text, None,
                                    f"satu kolom saja untuk {canonical}; "
                                    f"kolom '{first}' dan '{text}' sama-sama berarti {canonical}"))
            continue
        positions[canonical] = position
        if text != canonical:
            renamed.append(f"'{text}' = {canonical if canonical != KELURAHAN_NAMES else 'nama kelurahan'}")
    notes = []
    if renamed:
        notes.append("judul kolom dibaca: " + ", ".join(renamed))
    if ignored:
        notes.append(f"kolom {', '.join(ignored)} tidak dipakai (bukan kolom {spec.name})")
    if empty:
        notes.append(f"{empty} kolom kosong dilewati")
    return positions, notes, problems


SPLIT_NUMBER = ("kolom berjudul saja; isian di luar kolom berjudul biasanya berarti angka berkoma desimal (mis. 38,5) "
                "di berkas berpemisah koma: pakai titik koma sebagai pemisah, titik desimal, atau tanda kutip")


def _untitled(grid: Grid, header: list[Any], body: list[tuple[int, list[Any]]]) -> tuple[list[str], list[Problem]]:
    """Filled cells under no header. In a CSV that is a split number ("38,5" in a comma file) and
    the row cannot be trusted; in a workbook it is a side note or sum, left out and said so."""
    def untitled(position: int) -> bool:
        return position >= len(header) or not cell_text(header[position])

    problems, letters = [], set()
    for number, cells in body:
        extra = [(p, cell_text(c)) for p, c in enumerate(cells) if untitled(p) and cell_text(c)]
        if not extra:
            continue
        letters |= {p for p, _ in extra}
        if grid.sheet is None:
            problems.append(Problem(grid.label, number, column_letter(extra[0][0]), " ".join(t for _, t in extra),
                                    SPLIT_NUMBER))
    notes = [] if problems or not letters else [
        f"kolom {', '.join(column_letter(p) for p in sorted(letters))} tanpa judul tidak dipakai"]
    return notes, problems


def _fill(
    grid: Grid, spec: FileSpec, positions: dict[str, int], header: list[Any],
    body: list[tuple[int, list[Any]]], matcher: PlaceMatcher,
) -> tuple[Piece, list[str], list[Problem]]:
    def cells_at(position: int) -> list[Any]:
        return [cells[position] if position < len(cells) else None for _, cells in body]

    tally = Tally()
    table, originals, headers = {}, {}, {}
    for column in spec.columns:
        if column.name == KODE and (KODE in positions or KELURAHAN_NAMES in positions):
            continue  # worked out below, from codes or names
        if column.name not in positions:
            continue
        cells = cells_at(positions[column.name])
        table[column.name] = normalise_column(cells, column, grid.decimal_comma, tally)
        originals[column.name] = [cell_text(c) for c in cells]
        headers[column.name] = cell_text(header[positions[column.name]])
    rows = [n for n, _ in body]
    piece = Piece(spec.name, grid.label, pd.DataFrame(), pd.DataFrame(), rows, headers)
    notes: list[str] = []
    problems: list[Problem] = []
    if KODE in positions or KELURAHAN_NAMES in positions:
        codes, shown, kelurahan_header = _places(piece, positions, header, cells_at, matcher, notes, problems)
        table[KODE], originals[KODE], headers[KODE] = codes, shown, kelurahan_header
    order = [c.name for c in spec.columns if c.name in table]
    piece.table = pd.DataFrame({name: table[name] for name in order}, dtype=object)
    piece.originals = pd.DataFrame({name: originals[name] for name in order}, dtype=object)
    return piece, tally.notes() + notes, problems


def _places(piece: Piece, positions: dict[str, int], header: list[Any], cells_at: Any, matcher: PlaceMatcher,
            notes: list[str], problems: list[Problem]) -> tuple[list[str], list[str], str]:
    """kode_kelurahan from the code column, or from names where no code was written."""
    code_cells = [cell_text(c) for c in cells_at(positions[KODE])] if KODE in positions else None
    name_cells = [cell_text(c) for c in cells_at(positions[KELURAHAN_NAMES])] if KELURAHAN_NAMES in positions else None
    code_header = cell_text(header[positions[KODE]]) if KODE in positions else ""
    name_header = cell_text(header[positions[KELURAHAN_NAMES]]) if KELURAHAN_NAMES in positions else ""
    codes, shown = [], []
    changed: list[tuple[str, Placed]] = []
    for i, number in enumerate(piece.rows):
        code_text = code_cells[i] if code_cells is not None else ""
        name_text = name_cells[i] if name_cells is not None else ""
        text, column = (code_text, code_header) if code_text or name_cells is None else (name_text, name_header)
        placed = matcher.resolve(text)
        shown.append(text)
        codes.append(placed.kode)
        if placed.cara in EXACT and text != placed.kode:
            changed.append((text, placed))
        elif placed.cara == "usulan":
            piece.proposals.append((i, PlaceProposal(piece.label, number, column, text, placed.candidates)))
        elif placed.cara == "tidak dikenal":
            problems.append(Problem(piece.label, number, column, text, placed.harapan))
            piece.reported.add((i, KODE))
        other = matcher.resolve(name_text) if code_text and name_text else None
        if other and placed.cara in EXACT and other.cara in EXACT and other.kode != placed.kode:
            problems.append(Problem(piece.label, number, name_header, name_text,
                                    f"kelurahan yang sama dengan kolom '{code_header}': "
                                    f"{placed.kode} adalah {placed.nama}"))
    if changed:
        text, placed = changed[0]
        notes.append(f"{len(changed)} kelurahan ditulis dengan nama atau bentuk kode lain, diubah menjadi kode "
                     f"(mis. '{text}' menjadi {placed.kode} {placed.nama})")
    return codes, shown, code_header if code_cells is not None else name_header
