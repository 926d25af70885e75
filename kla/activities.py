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


# --- months of a window ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthSpan:
    """One calendar month of a date window and the days of it the window covers."""

    bulan: pd.Period  # monthly period, e.g. 2026-11
    mulai: dt.date  # first day covered
    sampai: dt.date  # last day covered

    @property
    def penuh(self) -> bool:
        """Whether the window covers the whole month (a count for it is a whole month's count)."""
        return self.mulai == self.bulan.start_time.date() and self.sampai == self.bulan.end_time.date()


def month_spans(start: dt.date, end: dt.date) -> list[MonthSpan]:
    """Every month from ``start``'s to ``end``'s, each with the days the window covers (both ends included)."""
    if start > end:
        raise ValueError(f"Tanggal mulai {start:%d/%m/%Y} sesudah tanggal akhir {end:%d/%m/%Y}")
    spans = []
    for month in pd.period_range(pd.Period(start, "M"), pd.Period(end, "M"), freq="M"):
        first, last = month.start_time.date(), month.end_time.date()
        spans.append(MonthSpan(month, max(first, start), min(last, end)))
    return spans


def whole_months_back(first_day: dt.date, last_day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months - 1`` before ``last_day``'s: a window of whole calendar months.

    Never before ``first_day`` (the log's first day): a shorter log keeps its own start.
    """
    start = (pd.Period(last_day, "M") - (months - 1)).start_time.date()
    return max(first_day, start)
