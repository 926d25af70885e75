"""Every use of Streamlit's internals, in one place; the patches are applied when imported.

``dashboard.py`` imports this module first, so ``python -m kla serve`` and a plain
``streamlit run dashboard.py`` both run patched. Each use names the exact attribute or file it
relies on and fails loudly (at start-up, and in tests/test_streamlit_patches.py) when the pinned
Streamlit no longer has it, instead of silently protecting nothing.

Uses besides the patches:

- **Serving** (:mod:`kla.ui.serve`): ``streamlit run`` must still find ``dashboard.py``'s
  module-level ``st.App`` (its app discovery), whose lifespan turns the legacy ``pages/`` discovery
  off on ``PagesManager`` before the first visitor; "listening" is read from ``Runtime``, and
  ``python -m kla serve`` starts the server through ``streamlit.web.cli`` in this process.
- **Plotly chunk preload** (:func:`kla.ui.widgets.preload_plotly`): the hashed file name of the
  frontend's plotly chunk and the entry script it is found relative to.
- **Widget texts in the page's language** (:func:`widget_texts_html`): the English texts that
  Streamlit's frontend builds into its widgets with no parameter to change them ("No results",
  "Select 3 matches", "Press Enter to apply", number-input range errors), found in the pinned
  frontend bundle and replaced in the page as they appear. Placeholders and "Select all" are set
  through widget parameters instead (:mod:`kla.ui.widgets`). The same page script declares the page's
  language on ``<html lang>`` (index.html says "en") and lets Tab reach a table that scrolls sideways
  (docs/ACCESSIBILITY.md).

Patches:

- **Clear-cache messages are ignored.** Streamlit's frontend can send a ``clear_cache`` BackMsg
  (the "Clear cache" menu entry, or any websocket client that writes one), and the server then
  empties ``st.cache_data`` and ``st.cache_resource`` for every visitor of the process: the
  loaded data versions, the last good dataset and the shared charts. No visitor should be able to
  do that; the data itself lives in the store, and the caches refill themselves when it changes.
- **An unknown page is said on the page.** For a URL path no page has, ``st.navigation`` sends
  a "page not found" message that the frontend shows as an English dialog ("You have requested
  page /xyz ..."). Instead the path asked for is kept for the script (:func:`unknown_page`), and
  ``dashboard.py`` says in the page's language that the page does not exist and what is shown.
- **A download that cannot be made says why, in words.** A download button's callable runs on a
  worker thread; when it raises, Streamlit answers the browser with "Failed to generate file for
  download". Callables wrapped by :func:`explained_download` leave their own sentence (in the
  visitor's language) for that answer instead; any other failure gets a bilingual sentence.
"""

from __future__ import annotations

import contextvars
import functools
import inspect
import json
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import streamlit
from streamlit.commands import navigation as st_navigation
from streamlit.runtime import Runtime, RuntimeState
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.backend_operation_handler import DeferredFileHandler
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

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


# --- an unknown page: said by the page, not by Streamlit's English dialog ------------------------

PAGE_NOT_FOUND_SENDER = "send_page_not_found"  # module function st.navigation calls for an unknown path
UNKNOWN_PAGE_KEY = "_kla_halaman_tidak_ada"  # session_state: the path asked for, until the page reads it


def _remember_unknown_page(ctx: Any) -> None:
    """Instead of the "page not found" message: keep the path for :func:`unknown_page` (the default page runs)."""
    name = getattr(ctx.pages_manager, "intended_page_name", None) or ""
    ctx.session_state[UNKNOWN_PAGE_KEY] = str(name)


def keep_unknown_page_for_the_script() -> None:
    sender = getattr(st_navigation, PAGE_NOT_FOUND_SENDER, None)
    if sender is None:
        raise StreamlitChanged(f"streamlit.commands.navigation tidak lagi punya {PAGE_NOT_FOUND_SENDER}: periksa "
                               "cara st.navigation melaporkan halaman yang tidak ada lalu perbarui "
                               "kla/ui/streamlit_patches.py.")
    if sender is _remember_unknown_page:
        return
    if f"{PAGE_NOT_FOUND_SENDER}(ctx)" not in inspect.getsource(st_navigation._navigation):
        raise StreamlitChanged(f"st.navigation tidak lagi memanggil {PAGE_NOT_FOUND_SENDER}(ctx): perbarui "
                               "kla/ui/streamlit_patches.py.")
    setattr(st_navigation, PAGE_NOT_FOUND_SENDER, _remember_unknown_page)


def unknown_page() -> str | None:
    """The URL path asked for in this run when no page has it ("" for an empty one), else None; read once."""
    ctx = get_script_run_ctx()
    if ctx is None or UNKNOWN_PAGE_KEY not in ctx.session_state:
        return None
    name = ctx.session_state[UNKNOWN_PAGE_KEY]
    del ctx.session_state[UNKNOWN_PAGE_KEY]
    return str(name)


