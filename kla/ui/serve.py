"""``python -m kla serve``: start the dashboard's Streamlit server in this process.

``kla/__main__.py`` sends ``serve`` here before it imports the core CLI (``kla.cli`` keeps only
its help line), so the core never imports the UI layer (tests/test_layers.py). Options are
passed on to ``streamlit run`` (e.g. ``--server.port 8502``).

Before the server starts, Streamlit's legacy ``pages/`` discovery is turned off for every
visitor (:func:`kla.ui.streamlit_patches.disable_pages_directory`). Once the server listens, a
warm-up thread imports what the first page needs (:mod:`kla.ui.warmup`).
"""

from __future__ import annotations

from kla import config
from kla.ui import streamlit_patches, warmup


def main(streamlit_args: list[str]) -> int:
    streamlit_patches.disable_pages_directory()
    warmup.start(config.data_dir(), ready=streamlit_patches.server_listening)
    return streamlit_patches.run_server(config.PROJECT_ROOT / "dashboard.py", streamlit_args)
