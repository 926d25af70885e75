"""Public text is for the public: every public page in Chromium, as a visitor reads it.

Each page is walked in Indonesian and in English, its folded parts opened, and the text a person
sees (``innerText`` of the page, plus the aria-labels, placeholders and titles a screen reader or a
hover shows) must hold no command line, no file name, no Markdown escape, no "None" or "nan", and
on Indonesian pages none of the English texts Streamlit builds into its widgets. Widgets are
opened too: a search that finds nothing, a multiselect's list, a text box being typed into, and a
URL path no page has. The links and search boxes are checked here where only a browser can: an
alias typed into a kelurahan search box finds its kelurahan.

Two servers: the shared one with boundaries installed, and one without (the visitor's message
about the missing area map, the admin hint only in the server log).
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import screenshot, start_app, stop_app, wait_idle

COMMAND = re.compile(r"python -m|streamlit run|kla geo")
FILE_NAME = re.compile(r"\w+\.(csv|xlsx|geojson|json|py|toml)\b")
ESCAPE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!|~>]")
NONE = re.compile(r"\bNone\b")
NAN = re.compile(r"\bnan\b")
PUBLIC_TEXT_RULES = {"command line": COMMAND, "file name": FILE_NAME, "markdown escape": ESCAPE,
                     "None": NONE, "nan": NAN}
# Streamlit 1.67's built-in English (frontend bundle and server), never on an Indonesian page.
STREAMLIT_ENGLISH = ("No results", "Select all", "Choose an option", "Choose options", "Add an option",
                     "Press Enter to submit form", "Press Enter to apply", "Page not found",
                     "You have requested page", "Failed to generate file", "You can only select up to",
                     "Clear all", "Number is outside the allowed range")
SELECT_MATCHES = re.compile(r"\bSelect \d+ matches\b")

PAGES = ["", "tren", "tren?tampilan=indikator", "tren?tampilan=kelurahan", "inisiatif", "kegiatan", "peta",
         "kelurahan", "rapat", "rapat?view=poin", "rapat?view=kelurahan", "rapat?view=sejak", "rapat?view=tindak",
         "ekspor", "tentang"]
BARE_PAGES = ["peta", "ekspor", "kelurahan"]  # the pages that speak of missing boundaries

SEEN_TEXT = """() => {
  const attrs = [];
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
    for (const a of ['aria-label', 'placeholder', 'title']) {
      if (el.hasAttribute(a)) attrs.push(el.getAttribute(a));
    }
  }
  return document.body.innerText + '\\n' + attrs.join('\\n');
}"""


@pytest.fixture(scope="module")
def bare(tmp_path_factory) -> Iterator[tuple[str, subprocess.Popen]]:
    """A server without installed boundaries (and offline: the automatic download fails)."""
    proc, url = start_app({"KLA_GEO_DIR": str(tmp_path_factory.mktemp("geo_kosong"))})
    try:
        yield url, proc
    finally:
        stop_app(proc)


@pytest.fixture(scope="module")
def bare_url(bare) -> str:
    return bare[0]


def server_log(proc: subprocess.Popen) -> str:
    """What the server wrote to stderr so far (its log), without waiting for more."""
    assert proc.stderr is not None
    os.set_blocking(proc.stderr.fileno(), False)
    return (proc.stderr.read() or b"").decode(errors="replace")


def seen(page) -> str:
    return page.evaluate(SEEN_TEXT)


def problems(text: str, lang: str) -> list[str]:
    found = [f"{rule}: …{text[max(0, m.start() - 40):m.end() + 25]!r}…"
             for rule, pattern in PUBLIC_TEXT_RULES.items() for m in pattern.finditer(text)]
    if lang == "id":
        found += [f"Streamlit English: {english!r}" for english in STREAMLIT_ENGLISH if english in text]
        found += [f"Streamlit English: {m.group(0)!r}" for m in SELECT_MATCHES.finditer(text)]
    return found


def open_folded_parts(page) -> None:
    """Open every expander, so their text counts too."""
    for summary in page.locator('[data-testid="stExpander"] details:not([open]) > summary').all():
        summary.click()
    page.wait_for_timeout(300)


def walk(page, url: str, path: str, lang: str) -> list[str]:
    joiner = "&" if "?" in path else "?"
    page.goto(f"{url}/{path}{joiner}lang={lang}" if lang == "en" else f"{url}/{path}")
    wait_idle(page)
    page.wait_for_timeout(800)  # widget code and charts arrive after the run ends
    open_folded_parts(page)
    return [f"/{path} [{lang}] {p}" for p in problems(seen(page), lang)]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_public_page_speaks_to_the_public(page, app_url, lang):
    found = [p for path in PAGES for p in walk(page, app_url, path, lang)]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_without_boundaries_the_pages_speak_to_visitors(page, bare_url, lang):
    found = [p for path in BARE_PAGES for p in walk(page, bare_url, path, lang)]
    assert found == [], "\n".join(found)
    page.goto(f"{bare_url}/peta" + ("?lang=en" if lang == "en" else ""))
    wait_idle(page)
    expected = "Peta wilayah belum tersedia" if lang == "id" else "The area map is not available yet"
    expect(page.get_by_text(expected)).to_be_visible()
    if lang == "id":
        screenshot(page, "teks-publik-peta-tanpa-batas-1366x768")


def test_the_admin_hint_goes_to_the_server_log(page, bare):
    """The command that installs boundaries is for whoever runs the server: in its log, not on the page."""
    url, proc = bare
    page.goto(f"{url}/peta")
    wait_idle(page)
    assert not COMMAND.search(seen(page))
    page.wait_for_timeout(500)
    log = server_log(proc)
    assert "python -m kla geo install" in log, log[-2000:]


def choose(page, key: str):
    """The input of the select box or multiselect whose widget key is ``key``."""
    return page.locator(f".st-key-{key} input").first


def test_a_search_that_finds_nothing_says_so_in_indonesian(page, app_url):
    page.goto(f"{app_url}/kelurahan")
    wait_idle(page)
    box = choose(page, "url_kelurahan")
    box.click()
    box.fill("zzzz")
    expect(page.get_by_text("Tidak ada yang cocok")).to_be_visible()
    text = seen(page)
    assert "No results" not in text
    screenshot(page, "teks-publik-cari-kosong-1366x768")
    assert problems(text, "id") == []


def test_a_multiselect_offers_no_english(page, app_url):
    page.goto(f"{app_url}/tren?tampilan=kelurahan")
    wait_idle(page)
    box = choose(page, "url_kelurahan")
    box.click()
    page.wait_for_timeout(300)
    assert problems(seen(page), "id") == []  # no "Select all"
    box.fill("zzzz")
    expect(page.get_by_text("Tidak ada yang cocok")).to_be_visible()
    assert problems(seen(page), "id") == []


def test_typing_in_a_search_box_gives_indonesian_instructions(page, app_url):
    page.goto(f"{app_url}/inisiatif")
    wait_idle(page)
    box = page.locator(".st-key-q input")
    box.click()
    box.press_sequentially("taman")
    expect(page.get_by_text("Tekan Enter untuk menerapkan")).to_be_visible()
    assert problems(seen(page), "id") == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_unknown_page_says_so_in_the_page_language(page, app_url, lang):
    page.goto(f"{app_url}/halaman-tidak-ada" + ("?lang=en" if lang == "en" else ""))
    wait_idle(page)
    page.wait_for_timeout(1000)  # Streamlit's dialog, if it came, would be up by now
    text = seen(page)
    assert "Page not found" not in text and "does not seem to exist" not in text
    words = "tidak ada di dasbor ini" if lang == "id" else "There is no page"
    expect(page.get_by_text(words)).to_be_visible()
    assert "/halaman-tidak-ada" in text
    if lang == "id":
        screenshot(page, "teks-publik-halaman-tidak-ada-1366x768")
    assert problems(text, lang) == []


@pytest.mark.parametrize(("typed", "found"), [("Gn. Samarinda", "Gunung Samarinda"), ("Sungai Nangka", "Sungainangka"),
                                              ("GSU", "Gunung Sari Ulu"), ("karingau", "Kariangau"),
                                              ("MEKARSARI", "Mekar Sari")])
def test_an_alias_typed_in_the_search_box_finds_its_kelurahan(page, app_url, typed, found):
    page.goto(f"{app_url}/kelurahan")
    wait_idle(page)
    box = choose(page, "url_kelurahan")
    box.click()
    box.fill(typed)
    option = page.get_by_role("option").filter(has_text=found).first
    expect(option).to_be_visible()
    if typed == "Gn. Samarinda":
        screenshot(page, "tautan-cari-alias-1366x768")
    option.click()
    wait_idle(page)
    expect(page.get_by_role("heading", name=f"Kelurahan {found}")).to_be_visible()


def test_a_link_by_alias_and_a_gap_year_say_what_is_shown(page, app_url):
    page.goto(f"{app_url}/kelurahan?kelurahan=gn-samarinda")
    wait_idle(page)
    expect(page.get_by_role("heading", name="Kelurahan Gunung Samarinda")).to_be_visible()
    expect(page.get_by_text("ditampilkan Gunung Samarinda")).to_be_visible()
    screenshot(page, "tautan-alias-1366x768")
    page.goto(f"{app_url}/?tahun=2024")
    wait_idle(page)
    expect(page.get_by_text("2024: tidak ada penilaian")).to_be_visible()
    expect(page.get_by_text("ditampilkan 2025")).to_be_visible()
    screenshot(page, "tautan-tahun-kosong-1366x768")
