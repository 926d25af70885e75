"""Pieces the staff pages share: who is signed in, the candidate being prepared, its checks.

A *candidate* is a complete data set that an upload or a form produced in this browser session
and that is not stored yet. It lives in ``st.session_state`` until the staff member saves it as a
draft or publishes it on the Pratinjau page; nothing public changes before that.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from kla.desk.candidate import load_files
from kla.i18n import Lang, format_moment, t
from kla.loading import Dataset
from kla.schema import Problem
from kla.store.diff import VersionDiff, diff_datasets, outside_scope
from kla.text import escape_markdown, markdown_code
from kla.ui.auth import Staff, sign_out_button
from kla.ui.data import store

CANDIDATE_KEY = "kla_kandidat"
PREVIEW_PAGE = "pages/kelola_pratinjau.py"
MAX_PROBLEMS_SHOWN = 100


@dataclass(frozen=True)
class Candidate:
    files: dict[str, bytes]
    base: int | None  # the published version it was prepared against
    origin: str  # "unggah" or "catat": for the audit and the preview's title


def role_name(role: str, lang: Lang) -> str:
    return t(f"kelola.peran.{role}", lang)


def desk_header(staff: Staff, title_key: str, lang: Lang) -> None:
    """Title, who is signed in (with a sign-out button) and what the public sees now."""
    st.title(t(title_key, lang))
    with st.sidebar:
        # code: no mail link
        st.caption(t("kelola.siapa", lang, email=code_text(staff.email), peran=role_name(staff.role, lang)))
        if staff.kelurahan:
            st.caption(t("kelola.wilayah_tugas", lang, daftar=", ".join(staff.kelurahan)))
        sign_out_button(lang)
    current = store().published()
    if current is None:
        st.caption(t("kelola.belum_terbit", lang))
    else:
        st.caption(t("kelola.terbit_sekarang", lang, versi=current.version_id,
                     waktu=format_moment(current.published_at, lang), oleh=code_text(current.published_by)))


def code_text(text: str) -> str:
    """An e-mail address or name as inline code: shown as typed, never turned into a mail link."""
    return markdown_code(text)


def required_note(text: str, lang: Lang) -> str:
    """A publication or rollback note, stripped; stops the page with a message when it is empty."""
    note = text.strip()
    if not note:
        st.error(t("kelola.pratinjau.perlu_catatan", lang))
        st.stop()
    return note


def show_problem_list(problems: list[Problem]) -> None:
    lines = [f"- {escape_markdown(str(p))}" for p in problems[:MAX_PROBLEMS_SHOWN]]
    if len(problems) > MAX_PROBLEMS_SHOWN:
        lines.append(f"- … (+{len(problems) - MAX_PROBLEMS_SHOWN})")
    st.markdown("\n".join(lines))


def published_files() -> tuple[int | None, dict[str, bytes]]:
    current = store().published_id()
    return current, (store().files(current) if current is not None else {})


def published_dataset() -> Dataset | None:
    current = store().published_id()
    if current is None:
        return None
    result = store().load_version(current)
    return result.dataset if result.ok else None


def stage(staff: Staff, files: Mapping[str, bytes], base: int | None, origin: str, lang: Lang) -> bool:
    """Check a complete candidate; when valid and inside the staff member's kelurahan, keep it for
    the preview and return True. Problems are shown and audited as a rejected upload."""
    result = load_files(files)
    if not result.ok:
        st.error(t("kelola.unggah.ditolak", lang, n=len(result.problems)), icon=":material/error:")
        show_problem_list(result.problems)
        store().record(staff.email, "upload_rejected", from_version=base,
                       detail={"asal": origin, "masalah": len(result.problems),
                               "contoh_masalah": [str(p) for p in result.problems[:5]]})
        return False
    current = published_dataset()
    if current is not None:
        change = diff_datasets(current, result.valid_dataset)
        if staff.kelurahan and (outside := outside_scope(change, staff.kelurahan)):
            st.error(t("kelola.luar_wilayah", lang, daftar=", ".join(outside)), icon=":material/block:")
            store().record(staff.email, "upload_rejected", from_version=base,
                           detail={"asal": origin, "di_luar_wilayah": outside})
            return False
        if change.is_empty:
            st.info(t("kelola.tanpa_perubahan", lang))
            return False
    st.session_state[CANDIDATE_KEY] = Candidate(dict(files), base, origin)
    return True


def version_diff(published: Dataset | None, files: Mapping[str, bytes] | None = None,
                 version_id: int | None = None) -> tuple[VersionDiff | None, list[Problem]]:
    """What a candidate's files or a stored version change against ``published`` (kept per session:
    loading a whole data set takes about a second)."""
    against = published.version.number if published is not None and published.version else None
    what = version_id if files is None else _digest(files)
    key = f"kla_beda_{against}_{what}"
    if key not in st.session_state:
        if files is not None:
            result = load_files(files)
        else:
            assert version_id is not None, "version_diff: files or version_id"
            result = store().load_version(version_id)
        if not result.ok:
            return None, result.problems
        old = published if published is not None else result.valid_dataset
        st.session_state[key] = diff_datasets(old, result.valid_dataset)
    return st.session_state[key], []


def _digest(files: Mapping[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()[:20]


def candidate() -> Candidate | None:
    return st.session_state.get(CANDIDATE_KEY)


def drop_candidate() -> None:
    st.session_state.pop(CANDIDATE_KEY, None)
