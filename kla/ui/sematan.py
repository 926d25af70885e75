"""The <iframe> code of the static embed pages (kla.embeds), with a live preview.

Under every chart's Unduh menu (:func:`embed_code`) and on the Ekspor page (:func:`embed_panel`). The
code points at ``terbaru`` (always the published version) or at one fixed version; its address is
``KLA_PUBLIC_URL`` when set, else the address this visitor reached the dashboard at, so a copied
code works on another site. The preview loads the same page from this host: it draws with
plotly.js from the embed's own asset folder, outside Streamlit.

Embed pages are written at each publication (kla.embeds.hook). When the published version has none
yet (the first version, imported when the server first started, is not published through the
store's publish), the admin or single process starts writing them in the background, once.
"""

from __future__ import annotations

import html
import threading
from urllib.parse import urlsplit

import streamlit as st

from kla import config
from kla.embeds import layout
from kla.i18n import Lang, t
from kla.ui.data import published_id, store

_started: set[int] = set()  # versions this process has started writing
_started_lock = threading.Lock()


def embed_base() -> str:
    """``https://host/embed`` (or ``…/app/static/embed`` in single-process mode), for code copied elsewhere."""
    origin = config.public_url()
    if not origin:
        parts = urlsplit(st.context.url or "")
        origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    return f"{origin}{config.embed_url_path()}"


def iframe_code(src: str, title: str, height: int) -> str:
    """The code to paste: full width of its column, the page's own height, lazy, no border."""
    return (f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" width="100%" height="{int(height)}" '
            f'style="border:0;max-width:100%" loading="lazy"></iframe>')


def _start_writing(version: int) -> None:
    from kla.embeds.hook import sync_logged

    with _started_lock:
        if version in _started:
            return
        _started.add(version)
    threading.Thread(target=sync_logged, args=(store(), config.embed_dir(), config.public_url()),
                     name="kla-sematan", daemon=True).start()


def published_manifest(lang: Lang, say: bool = True) -> layout.Manifest | None:
    """The embeds of the published version; None (with a note when ``say``) when they are not written yet."""
    current = published_id()
    if current is None:
        return None
    manifest = layout.read_manifest(config.embed_dir() / layout.LATEST)
    if manifest is not None and manifest.version == current:
        return manifest
    writer = config.embeds_enabled() and config.staff_pages_enabled()  # a public replica never writes
    if writer:
        _start_writing(current)
    if say:
        st.caption(t("sematan.disiapkan" if writer else "sematan.belum", lang, versi=current))
    return None


def _code_choices(info: layout.EmbedInfo, manifest: layout.Manifest, lang: Lang, key: str) -> str:
    """The code (latest or fixed version, the visitor's choice) shown to copy; its URL."""
    base = embed_base()
    fixed = st.toggle(t("sematan.kode.tetap", lang, versi=manifest.version), key=f"sematan_tetap_{key}",
                      help=t("sematan.kode.terbaru", lang))
    src = layout.url(base, info.name, manifest.version if fixed else None)
    st.code(iframe_code(src, info.title, info.height), language="html", wrap_lines=True)
    return layout.url(config.embed_url_path(), info.name, manifest.version if fixed else None)


def embed_code(name: str, lang: Lang) -> None:
    """In the Unduh menu: the code of chart ``name`` and a preview on demand (nothing when it has no embed)."""
    manifest = published_manifest(lang, say=False)
    info = manifest.chart(name) if manifest is not None else None
    if manifest is None or info is None:
        return
    st.markdown(f"**{t('sematan.judul', lang)}**")
    st.caption(t("sematan.bawaan", lang))
    local = _code_choices(info, manifest, lang, f"menu_{name}")
    if st.toggle(t("sematan.pratinjau.tampil", lang), key=f"sematan_pratinjau_{name}"):
        st.iframe(local, height=info.height)


def embed_panel(lang: Lang, names: list[str] | None = None) -> None:
    """On the Ekspor page: pick a chart, copy its code, see it drawn."""
    st.subheader(t("sematan.judul", lang))
    st.markdown(t("sematan.pengantar", lang))
    manifest = published_manifest(lang)
    if manifest is None:
        return
    offered = [c for c in manifest.charts if names is None or c.name in names] or list(manifest.charts)
    titles = {c.name: c.title for c in offered}
    chosen = st.selectbox(t("sematan.grafik", lang), list(titles), key="sematan_grafik",
                          format_func=lambda n: t(f"katalog.{n}", lang), placeholder=t("pilih.satu", lang))
    info = manifest.chart(chosen or offered[0].name)
    assert info is not None  # chosen from the manifest's own charts
    st.markdown(f"**{t('sematan.kode', lang)}**")
    local = _code_choices(info, manifest, lang, "ekspor")
    st.markdown(f"**{t('sematan.pratinjau', lang)}**")
    st.iframe(local, height=info.height)
