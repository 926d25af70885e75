"""The "Bagikan" control under AppTest: one per public page, none on a staff page, and its link is the view shown.

AppTest runs dashboard.py for its first run only; a rerun, or a page opened with ``switch_page``, runs the
page on its own (without dashboard.py), where kla.ui.share draws at once from the URL as it is. That a
choice changed on the page reaches the link is tested in Chromium (tests/e2e/test_share.py).
"""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from tests.test_kelola_pages import AUTH, STAFF_PAGES, store, user  # noqa: F401  (store: a fixture)
from tests.test_pages import open_page

ROOT = Path(__file__).resolve().parents[1]
PUBLIC_PAGES = ["pages/ringkasan.py", "pages/tren.py", "pages/inisiatif.py", "pages/kegiatan.py", "pages/peta.py",
                "pages/kelurahan.py", "pages/ekspor.py", "pages/tentang.py"]


class Panel(HTMLParser):
    """The link field, the copy button, the share links (href and the name a screen reader reads) of one panel."""

    def __init__(self, body: str) -> None:
        super().__init__()
        self.field, self.button, self.links, self._link = None, "", [], None
        self._in_button = False
        self.feed(body)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input":
            self.field = a
        elif tag == "button":
            self._in_button = True
        elif tag == "a":
            self._link = [a, ""]

    def handle_endtag(self, tag):
        if tag == "button":
            self._in_button = False
        elif tag == "a" and self._link is not None:
            self.links.append((self._link[0], self._link[1].strip()))
            self._link = None

    def handle_data(self, data):
        if self._in_button:
            self.button += data
        if self._link is not None:
            self._link[1] += data


def share_popovers(at: AppTest) -> list:
    return [b for b in at.get("popover") if b.proto.popover.label in ("Bagikan", "Share")]


def page_panel(at: AppTest) -> Panel:
    """The page's own panel (not a chart's)."""
    bodies = [h.proto.body for h in at.get("html") if 'data-kla-bagikan="halaman"' in h.proto.body]
    assert len(bodies) == 1, f"{len(bodies)} page share panels"
    return Panel(bodies[0])


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_every_public_page_has_its_share_control(page):
    at = open_page(page)
    assert share_popovers(at), f"{page} has no Bagikan"
    panel = page_panel(at)
    assert panel.button == "Salin tautan"
    assert [name for _, name in panel.links] == ["WhatsApp (membuka tab baru)", "X (membuka tab baru)",
                                                 "E-mail (membuka program e-mail)"]


@pytest.mark.parametrize("page", STAFF_PAGES)
def test_no_staff_page_has_a_share_control(store, page):  # noqa: F811
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.secrets["auth"] = AUTH
    at.user = user("penerbit@kla.test")  # signed in: the whole staff page, not only its sign-in prompt
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "the staff page did not draw"
    assert not share_popovers(at)
    assert not [h for h in at.get("html") if "kla-bagikan" in h.proto.body]


def test_link_is_made_from_the_url_as_the_page_left_it():
    """Through dashboard.py (the first page of an AppTest): the control stands above the year chooser, yet its
    link is made after the chooser has run. A year the data lacks falls back to the latest, which the chooser
    leaves out of the URL: a link made where the control stands would still say 1999."""
    at = open_page(PUBLIC_PAGES[0], tahun="1999")
    assert "tahun" not in at.query_params
    link = page_panel(at).field["value"]
    assert urlsplit(link).query == ""
    assert urlsplit(link).path == "/"  # the default page is the dashboard's root


def test_link_carries_every_choice_and_the_language():
    at = open_page("pages/inisiatif.py", jenis="RBRA,PUSPAGA", q="Anak & Remaja", lang="en")
    panel = page_panel(at)
    assert "readonly" in panel.field
    link = panel.field["value"]
    assert parse_qs(urlsplit(link).query) == {"jenis": ["RBRA,PUSPAGA"], "q": ["Anak & Remaja"], "lang": ["en"]}
    assert panel.button == "Copy link"
    hrefs = {name: a["href"] for a, name in panel.links}
    whatsapp = urlsplit(hrefs["WhatsApp (opens in a new tab)"])
    assert whatsapp.netloc == "wa.me" and parse_qs(whatsapp.query)["text"][0].endswith(" " + link)
    assert parse_qs(urlsplit(hrefs["X (opens in a new tab)"]).query)["url"] == [link]
    assert link in parse_qs(urlsplit(hrefs["Email (opens your email program)"]).query)["body"][0]
    for a, name in panel.links:
        if not a["href"].startswith("mailto:"):
            assert a.get("target") == "_blank" and "noopener" in a.get("rel", ""), name


def test_public_address_is_the_links_base(monkeypatch):
    monkeypatch.setenv("KLA_PUBLIC_URL", "https://kla.balikpapan.go.id/")
    link = page_panel(open_page(PUBLIC_PAGES[0], tahun="2023")).field["value"]
    assert link == "https://kla.balikpapan.go.id/?tahun=2023"


def test_share_chart_links_to_its_anchor():
    def app():
        import streamlit as st

        from kla.ui.share import share_chart

        st.query_params["tahun"] = "2023"
        share_chart("tren_total", "en")

    at = AppTest.from_function(app, default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    (panel,) = [Panel(h.proto.body) for h in at.get("html") if "kla-bagikan" in h.proto.body]
    assert urlsplit(panel.field["value"]).fragment == "grafik-tren-total"
    assert parse_qs(urlsplit(panel.field["value"]).query) == {"tahun": ["2023"], "lang": ["en"]}
    anchors = [h.proto.body for h in at.get("html") if 'id="grafik-tren-total"' in h.proto.body]
    assert len(anchors) == 1  # the element the #anchor lands on
