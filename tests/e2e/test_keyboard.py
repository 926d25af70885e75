"""Keyboard only: Tab walks Ringkasan and the meeting views, every stop shows where the focus is.

A stop is "visible" when the focused element draws a focus outline of at least 2 px in a colour
that is not transparent (kla/ui/widgets.py PAGE_CSS) or a focus ring as box-shadow, and is at least
2x2 px on screen (no invisible stop such as a 1 px frame). In the meeting mode the arrow keys step
between the views (pages/rapat.py) and Enter on "Berikutnya" does the same.
"""

from __future__ import annotations

import re

import pytest

from kla.i18n import t
from tests.e2e.browser import LOADING_PLACEHOLDER, screenshot, wait_idle

MEETING_VIEWS = ["posisi", "poin", "kelurahan", "sejak", "tindak"]
MAX_STOPS = 60
NEXT, PREVIOUS = t("rapat.berikutnya", "id"), t("rapat.sebelumnya", "id")

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const s = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
                  && !/rgba\\(.*, 0\\)$/.test(s.outlineColor) && s.outlineColor !== 'transparent';
  return {tag: el.tagName, testid: (el.closest('[data-testid]') || {dataset: {}}).dataset.testid || '',
          name: (el.getAttribute('aria-label') || el.innerText || el.value || '').trim().slice(0, 50),
          visible: (outline || s.boxShadow !== 'none') && box.width >= 2 && box.height >= 2,
          style: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} / ${s.boxShadow}`};
}"""


def drawn(page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
    page.wait_for_function(f"() => document.querySelectorAll('{LOADING_PLACEHOLDER}').length === 0",
                           timeout=30_000)


def tab_stops(page) -> list[dict]:
    """Every element Tab reaches from the top of the page, once round (or :data:`MAX_STOPS`)."""
    stops: list[dict] = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None or (stops and stop == stops[0]):
            break  # past the last control (back to the browser) or round to the first again
        stops.append(stop)
    return stops


def tab_to(page, field: str, wanted) -> dict:
    """Press Tab until the focused element's ``field`` (testid, name) is ``wanted`` (a str, or a test of it)."""
    matches = wanted if callable(wanted) else (lambda value: value == wanted)
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED) or {}
        if matches(stop.get(field, "")):
            return stop
    raise AssertionError(f"Tab never reached {field} {wanted!r}")


def unseen(stops: list[dict]) -> list[dict]:
    # A table's cell (st.dataframe, a canvas grid): the focus lands on the grid's hidden cell for screen
    # readers while the grid draws the ring on its canvas (artifacts/screenshots/keyboard_profil_tabel.png).
    return [s for s in stops if not s["visible"] and not s["testid"].startswith("glide-cell-")]


def test_tab_through_ringkasan_shows_the_focus_on_every_control(page, network, base_url):
    drawn(page, f"{base_url}/")
    stops = tab_stops(page)
    assert unseen(stops) == [], "\n".join(map(str, unseen(stops)))
    reached = {s["testid"] for s in stops}
    # the page links of the sidebar, the language choice, the year choice and the download menu of a chart
    assert {"stSidebarNavLink", "stRadioOption", "stSelectbox", "stPopoverButton"} <= reached, reached
    assert network.blocked == []


def test_tab_through_the_kelurahan_profile_shows_the_focus_on_every_control(page, network, base_url):
    drawn(page, f"{base_url}/kelurahan")
    stops = tab_stops(page)
    assert unseen(stops) == [], "\n".join(map(str, unseen(stops)))
    reached = {s["testid"] for s in stops}
    # the kelurahan choice, the chart's Grafik/Tabel/Sumber tabs, its Bagikan and Unduh menus
    assert {"stSelectbox", "stTab", "stPopoverButton"} <= reached, reached
    assert "stCustomComponentV1" not in reached  # the still locator map's frame is no stop
    # the tables take the focus (the grid's canvas, or its hidden cell for screen readers): round again to
    # one of them for the picture
    tab_to(page, "testid", lambda testid: testid.startswith("glide-cell-") or testid == "data-grid-canvas")
    screenshot(page, "keyboard_profil_tabel")


def test_sidebar_page_link_with_focus_draws_an_outline(page, network, base_url):
    drawn(page, f"{base_url}/")
    tab_to(page, "testid", "stSidebarNavLink")
    screenshot(page, "keyboard_ringkasan_fokus")
    stop = page.evaluate(FOCUSED)
    assert stop["testid"] == "stSidebarNavLink" and stop["visible"], stop


@pytest.mark.parametrize("view", MEETING_VIEWS)
def test_tab_through_a_meeting_view_shows_the_focus_on_every_control(page, network, base_url, view):
    drawn(page, f"{base_url}/rapat?view={view}")
    stops = tab_stops(page)
    assert unseen(stops) == [], "\n".join(map(str, unseen(stops)))
    names = [s["name"] for s in stops]
    assert NEXT in names or view == MEETING_VIEWS[-1], names
    assert PREVIOUS in names or view == MEETING_VIEWS[0], names
    assert not [s for s in stops if s["tag"] == "IFRAME"]  # the key listener's 1 px frame is no stop
    if view == "sejak":
        assert any(s["testid"].startswith("stDateInput") for s in stops), stops
    screenshot(page, f"keyboard_rapat_{view}")


def test_arrow_keys_step_between_the_meeting_views(page, network, base_url):
    drawn(page, f"{base_url}/rapat?view=posisi")
    # the listener lives in a 1 px frame drawn with the page: a key pressed before it loads goes nowhere
    # (on the loaded CI machine the first ArrowRight came too early)
    page.wait_for_function("() => document.__klaRapatKeys === true", timeout=30_000)
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**view=poin**", timeout=30_000)
    wait_idle(page)
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**view=kelurahan**", timeout=30_000)
    wait_idle(page)
    page.keyboard.press("ArrowLeft")
    page.wait_for_url("**view=poin**", timeout=30_000)


def test_enter_on_the_next_button_opens_the_next_view(page, network, base_url):
    drawn(page, f"{base_url}/rapat?view=sejak")
    tab_to(page, "name", NEXT)
    screenshot(page, "keyboard_rapat_fokus_berikutnya")
    page.keyboard.press("Enter")
    page.wait_for_url("**view=tindak**", timeout=30_000)
    wait_idle(page)
    assert page.get_by_role("heading", level=1).first.inner_text().strip() == t("rapat.view.tindak", "id")


def test_a_kelurahan_is_chosen_on_peta_by_keyboard(page, network, base_url):
    """The map is for pointers; the keyboard path is "Pilihan peta" > "Cari kelurahan" > the profile link."""
    drawn(page, f"{base_url}/peta")
    tab_to(page, "testid", "stExpander")
    page.keyboard.press("Enter")
    # the folded choices are drawn a moment after Enter (more on a busy machine): Tab only once they are there
    page.get_by_role("combobox", name=t("peta.halaman.cari", "id")).wait_for(state="visible", timeout=30_000)
    tab_to(page, "name", t("peta.halaman.cari", "id"))
    assert page.evaluate(FOCUSED)["visible"]
    page.keyboard.type("Karang Jati")
    page.get_by_role("option", name=re.compile("Karang Jati")).first.wait_for(timeout=30_000)  # the list filtered
    page.keyboard.press("Enter")
    page.wait_for_url("**cari=**", timeout=30_000)
    wait_idle(page)
    link = page.get_by_role("link", name=t("peta.halaman.lihat_profil", "id", nama="Karang Jati"))
    link.focus()
    screenshot(page, "keyboard_peta_kelurahan")
    link.press("Enter")
    page.wait_for_url("**/kelurahan?**", timeout=30_000)
