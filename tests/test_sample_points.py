"""kla.sample.points: whole numbers that add up to a total exactly."""

from __future__ import annotations

import numpy as np
import pytest

from kla.sample.points import fix_residual, points_hitting_total, split_total


@pytest.mark.parametrize("total", [0, 1, 7, 223_233])
def test_split_total_adds_up_and_follows_the_weights(total):
    weights = np.array([3.0, 1.0, 1.0, 5.0])
    counts = split_total(total, weights)
    assert counts.sum() == total and counts.dtype == np.int64
    assert (np.abs(counts - total * weights / weights.sum()) < 1).all()


def test_split_total_gives_remainders_to_the_largest_fractions_first():
    assert split_total(10, np.array([1.0, 1.0, 1.0])).tolist() == [4, 3, 3]
    assert split_total(5, np.array([0.6, 0.4])).tolist() == [3, 2]


def test_points_hitting_total_respect_the_maximum_and_the_target():
    max_tenths = np.array([500, 700, 400, 400])
    for target in (1000, 1500, 1999):
        tenths = points_hitting_total(np.array([0.9, 0.5, 0.7, 0.99]), max_tenths, target)
        assert tenths.sum() == target and (tenths >= 0).all() and (tenths <= max_tenths).all()


def test_points_keep_the_order_of_shortfalls():
    tenths = points_hitting_total(np.array([0.9, 0.5, 0.7]), np.array([1000, 1000, 1000]), 2100)
    assert tenths[0] > tenths[2] > tenths[1]


def test_fix_residual_moves_single_tenths():
    assert fix_residual(np.array([5, 5]), np.array([10, 6]), 12).tolist() == [7, 5]
    assert fix_residual(np.array([5, 9]), np.array([10, 10]), 12).tolist() == [5, 7]
