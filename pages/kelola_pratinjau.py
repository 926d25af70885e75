"""Pratinjau (staff): what a candidate or a stored draft changes against the published version; save or publish."""

import streamlit as st

from kla.catalog import CATALOG
from kla.desk.display import readable
from kla.i18n import format_number, t
from kla.store import InvalidData, PublishConflict
from kla.text import escape_markdown
from kla.ui.auth import acting_staff, staff_or_stop
from kla.ui.data import store
from kla.ui.desk import (
    Candidate,
    candidate,
    desk_header,
    drop_candidate,
    published_dataset,
    required_note,
    show_problem_list,
    version_diff,
)
from kla.ui.widgets import current_lang

lang = current_lang()
staff = staff_or_stop(lang, "draft")
desk_header(staff, "kelola.pratinjau.judul", lang)

published = published_dataset()
staged: Candidate | None = candidate()
asked = st.query_params.get("versi", "")
version_id = int(asked) if asked.isdigit() else None
if version_id is not None:
    staged = None  # a link to a stored version wins over this session's unsaved candidate
if staged is None and version_id is None:
    st.info(t("kelola.pratinjau.kosong", lang), icon=":material/info:")
    st.stop()

if staged is not None:
    st.subheader(t("kelola.pratinjau.kandidat", lang))
    base = staged.base
    change, problems = version_diff(published, files=staged.files)
else:
    record = store().version(version_id)
    status = "terbit" if record.is_current else ("pernah" if record.last_published_at else "draf")
    st.subheader(t("kelola.pratinjau.versi", lang, versi=record.id, status=t(f"kelola.riwayat.status.{status}", lang)))
    if record.note:
        st.caption(escape_markdown(record.note))
    # The version this person reviewed against; a publish elsewhere meanwhile makes theirs conflict.
    base = st.session_state.setdefault(f"pratinjau_dasar_{version_id}", store().published_id())
    change, problems = version_diff(published, version_id=version_id)
if problems:
    show_problem_list(problems)
    st.stop()
if published is not None and published.version is not None:
    st.caption(t("kelola.pratinjau.dibanding", lang, versi=published.version.number))


def _table(frame, **kwargs):
    st.dataframe(readable(frame, lang), hide_index=True, width="stretch", **kwargs)


st.markdown(f"#### {t('kelola.pratinjau.berkas', lang)}")
for name, file_change in change.files.items():
    added, removed, changed = len(file_change.added), len(file_change.removed), len(file_change.changed)
    if not (added or removed or changed):
        continue
    summary = t("kelola.pratinjau.ringkas", lang, berkas=f"{name}.csv", tambah=format_number(added, 0, lang),
                hapus=format_number(removed, 0, lang), ubah=format_number(changed, 0, lang))
    with st.expander(summary):
        for label, frame in (("tambah", file_change.added), ("hapus", file_change.removed),
                             ("ubah", file_change.changed)):
            if len(frame):
                st.caption(t(f"kelola.pratinjau.{label}", lang))
                _table(frame.head(500))
if change.is_empty:
    st.info(t("kelola.tanpa_perubahan", lang))

st.markdown(f"#### {t('kelola.pratinjau.skor_kota', lang)}")
_table(change.city_scores)
st.markdown(f"#### {t('kelola.pratinjau.skor_kelurahan', lang)}")
if len(change.kelurahan_moves):
    _table(change.kelurahan_moves)
else:
    st.caption(t("kelola.pratinjau.tidak_ada", lang))
st.markdown(f"#### {t('kelola.pratinjau.grafik', lang)}")
charts = [CATALOG[name].label(lang) if name in CATALOG else name for name in change.charts]
st.write(", ".join(charts) if charts else t("kelola.pratinjau.tidak_ada", lang))

if staged is None and store().published_id() == version_id:
    st.success(t("kelola.pratinjau.sudah_terbit", lang), icon=":material/public:")
    st.stop()

st.divider()
note = st.text_input(t("kelola.pratinjau.catatan", lang), placeholder=t("kelola.pratinjau.catatan.contoh", lang),
                     max_chars=500, key="pratinjau_catatan")
left, right = st.columns(2)
save = staged is not None and left.button(t("kelola.pratinjau.simpan", lang), icon=":material/save:", key="simpan")
publish = staff.can("publish") and right.button(t("kelola.pratinjau.terbitkan", lang), type="primary",
                                                icon=":material/publish:", key="terbitkan")


def _store_candidate(acting_email: str) -> int | None:
    """The candidate as a draft version (once); None when the store refuses it."""
    try:
        record = store().create_version(staged.files, author=acting_email, note=note.strip(), base=staged.base)
    except InvalidData as exc:
        show_problem_list(list(exc.problems))
        return None
    drop_candidate()
    st.query_params["versi"] = str(record.id)
    st.session_state[f"pratinjau_dasar_{record.id}"] = staged.base
    return record.id


if save:
    acting = acting_staff("draft")
    saved = _store_candidate(acting.email)
    if saved is not None:
        st.success(t("kelola.pratinjau.tersimpan", lang, versi=saved))

if publish:
    acting = acting_staff("publish")
    required_note(note, lang)
    target = _store_candidate(acting.email) if staged is not None else version_id
    if target is None:
        st.stop()
    try:
        store().publish(target, actor=acting.email, note=note.strip(), expected=base)
    except PublishConflict as exc:
        now = store().published()
        st.session_state[f"pratinjau_dasar_{target}"] = now.version_id if now else None
        st.warning(t("kelola.pratinjau.bentrok", lang, sekarang=exc.current, draf=target,
                     oleh=escape_markdown(now.published_by if now else "?")), icon=":material/sync_problem:")
        st.stop()
    st.success(t("kelola.pratinjau.terbit", lang, versi=target), icon=":material/public:")
