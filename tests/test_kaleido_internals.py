"""kla.kaleido_internals: the private parts of kaleido that kla.render relies on are still there and still behave.

Each check names what changed, so a kaleido upgrade fails here, loudly, before it fails in a press kit.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
from importlib import metadata
from pathlib import Path

import kaleido
import plotly.graph_objects as go
import pytest
from kaleido import _sync_server
from kaleido._kaleido_tab import _tab

from kla import kaleido_internals

ROOT = Path(__file__).resolve().parents[1]


def pinned(package: str) -> str:
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.lower().startswith(f"{package}=="):
            return line.split("==", 1)[1].strip()
    raise AssertionError(f"{package} is not pinned in requirements.txt")


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_the_installed_kaleido_is_the_pinned_one():
    assert metadata.version("kaleido") == pinned("kaleido"), (
        "kaleido is not the version pinned in requirements.txt: check kla/kaleido_internals.py against it "
        "(this file lists what it relies on) before moving the pin")


def test_kaleido_hands_out_every_tab_through_the_two_methods_that_are_overridden():
    for name, expected in (("_get_kaleido_tab", ["self"]), ("_return_kaleido_tab", ["self", "tab"])):
        method = getattr(kaleido.Kaleido, name, None)
        assert method is not None, f"kaleido.Kaleido.{name} is gone: ReloadAfterReturn no longer changes anything"
        assert inspect.iscoroutinefunction(method), f"kaleido.Kaleido.{name} is no longer a coroutine"
        assert parameters(method) == expected, f"kaleido.Kaleido.{name} now takes {parameters(method)}"
    render_task = inspect.getsource(kaleido.Kaleido._render_task)
    assert "self._get_kaleido_tab()" in render_task and "self._return_kaleido_tab(tab)" in render_task, (
        "kaleido no longer takes and returns each image's tab through _get_kaleido_tab/_return_kaleido_tab")
    returned = inspect.getsource(kaleido.Kaleido._return_kaleido_tab)
    assert "reload()" in returned and "tabs_ready.put(tab)" in returned, (
        "kaleido's _return_kaleido_tab no longer reloads the tab and puts it back in tabs_ready")


def test_the_queue_the_index_page_and_the_tab_wrapper_are_where_print_page_expects_them():
    source = inspect.getsource(kaleido.Kaleido)
    assert "self.tabs_ready = asyncio.Queue(" in source, "kaleido.Kaleido.tabs_ready is no longer an asyncio.Queue"
    assert "self._index = " in source, "kaleido.Kaleido._index (kaleido's page, where a printing tab goes back) is gone"
    tab_class = _tab._KaleidoTab
    assert parameters(tab_class.navigate)[:2] == ["self", "url"], "_KaleidoTab.navigate(url) changed"
    assert "self.tab = tab" in inspect.getsource(tab_class.__init__), "_KaleidoTab.tab (the choreographer tab) is gone"
    assert parameters(_tab._subscribe_new) == ["tab", "event"], "kaleido's _subscribe_new(tab, event) changed"
    assert kaleido_internals._subscribe_new is _tab._subscribe_new


def test_the_oneshot_runner_takes_a_function_its_args_and_kwargs():
    assert parameters(_sync_server.oneshot_async_run) == ["func", "args", "kwargs"], (
        "kaleido._sync_server.oneshot_async_run changed its signature (render_oneshot calls it)")


def test_print_errors_say_what_failed_in_indonesian():
    with pytest.raises(kaleido_internals.PrintError, match="Chromium gagal mencetak PDF: tidak ada halaman"):
        kaleido_internals._check({"error": {"message": "tidak ada halaman"}}, "mencetak PDF")
    assert kaleido_internals._check({"result": {}}, "mencetak PDF") == {"result": {}}


@pytest.mark.browser
def test_a_tab_goes_back_after_the_image_is_returned():
    async def run() -> tuple[bytes, int, int]:
        browser = kaleido_internals.ReloadAfterReturn(n=1, mathjax=False)
        await browser.open()
        try:
            image = await browser.calc_fig(go.Figure(go.Bar(y=[1, 2])), opts={"format": "png", "width": 80,
                                                                                "height": 60})
            pending = len(browser._reloading)  # the reload still runs: the image did not wait for it
            await asyncio.gather(*browser._reloading)
            return image, pending, browser.tabs_ready.qsize()
        finally:
            await browser.close()

    # Its own thread: after the browser tests Playwright's sync API runs an event loop in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        image, pending, ready = pool.submit(asyncio.run, run()).result(180)
    assert image.startswith(b"\x89PNG")
    assert pending == 1, "kaleido reloaded the tab before answering: the _return_kaleido_tab override went unused"
    assert ready == 1, "the tab did not come back to kaleido's queue"
