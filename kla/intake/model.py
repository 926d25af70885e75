"""What an upload is and what reading it gives back: the types every intake module shares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from kla.schema import Problem

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Upload:
    """One file as the browser sent it."""

    filename: str
    content: bytes


@dataclass(frozen=True)
class PlaceProposal:
    """A kelurahan written by name that matched no name or spelling exactly: the user must pick one.

    ``berkas``/``baris``/``kolom`` say where, as the user sees their file; ``candidates`` are
    (kode, official name, similarity 0-1), best first, at most 3.
    """

    berkas: str
    baris: int
    kolom: str
    teks: str
    candidates: tuple[tuple[str, str, float], ...]

    @property
    def key(self) -> tuple[str, int, str]:
        return self.berkas, self.baris, self.kolom


@dataclass(frozen=True)
class TableTrace:
    """Where each row of one canonical table came from, so a problem can point into the user's file.

    ``berkas``/``baris``: per table row, the uploaded file (and sheet) and the row number there.
    ``headers``: per file label, canonical column -> the user's header. ``originals``: the user's
    cells as text, same shape as the table, shown in problems instead of the normalised value.
    """

    berkas: tuple[str, ...]
    baris: tuple[int, ...]
    headers: Mapping[str, Mapping[str, str]]
    originals: pd.DataFrame
    reported: frozenset[tuple[int, str]] = frozenset()  # (row, column) cells whose problem reading already told


@dataclass(frozen=True)
class Trace:
    """What :func:`kla.intake.apply_choices` needs to finish an intake without reading again."""

    wilayah: pd.DataFrame | None = None
    tables: Mapping[str, TableTrace] = field(default_factory=dict)
    reading_problems: tuple[Problem, ...] = ()  # found while reading: stay until the file is fixed
    pending: Mapping[tuple[str, int, str], tuple[str, int]] = field(default_factory=dict)  # proposal -> (table, row)
    order: tuple[str, ...] = ()  # file labels in upload order, to list problems file by file


@dataclass(frozen=True)
class Intake:
    """Uploaded files read into canonical tables, with everything wrong or uncertain about them.

    ``tables``: data file name (a :data:`kla.schema.FILES` key) -> text cells with canonical column
    names and values (codes, ISO dates, dot decimals), ready for :func:`kla.schema.parse_table`.
    ``problems`` name the user's file, row and column. ``proposals`` must be confirmed with
    :func:`kla.intake.apply_choices` before they count. ``notes`` say what was recognised or fixed.
    """

    tables: dict[str, pd.DataFrame]
    problems: list[Problem]
    proposals: list[PlaceProposal]
    notes: list[str]
    trace: Trace = field(default_factory=Trace, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return bool(self.tables) and not self.problems and not self.proposals
