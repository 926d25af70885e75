"""Static embeds in Chromium: a news site's page (another loopback port) with an <iframe> of an embed page.

The embed pages of the published version are written as at a publication (kla.embeds.hook.sync),
into the project's ``static/embed/``, where one app process (KLA_ROLE=all) serves them at
``/app/static/embed/``. The host page comes from a plain ``http.server`` on another port. The
chart must draw (plotly's SVG inside the iframe) with every request on 127.0.0.1 and no websocket,
first from the app, then with the app stopped, from a plain static server. The Ekspor page shows
the <iframe> code and a live preview; the Unduh menu the code.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kla import config, render
from kla.embeds import hook, layout
from kla.store import Store
from kla.store.engine import dispose
from tests.e2e.browser import ROOT, free_port, screenshot, start_app, stop_app, wait_idle

EMBED_DIR = ROOT / "static" / "embed"
CHART = "tren_total"
DRAWN_S = 30_000


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the test's output stays readable
        pass


@contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """``folder`` served by Python's plain static file server on a free loopback port."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()),
                                             functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def host_page(folder: Path, src: str, height: int) -> Path:
    """A news article with the code the Ekspor page offers pasted in."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(f"""<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>Berita uji</title><style>body {{ font-family: serif; max-width: 760px; margin: 24px auto; }}</style></head>
<body><h1>Skor KLA Balikpapan naik</h1><p>Paragraf berita sebelum grafik.</p>
<iframe src="{src}" title="Grafik KLA" width="100%" height="{height}" style="border:0" loading="lazy"></iframe>
<p>Paragraf berita sesudah grafik.</p></body></html>""", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def embeds(tmp_path_factory) -> Iterator[dict]:
    """A store with the project's data published as version 1 and its embed pages written."""
    state = tmp_path_factory.mktemp("sematan_state")
    shutil.rmtree(EMBED_DIR, ignore_errors=True)  # ours alone (git-ignored): versions of an earlier test's store
    with pytest.MonkeyPatch.context() as env:
        env.setenv("KLA_STATE_DIR", str(state))
        env.delenv("KLA_FILES_DIR", raising=False)
        env.delenv("KLA_DB_URL", raising=False)
        url = f"sqlite:///{state / 'kla.sqlite3'}"
        store = Store.open(url)
        store.ensure_initial(config.data_dir())
        written = hook.sync(store, EMBED_DIR, public_url="")
        render.shared().stop()
        dispose(url)
    assert written is not None and layout.latest(EMBED_DIR) == 1
    yield {"state": state, "manifest": written.manifest}
    shutil.rmtree(EMBED_DIR, ignore_errors=True)


@pytest.fixture(scope="module")
def app(embeds) -> Iterator[dict]:
    proc, url = start_app({"KLA_STATE_DIR": str(embeds["state"]), "KLA_EMBEDS": "1", "KLA_ROLE": "all"})
    box = {"proc": proc, "url": url}
    yield box
    stop_app(proc)


def watch(page) -> dict:
    """Every request's URL and every websocket the page (and its frames) opens."""
    seen: dict = {"requests": [], "sockets": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("websocket", lambda socket: seen["sockets"].append(socket.url))
    return seen


def assert_drawn(page, info: layout.EmbedInfo) -> None:
    frame = page.frame_locator("iframe")
    frame.locator("#grafik .main-svg").first.wait_for(timeout=DRAWN_S)
    assert frame.locator("#grafik g.trace").count() > 0  # lines drawn, not only axes
    drawn_title = frame.locator("#grafik .gtitle").first.text_content()
    assert drawn_title.replace(" ", "") == info.title.replace(" ", "")  # wrapped lines: spaces differ
    assert "Data versi 1" in frame.locator("footer").inner_text()
    box = page.locator("iframe").bounding_box()
    svg = frame.locator("#grafik .main-svg").first.bounding_box()
    assert abs(svg["width"] - box["width"]) < 2  # fills its frame's width
    assert svg["height"] > info.height * 0.6


def test_embed_served_by_the_app_draws_in_a_page_of_another_site(app, embeds, page, network, tmp_path):
    info = embeds["manifest"].chart(CHART)
    src = f"{app['url']}/app/static/embed/terbaru/{CHART}.html"
    with urllib.request.urlopen(src, timeout=10) as answer:
        assert answer.headers.get_content_type() == "text/html"
    seen = watch(page)
    with static_server(host_page(tmp_path / "situs", src, info.height)) as site:
        page.goto(f"{site}/index.html")
        assert_drawn(page, info)
        screenshot(page, "sematan-situs-lain-app")
    assert network.blocked == [] and seen["sockets"] == []
    assert all(url.startswith("http://127.0.0.1:") for url in seen["requests"]), seen["requests"]
    assert any("/app/static/embed/aset/plotly-" in url for url in seen["requests"])


def test_ekspor_page_shows_the_iframe_code_and_a_live_preview(app, embeds, page, network):
    page.goto(f"{app['url']}/ekspor")
    wait_idle(page)
    heading = page.get_by_role("heading", name="Sematkan di situs Anda")
    heading.scroll_into_view_if_needed()
    code = page.locator('[data-testid="stCode"]').filter(has_text="<iframe").first
    text = code.inner_text()
    assert f'src="{app["url"]}/app/static/embed/terbaru/' in text and 'width="100%"' in text
    preview = page.locator('[data-testid="stIFrame"], iframe[src*="/app/static/embed/"]').first
    preview.scroll_into_view_if_needed()
    frame = page.frame_locator('iframe[src*="/app/static/embed/"]').first
    frame.locator("#grafik .main-svg").first.wait_for(timeout=DRAWN_S)
    heading.scroll_into_view_if_needed()
    screenshot(page, "sematan-ekspor")
    code.evaluate("element => element.scrollIntoView({block: 'start'})")  # the code at the top, the preview under it
    screenshot(page, "sematan-ekspor-pratinjau")
    assert network.blocked == []


def test_the_unduh_menu_offers_the_iframe_code(app, page, network):
    page.goto(app["url"])
    wait_idle(page)
    page.get_by_role("button", name="Unduh").first.click()
    code = page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"]').filter(has_text="<iframe").first
    code.wait_for(timeout=10_000)
    assert "/app/static/embed/terbaru/" in code.inner_text()
    code.scroll_into_view_if_needed()
    screenshot(page, "sematan-menu-unduh")
    assert network.blocked == []


def test_embed_draws_with_the_app_stopped_from_a_plain_static_server(app, embeds, page, network, tmp_path):
    stop_app(app["proc"])
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{app['url']}/_stcore/health", timeout=2)
    info = embeds["manifest"].chart(CHART)
    seen = watch(page)
    with static_server(ROOT / "static") as files:
        src = f"{files}/embed/terbaru/{CHART}.html"
        with static_server(host_page(tmp_path / "situs", src, info.height)) as site:
            assert files != site
            page.goto(f"{site}/index.html")
            assert_drawn(page, info)
            screenshot(page, "sematan-situs-lain-statis")
    assert network.blocked == [] and seen["sockets"] == []
    assert all(url.startswith("http://127.0.0.1:") for url in seen["requests"]), seen["requests"]
