"""Every use of Streamlit's internals, in one place; the patches are applied when imported.

``dashboard.py`` imports this module first, so ``python -m kla serve`` and a plain
``streamlit run dashboard.py`` both run patched. Each use names the exact attribute or file it
relies on and fails loudly (at start-up, and in tests/test_streamlit_patches.py) when the pinned
Streamlit no longer has it, instead of silently protecting nothing.

Uses besides the patches:

- **Serving** (:mod:`kla.ui.serve`): the legacy ``pages/`` discovery is turned off on
  ``PagesManager`` before the server starts, "listening" is read from ``Runtime``, and the server
  is started through ``streamlit.web.cli`` in this process.
- **Plotly chunk preload** (:func:`kla.ui.widgets.preload_plotly`): the hashed file name of the
  frontend's plotly chunk and the entry script it is found relative to.

Patches:

- **Clear-cache messages are ignored.** Streamlit's frontend can send a ``clear_cache`` BackMsg
  (the "Clear cache" menu entry, or any websocket client that writes one), and the server then
  empties ``st.cache_data`` and ``st.cache_resource`` for every visitor of the process: the
  loaded data versions, the last good dataset and the shared charts. No visitor should be able to
  do that; the data itself lives in the store, and the caches refill themselves when it changes.
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
from pathlib import Path

import streamlit
from streamlit.runtime import Runtime, RuntimeState
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.pages_manager import PagesManager

log = logging.getLogger(__name__)

# The handler AppSession.handle_backmsg calls for a "clear_cache" BackMsg (Streamlit 1.67).
CLEAR_CACHE_HANDLER = "_handle_clear_cache_request"
CLEAR_CACHE_MESSAGE = "clear_cache"


class StreamlitChanged(RuntimeError):
    """The installed Streamlit no longer has what a patch replaces: the patch must be redone."""


def _ignore_clear_cache(session: AppSession) -> None:
    log.warning("Permintaan hapus cache dari sesi %s diabaikan: cache bersama tidak boleh dikosongkan pengunjung.",
                getattr(session, "id", "?"))


def ignore_clear_cache() -> None:
    """Replace the clear-cache handler of every app session with one that only logs the request."""
    handler = getattr(AppSession, CLEAR_CACHE_HANDLER, None)
    if handler is None:
        raise StreamlitChanged(f"Streamlit tidak lagi punya AppSession.{CLEAR_CACHE_HANDLER}: periksa cara versi ini "
                               "menangani pesan clear_cache lalu perbarui kla/ui/streamlit_patches.py.")
    if getattr(handler, "__qualname__", "") == _ignore_clear_cache.__qualname__:
        return  # applied already (also by an earlier copy of this module, e.g. after a reload)
    dispatch = inspect.getsource(AppSession.handle_backmsg)
    if f'"{CLEAR_CACHE_MESSAGE}"' not in dispatch or f"self.{CLEAR_CACHE_HANDLER}()" not in dispatch:
        raise StreamlitChanged(f"AppSession.handle_backmsg tidak lagi memanggil {CLEAR_CACHE_HANDLER} untuk pesan "
                               f"{CLEAR_CACHE_MESSAGE}: perbarui kla/ui/streamlit_patches.py.")
    setattr(AppSession, CLEAR_CACHE_HANDLER, _ignore_clear_cache)


def apply() -> None:
    """Apply every patch (idempotent)."""
    ignore_clear_cache()


# The class attribute PagesManager.__init__ sets from "is there a pages/ folder" while it is None.
PAGES_FLAG = "uses_pages_directory"


def disable_pages_directory() -> None:
    """Turn off the legacy ``pages/`` discovery for every session of this process (before the server starts).

    Streamlit 1.67 decides on the first session whether the app is a v1 multipage app by checking
    whether a ``pages/`` folder exists; only after ``st.navigation`` has run once does it switch
    that off. Until then the first visitor sees the folder's file names in the sidebar and a
    direct link such as ``/tren`` runs ``pages/tren.py`` without ``dashboard.py``.
    """
    decides = inspect.getsource(PagesManager.__init__)
    if not hasattr(PagesManager, PAGES_FLAG) or f"PagesManager.{PAGES_FLAG} is None" not in decides:
        raise StreamlitChanged(f"PagesManager tidak lagi memutuskan {PAGES_FLAG} dari folder pages/: periksa cara "
                               "versi ini menemukan halaman lalu perbarui kla/ui/streamlit_patches.py.")
    setattr(PagesManager, PAGES_FLAG, False)


def server_listening() -> bool:
    """True once this process's Streamlit server has started (its runtime left the INITIAL state)."""
    return Runtime.exists() and Runtime.instance().state != RuntimeState.INITIAL


def run_server(script: Path, streamlit_args: list[str]) -> int:
    """``streamlit run script *streamlit_args`` in this process; its exit code."""
    from streamlit.web import cli as streamlit_cli  # click and the server: only when serving

    return streamlit_cli.main(["run", str(script), *streamlit_args], standalone_mode=False) or 0


# Streamlit loads plotly's 4,7 MB frontend chunk only when the first chart arrives, after the
# script's data work; asking for it at the first message lets the browser fetch and compile it
# meanwhile (cold start: see docs/BENCHMARKS.md). The chunk's hashed name changes with Streamlit;
# it is resolved against the entry script's URL, wherever the app is mounted.
FRONTEND_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"
PLOTLY_CHUNK_GLOB = "PlotlyChart.*.js"
ENTRY_SCRIPT_SELECTOR = 'script[src*="static/js/index."]'
PRELOAD_JS = """<script>(() => {
  const entry = document.querySelector(ENTRY);
  if (!entry || document.querySelector('link[data-kla-preload]')) return;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = new URL(FILE, entry.src).href;
  link.dataset.klaPreload = '1';
  document.head.appendChild(link);
})();</script>"""


@functools.cache
def plotly_chunk() -> str | None:
    """File name of Streamlit's plotly chunk (``PlotlyChart.<hash>.js``), None if not found."""
    found = sorted(FRONTEND_JS.glob(PLOTLY_CHUNK_GLOB))
    return found[0].name if found else None


def plotly_preload_html() -> str | None:
    """The script that starts loading the plotly chunk (file name and selector are ours, not user text)."""
    name = plotly_chunk()
    if name is None:
        return None
    return PRELOAD_JS.replace("ENTRY", json.dumps(ENTRY_SCRIPT_SELECTOR)).replace("FILE", json.dumps(name))


apply()
