"""Riwayat (staff): every stored version; open, compare, download, roll back."""

import pandas as pd
import streamlit as st

from kla.desk.bundle import XLSX_MIME, version_xlsx, version_zip
from kla.i18n import format_moment, format_number, t
from kla.store import PublishConflict
from kla.text import escape_markdown
from kla.ui.auth import acting_staff, staff_or_stop
from kla.ui.data import store
from kla.ui.desk import desk_header, required_note
from kla.ui.widgets import current_lang

lang = current_lang()
staff = staff_or_stop(lang, "draft")
desk_header(staff, "kelola.riwayat.judul", lang)

# The published version this person saw on the previous run: a rollback is meant against it.
SEEN_KEY = "riwayat_terbit_dilihat"
seen = st.session_state.get(SEEN_KEY)
st.session_state[SEEN_KEY] = store().published_id()
records = store().versions()
if not records:
    st.stop()


def _status(record) -> str:
    key = "terbit" if record.is_current else ("pernah" if record.last_published_at else "draf")
    return t(f"kelola.riwayat.status.{key}", lang)


table = pd.DataFrame({
    t("kelola.riwayat.kolom.versi", lang): [r.id for r in records],
    t("kelola.riwayat.kolom.status", lang): [_status(r) for r in records],
    t("kelola.riwayat.kolom.waktu", lang): [format_moment(r.created_at, lang) for r in records],
    t("kelola.riwayat.kolom.oleh", lang): [r.author for r in records],
    t("kelola.riwayat.kolom.catatan", lang): [r.note for r in records],
    t("kelola.riwayat.kolom.baris", lang): [format_number(sum(r.summary.get("rows", {}).values()), 0, lang)
                                           for r in records],
    t("kelola.riwayat.kolom.ukuran", lang): [f"{format_number(r.size_bytes / 1024, 0, lang)} KB" for r in records],
    t("kelola.riwayat.kolom.contoh", lang): [t("kelola.ya" if r.is_sample else "kelola.tidak", lang) for r in records],
})
st.dataframe(table, hide_index=True, width="stretch")

ids = [r.id for r in records]
asked = st.query_params.get("versi", "")
chosen = st.selectbox(t("kelola.riwayat.pilih", lang), ids, index=ids.index(int(asked)) if asked.isdigit()
                      and int(asked) in ids else 0, key="riwayat_versi")
record = next(r for r in records if r.id == chosen)
st.query_params["versi"] = str(chosen)

readme = t("kelola.riwayat.readme", lang, versi=record.id, waktu=format_moment(record.created_at, lang),
           oleh=record.author, catatan=record.note or "–")
left, middle, right = st.columns(3)
left.page_link("pages/kelola_pratinjau.py", label=t("kelola.riwayat.bandingkan", lang), icon=":material/compare:",
               query_params={"versi": str(chosen)})
middle.download_button(t("kelola.riwayat.unduh_zip", lang), data=lambda: version_zip(store().files(chosen), readme),
                       file_name=f"kla_data_versi_{chosen}.zip", mime="application/zip", on_click="ignore",
                       icon=":material/folder_zip:", key="unduh_zip")
right.download_button(t("kelola.riwayat.unduh_xlsx", lang), data=lambda: version_xlsx(store().files(chosen)),
                      file_name=f"kla_data_versi_{chosen}.xlsx", mime=XLSX_MIME, on_click="ignore",
                      icon=":material/table:", key="unduh_xlsx")

if staff.can("rollback") and not record.is_current:
    with st.form("kembalikan"):
        reason = st.text_input(t("kelola.riwayat.kembali.catatan", lang), max_chars=500)
        go = st.form_submit_button(t("kelola.riwayat.kembali", lang), icon=":material/history:")
    if go:
        acting = acting_staff("rollback")
        note = required_note(reason, lang)
        try:
            store().rollback(chosen, actor=acting.email, note=note,
                             expected=seen if seen is not None else store().published_id())
        except PublishConflict as exc:
            now = store().published()
            st.warning(t("kelola.pratinjau.bentrok", lang, sekarang=exc.current, draf=chosen,
                         oleh=escape_markdown(now.published_by if now else "?")), icon=":material/sync_problem:")
            st.stop()
        st.success(t("kelola.riwayat.dikembalikan", lang, versi=chosen), icon=":material/history:")
        st.caption(escape_markdown(reason))
