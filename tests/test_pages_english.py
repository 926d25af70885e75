"""AppTest of the pages in English: the data's English columns and controlled values are what a visitor reads."""

from __future__ import annotations

from tests.test_pages import PAGES, open_page, texts


def frames(at) -> list:
    return [el.value for el in at.dataframe]


def test_tentang_in_english_reads_english_notes_units_definitions_and_sources():
    at = open_page(PAGES[4], lang="en")
    conflict = [w.value for w in at.warning if "2023" in w.value]
    assert conflict and "817 and 891" in conflict[0]
    tables = frames(at)
    official = next(f for f in tables if "skor_dilaporkan" in f.columns)
    assert "keterangan_en" not in official.columns
    assert official["keterangan"].str.contains("score not published").any()
    assert not official["keterangan"].str.contains("skor tidak diumumkan").any()
    catalogue = next(f for f in tables if "definisi" in f.columns)
    assert set(catalogue["periode"]) <= {"annual", "every six months", "monthly"}
    assert catalogue["satuan"].str.contains("health centres").any()
    assert not catalogue["definisi"].str.contains(r"\bPersentase\b").any()
    page = texts(at)
    assert "KLA indicator catalogue" in page and "Activity log" in page
    for indonesian in ("Data contoh (ilustratif)", "Katalog indikator KLA", "log kegiatan rekaan", "s.d."):
        assert indonesian not in page, indonesian


def test_tentang_in_indonesian_is_unchanged():
    at = open_page(PAGES[4])
    conflict = [w.value for w in at.warning if "2023" in w.value]
    assert conflict and "817 dan 891" in conflict[0]
    official = next(f for f in frames(at) if "skor_dilaporkan" in f.columns)
    assert official["keterangan"].str.contains("skor tidak diumumkan").any()
    assert "Katalog indikator KLA" in texts(at)
