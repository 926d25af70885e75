"""The "Bagikan" control: one per page (:func:`share_page`) and one per chart (:func:`share_chart`).

A popover with the link to the exact view (kla.share.view_link: the page, every choice in the URL,
the language, for a chart its anchor) in a read-only field, a "Salin tautan" button and plain links
that open WhatsApp, X or the e-mail program with the message written (kla.share.share_links). No
third-party script: the links are ordinary ``<a href>``.

The link is made when the page is done. A page calls :func:`share_page` near its title, before its
selectors have written this run's choices into the URL (kla.ui.widgets writes each choice as its
widget runs): a link made there would be one choice behind. So each call only reserves its place,
and ``dashboard.py`` fills every place after the page has run (:func:`draw_pending`), from the final
``st.query_params``. A page that stops early (no data) gets no control.

Streamlit has no copy widget. The field, the button and the links are one ``st.html`` block whose
small script copies with the Clipboard API; where the browser refuses it (a page served over plain
http from another host is not a secure context) the field's text is selected and the visitor is told
to press Ctrl+C. The result is said in a live region, so a screen reader hears it too. The block
holds nothing but escaped text and fixed markup.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from kla import config
from kla.i18n import Lang, t
from kla.share import chart_anchor, chart_title, share_links, view_link

PENDING = "_kla_bagikan"  # session_state: this run's page and the places reserved for its share controls


@dataclass
class _Page:
    url_path: str  # "" for the default page
    title: str
    places: list[tuple[Any, str | None, Lang]] = field(default_factory=list)  # (container, chart name, language)


def begin_page(page: Any) -> None:
    """Called by dashboard.py with the page ``st.navigation`` chose, before it runs: its path and title."""
    st.session_state[PENDING] = _Page(page.url_path, page.title)


def share_page(lang: Lang) -> None:
    """The page's "Bagikan" control, here (filled once the page has run)."""
    _reserve(None, lang)


def share_chart(chart_name: str, lang: Lang) -> None:
    """A chart's "Bagikan" control, here: the page's link with all current choices and ``#grafik-<name>``."""
    _reserve(chart_name, lang)


def _reserve(chart_name: str | None, lang: Lang) -> None:
    page = st.session_state.get(PENDING)
    place = st.container(horizontal=True, gap="small", width="content")
    if page is None:  # a script run without dashboard.py: draw now, from the URL as it is
        _draw(place, _Page("", t("app.judul", lang)), chart_name, lang)
    else:
        page.places.append((place, chart_name, lang))


def draw_pending() -> None:
    """Called by dashboard.py after the page has run: every reserved control, with the URL as the page left it."""
    page = st.session_state.pop(PENDING, None)
    if page is None:
        return
    for place, chart_name, lang in page.places:
        _draw(place, page, chart_name, lang)


def base_url(page_path: str) -> str:
    """``KLA_PUBLIC_URL``, else the origin and base path the visitor reached the dashboard at (st.context.url is
    that and the page's own path); empty outside a browser session (tests)."""
    public = config.public_url()
    if public:
        return public
    here = (st.context.url or "").rstrip("/")
    return here.removesuffix(f"/{page_path}") if page_path else here


def current_link(page_path: str, lang: Lang, chart_name: str | None = None) -> str:
    params = {key: st.query_params.get(key, "") for key in st.query_params}
    anchor = chart_anchor(chart_name) if chart_name else None
    return view_link(base_url(page_path), page_path, params, anchor, lang)


def _draw(place: Any, page: _Page, chart_name: str | None, lang: Lang) -> None:
    link = current_link(page.url_path, lang, chart_name)
    title = chart_title(chart_name, lang, page.title) if chart_name else page.title
    key = chart_anchor(chart_name) if chart_name else "halaman"
    with place:
        with st.popover(t("bagikan.tombol", lang), icon=":material/share:", key=f"bagikan_{key}",
                        help=t("bagikan.grafik.bantuan" if chart_name else "bagikan.tombol.bantuan", lang)):
            st.html(panel_html(link, title, lang, key, chart=chart_name is not None), unsafe_allow_javascript=True)
        if chart_name:  # the link's #grafik-<name> lands here, once the page has drawn
            st.html(anchor_html(chart_anchor(chart_name)), unsafe_allow_javascript=True)


