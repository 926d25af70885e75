"""Run a coroutine to completion from a test, whatever loop the test's thread already has.

After the browser tests, Playwright's event loop runs in pytest's main thread, where ``asyncio.run``
refuses to start a second one; a worker thread has no loop of its own, so the coroutine runs there.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_in_own_loop(coroutine: Coroutine[Any, Any, T], timeout: float = 300) -> T:
    """``asyncio.run(coroutine)`` in a worker thread; its result (or its exception) here."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout)
