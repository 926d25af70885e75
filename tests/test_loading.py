"""Loading the whole folder: cross-file rules, formats, and writes that never lose good data."""

import os
from pathlib import Path

import pandas as pd
import pytest

from kla import loading
from kla.loading import cache_dir, fingerprint, load_dataset, replace_folder_files, write_bytes_atomic
from kla.schema import FILES
from tests.conftest import tiny_tables, write_tables


def broken_city(tmp_path: Path, change) -> list:
    tables = tiny_tables()
    change(tables)
    result = load_dataset(write_tables(tmp_path / "broken", tables))
    assert result.dataset is None
    return result.problems


def test_tiny_city_loads(tiny_city):
    result = load_dataset(tiny_city)
    assert result.ok, result.problems
    data = result.dataset
    assert len(data.indikator) == 24
    assert data.evaluasi_kota.groupby("tahun")["poin"].sum().round(6).to_dict() == {2023: 850.0, 2025: 880.0}
    assert list(data.kelurahan["nama_kecamatan"]) == ["Balikpapan Tengah", "Balikpapan Selatan", "Balikpapan Selatan"]
    assert data.is_sample and "kategori_resmi" not in data.sample_files


def first(problems, berkas):
    return next(p for p in problems if p.berkas == berkas)


def test_points_above_indicator_maximum(tmp_path):
    def change(t):
        t["evaluasi_kota"].loc[0, "poin"] = 51  # KL-01's maximum is 50
    problems = broken_city(tmp_path, change)
    p = first(problems, "evaluasi_kota.csv")
    assert (p.baris, p.kolom, p.nilai) == (2, "poin", "51") and "50" in p.harapan


def test_unknown_indicator_code(tmp_path):
    def change(t):
        t["evaluasi_kota"].loc[3, "kode_indikator"] = "K1-99"
    problems = broken_city(tmp_path, change)
    assert any(p.nilai == "K1-99" and p.baris == 5 for p in problems)


def test_incomplete_year(tmp_path):
    def change(t):
        t["evaluasi_kota"] = t["evaluasi_kota"].iloc[1:]
    problems = broken_city(tmp_path, change)
    assert any("2023" in p.harapan and "KL-01" in p.harapan for p in problems)


def test_catalogue_must_sum_to_1000(tmp_path):
    def change(t):
        t["indikator"].loc[0, "max_poin"] = 60
        t["evaluasi_kota"]["poin"] = t["evaluasi_kota"]["poin"].clip(upper=40)
    problems = broken_city(tmp_path, change)
    assert any(p.kolom == "max_poin" and p.nilai == "1010" for p in problems)


def test_total_must_match_published_category(tmp_path):
    def change(t):
        t["kategori_resmi"].loc[3, "kategori"] = "Nindya"  # 2025 total 880 is Utama
    problems = broken_city(tmp_path, change)
    assert any("Nindya" in p.harapan and "2025" in (p.nilai or "") for p in problems)


def test_unknown_kelurahan_code(tmp_path):
    def change(t):
        t["skor_kelurahan"].loc[0, "kode_kelurahan"] = "64.71.05.1003"  # not a Balikpapan code
    problems = broken_city(tmp_path, change)
    p = first(problems, "skor_kelurahan.csv")
    assert (p.baris, p.nilai) == (2, "64.71.05.1003")


def test_kelurahan_block_points_above_block_maximum(tmp_path):
    def change(t):
        t["skor_kelurahan"].loc[1, "poin"] = 121  # block K1 maximum is 120
    problems = broken_city(tmp_path, change)
    assert any(p.berkas == "skor_kelurahan.csv" and p.baris == 3 and "120" in p.harapan for p in problems)


def test_initiative_end_before_start(tmp_path):
    def change(t):
        t["inisiatif"].loc[2, "tanggal_selesai"] = "2023-12-31"
    p = first(broken_city(tmp_path, change), "inisiatif.csv")
    assert (p.baris, p.kolom) == (4, "tanggal_selesai")


def test_initiative_half_a_coordinate(tmp_path):
    def change(t):
        t["inisiatif"].loc[0, "lat"] = "-1.25"
    p = first(broken_city(tmp_path, change), "inisiatif.csv")
    assert p.kolom == "lat/lon" and p.baris == 2


