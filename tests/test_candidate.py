"""A candidate data set is checked in full, and the files it came from are left alone."""

from pathlib import Path

from kla.desk.candidate import load_files


def read_folder(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*.csv")}


def test_a_valid_set_loads_with_its_tables(tiny_city):
    result = load_files(read_folder(tiny_city))
    assert result.ok
    assert len(result.dataset.kelurahan) == 3


def test_a_broken_file_gives_problems_that_name_it(tiny_city):
    files = read_folder(tiny_city)
    files["skor_kelurahan.csv"] = files["skor_kelurahan.csv"].replace(b"\n", b"\n2025,64.71.01.9999,K1,10\n", 1)
    result = load_files(files)
    assert not result.ok
    assert any(p.berkas == "skor_kelurahan.csv" and p.nilai == "64.71.01.9999" for p in result.problems)
