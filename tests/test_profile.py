"""Kelurahan profile numbers, worked out by hand from the tiny city (see conftest).

In 2025 the three kelurahan reach 85%, 65% and 75% of every block (attainment 2024 + 5 points):
totals 850 (Gunung Sari Ulu), 650 (Sungainangka) and 750 (Sepinggan).
"""

import pytest

from kla import profile
from kla.loading import load_dataset

GSU, NANGKA, SEPINGGAN = "64.71.04.1001", "64.71.05.1010", "64.71.05.1002"


@pytest.fixture
def city(tiny_city):
    return load_dataset(tiny_city).dataset


def test_profile_score_category_and_ranks(city):
    p = profile.kelurahan_profile(city, NANGKA)
    assert (p.tahun, p.total, p.kategori) == (2025, pytest.approx(650), "Madya")
    assert (p.peringkat_kota, p.jumlah_kota) == (3, 3)
    assert (p.peringkat_kecamatan, p.jumlah_kecamatan) == (2, 2)  # behind Sepinggan in Balikpapan Selatan
    assert p.perubahan == pytest.approx(50)
    assert p.nama_kecamatan == "Balikpapan Selatan"


def test_profile_of_an_earlier_year(city):
    p = profile.kelurahan_profile(city, GSU, 2024)
    assert p.total == pytest.approx(800) and p.perubahan is None and p.peringkat_kota == 1


def test_unknown_code_is_refused_in_indonesian(city):
    with pytest.raises(profile.UnknownKelurahan, match="tidak dikenal"):
        profile.kelurahan_profile(city, "64.71.99.9999")


def test_block_comparison_against_the_mean_of_all_kelurahan(city):
    frame = profile.block_comparison(city, NANGKA, 2025)
    assert list(frame["blok"]) == ["KL", "K1", "K2", "K3", "K4", "K5"]
    assert frame["persen"].tolist() == pytest.approx([65.0] * 6)
    assert frame["persen_kota"].tolist() == pytest.approx([75.0] * 6)  # (85 + 65 + 75) / 3


def test_block_chart_draws_the_comparison(city):
    frame = profile.block_comparison(city, SEPINGGAN, 2025)
    chart = profile.block_chart(frame, "Sepinggan", 2025, sample=True)
    bars, mean = chart.figure.data
    assert list(bars.x) == pytest.approx([75.0] * 6) and list(mean.x) == pytest.approx([75.0] * 6)
    assert "Sepinggan" in chart.title and chart.sample


def test_block_chart_escapes_a_hostile_name(city):
    frame = profile.block_comparison(city, GSU, 2025)
    chart = profile.block_chart(frame, "<img src=x onerror=alert(1)>", 2025)
    assert "<img" not in chart.figure.data[0].name


def test_initiatives_and_latest_activities_are_the_kelurahan_own(city):
    assert profile.initiatives_of(city, GSU)["id"].tolist() == ["INI-0001"]
    assert profile.latest_activities(city, NANGKA)["id"].tolist() == ["KEG-000003"]
    assert profile.latest_activities(city, SEPINGGAN).empty  # the city-wide meetings are not its own
