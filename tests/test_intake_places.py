"""Kelurahan written by name: exact names and spellings become codes, near misses wait for a choice."""

from __future__ import annotations

import pandas as pd
import pytest

from kla.intake import PlaceProposal, apply_choices, read_upload
from kla.intake.model import Upload
from kla.intake.places import PlaceMatcher
from kla.schema import WILAYAH as WILAYAH_SPEC
from kla.schema import parse_table
from tests.intake_files import WILAYAH, column, only_problem, read, xlsx

MATCHER = PlaceMatcher(WILAYAH)


@pytest.mark.parametrize(
    ("typed", "kode"),
    [
        ("Sepinggan Raya", "64.71.05.1009"),  # official name: not Sepinggan, not Sepinggan Baru
        ("Sepinggan", "64.71.05.1002"),
        ("Gn. Samarinda", "64.71.03.1002"),  # KLA.md: "Gn." for Gunung
        ("Gn Samarinda Baru", "64.71.03.1005"),
        ("Gunungsamarinda", "64.71.03.1002"),  # wilayah.csv alias
        ("Sungai Nangka", "64.71.05.1010"),  # wilayah.csv alias of Sungainangka
        ("GSU", "64.71.04.1001"),
        ("Karingau", "64.71.02.1004"),  # the known typo, listed as an alias
        ("MEKARSARI", "64.71.04.1005"),
        ("Kel. Margasari", "64.71.02.1006"),
        ("Damai", "64.71.06.1005"),  # Balikpapan Kota's, not Damai Baru or Damai Bahagia
        ("6471051010", "64.71.05.1010"),  # a code Excel turned into a number
        ("64.71.05.1010 - Sungainangka", "64.71.05.1010"),  # the template's drop-down form
        ("Damai (Balikpapan Kota)", "64.71.06.1005"),
        ("Sepinggan Raya, Kec. Balikpapan Selatan", "64.71.05.1009"),
    ],
)
def test_exact_names_and_spellings(typed, kode):
    placed = MATCHER.resolve(typed)
    assert (placed.kode, placed.cara in ("kode", "nama", "alias")) == (kode, True)


@pytest.mark.parametrize(
    ("typed", "best", "others"),
    [
        ("Sepingan Baru", ("64.71.05.1008", "Sepinggan Baru"), []),
        ("Karang Jatti", ("64.71.04.1004", "Karang Jati"), []),
        ("Gunung Sari", ("64.71.04.1001", "Gunung Sari Ulu"), ["64.71.04.1002", "64.71.03.1002"]),
        ("Klandasan", ("64.71.06.1003", "Klandasan Ulu"), ["64.71.06.1004"]),
    ],
)
def test_near_misses_are_proposed_best_first(typed, best, others):
    placed = MATCHER.resolve(typed)
    assert placed.cara == "usulan"
    assert placed.candidates[0][:2] == best
    assert [kode for kode, _, _ in placed.candidates[1:]] == others
    scores = [score for *_, score in placed.candidates]
    assert scores == sorted(scores, reverse=True) and all(0.8 <= s < 1 for s in scores)


def test_similarity_score_of_a_doubled_letter():
    # "sepinganbaru" (12 letters) against "sepingganbaru" (13): 2 x 12 matching / 25 = 0.96.
    assert MATCHER.resolve("Sepingan Baru").candidates == (("64.71.05.1008", "Sepinggan Baru", 0.96),)


SKOR_BY_NAME = [
    ["tahun", "kelurahan", "blok", "poin"],
    [2025, "Gn. Samarinda", "K1", 10],
    [2025, "Sepinggan Raya", "K1", 11],
    [2025, "Sepingan Baru", "K1", 12],
    [2025, "Karang Jatti", "K1", 13],
]


