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
            expect(page.locator('.kla-rapat-grafik svg').first).to_be_visible(timeout=30_000)
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


# --- a projector: 1920x1080, and the older 1366x768 and 1024x768 ones ---------------------------

SIZES = [(1920, 1080), (1366, 768), (1024, 768)]
SCROLLING = """() => {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollHeight > innerHeight || doc.scrollWidth > innerWidth) {
    out.push(["document", doc.scrollWidth, doc.scrollHeight]);
  }
  for (const e of document.querySelectorAll("*")) {
    const s = getComputedStyle(e);
    const down = e.scrollHeight > e.clientHeight + 1 && /(auto|scroll)/.test(s.overflowY);
    const across = e.scrollWidth > e.clientWidth + 1 && /(auto|scroll)/.test(s.overflowX);
    if (down || across) {
      out.push([e.dataset.testid || e.tagName, e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight]);
    }
  }
  return out;
}"""
TRUNCATED = """() => [...document.querySelectorAll("button")].filter((b) => b.offsetParent !== null).filter((b) =>
  [b, ...b.querySelectorAll("*")].some((e) => e.scrollWidth > e.clientWidth + 1
    || (getComputedStyle(e).textOverflow === "ellipsis" && e.scrollWidth > e.clientWidth))).map((b) => b.innerText)"""
CHART_FONTS = """() => [...document.querySelectorAll(".kla-rapat-grafik")].map((chart) =>
  [...chart.querySelectorAll("svg text")].filter((e) => e.textContent.trim())
    .map((e) => [e.textContent.trim(), parseFloat(getComputedStyle(e).fontSize)]))"""
# every text of the map with its box: the kelurahan names are the scatter text points
MAP_TEXTS = """() => [...document.querySelectorAll('.kla-rapat-grafik svg text')]
  .filter((e) => e.textContent.trim() && e.getBoundingClientRect().width > 0).map((e) => {
    const r = e.getBoundingClientRect();
    return {text: e.textContent.trim(), name: !!e.closest(".textpoint"), box: [r.left, r.top, r.right, r.bottom]};
  })"""


def open_view(page, view: str) -> None:
    page.goto(f"/rapat?view={view}")
    wait_idle(page)
    expect(heading(page, dict(VIEWS)[view])).to_be_visible(timeout=30_000)
    if view in ("posisi", "poin", "kelurahan"):
        expect(page.locator('.kla-rapat-grafik svg').first).to_be_visible(timeout=30_000)
    wait_idle(page)


def test_every_view_fits_each_projector_without_scrolling_or_cut_buttons(page):
    seen = {}
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        for view, _ in VIEWS:
            open_view(page, view)
            seen[view, width] = page.evaluate(SCROLLING), page.evaluate(TRUNCATED)
            expect(page.get_by_text("Data contoh.", exact=False).first).to_be_visible()
            if (width, height) != (1366, 768):  # 1366x768: the arrow-key walk above takes those
                screenshot(page, f"rapat-{view}-{width}x{height}")
    assert {key: value for key, value in seen.items() if value != ([], [])} == {}


def test_chart_text_is_at_least_20_px_on_a_full_hd_projector(page):
    page.set_viewport_size({"width": 1920, "height": 1080})
    for view in ("posisi", "poin", "kelurahan"):
        open_view(page, view)
        charts = page.evaluate(CHART_FONTS)
        assert charts and all(charts), view
        small = [(text, size) for chart in charts for text, size in chart if size < 20]
        assert small == [], view


def overlapping(a: list[float], b: list[float], slack: float = 0.5) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack


def test_kelurahan_view_names_all_34_kelurahan_legibly(page):
    from kla.loading import load_dataset
    from kla.tilemap import short_label
    from tests.e2e.browser import ROOT

    kelurahan = load_dataset(ROOT / "data").dataset.kelurahan
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_view(page, "kelurahan")
    texts = page.evaluate(MAP_TEXTS)
    names = [t for t in texts if t["name"]]
    # each name is followed by its class mark (a digit, "–" without data): colour is not the only carrier
    assert all(re.search(r"(\d|–)$", t["text"]) for t in names)
    assert sorted(re.sub(r" ?(\d|–)$", "", t["text"]) for t in names) == \
        sorted("".join(short_label(n)) for n in kelurahan["nama"])
    assert len(names) == 34
    clashes = [(a["text"], b["text"]) for i, a in enumerate(texts) for b in texts[i + 1:]
               if overlapping(a["box"], b["box"])]
    assert clashes == []
    sizes = page.evaluate("""() => [...document.querySelectorAll('.kla-rapat-grafik .textpoint text')]
                             .map((e) => parseFloat(getComputedStyle(e).fontSize))""")
    assert min(sizes) >= 20


def test_what_if_takes_a_decimal_comma_without_english_hints(page):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_view(page, "poin")
    field = page.locator('[data-testid="stTextInput"] input').first
    code = page.locator('[data-testid="stTextInput"] input').first.get_attribute("aria-label").split()[0]
    field.fill("20,5")
    assert "Press Enter" not in page.evaluate("() => document.body.innerText")
    field.press("Enter")
    # the same number AppTest and kla.meeting give for these inputs (tests/test_rapat_page.py)
    from kla import meeting
    from kla.i18n import format_number
    from kla.loading import load_dataset
    from tests.e2e.browser import ROOT

    data = load_dataset(ROOT / "data").dataset
    year = meeting.position(data).tahun
    ranking = meeting.shortfalls(data, year)
    chosen = ranking.head(meeting.indicators_for_paripurna(ranking))
    points = dict(zip(chosen["kode"], chosen["max_poin"])) | {code: 20.5}
    expected = f"Proyeksi total {format_number(meeting.what_if(data, year, points).total_proyeksi, 1)}"
    expect(page.get_by_text(re.compile(r"^Proyeksi total"))).to_contain_text(expected, timeout=30_000)
    expect(page).to_have_url(re.compile(rf"andai=[^&]*{re.escape(code)}%3A20\.5"))
    wait_idle(page)
    projection = page.get_by_text(re.compile(r"^Proyeksi total")).inner_text()
    assert field.input_value() == "20,5"
    page.get_by_role("button", name="Berikutnya →").click()
    expect(heading(page, "Kelurahan")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="← Sebelumnya").click()
    expect(heading(page, "Di mana poinnya")).to_be_visible(timeout=30_000)
    wait_idle(page)
    assert page.locator('[data-testid="stTextInput"] input').first.input_value() == "20,5"
    expect(page.get_by_text(re.compile(r"^Proyeksi total"))).to_have_text(projection)
    screenshot(page, "rapat-poin-andai-1920x1080")
