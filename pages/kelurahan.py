"""Profil kelurahan (``?kelurahan=<kode>``): score and ranks, blocks against the city, trend, work."""

import streamlit as st

from kla import charts, profile, provenance, scoring
from kla.i18n import format_number, t
from kla.names import ACTIVITY_COLUMNS, INITIATIVE_COLUMNS, shown_in
from kla.text import escape_markdown
from kla.ui.cache import cached, cached_on_data
from kla.ui.data import dataset_or_stop
from kla.ui.geo import locator
from kla.ui.share import share_page
from kla.ui.widgets import (
    change_metric,
    chart,
    current_lang,
    dataframe,
    kelurahan_choices,
    sample_notice,
    source_caption,
    url_select,
)

lang = current_lang()
data = dataset_or_stop(lang)

heading = st.empty()  # the title names the kelurahan chosen below, but stands above the chooser
share_page(lang)
kelurahan = data.kelurahan.sort_values(["nama_kecamatan", "nama"])
# A link may name the kelurahan by its code (with or without dots), its name or any alias; the search
# box finds every alias too (kla.geography.kelurahan_labels). Anything else: said, and the first shown.
label, names = kelurahan_choices(kelurahan, data.wilayah)
kode = url_select(t("profil.pilih", lang), list(label), "kelurahan", kelurahan["kode"].iloc[0], format_func=label.get,
                  names=names, placeholder=t("pilih.cari_kelurahan", lang))
info = cached_on_data(profile.kelurahan_profile)(data, kode)

heading.title(t("profil.judul", lang, nama=escape_markdown(info.nama)))
st.caption(t("profil.subjudul", lang, kecamatan=escape_markdown(info.nama_kecamatan), kode=info.kode))
sample_notice(data, lang)

if info.total is None:
    st.info(t("profil.tanpa_skor", lang))
else:
    cols = st.columns(4)
    change_metric(cols[0], t("profil.skor", lang, tahun=info.tahun), format_number(info.total, 1, lang),
                  info.perubahan, lang)
    cols[1].metric(t("kategori", lang), scoring.category_label(info.kategori, lang))
    cols[2].metric(t("profil.peringkat_kota", lang), f"{info.peringkat_kota} / {info.jumlah_kota}")
    cols[3].metric(t("profil.peringkat_kecamatan", lang), f"{info.peringkat_kecamatan} / {info.jumlah_kecamatan}")

    left, right = st.columns([3, 2])
    with left:
        comparison = cached_on_data(profile.block_comparison)(data, kode, info.tahun)
        chart(cached(profile.block_chart)(comparison, info.nama, info.tahun,
                                          **provenance.chart_labels(data, provenance.KELURAHAN_POINTS, lang),
                                          lang=lang), lang)
    with right:
        locator(data, kode, lang)
    kel_totals = cached(scoring.kelurahan_totals)(data.skor_kelurahan, data.wilayah)
    chart(cached(charts.kelurahan_compare)(kel_totals, [kode],
                                           **provenance.chart_labels(data, provenance.KELURAHAN_SCORES, lang),
                                           lang=lang), lang)
    source_caption(data, provenance.KELURAHAN_POINTS, lang)

st.subheader(t("profil.inisiatif", lang))
own = profile.initiatives_of(data, kode)
if own.empty:
    st.info(t("profil.inisiatif.kosong", lang))
else:
    own = shown_in(own, lang, INITIATIVE_COLUMNS)  # types, statuses and descriptions in the reader's language
    dataframe(own[["nama", "jenis", "status", "jenis_mitra", "nama_mitra", "tanggal_mulai", "deskripsi"]],
              lang=lang, hide_index=True, width="stretch", column_config={
                     "nama": t("kolom.nama", lang), "jenis": t("inisiatif.jenis", lang),
                     "status": t("inisiatif.status", lang), "jenis_mitra": t("inisiatif.mitra", lang),
                     "nama_mitra": t("kolom.nama_mitra", lang), "deskripsi": t("kolom.deskripsi", lang),
                     "tanggal_mulai": st.column_config.DateColumn(t("kolom.mulai", lang), format="DD/MM/YYYY")})

st.subheader(t("profil.kegiatan", lang))
recent = profile.latest_activities(data, kode)
if recent.empty:
    st.info(t("profil.kegiatan.kosong", lang))
else:
    recent = shown_in(recent, lang, ACTIVITY_COLUMNS)  # types and titles in the reader's language
    dataframe(recent[["tanggal", "jenis", "judul", "penyelenggara", "peserta_anak", "peserta_dewasa"]],
              lang=lang, hide_index=True, width="stretch", column_config={
                     "tanggal": st.column_config.DateColumn(t("kolom.tanggal", lang), format="DD/MM/YYYY"),
                     "jenis": t("kegiatan.jenis", lang), "judul": t("kolom.judul", lang),
                     "penyelenggara": t("kolom.penyelenggara", lang),
                     "peserta_anak": t("kegiatan.anak", lang), "peserta_dewasa": t("kegiatan.dewasa", lang)})
source_caption(data, provenance.INITIATIVES + provenance.ACTIVITIES, lang)
