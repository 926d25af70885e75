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


def test_kegiatan_in_english_lists_types_and_titles_in_english_and_filters_by_type():
    at = open_page(PAGES[3], lang="en", jenis="kunjungan lapangan")
    listed = frames(at)[-1]
    assert len(listed) and set(listed["jenis"]) == {"field visit"}
    assert listed["judul"].str.startswith(("Field visit", "Checking", "Outreach")).all(), listed["judul"].head()
    chosen = at.multiselect(key="url_jenis")
    assert chosen.value == ["kunjungan lapangan"]  # the link keeps the data's value ...
    assert "field visit" in chosen.format_func(chosen.value[0])  # ... and the visitor reads its English


def test_inisiatif_in_english_lists_types_partners_statuses_and_descriptions_in_english():
    at = open_page(PAGES[2], lang="en", status="terhenti")
    listed = frames(at)[-1]
    assert len(listed) and set(listed["status"]) == {"stopped"}
    assert listed["deskripsi"].str.contains("Stopped|stopped|Paused").all()
    assert not listed["jenis_mitra"].isin(["pemerintah", "komunitas", "sekolah"]).any()
    indonesian = frames(open_page(PAGES[2], status="terhenti"))[-1]
    assert set(indonesian["status"]) == {"terhenti"}
