"""Figures to PNG/SVG/PDF bytes with kaleido and the system Chromium, kept warm.

Why not ``kaleido.start_sync_server``: kaleido reloads a browser tab after every image (to
start the next one clean) and only then returns the image, and that reload is most of the
time: measured on this machine 0,59 s per PNG with it, 0,17 s without. Here the tab is reloaded
*after* the image has been handed back, while the person looks at it, and two tabs take turns,
so a batch (ZIP, CLI) renders on one tab while the other reloads. Every image still starts on a
freshly loaded tab.

One :class:`WarmRenderer` per process (:func:`shared`): a daemon thread runs an asyncio loop
with one Chromium; any thread may call :meth:`WarmRenderer.render` (``run_coroutine_threadsafe``
makes that safe, kaleido hands out the tabs). If Chromium dies the renderer starts a new one
on the next call. MathJax is off (it would be fetched from a CDN); plotly.js comes from the
plotly package, so nothing needs the internet.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import threading
from typing import Any

import kaleido
from kaleido import _sync_server

TABS = 2  # one renders while the other reloads; more would only compete for 2 cores
START_TIMEOUT_S = 60
RENDER_TIMEOUT_S = 90


class _ReloadAfterReturn(kaleido.Kaleido):
    """Kaleido that puts a used tab back (reloaded) in the background instead of before answering."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._reloading: set[asyncio.Task] = set()

    async def _return_kaleido_tab(self, tab: Any) -> None:
        task = asyncio.create_task(super()._return_kaleido_tab(tab))
        self._reloading.add(task)  # keep a reference: an unreferenced task may be collected
        task.add_done_callback(self._reloading.discard)


class WarmRenderer:
    """One Chromium with :data:`TABS` tabs, started on first use and reused."""

    def __init__(self, tabs: int = TABS) -> None:
        self._tabs = tabs
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._browser: _ReloadAfterReturn | None = None

    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and self._browser is not None

    def start(self) -> None:
        """Start Chromium (about 2-3 s) unless it runs; safe to call from any thread, any number of times."""
        with self._lock:
            if self.alive():
                return
            self._stop_locked()
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="kla-kaleido", daemon=True)
            thread.start()
            self._loop, self._thread = loop, thread
            self._browser = asyncio.run_coroutine_threadsafe(self._open(), loop).result(START_TIMEOUT_S)

    async def _open(self) -> _ReloadAfterReturn:
        browser = _ReloadAfterReturn(n=self._tabs, mathjax=False)
        await browser.open()
        return browser

    def render(self, fig: Any, opts: dict) -> bytes:
        """``fig`` (a plotly figure or its dict) as bytes; ``opts``: format, width, height, scale."""
        for attempt in (1, 2):
            self.start()
            browser, loop = self._browser, self._loop
            try:
                future = asyncio.run_coroutine_threadsafe(browser.calc_fig(fig, opts=opts), loop)
                return future.result(RENDER_TIMEOUT_S)
            except Exception:
                if attempt == 2 or self._browser_ok(browser):
                    raise  # a problem of the figure, or Chromium failed twice: say so
                self.stop()  # Chromium died under us: the next attempt starts a new one
        raise AssertionError("unreachable")

    @staticmethod
    def _browser_ok(browser: _ReloadAfterReturn) -> bool:
        process = getattr(browser, "subprocess", None)
        return process is None or process.poll() is None

    def stop(self) -> None:
        with self._lock:
            self._stop_locked()

    def _stop_locked(self) -> None:
        loop, browser, thread = self._loop, self._browser, self._thread
        self._loop = self._browser = self._thread = None
        if loop is None:
            return
        if browser is not None and loop.is_running():
            # a dead browser cannot be closed cleanly; its process ends with ours anyway
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(browser.close(), loop).result(20)
        loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(timeout=10)


_SHARED = WarmRenderer()
atexit.register(_SHARED.stop)


def shared() -> WarmRenderer:
    return _SHARED


def render_cold(fig: Any, opts: dict) -> bytes:
    """A fresh Chromium started and closed for this one image: the benchmark's baseline."""
    return _sync_server.oneshot_async_run(kaleido.calc_fig, args=(fig,), kwargs={"opts": opts,
                                                                                  "kopts": {"mathjax": False}})
