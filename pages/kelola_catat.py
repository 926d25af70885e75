"""Catat (staff, phone-friendly): add or correct one activity or initiative; it goes into a draft."""

import datetime as dt

import streamlit as st

from kla.desk.entries import next_id, upsert_row
from kla.i18n import BALIKPAPAN_TZ, block_name, t
from kla.schema import ACTIVITY_TYPES, BLOCKS, INITIATIVE_STATUSES, INITIATIVE_TYPES, PARTNER_TYPES
from kla.store import InvalidData
from kla.ui.auth import acting_staff, staff_or_stop
from kla.ui.data import store
from kla.ui.desk import desk_header, published_dataset, show_problem_list
from kla.ui.widgets import current_lang

DRAFT_KEY = "catat_draf"  # the draft this session's entries build on
today = dt.datetime.now(BALIKPAPAN_TZ).date()  # the event's day as Balikpapan counts it, whatever the server clock

lang = current_lang()
staff = staff_or_stop(lang, "draft")
desk_header(staff, "kelola.catat.judul", lang)
st.caption(t("kelola.catat.intro", lang))

published = published_dataset()
if published is None:
    st.stop()
draft_id = st.session_state.get(DRAFT_KEY)
if draft_id is not None:
    data = store().load_version(draft_id).dataset or published
    st.info(t("kelola.catat.draf_dasar", lang, versi=draft_id), icon=":material/edit_note:")
else:
    data = published

kind = st.radio(t("kelola.catat.jenis", lang), ("kegiatan", "inisiatif"), horizontal=True,
                format_func=lambda k: t(f"kelola.catat.{k}", lang), key="catat_jenis")
table = data.kegiatan if kind == "kegiatan" else data.inisiatif
kelurahan = data.kelurahan.sort_values("nama")
if staff.kelurahan:  # a kelurahan officer records for their own kelurahan
    kelurahan = kelurahan[kelurahan["kode"].isin(staff.kelurahan)]
    table = table[table["kode_kelurahan"].isin(staff.kelurahan)]
names = dict(zip(kelurahan["kode"], kelurahan["nama"], strict=True))
RECENT = 500  # the newest entries are the ones corrected straight after an event
title_column = "judul" if kind == "kegiatan" else "nama"
label_of = {i: f"{i} · {title}" for i, title in zip(table["id"].tail(RECENT), table[title_column].tail(RECENT),
                                                     strict=True)}
existing = st.selectbox(t("kelola.catat.ubah", lang), ["", *reversed(list(label_of))],
                        format_func=lambda i: label_of.get(i, t("kelola.catat.baru", lang)), key=f"catat_ubah_{kind}")
old = table.set_index("id").loc[existing] if existing else None


def _get(column, default):
    if old is None or str(old[column]) in ("", "nan", "NaT", "<NA>", "None"):
        return default
    value = old[column]
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _kelurahan_input(label_key, allow_city):
    options = ([""] if allow_city else []) + list(names)
    start = _get("kode_kelurahan", "")
    return st.selectbox(t(label_key, lang), options, index=options.index(start) if start in options else 0,
                        format_func=lambda c: names.get(c, t("kelola.catat.tanpa_kelurahan", lang)))


def _choice(label_key, options, column, format_func=str):
    value = _get(column, options[0])
    return st.selectbox(t(label_key, lang), options, index=list(options).index(value) if value in options else 0,
                        format_func=format_func)


