"""Tren: blocks and indicators over time, and kelurahan compared."""

import streamlit as st

from kla import charts, domain, provenance, scoring, views
from kla.i18n import block_name, t
from kla.names import indicator_labels
from kla.ui.cache import cached, cached_on_data
from kla.ui.data import dataset_or_stop
from kla.ui.share import share_page
from kla.ui.widgets import (
    chart,
    current_lang,
    kelurahan_choices,
    sample_notice,
    source_caption,
    url_multiselect,
    url_radio,
    url_select,
)

lang = current_lang()
st.title(t("tren.judul", lang))
share_page(lang)
data = dataset_or_stop(lang)
sample_notice(data, lang)

labels = provenance.chart_labels(data, provenance.CITY_POINTS, lang)
years = sorted(data.evaluasi_kota["tahun"].unique())
period = f"{years[0]}–{years[-1]}"
view_names = {"blok": t("tren.tab.blok", lang), "indikator": t("tren.tab.indikator", lang),
              "kelurahan": t("tren.tab.kelurahan", lang)}
view = url_radio(t("tren.tampilan", lang), list(view_names), "tampilan", "blok", format_func=view_names.get)

if view == "blok":
    block_totals = scoring.block_totals_by_year(data.evaluasi_kota, data.indikator)
    chart(cached(charts.block_trend)(block_totals, **labels, lang=lang), lang)
    source_caption(data, provenance.CITY_POINTS, lang, period)

elif view == "indikator":
    # the default is the catalogue's: the weakest block of the latest year (kla.views)
    blocks = url_select(t("tren.pilih_blok", lang), domain.BLOCKS, "blok",
                        cached_on_data(views.indicator_default)(data).blok, format_func=lambda b: block_name(b, lang))
    in_block = views.block_indicators(data, blocks)
    short = indicator_labels(in_block, lang)  # kla.names: the English label in English
    label = {kode: f"{kode} · {short[kode]}" for kode in in_block["kode"]}
    codes = url_multiselect(t("tren.pilih_indikator", lang), list(label), "indikator", list(label),
                            format_func=label.get)
    if codes:
        chart(cached(charts.indicator_trend)(data.evaluasi_kota, data.indikator, codes, **labels, lang=lang), lang)
    else:
        st.info(t("tren.pilih_minimal", lang))
    source_caption(data, provenance.CITY_POINTS, lang, period)

else:
    kel_totals = cached(scoring.kelurahan_totals)(data.skor_kelurahan, data.wilayah)
    kelurahan = data.kelurahan.sort_values("nama")
    label, region_names = kelurahan_choices(kelurahan, data.wilayah)  # every alias finds its kelurahan
    codes = url_multiselect(t("tren.pilih_kelurahan", lang), list(label), "kelurahan",
                            views.kelurahan_default(kel_totals),
                            format_func=label.get, max_selections=8, names=region_names)
    if codes:
        chart(cached(charts.kelurahan_compare)(kel_totals, codes,
                                               **provenance.chart_labels(data, provenance.KELURAHAN_SCORES, lang),
                                               lang=lang), lang)
    else:
        st.info(t("tren.pilih_minimal", lang))
    kel_years = sorted(kel_totals["tahun"].unique())
    source_caption(data, provenance.KELURAHAN_SCORES, lang, f"{kel_years[0]}–{kel_years[-1]}")
