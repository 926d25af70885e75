"""Tentang data: definitions, indicator metadata, sources, method and the sample-data notice."""

import streamlit as st

from kla import provenance, scoring
from kla.i18n import block_name, format_number, t
from kla.names import shown_in
from kla.text import escape_markdown, safe_url
from kla.ui.data import dataset_or_stop
from kla.ui.share import share_page
from kla.ui.widgets import current_lang, dataframe, sample_notice

lang = current_lang()
st.title(t("tentang.judul", lang))
share_page(lang)
data = dataset_or_stop(lang)
sample_notice(data, lang)
st.markdown(t("tentang.pengantar", lang))

st.header(t("tentang.kategori", lang))
st.dataframe(scoring.categories_table(lang), hide_index=True, width="content",
             column_config={"kategori": t("kategori", lang), "dari": t("tentang.dari", lang),
                            "sampai": t("tentang.sampai", lang)})
st.markdown(t("tentang.metode", lang))

st.header(t("tentang.resmi", lang))
official = shown_in(data.kategori_resmi, lang).sort_values(["tahun", "skor_dilaporkan"])
# Only http(s) addresses become links; any other source text stays text, in its own column.
links = official["sumber"].map(safe_url)
other_sources = official["sumber"].where(links.isna())
shown_official = official.assign(sumber=links, sumber_teks=other_sources)
if other_sources.isna().all():
    shown_official = shown_official.drop(columns="sumber_teks")
dataframe(shown_official, lang=lang, hide_index=True, width="stretch",
          column_config={"tahun": st.column_config.NumberColumn(t("tahun", lang), format="%d"),
                            "kategori": t("kategori", lang),
                            "skor_dilaporkan": t("tentang.skor_dilaporkan", lang),
                            "sumber": st.column_config.LinkColumn(t("sumber", lang)),
                            "sumber_teks": t("sumber", lang),
                            "keterangan": t("tentang.keterangan", lang)})
city_totals = scoring.city_totals(data.evaluasi_kota).set_index("tahun")["total"]
ours = "tentang.konflik.contoh" if provenance.is_sample(data, ["evaluasi_kota"]) else "tentang.konflik.data"
for year, reports in official.dropna(subset=["skor_dilaporkan"]).groupby("tahun"):
    if len(reports) > 1:
        scores = t("data.dan", lang).join(format_number(s, 0, lang) for s in reports["skor_dilaporkan"])
        shown = format_number(city_totals.get(year), 1, lang)
        st.warning(t("tentang.konflik", lang, tahun=year, skor=scores) + t(ours, lang, total=shown),
                   icon=":material/warning:")

st.header(t("tentang.indikator", lang))
catalogue = shown_in(data.indikator, lang)  # units, definitions and periods in the reader's language
catalogue["blok"] = catalogue["blok"].map(lambda b: block_name(b, lang, short=True))
illustrative = bool(data.indikator["bobot_ilustratif"].fillna(False).any())  # the column only says something then
st.dataframe(
    catalogue[["kode", "blok", "nama_id" if lang == "id" else "nama_en", "max_poin",
               *(["bobot_ilustratif"] if illustrative else []), "satuan", "definisi", "sumber_data", "periode",
               "penanggung_jawab"]],
    hide_index=True, width="stretch",
    column_config={"blok": t("data.kolom.blok", lang),
                   "nama_id": t("kolom.nama", lang), "nama_en": t("kolom.nama", lang),
                   "max_poin": t("tentang.max_poin", lang),
                   **({"bobot_ilustratif": t("tentang.ilustratif", lang)} if illustrative else {}),
                   "satuan": t("tentang.satuan", lang), "definisi": t("tentang.definisi", lang),
                   "sumber_data": t("sumber", lang), "periode": t("periode", lang),
                   "penanggung_jawab": t("tentang.penanggung_jawab", lang)},
)
if illustrative:
    st.caption(t("tentang.bobot_catatan", lang))

st.header(t("tentang.berkas", lang))
# What, who, when, licence and where from, in plain words (kla.provenance.plain_words): no file or
# column names, no commands.
for about in provenance.about_files(data, lang):
    badge = f" · **{t('contoh.label', lang)}**" if about.sample else ""
    facts = [(t("tentang.penerbit", lang), about.publisher), (t("periode", lang), about.period),
             (t("lisensi", lang), about.licence), (t("sumber", lang), about.source)]
    st.markdown(f"- **{escape_markdown(about.title)}**{badge}  \n  "
                + " · ".join(f"{name}: {escape_markdown(value)}" for name, value in facts if value))
st.caption(t("tentang.kode_lisensi", lang))
