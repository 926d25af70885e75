"""Warm-up at every server start (:func:`kla.ui.serve.lifespan`, for ``python -m kla serve`` and a plain
``streamlit run dashboard.py`` alike): the first visitor should not wait for imports.

Part of the UI layer because it imports UI modules (by name, from FIRST_PAGE_MODULES).

After the server starts, the first visitor's browser spends over a second downloading and
starting Streamlit's frontend before it asks for a script run; the server is idle meanwhile.
:func:`start` uses that second in a background thread: it imports the modules the first page
needs, opens the data store (migrations; a new store imports the data folder) and validates the
published version once, which writes the Parquet cache (``kla.loading``), so
the first script run finds both ready. If a visitor is faster, Python's import locks make the
script wait for a module being imported rather than import it twice.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kla import config

# What Ringkasan (the default page) and dashboard.py import, heaviest first.
FIRST_PAGE_MODULES = (
    "pandas",
    "plotly.graph_objects",
    "plotly.io",
    "kla.loading",
    "kla.charts",
    "kla.scoring",
    "kla.ui.widgets",
    "kla.ui.data",
)

READY_POLL_S = 0.05
READY_TIMEOUT_S = 60.0
log = logging.getLogger(__name__)


def warm(data_dir: Path, modules: tuple[str, ...] = FIRST_PAGE_MODULES) -> None:
    """Import ``modules``, open the data store (seeding it from ``data_dir`` when empty) and load the
    published version once, which fills its cache; never raises."""
    try:
        for name in modules:
            importlib.import_module(name)
        from kla.store import published_dataset

        published_dataset(data_dir)  # problems are shown by the page itself; here only the cache matters
    except Exception:  # a warm-up must never stop the server: the page reports real errors
        log.exception("warm-up gagal; halaman pertama akan memuat sendiri")
    write_missing_embeds()


def write_missing_embeds() -> None:
    """The published version's embed pages, if this process writes them and they are missing.

    Publications write them (kla.embeds.hook); the version a fresh store imports on its first start
    is not a publication, so without this its embeds would wait for the first visitor of Ekspor.
    """
    if not (config.embeds_enabled() and config.staff_pages_enabled()):
        return  # a public replica only reads; KLA_EMBEDS=0 writes nothing
    try:
        from kla.embeds.hook import sync
        from kla.store import Store

        store = Store.open()
        try:
            sync(store, config.embed_dir(), config.public_url())  # writes only what is missing
        finally:
            store.close()
    except Exception:  # the pages follow at the next publication or Ekspor visit; the server runs on
        log.exception("halaman sematan versi terbit tidak dapat ditulis saat mulai")


def start(data_dir: Path, ready: Callable[[], bool] = lambda: True) -> threading.Thread:
    """Warm up in a daemon thread once ``ready()`` is true (or after READY_TIMEOUT_S).

    The server passes "listening": imports compete with the server's own start-up for the
    one interpreter lock, so warming earlier would delay the first answer instead.
    """

    def run() -> None:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not ready() and time.monotonic() < deadline:
            time.sleep(READY_POLL_S)
        warm(data_dir)

    thread = threading.Thread(target=run, name="kla-warmup", daemon=True)
    thread.start()
    return thread