def test_activity_links_unknown_initiative(tmp_path):
    def change(t):
        t["kegiatan"].loc[2, "id_inisiatif"] = "INI-0999"
    p = first(broken_city(tmp_path, change), "kegiatan.csv")
    assert (p.baris, p.kolom, p.nilai) == (4, "id_inisiatif", "INI-0999")


def test_roadmap_target_above_block_maximum(tmp_path):
    def change(t):
        t["peta_jalan"].loc[1, "target_poin"] = 151  # KL maximum 150
    p = first(broken_city(tmp_path, change), "peta_jalan.csv")
    assert p.baris == 3 and "150" in p.harapan


def test_kelurahan_code_must_start_with_its_kecamatan(tmp_path):
    def change(t):
        t["wilayah"].loc[2, "kode_induk"] = "64.71.05"  # Gunung Sari Ulu is in 64.71.04
    p = first(broken_city(tmp_path, change), "wilayah.csv")
    assert p.baris == 4 and "64.71.05" in p.harapan


def test_every_file_needs_a_source_row(tmp_path):
    def change(t):
        t["sumber"] = t["sumber"][t["sumber"]["berkas"] != "kegiatan"]
    p = first(broken_city(tmp_path, change), "sumber.csv")
    assert p.nilai == "kegiatan"


def test_missing_file(tiny_city):
    (tiny_city / "kegiatan.csv").unlink()
    result = load_dataset(tiny_city)
    assert result.dataset is None
    assert [p.berkas for p in result.problems] == ["kegiatan.csv"]


def test_unreadable_csv_is_a_problem_not_a_crash(tiny_city):
    (tiny_city / "kegiatan.csv").write_bytes(b'id,tanggal\n"KEG-1,2025')
    result = load_dataset(tiny_city)
    assert result.dataset is None and result.problems[0].berkas == "kegiatan.csv"


def test_xlsx_used_when_no_csv(tiny_city):
    table = pd.read_csv(tiny_city / "inisiatif.csv", dtype=str, keep_default_na=False)
    table.to_excel(tiny_city / "inisiatif.xlsx", index=False)
    (tiny_city / "inisiatif.csv").unlink()
    result = load_dataset(tiny_city)
    assert result.ok, result.problems
    assert result.dataset.inisiatif["tanggal_mulai"].iat[0] == pd.Timestamp("2023-01-10")


def test_semicolon_csv_from_indonesian_excel(tiny_city):
    table = pd.read_csv(tiny_city / "kegiatan.csv", dtype=str, keep_default_na=False)
    table.to_csv(tiny_city / "kegiatan.csv", index=False, sep=";")
    assert load_dataset(tiny_city).ok


def test_valid_dataset_is_the_dataset_of_an_ok_result_only(tiny_city):
    good = load_dataset(tiny_city)
    assert good.valid_dataset is good.dataset and len(good.valid_dataset.kelurahan) == 3
    (tiny_city / "indikator.csv").write_text("kode\nKL-01\n", encoding="utf-8")
    broken = load_dataset(tiny_city, cache=False)
    assert not broken.ok
    with pytest.raises(ValueError, match="tidak lolos pemeriksaan"):
        broken.valid_dataset  # noqa: B018 (the property raises)


def test_bad_update_changes_nothing(tiny_city):
    before = {p.name: p.read_bytes() for p in tiny_city.glob("*.csv")}
    bad = (tiny_city / "kegiatan.csv").read_text().replace("KEG-000004", "KEG-000001")  # duplicate id
    result = replace_folder_files(tiny_city, {"kegiatan.csv": bad.encode()})
    assert not result.ok and any("unik" in p.harapan for p in result.problems)
    assert {p.name: p.read_bytes() for p in tiny_city.glob("*.csv")} == before
    assert not list(tiny_city.parent.glob(".data-staging-*"))


def test_good_update_keeps_previous_version(tiny_city):
    old = (tiny_city / "kegiatan.csv").read_bytes()
    new = old.decode().replace("Rapat GT Maret", "Rapat GT Maret (revisi)").encode()
    result = replace_folder_files(tiny_city, {"kegiatan.csv": new})
    assert result.ok
    assert (tiny_city / "kegiatan.csv").read_bytes() == new
    assert (tiny_city / ".sebelumnya" / "kegiatan.csv").read_bytes() == old


def test_fingerprint_changes_when_a_file_changes(tiny_city):
    before = fingerprint(tiny_city)
    path = tiny_city / "peta_jalan.csv"
    write_bytes_atomic(path, path.read_bytes() + b"\n")
    assert fingerprint(tiny_city) != before


