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

:meth:`WarmRenderer.print_pdf` prints a whole HTML page (the meeting brief) on the same tabs:
it borrows a tab from kaleido's queue, opens the page, prints it and sends the tab back to
kaleido's page in the background. So the brief needs no Chromium of its own, and at most
:data:`TABS` pages or images are ever being drawn at once, however many threads ask.

Chromium keeps what big images took: after one all-sizes media kit (about 200 images) its two
tab processes held about 300 MB each, and Chromium's memory-pressure signal freed it only
sometimes. So after :data:`RECYCLE_AFTER` images, once no image has been asked for during
:data:`RECYCLE_IDLE_S` seconds, the renderer closes its Chromium and starts a fresh one (about
3 s, while nobody waits); memory is back where it started (docs/BENCHMARKS.md, "Bursts").

kaleido's private tab handling that this needs lives in :mod:`kla.kaleido_internals`, nowhere else.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import logging
import tempfile
import threading
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from kla.kaleido_internals import PrintError, ReloadAfterReturn, render_oneshot

TABS = 2  # one renders while the other reloads; more would only compete for 2 cores
START_TIMEOUT_S = 60
RENDER_TIMEOUT_S = 90
RECYCLE_AFTER = 150  # images or pages; one all-sizes media kit is about 200, a brief 2
RECYCLE_IDLE_S = 5.0  # the renderer is quiet this long before it recycles: a kit renders back to back


class WarmRenderer:
    """One Chromium with :data:`TABS` tabs, started on first use and reused."""

    def __init__(self, tabs: int = TABS, recycle_after: int = RECYCLE_AFTER,
                 recycle_idle_s: float = RECYCLE_IDLE_S) -> None:
        self._tabs, self._recycle_after, self._recycle_idle_s = tabs, recycle_after, recycle_idle_s
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._browser: ReloadAfterReturn | None = None
        self._active = 0  # renders in flight
        self._used = 0  # renders since this Chromium started
        self._last_done = 0.0
        self._recycling = False
        self.starts = 0  # Chromium processes started so far (tests and the benchmark read it)

    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and self._browser is not None

    def start(self) -> None:
        """Start Chromium (about 2-3 s) unless it runs; safe to call from any thread, any number of times."""
        with self._lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if self.alive():
            return
        self._stop_locked()
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="kla-kaleido", daemon=True)
        thread.start()
        self._loop, self._thread = loop, thread
        self._browser = asyncio.run_coroutine_threadsafe(self._open(), loop).result(START_TIMEOUT_S)
        self._used = 0
        self.starts += 1

    @property
    def recycle_pending(self) -> bool:
        """A fresh Chromium is due once the renderer is quiet (the benchmark waits for it)."""
        with self._lock:
            return self._recycling

    def chromium_pid(self) -> int | None:
        process = getattr(self._browser, "subprocess", None)
        return getattr(process, "pid", None)

    async def _open(self) -> ReloadAfterReturn:
        browser = ReloadAfterReturn(n=self._tabs, mathjax=False)
        await browser.open()
        return browser

    def render(self, fig: Any, opts: dict) -> bytes:
        """``fig`` (a plotly figure or its dict) as bytes; ``opts``: format, width, height, scale."""
        return self._run(lambda browser: browser.calc_fig(fig, opts=opts), RENDER_TIMEOUT_S)

    def _run(self, work: Callable[[ReloadAfterReturn], Coroutine[Any, Any, bytes]], timeout: float) -> bytes:
        """``work(browser)`` on the renderer's loop; once more on a new Chromium if this one died."""
        for attempt in (1, 2):
            with self._lock:
                self._start_locked()
                browser, loop = self._browser, self._loop
                assert browser is not None and loop is not None  # _start_locked has just made sure of both
                self._active += 1
            try:
                return asyncio.run_coroutine_threadsafe(work(browser), loop).result(timeout)
            except Exception:
                if attempt == 2 or self._browser_ok(browser):
                    raise  # a problem of the figure, or Chromium failed twice: say so
                self.stop()  # Chromium died under us: the next attempt starts a new one
            finally:
                self._done()
        raise AssertionError("unreachable")

    def _done(self) -> None:
        with self._lock:
            self._active -= 1
            self._used += 1
            self._last_done = time.monotonic()
            if self._recycling or self._active or self._used < self._recycle_after:
                return
            self._recycling = True
        threading.Thread(target=self._recycle_when_quiet, name="kla-kaleido-recycle", daemon=True).start()

    def _recycle_when_quiet(self) -> None:
        """A fresh Chromium once nothing has been rendered for ``recycle_idle_s`` (see the module text)."""
        try:
            while True:
                time.sleep(self._recycle_idle_s)
                with self._lock:
                    if self._used < self._recycle_after:
                        return  # restarted meanwhile
                    if self._active or time.monotonic() - self._last_done < self._recycle_idle_s:
                        continue  # still in use: wait for a quiet moment
                    self._stop_locked()
                    self._start_locked()
                    return
        except Exception:  # the next render starts one and reports what goes wrong
            logging.getLogger(__name__).warning("Chromium tidak dapat dimulai ulang", exc_info=True)
        finally:
            with self._lock:
                self._recycling = False

    def print_pdf(self, html: str) -> bytes:
        """``html`` (a whole, self-contained page) printed to PDF on a warm tab; PrintError if it fails."""
        with tempfile.TemporaryDirectory(prefix="kla-cetak-") as folder:
            page = Path(folder) / "halaman.html"
            page.write_text(html, encoding="utf-8")
            url = page.as_uri()
            pdf = self._run(lambda browser: browser.print_page(url, RENDER_TIMEOUT_S), RENDER_TIMEOUT_S + 5)
        if not pdf.startswith(b"%PDF"):
            raise PrintError("Chromium tidak menghasilkan PDF.")
        return pdf

    @staticmethod
    def _browser_ok(browser: ReloadAfterReturn) -> bool:
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
    return render_oneshot(fig, opts)
