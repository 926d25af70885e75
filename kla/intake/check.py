"""Validate canonical tables with the project's own rules, told in the user's rows and columns.

:func:`kla.schema.parse_table` numbers rows as the canonical table has them and names canonical
columns; the user uploaded something else (a title block shifts rows, a workbook has several
sheets, "POIN" is their header). Every problem is moved back into the user's file here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from kla.intake.model import Intake, TableTrace, Trace
from kla.schema import FILES, Problem, parse_table

_ALREADY_USED = re.compile(r"di baris (\d+)$")


def validate(name: str, table: pd.DataFrame, trace: TableTrace, skip: set[tuple[int, str]]) -> list[Problem]:
    """Problems of one canonical table, except in cells in ``skip`` (already told, or awaiting a choice)."""
    _, problems = parse_table(table, FILES[name], name)
    originals = {c: trace.originals[c].tolist() for c in trace.originals.columns} if problems else {}
    out = []
    for problem in problems:
        if problem.baris is None or problem.baris < 2:
            out.append(Problem(" / ".join(dict.fromkeys(trace.berkas)), None, problem.kolom, problem.nilai,
                               problem.harapan))
            continue
        row = problem.baris - 2
        columns = (problem.kolom or "").split("+")
        if any((row, column) in skip for column in columns):
            continue
        out.append(_in_user_terms(problem, row, columns, trace, originals))
    return out


def _in_user_terms(
    problem: Problem, row: int, columns: list[str], trace: TableTrace, originals: Mapping[str, list[str]]
) -> Problem:
    berkas = trace.berkas[row]
    headers = trace.headers.get(berkas, {})
    kolom = "+".join(headers.get(c, c) for c in columns)
    nilai = problem.nilai
    if nilai is not None and all(c in originals for c in columns):
        nilai = " / ".join(str(originals[c][row]) for c in columns)
    harapan = problem.harapan
    if m := _ALREADY_USED.search(harapan):
        first = int(m[1]) - 2
        where = (f"baris {trace.baris[first]}" if trace.berkas[first] == berkas
                 else f"{trace.berkas[first]} baris {trace.baris[first]}")
        harapan = harapan[: m.start()] + f"di {where}"
    return Problem(berkas, trace.baris[row], kolom, nilai, harapan)


def all_problems(intake_tables: Mapping[str, pd.DataFrame], traces: Mapping[str, TableTrace],
                 skip: Mapping[str, set[tuple[int, str]]]) -> list[Problem]:
    problems = []
    for name, table in intake_tables.items():
        problems += validate(name, table, traces[name], skip.get(name, set()))
    return problems


def sort_problems(problems: list[Problem], order: tuple[str, ...]) -> list[Problem]:
    """File by file in upload order, then by row (file-level problems first)."""
    rank = {label: i for i, label in enumerate(order)}
    return sorted(problems, key=lambda p: (rank.get(p.berkas, len(rank)), p.baris or 0))


def apply_choices(intake: Intake, choices: Mapping[tuple[str, int, str], str]) -> Intake:
    """The intake with the chosen kelurahan codes written in; confirmed proposals leave the list.

    ``choices``: (berkas, baris, kolom) of a proposal -> the kode the user picked (any
    registered kelurahan, not only a candidate). Unanswered proposals stay. A code that is no
    kelurahan is a programming error of the caller, not a data problem: ValueError.
    """
    from kla.intake.places import PlaceMatcher

    trace = intake.trace
    matcher = PlaceMatcher(trace.wilayah) if trace.wilayah is not None else None
    tables = {name: table.copy() for name, table in intake.tables.items()}
    remaining, notes = [], list(intake.notes)
    pending = dict(trace.pending)
    for proposal in intake.proposals:
        kode = choices.get(proposal.key)
        if kode is None:
            remaining.append(proposal)
            continue
        kode = kode.strip()
        nama = matcher.name_of(kode) if matcher else None
        if nama is None:
            raise ValueError(f"{kode} bukan kode kelurahan yang terdaftar")
        name, row = pending.pop(proposal.key)
        tables[name].at[row, "kode_kelurahan"] = kode
        notes.append(f"{proposal.berkas}: baris {proposal.baris}, '{proposal.teks}' dipastikan sebagai {nama} ({kode})")
    new_trace = Trace(trace.wilayah, trace.tables, trace.reading_problems, pending, trace.order)
    problems = list(trace.reading_problems) + all_problems(tables, trace.tables, skip_cells(new_trace))
    return Intake(tables, sort_problems(problems, trace.order), remaining, notes, new_trace)


def skip_cells(trace: Trace) -> dict[str, set[tuple[int, str]]]:
    """Cells whose validation problem would repeat a reading problem or pre-empt a pending choice."""
    skip: dict[str, set[tuple[int, str]]] = {}
    for name, table_trace in trace.tables.items():
        skip[name] = set(table_trace.reported)
    for name, row in trace.pending.values():
        skip.setdefault(name, set()).add((row, "kode_kelurahan"))
    return skip
