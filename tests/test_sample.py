"""kla.sample.build: every data file from one seed, deterministic, valid, and exactly the committed data/.

Per-module tests: tests/test_sample_<module>.py. Values the sample must show are typed from
shared/domain/KLA.md (tests/kla_md.py), not read back from kla.sample.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kla import cli, sample
from kla.config import PROJECT_ROOT
from kla.loading import load_dataset
from kla.schema import FILES
from tests.sample_data import sample_tables

DATA = PROJECT_ROOT / "data"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("sample") / "data"
    result = sample.write_sample(target, seed=2025)
    assert result.ok, result.problems[:10]
    return target


def test_generated_folder_loads_with_zero_problems(folder):
    result = load_dataset(folder)
    assert result.ok and result.problems == []


def test_the_committed_data_folder_is_the_generators_output_byte_for_byte():
    files = sample.sample_files(2025)
    assert sorted(files) == sorted(f"{name}.csv" for name in FILES)
    for name, content in files.items():
        assert (DATA / name).read_bytes() == content, f"{name}: jalankan python -m kla sample"


def test_python_m_kla_sample_writes_the_committed_data(tmp_path, capsys):
    out = tmp_path / "data"
    assert cli.main(["sample", "--out", str(out)]) == 0
    for name in FILES:
        assert (out / f"{name}.csv").read_bytes() == (DATA / f"{name}.csv").read_bytes(), name


def test_same_seed_gives_byte_identical_files(folder, tmp_path):
    again = tmp_path / "again"
    assert sample.write_sample(again, seed=2025).ok
    for name in FILES:
        assert (folder / f"{name}.csv").read_bytes() == (again / f"{name}.csv").read_bytes(), name


def test_other_seed_gives_other_illustrative_data_and_the_same_facts(folder, tmp_path):
    other = tmp_path / "other"
    assert sample.write_sample(other, seed=7).ok
    for name in ("evaluasi_kota", "skor_kelurahan", "inisiatif", "kegiatan", "wilayah", "peta_jalan"):
        assert (folder / f"{name}.csv").read_bytes() != (other / f"{name}.csv").read_bytes(), name
    for name in ("kategori_resmi", "indikator"):
        assert (folder / f"{name}.csv").read_bytes() == (other / f"{name}.csv").read_bytes(), name


def test_generate_returns_every_file_with_spec_columns():
    tables = sample_tables()
    assert list(tables) == list(FILES)
    for name, spec in FILES.items():
        assert list(tables[name].columns) == [c.name for c in spec.columns], name


def test_public_api_still_imports_from_kla_sample():
    from kla.sample import draw_activities, generate, generate_activities, number_activities, write_sample

    assert all(callable(f) for f in (draw_activities, generate, generate_activities, number_activities, write_sample))
