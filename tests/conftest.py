"""A tiny fixture city: 2 kecamatan, 3 kelurahan, 24 indicators, 2 evaluation years.

Numbers are chosen so expected totals can be worked out by hand in the tests:
max points per block KL 150, K1 120, K2 150, K3 180, K4 150, K5 250 (sum 1000); every indicator
scores 85% of its maximum in 2023 (total 850, Utama) and 88% in 2025 (total 880, Utama).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

# authlib turns its deprecation warnings on ("always", first in the filter list) when it is first
# imported. Imported here, before collection, it leaves pyproject's filterwarnings in front, which
# silence the two that oidc-provider-mock (tests/e2e/test_kelola.py) sets off on import.
import authlib.deprecate  # noqa: F401
import pandas as pd
import pytest

from kla.boundaries import FAILED_MARKER
from tests.pg import postgres_db, postgres_server, postgres_url  # noqa: F401 (one PostgreSQL per session)
from tests.shared import shared_dir

SHARED = shared_dir()

BLOCK_LAYOUT = {"KL": (1, 3, 50.0), "K1": (4, 3, 40.0), "K2": (7, 5, 30.0),
                "K3": (12, 6, 30.0), "K4": (18, 3, 50.0), "K5": (21, 4, 62.5)}
KELURAHAN = [  # kode, nama, kecamatan, alias, children, attainment 2024
    ("64.71.04.1001", "Gunung Sari Ulu", "64.71.04", "GSU", 9000, 0.80),
    ("64.71.05.1010", "Sungainangka", "64.71.05", "Sungai Nangka", 7000, 0.60),
    ("64.71.05.1002", "Sepinggan", "64.71.05", "", 8000, 0.70),
]


def indicator_rows() -> list[dict]:
    rows = []
    for blok, (first, count, max_poin) in BLOCK_LAYOUT.items():
        for nomor in range(first, first + count):
            rows.append({"kode": f"{blok}-{nomor:02d}", "nomor": nomor, "blok": blok,
                         "nama_id": f"Indikator {nomor}", "nama_en": f"Indicator {nomor}",
                         "nama_singkat": f"Ind. {nomor}", "max_poin": max_poin, "satuan": "%",
                         "definisi": "uji", "sumber_data": "uji", "periode": "tahunan",
                         "penanggung_jawab": "DP3AKB", "bobot_ilustratif": "ya"})
    return rows


def tiny_tables() -> dict[str, pd.DataFrame]:
    indikator = pd.DataFrame(indicator_rows())
    evaluasi = pd.concat([
        pd.DataFrame({"tahun": year, "kode_indikator": indikator["kode"], "poin": indikator["max_poin"] * share})
        for year, share in ((2023, 0.85), (2025, 0.88))
    ])
    block_max = indikator.groupby("blok")["max_poin"].sum()
    skor = pd.DataFrame([
        {"tahun": year, "kode_kelurahan": kode, "blok": blok, "poin": block_max[blok] * (share + 0.05 * (year - 2024))}
        for year in (2024, 2025) for kode, *_, share in KELURAHAN for blok in BLOCK_LAYOUT
    ])
    wilayah = pd.DataFrame(
        [{"kode": "64.71.04", "tingkat": "kecamatan", "nama": "Balikpapan Tengah", "kode_induk": "", "alias": "Balteng",
          "anak_0_17": ""},
         {"kode": "64.71.05", "tingkat": "kecamatan", "nama": "Balikpapan Selatan", "kode_induk": "", "alias": "Balsel",
          "anak_0_17": ""}]
        + [{"kode": k, "tingkat": "kelurahan", "nama": n, "kode_induk": p, "alias": a, "anak_0_17": c}
           for k, n, p, a, c, _ in KELURAHAN])
    inisiatif = pd.DataFrame([
        {"id": "INI-0001", "nama": "Forum Anak GSU", "jenis": "Forum Anak", "kode_kelurahan": "64.71.04.1001",
         "blok": "K1",
         "jenis_mitra": "forum anak", "nama_mitra": "Forum Anak", "status": "berjalan", "tanggal_mulai": "2023-01-10",
         "tanggal_selesai": "", "lat": "", "lon": "", "deskripsi": "Pertemuan bulanan"},
        {"id": "INI-0002", "nama": "Taman Baca Nangka", "jenis": "Taman Baca Komunitas",
         "kode_kelurahan": "64.71.05.1010",
         "blok": "K4", "jenis_mitra": "komunitas", "nama_mitra": "Warga RT 12", "status": "rencana",
         "tanggal_mulai": "2026-12-01", "tanggal_selesai": "", "lat": "", "lon": "", "deskripsi": ""},
        {"id": "INI-0003", "nama": "RBRA Sepinggan", "jenis": "RBRA", "kode_kelurahan": "64.71.05.1002", "blok": "K4",
         "jenis_mitra": "dunia usaha/CSR", "nama_mitra": "PT Contoh", "status": "terhenti",
         "tanggal_mulai": "2024-02-01",
         "tanggal_selesai": "2024-08-31", "lat": "", "lon": "", "deskripsi": "Dana CSR berhenti"},
    ])
    kegiatan = pd.DataFrame([
        {"id": "KEG-000001", "tanggal": "2025-01-15", "jenis": "rapat gugus tugas", "judul": "Rapat GT Januari",
         "kode_kelurahan": "", "penyelenggara": "DP3AKB", "peserta_anak": 0, "peserta_dewasa": 30, "blok": "KL",
         "id_inisiatif": ""},
        {"id": "KEG-000002", "tanggal": "2025-02-03", "jenis": "forum anak", "judul": "Kumpul Forum Anak",
         "kode_kelurahan": "64.71.04.1001", "penyelenggara": "Forum Anak", "peserta_anak": 40, "peserta_dewasa": 5,
         "blok": "K1",
         "id_inisiatif": "INI-0001"},
        {"id": "KEG-000003", "tanggal": "2025-02-20", "jenis": "sosialisasi KIE", "judul": "KIE perundungan",
         "kode_kelurahan": "64.71.05.1010", "penyelenggara": "DP3AKB", "peserta_anak": 60, "peserta_dewasa": 10,
         "blok": "K5",
         "id_inisiatif": ""},
        {"id": "KEG-000004", "tanggal": "2025-03-05", "jenis": "rapat gugus tugas", "judul": "Rapat GT Maret",
         "kode_kelurahan": "", "penyelenggara": "DP3AKB", "peserta_anak": 2, "peserta_dewasa": 28, "blok": "KL",
         "id_inisiatif": ""},
    ])
    peta_jalan = pd.DataFrame(
        [{"tahun": 2027, "blok": "TOTAL", "target_poin": 910}]
        + [{"tahun": 2027, "blok": b, "target_poin": block_max[b] * 0.91} for b in BLOCK_LAYOUT])
    kategori = pd.DataFrame([
        {"tahun": 2023, "kategori": "Utama", "skor_dilaporkan": 891, "sumber": "https://contoh.test/a",
         "keterangan": "berbeda"},
        {"tahun": 2023, "kategori": "Utama", "skor_dilaporkan": 817, "sumber": "https://contoh.test/b",
         "keterangan": "berbeda"},
        {"tahun": 2024, "kategori": "", "skor_dilaporkan": "", "sumber": "https://contoh.test/c",
         "keterangan": "tidak ada putaran"},
        {"tahun": 2025, "kategori": "Utama", "skor_dilaporkan": "", "sumber": "https://contoh.test/d",
         "keterangan": ""},
    ])
    tables = {"indikator": indikator, "evaluasi_kota": evaluasi, "kategori_resmi": kategori, "skor_kelurahan": skor,
              "inisiatif": inisiatif, "kegiatan": kegiatan, "peta_jalan": peta_jalan, "wilayah": wilayah}
    tables["sumber"] = pd.DataFrame([
        {"berkas": name, "judul": name, "sumber": "uji", "periode": "2023-2025", "lisensi": "CC BY 4.0",
         "contoh": "tidak" if name == "kategori_resmi" else "ya"} for name in tables])
    return tables


def write_tables(folder: Path, tables: dict[str, pd.DataFrame]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        table.to_csv(folder / f"{name}.csv", index=False)
    return folder


@pytest.fixture(autouse=True)
def empty_state_dir(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own data store (KLA_STATE_DIR); none touches the project's ``state/``."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("KLA_STATE_DIR", str(folder))
    monkeypatch.delenv("KLA_DB_URL", raising=False)
    monkeypatch.setenv("KLA_EMBEDS", "0")  # no embed pages at each publish (tests/test_embeds.py turns them on)
    return folder


@pytest.fixture(autouse=True)
def empty_geo_dir(tmp_path_factory, monkeypatch) -> Path:
    """Every test starts with no boundaries installed, in its own folder.

    Without this a page test would read (or, offline, mark a failed download in) the project's
    own ``geo/``; tests that need boundaries install them into a folder of their own.
    """
    folder = tmp_path_factory.mktemp("geo_kosong")
    # As if the start-up download had just failed: pages must not reach for the internet in tests.
    (folder / FAILED_MARKER).write_text(dt.datetime.now().astimezone().isoformat(timespec="seconds"))
    monkeypatch.setenv("KLA_GEO_DIR", str(folder))
    return folder


@pytest.fixture
def tiny_city(tmp_path: Path) -> Path:
    """A valid data folder of the tiny city."""
    return write_tables(tmp_path / "data", tiny_tables())


@pytest.fixture
def shared_geo(tmp_path: Path) -> Path:
    """A copy of the shared boundary files (tests never modify the originals)."""
    source = SHARED / "geo"
    if not source.exists():
        pytest.fail(f"Berkas batas wilayah bersama tidak ada di {source}")
    target = tmp_path / "shared_geo"
    shutil.copytree(source, target)
    return target
