"""Ringkasan: where Balikpapan stands, how far to Paripurna, the path so far."""

import pandas as pd
import streamlit as st

from kla import charts, domain, meeting, provenance, scoring, views
from kla.i18n import block_name, format_number, t
from kla.text import escape_markdown, safe_url, url_host
from kla.ui.cache import cached, cached_on_data
from kla.ui.data import dataset_or_stop
from kla.ui.share import share_page
from kla.ui.widgets import change_metric, chart, current_lang, sample_notice, source_caption, url_select

lang = current_lang()
st.title(t("ringkasan.judul", lang))
share_page(lang)
data = dataset_or_stop(lang)
sample_notice(data, lang)

totals = scoring.city_totals(data.evaluasi_kota)
years = totals["tahun"].tolist()
year = url_select(t("ringkasan.tahun", lang), years[::-1], "tahun", years[-1])
# the headline numbers are the meeting's (kla.meeting.position), so the two can never disagree
pos = cached_on_data(meeting.position)(data, year)

# A sample score stands beside the officially reported one below: the box under it says which is which.
illustrative = provenance.is_sample(data, ["evaluasi_kota"])
cols = st.columns(4)
change_metric(cols[0], t("ringkasan.skor", lang, tahun=year), format_number(pos.skor, 1, lang), pos.perubahan, lang,
              help=t("ringkasan.skor.bantuan", lang)
              + (t("ringkasan.skor.bantuan.contoh", lang) if illustrative else ""))
cols[1].metric(t("kategori", lang), scoring.category_label(pos.kategori, lang))
cols[2].metric(t("ringkasan.ke_paripurna", lang), format_number(pos.ke_paripurna, 1, lang),
               help=t("ringkasan.ke_paripurna.bantuan", lang))
if pos.kategori_berikut is not None and pos.kategori_berikut != domain.CATEGORIES[-1].name:
    cols[3].metric(t("ringkasan.ke_berikut", lang, kategori=pos.kategori_berikut),
                   format_number(pos.ke_kategori_berikut, 1, lang))
elif pos.target is not None:
    change_metric(cols[3], t("ringkasan.target", lang, tahun=pos.target_tahun), format_number(pos.target, 1, lang),
                  pos.skor - pos.target, lang, help=t("ringkasan.target.bantuan", lang))

official = data.kategori_resmi[data.kategori_resmi["tahun"] == year]
if not official.empty:
    # One box per year, even with two conflicting sources: the official score(s) and, beside them,
    # which number above is the dashboard's own (scoring.official_score_text is the charts' words too).
    named = " / ".join(dict.fromkeys(official["kategori"].dropna().astype(str))) or "–"
    reported = official["skor_dilaporkan"].notna().any()
    text = t("ringkasan.resmi", lang, tahun=year, kategori=escape_markdown(named),
             skor=t("ringkasan.resmi.dilaporkan" if reported else "ringkasan.resmi.tanpa_skor", lang,
                    skor=escape_markdown(scoring.official_score_text(data.kategori_resmi, year, lang))))
    if reported:
        text += " " + t("ringkasan.resmi.beda.contoh" if illustrative else "ringkasan.resmi.beda", lang,
                        tahun=year, skor=format_number(pos.skor, 1, lang))
    st.info(text, icon=":material/verified:")
for _, fact in official.iterrows():
    # Each source with the score it reported, so two conflicting numbers are each tied to their source.
    said = "" if pd.isna(fact["skor_dilaporkan"]) else f" ({format_number(fact['skor_dilaporkan'], 0, lang)})"
    # The source comes from kategori_resmi.csv: a link only when it is an http(s) address, never Markdown.
    url = safe_url(fact["sumber"])
    if url:
        st.link_button(f"{t('sumber', lang)}{said}: {escape_markdown(url_host(url))}", url,
                       icon=":material/open_in_new:", type="tertiary")
    elif not pd.isna(fact["sumber"]):
        st.caption(f"{t('sumber', lang)}{said}: {escape_markdown(fact['sumber'])}")

period = f"{years[0]}–{years[-1]}"
chart(cached(charts.total_trend)(totals, data.kategori_resmi, data.peta_jalan,
                                 **provenance.chart_labels(data, provenance.CITY_TREND, lang), lang=lang), lang)
source_caption(data, provenance.CITY_TREND, lang, period)

st.subheader(t("ringkasan.capaian_blok", lang, tahun=year))
panel = cached_on_data(views.block_year)(data, year)
chart(cached(charts.block_attainment_bar)(panel.capaian, year,
                                          **provenance.chart_labels(data, provenance.CITY_POINTS, lang), lang=lang),
      lang)
weakest = panel.weakest_row
st.markdown(t("ringkasan.blok_terlemah", lang, blok=block_name(panel.terlemah, lang),
              persen=format_number(weakest["persen"], 1, lang),
              kurang=format_number(weakest["kekurangan"], 1, lang)))
source_caption(data, provenance.CITY_POINTS, lang, str(year))
