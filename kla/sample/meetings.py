"""The Gugus Tugas (task force) meetings of the activity log: one a month, the reported ones as reported."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kla.sample import curated
from kla.sample.english import ACTIVITY_TITLES
from kla.sample.timeline import ACTIVITY_END, ACTIVITY_START


def task_force_meetings(rng: np.random.Generator) -> dict[str, np.ndarray]:
    """One city-wide Gugus Tugas meeting a month (two in the months before an evaluation).

    A reported meeting (``facts/rapat_gugus_tugas.csv``) replaces the drawn one of its month.
    The last one falls in early November 2026, a few weeks before the sample's today.
    """
    known = curated.known_meetings()
    rows = []
    for month in pd.period_range(ACTIVITY_START, ACTIVITY_END, freq="M"):
        extra = month.year in (2023, 2025) and month.month in (4, 5, 6)
        for k in range(2 if extra else 1):
            rows.append(_meeting(rng, month, second=k == 1, known=known))
    n = len(rows)
    return {
        "tanggal": np.array([r["tanggal"].to_datetime64() for r in rows], dtype="datetime64[ns]"),
        "jenis": np.full(n, "rapat gugus tugas", dtype=object),
        "judul": np.array([r["judul"] for r in rows], dtype=object),
        "judul_en": np.array([ACTIVITY_TITLES[r["judul"]] for r in rows], dtype=object),
        "kode_kelurahan": np.full(n, None, dtype=object),
        "penyelenggara": np.full(n, "DP3AKB", dtype=object),
        "peserta_anak": np.array([r["peserta_anak"] for r in rows], dtype=np.int64),
        "peserta_dewasa": np.array([r["peserta_dewasa"] for r in rows], dtype=np.int64),
        "blok": np.full(n, "KL", dtype=object),
        "id_inisiatif": np.full(n, None, dtype=object),
    }


def _meeting(rng: np.random.Generator, month: pd.Period, second: bool,
             known: dict[tuple[int, int], tuple[str, str]]) -> dict:
    reported = known.get((month.year, month.month))
    if reported and not second:
        date, title = pd.Timestamp(reported[0]), reported[1]
    else:
        date, title = _meeting_day(rng, month, second), _meeting_title(month, second)
    children = int(rng.integers(2, 5)) if rng.random() < 0.4 else 0  # Forum Anak representatives
    return {"tanggal": date, "judul": title, "peserta_anak": children, "peserta_dewasa": int(rng.integers(22, 46))}


def _meeting_day(rng: np.random.Generator, month: pd.Period, second: bool) -> pd.Timestamp:
    """A working day: mid-month, late for a second meeting, early in the last month of the log."""
    if month == pd.Period(ACTIVITY_END, "M"):
        first, last = 2, 6
    elif second:
        first, last = 20, 27
    else:
        first, last = 6, 18
    date = pd.Timestamp(year=month.year, month=month.month, day=int(rng.integers(first, last + 1)))
    return date if date.weekday() < 5 else date + pd.offsets.BDay(1)


def _meeting_title(month: pd.Period, second: bool) -> str:
    evaluation_year = month.year in (2023, 2025)
    if evaluation_year and month.month in (4, 5, 6):
        if second:
            return "Rapat Gugus Tugas KLA: persiapan verifikasi lapangan"
        return "Rapat Gugus Tugas KLA: pengisian data dukung evaluasi"
    if evaluation_year and month.month in (8, 9):
        return "Rapat Gugus Tugas KLA: tindak lanjut hasil evaluasi"
    if month.month in (1, 2):
        return "Rapat Gugus Tugas KLA: rencana kerja tahunan"
    return "Rapat koordinasi Gugus Tugas KLA"
