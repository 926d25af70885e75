"""Downloads: the "Unduh" menu under every chart and map, and the ekspor page's media-kit ZIP.

Rendering an image takes a fraction of a second (the warm Chromium of kla/render.py; the first
one in a server process about 3 s more), so nothing is rendered while a page runs. Every button gets a
callable as ``data``: Streamlit 1.67 calls it on a worker thread when the browser asks for the
file, after the click. The callable must not call Streamlit (it has no script context); an
exception there reaches the browser as the sentence :func:`failure_text` gives for it (through
kla.ui.streamlit_patches.explained_download; Streamlit itself would say "Failed to generate file
for download"). Everything that can be checked beforehand (the logo) is checked while the page
runs and shown as an error instead.

Heavy files are bounded (:mod:`kla.press_cache`): images and media kits are made once per data
version and choice and then read from disk, at most a few at a time for the whole server. Each
visitor may ask for a media kit or a meeting brief only a few times in a few minutes
(:class:`Guard`, :data:`LIMITS`); past that, and when the server's queue is full, the page says
so politely. Buttons read the finished file only when clicked, so no file's bytes are kept in
the session.

Building the kit itself is plain Python in the core, :mod:`kla.presskit` (the CLI uses it too). Here the
top half is plain Python (limits, sizes, one image per click); the bottom half draws.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from kla import export, press_cache, render
from kla.charts import Chart
from kla.export import DATA_FORMATS, IMAGE_FORMATS, PNG_SCALE, PRESETS, Preset, Stamp
from kla.i18n import Lang, format_number, t
from kla.press_cache import Busy, Key, PressCache

# the press kit is built in the core (kla.presskit, shared with `python -m kla export`); named here too
# because the ekspor page and the burst benchmark reach it through this module
from kla.presskit import (  # noqa: F401
    KIT_META,
    ZIP_PREFIX,
    Kit,
    build_kit,
    kit_key,
    logo_problem,
    pack_kit,
    plan,
    today_stamp,
    zip_name,
)
from kla.ratelimit import RateLimit, RateLimited, seconds_to_wait
from kla.text import escape_markdown
from kla.ui.sematan import embed_code
from kla.ui.streamlit_patches import explained_download

MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "csv": "text/csv", "csv_id": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
ICONS = {"png": ":material/image:", "svg": ":material/draw:", "pdf": ":material/picture_as_pdf:",
         "csv": ":material/table:", "csv_id": ":material/table_view:", "xlsx": ":material/grid_on:"}
# per visitor: (requests, seconds). A meeting needs one brief, a press release one or two kits;
# a person trying choices stays well inside, a script clicking in a loop does not
LIMITS = {"ringkasan": (5, 300), "zip": (4, 600)}
BUSY_NOTICE_S = 60  # how long the page keeps saying that the server was busy
_warming = threading.Lock()  # held while a warm-up thread starts Chromium

# --- plain Python ----------------------------------------------------------------------------------


def format_size(n_bytes: int, lang: Lang = "id") -> str:
    """850 kB, 2,4 MB (decimal units, as file managers on phones show them)."""
    if n_bytes < 1_000_000:
        return t("ekspor.halaman.kb", lang, n=format_number(max(1, round(n_bytes / 1000)), 0, lang))
    return t("ekspor.halaman.mb", lang, n=format_number(n_bytes / 1_000_000, 1, lang))


@dataclass
class Guard:
    """One visitor's allowance for one kind of heavy file, and when the server last said it was busy.

    Kept in the visitor's session (small: a few timestamps). A download's callable runs on a worker
    thread, where an exception reaches the browser only as "Failed to generate file"; so the page
    shows :meth:`notice` too, in words, while it applies.
    """

    limit: RateLimit
    busy_at: float | None = None

    @classmethod
    def of(cls, kind: str) -> Guard:
        return cls(RateLimit(*LIMITS[kind]))

    def wrap(self, make: Callable[[], bytes], lang: Lang = "id") -> Callable[[], bytes]:
        """``make`` counted against the allowance: RateLimited (nothing made) when it is used up.

        A failure reaches the visitor as :func:`failure_text` in ``lang``.
        """

        def guarded() -> bytes:
            self.limit.acquire()
            try:
                return make()
            except Busy:
                self.busy_at = time.monotonic()
                raise
        return explained_download(guarded, lambda exc: failure_text(exc, lang))

    def notice(self, lang: Lang) -> str | None:
        """The polite sentence to show now, or None."""
        wait = self.limit.wait_s()
        if wait > 0:
            return limit_text(self.limit.limit, self.limit.window_s, wait, lang)
        if self.busy_at is not None and time.monotonic() - self.busy_at < BUSY_NOTICE_S:
            return t("unduh.sibuk", lang)
        return None


def failure_text(exc: Exception, lang: Lang) -> str:
    """What the visitor reads beside a download button whose file could not be made."""
    if isinstance(exc, RateLimited):
        return limit_text(exc.limit, exc.window_s, exc.wait_s, lang)
    if isinstance(exc, Busy):
        return t("unduh.sibuk", lang)
    return t("unduh.gagal_umum", lang)


def limit_text(limit: int, window_s: float, wait_s: float, lang: Lang) -> str:
    return t("unduh.batas", lang, n=limit, menit=format_number(window_s / 60, 0, lang),
             detik=format_number(seconds_to_wait(wait_s), 0, lang))


def warm_up() -> None:
    """Start the shared Chromium in the background (it takes about 3 s) unless it runs or is starting.

    For a page where images are about to be made: the page itself does not wait for it.
    """
    if render.shared().alive() or not _warming.acquire(blocking=False):
        return

    def start() -> None:
        try:
            export.start_renderer()
        except Exception:  # the first export starts it again and reports what goes wrong
            logging.getLogger(__name__).warning("Chromium untuk ekspor gambar gagal dimulai", exc_info=True)
        finally:
            _warming.release()

    threading.Thread(target=start, name="kla-warm-up", daemon=True).start()


def _once(source: Chart | Callable[[], Chart]) -> Callable[[], Chart]:
    """The chart, built at most once even when two downloads ask for it at the same time."""
    if isinstance(source, Chart):
        return lambda: source
    lock = threading.Lock()
    box: list[Chart] = []

    def get() -> Chart:
        with lock:
            if not box:
                box.append(source())
            return box[0]
    return get


def file_maker(get: Callable[[], Chart], fmt: str, size: Preset, stamp: Stamp,
               cache: PressCache | None = None, version: str = "v0") -> Callable[[], bytes]:
    """What a download button calls when clicked (on a worker thread, without Streamlit).

    Images go through ``cache``: keyed by the finished figure itself (logo, date and language are in
    it), so a second click, or another visitor's, reads the file instead of rendering it again.
    Data files take milliseconds and are made every time.
    """
    if cache is None or fmt not in IMAGE_FORMATS:
        return explained_download(lambda: export.export_bytes(get(), fmt, size, stamp),
                                  lambda exc: failure_text(exc, stamp.lang))

    def image() -> bytes:
        figure = export.press_figure(get(), size, stamp)
        drawn = hashlib.sha256(figure.to_json().encode()).hexdigest()
        key = Key.of(version, "gambar", fmt, gambar=drawn, ukuran=size.name)
        return cache.get(key, lambda: export.render(figure, fmt, size)).read()
    return explained_download(image, lambda exc: failure_text(exc, stamp.lang))


# --- widgets ---------------------------------------------------------------------------------------


def shown_version() -> str:
    """The published data version the pages show, as the press cache names its folder."""
    from kla.ui.data import published_id

    number = published_id()
    return f"v{number}" if number is not None else "v0"


def session_guard(kind: str) -> Guard:
    """This visitor's :class:`Guard` for ``kind`` (a key of :data:`LIMITS`), kept in the session."""
    key = f"_kla_batas_{kind}"
    if key not in st.session_state:
        st.session_state[key] = Guard.of(kind)
    return st.session_state[key]


