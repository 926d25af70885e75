"""Rules across rows and files: each reports a problem naming the file, and none raises."""

from pathlib import Path

import pandas as pd

from kla.checks import CHECK_FAILED, cross_check
from kla.loading import load_dataset
from kla.schema import FILES, parse_table
from tests.conftest import tiny_tables, write_tables


def problems_of(tmp_path: Path, change) -> list:
    tables = tiny_tables()
    change(tables)
    result = load_dataset(write_tables(tmp_path / "kota", tables), cache=False)
    assert result.dataset is None
    return result.problems


def typed(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    out = {}
    for name, table in tables.items():
        out[name], problems = parse_table(table.astype(str).replace({"nan": ""}), FILES[name], f"{name}.csv")
        assert problems == [], problems
    return out


def test_tiny_city_passes_every_check():
    assert cross_check(typed(tiny_tables())) == []


def test_year_total_past_1000_is_reported_not_raised(tmp_path):
    def change(t):
        t["indikator"].loc[0, "max_poin"] = 600  # catalogue now sums to 1550
        t["evaluasi_kota"].loc[0, "poin"] = 600  # 2023: 850 - 42.5 + 600 = 1407.5
    problems = problems_of(tmp_path, change)
    assert any(p.berkas == "evaluasi_kota.csv" and p.nilai == "total 1407.5 tahun 2023" and "1000" in p.harapan
               for p in problems)
    assert any(p.berkas == "indikator.csv" and p.nilai == "1550" for p in problems)


def test_repeated_indicator_row_is_reported_not_raised(tmp_path):
    def change(t):
        t["indikator"] = pd.concat([t["indikator"], t["indikator"].iloc[[3]]], ignore_index=True)
    problems = problems_of(tmp_path, change)
    assert [(p.berkas, p.baris, p.kolom) for p in problems] == [
        ("indikator.csv", 26, "kode"), ("indikator.csv", 26, "nomor")]


def test_kelurahan_missing_a_block_in_a_year(tmp_path):
    def change(t):
        sk = t["skor_kelurahan"]
        t["skor_kelurahan"] = sk[~((sk["tahun"] == 2025) & (sk["kode_kelurahan"] == "64.71.05.1010")
                                   & sk["blok"].isin(["K2", "K4"]))]
    problems = problems_of(tmp_path, change)
    assert len(problems) == 1
    p = problems[0]
    assert (p.berkas, p.kolom) == ("skor_kelurahan.csv", "blok")
    assert "64.71.05.1010" in p.harapan and "2025" in p.harapan and "K2, K4" in p.harapan


def test_reported_score_outside_its_category_band(tmp_path):
    def change(t):
        t["kategori_resmi"].loc[1, "skor_dilaporkan"] = 781  # row 3 says Utama (801 to 900)
    problems = problems_of(tmp_path, change)
    assert [(p.berkas, p.baris, p.kolom, p.nilai) for p in problems] == [
        ("kategori_resmi.csv", 3, "skor_dilaporkan", "781")]
    assert "Utama" in problems[0].harapan and "801" in problems[0].harapan


def test_two_categories_for_one_year(tmp_path):
    def change(t):
        t["kategori_resmi"].loc[1, ["kategori", "skor_dilaporkan"]] = ["Nindya", 790]
    problems = problems_of(tmp_path, change)
    assert [(p.berkas, p.baris, p.kolom, p.nilai)
            for p in problems] == [("kategori_resmi.csv", 3, "kategori", "Nindya")]
    assert "baris 2" in problems[0].harapan


def test_roadmap_blocks_must_add_up_to_the_total(tmp_path):
    def change(t):
        t["peta_jalan"].loc[2, "target_poin"] = 100  # K1: 109.2 -> 100, blocks now sum to 900.8
    problems = problems_of(tmp_path, change)
    assert [(p.berkas, p.baris, p.kolom, p.nilai) for p in problems] == [("peta_jalan.csv", 2, "target_poin", "910")]
    assert "900.8" in problems[0].harapan


def test_roadmap_blocks_without_a_total_or_with_a_block_missing(tmp_path):
    def change(t):
        pj = t["peta_jalan"]
        t["peta_jalan"] = pd.concat([pj[pj["blok"] != "K3"], pd.DataFrame(
            [{"tahun": 2029, "blok": b, "target_poin": 100} for b in ("KL", "K1", "K2", "K3", "K4", "K5")])])
    problems = problems_of(tmp_path, change)
    assert [(p.berkas, p.kolom) for p in problems] == [("peta_jalan.csv", "blok")] * 2
    assert "K3" in problems[0].harapan and "2027" in problems[0].harapan
    assert "TOTAL" in problems[1].harapan and "2029" in problems[1].harapan


def test_roadmap_year_with_only_a_total_is_complete(tmp_path):
    tables = tiny_tables()
    tables["peta_jalan"] = pd.concat([tables["peta_jalan"],
                                      pd.DataFrame([{"tahun": 2029, "blok": "TOTAL", "target_poin": 930}])])
    assert load_dataset(write_tables(tmp_path / "kota", tables), cache=False).ok


def test_rejected_cell_reported_once_not_again_by_totals(tmp_path):
    def change(t):
        t["evaluasi_kota"]["poin"] = t["evaluasi_kota"]["poin"].astype(object)
        t["evaluasi_kota"].iloc[0, 2] = "1e400"  # read as infinity: out of range, and the year's total unknown
    problems = problems_of(tmp_path, change)
    assert [(p.berkas, p.baris, p.kolom) for p in problems] == [("evaluasi_kota.csv", 2, "poin")]


def test_checks_on_empty_tables_do_not_raise():
    empty = {name: parse_table(pd.DataFrame(columns=[c.name for c in spec.columns]), spec, name)[0]
             for name, spec in FILES.items()}
    problems = cross_check(empty)
    assert not any(CHECK_FAILED in p.harapan for p in problems)
    assert {p.berkas for p in problems} == {"indikator.csv", "sumber.csv"}  # 0 points in the catalogue, no sources


def test_a_check_that_fails_becomes_a_problem_and_the_others_still_run():
    tables = typed(tiny_tables())
    tables["evaluasi_kota"] = tables["evaluasi_kota"].drop(columns=["poin"])  # nothing the reader would hand over
    tables["kegiatan"].loc[0, "id_inisiatif"] = "INI-0999"
    problems = cross_check(tables)
    failed = [p for p in problems if CHECK_FAILED in p.harapan]
    assert failed and {p.berkas for p in failed} == {"evaluasi_kota.csv"}
    assert any(p.berkas == "kegiatan.csv" and p.nilai == "INI-0999" for p in problems)
