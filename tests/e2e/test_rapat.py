"""The meeting page in a real Chromium at projector size: keyboard arrows, every view, the PDF brief."""

from __future__ import annotations

import io
import re
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.browser import screenshot, wait_idle

HARMLESS_CONSOLE = re.compile(r"^Unrecognized feature|404 \(Not Found\) \[http://127\.0\.0\.1:\d+/[a-z]+/_stcore/(health|host-config)\]$")
VIEWS = [("posisi", "Posisi"), ("poin", "Di mana poinnya"), ("kelurahan", "Kelurahan"),
         ("sejak", "Sejak rapat terakhir"), ("tindak", "Tindak lanjut")]


def heading(page, title: str):
    return page.get_by_role("heading", name=title, exact=True)


def test_arrow_keys_walk_the_meeting_and_every_view_draws(page, network):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto("/rapat")
    wait_idle(page)
    for i, (view, title) in enumerate(VIEWS):
        expect(heading(page, title)).to_be_visible(timeout=30_000)
        wait_idle(page)
        expect(page).to_have_url(re.compile(rf"view={view}") if i else re.compile(r"/rapat"))
        assert page.locator('[data-testid="stException"]').count() == 0
        if view in ("posisi", "poin", "kelurahan"):  # drawn, not just mounted
            expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible(timeout=30_000)
        expect(page.get_by_text("Data contoh").first).to_be_visible()
        screenshot(page, f"rapat-{view}-1366x768")
        heading(page, title).click()  # focus the page, not an input
        page.keyboard.press("ArrowRight")
    expect(heading(page, "Tindak lanjut")).to_be_visible()
    page.keyboard.press("ArrowLeft")
    expect(heading(page, "Sejak rapat terakhir")).to_be_visible(timeout=30_000)
    assert page.locator('[data-testid="stSidebar"]').is_hidden(), "no chrome on the projector"
    assert network.blocked == []
    assert [e for e in network.console_errors if not HARMLESS_CONSOLE.search(e)] == []


def test_brief_downloads_as_one_a4_page_with_the_shown_score(page):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto("/rapat?view=posisi")
    wait_idle(page)
    score = page.get_by_test_id("stMetricValue").first.inner_text()
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="Unduh ringkasan rapat (PDF A4)").click()
    pdf = Path(info.value.path()).read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert score in text and "Utama" in text
