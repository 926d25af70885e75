"""The published data version, for every page of every process (``kla.store``).

Every page calls :func:`dataset_or_stop`. The data set shown is the version the store's
publication pointer names; each process loads a version once (``st.cache_resource``, keyed by the
version id) and asks the store which version is published at most every
:data:`POINTER_TTL_S` seconds. A page watches the pointer in a small fragment
(:func:`follow_publication`): when staff publish or roll back, every open page in every process
that shares the database reruns with the new version within ``POINTER_TTL_S + WATCH_EVERY_S``
seconds, with no restart.

A new, empty store imports the data folder (``KLA_DATA_DIR``) as version 1, so a data folder with
a fresh ``KLA_STATE_DIR`` keeps working. When the store cannot be read (a database restart), the
process keeps showing the last version it loaded.

A public replica (``KLA_ROLE=public``) opens the store read-only (:meth:`kla.store.Store.open`): it
never migrates or imports, so until the admin instance has done both, its pages say that the data
is not published yet (:func:`dataset_or_stop`) and try again on the next run.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

import streamlit as st

from kla import config
from kla.i18n import Lang, format_moment, t
from kla.loading import Dataset, LoadResult
from kla.schema import Problem
from kla.store import InvalidData, Store, StoreError
from kla.text import escape_markdown

MAX_PROBLEMS_SHOWN = 50
POINTER_TTL_S = 3.0  # how stale the published-version id may be in one process
WATCH_EVERY_S = 5.0  # how often an open page checks for a new publication
log = logging.getLogger(__name__)


def store() -> Store:
    """The process's data store: migrated, and seeded from the data folder when empty."""
    return _store(config.db_url())


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    # Keyed by URL: tests (and a changed KLA_DB_URL) get their own store in the same process.
    opened = Store.open(url)
    try:
        opened.ensure_initial(config.data_dir())
    except InvalidData as exc:
        _pointer(url).problems = list(exc.problems)
    return opened


@dataclass
class _Pointer:
    """Per process: the last published id read, when, and the last dataset that loaded."""

    version_id: int | None = None
    read_at: float = -1e9
    good: Dataset | None = None
    problems: list[Problem] | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


@st.cache_resource(show_spinner=False)
def _pointer(url: str) -> _Pointer:
    return _Pointer()


def published_id() -> int | None:
    """The published version id, read from the store at most every POINTER_TTL_S seconds."""
    pointer = _pointer(config.db_url())
    with pointer.lock:
        if time.monotonic() - pointer.read_at > POINTER_TTL_S:
            try:
                pointer.version_id = store().published_id()
            except Exception:  # database away: keep serving the version already known
                log.exception("versi terbit tidak dapat dibaca; tetap memakai versi %s", pointer.version_id)
            pointer.read_at = time.monotonic()
        return pointer.version_id


@st.cache_resource(max_entries=4, show_spinner=False)
def _load_version(url: str, version_id: int) -> LoadResult:
    return _store(url).load_version(version_id)


def current_dataset() -> tuple[Dataset | None, list[Problem]]:
    """The published dataset (or the last one this process had) and any problems to show."""
    pointer = _pointer(config.db_url())
    try:
        store()  # seeds an empty store (problems land on the pointer)
    except StoreError:  # a read-only store not migrated yet: nothing published to show
        log.warning("penyimpanan data belum siap", exc_info=True)
        return pointer.good, pointer.problems or []
    version_id = published_id()
    if version_id is None:
        return pointer.good, pointer.problems or []
    try:
        result = _load_version(config.db_url(), version_id)
    except Exception:
        log.exception("versi %s tidak dapat dimuat", version_id)
        return pointer.good, []
    if result.ok:
        pointer.good = result.dataset
        return result.dataset, []
    return pointer.good, result.problems


def dataset_or_stop(lang: Lang) -> Dataset:
    """The dataset to show; lists problems first; stops the page if there is nothing valid."""
    data, problems = current_dataset()
    if problems:
        show_problems(problems, data, lang)
    if data is None:
        if not problems:  # nothing published yet (a public replica before the first import)
            st.info(t("data.belum_terbit", lang), icon=":material/hourglass_empty:")
        st.stop()
    follow_publication(data.version.number if data.version else None)
    return data


def follow_publication(shown: int | None) -> None:
    """Rerun the whole page when another version is published while it is open."""

    @st.fragment(run_every=WATCH_EVERY_S)
    def watch() -> None:
        if published_id() not in (None, shown):
            st.rerun(scope="app")

    watch()


def show_problems(problems: list[Problem], good: Dataset | None, lang: Lang) -> None:
    n = len(problems)
    good_since = good.version.published_at if good is not None and good.version else None
    if good is None:
        intro = t("data.masalah.tanpa_lama", lang, n=n)
    elif good_since is None:
        intro = t("data.masalah.lama", lang, n=n, waktu="–")
    else:
        intro = t("data.masalah.lama", lang, n=n, waktu=format_moment(good_since, lang, short=False))
    with st.container(border=True):
        st.error(f"**{t('data.masalah.judul', lang)}.** {intro}", icon=":material/error:")
        lines = [f"- {escape_markdown(str(p))}" for p in problems[:MAX_PROBLEMS_SHOWN]]
        if n > MAX_PROBLEMS_SHOWN:
            lines.append(t("data.masalah.lainnya", lang, n=n - MAX_PROBLEMS_SHOWN))
        st.markdown("\n".join(lines))