def test_atomic_write_leaves_old_file_when_interrupted(tmp_path, monkeypatch):
    path = tmp_path / "x.csv"
    path.write_bytes(b"lama")

    def explode(*_):
        raise OSError("disk penuh")
    monkeypatch.setattr("os.replace", explode)
    with pytest.raises(OSError):
        write_bytes_atomic(path, b"baru")
    assert path.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["x.csv"]


def test_atomic_write_keeps_files_readable(tmp_path):
    path = tmp_path / "x.csv"
    write_bytes_atomic(path, b"isi")
    assert path.stat().st_mode & 0o044 == 0o044  # group and others can read, like a normal file


# --- cache of validated tables -------------------------------------------------------------------


@pytest.fixture
def no_cache_env(monkeypatch):
    monkeypatch.delenv(loading.CACHE_ENV, raising=False)


def assert_same_tables(a, b):
    for name in FILES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True)


def test_cache_hit_returns_equal_tables(tiny_city, no_cache_env):
    path = tiny_city / "kegiatan.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False).assign(catatan=["a", "", "c", "d"])
    table.to_csv(path, index=False)  # an extra notes column must survive the cache too
    first = load_dataset(tiny_city)
    assert first.ok and first.cached == ()
    second = load_dataset(tiny_city)
    assert second.ok and second.cached == tuple(FILES)
    assert_same_tables(second.dataset, load_dataset(tiny_city, cache=False).dataset)
    assert list(second.dataset.kegiatan["catatan"]) == ["a", "", "c", "d"]


