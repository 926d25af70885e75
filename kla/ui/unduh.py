"""Downloads: the "Unduh" menu under every chart and map, and the ekspor page's media-kit ZIP.

Rendering an image takes a fraction of a second (the warm Chromium of kla/render.py; the first
one in a server process about 3 s more), so nothing is rendered while a page runs. Every button gets a
callable as ``data``: Streamlit 1.67 calls it on a worker thread when the browser asks for the
file, after the click. The callable must not call Streamlit (it has no script context), and an
exception there only reaches the browser as "Failed to generate file", so everything that can be
checked beforehand (the logo) is checked while the page runs and shown as an error instead.

The top half is plain Python (the ZIP plan and build, sizes, names); the bottom half draws.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import streamlit as st

from kla import catalog, config, export, render
from kla.charts import Chart
from kla.export import DATA_FORMATS, IMAGE_FORMATS, PNG_SCALE, PRESETS, ExportError, Preset, Stamp
from kla.i18n import Lang, format_number, t
from kla.text import escape_markdown

MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
ICONS = {"png": ":material/image:", "svg": ":material/draw:", "pdf": ":material/picture_as_pdf:",
         "csv": ":material/table:", "xlsx": ":material/grid_on:"}
ZIP_PREFIX = "kla-balikpapan-paket-media"
_warming = threading.Lock()  # held while a warm-up thread starts Chromium

# --- plain Python ----------------------------------------------------------------------------------


def today_stamp(lang: Lang, day: dt.date | None = None) -> Stamp:
    """Export date today, the interface language, the logo from ``KLA_LOGO`` (or none)."""
    return Stamp(day or dt.date.today(), lang, config.logo_path())


def logo_problem(stamp: Stamp) -> str | None:
    """Why the logo cannot go on an image (ExportError's Indonesian message), or None if it can."""
    if stamp.logo is None:
        return None
    try:
        export.logo_uri(stamp.logo)
    except ExportError as exc:
        return str(exc)
    return None


def format_size(n_bytes: int, lang: Lang = "id") -> str:
    """850 kB, 2,4 MB (decimal units, as file managers on phones show them)."""
    if n_bytes < 1_000_000:
        return t("ekspor.halaman.kb", lang, n=format_number(max(1, round(n_bytes / 1000)), 0, lang))
    return t("ekspor.halaman.mb", lang, n=format_number(n_bytes / 1_000_000, 1, lang))


def zip_name(day: dt.date) -> str:
    return f"{ZIP_PREFIX}-{day.isoformat()}.zip"


def plan(chart_list: Iterable[Chart], sizes: Sequence[Preset], formats: Sequence[str]) -> list[tuple[Chart, str, Preset]]:
    """Every file of the kit, in :func:`kla.export.chart_files` order: each image format at each
    size, each data format once (with the first size, which data files ignore)."""
    formats = export.check_formats(formats)
    if not sizes and any(f in IMAGE_FORMATS for f in formats):
        raise ExportError("Format gambar memerlukan sedikitnya satu ukuran.")
    first = sizes[0] if sizes else PRESETS["lanskap"]
    files = []
    for chart in chart_list:
        for fmt in formats:
            files += [(chart, fmt, size) for size in sizes] if fmt in IMAGE_FORMATS else [(chart, fmt, first)]
    return files


@dataclass
class Kit:
    """A built media kit: the ZIP and what the page says about it."""

    zip: bytes
    name: str
    files: list[str]
    charts: int
    sample: bool
    built: dt.datetime
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (chart label, reason)


def build_kit(names: Sequence[str], ctx: catalog.Context, sizes: Sequence[Preset], formats: Sequence[str],
              stamp: Stamp, progress: Callable[[float, str], None] = lambda _f, _s: None) -> Kit:
    """Build the charts ``names`` (those that cannot be made are skipped, with the reason), render
    every file with ``progress(fraction, text)`` after each, and pack them with a README.

    ExportError when nothing is left to pack or the logo is unusable.
    """
    lang = stamp.lang
    problem = logo_problem(stamp)
    if problem and any(f in IMAGE_FORMATS for f in formats):
        raise ExportError(problem)
    built, skipped = [], []
    for i, name in enumerate(names, start=1):
        label = catalog.entry(name).label(lang)
        progress(0.0, t("ekspor.halaman.progres.grafik", lang, i=i, n=len(names), nama=label))
        try:
            built.append(catalog.build(name, ctx))
        except ExportError as exc:
            skipped.append((label, str(exc)))
    todo = plan(built, sizes, formats)
    if not todo:
        raise ExportError(t("ekspor.halaman.kosong", lang) if not skipped else skipped[0][1])
    files: dict[str, bytes] = {}
    for i, (chart, fmt, size) in enumerate(todo, start=1):
        name = export.file_name(chart.name, fmt, size)
        files[name] = export.export_bytes(chart, fmt, size, stamp)
        progress(i / (len(todo) + 1), t("ekspor.halaman.progres.berkas", lang, i=i, n=len(todo), berkas=name))
    progress(len(todo) / (len(todo) + 1), t("ekspor.halaman.progres.zip", lang))
    readme = export.readme_text(built, sizes, formats, stamp, files, ctx.attribution)
    packed = export.build_zip(files, readme)
    progress(1.0, t("ekspor.halaman.progres.selesai", lang, n=len(files) + 1))  # + README.txt
    return Kit(packed, zip_name(stamp.exported), ["README.txt", *files], len(built),
               any(c.sample for c in built), dt.datetime.now(), skipped)


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
    lock, box = threading.Lock(), []

    def get() -> Chart:
        with lock:
            if not box:
                box.append(source())
            return box[0]
    return get


def file_maker(get: Callable[[], Chart], fmt: str, size: Preset, stamp: Stamp) -> Callable[[], bytes]:
    """What a download button calls when clicked (on a worker thread, without Streamlit)."""
    return lambda: export.export_bytes(get(), fmt, size, stamp)


# --- widgets ---------------------------------------------------------------------------------------


def download_menu(name: str, source: Chart | Callable[[], Chart], lang: Lang) -> None:
    """The "Unduh" popover: a size, then PNG, SVG, PDF, CSV and Excel buttons, each made on click.

    ``source`` is the chart, or a function that builds it (then only when a file is asked for).
    ``name`` (the chart's name) keys the widgets: unique per chart on a page, stable across reruns.
    """
    with st.popover(t("unduh.tombol", lang), icon=":material/download:", help=t("unduh.tombol.bantuan", lang),
                    key=f"unduh_{name}"):
        chosen = st.selectbox(t("unduh.ukuran", lang), list(PRESETS), key=f"unduh_ukuran_{name}",
                              format_func=lambda p: PRESETS[p].label(lang))
        size = PRESETS[chosen]
        st.caption(t("unduh.piksel", lang, lebar=format_number(size.width * PNG_SCALE, 0, lang),
                     tinggi=format_number(size.height * PNG_SCALE, 0, lang)))
        stamp = today_stamp(lang)
        problem = logo_problem(stamp)
        if problem:
            st.error(t("unduh.gagal", lang, pesan=escape_markdown(problem)), icon=":material/error:")
        get = _once(source)
        for group, formats in (("unduh.gambar", IMAGE_FORMATS), ("unduh.data", DATA_FORMATS)):
            st.markdown(f"**{t(group, lang)}**")
            with st.container(horizontal=True, gap="small"):
                for fmt in formats:
                    st.download_button(
                        t(f"unduh.format.{fmt}", lang), file_maker(get, fmt, size, stamp),
                        file_name=export.file_name(name, fmt, size), mime=MIME[fmt], key=f"unduh_{fmt}_{name}",
                        help=t(f"unduh.bantuan.{fmt}", lang), icon=ICONS[fmt], on_click="ignore",
                        disabled=bool(problem) and fmt in IMAGE_FORMATS)
