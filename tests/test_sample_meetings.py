"""kla.sample.meetings: a Gugus Tugas meeting every month, the reported ones on their reported day."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kla.sample import curated
from kla.sample.meetings import task_force_meetings
from kla.sample.timeline import TODAY
from tests.sample_data import sample_tables


def meetings() -> pd.DataFrame:
    keg = sample_tables()["kegiatan"]
    return keg[keg["jenis"] == "rapat gugus tugas"]


def test_one_city_meeting_every_month_by_dp3akb():
    rows = meetings()
    assert rows["kode_kelurahan"].isna().all() and (rows["penyelenggara"] == "DP3AKB").all()
    assert rows["tanggal"].dt.to_period("M").nunique() == 47  # 2023-01 .. 2026-11
    assert (rows["tanggal"].dt.day_of_week < 5).all()
    assert pd.Timedelta(days=7) <= TODAY - rows["tanggal"].max() <= pd.Timedelta(days=42)


def test_reported_meetings_are_in_the_log_as_reported():
    rows = meetings()
    for date, title in curated.known_meetings().values():
        on_day = rows[rows["tanggal"] == pd.Timestamp(date)]
        assert on_day["judul"].tolist() == [title], date


def test_two_meetings_a_month_before_each_evaluation():
    per_month = meetings()["tanggal"].dt.to_period("M").value_counts()
    for year in (2023, 2025):
        for month in (4, 5, 6):
            assert per_month[pd.Period(f"{year}-{month:02d}", "M")] == 2
    assert per_month[pd.Period("2024-05", "M")] == 1


def test_same_seed_same_meetings():
    first = task_force_meetings(np.random.default_rng(4))
    again = task_force_meetings(np.random.default_rng(4))
    for name in first:
        np.testing.assert_array_equal(first[name], again[name])
