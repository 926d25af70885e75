"""Links and search never mislead (issue 15, item 5): in every URL parameter and search box.

A link the page cannot use as it is says what was asked for and what is shown instead; a year
without a round says why; every spelling of a kelurahan (the aliases in ``wilayah.csv`` and the
variants in KLA.md) finds it, by link and in the search box of every page that chooses one.
AppTest runs the real pages; typing into a search box in Chromium is in tests/e2e/test_public_text.py.
"""

from __future__ import annotations

import pytest

from kla import geography
from kla.loading import load_dataset
from tests.test_pages import ROOT, as_seen, link_notices, open_page, texts

# Spellings people type (KLA.md, "Spelling variants"), with the kelurahan each must find.
SPELLINGS = [
    ("gn-samarinda", "64.71.03.1002"), ("Gunung Samarinda", "64.71.03.1002"), ("Gn. Samarinda", "64.71.03.1002"),
    ("Gunungsamarinda", "64.71.03.1002"), ("Karang Jati", "64.71.04.1004"), ("KARANG JATI", "64.71.04.1004"),
    ("64.71.01.1001", "64.71.01.1001"), ("6471011001", "64.71.01.1001"), ("Sungai Nangka", "64.71.05.1010"),
    ("Mekarsari", "64.71.04.1005"), ("Margasari", "64.71.02.1006"), ("Margomulyo", "64.71.02.1005"),
    ("Gn Sari Ulu", "64.71.04.1001"), ("Gunungsari Ilir", "64.71.04.1002"), ("Gunungbahagia", "64.71.05.1006"),
    ("Muararapak", "64.71.03.1004"), ("GSU", "64.71.04.1001"), ("Karingau", "64.71.02.1004"),
    ("Kel. Damai", "64.71.06.1005"),
]
KELURAHAN_PAGE = "pages/kelurahan.py"


def info_texts(at) -> list[str]:
    return [as_seen(i.value) for i in at.info]


# --- the kelurahan in a link ---------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "kode"), SPELLINGS)
def test_the_profile_link_takes_every_spelling(typed, kode):
    at = open_page(KELURAHAN_PAGE, kelurahan=typed)
    assert at.selectbox(key="url_kelurahan").value == kode
    if typed != kode:
        assert any(f"\"{typed}\"" in n and kode in n for n in info_texts(at)), info_texts(at)


@pytest.mark.parametrize(("typed", "kode"), [("gn-samarinda", "64.71.03.1002"), ("GSU", "64.71.04.1001"),
                                             ("Sungai Nangka", "64.71.05.1010")])
def test_the_map_search_link_takes_every_spelling(typed, kode):
    at = open_page("pages/peta.py", cari=typed)
    assert at.selectbox(key="url_cari").value == kode
    assert any(typed in n for n in info_texts(at)), info_texts(at)


def test_the_trend_comparison_link_takes_every_spelling():
    at = open_page("pages/tren.py", tampilan="kelurahan", kelurahan="gn-samarinda,GSU,Karingau")
    assert at.multiselect(key="url_kelurahan").value == ["64.71.03.1002", "64.71.04.1001", "64.71.02.1004"]
    assert link_notices(at) == []  # nothing was left out
    assert len(info_texts(at)) == 3  # each spelling is said back with the kelurahan it found


@pytest.mark.parametrize("typed", ["64.71.99.9999", "Kampung Baru", "xyz"])
def test_an_unknown_kelurahan_says_what_is_shown_instead(typed):
    at = open_page(KELURAHAN_PAGE, kelurahan=typed)
    shown = at.selectbox(key="url_kelurahan").value
    (notice,) = link_notices(at)
    assert f"kelurahan={typed}" in notice
    assert "ditampilkan" in notice and shown not in notice  # the name, not the code
    name = load_dataset(ROOT / "data", cache=False).dataset.kelurahan.set_index("kode").loc[shown, "nama"]
    assert name in notice and at.title[0].value == f"Kelurahan {name}"


def test_an_unknown_kelurahan_on_the_map_says_the_whole_city_is_shown():
    at = open_page("pages/peta.py", cari="xyz")
    assert at.selectbox(key="url_cari").value == ""
    assert any("cari=xyz" in n and "Seluruh kota" in n for n in link_notices(at)), link_notices(at)


