"""Whole numbers (points in tenths, children) that add up to a given total exactly."""

from __future__ import annotations

import numpy as np


def split_total(total: int, weights: np.ndarray) -> np.ndarray:
    """Integers proportional to ``weights`` that add up to ``total`` exactly (largest remainder)."""
    exact = total * weights / weights.sum()
    counts = np.floor(exact).astype(np.int64)
    order = np.argsort(-(exact - counts), kind="stable")
    counts[order[: total - counts.sum()]] += 1
    return counts


def points_hitting_total(ratio: np.ndarray, max_tenths: np.ndarray, target: int) -> np.ndarray:
    """Points in tenths, each <= its maximum, summing to ``target``, keeping relative shortfalls."""
    shortfall = max_tenths * (1 - ratio)
    scale = (max_tenths.sum() - target) / shortfall.sum()
    tenths = np.clip(np.round(max_tenths - shortfall * scale), 0, max_tenths).astype(np.int64)
    return fix_residual(tenths, max_tenths, target)


def fix_residual(tenths: np.ndarray, max_tenths: np.ndarray, target: int) -> np.ndarray:
    """Move single tenths (largest headroom or largest value first) until the sum is ``target``."""
    tenths = tenths.copy()
    while tenths.sum() != target:
        if tenths.sum() < target:
            i = int(np.argmax(max_tenths - tenths))
            tenths[i] += 1
        else:
            i = int(np.argmax(tenths))
            tenths[i] -= 1
    return tenths