# --- a failed download: a sentence, not "Failed to generate file for download" ---------------------

DOWNLOAD_FAILED = "Failed to generate file for download"  # DeferredFileHandler.handle's error_msg
DOWNLOAD_FAILED_ANY = ("Berkas tidak dapat dibuat; coba lagi sebentar lagi. / "
                       "The file could not be made; please try again shortly.")
_download_failures: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("kla_unduh_gagal",
                                                                                      default=None)
Made = TypeVar("Made")


def explained_download(make: Callable[[], Made], explain: Callable[[Exception], str]) -> Callable[[], Made]:
    """``make`` for a download button: when it raises, ``explain(exc)`` is what the visitor reads.

    The callable runs in the thread of :class:`DeferredFileHandler` (``asyncio.to_thread`` copies the
    handler's context into it), so the sentence reaches the patched handler through a context variable.
    """

    def made() -> Made:
        try:
            return make()
        except Exception as exc:
            failures = _download_failures.get()
            if failures is not None:
                failures.append(explain(exc))
            raise
    return made


_original_deferred_handle = DeferredFileHandler.handle


async def _explained_deferred_handle(self: DeferredFileHandler, request: Any, session_id: str) -> Any:
    failures: list[str] = []
    token = _download_failures.set(failures)
    try:
        response = await _original_deferred_handle(self, request, session_id)
    finally:
        _download_failures.reset(token)
    if response.error_msg == DOWNLOAD_FAILED:
        response.error_msg = failures[-1] if failures else DOWNLOAD_FAILED_ANY
    return response


def explain_failed_downloads() -> None:
    if DeferredFileHandler.handle is _explained_deferred_handle:
        return
    source = inspect.getsource(_original_deferred_handle)
    if f'"{DOWNLOAD_FAILED}"' not in source or "asyncio.to_thread" not in source:
        raise StreamlitChanged("DeferredFileHandler.handle meringkas kegagalan unduhan dengan cara lain: perbarui "
                               "kla/ui/streamlit_patches.py.")
    DeferredFileHandler.handle = _explained_deferred_handle  # type: ignore[method-assign]


def apply() -> None:
    """Apply every patch (idempotent)."""
    ignore_clear_cache()
    keep_unknown_page_for_the_script()
    explain_failed_downloads()


# The class attribute PagesManager.__init__ sets from "is there a pages/ folder" while it is None.
PAGES_FLAG = "uses_pages_directory"