def test_names_instead_of_codes_and_misspelt_names_wait_for_a_choice():
    intake = read("nilai.xlsx", xlsx({"Sheet1": SKOR_BY_NAME}))
    assert intake.problems == []
    assert column(intake, "skor_kelurahan", "kode_kelurahan") == [
        "64.71.03.1002", "64.71.05.1009", "Sepingan Baru", "Karang Jatti"]
    assert intake.proposals == [
        PlaceProposal("nilai.xlsx, lembar Sheet1", 4, "kelurahan", "Sepingan Baru",
                      (("64.71.05.1008", "Sepinggan Baru", 0.96),)),
        PlaceProposal("nilai.xlsx, lembar Sheet1", 5, "kelurahan", "Karang Jatti",
                      (("64.71.04.1004", "Karang Jati", 0.95),)),
    ]
    assert not intake.ok  # proposals count only once confirmed
    assert any("'Gn. Samarinda' menjadi 64.71.03.1002 Gunung Samarinda" in n for n in intake.notes)


def test_confirmed_proposals_become_codes():
    intake = read("nilai.xlsx", xlsx({"Sheet1": SKOR_BY_NAME}))
    first, second = intake.proposals
    half = apply_choices(intake, {first.key: "64.71.05.1008"})
    assert half.proposals == [second] and not half.ok
    done = apply_choices(half, {second.key: "64.71.04.1004"})
    assert done.ok, done.problems
    assert column(done, "skor_kelurahan", "kode_kelurahan") == [
        "64.71.03.1002", "64.71.05.1009", "64.71.05.1008", "64.71.04.1004"]
    assert ("nilai.xlsx, lembar Sheet1: baris 4, 'Sepingan Baru' dipastikan sebagai Sepinggan Baru (64.71.05.1008)"
            in done.notes)
    assert column(intake, "skor_kelurahan", "kode_kelurahan")[2] == "Sepingan Baru"  # the original is unchanged


def test_a_choice_outside_the_candidates_is_taken_and_revalidated():
    # The user knows better than the list: Sepinggan, which then clashes with the row above.
    table = [["tahun", "nama_kelurahan", "blok", "poin"], [2025, "Sepinggan", "K1", 10],
             [2025, "Sepingan Raja", "K1", 11]]
    intake = read("nilai.xlsx", xlsx({"Sheet1": table}))
    (proposal,) = intake.proposals
    done = apply_choices(intake, {proposal.key: "64.71.05.1002"})
    problem = only_problem(done)
    assert (problem.berkas, problem.baris, problem.kolom) == ("nilai.xlsx, lembar Sheet1", 3,
                                                              "tahun+nama_kelurahan+blok")
    assert problem.nilai == "2025 / Sepingan Raja / K1"
    assert problem.harapan == "unik; kunci ini sudah dipakai di baris 2"


def test_a_choice_that_is_no_kelurahan_is_refused():
    intake = read("nilai.xlsx", xlsx({"Sheet1": SKOR_BY_NAME}))
    with pytest.raises(ValueError, match="64.71.05.9999 bukan kode kelurahan"):
        apply_choices(intake, {intake.proposals[0].key: "64.71.05.9999"})


def test_names_inside_the_code_column():
    intake = read("skor_kelurahan.csv",
                  "tahun,kode_kelurahan,blok,poin\n2025,Sungai Nangka,K1,10\n2025,64.71.04.1001,K1,11\n")
    assert intake.ok, intake.problems
    assert column(intake, "skor_kelurahan", "kode_kelurahan") == ["64.71.05.1010", "64.71.04.1001"]


def test_a_name_column_fills_empty_codes_and_must_agree_with_written_ones():
    content = ("tahun,kode_kelurahan,nama_kelurahan,blok,poin\n"
               "2025,,Telagasari,K1,10\n"  # no code: the name gives it
               "2025,64.71.05.1010,Sungainangka,K1,11\n"  # both agree
               "2025,64.71.05.1010,Damai,K2,12\n")  # they disagree: which one is right?
    intake = read("skor_kelurahan.csv", content)
    assert column(intake, "skor_kelurahan", "kode_kelurahan") == ["64.71.06.1002", "64.71.05.1010", "64.71.05.1010"]
    problem = only_problem(intake)
    assert (problem.berkas, problem.baris, problem.kolom, problem.nilai) == ("skor_kelurahan.csv", 4, "nama_kelurahan",
                                                                             "Damai")
    assert problem.harapan == "kelurahan yang sama dengan kolom 'kode_kelurahan': 64.71.05.1010 adalah Sungainangka"


