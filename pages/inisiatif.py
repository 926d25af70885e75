"""Inisiatif: who does what, where: a filterable list and counts by type, partner and kecamatan."""

import pandas as pd
import streamlit as st

from kla import charts, geography, provenance
from kla.i18n import format_number, t
from kla.initiatives import filter_initiatives, initiative_table
from kla.names import INITIATIVE_COLUMNS, shown_in, value_name
from kla.schema import INITIATIVE_STATUSES, INITIATIVE_TYPES, PARTNER_TYPES
from kla.text import escape_markdown
from kla.ui.cache import cached
from kla.ui.data import dataset_or_stop
from kla.ui.share import share_page
from kla.ui.widgets import (
    chart,
    current_lang,
    dataframe,
    sample_notice,
    source_caption,
    url_multiselect,
    url_text,
)

lang = current_lang()
st.title(t("inisiatif.judul", lang))
share_page(lang)
data = dataset_or_stop(lang)
sample_notice(data, lang)

kecamatan = dict(zip(data.kecamatan["kode"], data.kecamatan["nama"]))
with st.expander(t("filter", lang), expanded=True):
    left, right = st.columns(2)
    types = url_multiselect(t("inisiatif.jenis", lang), INITIATIVE_TYPES, "jenis", [], where=left,
                            format_func=lambda v: value_name("jenis_inisiatif", v, lang), placeholder=t("semua", lang))
    partners = url_multiselect(t("inisiatif.mitra", lang), PARTNER_TYPES, "mitra", [], where=right,
                               format_func=lambda v: value_name("jenis_mitra", v, lang), placeholder=t("semua", lang))
    districts = url_multiselect(t("kecamatan", lang), list(kecamatan), "kecamatan", [], where=left,
                                format_func=kecamatan.get, placeholder=t("semua", lang))
    statuses = url_multiselect(t("inisiatif.status", lang), INITIATIVE_STATUSES, "status", [], where=right,
                               format_func=lambda v: value_name("status", v, lang), placeholder=t("semua", lang))
    query = url_text(t("cari", lang), "q", placeholder=t("inisiatif.cari.contoh", lang))

table = initiative_table(data.inisiatif, data.kelurahan)
shown = filter_initiatives(table, types, partners, districts, statuses, query)
# A search that names a kelurahan in any spelling ("Gn. Samarinda", "GSU", "Sungai Nangka") finds the
# initiatives there too, not only those whose text happens to contain the typed letters.
place = geography.match_name(query, geography.build_name_index(data.wilayah, "kelurahan")) if query.strip() else None
if place is not None and place.kode is not None:
    there = filter_initiatives(table, types, partners, districts, statuses)
    shown = (pd.concat([shown, there[there["kode_kelurahan"] == place.kode]])
             .drop_duplicates("id").sort_values("id").reset_index(drop=True))
    st.caption(t("inisiatif.cari.kelurahan", lang, teks=escape_markdown(query.strip()),
                 nama=escape_markdown(str(place.nama))))
st.markdown(t("inisiatif.jumlah", lang, n=format_number(len(shown), 0, lang),
              total=format_number(len(table), 0, lang)))

labels = provenance.chart_labels(data, provenance.INITIATIVES, lang)
first, second = st.columns(2)
with first:
    chart(cached(charts.initiatives_by)(shown, "jenis", **labels, lang=lang), lang)
with second:
    chart(cached(charts.initiatives_by)(shown, "jenis_mitra", **labels, lang=lang), lang)
chart(cached(charts.initiatives_by)(shown, "kecamatan", **labels, lang=lang), lang)

st.subheader(t("inisiatif.daftar", lang))
dataframe(
    shown_in(shown, lang, INITIATIVE_COLUMNS)[  # types, statuses and descriptions in the reader's language
        ["id", "nama", "jenis", "nama_kelurahan", "nama_kecamatan", "jenis_mitra", "nama_mitra", "status",
         "tanggal_mulai", "tanggal_selesai", "deskripsi"]],
    lang=lang, hide_index=True, width="stretch",
    column_config={
        "nama": t("kolom.nama", lang), "jenis": t("inisiatif.jenis", lang),
        "nama_kelurahan": t("kelurahan", lang), "nama_kecamatan": t("kecamatan", lang),
        "jenis_mitra": t("inisiatif.mitra", lang), "nama_mitra": t("kolom.nama_mitra", lang),
        "status": t("inisiatif.status", lang),
        "tanggal_mulai": st.column_config.DateColumn(t("kolom.mulai", lang), format="DD/MM/YYYY"),
        "tanggal_selesai": st.column_config.DateColumn(t("kolom.selesai", lang), format="DD/MM/YYYY"),
        "deskripsi": t("kolom.deskripsi", lang),
    },
)
source_caption(data, provenance.INITIATIVES, lang)
