"""Kegiatan: what the task force, partners and volunteers did, per month, and whom they reached."""

import streamlit as st

from kla import charts, provenance, views
from kla.activities import activity_summary, activity_table, filter_activities
from kla.i18n import format_date, format_number, t
from kla.names import ACTIVITY_COLUMNS, shown_in, value_name
from kla.schema import ACTIVITY_TYPES
from kla.ui.cache import cached
from kla.ui.data import dataset_or_stop
from kla.ui.share import share_page
from kla.ui.widgets import chart, current_lang, sample_notice, source_caption, url_date_range, url_multiselect

lang = current_lang()
st.title(t("kegiatan.judul", lang))
share_page(lang)
data = dataset_or_stop(lang)
sample_notice(data, lang)

table = activity_table(data.kegiatan, data.kelurahan)
first_day, last_day = table["tanggal"].min().date(), table["tanggal"].max().date()
default_start, _ = views.activity_window(first_day, last_day)  # the last 12 calendar months, from the 1st
kecamatan = dict(zip(data.kecamatan["kode"], data.kecamatan["nama"]))
with st.expander(t("filter", lang), expanded=True):
    start, end = url_date_range(t("kegiatan.rentang", lang), "dari", "sampai", (default_start, last_day),
                                (first_day, last_day))
    left, right = st.columns(2)
    types = url_multiselect(t("kegiatan.jenis", lang), ACTIVITY_TYPES, "jenis", [], where=left,
                            format_func=lambda v: value_name("jenis_kegiatan", v, lang), placeholder=t("semua", lang))
    districts = url_multiselect(t("kecamatan", lang), list(kecamatan), "kecamatan", [], where=right,
                                format_func=kecamatan.get, placeholder=t("semua", lang))

shown = filter_activities(table, start, end, types, districts)
summary = activity_summary(shown)
cols = st.columns(4)
cols[0].metric(t("kegiatan.jumlah", lang), format_number(summary.kegiatan, 0, lang))
cols[1].metric(t("kegiatan.anak", lang), format_number(summary.peserta_anak, 0, lang))
cols[2].metric(t("kegiatan.dewasa", lang), format_number(summary.peserta_dewasa, 0, lang))
cols[3].metric(t("kegiatan.kelurahan", lang), f"{summary.kelurahan} / {len(data.kelurahan)}")

period = f"{format_date(start, lang)} – {format_date(end, lang)}"
labels = provenance.chart_labels(data, provenance.ACTIVITIES, lang)
# the window, not the activities' own dates: a month it covers only in part is marked partial
chart(cached(charts.activities_per_month)(shown, period=(start, end), **labels, lang=lang), lang)
chart(cached(charts.participants_per_month)(shown, period=(start, end), **labels, lang=lang), lang)
source_caption(data, provenance.ACTIVITIES, lang, period)

st.subheader(t("kegiatan.daftar", lang))
st.dataframe(
    shown_in(shown.sort_values("tanggal", ascending=False).head(500), lang, ACTIVITY_COLUMNS)[
        ["tanggal", "jenis", "judul", "nama_kelurahan", "penyelenggara", "peserta_anak", "peserta_dewasa"]],
    hide_index=True, width="stretch",
    column_config={
        "tanggal": st.column_config.DateColumn(t("kolom.tanggal", lang), format="DD/MM/YYYY"),
        "jenis": t("kegiatan.jenis", lang), "judul": t("kolom.judul", lang),
        "nama_kelurahan": t("kelurahan", lang), "penyelenggara": t("kolom.penyelenggara", lang),
        "peserta_anak": st.column_config.NumberColumn(t("kegiatan.anak", lang), format="localized"),
        "peserta_dewasa": st.column_config.NumberColumn(t("kegiatan.dewasa", lang), format="localized"),
    },
)
st.caption(t("kegiatan.daftar.batas", lang))