def same_size_same_mtime_edit(path: Path, old: str, new: str) -> None:
    """Change bytes but keep size and modification time: only the content tells."""
    before = path.stat()
    text = path.read_text()
    assert len(old) == len(new) and old in text
    path.write_text(text.replace(old, new, 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def test_changed_file_is_validated_again(tiny_city, no_cache_env):
    assert load_dataset(tiny_city).ok
    same_size_same_mtime_edit(tiny_city / "kegiatan.csv", ",40,5,", ",41,5,")
    result = load_dataset(tiny_city)
    assert result.ok and "kegiatan" not in result.cached and "wilayah" in result.cached
    assert list(result.dataset.kegiatan["peserta_anak"]) == [0, 41, 60, 2]


def test_broken_file_reports_problems_despite_cache(tiny_city, no_cache_env):
    assert load_dataset(tiny_city).ok
    same_size_same_mtime_edit(tiny_city / "kegiatan.csv", "forum anak", "forum anax")
    result = load_dataset(tiny_city)
    assert result.dataset is None and "kegiatan" not in result.cached
    assert [(p.berkas, p.baris, p.nilai) for p in result.problems] == [("kegiatan.csv", 3, "forum anax")]


def test_cross_file_rules_run_on_cached_tables(tiny_city, no_cache_env):
    assert load_dataset(tiny_city).ok
    path = tiny_city / "inisiatif.csv"  # kegiatan row 3 refers to INI-0001
    path.write_text(path.read_text().replace("INI-0001", "INI-0009"))
    result = load_dataset(tiny_city)
    assert result.dataset is None
    assert any(p.berkas == "kegiatan.csv" and p.nilai == "INI-0001" for p in result.problems)


def test_damaged_cache_entry_is_a_miss_and_rewritten(tiny_city, no_cache_env):
    assert load_dataset(tiny_city).ok
    for entry in cache_dir(tiny_city).glob("*.parquet"):
        entry.write_bytes(entry.read_bytes()[:50])
    result = load_dataset(tiny_city)
    assert result.ok and result.cached == ()
    assert load_dataset(tiny_city).cached == tuple(FILES)


def test_unwritable_cache_still_loads(tiny_city, monkeypatch):
    blocked = tiny_city.parent / "bukan_folder"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv(loading.CACHE_ENV, str(blocked))
    for _ in range(2):
        result = load_dataset(tiny_city)
        assert result.ok and result.cached == ()


def test_failed_cache_write_still_loads(tiny_city, no_cache_env, monkeypatch):
    def refuse(*_):
        raise PermissionError("hanya baca")
    monkeypatch.setattr(loading, "write_bytes_atomic", refuse)
    assert load_dataset(tiny_city).ok
    assert not list(cache_dir(tiny_city).glob("*.parquet"))


def test_validator_change_invalidates_cache(tiny_city, no_cache_env, monkeypatch):
    assert load_dataset(tiny_city).ok
    monkeypatch.setattr(loading, "_validator_stamp", lambda: "validator lain")
    assert load_dataset(tiny_city).cached == ()


def test_no_cache_when_asked(tiny_city, no_cache_env):
    assert load_dataset(tiny_city, cache=False).ok
    assert not cache_dir(tiny_city).exists()


def test_cache_keeps_one_entry_per_file(tiny_city, no_cache_env):
    assert load_dataset(tiny_city).ok
    path = tiny_city / "peta_jalan.csv"
    write_bytes_atomic(path, path.read_bytes() + b"\n")
    assert load_dataset(tiny_city).ok
    assert len(list(cache_dir(tiny_city).glob("peta_jalan-*.parquet"))) == 1


def test_update_through_staging_fills_the_folder_cache(tiny_city, no_cache_env):
    new = (tiny_city / "kegiatan.csv").read_bytes().replace(b"Rapat GT Maret", b"Rapat GT Maret (revisi)")
    result = replace_folder_files(tiny_city, {"kegiatan.csv": new})
    assert result.ok and result.cached == tuple(FILES)
    assert not list(tiny_city.parent.glob(".data-staging-*"))


# --- hostile and unusual files ---------------------------------------------------------------------


def test_fingerprint_changes_on_an_edit_that_keeps_size_and_mtime(tiny_city):
    before = fingerprint(tiny_city)
    same_size_same_mtime_edit(tiny_city / "kegiatan.csv", "Rapat GT Maret", "Rapat GT April")
    assert fingerprint(tiny_city) != before


def test_fingerprint_is_stable_and_skips_special_files(tiny_city):
    (tiny_city / "kegiatan.csv").unlink()
    os.mkfifo(tiny_city / "kegiatan.csv")  # hashing it would wait for a writer forever
    first = fingerprint(tiny_city)
    assert fingerprint(tiny_city) == first
    assert [name for name, _ in first] == [f"{name}.csv" for name in FILES]


def test_special_file_in_place_of_a_data_file(tiny_city):
    (tiny_city / "kegiatan.csv").unlink()
    os.mkfifo(tiny_city / "kegiatan.csv")
    (tiny_city / "wilayah.csv").unlink()
    (tiny_city / "wilayah.csv").symlink_to("/dev/zero")
    result = load_dataset(tiny_city)
    assert result.dataset is None
    assert [(p.berkas, "bukan berkas biasa" in p.harapan) for p in result.problems] == [
        ("kegiatan.csv", True), ("wilayah.csv", True)]


def test_header_only_file_is_a_problem(tiny_city):
    path = tiny_city / "inisiatif.csv"
    path.write_text(path.read_text().splitlines()[0] + "\n")
    result = load_dataset(tiny_city)
    assert result.dataset is None
    assert [(p.berkas, p.baris) for p in result.problems] == [("inisiatif.csv", 2)]
    assert "hanya berisi baris judul" in result.problems[0].harapan


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_windows_encodings_load(tiny_city, encoding):
    path = tiny_city / "inisiatif.csv"
    path.write_bytes(path.read_text().replace("Pertemuan bulanan", "Pertemuan bulanan di café").encode(encoding))
    result = load_dataset(tiny_city)
    assert result.ok, result.problems
    assert result.dataset.inisiatif["deskripsi"].iat[0] == "Pertemuan bulanan di café"


def test_repeated_header_is_a_problem(tiny_city):
    path = tiny_city / "kegiatan.csv"
    header, rest = path.read_text().split("\n", 1)
    path.write_text(header.replace("judul", "jenis") + "\n" + rest)
    result = load_dataset(tiny_city)
    assert [(p.berkas, p.baris, p.kolom) for p in result.problems] == [("kegiatan.csv", 1, "jenis")]


def test_broken_workbook_in_place_of_a_csv(tiny_city):
    (tiny_city / "inisiatif.csv").unlink()
    (tiny_city / "inisiatif.xlsx").write_bytes(b"PK\x03\x04 bukan zip yang utuh")
    result = load_dataset(tiny_city)
    assert result.dataset is None and [p.berkas for p in result.problems] == ["inisiatif.xlsx"]


def test_names_moved_out_stay_importable_from_loading():
    from kla.checks import cross_check
    from kla.safe_read import read_raw

    assert (loading.cross_check, loading.read_raw) == (cross_check, read_raw)
