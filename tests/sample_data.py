"""The sample generator's tables for seed 2025, made once per test process (generating takes ~0.4 s).

Tests get copies, so one test changing a table cannot change what another sees.
"""

from __future__ import annotations

import functools

import pandas as pd

from kla.sample import generate

SEED = 2025


@functools.cache
def _tables(seed: int) -> dict[str, pd.DataFrame]:
    return generate(seed)


def sample_tables(seed: int = SEED) -> dict[str, pd.DataFrame]:
    return {name: table.copy() for name, table in _tables(seed).items()}


def kelurahan_names(tables: dict[str, pd.DataFrame]) -> pd.Series:
    """Kelurahan name by code, from the generated wilayah."""
    w = tables["wilayah"]
    return w[w["tingkat"] == "kelurahan"].set_index("kode")["nama"]
