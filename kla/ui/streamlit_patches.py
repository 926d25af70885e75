"""Every change this app makes to Streamlit's internals, in one place, applied when imported.

``dashboard.py`` imports this module first, so ``python -m kla serve`` and a plain
``streamlit run dashboard.py`` both run patched. Each patch names the exact attribute it replaces
and fails loudly (at start-up, and in tests/test_streamlit_patches.py) when the pinned Streamlit
no longer has it, instead of silently protecting nothing.

Patches:

- **Clear-cache messages are ignored.** Streamlit's frontend can send a ``clear_cache`` BackMsg
  (the "Clear cache" menu entry, or any websocket client that writes one), and the server then
  empties ``st.cache_data`` and ``st.cache_resource`` for every visitor of the process: the
  loaded data versions, the last good dataset and the shared charts. No visitor should be able to
  do that; the data itself lives in the store, and the caches refill themselves when it changes.
"""

from __future__ import annotations

import inspect
import logging

from streamlit.runtime.app_session import AppSession

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


apply()
