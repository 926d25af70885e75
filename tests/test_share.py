"""kla.share: the link to one view and the plain share links, read back with urllib as a browser would."""

from urllib.parse import parse_qs, urlsplit

import pytest

from kla.share import chart_anchor, query_string, share_links, view_link

BASE = "https://kla.balikpapan.go.id"


def query_of(link: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(link).query, keep_blank_values=True)


def test_view_link_keeps_every_choice_and_the_page():
    link = view_link(BASE, "kegiatan", {"dari": "2025-01-01", "sampai": "2025-06-30", "jenis": ["RBRA", "PUSPAGA"]})
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "kla.balikpapan.go.id", "/kegiatan")
    assert parts.fragment == ""
    assert query_of(link) == {"dari": ["2025-01-01"], "sampai": ["2025-06-30"], "jenis": ["RBRA,PUSPAGA"]}


def test_multiselect_list_is_one_comma_value_like_the_widgets_write_it():
    link = view_link(BASE, "inisiatif", {"jenis": ["Forum Anak", "PUSPAGA"]})
    assert "jenis=Forum%20Anak,PUSPAGA" in link
    assert query_of(link)["jenis"][0].split(",") == ["Forum Anak", "PUSPAGA"]


def test_empty_choice_stays_in_the_link():
    """``jenis=`` means the person chose none, which is not the default: it must survive."""
    assert query_of(view_link(BASE, "inisiatif", {"jenis": []})) == {"jenis": [""]}


@pytest.mark.parametrize("text", ["Anak & Remaja", "Gn. Samarinda #2", "a=b+c", "Kelurahan Karang Jati, 100%",
                                  "Taman Bermain Ramah Anak – Ruang Publik", "Ibu kota: \"Nusantara\"?"])
def test_indonesian_text_and_reserved_characters_come_back_unchanged(text):
    link = view_link(BASE, "inisiatif", {"q": text, "status": "Berjalan"})
    assert query_of(link) == {"q": [text], "status": ["Berjalan"]}
    assert urlsplit(link).fragment == ""  # a "#" in the text never starts the anchor
    assert " " not in link and "+" not in urlsplit(link).query.replace("%2B", "")


def test_lang_is_kept_and_the_default_language_is_left_out():
    english = view_link(BASE, "tren", {"tahun": "2023"}, lang="en")
    assert query_of(english) == {"tahun": ["2023"], "lang": ["en"]}
    # a stale ?lang= among the parameters never contradicts the language the view is read in
    assert query_of(view_link(BASE, "tren", {"lang": "en", "tahun": "2023"}, lang="id")) == {"tahun": ["2023"]}
    assert query_of(view_link(BASE, "tren", {"lang": "id"}, lang="en")) == {"lang": ["en"]}


def test_default_page_and_relative_base():
    assert view_link(BASE, "", {}) == f"{BASE}/"
    assert view_link(BASE + "/", "", {"tahun": "2019"}) == f"{BASE}/?tahun=2019"
    assert view_link("", "peta", {}) == "/peta"  # no public address known: from the root of the serving host
    assert view_link("http://127.0.0.1:8501/kelola", "tren", {}) == "http://127.0.0.1:8501/kelola/tren"


def test_chart_anchor_is_an_id_and_the_link_fragment():
    anchor = chart_anchor("initiatives_by_jenis")
    assert anchor == "grafik-initiatives-by-jenis"
    link = view_link(BASE, "inisiatif", {"jenis": ["RBRA"]}, anchor=anchor, lang="en")
    parts = urlsplit(link)
    assert parts.fragment == anchor
    assert query_of(link) == {"jenis": ["RBRA"], "lang": ["en"]}
    assert chart_anchor("Peta Skor!") == "grafik-peta-skor"


def test_query_string_keeps_the_order_given():
    assert query_string({"b": "2", "a": "1"}) == "b=2&a=1"


LINK = view_link(BASE, "inisiatif", {"jenis": ["RBRA", "PUSPAGA"], "q": "Anak & Remaja"}, chart_anchor("x"), "en")


def test_whatsapp_link_carries_title_and_link_in_its_text():
    links = share_links(LINK, "Inisiatif menurut jenis", "id")
    parts = urlsplit(links.whatsapp)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "wa.me", "/")
    text = parse_qs(parts.query)["text"]
    assert len(text) == 1 and text[0].startswith("Inisiatif menurut jenis · Dasbor KLA Balikpapan")
    assert text[0].endswith(" " + LINK)  # the whole link, "&" and "#" included, in one parameter


def test_x_link_has_text_and_url_apart():
    links = share_links(LINK, "Initiatives by type", "en")
    parts = urlsplit(links.x)
    assert (parts.netloc, parts.path) == ("x.com", "/intent/post")
    assert parse_qs(parts.query) == {"text": ["Initiatives by type · KLA Balikpapan dashboard"], "url": [LINK]}
    assert parts.fragment == ""


def test_email_link_has_subject_and_body_and_no_plus_for_spaces():
    links = share_links(LINK, "Tren capaian", "id")
    parts = urlsplit(links.email)
    assert parts.scheme == "mailto" and parts.path == ""
    fields = parse_qs(parts.query)
    assert fields["subject"] == ["Tren capaian · Dasbor KLA Balikpapan"]
    assert fields["body"] == [f"Tren capaian · Dasbor KLA Balikpapan\r\n\r\n{LINK}"]
    assert "+" not in links.email  # mailto reads "+" as a plus sign (RFC 6068)
