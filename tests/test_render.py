"""kla.render: one warm Chromium for images and printed pages, recycled when quiet after heavy use."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import plotly.graph_objects as go
import pytest
from pypdf import PdfReader

from kla import render

pytestmark = pytest.mark.browser  # every test here starts a Chromium of its own or the shared one

OPTS = {"format": "png", "width": 300, "height": 200, "scale": 1}
PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>@page { size: A4; margin: 10mm; }</style></head>
<body><h1>Halaman uji</h1><p>Satu halaman A4 &amp; teks biasa.</p></body></html>"""


@pytest.fixture
def renderer():
    warm = render.WarmRenderer(recycle_after=1000)
    yield warm
    warm.stop()


def figure(n: int = 1) -> go.Figure:
    return go.Figure(go.Bar(y=[n, 2, 3]))


def wait_until(condition, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_a_printed_page_is_one_a4_pdf_and_the_tab_goes_back_to_images(renderer):
    pdf = renderer.print_pdf(PAGE)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1 and "Halaman uji" in reader.pages[0].extract_text()
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    # both tabs print and then draw images again (kaleido's page is back on them)
    pdfs = [renderer.print_pdf(PAGE) for _ in range(3)]
    images = [renderer.render(figure(n), OPTS) for n in range(4)]
    assert all(p.startswith(b"%PDF") for p in pdfs) and all(i.startswith(b"\x89PNG") for i in images)
    assert renderer.starts == 1


def test_pages_and_images_from_many_threads_share_one_chromium(renderer):
    results, lock = [], threading.Lock()

    def ask(i: int) -> None:
        out = renderer.print_pdf(PAGE) if i % 2 else renderer.render(figure(i), OPTS)
        with lock:
            results.append(out[:4])

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert sorted(results) == sorted([b"%PDF"] * 4 + [b"\x89PNG"] * 4)
    assert renderer.starts == 1


def test_chromium_is_recycled_once_quiet_after_many_renders():
    warm = render.WarmRenderer(recycle_after=3, recycle_idle_s=0.3)
    try:
        for n in range(3):
            warm.render(figure(n), OPTS)
        first = warm.chromium_pid()
        assert wait_until(lambda: warm.starts == 2), "no fresh Chromium after 3 renders and a quiet moment"
        assert warm.chromium_pid() not in (None, first)
        assert wait_until(lambda: not Path(f"/proc/{first}").exists()), "the old Chromium still runs"
        assert warm.render(figure(9), OPTS).startswith(b"\x89PNG")
    finally:
        warm.stop()


def test_no_recycling_while_renders_keep_coming():
    warm = render.WarmRenderer(recycle_after=2, recycle_idle_s=3600)  # never quiet long enough in this test
    try:
        for n in range(5):
            warm.render(figure(n), OPTS)
        assert warm.starts == 1
    finally:
        warm.stop()
