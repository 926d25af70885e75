"""Every page in a real Chromium: drawn, no error box, no console error, nothing fetched off-machine.

Also checks that ``st.navigation`` fully replaces the legacy ``pages/`` auto-discovery: the sidebar
never lists a page twice or shows file-name pages, not even for a moment during loading, whether the
server was started with ``python -m kla serve`` or with a plain ``streamlit run dashboard.py``.
"""

import re
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import KLA_SERVE, ROOT, STREAMLIT_RUN, screenshot, start_app, stop_app, wait_idle

PAGES = [("", "Ringkasan"), ("tren", "Tren"), ("inisiatif", "Inisiatif"), ("kegiatan", "Kegiatan"),
         ("peta", "Peta"), ("kelurahan", "Profil kelurahan"), ("rapat", "Mode rapat"),
         ("ekspor", "Ekspor paket media"),
         ("tentang", "Tentang data")]
# Not app errors: Chromium's feature-policy notice from component iframes, and Streamlit's own
# base-path probe on a deep link (it asks /tren/_stcore/health first, gets 404, then uses /_stcore/).
HARMLESS_CONSOLE = re.compile(r"^Unrecognized feature|404 \(Not Found\) \[http://127\.0\.0\.1:\d+/[a-z]+/_stcore/(health|host-config)\]$")

RECORD_NAV = r"""
window.__navSeen = new Set();
new MutationObserver(() => {
  document.querySelectorAll('[data-testid="stSidebarNavLink"]').forEach(
    a => window.__navSeen.add(a.innerText.trim().split("\n").pop()));
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


FAVICON = ROOT / "static" / "favicon.png"  # dashboard.py's page_icon
FIRST_VISITS = [  # (how the server is started, the very first request after it starts, that page's heading)
    # .venv/bin/streamlit run dashboard.py: how Streamlit hosting and most container images start an app
    ("streamlit-run", STREAMLIT_RUN, "peta", "Peta kelurahan"),
    ("kla-serve", KLA_SERVE, "", "Ringkasan KLA Balikpapan"),
    ("kla-serve", KLA_SERVE, "tren", "Tren capaian"),
]


@pytest.mark.parametrize(("started_by", "command", "path", "heading"), FIRST_VISITS,
                         ids=[f"{by}-/{path}" for by, _, path, _ in FIRST_VISITS])
def test_first_visit_of_a_fresh_server_is_the_dashboard(page, network, installed_geo_dir, started_by, command, path,
                                                        heading):
    """The first session of a fresh server is the one at risk (Streamlit's legacy pages/ mode): it must get
    the page list, the page configuration and the page asked for, run through dashboard.py."""
    proc, url = start_app({"KLA_GEO_DIR": str(installed_geo_dir)}, command=command)
    try:
        page.add_init_script(RECORD_NAV)
        page.goto(f"{url}/{path}")
        check_sidebar(page)
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        expect(page).to_have_title("KLA Balikpapan")
        icon = page.locator('link[rel="shortcut icon"]').get_attribute("href")
        with urllib.request.urlopen(urllib.parse.urljoin(page.url, icon), timeout=10) as answer:
            assert answer.read() == FAVICON.read_bytes(), f"the tab shows {icon}, not the dashboard's favicon"
        assert page.locator('[data-testid="stException"]').count() == 0
        screenshot(page, f"kunjungan-pertama-{started_by}-{path or 'ringkasan'}")
    finally:
        stop_app(proc)


def check_sidebar(page) -> None:
    wait_idle(page)
    links = page.locator('[data-testid="stSidebarNavLink"]')
    expect(links).to_have_count(len(PAGES))
    # Each link's text is "<material icon ligature>\n\n<title>": the title is the last line.
    assert [text.split("\n")[-1] for text in links.all_inner_texts()] == [title for _, title in PAGES]
    assert set(page.evaluate("Array.from(window.__navSeen)")) == {title for _, title in PAGES}


@pytest.mark.parametrize(("path", "title"), PAGES)
def test_page_draws_offline_without_errors(page, network, path, title):
    check_page_draws(page, network, path, "1366x768")


@pytest.mark.parametrize(("path", "title"), PAGES)
def test_page_draws_on_a_phone(page, network, path, title):
    page.set_viewport_size({"width": 390, "height": 844})
    check_page_draws(page, network, path, "390x844")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px on a phone"


def check_page_draws(page, network, path: str, size: str) -> None:
    page.goto(f"/{path}")
    wait_idle(page)
    if path == "peta":  # boundaries are installed for this server: the folium map, 34 polygons
        frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        expect(frame.locator("path.kla-kelurahan")).to_have_count(34, timeout=30_000)
    if path == "kelurahan":  # the locator map, with its kelurahan marked
        frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        expect(frame.locator("path.kla-fokus").first).to_be_visible(timeout=30_000)
    key_content = {"tentang": "stDataFrame", "peta": "stCustomComponentV1",
                   "ekspor": "stForm", "rapat": "stMetric"}.get(path, "stPlotlyChart")
    expect(page.get_by_test_id(key_content).first).to_be_visible(timeout=30_000)
    if key_content == "stPlotlyChart":  # drawn, not just mounted: plotly loads its code lazily
        expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible(timeout=30_000)
    if path == "rapat":  # the meeting's charts are SVG pictures, zoomed with the projector page (pages/rapat.py)
        expect(page.locator(".kla-rapat-grafik svg").first).to_be_visible(timeout=30_000)
    if path in ("", "rapat"):  # the headline numbers
        expect(page.get_by_test_id("stMetricValue").first).to_be_visible()
    expect(page.get_by_text("Data contoh").first).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, f"{path or 'ringkasan'}-{size}")
    assert network.blocked == []
    assert [e for e in network.console_errors if not HARMLESS_CONSOLE.search(e)] == []


def test_plotly_code_is_asked_for_before_the_first_chart_arrives(page, network):
    """The preload link names Streamlit's real plotly chunk, and the browser fetches it from here."""
    fetched = []
    page.on("requestfinished", lambda r: fetched.append(r.url) if "/PlotlyChart." in r.url else None)
    page.goto("/tentang")  # a page without charts: only the preload can have asked for plotly
    wait_idle(page)
    link = page.locator("link[data-kla-preload]")
    expect(link).to_have_count(1)
    href = link.get_attribute("href")
    assert href.startswith(page.url.split("/tentang")[0]) and "/static/js/PlotlyChart." in href
    page.wait_for_function("(href) => performance.getEntriesByName(href).length > 0", arg=href)
    assert href in fetched
    assert page.get_by_test_id("stPlotlyChart").count() == 0
