"""kla.sample.timeline: the sample's fixed calendar and drawing days."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kla.sample.timeline import ACTIVITY_END, ACTIVITY_START, EVALUATION_YEARS, TODAY, random_dates


def test_the_calendar_is_fixed_and_consistent():
    assert ACTIVITY_START < ACTIVITY_END < TODAY
    assert 2020 not in EVALUATION_YEARS and 2024 not in EVALUATION_YEARS  # no national round (KLA.md)


def test_random_dates_stay_inside_and_reach_both_ends():
    days = random_dates(np.random.default_rng(0), "2025-01-01", "2025-01-03", 300)
    assert set(days) == {pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-02"), pd.Timestamp("2025-01-03")}


def test_random_dates_follow_the_seed():
    assert random_dates(np.random.default_rng(1), "2019-01-01", "2026-12-31", 5) == \
        random_dates(np.random.default_rng(1), "2019-01-01", "2026-12-31", 5)
