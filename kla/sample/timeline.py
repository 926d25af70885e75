"""The sample's calendar: "today", the rounds and years each file covers, and drawing dates."""

from __future__ import annotations

import numpy as np
import pandas as pd

# Nothing reads the clock: the sample is made as of this day, whenever it is generated.
TODAY = pd.Timestamp("2026-11-22")
ACTIVITY_START = pd.Timestamp("2023-01-01")
ACTIVITY_END = pd.Timestamp("2026-11-15")
EVALUATION_YEARS = (2017, 2019, 2021, 2022, 2023, 2025)  # the rounds with a known category (KLA.md)
KELURAHAN_YEARS = (2022, 2023, 2024, 2025)
ROADMAP_YEARS = (2027, 2029)


def random_dates(rng: np.random.Generator, first: str, last: str, size: int) -> list[pd.Timestamp]:
    """``size`` days drawn uniformly from ``first`` to ``last`` (both included)."""
    start = pd.Timestamp(first)
    offsets = rng.integers(0, (pd.Timestamp(last) - start).days + 1, size)
    return [start + pd.Timedelta(days=int(d)) for d in offsets]
