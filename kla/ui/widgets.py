"""Widgets every page shares: language, sample-data notice, source line, URL-backed selectors.

Selections live in the URL query string so a copied link restores the view: each selector reads
its starting value from ``st.query_params`` and writes the current choice back.

Streamlit 1.67's own ``bind="query-params"`` does this where it fits (:func:`url_text`). The other
selectors keep this small shim because ``bind`` cannot express what the existing links need:
it writes the option's *label* (``format_func``'s text, which changes with the language) where
links carry codes (``?metrik=total``, ``?kelurahan=<kode>``, ``?tampilan=blok``); it keeps a list
as repeated parameters where links use commas (``?jenis=RBRA,PUSPAGA``); it binds one key, where a
date range is two (``?dari=…&sampai=…``); its key must be the parameter's name, where tests and
benchmarks address ``url_<param>``; and it drops an unknown value silently, where the pages say
which part of the link was not used (:func:`link_notice`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from kla import provenance
from kla.i18n import LANGS, Lang, format_date, format_signed, t
from kla.loading import Dataset
from kla.text import escape_markdown, markdown_code
from kla.ui import streamlit_patches

LIST_SEPARATOR = ","
SHOWN_URL_CHARS = 60  # a link can carry any text: a notice quotes only its start


def current_lang() -> Lang:
    """Language from ``?lang=``, remembered in the session because page links drop the query."""
    wanted = st.query_params.get("lang") or st.session_state.get("lang", "id")
    lang: Lang = wanted if wanted in LANGS else "id"
    st.session_state["lang"] = lang
    return lang


def language_selector(lang: Lang) -> Lang:
    labels = {"id": "Bahasa Indonesia", "en": "English"}
    choice = st.sidebar.radio(t("app.bahasa", lang), LANGS, index=LANGS.index(lang),
                              format_func=labels.get, horizontal=True, key="lang_radio")
    st.session_state["lang"] = choice
    if choice == "id":
        st.query_params.pop("lang", None)  # Indonesian is the default: keep links short
    else:
        st.query_params["lang"] = choice
    return choice


PAGE_CSS = """
<style>
/* Less empty space above the title: on a phone or a projector the first screen matters. */
.block-container {padding-top: 2.2rem;}
</style>
"""


def page_style() -> None:
    """App-wide CSS (fixed text, never data: safe to pass as HTML)."""
    st.markdown(PAGE_CSS, unsafe_allow_html=True)


def preload_plotly() -> None:
    """Let the browser start loading Streamlit's plotly chunk now (kla.ui.streamlit_patches)."""
    html = streamlit_patches.plotly_preload_html()
    if html:
        st.sidebar.html(html, unsafe_allow_javascript=True)


def change_metric(where: Any, label: str, value: str, change: float | None, lang: Lang, **kwargs: Any) -> None:
    """``st.metric`` with a signed change in Indonesian format and the arrow the sign deserves.

    Streamlit picks the arrow and its colour by a leading ASCII "-"; our changes use a true minus
    sign, which it would read as a rise (a shortfall in green), so both are set explicitly.
    """
    if change is None or change != change:  # None or NaN: nothing to compare with
        where.metric(label, value, **kwargs)
        return
    arrow = "up" if change > 0 else "down" if change < 0 else "off"
    colour = "green" if change > 0 else "red" if change < 0 else "gray"
    where.metric(label, value, delta=format_signed(change, 1, lang), delta_arrow=arrow, delta_color=colour, **kwargs)


def sample_notice(data: Dataset, lang: Lang) -> None:
    """On every page: a 'Data contoh' box naming the files flagged as sample, and the data version."""
    titles = provenance.sample_titles(data)
    if titles:
        st.warning(t("contoh.banner", lang, berkas=escape_markdown(", ".join(titles))), icon=":material/science:")
    version = provenance.version_text(data, lang)
    if version:
        st.caption(version)


def source_caption(data: Dataset, files: Sequence[str], lang: Lang, period: str | None = None) -> None:
    """'Sumber: … · Periode: … · Lisensi: …' for the files behind a chart or table (kla.provenance)."""
    st.caption(escape_markdown(provenance.caption_text(data, files, lang, period)))


def url_select(label: str, options: Sequence[Any], param: str, default: Any,
               format_func: Callable[[Any], str] = str, where: Any = st, **kwargs: Any) -> Any:
    """A selectbox whose choice is kept in ``?param=``."""
    options, start = _start(options, param, default, format_func, where)
    choice = where.selectbox(label, options, index=options.index(start), format_func=format_func,
                             key=f"url_{param}", **kwargs)
    _write_param(param, str(choice), str(default))
    return choice


def url_radio(label: str, options: Sequence[Any], param: str, default: Any,
              format_func: Callable[[Any], str] = str, where: Any = st, **kwargs: Any) -> Any:
    """Horizontal radio buttons (few options, all visible) whose choice is kept in ``?param=``."""
    options, start = _start(options, param, default, format_func, where)
    choice = where.radio(label, options, index=options.index(start), format_func=format_func,
                         key=f"url_{param}", horizontal=True, **kwargs)
    _write_param(param, str(choice), str(default))
    return choice


