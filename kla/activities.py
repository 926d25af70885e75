"""Activity log: joined to regions, filtered by date, type and kecamatan, and summarised."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from kla.initiatives import with_region_names


@dataclass(frozen=True)
class ActivitySummary:
    kegiatan: int
    peserta_anak: int
    peserta_dewasa: int
    kelurahan: int  # distinct kelurahan reached (city-wide activities not counted)


def activity_table(kegiatan: pd.DataFrame, kelurahan: pd.DataFrame) -> pd.DataFrame:
    return with_region_names(kegiatan, kelurahan)


def filter_activities(
    table: pd.DataFrame,
    start: dt.date | None = None,
    end: dt.date | None = None,
    types: Sequence[str] = (),
    kecamatan: Sequence[str] = (),
) -> pd.DataFrame:
    """Activities from ``start`` to ``end`` inclusive, of the given types and kecamatan."""
    keep = pd.Series(True, index=table.index)
    if start is not None:
        keep &= table["tanggal"] >= pd.Timestamp(start)
    if end is not None:
        keep &= table["tanggal"] < pd.Timestamp(end) + pd.Timedelta(days=1)
    if types:
        keep &= table["jenis"].isin(list(types))
    if kecamatan:
        keep &= table["kode_kecamatan"].isin(list(kecamatan))
    return table[keep]


def activity_summary(table: pd.DataFrame) -> ActivitySummary:
    return ActivitySummary(
        kegiatan=len(table),
        peserta_anak=int(table["peserta_anak"].sum()),
        peserta_dewasa=int(table["peserta_dewasa"].sum()),
        kelurahan=int(table["kode_kelurahan"].dropna().nunique()),
    )
