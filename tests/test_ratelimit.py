"""kla.ratelimit: a sliding window per visitor, on a clock the test moves by hand."""

from __future__ import annotations

import threading

import pytest

from kla.ratelimit import RateLimit, RateLimited, seconds_to_wait


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limit_requests_per_window_then_refused_with_the_wait():
    clock = Clock()
    limit = RateLimit(3, 60, clock)
    for step in range(3):
        assert limit.wait_s() == 0.0
        limit.acquire()
        clock.now += 10 * (step < 2)  # at 1000, 1010 and 1020
    assert limit.used() == 3
    with pytest.raises(RateLimited) as refused:
        limit.acquire()
    assert refused.value.wait_s == 40  # the first request (1000) leaves the window at 1060
    assert "coba lagi dalam 40 detik" in str(refused.value)
    assert limit.wait_s() == 40 and limit.used() == 3, "a refused request is not counted"


def test_the_window_slides():
    clock = Clock()
    limit = RateLimit(2, 60, clock)
    limit.acquire()
    clock.now += 30
    limit.acquire()
    clock.now += 30  # the first one is exactly 60 s old: out of the window
    limit.acquire()
    with pytest.raises(RateLimited):
        limit.acquire()
    clock.now += 29.5
    assert limit.wait_s() == pytest.approx(0.5)
    clock.now += 0.5
    limit.acquire()
    assert limit.used() == 2


def test_limits_are_per_object_that_is_per_session():
    clock = Clock()
    mine, yours = RateLimit(1, 60, clock), RateLimit(1, 60, clock)
    mine.acquire()
    with pytest.raises(RateLimited):
        mine.acquire()
    yours.acquire()


def test_threads_never_get_more_than_the_limit():
    limit = RateLimit(5, 3600)
    allowed, refused, lock = [], [], threading.Lock()

    def ask() -> None:
        try:
            limit.acquire()
            outcome = allowed
        except RateLimited:
            outcome = refused
        with lock:
            outcome.append(1)

    threads = [threading.Thread(target=ask) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (len(allowed), len(refused)) == (5, 35)


def test_seconds_to_wait_rounds_up_and_never_says_zero():
    assert seconds_to_wait(0.2) == 1 and seconds_to_wait(40) == 40 and seconds_to_wait(40.01) == 41


def test_nonsense_limits_are_refused():
    with pytest.raises(ValueError):
        RateLimit(0, 60)
    with pytest.raises(ValueError):
        RateLimit(3, 0)
