"""read_upload: everything an office uploads at once -> one :class:`Intake`.

Each upload is read into grids (:mod:`kla.intake.read`); each grid is recognised
(:mod:`kla.intake.recognise`) and turned into a piece of a data file's table
(:mod:`kla.intake.assemble`); pieces of the same data file (two sheets of one year each, say)
are stacked; the stacked tables are validated with the project's rules (:mod:`kla.intake.check`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from kla.intake.assemble import Built, Piece, build_piece
from kla.intake.check import all_problems, skip_cells, sort_problems
from kla.intake.model import Intake, PlaceProposal, TableTrace, Trace, Upload
from kla.intake.places import PlaceMatcher
from kla.intake.read import Grid, read_grids
from kla.intake.recognise import find_header, header_score, identify
from kla.schema import Problem

# The template's own sheets (kla.intake.template): instructions and drop-down lists, never data.
HELP_SHEETS = frozenset({"petunjuk", "daftar"})


def read_upload(uploads: Sequence[Upload], wilayah: pd.DataFrame) -> Intake:
    """Read every upload; never raises for what is in the files (see :class:`Intake`)."""
    if not uploads:
        problem = Problem("(tidak ada berkas)", None, None, None, "pilih satu atau beberapa berkas CSV atau XLSX")
        return Intake({}, [problem], [], [])
    matcher = PlaceMatcher(wilayah)
    problems: list[Problem] = []
    notes: list[str] = []
    pieces: list[Piece] = []
    order: list[str] = []
    for upload in _distinct_names(uploads):
        order.append(upload.filename)
        result = read_grids(upload, header_score)
        problems += result.problems
        notes += [f"{upload.filename}: {note}" for note in result.notes]
        built = [_build(grid, matcher) for grid in result.grids
                 if grid.sheet is None or grid.sheet.casefold() not in HELP_SHEETS]
        order += [grid.label for grid in result.grids]
        found = [b for b in built if b.piece is not None or b.problems]
        if result.workbook and not found and result.grids:
            problems.append(_no_sheet(upload.filename, built))
            continue
        for grid_result in built:
            notes += grid_result.notes
            problems += grid_result.problems
            if grid_result.piece is not None:
                pieces.append(grid_result.piece)
    tables, traces, proposals, pending = _stack(pieces, notes)
    trace = Trace(wilayah, traces, tuple(problems), pending, tuple(order))
    problems += all_problems(tables, traces, skip_cells(trace))
    return Intake(tables, sort_problems(problems, trace.order), proposals, notes, trace)


def _distinct_names(uploads: Sequence[Upload]) -> list[Upload]:
    """Two uploads of the same name get "(2)": problems and choices are keyed by file name."""
    seen: dict[str, int] = {}
    out = []
    for upload in uploads:
        count = seen[upload.filename] = seen.get(upload.filename, 0) + 1
        out.append(upload if count == 1 else Upload(f"{upload.filename} ({count})", upload.content))
    return out


def _build(grid: Grid, matcher: PlaceMatcher) -> Built:
    """A grid as a piece, or why not. An unrecognised sheet of a workbook is only a note."""
    if not any(any(str(c).strip() for c in cells if c is not None) for _, cells in grid.rows):
        if grid.sheet is None:
            return Built(None, [Problem(grid.label, None, None, None,
                                        "berkas tidak berisi tabel (hanya baris kosong)")])
        return Built(None, notes=[f"{grid.label}: lembar kosong dilewati"])
    header_pos = find_header(grid.rows)
    assert header_pos is not None  # a grid with a filled cell has a first filled row
    header_number, header = grid.rows[header_pos]
    names = [grid.sheet, grid.filename] if grid.sheet else [grid.filename]
    recognised = identify(names, header)
    if recognised.spec is None:
        if grid.sheet is not None:
            return Built(None, notes=[f"{grid.label}: dilewati, {recognised.how}"])
        return Built(None, [Problem(grid.label, header_number, None, None, recognised.how)])
    built = build_piece(grid, recognised.spec, header_pos, matcher)
    built.notes.insert(0, recognised.how)
    built.notes = [f"{grid.label}: {note}" for note in built.notes]
    return built


def _no_sheet(filename: str, built: list[Built]) -> Problem:
    why = "; ".join(note.split(", ", 1)[-1] for b in built for note in b.notes) or "tidak ada lembar berisi tabel"
    return Problem(filename, None, None, None,
                   f"buku kerja tanpa lembar yang dikenali ({why}); "
                   "beri nama lembar sesuai berkas data atau pakai templat")


def _stack(pieces: list[Piece], notes: list[str]) -> tuple[
    dict[str, pd.DataFrame], dict[str, TableTrace], list[PlaceProposal], dict[tuple[str, int, str], tuple[str, int]]
]:
    """Pieces of the same data file, one under the other, with where every row came from."""
    tables: dict[str, pd.DataFrame] = {}
    traces: dict[str, TableTrace] = {}
    proposals: list[PlaceProposal] = []
    pending: dict[tuple[str, int, str], tuple[str, int]] = {}
    by_name: dict[str, list[Piece]] = {}
    for piece in pieces:
        by_name.setdefault(piece.name, []).append(piece)
    for name, group in by_name.items():
        if len(group) > 1:
            notes.append(f"{name}: {len(group)} bagian digabung ({', '.join(p.label for p in group)})")
        offset = 0
        reported: set[tuple[int, str]] = set()
        for piece in group:
            reported |= {(offset + row, column) for row, column in piece.reported}
            for row, proposal in piece.proposals:
                proposals.append(proposal)
                pending[proposal.key] = (name, offset + row)
            offset += len(piece.table)
        tables[name] = pd.concat([p.table for p in group], ignore_index=True).fillna("")
        originals = pd.concat([p.originals for p in group], ignore_index=True).fillna("")
        traces[name] = TableTrace(
            berkas=tuple(p.label for p in group for _ in p.rows),
            baris=tuple(n for p in group for n in p.rows),
            headers={p.label: p.headers for p in group},
            originals=originals,
            reported=frozenset(reported),
        )
    return tables, traces, proposals, pending
