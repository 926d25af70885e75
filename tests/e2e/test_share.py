"""The "Bagikan" popover in Chromium: opened and used by keyboard, the link copied to the clipboard, the share links.

The clipboard is read back through the browser's own Clipboard API (the context is granted clipboard-read
and clipboard-write for the app's origin, as a visitor's browser grants a page it is on).
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.e2e.browser import LOADING_PLACEHOLDER, screenshot, wait_idle
from tests.e2e.test_a11y import failing

FOCUSED = "() => { const e = document.activeElement; return [e.tagName, (e.innerText || '').trim()]; }"
# Streamlit keeps a second, hidden copy of a popover's button (width 0): the one a person sees
PAGE_SHARE = ".st-key-bagikan_halaman [data-testid='stPopoverButton'] >> visible=true"
PANEL = ".kla-bagikan"
MAX_TABS = 80


def drawn(page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
    page.wait_for_function(f"() => document.querySelectorAll('{LOADING_PLACEHOLDER}').length === 0",
                           timeout=30_000)


def tab_to(page, tag: str, text: str) -> None:
    """Press Tab until the focus is on ``tag`` with a line of text that starts with ``text``."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused_tag, focused_text = page.evaluate(FOCUSED)
        if focused_tag == tag and any(line.strip().startswith(text) for line in focused_text.split("\n")):
            return
    raise AssertionError(f"Tab never reached <{tag.lower()}> {text!r}")


def open_share_by_keyboard(page, label: str) -> None:
    tab_to(page, "BUTTON", label)  # the popover button's lines: the icon's name, the label, "expand_more"
    page.keyboard.press("Enter")
    page.wait_for_selector(PANEL)
    # the panel takes the keyboard as it opens: the link field, its text selected
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('.kla-bagikan input')")


@pytest.fixture
def clipboard(page, base_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    yield
    page.context.clear_permissions()


def test_copy_by_keyboard_puts_the_exact_view_on_the_clipboard(page, network, base_url, clipboard):
    drawn(page, f"{base_url}/inisiatif?jenis=RBRA,PUSPAGA&q=Anak&lang=en")
    open_share_by_keyboard(page, "Share")
    tab_to(page, "BUTTON", "Copy link")
    page.keyboard.press("Enter")
    live = page.locator(f"{PANEL} [aria-live]")
    live.filter(has_text="Copied").wait_for()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.locator(f"{PANEL} input").input_value()
    parts = urlsplit(copied)
    assert f"{parts.scheme}://{parts.netloc}" == base_url and parts.path == "/inisiatif"
    assert parse_qs(parts.query) == {"jenis": ["RBRA,PUSPAGA"], "q": ["Anak"], "lang": ["en"]}

    whatsapp = page.get_by_role("link", name="WhatsApp (opens in a new tab)")
    href = urlsplit(whatsapp.get_attribute("href"))
    assert href.netloc == "wa.me" and parse_qs(href.query)["text"][0].endswith(" " + copied)
    assert whatsapp.get_attribute("target") == "_blank" and "noopener" in whatsapp.get_attribute("rel")
    page.keyboard.press("Escape")  # closes, and the focus is back on the Share button
    page.locator(PANEL).wait_for(state="detached")
    assert "Share" in page.evaluate(FOCUSED)[1].split("\n")
    assert network.blocked == []


def test_a_choice_just_made_is_in_the_link(page, network, base_url):
    """The control stands above the year chooser; its link is made after the chooser wrote the new year."""
    drawn(page, f"{base_url}/")
    chooser = page.locator(".st-key-url_tahun input")
    chooser.click()
    chooser.fill("2019")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?tahun=2019")
    wait_idle(page)
    page.locator(PAGE_SHARE).click()
    link = page.locator(f"{PANEL} input").input_value()
    assert parse_qs(urlsplit(link).query) == {"tahun": ["2019"]}


def test_without_the_clipboard_api_the_link_is_selected_and_ctrl_c_is_said(page, network, base_url):
    """Served over plain http from another host there is no navigator.clipboard (not a secure context)."""
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});"
                         "document.execCommand = () => false;")
    drawn(page, f"{base_url}/tren")
    open_share_by_keyboard(page, "Bagikan")
    tab_to(page, "BUTTON", "Salin tautan")
    page.keyboard.press("Enter")
    page.locator(f"{PANEL} [aria-live]").filter(has_text="tekan Ctrl+C").wait_for()
    field = page.locator(f"{PANEL} input")
    assert page.evaluate("() => document.activeElement.matches('.kla-bagikan input')")
    selected = page.evaluate("() => [document.activeElement.selectionStart, document.activeElement.selectionEnd]")
    assert selected == [0, len(field.input_value())]


def test_a_chart_link_opens_the_page_at_that_chart(page, network, base_url):
    """Streamlit draws the page after the browser has looked for the #anchor: the chart's anchor scrolls itself."""
    drawn(page, f"{base_url}/inisiatif?jenis=RBRA#grafik-inisiatif-kecamatan")
    page.wait_for_function("() => document.querySelector('[data-testid=stMain]').scrollTop > 0")
    page.wait_for_timeout(500)  # the smooth part of the scroll, if any
    top = page.evaluate("() => document.getElementById('grafik-inisiatif-kecamatan').getBoundingClientRect().top")
    assert 0 <= top < 768 / 2
    chart = page.locator(".st-key-bagikan_grafik-inisiatif-kecamatan [data-testid='stPopoverButton'] >> visible=true")
    chart.click()
    link = page.locator(f"{PANEL} input").input_value()
    assert urlsplit(link).fragment == "grafik-inisiatif-kecamatan"
    assert parse_qs(urlsplit(link).query) == {"jenis": ["RBRA"]}


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_open_popover_has_no_serious_accessibility_violation(page, network, base_url, size, lang):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    drawn(page, f"{base_url}/kegiatan?jenis=rapat%20gugus%20tugas,pelatihan%20relawan&lang={lang}")
    page.locator(PAGE_SHARE).click()
    page.wait_for_selector(PANEL)
    screenshot(page, f"bagikan-{lang}-{size[0]}x{size[1]}")
    assert failing(page) == []
