"""Patches of Streamlit internals (kla/ui/streamlit_patches.py): still aimed at the right place, and working
against a real server reached through a real websocket, the way any visitor's script could."""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import streamlit
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.pages_manager import PagesManager

from kla.loading import load_dataset
from kla.ui import streamlit_patches
from tests.e2e.browser import start_app, stop_app
from tests.event_loop import run_in_own_loop

RUN_TIMEOUT_S = 120
ROOT = Path(__file__).resolve().parents[1]


def test_the_pinned_streamlit_still_routes_clear_cache_to_the_handler_we_replace():
    """Fails loudly when a Streamlit upgrade renames the handler or stops dispatching to it."""
    assert "clear_cache" in BackMsg.DESCRIPTOR.fields_by_name
    dispatch = inspect.getsource(AppSession.handle_backmsg)
    assert 'msg_type == "clear_cache"' in dispatch, "Streamlit handles clear_cache elsewhere now"
    assert f"self.{streamlit_patches.CLEAR_CACHE_HANDLER}()" in dispatch, "the clear_cache handler was renamed"


def test_importing_the_module_replaces_the_handler():
    handler = getattr(AppSession, streamlit_patches.CLEAR_CACHE_HANDLER)
    assert handler.__module__ == streamlit_patches.__name__
    streamlit_patches.apply()  # a second application changes nothing
    assert getattr(AppSession, streamlit_patches.CLEAR_CACHE_HANDLER) is handler


def test_the_pinned_streamlit_still_finds_pages_by_folder_until_told_not_to(tmp_path: Path):
    """Fails loudly when PagesManager stops deciding v1 multipage apps from a ``pages/`` folder."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "app.py").write_text("")
    saved = PagesManager.uses_pages_directory
    try:
        PagesManager.uses_pages_directory = None
        PagesManager(str(tmp_path / "app.py"))
        assert PagesManager.uses_pages_directory is True, "Streamlit no longer detects pages/ this way"
        PagesManager.uses_pages_directory = None
        streamlit_patches.disable_pages_directory()
        PagesManager(str(tmp_path / "app.py"))
        assert PagesManager.uses_pages_directory is False
    finally:
        PagesManager.uses_pages_directory = saved


def test_streamlit_run_serves_the_app_that_dashboard_declares():
    """``streamlit run dashboard.py`` (and so ``python -m kla serve``) finds the module-level ``app``."""
    streamlit_patches.require_served_app(ROOT / "dashboard.py")


def test_a_script_without_a_module_level_app_is_refused(tmp_path: Path):
    script = tmp_path / "dashboard.py"
    script.write_text("import streamlit as st\n\nst.title('Halo')\n", encoding="utf-8")
    with pytest.raises(streamlit_patches.StreamlitChanged, match=r"app = st\.App"):
        streamlit_patches.require_served_app(script)


def test_importing_dashboard_gives_one_app_that_runs_dashboard_and_no_page_code():
    """What the server does with dashboard.py (as the module ``dashboard``): an st.App whose script is
    dashboard.py itself, and none of the page's modules loaded yet (the server answers before pandas loads)."""
    code = ("import json, sys, dashboard, streamlit as st; "
            "print(json.dumps({'app': isinstance(dashboard.app, st.App), 'script': str(dashboard.app.script_path), "
            "'page_code': sorted({'pandas', 'kla.loading', 'kla.ui.widgets', 'kla.ui.auth'} & set(sys.modules))}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.splitlines()[-1]) == {"app": True, "script": str(ROOT / "dashboard.py"),
                                                       "page_code": []}


