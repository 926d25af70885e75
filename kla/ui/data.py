"""One dataset store per server process: reload when a file changes, keep the last good data.

Every page calls :func:`dataset_or_stop`. Loading happens once per change of the data files
(their fingerprint), not once per rerun or per session. When a changed folder has problems the
pages keep showing the previous valid dataset and list the problems above it.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from kla import config
from kla.i18n import Lang, format_date, t
from kla.loading import Dataset, fingerprint, load_dataset
from kla.schema import Problem
from kla.text import escape_markdown

MAX_PROBLEMS_SHOWN = 50


@dataclass
class _FolderState:
    fingerprint: tuple = ()
    good: Dataset | None = None
    good_loaded_at: dt.datetime | None = None
    problems: list[Problem] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


@st.cache_resource
def _states() -> dict[str, _FolderState]:
    return {}


def current_state(folder: Path | None = None) -> _FolderState:
    folder = folder or config.data_dir()
    state = _states().setdefault(str(folder.resolve()), _FolderState())
    with state.lock:  # several sessions may arrive at once after a file changes
        now = fingerprint(folder)
        if now != state.fingerprint:
            result = load_dataset(folder)
            state.fingerprint = now
            state.problems = result.problems
            if result.ok:
                state.good, state.good_loaded_at = result.dataset, dt.datetime.now()
    return state


def dataset_or_stop(lang: Lang) -> Dataset:
    """The dataset to show; lists problems first; stops the page if there is nothing valid."""
    state = current_state()
    if state.problems:
        show_problems(state.problems, state.good_loaded_at, lang)
    if state.good is None:
        st.stop()
    return state.good


def show_problems(problems: list[Problem], good_since: dt.datetime | None, lang: Lang) -> None:
    n = len(problems)
    if good_since is None:
        intro = t("data.masalah.tanpa_lama", lang, n=n)
    else:
        intro = t("data.masalah.lama", lang, n=n, waktu=format_date(good_since, lang) + good_since.strftime(" %H.%M"))
    with st.container(border=True):
        st.error(f"**{t('data.masalah.judul', lang)}.** {intro}", icon=":material/error:")
        lines = [f"- {escape_markdown(str(p))}" for p in problems[:MAX_PROBLEMS_SHOWN]]
        if n > MAX_PROBLEMS_SHOWN:
            lines.append(t("data.masalah.lainnya", lang, n=n - MAX_PROBLEMS_SHOWN))
        st.markdown("\n".join(lines))

