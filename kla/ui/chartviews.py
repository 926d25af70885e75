"""Every public chart in three views: "Grafik" (the chart), "Tabel" (its numbers), "Sumber" (source and method).

Above the views stands the chart's main point in one sentence (:func:`kla.summaries.main_point`), so
it is read whichever view is open; the chart itself carries a text alternative for screen readers
(``st.plotly_chart(alt=…)``: Streamlit 1.67 gives the chart that accessible name). The table is exactly
``Chart.data`` with column titles and units in the page's language, sortable by its column titles;
its CSV and Excel files come from the "Unduh" menu under the views (:func:`kla.ui.unduh.download_menu`),
as the chart's images do. The views are ``st.tabs``: a tab list the keyboard reaches with Tab and
moves through with the arrow keys.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from kla import domain, summaries
from kla.charts import Chart
from kla.i18n import STRINGS, Lang, plotly_locale, t
from kla.text import escape_markdown
from kla.ui.share import share_chart

CHART_CONFIG = {"displayModeBar": False}  # no plotly toolbar: its buttons are English and unlabelled
TENTANG = "tentang"  # the Tentang page's URL path (dashboard.py)


def method_key(name: str) -> str:
    """The ``metode.*`` text that says how a chart's numbers are made."""
    if name.startswith("inisiatif_"):
        return "metode.inisiatif"
    if name in ("capaian_blok", "tren_blok", "profil_blok"):
        return "metode.persen_blok"
    if name in summaries.MAP_NAMES:
        return "metode.peta"
    return f"metode.{name}"


def method_text(name: str, lang: Lang) -> str | None:
    key = method_key(name)
    if key not in STRINGS:
        return None
    return t(key, lang, batas=domain.lower_thresholds(), paripurna=domain.PARIPURNA_MIN)


def column_label(column: str, lang: Lang, metric: str | None = None) -> str:
    """A data column's title with its unit; a map's value column says its metric when known."""
    if column == "nilai" and metric is not None:
        from kla import mapdata

        unit = mapdata.metric_unit(metric, lang)
        return f"{mapdata.metric_label(metric, lang)} ({unit})"
    key = f"kolom_grafik.{column}"
    return t(key, lang) if key in STRINGS else column


def table_config(data: pd.DataFrame, lang: Lang, metric: str | None = None) -> dict[str, Any]:
    """Column titles in the page's language; numbers stay numbers, so a click on a title sorts them."""
    config: dict[str, Any] = {}
    for column in data.columns:
        label = column_label(str(column), lang, metric)
        if column == "tahun":
            config[column] = st.column_config.NumberColumn(label, format="%d")
        elif pd.api.types.is_float_dtype(data[column]):
            # one decimal, as the chart labels them; "localized" follows the page's language
            # (streamlit_patches sets navigator.languages), so Indonesian reads 95,6 and English 95.6
            config[column] = st.column_config.NumberColumn(label, format="localized", step=0.1)
        elif pd.api.types.is_numeric_dtype(data[column]) and not pd.api.types.is_bool_dtype(data[column]):
            config[column] = st.column_config.NumberColumn(label, format="localized")
        else:
            config[column] = st.column_config.TextColumn(label)
    return config


def table_view(c: Chart, lang: Lang, key: str, metric: str | None = None) -> None:
    from kla.ui.widgets import dataframe

    st.caption(t("tampilan.tabel.catatan", lang))
    # rounded as drawn: a screen reader reads the cell's value, not its display (was 124.30000000000001)
    shown = c.data.round({column: 1 for column in c.data.columns if pd.api.types.is_float_dtype(c.data[column])})
    dataframe(shown, table_config(c.data, lang, metric), lang, hide_index=True, width="stretch",
              key=f"tabel_{key}")


def sources_view(c: Chart, lang: Lang) -> None:
    st.markdown(escape_markdown(c.source))
    method = method_text(c.name, lang)
    if method:
        st.markdown(f"**{t('tampilan.sumber.metode', lang)}:** {escape_markdown(method)}")
    if c.sample:
        st.markdown(escape_markdown(t("tampilan.sumber.contoh", lang)))
    link = TENTANG + ("?lang=en" if lang == "en" else "")
    st.markdown(f"[{escape_markdown(t('tampilan.sumber.tentang', lang))}]({link})")


def main_point_text(c: Chart, lang: Lang, metric: str | None = None) -> str:
    return escape_markdown(summaries.main_point(c, lang, metric=metric))


def chart_views(c: Chart, lang: Lang, *, metric: str | None = None, key: str | None = None,
                share: bool = True, download: bool = True, **plotly: Any) -> Any:
    """The sentence, the share control, the three views and the "Unduh" menu of chart ``c``.

    ``key`` (default the chart's name) keys the widgets; ``plotly``: more ``st.plotly_chart``
    arguments (a map's ``on_select``); its return value is returned.
    """
    key = key or c.name
    st.markdown(main_point_text(c, lang, metric))
    if share:  # "Bagikan": the link to this view with #grafik-<name>, which lands here
        share_chart(c.name, lang)
    chart_tab, table_tab, source_tab = st.tabs(
        [t("tampilan.grafik", lang), t("tampilan.tabel", lang), t("tampilan.sumber", lang)], key=f"tampilan_{key}")
    with chart_tab:
        config = {**plotly.pop("config", CHART_CONFIG), **plotly_locale(lang)}  # dates and numbers in lang
        event = st.plotly_chart(c.figure, width="stretch", key=f"chart_{key}", config=config,
                                alt=summaries.alt_text(c, lang, metric=metric), **plotly)
    with table_tab:
        table_view(c, lang, key, metric)
    with source_tab:
        sources_view(c, lang)
    if download:
        from kla.ui.unduh import download_menu  # plotly/kaleido export code: loaded with the first chart

        download_menu(c.name, c, lang)
    return event