def url_multiselect(label: str, options: Sequence[Any], param: str, default: Sequence[Any],
                    format_func: Callable[[Any], str] = str, where: Any = st, **kwargs: Any) -> list[Any]:
    """A multiselect whose choices are kept in ``?param=a,b,c``.

    Unknown entries in the link are left out, repeated ones count once, and more than
    ``max_selections`` keeps the first ones (Streamlit would stop the page): each with a notice.
    """
    options = list(options)
    by_text = {str(o): o for o in options}
    raw = st.query_params.get(param)
    start = list(default)
    if raw is not None:
        asked = list(dict.fromkeys(v for v in raw.split(LIST_SEPARATOR) if v))  # "" = the person chose none
        start = [by_text[v] for v in asked if v in by_text]
        unknown = [v for v in asked if v not in by_text]
        if unknown:
            link_notice("url.sebagian", where, f"url_{param}", nilai=link_value(param, raw),
                        salah=escape_markdown(", ".join(unknown)))
        limit = kwargs.get("max_selections")
        if limit is not None and len(start) > limit:
            link_notice("url.terlalu_banyak", where, f"url_{param}", n=len(start), param=markdown_code(param),
                        maks=limit)
            start = start[:limit]
    chosen = where.multiselect(label, options, default=start, format_func=format_func,
                               key=f"url_{param}", **kwargs)
    _write_param(param, LIST_SEPARATOR.join(map(str, chosen)), LIST_SEPARATOR.join(map(str, default)))
    return chosen


def url_date_range(label: str, start_param: str, end_param: str, default: tuple[dt.date, dt.date],
                   bounds: tuple[dt.date, dt.date], where: Any = st) -> tuple[dt.date, dt.date]:
    """A date range kept in ``?start_param=YYYY-MM-DD&end_param=YYYY-MM-DD``; always start <= end.

    A date in the link that does not parse is replaced by the default, one outside ``bounds`` by
    the nearest bound, and a range that ends before it starts by the default range: each with a notice.
    """
    key = f"url_{start_param}_{end_param}"
    start = _date_param(start_param, default[0], bounds, where, key)
    end = _date_param(end_param, default[1], bounds, where, key)
    if start > end:
        lang = current_lang()
        link_notice("url.rentang_terbalik", where, key, mulai=format_date(start, lang), akhir=format_date(end, lang),
                    dari=format_date(default[0], lang), sampai=format_date(default[1], lang))
        start, end = default
    picked = where.date_input(label, value=(start, end), min_value=bounds[0], max_value=bounds[1],
                              format="DD/MM/YYYY", key=key)
    # While the person has clicked only the first day, keep the old end (or that day, if the old
    # end lies before it) instead of failing.
    first, last = (picked[0], picked[1]) if len(picked) == 2 else (picked[0], max(picked[0], end))
    _write_param(start_param, first.isoformat(), default[0].isoformat())
    _write_param(end_param, last.isoformat(), default[1].isoformat())
    return first, last


def _date_param(param: str, default: dt.date, bounds: tuple[dt.date, dt.date], where: Any, widget: str) -> dt.date:
    raw = st.query_params.get(param)
    if raw is None:
        return default
    lang = current_lang()
    try:
        value = dt.date.fromisoformat(raw)
    except ValueError:
        link_notice("url.tanggal_salah", where, widget, nilai=link_value(param, raw), pakai=format_date(default, lang))
        return default
    inside = min(max(value, bounds[0]), bounds[1])
    if inside != value:
        link_notice("url.tanggal_luar", where, widget, nilai=link_value(param, raw), dari=format_date(bounds[0], lang),
                    sampai=format_date(bounds[1], lang), pakai=format_date(inside, lang))
    return inside


def url_text(label: str, param: str, where: Any = st, **kwargs: Any) -> str:
    """A text input kept in ``?param=`` by Streamlit itself (``bind``: the widget's key is the parameter's name).

    Any text is a valid value, so there is nothing to fall back from; an empty one leaves the URL.
    """
    return where.text_input(label, key=param, bind="query-params", **kwargs)


def _start(options: Sequence[Any], param: str, default: Any, format_func: Callable[[Any], str],
           where: Any) -> tuple[list[Any], Any]:
    """Options as a list, and the one named in the URL (else the default, else the first)."""
    options = list(options)
    by_text = {str(o): o for o in options}
    fallback = default if default in options else options[0]
    raw = st.query_params.get(param)
    if raw is None:
        return options, fallback
    if raw not in by_text:
        link_notice("url.tidak_dikenal", where, f"url_{param}", nilai=link_value(param, raw),
                    pakai=escape_markdown(format_func(fallback)))
        return options, fallback
    return options, by_text[raw]


def link_notice(key: str, where: Any = st, widget: str | None = None, **values: Any) -> None:
    """Say that part of the link was not used and what is shown instead (``values`` already escaped).

    Once ``widget`` exists in the session, the value in the URL is the page's own, written for an
    earlier choice (a year another metric does not have): the fallback is then silent.
    """
    if widget is not None and widget in st.session_state:
        return
    where.warning(t(key, current_lang(), **values), icon=":material/link_off:")


def link_value(param: str, raw: str) -> str:
    """``param=value`` from a link as a Markdown code span for a notice, the value cut to SHOWN_URL_CHARS."""
    value = raw if len(raw) <= SHOWN_URL_CHARS else raw[:SHOWN_URL_CHARS] + "…"
    return markdown_code(f"{param}={value}")


def _write_param(param: str, value: str, default: str) -> None:
    # Default values stay out of the URL so shared links are short and stable.
    if value == default:
        st.query_params.pop(param, None)
    elif st.query_params.get(param) != value:
        st.query_params[param] = value


def chart(c: Any, lang: Lang) -> None:
    """Show a kla.charts.Chart full width, with its "Unduh" menu (images and data, made on click)."""
    from kla.ui.unduh import download_menu  # plotly/kaleido export code: loaded with the first chart

    st.plotly_chart(c.figure, width="stretch", key=f"chart_{c.name}", config={"displaylogo": False})
    download_menu(c.name, c, lang)
