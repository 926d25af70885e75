"""kla.store.diff on the tiny city, against changes worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from kla import catalog
from kla.loading import Dataset, load_dataset
from kla.store.diff import CHART_FILES, CITY_LEVEL, diff_datasets, outside_scope
from tests.conftest import tiny_tables, write_tables

GSU, NANGKA, SEPINGGAN = "64.71.04.1001", "64.71.05.1010", "64.71.05.1002"


def dataset(tmp_path, name: str, tables: dict[str, pd.DataFrame]) -> Dataset:
    result = load_dataset(write_tables(tmp_path / name, tables), cache=False)
    assert result.ok, result.problems
    return result.dataset


@pytest.fixture
def old(tmp_path) -> Dataset:
    return dataset(tmp_path, "lama", tiny_tables())


def edited(tmp_path) -> Dataset:
    """Sungainangka K1 2025: 78 -> 88; one activity in Sepinggan added, one in Sungainangka removed;
    an initiative in Sungainangka starts; indicator K4-18 in 2025: 44 -> 40."""
    t = tiny_tables()
    sk = t["skor_kelurahan"]
    sk.loc[(sk["tahun"] == 2025) & (sk["kode_kelurahan"] == NANGKA) & (sk["blok"] == "K1"), "poin"] = 88.0
    keg = t["kegiatan"]
    keg = keg[keg["id"] != "KEG-000003"]
    t["kegiatan"] = pd.concat([keg, pd.DataFrame([{
        "id": "KEG-000005", "tanggal": "2025-03-10", "jenis": "forum anak", "judul": "Forum Maret",
        "kode_kelurahan": SEPINGGAN, "penyelenggara": "Forum Anak", "peserta_anak": 12, "peserta_dewasa": 3,
        "blok": "K1", "id_inisiatif": ""}])])
    t["inisiatif"].loc[t["inisiatif"]["id"] == "INI-0002", "status"] = "berjalan"
    ev = t["evaluasi_kota"]
    ev.loc[(ev["tahun"] == 2025) & (ev["kode_indikator"] == "K4-18"), "poin"] = 40.0
    return dataset(tmp_path, "baru", t)


def test_same_data_has_no_changes(old, tmp_path):
    diff = diff_datasets(old, dataset(tmp_path, "sama", tiny_tables()))
    assert diff.is_empty and diff.changed_files == [] and diff.charts == []
    assert diff.kelurahan_moves.empty and diff.touched_kelurahan == set() and diff.city_level == []
    assert diff.city_scores.to_dict("records") == [
        {"tahun": 2023, "sebelum": 850.0, "sesudah": 850.0, "selisih": 0.0},
        {"tahun": 2025, "sebelum": 880.0, "sesudah": 880.0, "selisih": 0.0}]


def test_rows_added_removed_and_changed_per_file(old, tmp_path):
    diff = diff_datasets(old, edited(tmp_path))
    assert diff.changed_files == ["evaluasi_kota", "skor_kelurahan", "inisiatif", "kegiatan"]
    skor = diff.files["skor_kelurahan"]
    assert skor.added.empty and skor.removed.empty
    assert skor.changed.to_dict("records") == [
        {"tahun": 2025, "kode_kelurahan": NANGKA, "blok": "K1", "kolom": "poin", "sebelum": "78", "sesudah": "88"}]
    kegiatan = diff.files["kegiatan"]
    assert kegiatan.added["id"].tolist() == ["KEG-000005"] and kegiatan.added["peserta_anak"].tolist() == [12]
    assert kegiatan.removed["id"].tolist() == ["KEG-000003"] and kegiatan.changed.empty
    assert diff.files["inisiatif"].changed.to_dict("records") == [
        {"id": "INI-0002", "kolom": "status", "sebelum": "rencana", "sesudah": "berjalan"}]
    assert diff.files["evaluasi_kota"].changed[["kode_indikator", "sebelum", "sesudah"]].values.tolist() == [
        ["K4-18", "44", "40"]]


def test_scores_that_move(old, tmp_path):
    diff = diff_datasets(old, edited(tmp_path))
    # city 2025: 880 - 4 = 876; Sungainangka 2025: 97.5 + 78 + 97.5 + 117 + 97.5 + 162.5 = 650, +10
    assert diff.city_scores.to_dict("records") == [
        {"tahun": 2023, "sebelum": 850.0, "sesudah": 850.0, "selisih": 0.0},
        {"tahun": 2025, "sebelum": 880.0, "sesudah": 876.0, "selisih": -4.0}]
    assert diff.kelurahan_moves.to_dict("records") == [
        {"kode": NANGKA, "nama": "Sungainangka", "tahun": 2025, "sebelum": 650.0, "sesudah": 660.0, "selisih": 10.0}]


def test_kelurahan_touched_and_an_editors_scope(old, tmp_path):
    diff = diff_datasets(old, edited(tmp_path))
    assert diff.touched_kelurahan == {NANGKA, SEPINGGAN}
    assert diff.city_level == ["evaluasi_kota"]
    assert outside_scope(diff, [NANGKA]) == [SEPINGGAN, CITY_LEVEL]
    assert outside_scope(diff, [NANGKA, SEPINGGAN]) == [CITY_LEVEL]
    assert outside_scope(diff, []) == []


def test_an_editor_within_their_kelurahan(old, tmp_path):
    t = tiny_tables()
    t["wilayah"].loc[t["wilayah"]["kode"] == NANGKA, "alias"] = "Sungai Nangka;Sei Nangka"
    t["inisiatif"].loc[t["inisiatif"]["id"] == "INI-0002", "nama"] = "Taman Baca Nangka Raya"
    diff = diff_datasets(old, dataset(tmp_path, "baru", t))
    assert diff.touched_kelurahan == {NANGKA} and diff.city_level == []
    assert outside_scope(diff, [NANGKA]) == []
    assert outside_scope(diff, [GSU]) == [NANGKA]


def test_moving_a_row_to_another_kelurahan_touches_both(old, tmp_path):
    t = tiny_tables()
    t["inisiatif"].loc[t["inisiatif"]["id"] == "INI-0001", "kode_kelurahan"] = NANGKA
    diff = diff_datasets(old, dataset(tmp_path, "baru", t))
    assert diff.touched_kelurahan == {GSU, NANGKA}
    assert outside_scope(diff, [NANGKA]) == [GSU]


def test_a_city_wide_activity_is_outside_every_kelurahan(old, tmp_path):
    t = tiny_tables()
    t["kegiatan"].loc[t["kegiatan"]["id"] == "KEG-000001", "peserta_dewasa"] = 31
    diff = diff_datasets(old, dataset(tmp_path, "baru", t))
    assert diff.touched_kelurahan == set() and diff.city_level == ["kegiatan"]
    assert outside_scope(diff, [NANGKA]) == [CITY_LEVEL]


def test_rows_with_an_empty_key_part_are_matched(old, tmp_path):
    # kategori_resmi's key is (tahun, skor_dilaporkan) and 2024 has no reported score
    t = tiny_tables()
    t["kategori_resmi"].loc[t["kategori_resmi"]["tahun"] == 2024, "keterangan"] = "tidak ada putaran evaluasi"
    diff = diff_datasets(old, dataset(tmp_path, "baru", t))
    changed = diff.files["kategori_resmi"]
    assert changed.added.empty and changed.removed.empty
    assert changed.changed[["tahun", "kolom", "sebelum", "sesudah"]].values.tolist() == [
        [2024, "keterangan", "tidak ada putaran", "tidak ada putaran evaluasi"]]
    assert diff.charts == ["tren_total"]


def test_charts_follow_their_input_files(old, tmp_path):
    t = tiny_tables()
    t["kegiatan"].loc[t["kegiatan"]["id"] == "KEG-000002", "peserta_anak"] = 41
    diff = diff_datasets(old, dataset(tmp_path, "baru", t))
    assert diff.charts == ["kegiatan_bulanan", "peserta_bulanan", "peta_petak", "peta_kelurahan"]
    t = tiny_tables()
    t["sumber"]["contoh"] = "tidak"
    assert diff_datasets(old, dataset(tmp_path, "asli", t)).charts == list(catalog.CATALOG)


def test_every_catalogue_chart_has_its_input_files():
    assert list(CHART_FILES) == list(catalog.CATALOG)
