"""kla.provenance: source lines from sumber.csv and the data version, worked by hand on the tiny city.

The tiny city (tests/conftest.py) names no publisher, so its source lines fall back to each file's
``judul`` (there the file name); ``with_publishers`` adds the column as an office would fill it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from kla import provenance, sample
from kla.loading import Dataset, VersionInfo, csv_bytes, load_dataset
from kla.schema import FILES
from tests.conftest import tiny_tables, write_tables

ROOT = Path(__file__).resolve().parents[1]
PUBLISHERS = {  # berkas: (judul, penerbit, penerbit_en, periode)
    "evaluasi_kota": ("Nilai evaluasi kota", "DP3AKB Kota Balikpapan", "DP3AKB, City of Balikpapan", "2017-2025"),
    "kategori_resmi": ("Kategori resmi", "KemenPPPA via pemberitaan", "KemenPPPA via press reports", "2012-2025"),
    "peta_jalan": ("Peta jalan", "DP3AKB Kota Balikpapan", "DP3AKB, City of Balikpapan", "2027-2029"),
    "indikator": ("Katalog indikator", "KemenPPPA", "", "24 indikator"),
}


def load(tables: dict[str, pd.DataFrame], folder: Path) -> Dataset:
    result = load_dataset(write_tables(folder, tables), cache=False)
    assert result.ok, result.problems[:5]
    return result.dataset


def with_publishers(flags: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """The tiny city with publishers, titles and periods filled in; ``flags`` overrides ``contoh``."""
    tables = tiny_tables()
    sumber = tables["sumber"].set_index("berkas")
    for name, (judul, penerbit, penerbit_en, periode) in PUBLISHERS.items():
        sumber.loc[name, ["judul", "penerbit", "penerbit_en", "periode"]] = [judul, penerbit, penerbit_en, periode]
    for name, flag in (flags or {}).items():
        sumber.loc[name, "contoh"] = flag
    tables["sumber"] = sumber.fillna("").reset_index()
    return tables


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Dataset:
    return load(tiny_tables(), tmp_path_factory.mktemp("kecil") / "data")


@pytest.fixture(scope="module")
def named(tmp_path_factory) -> Dataset:
    return load(with_publishers(), tmp_path_factory.mktemp("bernama") / "data")


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> Dataset:
    every_flag_off = {name: "tidak" for name in FILES if name != "sumber"}
    return load(with_publishers(every_flag_off), tmp_path_factory.mktemp("asli") / "data")


# --- source ----------------------------------------------------------------------------------------


def test_without_a_publisher_the_title_is_named_and_flagged_files_are_marked(tiny):
    # conftest: judul = the file name, every file "contoh: ya" except kategori_resmi
    assert provenance.source_text(tiny, provenance.CITY_TREND) == \
        "evaluasi_kota (data contoh); kategori_resmi; peta_jalan (data contoh)"
    assert provenance.source_text(tiny, provenance.CITY_TREND, "en") == \
        "evaluasi_kota (sample data); kategori_resmi; peta_jalan (sample data)"


def test_one_publisher_of_several_files_is_named_once(named):
    assert provenance.source_text(named, provenance.CITY_TREND) == \
        "DP3AKB Kota Balikpapan (data contoh); KemenPPPA via pemberitaan"
    assert provenance.source_text(named, provenance.CITY_TREND, "en") == \
        "DP3AKB, City of Balikpapan (sample data); KemenPPPA via press reports"


def test_english_falls_back_to_the_indonesian_publisher(named):
    assert provenance.source_text(named, ["indikator"], "en") == "KemenPPPA (sample data)"


def test_no_mark_when_no_file_is_flagged(real):
    assert provenance.source_text(real, provenance.CITY_TREND) == "DP3AKB Kota Balikpapan; KemenPPPA via pemberitaan"
    assert provenance.source_text(real, provenance.CITY_POINTS, "en") == "DP3AKB, City of Balikpapan; KemenPPPA"
    assert not provenance.is_sample(real, provenance.CITY_TREND)
    assert provenance.sample_titles(real) == []


def test_a_publisher_with_real_and_sample_files_names_the_sample_ones(tmp_path):
    data = load(with_publishers({"evaluasi_kota": "tidak", "peta_jalan": "ya"}), tmp_path / "data")
    assert provenance.source_text(data, provenance.CITY_TREND) == \
        "DP3AKB Kota Balikpapan (data contoh: Peta jalan); KemenPPPA via pemberitaan"
    assert provenance.source_text(data, provenance.CITY_TREND, "en") == \
        "DP3AKB, City of Balikpapan (sample data: Peta jalan); KemenPPPA via press reports"


def test_a_view_of_real_files_only_is_not_marked(tiny):
    assert not provenance.is_sample(tiny, ["kategori_resmi"])
    assert provenance.is_sample(tiny, ["kategori_resmi", "kegiatan"])
    assert provenance.describe(tiny, ["kategori_resmi"]).source == "kategori_resmi"


def test_sample_titles_name_the_flagged_files(named):
    assert provenance.sample_titles(named, provenance.CITY_TREND) == ["Nilai evaluasi kota", "Peta jalan"]
    assert "Kategori resmi" not in provenance.sample_titles(named)


def test_a_file_missing_from_sumber_is_named_by_its_schema_title_and_not_marked(named):
    without = dataclasses.replace(named, sumber=named.sumber[named.sumber["berkas"] != "kegiatan"])
    assert provenance.source_text(without, ["kegiatan"]) == "Log kegiatan"
    assert not provenance.is_sample(without, ["kegiatan"])


def test_an_unknown_file_name_is_refused(tiny):
    with pytest.raises(ValueError, match="Berkas data tidak dikenal: kegiatan_lama"):
        provenance.source_text(tiny, ["kegiatan_lama"])


# --- period, licence, caption --------------------------------------------------------------------


def test_period_and_licence_from_sumber_each_once(named):
    assert provenance.period_text(named, provenance.CITY_TREND) == "2017-2025 / 2012-2025 / 2027-2029"
    assert provenance.licence_text(named, provenance.CITY_TREND) == "CC BY 4.0"


def test_caption_prefers_the_period_of_the_data_shown(named):
    assert provenance.caption_text(named, ["evaluasi_kota"], "id") == \
        "Sumber: DP3AKB Kota Balikpapan (data contoh) · Periode: 2017-2025 · Lisensi: CC BY 4.0"
    assert provenance.caption_text(named, ["evaluasi_kota"], "en", period="2023–2025") == \
        "Source: DP3AKB, City of Balikpapan (sample data) · Period: 2023–2025 · Licence: CC BY 4.0"


# --- version ----------------------------------------------------------------------------------------


def test_no_version_text_for_data_read_from_a_folder(tiny):
    assert tiny.version is None
    assert provenance.version_text(tiny) is None
    assert provenance.chart_source(tiny, ["kategori_resmi"]) == "kategori_resmi"


def test_version_text_in_both_languages(real):
    data = dataclasses.replace(real, version=VersionInfo(3, dt.datetime(2026, 11, 29, 10, 15), "ani@balikpapan.go.id"))
    assert provenance.version_text(data) == "Data versi 3, diterbitkan 29 November 2026"
    assert provenance.version_text(data, "en") == "Data version 3, published 29 November 2026"
    assert provenance.chart_source(data, provenance.CITY_TREND) == \
        "DP3AKB Kota Balikpapan; KemenPPPA via pemberitaan · Data versi 3, diterbitkan 29 November 2026"
    assert provenance.chart_labels(data, ["peta_jalan"], "en") == {
        "source": "DP3AKB, City of Balikpapan · Data version 3, published 29 November 2026", "sample": False}


def test_publication_day_is_balikpapan_s_day(real):
    # 20:30 UTC on the 28th is 04:30 WITA on the 29th: the day people in Balikpapan saw it published
    moment = dt.datetime(2026, 11, 28, 20, 30, tzinfo=dt.UTC)
    data = dataclasses.replace(real, version=VersionInfo(7, moment))
    assert provenance.version_text(data) == "Data versi 7, diterbitkan 29 November 2026"
    early = dataclasses.replace(real, version=VersionInfo(7, dt.datetime(2026, 11, 28, 15, 59, tzinfo=dt.UTC)))
    assert provenance.version_text(early, "en") == "Data version 7, published 28 November 2026"


def test_a_draft_says_it_is_not_published(real):
    draft = dataclasses.replace(real, version=VersionInfo(4, None))
    assert provenance.version_text(draft) == "Data versi 4 (draf, belum diterbitkan)"
    assert provenance.version_text(draft, "en") == "Data version 4 (draft, not published)"


# --- the committed sumber.csv -------------------------------------------------------------------------


def test_committed_sumber_is_what_the_generator_writes():
    committed = (ROOT / "data" / "sumber.csv").read_bytes()
    assert csv_bytes(sample.generate(2025)["sumber"]) == committed, "jalankan: python -m kla sample"


def test_committed_sumber_names_a_publisher_for_every_file():
    table = pd.read_csv(ROOT / "data" / "sumber.csv", dtype=str, keep_default_na=False).set_index("berkas")
    assert (table["penerbit"] != "").all()
    assert table.loc["evaluasi_kota", "penerbit"] == "DP3AKB Kota Balikpapan"
    assert table.loc["kategori_resmi", "penerbit"] == "KemenPPPA via pemberitaan"
    assert table.loc["kategori_resmi", "contoh"] == "tidak"


# --- plain words for the public (issue 15, item 4) ------------------------------------------------


@pytest.mark.parametrize(("text", "plain"), [
    ("Data contoh (ilustratif), dibuat oleh `python -m kla sample` dengan seed 2025; target ilustratif",
     "Data contoh (ilustratif); target ilustratif"),
    ("max_poin ilustratif (bobot resmi tidak diumumkan)", "poin maksimum ilustratif (bobot resmi tidak diumumkan)"),
    ("Kode: Kepmendagri 2025; anak_0_17: CC BY 4.0", "Kode: Kepmendagri 2025; jumlah anak 0-17: CC BY 4.0"),
    ("Target dari peta_jalan.csv", "Target dari Peta jalan menuju Paripurna"),
    ("Laporan DP3AKB 2025, diolah oleh staf", "Laporan DP3AKB 2025, diolah oleh staf"),  # plain already
])
def test_plain_words_leave_out_commands_and_name_files_and_columns_in_words(text, plain):
    assert provenance.plain_words(text) == plain


def test_every_file_is_described_in_plain_words():
    data = load_dataset(Path(__file__).resolve().parents[1] / "data", cache=False).dataset
    about = provenance.about_files(data, "id")
    assert [a.title for a in about][:2] == ["Katalog indikator KLA", "Nilai evaluasi KLA kota per indikator"]
    for entry in about:
        text = " ".join([entry.title, entry.publisher, entry.period, entry.licence, entry.source])
        assert "python -m" not in text and "`" not in text and "_" not in text, text
        assert entry.publisher and entry.licence
    assert about[1].sample and about[1].publisher == "DP3AKB Kota Balikpapan"
    assert provenance.about_files(data, "en")[1].publisher == "DP3AKB, City of Balikpapan"


def test_plain_words_keeps_character_references_as_typed():
    """A ';' that ends "&gt;" separates no clause: the text reads exactly as typed (not "&lt; i&gt; ...")."""
    typed = "Catatan &lt;i&gt; &#60;i&#62; &#x3C; akhir"
    assert provenance.plain_words(typed) == typed
    assert provenance.plain_words("a &amp; b; dibuat `python -m kla sample`") == "a &amp; b"


# --- English (issue 17, item 4) --------------------------------------------------------------------


def test_english_title_period_and_licence_where_sumber_has_them(tmp_path):
    tables = with_publishers({"evaluasi_kota": "tidak", "peta_jalan": "ya"})
    sumber = tables["sumber"].set_index("berkas")
    sumber["judul_en"] = ""
    sumber["periode_en"] = ""
    sumber["lisensi_en"] = ""
    sumber.loc["peta_jalan", ["judul_en", "periode_en"]] = ["Roadmap", "2027 to 2029"]
    sumber.loc["kategori_resmi", "lisensi_en"] = "Public facts"
    tables["sumber"] = sumber.reset_index()
    data = load(tables, tmp_path / "data")
    assert provenance.source_text(data, provenance.CITY_TREND, "en") == \
        "DP3AKB, City of Balikpapan (sample data: Roadmap); KemenPPPA via press reports"
    assert provenance.source_text(data, provenance.CITY_TREND, "id") == \
        "DP3AKB Kota Balikpapan (data contoh: Peta jalan); KemenPPPA via pemberitaan"
    assert provenance.period_text(data, provenance.CITY_TREND, "en") == "2017-2025 / 2012-2025 / 2027 to 2029"
    assert provenance.sample_titles(data, provenance.CITY_TREND, "en") == ["Roadmap"]
    assert "Public facts" in provenance.licence_text(data, ["kategori_resmi"], "en")
    assert "Public facts" not in provenance.licence_text(data, ["kategori_resmi"], "id")


def test_a_file_missing_from_sumber_is_named_by_its_english_title_in_english(named):
    without = dataclasses.replace(named, sumber=named.sumber[named.sumber["berkas"] != "kegiatan"])
    assert provenance.source_text(without, ["kegiatan"], "en") == "Activity log"


def test_every_file_is_described_in_english_in_english():
    data = load_dataset(ROOT / "data", cache=False).dataset
    about = provenance.about_files(data, "en")
    assert [a.title for a in about][:2] == ["KLA indicator catalogue", "City KLA evaluation points per indicator"]
    indonesian = ("Data contoh", "dibuat", "ilustratif", "s.d.", "kutip", "Berita", "dan", "anak")
    for entry in about:
        text = " ".join([entry.title, entry.period, entry.licence, entry.source])
        assert not [w for w in indonesian if f" {w} " in f" {text} "], text
    kegiatan = next(a for a in about if a.title == "Activity log")
    assert kegiatan.period == "2023-01-01 to 2026-11-15"
    assert kegiatan.source.startswith("Sample data (illustrative)")
