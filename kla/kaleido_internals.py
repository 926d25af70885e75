"""Every use of kaleido's private internals, in one place (kaleido==1.5.0, pinned in requirements.txt).

:mod:`kla.render` keeps Chromium warm by changing how kaleido hands out its tabs, which kaleido
offers no public way to do. What is relied on, each checked against the installed kaleido by
``tests/test_kaleido_internals.py``:

- ``Kaleido._get_kaleido_tab()`` takes a tab from the ``tabs_ready`` queue and
  ``Kaleido._return_kaleido_tab(tab)`` reloads it and puts it back; every image goes through the
  pair, so overriding the second lets the reload run after the image is handed back.
- ``Kaleido._index``: the URL of kaleido's own page, where a tab borrowed for printing goes back.
- ``_KaleidoTab.tab`` (the choreographer tab) and ``_KaleidoTab.navigate(url)``.
- ``kaleido._kaleido_tab._tab._subscribe_new(tab, event)``: a one-shot event subscription with
  stale events cleared (kaleido enabled the Page events on its tabs).
- ``kaleido._sync_server.oneshot_async_run(func, args, kwargs)``: one image on a fresh Chromium
  (the benchmark's cold baseline).

A new kaleido version must pass those tests before its pin moves.
"""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import kaleido
from kaleido import _sync_server
from kaleido._kaleido_tab._tab import _subscribe_new

# Page.printToPDF: the page's own @page rule sets size and margins; no date/URL lines
PRINT_OPTIONS = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False}


class PrintError(RuntimeError):
    """Chromium did not print the page (the message says why, in Indonesian)."""


class ReloadAfterReturn(kaleido.Kaleido):
    """Kaleido that puts a used tab back (reloaded) in the background instead of before answering."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._reloading: set[asyncio.Task] = set()

    async def _return_kaleido_tab(self, tab: Any) -> None:
        task = asyncio.create_task(super()._return_kaleido_tab(tab))
        self._reloading.add(task)  # keep a reference: an unreferenced task may be collected
        task.add_done_callback(self._reloading.discard)

    async def print_page(self, url: str, timeout: float) -> bytes:
        """The page at ``url`` printed to PDF on one of kaleido's tabs, which then goes back to kaleido."""
        ktab = await self._get_kaleido_tab()
        try:
            return await asyncio.wait_for(self._print_on(ktab.tab, url), timeout)
        finally:
            task = asyncio.create_task(self._go_home(ktab))  # kaleido's page again, while the PDF travels
            self._reloading.add(task)
            task.add_done_callback(self._reloading.discard)

    @staticmethod
    async def _print_on(tab: Any, url: str) -> bytes:
        loaded = _subscribe_new(tab, "Page.loadEventFired")  # kaleido enabled the Page events on this tab
        _check(await tab.send_command("Page.navigate", params={"url": url}), "membuka halaman")
        await loaded
        response = _check(await tab.send_command("Page.printToPDF", params=PRINT_OPTIONS), "mencetak PDF")
        return base64.b64decode(response["result"]["data"])

    async def _go_home(self, ktab: Any) -> None:
        await ktab.navigate(self._index)
        await self.tabs_ready.put(ktab)


def _check(response: dict, step: str) -> dict:
    if "error" in response:
        raise PrintError(f"Chromium gagal {step}: {response['error'].get('message', response['error'])}.")
    return response


def render_oneshot(fig: Any, opts: dict) -> bytes:
    """``fig`` rendered on a Chromium started and closed for this one image (MathJax off: no CDN)."""
    result: bytes = _sync_server.oneshot_async_run(kaleido.calc_fig, args=(fig,),
                                                   kwargs={"opts": opts, "kopts": {"mathjax": False}})
    return result
