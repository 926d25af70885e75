"""Unggah (staff): upload spreadsheets, see what was recognised and what is wrong, confirm names, preview."""

import streamlit as st

from kla.desk.bundle import XLSX_MIME
from kla.i18n import t
from kla.intake import MAX_UPLOAD_BYTES, Upload, apply_choices, merge_into, problems_xlsx, read_upload, template_xlsx
from kla.schema import FILES
from kla.text import escape_markdown
from kla.ui.auth import acting_staff, staff_or_stop
from kla.ui.desk import PREVIEW_PAGE, desk_header, published_dataset, published_files, show_problem_list, stage
from kla.ui.widgets import current_lang

# Streamlit's own refusal (English) only above this; between the two our Indonesian message explains.
WIDGET_LIMIT_MB = 2 * MAX_UPLOAD_BYTES // (1024 * 1024)

lang = current_lang()
staff = staff_or_stop(lang, "upload")
desk_header(staff, "kelola.unggah.judul", lang)
st.write(t("kelola.unggah.intro", lang))

published = published_dataset()
wilayah = published.wilayah if published is not None else None

with st.expander(t("kelola.templat.judul", lang), icon=":material/table_view:"):
    st.caption(t("kelola.templat.intro", lang))
    columns = st.columns(3)
    for i, name in enumerate(FILES):
        columns[i % 3].download_button(
            t("kelola.templat.unduh", lang, berkas=name), data=lambda name=name: template_xlsx(name, wilayah),
            file_name=f"templat_{name}.xlsx", mime=XLSX_MIME, key=f"templat_{name}", on_click="ignore",
            icon=":material/download:",
        )

uploaded = st.file_uploader(t("kelola.unggah.berkas", lang, mb=MAX_UPLOAD_BYTES // (1024 * 1024)), type=["csv", "xlsx"],
                            accept_multiple_files=True, max_upload_size=WIDGET_LIMIT_MB, key="unggah_berkas")
mode = st.radio(t("kelola.unggah.cara", lang), ("ganti", "gabung"), horizontal=True,
                index=1 if staff.kelurahan else 0, help=t("kelola.unggah.cara.bantuan", lang),
                format_func=lambda m: t(f"kelola.unggah.cara.{m}", lang), key="unggah_cara")
if not uploaded or wilayah is None:
    st.stop()

uploads = [Upload(f.name, f.getvalue()) for f in uploaded]
signature = tuple((u.filename, len(u.content)) for u in uploads)
if st.session_state.get("unggah_dicatat") != signature:  # one audit row per upload, not per rerun
    st.session_state["unggah_dicatat"] = signature
    from kla.ui.data import store

    store().record(staff.email, "upload", detail={"berkas": [u.filename for u in uploads],
                                                  "bita": [len(u.content) for u in uploads]})
intake = read_upload(uploads, wilayah)

if intake.notes:
    with st.expander(t("kelola.unggah.dikenali", lang), expanded=True, icon=":material/auto_fix_high:"):
        st.markdown("\n".join(f"- {escape_markdown(note)}" for note in intake.notes))

if intake.problems:
    st.error(t("kelola.unggah.masalah", lang, n=len(intake.problems)), icon=":material/error:")
    show_problem_list(intake.problems)
    st.download_button(t("kelola.unggah.unduh_masalah", lang), data=problems_xlsx(intake.problems),
                       file_name="masalah_unggahan.xlsx", mime=XLSX_MIME, icon=":material/download:",
                       on_click="ignore", key="unduh_masalah")
    st.stop()

choices: dict[tuple[str, int, str], str] = {}
if intake.proposals:
    st.warning(t("kelola.unggah.usulan", lang, n=len(intake.proposals)), icon=":material/help:")
    for i, proposal in enumerate(intake.proposals):
        options = ["", *[code for code, _, _ in proposal.candidates]]
        names = {code: f"{name} ({code})" for code, name, _ in proposal.candidates}
        picked = st.selectbox(
            # Widget labels are Markdown: the uploaded text is escaped.
            t("kelola.unggah.usulan.baris", lang, berkas=escape_markdown(proposal.berkas), baris=proposal.baris,
              teks=escape_markdown(proposal.teks)),
            options, format_func=lambda c, names=names: names.get(c, t("kelola.unggah.usulan.pilih", lang)),
            key=f"usulan_{i}_{proposal.berkas}_{proposal.baris}_{proposal.kolom}",
        )
        if picked:
            choices[(proposal.berkas, proposal.baris, proposal.kolom)] = picked
    intake = apply_choices(intake, choices)
    if intake.proposals:
        st.info(t("kelola.unggah.usulan.belum", lang, n=len(intake.proposals)))
        st.stop()

if st.button(t("kelola.unggah.periksa", lang), type="primary", icon=":material/preview:", key="periksa"):
    acting = acting_staff("upload")
    base, current_files = published_files()
    if stage(acting, merge_into(current_files, intake, mode), base, "unggah", lang):
        st.switch_page(PREVIEW_PAGE)
