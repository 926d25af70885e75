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

Every selector also speaks the page's language where Streamlit would not: placeholders are
passed (``Pilih satu``), a multiselect offers no English "Select all", and the texts Streamlit's
frontend builds in are replaced in the page (:func:`widget_texts`, kla.ui.streamlit_patches). A
kelurahan chooser takes every spelling: in its search box (aliases in the option label,
kla.geography.kelurahan_labels) and in its link (``names``: "gn-samarinda", "Karang Jati" or
the code with or without dots, kla.geography.match_name).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from kla import domain, geography, provenance
from kla.i18n import LANGS, Lang, format_date, format_number, format_signed, t
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
/* A visible keyboard focus on every control (WCAG 2.4.7): Streamlit 1.67 draws none on the sidebar's page
   links, the main area or the text box of a select box. The theme's primary colour, 6.4:1 on white. */
:focus-visible {outline: 2px solid #1f5fa8 !important; outline-offset: 2px;}
[data-testid="stMain"]:focus-visible {outline-offset: -2px;}
/* A map's frame (the profile's locator map) is a Tab stop of its own before its zoom buttons; Chromium never
   matches :focus-visible on an iframe, so it had no outline. */
iframe:focus, iframe:focus-within {outline: 2px solid #1f5fa8 !important; outline-offset: 2px;}
/* Targets of at least 24x24 px (WCAG 2.5.8): the day, month and year parts of a date field, and a
   multiselect's search box once its chosen items fill the line. */
[data-testid="stDateInput"] [role="spinbutton"] {display: inline-block; min-width: 24px; min-height: 24px;
  line-height: 24px; text-align: center;}
[data-testid="stMultiSelect"] input {min-width: 24px !important;}
</style>
"""


def page_style() -> None:
    """App-wide CSS (fixed text, never data: safe to pass as HTML)."""
    st.markdown(PAGE_CSS, unsafe_allow_html=True)


def widget_texts(lang: Lang) -> None:
    """Streamlit's built-in widget texts in the page's language (English already on English pages); <html lang>."""
    words = None if lang == "en" else {key: t(key, lang) for _, _, key in streamlit_patches.FRONTEND_TEXTS}
    st.sidebar.html(streamlit_patches.widget_texts_html(words, lang), unsafe_allow_javascript=True)


def unknown_page_notice(default_title: str, lang: Lang) -> None:
    """Say that the URL's page does not exist (instead of Streamlit's English dialog) and what is shown."""
    asked = streamlit_patches.unknown_page()
    if asked is None:
        return
    st.warning(t("app.halaman_tidak_ada", lang, halaman=markdown_code("/" + asked[:SHOWN_URL_CHARS]),
                 pakai=escape_markdown(default_title)), icon=":material/link_off:")


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
    titles = provenance.sample_titles(data, lang=lang)
    if titles:
        st.warning(t("contoh.banner", lang, berkas=escape_markdown(", ".join(titles))), icon=":material/science:")
    version = provenance.version_text(data, lang)
    if version:
        st.caption(version)


def source_caption(data: Dataset, files: Sequence[str], lang: Lang, period: str | None = None) -> None:
    """'Sumber: … · Periode: … · Lisensi: …' for the files behind a chart or table (kla.provenance)."""
    st.caption(escape_markdown(provenance.caption_text(data, files, lang, period)))


def url_select(label: str, options: Sequence[Any], param: str, default: Any,
               format_func: Callable[[Any], str] = str, where: Any = st,
               names: geography.NameIndex | None = None, **kwargs: Any) -> Any:
    """A selectbox whose choice is kept in ``?param=``; ``names``: the options are region codes, and a link
    may name one by any spelling (kla.geography.match_name)."""
    options, start = _start(options, param, default, format_func, where, names)
    kwargs.setdefault("placeholder", t("pilih.satu", current_lang()))
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
                    format_func: Callable[[Any], str] = str, where: Any = st,
                    names: geography.NameIndex | None = None, **kwargs: Any) -> list[Any]:
    """A multiselect whose choices are kept in ``?param=a,b,c``.

    Unknown entries in the link are left out, repeated ones count once, and more than
    ``max_selections`` keeps the first ones (Streamlit would stop the page): each with a notice.
    ``names``: as in :func:`url_select`, an entry may name a region by any spelling.
    """
    options = list(options)
    by_text = {str(o): o for o in options}
    raw = st.query_params.get(param)
    start = list(default)
    lang = current_lang()
    kwargs.setdefault("placeholder", t("pilih.banyak", lang))
    kwargs.setdefault("select_all", False)  # Streamlit's "Select all" is English, and a link does the same
    if raw is not None:
        asked = list(dict.fromkeys(v for v in raw.split(LIST_SEPARATOR) if v))  # "" = the person chose none
        if names is not None:
            asked = [_named(v, by_text, names, format_func, where, f"url_{param}") for v in asked]
            asked = list(dict.fromkeys(asked))
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


YEAR_PARAMS = frozenset({"tahun"})  # links whose value is a year: a missing year says why it is missing


def _start(options: Sequence[Any], param: str, default: Any, format_func: Callable[[Any], str],
           where: Any, names: geography.NameIndex | None = None) -> tuple[list[Any], Any]:
    """Options as a list, and the one named in the URL (else the default, else the first)."""
    options = list(options)
    by_text = {str(o): o for o in options}
    fallback = default if default in options else options[0]
    raw = st.query_params.get(param)
    if raw is None:
        return options, fallback
    widget = f"url_{param}"
    if raw not in by_text and names is not None:
        named = _named(raw, by_text, names, format_func, where, widget, fallback)
        return options, by_text.get(named, fallback)
    if raw not in by_text:
        shown = escape_markdown(format_func(fallback))
        if param in YEAR_PARAMS and raw.strip().isdigit() and len(raw.strip()) == 4:
            link_notice("url.tahun_kosong", where, widget, nilai=link_value(param, raw), tahun=raw.strip(),
                        alasan=year_gap_reason(int(raw), current_lang()), pakai=shown)
        else:
            link_notice("url.tidak_dikenal", where, widget, nilai=link_value(param, raw), pakai=shown)
        return options, fallback
    return options, by_text[raw]


def year_gap_reason(year: int, lang: Lang) -> str:
    """Why a link's year has nothing to show: no national round that year (2020, 2024, ...; the words of
    kla.scoring.gap_label), else simply no data for it on this page."""
    if domain.national_round(year) is False:
        return t(f"tahun_kosong.{domain.gap_reason(year)}", lang)
    return t("url.tahun.tanpa_data", lang)


def _named(raw: str, by_text: dict[str, Any], names: geography.NameIndex, format_func: Callable[[Any], str],
           where: Any, widget: str, fallback: Any = None) -> str:
    """The option (as text) a link's region spelling names, with a notice saying what was read; ``raw`` if none.

    ``fallback``: what a single chooser shows for a spelling that names nothing (None: a list leaves it out
    and says so itself).
    """
    if raw in by_text:
        return raw
    match = geography.match_name(raw, names)
    if match.kode is not None and match.kode in by_text:
        link_notice("url.kelurahan_nama", where, widget, level="info", nilai=escape_markdown(raw),
                    nama=escape_markdown(str(match.nama)), kode=match.kode)
        return match.kode
    if fallback is not None:
        shown = escape_markdown(format_func(fallback))
        if match.cara == "ambigu":
            link_notice("url.kelurahan_ambigu", where, widget, nilai=link_value(widget.removeprefix("url_"), raw),
                        kandidat=escape_markdown(", ".join(match.kandidat)), pakai=shown)
        else:
            link_notice("url.kelurahan_tidak_dikenal", where, widget,
                        nilai=link_value(widget.removeprefix("url_"), raw), pakai=shown)
    return raw


def kelurahan_choices(kelurahan: pd.DataFrame, wilayah: pd.DataFrame) -> tuple[dict[str, str], geography.NameIndex]:
    """(code -> search label, name index) for a kelurahan chooser: ``url_select(..., format_func=labels.get,
    names=index)``. Every alias is found by the search box and by the link."""
    return geography.kelurahan_labels(kelurahan), geography.build_name_index(wilayah, "kelurahan")


NOTICE_SLOT = "_kla_tempat_catatan_tautan"  # session_state: where this run's link notices go, if a page said


def new_run() -> None:
    """Called by dashboard.py at the start of every run: notices go where each widget is, until a page says."""
    st.session_state.pop(NOTICE_SLOT, None)


def notice_slot() -> None:
    """Link notices of this run appear here, not beside their widgets: for choosers in a folded expander,
    where a notice would be hidden."""
    st.session_state[NOTICE_SLOT] = st.container()


def link_notice(key: str, where: Any = st, widget: str | None = None, level: str = "warning", **values: Any) -> None:
    """Say that part of the link was not used and what is shown instead (``values`` already escaped).

    Once ``widget`` exists in the session, the value in the URL is the page's own, written for an
    earlier choice (a year another metric does not have): the fallback is then silent.
    ``level="info"``: the link was understood (another spelling of a name), only said back.
    """
    if widget is not None and widget in st.session_state:
        return
    where = st.session_state.get(NOTICE_SLOT) or where
    if level == "info":
        where.info(t(key, current_lang(), **values), icon=":material/link:")
    else:
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


def table_shown(table: pd.DataFrame, column_config: dict[str, Any], lang: Lang) -> tuple[pd.DataFrame, dict[str, Any]]:
    """``table`` with every missing value as "–" (Streamlit draws a missing cell as "None").

    A column that has missing values becomes text: dates as DD/MM/YYYY, numbers in the page's
    format; its column config keeps only its label.
    """
    shown, config = table.copy(), dict(column_config)
    empty = t("tabel.kosong", lang)
    for column in shown.columns:
        missing = shown[column].isna()
        if not missing.any():
            continue
        values = shown[column]
        if _config_type(config.get(column)) == "link":  # a link column stays one: an empty cell, no link
            shown[column] = values.astype(object).where(~missing, "")
            continue
        if pd.api.types.is_datetime64_any_dtype(values) or values.map(lambda v: hasattr(v, "strftime")).any():
            text = values.map(lambda v: empty if pd.isna(v) else v.strftime("%d/%m/%Y"))
        elif pd.api.types.is_numeric_dtype(values):
            decimals = 0 if (values.dropna() % 1 == 0).all() else 1
            text = values.map(lambda v, d=decimals: empty if pd.isna(v) else format_number(v, d, lang))
        else:
            text = values.map(lambda v: empty if pd.isna(v) else str(v))
        shown[column] = text.astype(object)
        label = config.get(column)
        if label is not None and not isinstance(label, str):
            config[column] = _config_label(label) or column
    return shown, config


def _config_type(column_config: Any) -> str | None:
    return ((column_config.get("type_config") or {}).get("type") if isinstance(column_config, dict) else None)


def _config_label(column_config: Any) -> str | None:
    """The label of an ``st.column_config`` column (a dict underneath in Streamlit 1.67)."""
    return column_config.get("label") if isinstance(column_config, dict) else getattr(column_config, "label", None)


def dataframe(table: pd.DataFrame, column_config: dict[str, Any], lang: Lang, **kwargs: Any) -> None:
    """``st.dataframe`` for a public page: no cell says "None" (:func:`table_shown`)."""
    shown, config = table_shown(table, column_config, lang)
    st.dataframe(shown, column_config=config, **kwargs)


def chart(c: Any, lang: Lang) -> None:
    """Show a kla.charts.Chart full width: its main point, "Bagikan", the Grafik / Tabel / Sumber views (the
    chart with its text alternative, no plotly toolbar) and its "Unduh" menu (kla.ui.chartviews)."""
    from kla.ui.chartviews import chart_views

    chart_views(c, lang)
