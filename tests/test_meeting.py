"""kla.meeting: the meeting's numbers on the tiny fixture city, worked out by hand.

Tiny city (tests/conftest.py): every indicator at 85% of its maximum in 2023 (total 850) and
88% in 2025 (total 880); kelurahan totals 2024/2025 at their attainment -/+ 5 points per year;
meetings ("rapat gugus tugas") logged on 15 Jan and 5 Mar 2025, the log ends 5 Mar 2025.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kla import meeting, scoring
from kla.loading import load_dataset
from tests.conftest import tiny_tables, write_tables


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return load_dataset(write_tables(tmp_path_factory.mktemp("kota") / "data", tiny_tables())).dataset


def load(tmp_path, tables):
    return load_dataset(write_tables(tmp_path / "data", tables)).dataset


def test_position_matches_ringkasan(city):
    pos = meeting.position(city)
    assert (pos.tahun, pos.skor, pos.kategori) == (2025, 880.0, "Utama")
    assert pos.perubahan == pytest.approx(30.0) and pos.tahun_sebelumnya == 2023
    assert pos.ke_paripurna == pytest.approx(21.0)  # 901 - 880
    assert (pos.target_tahun, pos.target) == (2027, 910.0)
    ringkasan = scoring.city_totals(city.evaluasi_kota).set_index("tahun").loc[2025]
    assert pos.skor == ringkasan["total"] and pos.kategori == ringkasan["kategori"]


@pytest.mark.parametrize("share, category, gap", [(0.8, "Nindya", 101.0), (0.801, "Utama", 100.0),
                                                  (0.9, "Utama", 1.0), (0.901, "Paripurna", 0.0)])
def test_gap_at_the_band_edges(tmp_path, share, category, gap):
    tables = tiny_tables()
    evaluasi = tables["evaluasi_kota"]
    maxima = tables["indikator"].set_index("kode")["max_poin"]
    latest = evaluasi["tahun"] == 2025
    evaluasi.loc[latest, "poin"] = evaluasi.loc[latest, "kode_indikator"].map(maxima) * share
    official = tables["kategori_resmi"]
    tables["kategori_resmi"] = official[official["tahun"] != 2025]  # it says Utama, which 800 is not
    pos = meeting.position(load(tmp_path, tables))
    assert pos.kategori == category
    assert pos.ke_paripurna == pytest.approx(gap)


def test_shortfalls_and_how_many_reach_paripurna(city):
    ranking = meeting.shortfalls(city, 2025)
    # every indicator misses 12% of its maximum: K5's 62,5-point indicators miss 7,5 each, first
    assert list(ranking["kekurangan"][:4]) == pytest.approx([7.5] * 4)
    assert list(ranking["kode"][:4]) == ["K5-21", "K5-22", "K5-23", "K5-24"]
    # 880 + 7,5 + 7,5 = 895 < 901; + 7,5 = 902,5 reaches Paripurna with the third indicator
    assert meeting.indicators_for_paripurna(ranking) == 3
    assert ranking.loc[2, "total_proyeksi"] == pytest.approx(902.5)


def test_what_if_crosses_the_band_and_refuses_more_than_the_maximum(city):
    result = meeting.what_if(city, 2025, {"K5-21": 62.5, "K5-22": 62.5, "K5-23": 62.5})
    assert result.total_proyeksi == pytest.approx(902.5)
    assert (result.kategori_awal, result.kategori_proyeksi) == ("Utama", "Paripurna")
    assert result.kurang_ke_paripurna == 0
    just_under = meeting.what_if(city, 2025, {"K5-21": 62.5, "K5-22": 62.5, "K5-23": 61.0})
    assert just_under.total_proyeksi == pytest.approx(901.0) and just_under.kategori_proyeksi == "Paripurna"
    below = meeting.what_if(city, 2025, {"K5-21": 62.5, "K5-22": 62.5, "K5-23": 60.9})
    assert below.kategori_proyeksi == "Utama"
    with pytest.raises(ValueError, match="K5-21 harus antara 0 dan 62.5"):
        meeting.what_if(city, 2025, {"K5-21": 63})


def test_kelurahan_movers(city):
    movers = meeting.kelurahan_movers(city, n=2)
    assert (movers.tahun, movers.tahun_sebelumnya) == (2025, 2024)
    assert list(movers.terendah["nama"]) == ["Sungainangka", "Sepinggan"]  # 65% and 75% of 1000
    assert list(movers.terendah["total"]) == pytest.approx([650.0, 750.0])
    # each rose by 5% of every block from 2024 to 2025, 50 points: ties ordered by code
    assert list(movers.naik["perubahan"]) == pytest.approx([50.0, 50.0])
    assert list(movers.naik["kode_kelurahan"]) == ["64.71.04.1001", "64.71.05.1002"]


def test_default_window_starts_at_the_last_meeting(city):
    assert meeting.last_meeting(city) == dt.date(2025, 3, 5)
    assert meeting.last_meeting(city, before=dt.date(2025, 3, 5)) == dt.date(2025, 1, 15)
    assert meeting.default_window(city) == (dt.date(2025, 3, 5), dt.date(2025, 3, 5))


def test_window_without_any_meeting_is_the_last_90_days(tmp_path):
    tables = tiny_tables()
    tables["kegiatan"] = tables["kegiatan"][tables["kegiatan"]["jenis"] != "rapat gugus tugas"]
    data = load(tmp_path, tables)
    assert meeting.default_window(data) == (dt.date(2025, 2, 20) - dt.timedelta(days=90), dt.date(2025, 2, 20))


def test_window_from_url_falls_back_on_bad_values():
    default = (dt.date(2025, 3, 5), dt.date(2025, 4, 1))
    assert meeting.window_from("2025-01-01", "2025-02-01", default) == (dt.date(2025, 1, 1), dt.date(2025, 2, 1))
    assert meeting.window_from("kemarin", None, default) == default
    assert meeting.window_from("2025-05-01", "2025-04-01", default) == default, "start after end"


def test_since_counts_activities_and_new_initiatives(city):
    window = meeting.since(city, dt.date(2025, 1, 15), dt.date(2025, 2, 20))
    # 15 Jan meeting (0 children, 30 adults), 3 Feb forum (40, 5), 20 Feb KIE (60, 10); 5 Mar outside
    assert (window.kegiatan, window.peserta_anak, window.peserta_dewasa) == (3, 100, 45)
    assert set(window.per_jenis["jenis"]) == {"rapat gugus tugas", "forum anak", "sosialisasi KIE"}
    dp3akb = window.per_penyelenggara.set_index("penyelenggara").loc["DP3AKB"]
    assert (dp3akb["kegiatan"], dp3akb["peserta_anak"]) == (2, 60)
    assert window.inisiatif_baru.empty
    started = meeting.since(city, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert list(started.inisiatif_baru["id"]) == ["INI-0003"]  # started 1 Feb 2024 (stalled since)
    with pytest.raises(ValueError, match="sesudah"):
        meeting.since(city, dt.date(2025, 3, 1), dt.date(2025, 2, 1))


def test_follow_up_planned_and_stalled_by_partner(city):
    plan = meeting.follow_up(city, today=dt.date(2026, 12, 2))
    assert list(plan.belum_mulai["id"]) == ["INI-0002"]
    assert bool(plan.belum_mulai["terlambat"].iloc[0]) is True  # planned for 1 Dec 2026
    assert not meeting.follow_up(city, today=dt.date(2026, 11, 23)).belum_mulai["terlambat"].iloc[0]
    assert list(plan.terhenti["id"]) == ["INI-0003"]
    partners = plan.per_mitra.set_index("nama_mitra")
    assert partners.loc["Warga RT 12", "belum_mulai"] == 1 and partners.loc["PT Contoh", "terhenti"] == 1


# --- the what-if's inputs, its link, and lists cut for the screen ------------------------------


@pytest.mark.parametrize("text, value", [("20,5", 20.5), ("1.234,5", 1234.5), ("35", 35.0), (" 7,25 ", 7.25),
                                         ("1.000", 1000.0), ("0", 0.0), ("+3", 3.0)])
def test_indonesian_numbers_read_as_written(text, value):
    assert meeting.parse_number(text, "id") == value


@pytest.mark.parametrize("text, value", [("20.5", 20.5), ("1,234.5", 1234.5), ("35", 35.0)])
def test_english_numbers_when_the_page_is_english(text, value):
    assert meeting.parse_number(text, "en") == value


@pytest.mark.parametrize("text, lang", [("20.5", "id"), ("20,5", "en"), ("12,3,4", "id"), ("1.23,4", "id"),
                                        ("abc", "id"), ("", "id"), ("2O", "id")])
def test_ambiguous_or_wrong_numbers_are_refused_not_misread(text, lang):
    with pytest.raises(ValueError) as problem:
        meeting.parse_number(text, lang)
    message = str(problem.value)
    assert text.strip() in message
    assert ("20,5" in message and "koma" in message) if lang == "id" else "20.5" in message


def test_what_if_points_name_the_indicator_the_value_and_the_range():
    assert meeting.what_if_points("20,5", "K3-17", 35.0) == 20.5
    with pytest.raises(ValueError, match=r"K3-17: 205 di luar rentang; isi angka antara 0 dan 35,0"):
        meeting.what_if_points("205", "K3-17", 35.0)
    with pytest.raises(ValueError, match=r"K3-17: −2 di luar rentang"):
        meeting.what_if_points("−2", "K3-17", 35.0)
    with pytest.raises(ValueError, match=r"^K3-17: «dua puluh» bukan angka"):
        meeting.what_if_points("dua puluh", "K3-17", 35.0)
    with pytest.raises(ValueError, match=r"K3-17: 40.5 is out of range; enter a number from 0 to 35.0"):
        meeting.what_if_points("40.5", "K3-17", 35.0, "en")


def test_what_if_link_round_trip_and_unknown_entries():
    maxima = {"K3-17": 35.0, "K5-22": 45.0}
    assert meeting.encode_what_if({"K3-17": 20.5, "K5-22": 45.0}) == "K3-17:20.5,K5-22:45"
    assert meeting.decode_what_if("K3-17:20.5,K5-22:45", maxima) == ({"K3-17": 20.5, "K5-22": 45.0}, [])
    assert meeting.decode_what_if("K5-22", maxima) == ({"K5-22": 45.0}, []), "no value: the maximum"
    points, unknown = meeting.decode_what_if("K3-17:99,X9-99:1,K5-22:abc,K5-22:10", maxima)
    assert points == {"K5-22": 10.0}
    assert unknown == ["K3-17:99", "X9-99:1", "K5-22:abc"]
    assert meeting.decode_what_if(None, maxima) == ({}, [])


def test_with_remainder_rows_add_up_to_the_whole_table():
    frame = pd.DataFrame({"jenis": list("abcdefghi"), "kegiatan": [8, 3, 2, 2, 1, 1, 1, 1, 1],
                          "peserta_anak": [846, 0, 0, 5, 54, 0, 4, 0, 0]})
    cut = meeting.with_remainder(frame, 6, "jenis", "Lainnya ({n})", ["kegiatan", "peserta_anak"])
    assert len(cut) == 6
    assert list(cut["jenis"]) == ["a", "b", "c", "d", "e", "Lainnya (4)"]
    assert cut["kegiatan"].sum() == frame["kegiatan"].sum() == 20
    assert cut["peserta_anak"].sum() == frame["peserta_anak"].sum()
    assert list(cut.iloc[-1][["kegiatan", "peserta_anak"]]) == [4, 4]
    small = meeting.with_remainder(frame.head(3), 6, "jenis", "Lainnya ({n})", ["kegiatan"])
    assert list(small["jenis"]) == ["a", "b", "c"], "nothing cut, no remainder row"