def show_notice(guard: Guard, lang: Lang) -> None:
    """The guard's polite sentence, if one applies now."""
    text = guard.notice(lang)
    if text:
        st.info(text, icon=":material/hourglass_top:")


def download_menu(name: str, source: Chart | Callable[[], Chart], lang: Lang) -> None:
    """The "Unduh" popover: a size, then PNG, SVG, PDF, CSV and Excel buttons, each made on click.

    ``source`` is the chart, or a function that builds it (then only when a file is asked for).
    ``name`` (the chart's name) keys the widgets: unique per chart on a page, stable across reruns.
    """
    with st.popover(t("unduh.tombol", lang), icon=":material/download:", help=t("unduh.tombol.bantuan", lang),
                    key=f"unduh_{name}"):
        chosen = st.selectbox(t("unduh.ukuran", lang), list(PRESETS), key=f"unduh_ukuran_{name}",
                              placeholder=t("pilih.satu", lang),
                              format_func=lambda p: PRESETS[p].label(lang))
        size = PRESETS[chosen]
        st.caption(t("unduh.piksel", lang, lebar=format_number(size.width * PNG_SCALE, 0, lang),
                     tinggi=format_number(size.height * PNG_SCALE, 0, lang)))
        stamp = today_stamp(lang)
        problem = logo_problem(stamp)
        if problem:
            st.error(t("unduh.gagal", lang, pesan=escape_markdown(problem)), icon=":material/error:")
        get, cache, version = _once(source), press_cache.shared(), shown_version()
        for group, formats in (("unduh.gambar", IMAGE_FORMATS), ("unduh.data", DATA_FORMATS)):
            st.markdown(f"**{t(group, lang)}**")
            with st.container(horizontal=True, gap="small"):
                for fmt in formats:
                    st.download_button(
                        t(f"unduh.format.{fmt}", lang), file_maker(get, fmt, size, stamp, cache, version),
                        file_name=export.file_name(name, fmt, size), mime=MIME[fmt], key=f"unduh_{fmt}_{name}",
                        help=t(f"unduh.bantuan.{fmt}", lang), icon=ICONS[fmt], on_click="ignore",
                        disabled=bool(problem) and fmt in IMAGE_FORMATS)
        embed_code(name, lang)  # the static embed page's <iframe> code, for charts of the export catalogue
