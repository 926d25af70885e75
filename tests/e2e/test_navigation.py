"""Every page in a real Chromium: drawn, no error box, no console error, nothing fetched off-machine.

Also checks that ``st.navigation`` fully replaces the legacy ``pages/`` auto-discovery: the sidebar
never lists a page twice or shows file-name pages, not even for a moment during loading.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import screenshot, wait_idle

PAGES = [("", "Ringkasan"), ("tren", "Tren"), ("inisiatif", "Inisiatif"), ("kegiatan", "Kegiatan"),
         ("tentang", "Tentang data")]
# Streamlit's component iframes log this feature-policy notice in Chromium; it is not an app error.
HARMLESS_CONSOLE = ("Unrecognized feature",)

RECORD_NAV = """
window.__navSeen = new Set();
new MutationObserver(() => {
  document.querySelectorAll('[data-testid="stSidebarNav"] a span').forEach(s => window.__navSeen.add(s.textContent));
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def test_sidebar_lists_each_page_once_from_first_paint(page, network):
    page.add_init_script(RECORD_NAV)
    page.goto("/")
    wait_idle(page)
    links = page.locator('[data-testid="stSidebarNav"] a span')
    expect(links).to_have_count(len(PAGES))
    assert links.all_inner_texts() == [title for _, title in PAGES]
    assert set(page.evaluate("Array.from(window.__navSeen)")) == {title for _, title in PAGES}


@pytest.mark.parametrize(("path", "title"), PAGES)
def test_page_draws_offline_without_errors(page, network, path, title):
    page.goto(f"/{path}")
    wait_idle(page)
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first.or_(
        page.locator('[data-testid="stDataFrame"]').first)).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Data contoh").first).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, f"{path or 'ringkasan'}-1366x768")
    assert network.blocked == []
    assert [e for e in network.console_errors if not e.startswith(HARMLESS_CONSOLE)] == []
