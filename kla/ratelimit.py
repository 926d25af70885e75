"""How often one visitor may ask for a heavy file: at most ``limit`` requests in any ``window_s`` seconds.

A sliding window over the times of the allowed requests. Refused requests are not counted, so a
visitor who keeps clicking is let through again as soon as the oldest request leaves the window.
The pages keep one :class:`RateLimit` per session and per kind of file (:mod:`kla.ui.unduh`);
this module knows nothing of sessions. Thread-safe: Streamlit calls a download's callable on a
worker thread while the page may be reading the same limit.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable


class RateLimited(RuntimeError):
    """Refused: ``wait_s`` seconds until the next request is allowed."""

    def __init__(self, wait_s: float, limit: int, window_s: float) -> None:
        self.wait_s, self.limit, self.window_s = wait_s, limit, window_s
        super().__init__(f"Terlalu banyak permintaan ({limit} dalam {window_s:g} detik); "
                         f"coba lagi dalam {seconds_to_wait(wait_s)} detik.")


def seconds_to_wait(wait_s: float) -> int:
    """Whole seconds, rounded up: 0,2 s left is "1 detik", never "0 detik"."""
    return max(1, math.ceil(wait_s))


class RateLimit:
    """At most ``limit`` allowed requests in any ``window_s`` seconds (``clock``: seconds, monotonic)."""

    def __init__(self, limit: int, window_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        if limit < 1 or window_s <= 0:
            raise ValueError(f"Batas permintaan tidak masuk akal: {limit} dalam {window_s} detik.")
        self.limit, self.window_s, self._clock = limit, window_s, clock
        self._times: deque[float] = deque()
        self._lock = threading.Lock()

    def _forget_old(self, now: float) -> None:
        while self._times and now - self._times[0] >= self.window_s:
            self._times.popleft()

    def wait_s(self) -> float:
        """Seconds until a request would be allowed; 0.0 if one is allowed now (nothing is counted)."""
        with self._lock:
            now = self._clock()
            self._forget_old(now)
            if len(self._times) < self.limit:
                return 0.0
            return self._times[0] + self.window_s - now

    def acquire(self) -> None:
        """Count one request, or raise :class:`RateLimited` (and count nothing) when the window is full."""
        with self._lock:
            now = self._clock()
            self._forget_old(now)
            if len(self._times) >= self.limit:
                raise RateLimited(self._times[0] + self.window_s - now, self.limit, self.window_s)
            self._times.append(now)

    def used(self) -> int:
        """Requests counted in the current window."""
        with self._lock:
            self._forget_old(self._clock())
            return len(self._times)