def test_an_unknown_kelurahan_name():
    intake = read("skor_kelurahan.csv", "tahun,Kelurahan,blok,poin\n2025,Sungainangka,K1,10\n2025,Kampung Baru,K1,11\n")
    problem = only_problem(intake)
    assert (problem.berkas, problem.baris, problem.kolom, problem.nilai) == ("skor_kelurahan.csv", 3, "Kelurahan",
                                                                             "Kampung Baru")
    assert problem.harapan.startswith("nama atau kode kelurahan Balikpapan yang terdaftar")
    assert "tidak ada nama yang mirip" in problem.harapan
    assert intake.proposals == []
    assert "baris 3" in str(problem) and "'Kelurahan'" in str(problem) and "'Kampung Baru'" in str(problem)


def test_an_unknown_code():
    problem = only_problem(read("skor_kelurahan.csv", "tahun,kode_kelurahan,blok,poin\n2025,64.71.05.9999,K1,10\n"))
    assert (problem.baris, problem.kolom, problem.nilai) == (2, "kode_kelurahan", "64.71.05.9999")
    assert problem.harapan == "kode kelurahan Balikpapan yang terdaftar (mis. 64.71.05.1010)"


def test_a_kelurahan_in_the_wrong_kecamatan():
    problem = only_problem(read("skor_kelurahan.csv",
                                "tahun,kelurahan,blok,poin\n2025,Damai (Balikpapan Selatan),K1,10\n"))
    assert (problem.baris, problem.kolom, problem.nilai) == (2, "kelurahan", "Damai (Balikpapan Selatan)")
    assert problem.harapan == "kelurahan yang ada di kecamatan itu; Damai ada di kecamatan Balikpapan Kota"


def test_code_and_name_that_do_not_match():
    problem = only_problem(read("skor_kelurahan.csv",
                                "tahun,kode_kelurahan,blok,poin\n2025,64.71.05.1010 - Damai,K1,10\n"))
    assert problem.harapan == "kode dan nama yang sepadan: 64.71.05.1010 adalah Sungainangka"


def test_an_empty_kelurahan_of_a_city_level_activity_stays_empty():
    header = "id,tanggal,jenis,judul,kelurahan,penyelenggara,peserta_anak,peserta_dewasa,blok,id_inisiatif"
    intake = read("kegiatan.csv", f"{header}\nKEG-000001,2025-03-12,rapat gugus tugas,Rapat,,DP3AKB,0,30,KL,\n")
    assert intake.ok, intake.problems
    assert column(intake, "kegiatan", "kode_kelurahan") == [""]


def test_wilayah_as_the_loaded_dataset_types_it():
    typed, problems = parse_table(WILAYAH.astype(str), WILAYAH_SPEC, "wilayah.csv")
    assert problems == [] and typed["alias"].isna().any()  # missing aliases are <NA>, not ""
    intake = read_upload([Upload("nilai.csv", b"tahun,kelurahan,blok,poin\n2025,Gn. Sari Ilir,K1,10\n")], typed)
    assert intake.ok, intake.problems
    assert column(intake, "skor_kelurahan", "kode_kelurahan") == ["64.71.04.1002"]


def test_another_wilayah_table_decides_what_exists():
    tiny = pd.DataFrame([
        {"kode": "64.71.05", "tingkat": "kecamatan", "nama": "Balikpapan Selatan", "kode_induk": "", "alias": ""},
        {"kode": "64.71.05.1010", "tingkat": "kelurahan", "nama": "Sungainangka", "kode_induk": "64.71.05",
         "alias": "Sungai Nangka"},
    ])
    intake = read_upload([Upload("nilai.csv",
                                 b"tahun,kelurahan,blok,poin\n2025,Sungai Nangka,K1,10\n2025,Damai,K1,10\n")], tiny)
    assert column(intake, "skor_kelurahan", "kode_kelurahan") == ["64.71.05.1010", "Damai"]
    assert only_problem(intake).nilai == "Damai"


def test_a_code_excel_stored_as_a_number():
    intake = read("nilai.xlsx",
                  xlsx({"skor_kelurahan": [["tahun", "kode_kelurahan", "blok", "poin"], [2025, 6471051010, "K1", 10]]}))
    assert intake.ok, intake.problems
    assert column(intake, "skor_kelurahan", "kode_kelurahan") == ["64.71.05.1010"]
