"""Embeds follow the publication: after every publish or rollback, the published version's pages exist
and ``terbaru`` points at them.

:meth:`kla.store.Store.publish` and :meth:`~kla.store.Store.rollback` (the staff pages and the command
line both go through them) call :func:`after_publication`, which runs :func:`sync` on a background
thread: publishing answers at once, and the pages follow a few seconds later. The thread is not a
daemon, so a command line (``python -m kla data publish``) finishes writing before it exits.

:func:`sync` writes only what is missing: a rollback to a version written before only moves the
alias. It reads the published version from the store *after* writing, so two publications in quick
succession end with ``terbaru`` on the one that is published, not on whichever finished last; one
writer at a time, also across processes (:func:`kla.embeds.layout.locked`).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kla import config
from kla.embeds import layout
from kla.loading import LoadResult

if TYPE_CHECKING:
    from kla.embeds.writer import Written

log = logging.getLogger(__name__)
ATTEMPTS = 3  # publications racing the writer: after this many it leaves the rest to the next one

_threads: list[threading.Thread] = []
_threads_lock = threading.Lock()


class PublishedStore(Protocol):
    read_only: bool

    def published_id(self) -> int | None: ...

    def load_version(self, version_id: int) -> LoadResult: ...


def _boundaries() -> tuple[object | None, str | None]:
    """The installed boundaries and their attribution, or (None, None) with a log line."""
    from kla import boundaries

    try:
        installed = boundaries.read_installed()
    except boundaries.BoundaryError as exc:
        log.warning("sematan tanpa peta kelurahan: %s", exc)
        return None, None
    if installed is None:
        return None, None
    return installed.boundaries, installed.info.get("attribution")


def sync(store: PublishedStore, root: Path | None = None, public_url: str | None = None) -> Written | None:
    """Write the published version's pages if missing and point ``terbaru`` at them; None when nothing is
    published or the version cannot be loaded (logged)."""
    from kla.embeds.writer import Written, write_version  # plotly, the catalogue, the renderer

    root = Path(root) if root is not None else config.embed_dir()
    public_url = config.public_url() if public_url is None else public_url
    written = None
    with layout.locked(root):
        layout.remove_stale_staging(root)
        for _ in range(ATTEMPTS):
            current = store.published_id()
            if current is None:
                return None
            folder = layout.version_dir(root, current)
            existing = layout.read_manifest(folder)
            if existing is not None:  # written before (a rollback): only the alias moves
                written = Written(folder, existing, 0.0)
            else:
                result = store.load_version(current)
                if not result.ok or result.dataset is None:
                    log.warning("sematan versi %s tidak ditulis: versi tidak dapat dimuat (%s)", current,
                                "; ".join(str(p) for p in result.problems[:3]))
                    return None
                shapes, attribution = _boundaries()
                written = write_version(result.dataset, root, boundaries=shapes, attribution=attribution,
                                        public_url=public_url)
            layout.point_latest(root, current)
            if store.published_id() == current:
                break
    if written is not None and written.seconds:
        log.info("sematan versi %s ditulis ke %s: %d halaman dalam %.1f s", written.manifest.version,
                 written.folder, len(written.manifest.charts), written.seconds)
    return written


def sync_logged(store: PublishedStore, root: Path, public_url: str) -> None:
    try:
        sync(store, root, public_url)
    except Exception:  # the publication stands; the pages follow at the next publication or start
        log.exception("halaman sematan tidak dapat ditulis ke %s", root)


def after_publication(store: PublishedStore) -> threading.Thread | None:
    """Start writing the embeds of what ``store`` now publishes (KLA_EMBEDS=0: nothing); the thread."""
    if not config.embeds_enabled() or store.read_only:
        return None
    thread = threading.Thread(target=sync_logged, args=(store, config.embed_dir(), config.public_url()),
                              name="kla-sematan", daemon=False)
    with _threads_lock:
        _threads[:] = [t for t in _threads if t.is_alive()]
        _threads.append(thread)
    thread.start()
    return thread


def wait(timeout: float | None = None) -> bool:
    """Wait for the writers started here; True when none is left running."""
    with _threads_lock:
        running = list(_threads)
    for thread in running:
        thread.join(timeout)
    return not any(t.is_alive() for t in running)