def test_the_app_lifespan_turns_the_pages_folder_off_and_starts_the_warm_up():
    code = ("import asyncio, json, threading; from streamlit.runtime.pages_manager import PagesManager; "
            "from kla.ui import serve\n"
            "async def start():\n"
            "    async with serve.lifespan(None):\n"
            "        return PagesManager.uses_pages_directory, [t.name for t in threading.enumerate()]\n"
            "flag, threads = asyncio.run(start()); print(json.dumps({'pages_folder': flag, "
            "'warm_up': 'kla-warmup' in threads}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.splitlines()[-1]) == {"pages_folder": False, "warm_up": True}


def test_no_server_is_listening_in_a_test_process():
    assert streamlit_patches.server_listening() is False


def test_the_plotly_chunk_is_where_the_preload_looks_and_the_frontend_loads_it_by_that_name():
    """Fails loudly when a Streamlit upgrade renames, moves or inlines the plotly chunk or the entry script."""
    name = streamlit_patches.plotly_chunk()
    assert name and (streamlit_patches.FRONTEND_JS / name).is_file()
    index_html = (Path(streamlit.__file__).parent / "static" / "index.html").read_text()
    # What ENTRY_SCRIPT_SELECTOR finds in the page: the one <script> whose src contains static/js/index.
    scripts = re.findall(r'<script[^>]*\bsrc="([^"]*static/js/index\.[^"]*)"', index_html)
    assert len(scripts) == 1, scripts
    entry = streamlit_patches.FRONTEND_JS / Path(scripts[0]).name
    assert name in entry.read_text(encoding="utf-8"), "the entry script no longer names the plotly chunk"
    html = streamlit_patches.plotly_preload_html()
    assert html and f'"{name}"' in html and "static/js/index." in html


async def _run_page(ws, query: str) -> list[tuple[str, str]]:
    """Ask for one script run of the default page; the headings and alert texts it sends."""
    message = BackMsg()
    message.rerun_script.query_string = query
    await ws.send(message.SerializeToString())
    shown = []
    while True:
        reply = ForwardMsg()
        reply.ParseFromString(await asyncio.wait_for(ws.recv(), RUN_TIMEOUT_S))
        kind = reply.WhichOneof("type")
        if kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
            element = reply.delta.new_element
            if element.WhichOneof("type") == "heading":
                shown.append(("heading", element.heading.body))
            elif element.WhichOneof("type") == "alert":
                shown.append(("alert", element.alert.body))
        elif kind == "script_finished":
            return shown


async def _visit_clear_and_revisit(url: str, corrupt) -> tuple[list, list, list]:
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as ws:
        first = await _run_page(ws, "lang=en")  # the session remembers English from here on
        corrupt()
        again = await _run_page(ws, "")
        clear = BackMsg()
        clear.clear_cache = True
        await ws.send(clear.SerializeToString())
        after = await _run_page(ws, "")
    return first, again, after


def test_a_clear_cache_message_from_a_websocket_clears_nothing(tmp_path: Path):
    """The last good data outlives its files and a visitor's clear_cache message; so does the session.

    After the first visit the published version's files on disk are broken: from then on only the
    process's caches hold valid data, and a cleared cache would show the problem list instead.
    """
    state = tmp_path / "state"
    proc, url = start_app({"KLA_STATE_DIR": str(state)})
    broken: list[Path] = []

    def corrupt() -> None:
        (folder,) = [p for p in (state / "versions").iterdir() if p.is_dir() and not p.name.startswith(".")]
        (folder / "indikator.csv").write_text("kode,nomor\nrusak,satu\n")
        broken.append(folder)

    try:
        # Its own thread: Playwright's sync API may already run an event loop in this one (full suite).
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            first, again, after = pool.submit(asyncio.run, _visit_clear_and_revisit(url, corrupt)).result(180)
    finally:
        stop_app(proc)
        log = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    assert not load_dataset(broken[0]).ok, "the files left on disk no longer load"
    assert first[0] == ("heading", "KLA Balikpapan at a glance"), first
    assert again == first, "the data came from the cache already before the message"
    assert after == first, f"after clear_cache: {after}"  # English (session kept), same data (caches kept)
    assert "Error processing back message" not in log


# --- Streamlit's own texts in the page's language (issue 15, item 4) -----------------------------


def test_the_pinned_frontend_still_builds_in_every_text_we_replace():
    """Fails when a Streamlit upgrade rewords a built-in text: its replacement would silently stop."""
    bundle = "".join(path.read_text(encoding="utf-8", errors="replace")
                     for chunk in streamlit_patches.FRONTEND_CHUNKS
                     for path in streamlit_patches.FRONTEND_JS.glob(chunk))
    missing = [marker for marker, _, _ in streamlit_patches.FRONTEND_TEXTS if marker not in bundle]
    assert missing == []


def test_every_replaced_text_has_words_in_both_languages_with_the_same_blanks():
    from kla.i18n import t

    for _, pattern, key in streamlit_patches.FRONTEND_TEXTS:
        groups = re.compile(pattern).groups
        for lang in ("id", "en"):
            blanks = set(re.findall(r"\{(\d)\}", t(key, lang)))
            assert blanks <= {str(i) for i in range(1, groups + 1)}, (key, lang)


def test_an_unknown_page_is_kept_for_the_script_instead_of_the_english_dialog():
    import inspect as _inspect

    from streamlit.commands import navigation

    assert navigation.send_page_not_found is streamlit_patches._remember_unknown_page
    assert "send_page_not_found(ctx)" in _inspect.getsource(navigation._navigation)


def deferred_response(make) -> tuple[str, str]:
    """(error_msg, url) that Streamlit's deferred-download handler answers for a button whose data is ``make``."""
    from streamlit.proto.BackMsg_pb2 import BackendOperationRequest
    from streamlit.runtime.backend_operation_handler import DeferredFileHandler
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    files = MediaFileManager(MemoryMediaFileStorage("/media"))
    request = BackendOperationRequest(request_id="r1")
    request.deferred_file.file_id = files.add_deferred(make, "text/csv", "tombol", "data.csv")
    response = run_in_own_loop(DeferredFileHandler(lambda: files).handle(request, "sesi"))
    return response.error_msg, response.deferred_file.url


def test_a_failed_download_says_why_in_the_visitors_words():
    def fails() -> bytes:
        raise RuntimeError("render mati")

    explained = streamlit_patches.explained_download(fails, lambda exc: f"Berkas tidak dapat dibuat ({exc}).")
    assert deferred_response(explained) == ("Berkas tidak dapat dibuat (render mati).", "")
    error, _ = deferred_response(fails)  # not ours: still words, in both languages, not Streamlit's English
    assert error == streamlit_patches.DOWNLOAD_FAILED_ANY and "Failed to generate" not in error
    assert deferred_response(streamlit_patches.explained_download(lambda: b"a;b", str))[0] == ""


def test_a_download_over_the_visitors_limit_says_when_to_try_again():
    from kla.ratelimit import RateLimit
    from kla.ui.unduh import Guard

    guard = Guard(RateLimit(1, 300))
    make = guard.wrap(lambda: b"pdf", lang="id")
    assert deferred_response(make)[0] == ""
    error, url = deferred_response(make)
    assert url == "" and "1 kali dalam 5 menit" in error and "dapat dibuat lagi dalam" in error, error
