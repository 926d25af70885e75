"""Tests for kla.geography: reading a data folder's regions, and the name matcher.

The matcher is tested on the regions the app reads (data/wilayah.csv, written by the sample
generator from kla/sample/facts/wilayah.csv). Expected codes are written by hand from
shared/domain/KLA.md (tests/kla_md.py), never computed by the module.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from kla.config import PROJECT_ROOT
from kla.geography import (
    NameMatch,
    RegionsUnavailable,
    build_name_index,
    describe_match,
    fuzzy_finds,
    kelurahan_labels,
    match_name,
    match_names,
    normalize_name,
    read_regions,
    search_label,
)
from tests.kla_md import ALL_KECAMATAN, ALL_KELURAHAN

DATA = PROJECT_ROOT / "data"
DATA_REGIONS = read_regions(DATA)


def data_regions() -> pd.DataFrame:
    """A copy each test may change."""
    return DATA_REGIONS.copy()


@pytest.fixture(scope="module")
def kelurahan_index():
    return build_name_index(DATA_REGIONS, "kelurahan")


@pytest.fixture(scope="module")
def kecamatan_index():
    return build_name_index(DATA_REGIONS, "kecamatan")


# --- read_regions ------------------------------------------------------------------------------

def test_read_regions_reads_the_data_folders_wilayah_csv():
    w = read_regions(DATA)
    assert list(w.columns) == ["kode", "tingkat", "nama", "kode_induk", "alias", "anak_0_17"]
    kel = w[w["tingkat"] == "kelurahan"]
    assert dict(zip(kel["kode"], kel["nama"])) == ALL_KELURAHAN
    kec = w[w["tingkat"] == "kecamatan"]
    assert dict(zip(kec["kode"], kec["nama"])) == ALL_KECAMATAN


def test_read_regions_follows_the_file_not_the_code(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "wilayah.csv").write_text(
        "kode,tingkat,nama,kode_induk,alias\n"
        "64.71.03,kecamatan,Balikpapan Utara,,\n"
        "64.71.03.1007,kelurahan,Batu Ampar Baru,64.71.03,BAB\n", encoding="utf-8")
    index = build_name_index(read_regions(folder))
    assert match_name("BAB", index) == NameMatch("BAB", "64.71.03.1007", "Batu Ampar Baru", "alias")
    assert match_name("Manggar", index).cara == "tidak cocok"


def test_read_regions_without_the_file_names_it(tmp_path):
    with pytest.raises(RegionsUnavailable, match=r"wilayah\.csv: berkas tidak ditemukan"):
        read_regions(tmp_path)


def test_read_regions_names_row_column_and_value_of_a_bad_cell(tmp_path):
    (tmp_path / "wilayah.csv").write_text(
        "kode,tingkat,nama,kode_induk,alias\n"
        "64.71.03,kecamatan,Balikpapan Utara,,\n"
        "64.71.03.1001,desa,Batu Ampar,64.71.03,\n", encoding="utf-8")
    with pytest.raises(RegionsUnavailable) as caught:
        read_regions(tmp_path)
    assert "wilayah.csv, baris 3, kolom 'tingkat': nilai 'desa' tidak sah" in str(caught.value)


# A guard for "one home per fact": the regions live in wilayah.csv (the generator's curated copy:
# kla/sample/facts/wilayah.csv), not in a module. kla/tilemap.py places each kelurahan code on the
# hexagon map: a layout, checked against wilayah.csv by tests/test_tilemap.py.
LAYOUTS = {Path("kla/tilemap.py")}


def test_no_module_holds_a_region_list():
    codes = set(ALL_KELURAHAN) | set(ALL_KECAMATAN)
    names = set(ALL_KELURAHAN.values()) | set(ALL_KECAMATAN.values())
    found = {}
    for path in sorted((PROJECT_ROOT / "kla").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        quoted = set(re.findall(r"[\"']([^\"'\n]+)[\"']", text))
        listed = len(quoted & codes) + len(quoted & names)
        if listed > 6:  # a few as examples in docstrings and messages are fine; 40 make a list
            found[path.relative_to(PROJECT_ROOT)] = listed
    assert set(found) <= LAYOUTS, found


def test_official_aliases_never_point_to_two_regions(kelurahan_index, kecamatan_index):
    for index in (kelurahan_index, kecamatan_index):
        shared = {key: codes for key, codes in index.codes_by_alias.items() if len(codes) > 1}
        assert shared == {}


# --- normalize_name --------------------------------------------------------------------------

@pytest.mark.parametrize(("joined", "spaced"), [
    ("Gunungsari Ulu", "Gunung Sari Ulu"),
    ("Sungainangka", "Sungai Nangka"),
    ("Mekarsari", "Mekar Sari"),
    ("Margasari", "Marga Sari"),
    ("Margomulyo", "Margo Mulyo"),
    ("Muararapak", "Muara Rapak"),
])
def test_normalize_name_makes_joined_and_spaced_forms_equal(joined, spaced):
    assert normalize_name(joined) == normalize_name(spaced)


@pytest.mark.parametrize(("text", "expected"), [
    ("  GUNUNG   Sari-Ulu ", "gunungsariulu"),
    ("Gn. Sari Ulu", "gunungsariulu"),
    ("Gn Samarinda", "gunungsamarinda"),
    ("Kel. Damai", "damai"),
    ("Kelurahan Damai", "damai"),
    ("Kec. Balikpapan Tengah", "balikpapantengah"),
    ("Kecamatan Balikpapan Tengah", "balikpapantengah"),
    ("KEC.BALIKPAPAN TENGAH", "balikpapantengah"),
    ("Bpp Tengah", "balikpapantengah"),
])
def test_normalize_name_handles_case_punctuation_prefixes_and_abbreviations(text, expected):
    assert normalize_name(text) == expected


def test_normalize_name_expands_gn_only_as_a_whole_word():
    assert normalize_name("Gnsari") == "gnsari"


def test_normalize_name_keeps_a_lone_prefix_word():
    assert normalize_name("Kec.") == "kec"


# --- kelurahan matching ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kode", "cara"), [
    # every spelling variant named in KLA.md
    ("Sungai Nangka", "64.71.05.1010", "nama"),  # differs from the official name only by a space
    ("Sungainangka", "64.71.05.1010", "nama"),
    ("Mekarsari", "64.71.04.1005", "nama"),
    ("Margasari", "64.71.02.1006", "nama"),
    ("Margomulyo", "64.71.02.1005", "nama"),
    ("Gn. Sari Ulu", "64.71.04.1001", "nama"),
    ("Gn Sari Ilir", "64.71.04.1002", "nama"),
    ("Gn. Samarinda Baru", "64.71.03.1005", "nama"),
    ("Gunungsamarinda", "64.71.03.1002", "nama"),
    ("Gunungsari Ulu", "64.71.04.1001", "nama"),
    ("Gunungsari Ilir", "64.71.04.1002", "nama"),
    ("Gunungbahagia", "64.71.05.1006", "nama"),
    ("Muararapak", "64.71.03.1004", "nama"),
    ("GSU", "64.71.04.1001", "alias"),
    ("gsu", "64.71.04.1001", "alias"),
    ("Karingau", "64.71.02.1004", "alias"),
    ("KARIANGAU", "64.71.02.1004", "nama"),
    ("SUNGAI NANGKA", "64.71.05.1010", "nama"),
    ("Kel. Mekar Sari", "64.71.04.1005", "nama"),
    ("Kelurahan Telaga Sari", "64.71.06.1002", "nama"),
])
def test_spelling_variants_resolve_to_the_right_kelurahan(kelurahan_index, text, kode, cara):
    match = match_name(text, kelurahan_index)
    assert (match.kode, match.cara) == (kode, cara)
    assert match.nama == ALL_KELURAHAN[kode]
    assert match.text == text


def test_every_official_kelurahan_name_matches_its_own_code(kelurahan_index):
    for kode, nama in ALL_KELURAHAN.items():
        assert match_name(nama, kelurahan_index) == NameMatch(nama, kode, nama, "nama")


@pytest.mark.parametrize(("text", "kode"), [
    ("Damai", "64.71.06.1005"),
    ("DAMAI", "64.71.06.1005"),
    ("Damai Baru", "64.71.05.1011"),
    ("Damai Bahagia", "64.71.05.1012"),
    ("Sepinggan", "64.71.05.1002"),
    ("Sepinggan Baru", "64.71.05.1008"),
    ("Sepinggan Raya", "64.71.05.1009"),
])
def test_whole_names_only_for_damai_and_sepinggan(kelurahan_index, text, kode):
    match = match_name(text, kelurahan_index)
    assert (match.kode, match.cara) == (kode, "nama")


@pytest.mark.parametrize("text", ["Damai Ba", "Sepinggan R", "Sepingan", "Kampung Baru", "", "   "])
def test_partial_or_unknown_names_do_not_match(kelurahan_index, text):
    assert match_name(text, kelurahan_index) == NameMatch(text, None, None, "tidak cocok")


@pytest.mark.parametrize(("text", "kode"), [
    ("64.71.05.1010", "64.71.05.1010"),
    (" 64.71.06.1005 ", "64.71.06.1005"),
    ("6471051010", "64.71.05.1010"),
])
def test_codes_match_by_code(kelurahan_index, text, kode):
    match = match_name(text, kelurahan_index)
    assert (match.kode, match.nama, match.cara) == (kode, ALL_KELURAHAN[kode], "kode")


@pytest.mark.parametrize("text", ["64.71.05.1001", "64.71.04", "12345"])
def test_unknown_or_wrong_level_codes_do_not_match(kelurahan_index, text):
    assert match_name(text, kelurahan_index).cara == "tidak cocok"


def test_alias_shared_by_two_regions_is_ambiguous():
    wilayah = data_regions()
    # Someone lists "Damai Raya" as a variant of both Selatan kelurahan named Damai ...
    for kode in ("64.71.05.1011", "64.71.05.1012"):
        wilayah.loc[wilayah["kode"] == kode, "alias"] = "Damai Raya"
    match = match_name("Damai Raya", build_name_index(wilayah))
    assert (match.kode, match.nama, match.cara) == (None, None, "ambigu")
    assert match.kandidat == ("Damai Bahagia", "Damai Baru")


def test_official_name_wins_over_another_regions_alias():
    wilayah = data_regions()
    # A careless alias "Damai" on Damai Baru must not take the name away from Damai (Kota).
    wilayah.loc[wilayah["kode"] == "64.71.05.1011", "alias"] = "Damai"
    match = match_name("Damai", build_name_index(wilayah))
    assert (match.kode, match.cara) == ("64.71.06.1005", "nama")


def test_missing_aliases_read_as_nan_are_ignored():
    wilayah = data_regions()
    assert wilayah["alias"].isna().any()  # empty cells of wilayah.csv read as missing
    index = build_name_index(wilayah)
    assert match_name("Karingau", index).kode == "64.71.02.1004"
    assert match_name("Manggar", index).kode == "64.71.01.1001"


def test_index_works_without_alias_column():
    index = build_name_index(data_regions().drop(columns="alias"))
    assert match_name("Teritip", index).kode == "64.71.01.1003"
    assert match_name("Karingau", index).cara == "tidak cocok"


def test_unknown_level_is_refused():
    with pytest.raises(ValueError, match="Tingkat wilayah"):
        build_name_index(data_regions(), "desa")


# --- kecamatan matching ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kode", "cara"), [
    ("Balikpapan Tengah", "64.71.04", "nama"),
    ("Kec. Balikpapan Tengah", "64.71.04", "nama"),
    ("Kecamatan Balikpapan Tengah", "64.71.04", "nama"),
    ("BALIKPAPAN TENGAH", "64.71.04", "nama"),
    ("Bpp Tengah", "64.71.04", "nama"),
    ("Tengah", "64.71.04", "alias"),
    ("Kec. Selatan", "64.71.05", "alias"),
    ("Baltim", "64.71.01", "alias"),
    ("Balbar", "64.71.02", "alias"),
    ("Balut", "64.71.03", "alias"),
    ("Balteng", "64.71.04", "alias"),
    ("BALSEL", "64.71.05", "alias"),
    ("Balkot", "64.71.06", "alias"),
    ("Kec. Balkot", "64.71.06", "alias"),
    ("64.71.03", "64.71.03", "kode"),
])
def test_kecamatan_forms_resolve(kecamatan_index, text, kode, cara):
    match = match_name(text, kecamatan_index)
    assert (match.kode, match.cara) == (kode, cara)
    assert match.nama == ALL_KECAMATAN[kode]


def test_kecamatan_index_does_not_match_kelurahan(kecamatan_index):
    assert match_name("Damai", kecamatan_index).cara == "tidak cocok"
    assert match_name("64.71.05.1010", kecamatan_index).cara == "tidak cocok"


def test_official_name_wins_over_a_short_kecamatan_name():
    wilayah = pd.concat([data_regions(), pd.DataFrame([{
        "kode": "64.71.07", "tingkat": "kecamatan", "nama": "Tengah", "kode_induk": "", "alias": ""}])])
    index = build_name_index(wilayah, "kecamatan")
    # "Tengah" is now an official name, which wins; the full name stays with Balikpapan Tengah.
    assert match_name("Tengah", index).kode == "64.71.07"
    assert match_name("Balikpapan Tengah", index).kode == "64.71.04"


def test_short_kecamatan_name_shared_by_two_is_ambiguous():
    wilayah = pd.concat([data_regions(), pd.DataFrame([{
        "kode": "64.71.07", "tingkat": "kecamatan", "nama": "Balikpapan  Tengah ", "kode_induk": "", "alias": ""}])])
    match = match_name("Tengah", build_name_index(wilayah, "kecamatan"))
    assert match.cara == "ambigu"


# --- match_names and describe_match ----------------------------------------------------------

def test_match_names_returns_one_row_per_input_in_order(kelurahan_index):
    result = match_names(["Karingau", "Damai", "Atlantis", "64.71.05.1010"], kelurahan_index)
    assert list(result.columns) == ["teks", "kode", "nama", "cara"]
    assert result["teks"].tolist() == ["Karingau", "Damai", "Atlantis", "64.71.05.1010"]
    assert result["cara"].tolist() == ["alias", "nama", "tidak cocok", "kode"]
    assert result["kode"].iloc[[0, 1, 3]].tolist() == ["64.71.02.1004", "64.71.06.1005", "64.71.05.1010"]
    assert result["nama"].iloc[[0, 1, 3]].tolist() == ["Kariangau", "Damai", "Sungainangka"]
    # An unmatched row has missing kode and nama (pandas shows them as NaN), never a guess.
    assert result[["kode", "nama"]].iloc[2].isna().all()


def test_match_names_of_nothing_has_the_columns(kelurahan_index):
    result = match_names([], kelurahan_index)
    assert result.empty and list(result.columns) == ["teks", "kode", "nama", "cara"]


def test_match_names_accepts_empty_cells_from_a_column(kelurahan_index):
    result = match_names(pd.Series(["Lamaru", None, float("nan")]), kelurahan_index)
    assert result["cara"].tolist() == ["nama", "tidak cocok", "tidak cocok"]


@pytest.mark.parametrize(("match", "words"), [
    (NameMatch("Karingau", "64.71.02.1004", "Kariangau", "alias"),
     ["Karingau", "Kariangau", "64.71.02.1004", "ejaan lain"]),
    (NameMatch("Damai", "64.71.06.1005", "Damai", "nama"), ["Damai", "64.71.06.1005"]),
    (NameMatch("64.71.05.1010", "64.71.05.1010", "Sungainangka", "kode"), ["kode", "Sungainangka"]),
    (NameMatch("Atlantis", None, None, "tidak cocok"), ["Atlantis", "tidak cocok"]),
    (NameMatch("Damai Raya", None, None, "ambigu", ("Damai Bahagia", "Damai Baru")),
     ["lebih dari satu", "Damai Bahagia, Damai Baru"]),
])
def test_describe_match_says_what_was_understood_in_indonesian(match, words):
    message = describe_match(match)
    for word in words:
        assert word in message


# --- search boxes: every spelling finds its kelurahan ---------------------------------------------


@pytest.mark.parametrize(("typed", "label", "found"), [
    ("GSU", "Gunung Sari Ulu (Balikpapan Tengah)", True),  # letters in order, any case
    ("gunungsari ulu", "Gunung Sari Ulu (Balikpapan Tengah)", True),
    ("Gn. Sari Ulu", "Gunung Sari Ulu (Balikpapan Tengah)", False),  # no full stop in the name
    ("Sungai Nangka", "Sungainangka (Balikpapan Selatan)", False),  # the space is a letter too
    ("Ulu Sari", "Gunung Sari Ulu (Balikpapan Tengah)", False),  # order matters
])
def test_fuzzy_finds_as_streamlits_search_does(typed, label, found):
    assert fuzzy_finds(typed, label) is found


def test_a_search_label_adds_only_the_spellings_the_search_would_miss():
    label = search_label("Gunung Samarinda", "Balikpapan Utara", ["Gunungsamarinda", "Gn. Samarinda"])
    assert label == "Gunung Samarinda (Balikpapan Utara) · Gn. Samarinda"
    assert search_label("Mekar Sari", "Balikpapan Tengah", ["Mekarsari"]) == "Mekar Sari (Balikpapan Tengah)"


def test_every_alias_of_the_data_finds_its_own_kelurahan_label():
    kelurahan = DATA_REGIONS[DATA_REGIONS["tingkat"] == "kelurahan"].copy()
    kecamatan = DATA_REGIONS[DATA_REGIONS["tingkat"] == "kecamatan"].set_index("kode")["nama"]
    kelurahan["nama_kecamatan"] = kelurahan["kode_induk"].map(kecamatan)
    labels = kelurahan_labels(kelurahan)
    assert len(labels) == 34
    for kode, nama, aliases in zip(kelurahan["kode"], kelurahan["nama"], kelurahan["alias"].fillna("")):
        for typed in [nama, nama.upper(), *[a for a in aliases.split(";") if a]]:
            assert fuzzy_finds(typed, labels[kode]), (typed, labels[kode])