with st.form(f"catat_{kind}", border=True):
    if kind == "kegiatan":
        row = {
            "id": existing or next_id(table["id"], "kegiatan"),
            "tanggal": st.date_input(t("kelola.kolom.tanggal", lang), value=_get("tanggal", today),
                                     format="DD/MM/YYYY"),
            "jenis": _choice("kelola.kolom.jenis", ACTIVITY_TYPES, "jenis"),
            "judul": st.text_input(t("kelola.kolom.judul", lang), value=_get("judul", ""), max_chars=200),
            "kode_kelurahan": _kelurahan_input("kelola.kolom.kelurahan", allow_city=not staff.kelurahan),
            "penyelenggara": st.text_input(t("kelola.kolom.penyelenggara", lang), value=_get("penyelenggara", ""),
                                           max_chars=120),
            "peserta_anak": st.number_input(t("kelola.kolom.peserta_anak", lang), 0, 100_000,
                                            int(_get("peserta_anak", 0)), step=1),
            "peserta_dewasa": st.number_input(t("kelola.kolom.peserta_dewasa", lang), 0, 100_000,
                                              int(_get("peserta_dewasa", 0)), step=1),
            "blok": _choice("kelola.kolom.blok", BLOCKS, "blok", lambda b: f"{b} · {block_name(b, lang)}"),
        }
        initiatives = dict(zip(data.inisiatif["id"], data.inisiatif["nama"], strict=True))
        linked = _get("id_inisiatif", "")
        options = ["", *initiatives]
        row["id_inisiatif"] = st.selectbox(
            t("kelola.kolom.id_inisiatif", lang), options, index=options.index(linked) if linked in options else 0,
            format_func=lambda i: f"{i} · {initiatives[i]}" if i else t("kelola.catat.tanpa_inisiatif", lang))
    else:
        ended = _get("tanggal_selesai", None)
        row = {
            "id": existing or next_id(table["id"], "inisiatif"),
            "nama": st.text_input(t("kelola.kolom.nama", lang), value=_get("nama", ""), max_chars=200),
            "jenis": _choice("kelola.kolom.jenis", INITIATIVE_TYPES, "jenis"),
            "kode_kelurahan": _kelurahan_input("kelola.kolom.kelurahan", allow_city=False),
            "blok": _choice("kelola.kolom.blok", BLOCKS, "blok", lambda b: f"{b} · {block_name(b, lang)}"),
            "jenis_mitra": _choice("kelola.kolom.jenis_mitra", PARTNER_TYPES, "jenis_mitra"),
            "nama_mitra": st.text_input(t("kelola.kolom.nama_mitra", lang), value=_get("nama_mitra", ""),
                                        max_chars=200),
            "status": _choice("kelola.kolom.status", INITIATIVE_STATUSES, "status"),
            "tanggal_mulai": st.date_input(t("kelola.kolom.tanggal_mulai", lang),
                                           value=_get("tanggal_mulai", today), format="DD/MM/YYYY"),
        }
        has_end = st.checkbox(t("kelola.kolom.selesai_ada", lang), value=ended is not None)
        end = st.date_input(t("kelola.kolom.tanggal_selesai", lang), value=ended or today,
                            format="DD/MM/YYYY")
        row |= {
            "tanggal_selesai": end if has_end else "",
            "lat": _get("lat", ""), "lon": _get("lon", ""),
            "deskripsi": st.text_area(t("kelola.kolom.deskripsi", lang), value=_get("deskripsi", ""), max_chars=1000),
        }
    submitted = st.form_submit_button(t("kelola.catat.simpan", lang), type="primary", icon=":material/save:",
                                      width="stretch")

if submitted:
    acting = acting_staff("draft")
    row = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()}
    base_id = draft_id if draft_id is not None else store().published_id()
    files, line = upsert_row(store().files(base_id), kind, row)
    try:
        record = store().create_version(files, author=acting.email, note=f"Catat {kind} {row['id']}",
                                        base=base_id)
    except InvalidData as exc:
        st.error(t("kelola.unggah.ditolak", lang, n=len(exc.problems)), icon=":material/error:")
        show_problem_list(list(exc.problems))
        st.stop()
    st.session_state[DRAFT_KEY] = record.id
    st.success(t("kelola.catat.tersimpan", lang, versi=record.id, berkas=f"{kind}.csv", baris=line),
               icon=":material/check_circle:")
    st.page_link("pages/kelola_pratinjau.py", label=t("nav.kelola.pratinjau", lang), icon=":material/preview:",
                 query_params={"versi": str(record.id)})