def disable_pages_directory() -> None:
    """Turn off the legacy ``pages/`` discovery for every session of this process (before the first session).

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


# What ``streamlit run <script>`` does with a script that assigns a module-level ``st.App``: it imports
# the script as a module and serves that app (streamlit.web.cli._main_run, Streamlit 1.67).
APP_DISCOVERY = "discover_asgi_app"
APP_RUNNER = "run_asgi_app"
APP_NAME = "app"


def require_served_app(script: Path) -> None:
    """Fail unless ``streamlit run script`` serves the module-level ``app = st.App(...)`` of ``script``.

    That app's lifespan is what turns the legacy ``pages/`` mode off before the first visitor; without
    it the server would still start, and its first visitor would get the ``pages/`` file names.
    """
    from streamlit.web import cli as streamlit_cli
    from streamlit.web.server import app_discovery

    run = inspect.getsource(streamlit_cli._main_run)
    if not hasattr(app_discovery, APP_DISCOVERY) or APP_DISCOVERY not in run or APP_RUNNER not in run:
        raise StreamlitChanged(f"streamlit run tidak lagi mencari st.App di skripnya ({APP_DISCOVERY}/{APP_RUNNER}): "
                               "periksa cara versi ini menjalankan st.App lalu perbarui kla/ui/streamlit_patches.py "
                               "dan kla/ui/serve.py.")
    found = getattr(app_discovery, APP_DISCOVERY)(script)
    if not found.is_asgi_app or found.app_name != APP_NAME:
        raise StreamlitChanged(f"streamlit run {script.name} tidak menemukan '{APP_NAME} = st.App(...)' di tingkat "
                               f"modul {script.name}: tanpa lifespan-nya pengunjung pertama melihat nama berkas "
                               "pages/.")


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



# --- widget texts the frontend builds in: replaced in the page as they appear ----------------------

# (English as the pinned frontend writes it, as a JS regular expression; the text-key of our words).
# Each was read from streamlit/static/static/js (Selectbox, Multiselect, InputInstructions, NumberInput
# chunks); tests/test_streamlit_patches.py fails when the bundle no longer has one of them.
FRONTEND_TEXTS: tuple[tuple[str, str, str], ...] = (
    # (as it appears in the bundle, pattern, key in kla/strings/publik.py)
    ("`No results`", r"^No results$", "st.tidak_ada_hasil"),
    ("`Select all`", r"^Select all$", "st.pilih_semua"),
    ("`Select ${p.length} matches`", r"^Select (\d+) matches$", "st.pilih_cocok"),
    ("`You can only select up to ${t.maxSelections} ${e}. Remove an option first.`",
     r"^You can only select up to (\d+) options?\. Remove an option first\.$", "st.maks_pilihan"),
    ("`Press Enter to ${e}`", r"^Press Enter to apply$", "st.enter_terapkan"),
    ("`submit form`", r"^Press Enter to submit form$", "st.enter_kirim"),
    ("+Enter to ${e}`", r"^Press (?:⌘|Ctrl)\+Enter to (?:apply|submit form)$", "st.ctrl_enter"),
    ("`Clear all`", r"^Clear all$", "st.hapus_semua"),
    ("`Clear value`", r"^Clear value$", "st.hapus_pilihan"),
    ("`Remove ${e}`", r"^Remove (.+)$", "st.hapus"),
    ("`Increment`", r"^Increment$", "st.tambah"),
    ("`Decrement`", r"^Decrement$", "st.kurang"),
    ("`Number is above the allowed range.`", r"^Number is above the allowed range\.$", "st.angka_di_atas"),
    ("`Number is below the allowed range.`", r"^Number is below the allowed range\.$", "st.angka_di_bawah"),
    ("`Number is outside the allowed range. Please enter a value between ${n} and ${r}.`",
     r"^Number is outside the allowed range\. Please enter a value between (.+) and (.+)\.$", "st.angka_di_luar"),
    # aria-labels and titles a screen reader says (issue 17): headings, help buttons, the sidebar, tables, dates
    ("`Skip to main content`", r"^Skip to main content$", "st.lewati"),
    ("`Link to heading`", r"^Link to heading$", "st.tautan_judul"),
    ("`Help for ${", r"^Help for (.+)$", "st.bantuan_untuk"),
    ("?`Help`:", r"^Help$", "st.bantuan"),
    ("`Sidebar`", r"^Sidebar$", "st.bilah_samping"),
    ("`Collapse sidebar`", r"^Collapse sidebar$", "st.tutup_bilah"),
    ("`Expand sidebar`", r"^Expand sidebar$", "st.buka_bilah"),
    ("`App pages`", r"^App pages$", "st.halaman_app"),
    ("`Open`", r"^Open$", "st.buka"),
    ("`Close`", r"^Close$", "st.tutup"),
    ("`Selected values`", r"^Selected values$", "st.nilai_terpilih"),
    ("`Show/hide columns`", r"^Show/hide columns$", "st.kolom_tampil"),
    ("`Download as CSV`", r"^Download as CSV$", "st.unduh_csv"),
    ("label:`Search`", r"^Search$", "st.cari"),
    ("label:`Fullscreen`", r"^Fullscreen$", "st.layar_penuh"),
    ("`Close fullscreen`", r"^Close fullscreen$", "st.tutup_layar_penuh"),
    ("`Copy to clipboard`", r"^Copy to clipboard$", "st.salin"),
    ("`Copied`", r"^Copied$", "st.tersalin"),
    # a date range's parts: "day, Rentang tanggal start date" becomes "hari, Rentang tanggal, tanggal awal"
    # (the part names are the browser's Intl.DisplayNames for its own locale; each pattern applies once, in order)
    ("`${ce} start date`", r"^(.+) start date$", "st.tanggal_awal"),
    ("`${ce} end date`", r"^(.+) end date$", "st.tanggal_akhir"),
    ("type:`dateTimeField`", r"^day, (.+)$", "st.bagian_hari"),
    ("type:`dateTimeField`", r"^month, (.+)$", "st.bagian_bulan"),
    ("type:`dateTimeField`", r"^year, (.+)$", "st.bagian_tahun"),
    ("`Choose date range`", r"^Choose date range$", "st.pilih_rentang"),
    ("`Choose date`", r"^Choose date$", "st.pilih_tanggal"),
    ("`Previous month`", r"^Previous month$", "st.bulan_lalu"),
    ("`Next month`", r"^Next month$", "st.bulan_depan"),
    ("`Clear dates`", r"^Clear dates$", "st.hapus_tanggal"),
    ("`Clear date`", r"^Clear date$", "st.hapus_satu_tanggal"),
    ("`Running...`", r"^Running\.\.\.$", "st.sedang_berjalan"),
    ("`Scroll tabs left`", r"^Scroll tabs left$", "st.geser_kiri"),
    ("`Scroll tabs right`", r"^Scroll tabs right$", "st.geser_kanan"),
)
FRONTEND_CHUNKS = ("Selectbox.*.js", "Multiselect.*.js", "InputInstructions.*.js", "NumberInput.*.js",
                   "StreamlitMarkdown.*.js", "index.*.js", "DataFrame.*.js", "Toolbar.*.js", "useCopyToClipboard.*.js",
                   "DateInput.*.js", "DateField.*.js", "ReorderedSegments.*.js")
TRANSLATED_ATTRIBUTES = ("aria-label", "placeholder", "title")
SCROLL_BOXES = '[data-testid="stTable"] > div'  # st.table's box, which scrolls sideways when the table is wider

# A container holding a still picture in a frame (the profile's locator map): the frame leaves the Tab order.
STILL_FRAME_KEY = "bingkai_diam"
STILL_FRAMES = f".st-key-{STILL_FRAME_KEY} iframe"

WIDGET_TEXTS_JS = """<script>(() => {
  document.documentElement.lang = LANG;
  // Streamlit's "localized" table numbers and dates format with navigator.languages (the browser's locale,
  // read at each call): an Indonesian page in an English browser showed 1,234.5. The page's language wins.
  const locale = LANG === "id" ? "id-ID" : "en-US";
  for (const [name, value] of [["languages", [locale]], ["language", locale]]) {
    try { Object.defineProperty(navigator, name, {configurable: true, get: () => value}); } catch (e) {}
  }
  window.__klaTexts = TABLE;
  const attrs = ATTRS;
  // each pattern applies once, in table order: a label built of two texts ("day, … start date") gets both
  const swap = (text) => {
    let out = text;
    for (const [pattern, words] of window.__klaTexts) {
      const m = out.match(new RegExp(pattern));
      if (m) out = words.replace(/\\{(\\d)\\}/g, (_, i) => m[Number(i)]);
    }
    return out === text ? null : out;
  };
  const fix = (root) => {
    if (!window.__klaTexts.length) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = node.data.trim() && swap(node.data.trim());
      if (words) node.data = words;
    }
    const elements = root.querySelectorAll ? root.querySelectorAll(attrs.map(a => `[${a}]`).join(',')) : [];
    for (const el of elements) {
      for (const a of attrs) {
        const words = el.hasAttribute(a) && swap(el.getAttribute(a));
        if (words) el.setAttribute(a, words);
      }
    }
  };
  // a table wider than its box scrolls: keyboard users reach it with Tab to scroll it (WCAG 2.1.1)
  const scrollable = () => {
    for (const box of document.querySelectorAll(SCROLL_BOXES)) {
      if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute('tabindex')) box.tabIndex = 0;
    }
  };
  // a still picture's frame (nothing to operate inside) is no Tab stop; its words are beside it
  const still = () => {
    for (const frame of document.querySelectorAll(STILL_FRAMES)) {
      if (frame.tabIndex !== -1) { frame.tabIndex = -1; frame.setAttribute('aria-hidden', 'true'); }
    }
  };
  fix(document.body);
  scrollable();
  still();
  if (window.__klaTextsObserver) return;
  window.addEventListener('resize', scrollable);
  window.__klaTextsObserver = new MutationObserver((changes) => {
    for (const c of changes) fix(c.type === 'characterData' ? c.target.parentNode || document.body : c.target);
    scrollable();
    still();
  });
  window.__klaTextsObserver.observe(document.body, {subtree: true, childList: true, characterData: true,
                                                    attributes: true, attributeFilter: attrs});
})();</script>"""


def frontend_text_table(words: Mapping[str, str]) -> list[tuple[str, str]]:
    """(pattern, our words with {1}, {2} for the pattern's groups) for every built-in text; ``words``: key -> text."""
    return [(pattern, words[key]) for _, pattern, key in FRONTEND_TEXTS]


def widget_texts_html(words: Mapping[str, str] | None, lang: str) -> str:
    """The script that puts ``words`` (key -> text; None: leave Streamlit's English) in place of the built-in texts.

    It also declares the page's language on ``<html lang>``: Streamlit's index.html says "en" whatever the
    visitor reads, and screen readers pick their voice and pronunciation from it.
    Idempotent: one observer per page; running it again (another language) only changes the table and lang.
    """
    table = frontend_text_table(words) if words else []
    return (WIDGET_TEXTS_JS.replace("LANG", json.dumps(lang))  # first: the words could contain "LANG"
            .replace("TABLE", json.dumps(table, ensure_ascii=False))
            .replace("ATTRS", json.dumps(list(TRANSLATED_ATTRIBUTES)))
            .replace("SCROLL_BOXES", json.dumps(SCROLL_BOXES))
            .replace("STILL_FRAMES", json.dumps(STILL_FRAMES)))


apply()
