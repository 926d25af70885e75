"""Audit (staff): who did what and when, filterable and downloadable."""

import datetime as dt
import io

import pandas as pd
import streamlit as st

from kla.desk.bundle import XLSX_MIME
from kla.export import safe_table
from kla.i18n import format_moment, t
from kla.store import AuditEntry
from kla.ui.auth import staff_or_stop
from kla.ui.data import store
from kla.ui.desk import desk_header
from kla.ui.widgets import current_lang

ACTIONS = ("sign_in", "sign_out", "upload", "upload_rejected", "draft", "publish", "rollback", "staff_add",
           "staff_remove", "role_change", "import")
DEFAULT_DAYS = 90

lang = current_lang()
staff = staff_or_stop(lang, "draft")
desk_header(staff, "kelola.audit.judul", lang)

left, middle, right = st.columns(3)
since = left.date_input(t("kelola.audit.sejak", lang), value=dt.date.today() - dt.timedelta(days=DEFAULT_DAYS),
                        format="DD/MM/YYYY", key="audit_sejak")
who = middle.text_input(t("kelola.audit.siapa", lang), key="audit_siapa").strip().lower() or None
action = right.selectbox(t("kelola.audit.tindakan", lang), ["", *ACTIONS], key="audit_tindakan",
                         format_func=lambda a: t(f"kelola.aksi.{a}", lang) if a else t("kelola.audit.semua", lang))
entries: list[AuditEntry] = store().audit_log(since=since, actor=who, action=action or None)
if not entries:
    st.info(t("kelola.audit.kosong", lang))
    st.stop()


def _version(number: int | None) -> str:
    return "–" if number is None else str(number)  # never "None" on a page


def _column(name: str) -> str:
    return t(f"kelola.audit.kolom.{name}", lang)


table = pd.DataFrame({
    _column("waktu"): [format_moment(e.at, lang, seconds=True) for e in entries],
    _column("oleh"): [e.actor for e in entries],
    _column("tindakan"): [t(f"kelola.aksi.{e.action}", lang) for e in entries],
    _column("dari"): [_version(e.from_version) for e in entries],
    _column("ke"): [_version(e.to_version) for e in entries],
    _column("catatan"): [e.note for e in entries],
    _column("rincian"): [", ".join(f"{k}: {v}" for k, v in e.detail.items()) if e.detail else "" for e in entries],
})
st.dataframe(table, hide_index=True, width="stretch")


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    safe_table(table).to_excel(buffer, index=False, sheet_name="audit", engine="openpyxl")
    return buffer.getvalue()


stamp = dt.date.today().isoformat()
left, right = st.columns(2)
left.download_button(t("kelola.audit.unduh_csv", lang),
                     data=lambda: safe_table(table).to_csv(index=False).encode("utf-8-sig"),
                     file_name=f"audit_kla_{stamp}.csv", mime="text/csv", on_click="ignore", icon=":material/download:")
right.download_button(t("kelola.audit.unduh_xlsx", lang), data=_xlsx, file_name=f"audit_kla_{stamp}.xlsx",
                      mime=XLSX_MIME, on_click="ignore", icon=":material/download:")
