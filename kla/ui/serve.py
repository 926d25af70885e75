"""How the dashboard's Streamlit server starts, the same way for every start command.

``dashboard.py`` declares ``app = st.App("dashboard.py", lifespan=serve.lifespan)`` for its import
by the server; every visitor's script run executes the same file as ``__main__`` and never reaches
that line. ``streamlit run`` finds a module-level ``st.App`` in the file it is given (Streamlit
1.67's app discovery) and serves that app, so a plain ``streamlit run dashboard.py`` (Streamlit
hosting, most container images) and ``python -m kla serve`` run the same code:

- :func:`lifespan` runs once per server start, after Streamlit's runtime has started and before
  the first request is answered: it turns Streamlit's legacy ``pages/`` discovery off for every
  visitor (:func:`kla.ui.streamlit_patches.disable_pages_directory`) and starts the warm-up thread
  (:mod:`kla.ui.warmup`). Without it the first visitor after a start would get the file names of
  ``pages/`` in the sidebar, and a deep link such as ``/peta`` would run ``pages/peta.py`` without
  ``dashboard.py`` (no page configuration, no roles).
- :func:`main` is ``python -m kla serve``: ``streamlit run dashboard.py`` in this process, after
  checking that Streamlit still finds that app.

``st.App`` also takes Starlette ``routes`` (e.g. static embed pages in single-process mode); they are
passed next to ``lifespan`` in ``dashboard.py``.

``kla/__main__.py`` sends ``serve`` here before it imports the core CLI (``kla.cli`` keeps only
its help line), so the core never imports the UI layer (tests/test_layers.py). Options are
passed on to ``streamlit run`` (e.g. ``--server.port 8502``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from kla import config
from kla.ui import streamlit_patches, warmup

SCRIPT = config.PROJECT_ROOT / "dashboard.py"


@asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """Before the first visitor: no legacy ``pages/`` mode; then warm up in the background."""
    streamlit_patches.disable_pages_directory()  # raises StreamlitChanged: the server does not start
    warmup.start(config.data_dir(), ready=streamlit_patches.server_listening)
    yield


def main(streamlit_args: list[str]) -> int:
    streamlit_patches.require_served_app(SCRIPT)
    return streamlit_patches.run_server(SCRIPT, streamlit_args)
