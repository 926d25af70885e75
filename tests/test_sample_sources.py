"""kla.sample.sources: sumber marks every sample file and quotes the curated facts it rests on."""

from __future__ import annotations

from kla.sample import sources
from kla.schema import FILES
from tests.sample_data import sample_tables


def test_every_other_file_has_one_row_and_only_kategori_resmi_is_real():
    src = sample_tables()["sumber"].set_index("berkas")
    assert set(src.index) == set(FILES) - {"sumber"}
    assert src.loc["kategori_resmi", "contoh"] == "tidak"
    samples = src.drop("kategori_resmi")
    assert (samples["contoh"] == "ya").all()
    assert samples["sumber"].str.startswith("Data contoh (ilustratif), dibuat oleh `python -m kla sample`").all()
    assert samples["sumber"].str.contains("dengan seed 2025;").all()


def test_the_wilayah_row_quotes_the_curated_child_count_and_periods():
    row = sample_tables()["sumber"].set_index("berkas").loc["wilayah"]
    assert "223.233 anak (2021)" in row["sumber"]
    assert "penduduk kecamatan (DKB Semester I 2024)" in row["sumber"]
    assert row["periode"] == "Kepmendagri 2025; anak 0-17: 2021"


def test_every_file_has_a_publisher_and_a_licence():
    src = sources.make_sumber(7)
    assert (src["penerbit"].str.strip() != "").all() and (src["lisensi"].str.strip() != "").all()
    assert src["sumber"].str.contains("seed 7").sum() == len(src) - 1