def test_link_notices_of_the_map_are_not_folded_away():
    """The map's choosers sit in a folded expander: a notice there would never be seen."""
    at = open_page("pages/peta.py", metrik="zzz")
    assert any("metrik=zzz" in n for n in link_notices(at))
    for expander in at.expander:
        assert not [w for w in expander.warning if "metrik=zzz" in w.value]


# --- a year without a round --------------------------------------------------------------------


@pytest.mark.parametrize(("year", "reason"), [("2024", "tidak ada penilaian (dua tahunan)"),
                                              ("2020", "tidak ada penilaian nasional")])
def test_a_year_without_a_round_says_why_and_what_is_shown(year, reason):
    at = open_page("pages/ringkasan.py", tahun=year)
    (notice,) = link_notices(at)
    assert f"{year}: {reason}; ditampilkan 2025" in notice


def test_a_year_with_a_round_but_no_data_says_so():
    """2018 had a national round; the data has no score for it (and does not pretend it had no round)."""
    at = open_page("pages/ringkasan.py", tahun="2018")
    assert any("2018: tidak ada data untuk tahun ini; ditampilkan 2025" in n for n in link_notices(at)), \
        link_notices(at)


def test_the_year_notice_in_english():
    at = open_page("pages/ringkasan.py", tahun="2024", lang="en")
    assert any("2024: no round (every two years); showing 2025" in n for n in link_notices(at)), link_notices(at)


# --- the search boxes ----------------------------------------------------------------------------


def spellings_of(kode: str) -> list[str]:
    wilayah = load_dataset(ROOT / "data", cache=False).dataset.wilayah
    row = wilayah.set_index("kode").loc[kode]
    aliases = [a.strip() for a in str(row["alias"] if isinstance(row["alias"], str) else "").split(";") if a.strip()]
    return [row["nama"], row["nama"].upper(), *aliases]


@pytest.mark.parametrize(("page_file", "params", "widget"), [
    (KELURAHAN_PAGE, {}, "selectbox"), ("pages/peta.py", {}, "selectbox"),
    ("pages/tren.py", {"tampilan": "kelurahan"}, "multiselect"),
])
def test_every_alias_finds_its_kelurahan_in_every_search_box(page_file, params, widget):
    """Streamlit's search keeps an option when the typed letters appear in its label in order
    (kla.geography.fuzzy_finds): every spelling must find its own kelurahan's option."""
    at = open_page(page_file, **params)
    chooser = (at.selectbox(key="url_kelurahan" if page_file == KELURAHAN_PAGE else "url_cari") if widget == "selectbox"
               else at.multiselect(key="url_kelurahan"))
    labels = [label for label in chooser.options if label]
    data = load_dataset(ROOT / "data", cache=False).dataset
    missed = []
    for kode, nama in zip(data.kelurahan["kode"], data.kelurahan["nama"]):
        own = [label for label in labels if label.startswith(f"{nama} (")]
        assert len(own) == 1, (nama, labels[:3])
        missed += [(typed, own[0]) for typed in spellings_of(kode) if not geography.fuzzy_finds(typed, own[0])]
    missed += [(typed, kode) for typed, kode in SPELLINGS if not kode[0].isdigit()
               and not any(geography.fuzzy_finds(typed, label) for label in labels)]
    assert missed == []


def test_an_initiative_search_by_kelurahan_spelling_finds_the_initiatives_there():
    data = load_dataset(ROOT / "data", cache=False).dataset
    there = set(data.inisiatif.loc[data.inisiatif["kode_kelurahan"] == "64.71.03.1002", "id"])
    assert there, "the sample data has initiatives in Gunung Samarinda"
    at = open_page("pages/inisiatif.py", q="Gn. Samarinda")
    # the initiatives' list: the one table with their ids (each chart's Tabel view is a table too)
    (table,) = [d for d in at.dataframe if "id" in d.value.columns]
    assert there <= set(table.value["id"])
    assert "dibaca juga sebagai Kelurahan Gunung Samarinda" in texts(at)