PANEL_CSS = """<style>
.kla-bagikan {display: flex; flex-direction: column; gap: 0.5rem; min-width: min(26rem, 78vw);}
.kla-bagikan label {font-size: 0.875rem; display: flex; flex-direction: column; gap: 0.25rem;}
.kla-bagikan input {font: inherit; font-size: 0.875rem; padding: 0.4rem 0.6rem; min-height: 2.5rem;
  border: 1px solid #6b7280; border-radius: 0.5rem; background: #f1f4f8; color: #1a1a1a; width: 100%;
  box-sizing: border-box;}
.kla-bagikan button {font: inherit; align-self: flex-start; min-height: 2.5rem; padding: 0.25rem 0.9rem;
  border: 1px solid #6b7280; border-radius: 0.5rem; background: #ffffff; color: #1a1a1a; cursor: pointer;}
.kla-bagikan button:hover {border-color: #1f5fa8; color: #1f5fa8;}
.kla-bagikan [aria-live] {margin: 0; min-height: 1.25rem; font-size: 0.875rem; color: #1d6b3a;}
.kla-bagikan [aria-live].kla-manual {color: #1a1a1a;}
.kla-bagikan p {margin: 0;}
.kla-bagikan ul {list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem;}
.kla-bagikan a {color: #1f5fa8; display: inline-block; min-height: 24px; line-height: 24px;}
.kla-sr {position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;}
</style>"""

# On each opening (a popover's content mounts anew): the focus into the panel. Once per page: one click
# listener for every panel.
COPY_JS = """<script>(() => {
  // Streamlit draws a popover's content at the end of the page: take the keyboard into it as it opens
  const panel = document.currentScript && document.currentScript.previousElementSibling;
  const field = panel && panel.querySelector('input');
  if (field) { field.focus(); field.select(); }
  if (window.__klaBagikan) return;
  window.__klaBagikan = true;
  const say = (box, text, manual) => {
    const live = box.querySelector('[aria-live]');
    live.classList.toggle('kla-manual', manual);
    live.textContent = '';  // the same words again are still announced
    setTimeout(() => { live.textContent = text; }, 60);
  };
  document.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-kla-salin]');
    if (!button) return;
    const box = button.closest('.kla-bagikan');
    const field = box.querySelector('input');
    try {
      await navigator.clipboard.writeText(field.value);
      say(box, button.dataset.tersalin, false);
    } catch (error) {  // no Clipboard API here (not a secure context) or permission refused
      field.focus();
      field.select();
      let copied = false;
      try { copied = document.execCommand('copy'); } catch (ignored) { copied = false; }
      say(box, copied ? button.dataset.tersalin : button.dataset.manual, !copied);
    }
  });
})();</script>"""

ANCHOR_JS = """<script>(() => {
  const id = ANCHOR;
  if (window.location.hash !== '#' + id) return;
  window.__klaAnchored = window.__klaAnchored || new Set();
  if (window.__klaAnchored.has(id)) return;  // once per page load: a rerun must not pull the reader back
  window.__klaAnchored.add(id);
  const target = document.getElementById(id);
  if (target) setTimeout(() => target.scrollIntoView({block: 'start'}), 300);
})();</script>"""


def anchor_html(anchor: str) -> str:
    """An empty element with the chart's id, and the scroll to it that a link's #anchor asks for (Streamlit
    draws the page after the browser has looked for the anchor)."""
    # scroll-margin: the chart's main-point sentence, just above the control, stays in view
    return (f'<span id="{html.escape(anchor)}" style="scroll-margin-top: 5rem"></span>'
            + ANCHOR_JS.replace("ANCHOR", json.dumps(anchor)))


def panel_html(link: str, title: str, lang: Lang, key: str, chart: bool = False) -> str:
    """The popover's content: the link to copy, the copy button with its live result, and the share links."""
    e = html.escape
    links = share_links(link, title, lang)
    new_tab = f'<span class="kla-sr"> {e(t("bagikan.tab_baru", lang))}</span>'
    mail = f'<span class="kla-sr"> {e(t("bagikan.program_email", lang))}</span>'
    items = (
        f'<li><a href="{e(links.whatsapp)}" target="_blank" rel="noopener">WhatsApp{new_tab}</a></li>'
        f'<li><a href="{e(links.x)}" target="_blank" rel="noopener">X{new_tab}</a></li>'
        f'<li><a href="{e(links.email)}">{e(t("bagikan.email", lang))}{mail}</a></li>'
    )
    label = t("bagikan.tautan.grafik" if chart else "bagikan.tautan", lang)
    return (
        PANEL_CSS
        + f'<div class="kla-bagikan" data-kla-bagikan="{e(key)}">'
        + f'<label>{e(label)}<input type="text" readonly value="{e(link)}" spellcheck="false"></label>'
        + f'<button type="button" data-kla-salin data-tersalin="{e(t("bagikan.tersalin", lang))}" '
        + f'data-manual="{e(t("bagikan.salin.manual", lang))}">{e(t("bagikan.salin", lang))}</button>'
        + '<p aria-live="polite" role="status"></p>'
        + f'<p id="kla-bagikan-lewat-{e(key)}">{e(t("bagikan.lewat", lang))}</p>'
        + f'<ul aria-labelledby="kla-bagikan-lewat-{e(key)}">{items}</ul>'
        + "</div>"
        + COPY_JS
    )
