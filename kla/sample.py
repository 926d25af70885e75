"""Seeded sample data that looks like the real Balikpapan KLA programme, clearly labelled as sample.

``generate(seed)`` returns one table per file of :data:`kla.schema.FILES`; ``write_sample(folder)``
writes them through :func:`kla.loading.replace_folder_files` (validated, atomic, byte-identical
for the same seed). ``generate_activities`` makes activity logs of any size, vectorised, for
benchmarks.

What is real and what is invented:

- real: kecamatan/kelurahan codes and names (``kla.geography``), the categories per year and the
  reported 2023 scores (``kategori_resmi``, with source URLs), the names of the services and places
  listed in ``KLA.md`` (Forum Anak in all 34 kelurahan, PUSPAGA "Harapan", PISA, ...), the city
  total of children 0-17 (223,233, 2021) and the kecamatan populations used to split it;
- illustrative: every point, weight, child count per kelurahan, initiative date and status,
  invented community initiative and activity record. ``sumber.csv`` says so for each file.

All randomness flows from one ``numpy.random.Generator`` made from the seed; nothing reads the
clock, and every loop runs over fixed-order lists, never over sets.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from kla.loading import LoadResult, csv_bytes, replace_folder_files
from kla.schema import ACTIVITY_TYPES, BLOCKS, FILES

TODAY = pd.Timestamp("2026-11-22")
ACTIVITY_START = pd.Timestamp("2023-01-01")
ACTIVITY_END = pd.Timestamp("2026-11-15")
EVALUATION_YEARS = (2017, 2019, 2021, 2022, 2023, 2025)
KELURAHAN_YEARS = (2022, 2023, 2024, 2025)
ROADMAP_YEARS = (2027, 2029)

# --- regions and children ------------------------------------------------------------------------

CHILDREN_0_17 = 223_233  # 2021, denominator of the birth-certificate coverage figure
KECAMATAN_POPULATION = {  # Dukcapil DKB Semester I 2024
    "Balikpapan Utara": 191_341,
    "Balikpapan Selatan": 160_658,
    "Balikpapan Tengah": 106_021,
    "Balikpapan Timur": 104_691,
    "Balikpapan Barat": 98_575,
    "Balikpapan Kota": 85_518,
}

# How developed each kelurahan's child services are, for the illustrative scores: dense central
# kelurahan high, peri-urban ones low. Names as in Kepmendagri 2025; unknown names raise.
KELURAHAN_TIER = {
    "high": (
        "Klandasan Ilir", "Klandasan Ulu", "Prapatan", "Telaga Sari", "Damai", "Gunung Sari Ulu",
        "Gunung Sari Ilir", "Mekar Sari", "Karang Rejo", "Karang Jati", "Sumber Rejo", "Gunung Bahagia",
        "Sepinggan Baru", "Damai Baru", "Damai Bahagia",
    ),
    "mid": (
        "Sungainangka", "Sepinggan", "Sepinggan Raya", "Muara Rapak", "Gunung Samarinda",
        "Gunung Samarinda Baru", "Batu Ampar", "Graha Indah", "Baru Ilir", "Baru Tengah", "Baru Ulu",
        "Margo Mulyo", "Marga Sari", "Manggar", "Manggar Baru",
    ),
    "low": ("Kariangau", "Teritip", "Lamaru", "Karang Joang"),
}
TIER_START_TOTAL = {"high": (690.0, 760.0), "mid": (600.0, 680.0), "low": (528.0, 575.0)}
KELURAHAN_BONUS = {"Gunung Sari Ulu": 25.0, "Mekar Sari": 12.0}  # Kampung Pustaka, Puskesmas Ramah Anak

# --- indicator catalogue ---------------------------------------------------------------------------
# (kode, nama_id, nama_en, nama_singkat, max_poin, satuan, definisi, sumber_data, periode, penanggung_jawab)
# max_poin are ILLUSTRATIVE (no official weights are published); they sum to 1000.
INDICATORS: tuple[tuple, ...] = (
    ("KL-01", "Tersedia peraturan daerah atau kebijakan tentang KLA", "Local regulation or policy on KLA",
     "Perda KLA", 50, "skor kelengkapan dokumen",
     "Ketersediaan Perda tentang KLA dan peraturan pelaksanaannya (Perda Kota Balikpapan No. 2 Tahun 2025)",
     "Bagian Hukum Setda; DP3AKB", "tahunan", "DP3AKB"),
    ("KL-02", "Terlembaganya KLA (Gugus Tugas, RAD KLA, profil anak)", "Institutionalised KLA (task force, action plan, child profile)",
     "Kelembagaan KLA", 70, "% unsur terpenuhi",
     "Gugus Tugas KLA ber-SK, RAD KLA, profil anak, serta persentase kecamatan dan kelurahan layak anak",
     "Bappeda Litbang; DP3AKB", "tahunan", "Bappeda Litbang"),
    ("KL-03", "Keterlibatan lembaga masyarakat, dunia usaha dan media", "Involvement of civil society, business and media",
     "Peran masyarakat & usaha", 40, "jumlah lembaga",
     "Jumlah lembaga masyarakat, perusahaan (APSAI) dan media yang terlibat dalam pemenuhan hak dan perlindungan khusus anak",
     "DP3AKB", "tahunan", "DP3AKB"),
    ("K1-04", "Anak yang memiliki kutipan akta kelahiran", "Children with a birth certificate",
     "Akta kelahiran", 50, "% anak 0-17 tahun",
     "Persentase anak usia 0-17 tahun yang memiliki kutipan akta kelahiran",
     "Disdukcapil (SIAK)", "semesteran", "Disdukcapil"),
    ("K1-05", "Fasilitas informasi layak anak, termasuk PISA", "Child-friendly information facilities (incl. PISA)",
     "Informasi layak anak", 35, "jumlah fasilitas",
     "Jumlah fasilitas informasi layak anak, seperti Pusat Informasi Sahabat Anak (PISA) dan perpustakaan ramah anak",
     "Dispustakar; Diskominfo", "tahunan", "Dispustakar"),
    ("K1-06", "Pelembagaan partisipasi anak (Forum Anak)", "Institutionalised child participation (Children's Forum)",
     "Forum Anak", 45, "% kelurahan dengan Forum Anak",
     "Forum Anak di tingkat kota, kecamatan dan kelurahan beserta keterlibatannya dalam Musrenbang",
     "DP3AKB", "tahunan", "DP3AKB"),
    ("K2-07", "Pencegahan perkawinan anak", "Prevention of child marriage",
     "Perkawinan anak", 40, "% perkawinan usia < 19 tahun",
     "Persentase perkawinan dengan salah satu pihak berusia di bawah 19 tahun, termasuk permohonan dispensasi kawin",
     "Pengadilan Agama Balikpapan; Kemenag (KUA)", "tahunan", "DP3AKB"),
    ("K2-08", "Lembaga konsultasi bagi orang tua dan keluarga (PUSPAGA)", "Family counselling service (PUSPAGA)",
     "PUSPAGA", 35, "jumlah layanan konseling",
     "Ketersediaan dan pemanfaatan Pusat Pembelajaran Keluarga (PUSPAGA) dengan tenaga psikolog atau konselor",
     "DP3AKB (PUSPAGA Harapan)", "tahunan", "DP3AKB"),
    ("K2-09", "Lembaga pengasuhan alternatif terstandar", "Standardised alternative care institutions",
     "Pengasuhan alternatif", 30, "% LKSA terakreditasi",
     "Persentase lembaga kesejahteraan sosial anak (LKSA) yang terakreditasi atau memenuhi standar pengasuhan",
     "Dinas Sosial", "tahunan", "Dinas Sosial"),
    ("K2-10", "Pengembangan anak usia dini holistik integratif (PAUD-HI)", "Holistic integrative early childhood development",
     "PAUD-HI", 35, "% lembaga PAUD",
     "Persentase lembaga PAUD yang memadukan layanan pendidikan, kesehatan, gizi, pengasuhan dan perlindungan",
     "Disdikbud; Dinas Kesehatan", "tahunan", "Disdikbud"),
    ("K2-11", "Infrastruktur ramah anak (termasuk TARA dan transportasi aman)", "Child-friendly infrastructure (incl. daycare, safe transport)",
     "Infrastruktur ramah anak", 40, "jumlah sarana terstandar",
     "Sarana publik ramah anak: taman asuh ramah anak (TARA), rute aman ke sekolah, zona selamat sekolah dan fasilitas umum",
     "Dishub; DPU; DP3AKB", "tahunan", "Dishub"),
    ("K3-12", "Persalinan di fasilitas kesehatan", "Births in health facilities",
     "Persalinan di faskes", 30, "% persalinan",
     "Persentase persalinan yang ditolong tenaga kesehatan di fasilitas pelayanan kesehatan",
     "Dinas Kesehatan", "tahunan", "Dinas Kesehatan"),
    ("K3-13", "Prevalensi gizi balita (stunting, wasting, gizi kurang)", "Child nutrition (stunting, wasting, underweight)",
     "Gizi balita", 35, "% balita",
     "Prevalensi stunting, wasting dan gizi kurang pada anak balita",
     "Dinas Kesehatan (e-PPGBM)", "tahunan", "Dinas Kesehatan"),
    ("K3-14", "Pemberian makan bayi dan anak (PMBA)", "Infant and young child feeding",
     "PMBA / ASI", 25, "% bayi",
     "Persentase bayi yang mendapat ASI eksklusif, ditambah ketersediaan ruang laktasi dan konselor PMBA",
     "Dinas Kesehatan", "tahunan", "Dinas Kesehatan"),
    ("K3-15", "Fasilitas kesehatan dengan pelayanan ramah anak", "Child-friendly health facilities",
     "Puskesmas ramah anak", 35, "% puskesmas",
     "Persentase puskesmas yang menerapkan Pelayanan Ramah Anak di Puskesmas (PRAP)",
     "Dinas Kesehatan", "tahunan", "Dinas Kesehatan"),
    ("K3-16", "Akses air minum dan sanitasi layak", "Safe drinking water and sanitation",
     "Air minum & sanitasi", 30, "% rumah tangga",
     "Persentase rumah tangga dengan akses air minum layak dan sanitasi layak",
     "Dinas Kesehatan; Perumda Tirta Manuntung", "tahunan", "Dinas PU"),
    ("K3-17", "Kawasan tanpa rokok dan larangan iklan, promosi dan sponsor rokok", "Smoke-free areas and tobacco advertising ban",
     "Kawasan tanpa rokok", 35, "% kawasan wajib KTR",
     "Penerapan Kawasan Sehat Tanpa Rokok (Perda No. 3 Tahun 2018) dan larangan iklan, promosi serta sponsor rokok",
     "Dinas Kesehatan; Satpol PP", "tahunan", "Dinas Kesehatan"),
    ("K4-18", "Wajib belajar 12 tahun", "12-year compulsory education",
     "Wajib belajar 12 th", 45, "angka partisipasi sekolah (%)",
     "Angka partisipasi sekolah anak 7-18 tahun dan penanganan anak tidak sekolah (ATS)",
     "Disdikbud; Kemenag (madrasah)", "tahunan", "Disdikbud"),
    ("K4-19", "Satuan pendidikan ramah anak (SRA)", "Child-friendly schools",
     "Sekolah ramah anak", 45, "% satuan pendidikan",
     "Persentase satuan pendidikan dari PAUD sampai SMA/SMK/MA dan SLB yang menerapkan Satuan Pendidikan Ramah Anak",
     "Disdikbud; Kemenag", "tahunan", "Disdikbud"),
    ("K4-20", "Pusat kreativitas anak dan ruang bermain ramah anak", "Children's creativity centres and child-friendly play spaces",
     "Kreativitas & RBRA", 40, "jumlah sarana terstandar",
     "Ketersediaan pusat kreativitas anak (PKA) dan ruang bermain ramah anak (RBRA) terstandar per kelurahan",
     "DP3AKB; Disporapar; DLH", "tahunan", "DP3AKB"),
    ("K5-21", "Anak korban kekerasan dan eksploitasi yang terlayani", "Child victims of violence and exploitation receiving services",
     "Korban kekerasan", 60, "% kasus tertangani",
     "Persentase anak korban kekerasan, eksploitasi, perdagangan orang dan pekerja anak yang mendapat layanan terpadu (SIMFONI-PPA)",
     "UPTD PPA; SIMFONI-PPA", "bulanan", "UPTD PPA"),
    ("K5-22", "Anak korban pornografi dan dalam situasi darurat yang terlayani", "Child victims of pornography and in emergencies receiving services",
     "Pornografi & darurat", 45, "% kasus tertangani",
     "Layanan dan pencegahan bagi anak korban pornografi serta anak dalam situasi darurat (bencana, konflik)",
     "UPTD PPA; BPBD; Dinas Sosial", "tahunan", "Dinas Sosial"),
    ("K5-23", "Anak penyandang disabilitas yang terlayani", "Children with disabilities receiving services",
     "Anak disabilitas", 50, "% anak disabilitas terlayani",
     "Persentase anak penyandang disabilitas yang mendapat layanan pendidikan, kesehatan dan rehabilitasi",
     "Dinas Sosial; Disdikbud (SLB)", "tahunan", "Dinas Sosial"),
    ("K5-24", "Anak berhadapan dengan hukum, korban terorisme dan stigmatisasi yang terlayani", "Children in contact with the law, victims of terrorism and stigma",
     "ABH & stigma", 55, "% perkara anak dengan diversi",
     "Persentase anak berhadapan dengan hukum yang diselesaikan lewat diversi atau keadilan restoratif, dan layanan bagi anak korban terorisme dan stigmatisasi",
     "Polresta Balikpapan; Bapas; UPTD PPA", "tahunan", "DP3AKB"),
)

# Illustrative attainment (share of max_poin) in 2017, 2023 and 2025 before noise. Laggards match
# the 2025-26 focus areas: smoke-free areas, infrastructure/safe transport, special protection.
ATTAINMENT = {
    "KL-01": (0.72, 0.80, 0.96), "KL-02": (0.62, 0.85, 0.90), "KL-03": (0.50, 0.80, 0.85),
    "K1-04": (0.88, 0.97, 0.98), "K1-05": (0.55, 0.92, 0.94), "K1-06": (0.70, 0.88, 0.96),
    "K2-07": (0.55, 0.72, 0.76), "K2-08": (0.60, 0.85, 0.90), "K2-09": (0.55, 0.75, 0.78),
    "K2-10": (0.58, 0.78, 0.82), "K2-11": (0.40, 0.58, 0.62), "K3-12": (0.85, 0.95, 0.96),
    "K3-13": (0.60, 0.78, 0.82), "K3-14": (0.62, 0.80, 0.83), "K3-15": (0.45, 0.92, 0.94),
    "K3-16": (0.72, 0.85, 0.87), "K3-17": (0.35, 0.50, 0.52), "K4-18": (0.75, 0.90, 0.92),
    "K4-19": (0.60, 0.92, 0.96), "K4-20": (0.50, 0.74, 0.80), "K5-21": (0.55, 0.68, 0.70),
    "K5-22": (0.45, 0.60, 0.62), "K5-23": (0.55, 0.78, 0.82), "K5-24": (0.60, 0.82, 0.85),
}
# Total score drawn uniformly in these ranges: inside the real category band, away from its edges.
TOTAL_RANGE = {
    2017: (640.0, 665.0), 2019: (718.0, 735.0), 2021: (736.0, 750.0),
    2022: (760.0, 780.0), 2023: (840.0, 858.0), 2025: (860.0, 878.0),
}
ROADMAP_TOTAL_RANGE = {2027: (905.0, 915.0), 2029: (935.0, 950.0)}

# --- official categories (real, public) ---------------------------------------------------------

URL_DWIPA = "https://www.dwipanews.com/2017/07/balikpapan-raih-penghargaan-strata-madya-menuju-kota-layak-anak"
URL_PROKAL = "https://amp.kaltim.prokal.co/read/news/389042-balikpapan-pertahankan-kla-kategori-nindya"
URL_CITY = "https://web.balikpapan.go.id/berita/read/9345"
URL_SUARA = ("https://kaltim.suara.com/amp/read/2024/04/17/170000/"
             "demi-kota-layak-anak-balikpapan-rela-korbankan-rp-5-miliar?page=2")
URL_NIAGA = "https://www.niaga.asia/?p=160740"
URL_FOKUS = "https://fokusborneo.com/daerah/2025/08/09/peringkat-utama-kla-2025-balikpapan-bukukan-prestasi-nasional"
CONFLICT_2023 = "Sumber bertentangan: 891 (Suara Kaltim, 2024) dan 817 (Sekretaris DP3AKB via Niaga Asia, 2025); keduanya Utama"
OFFICIAL_CATEGORIES: tuple[tuple, ...] = (  # tahun, kategori, skor_dilaporkan, sumber, keterangan
    *((year, "Pratama", None, URL_DWIPA, "Satu sumber saja: Pratama diraih dan dipertahankan 2012-2015")
      for year in (2012, 2013, 2014, 2015)),
    (2017, "Madya", None, URL_DWIPA, "Diterima 23 Juli 2017 (Hari Anak Nasional, Pekanbaru); skor tidak diumumkan"),
    (2019, "Nindya", None, URL_PROKAL, "Nindya pertama kali; skor tidak diumumkan"),
    (2020, None, None, URL_PROKAL, "Tidak ada penilaian nasional"),
    (2021, "Nindya", None, URL_PROKAL, "Nindya dipertahankan (diterima lewat Zoom, 29 Juli 2021); skor tidak diumumkan"),
    (2022, "Nindya", None, URL_CITY, "Nindya tiga kali 2019-2022 (situs resmi Pemkot); skor tidak diumumkan"),
    (2023, "Utama", 891.0, URL_SUARA, CONFLICT_2023),
    (2023, "Utama", 817.0, URL_NIAGA, CONFLICT_2023),
    (2024, None, None, URL_NIAGA, "Tidak ada putaran (evaluasi dua tahunan)"),
    (2025, "Utama", None, URL_FOKUS, "Kepmen PPPA No. 85/2025; salah satu dari 22 kabupaten/kota Utama; skor tidak diumumkan"),
)


# --- public API ------------------------------------------------------------------------------------


def generate(seed: int = 2025) -> dict[str, pd.DataFrame]:
    """All data files for ``seed``, one DataFrame per name in :data:`kla.schema.FILES`, in spec order."""
    rng = np.random.default_rng(seed)
    wilayah = make_wilayah(rng)
    indikator = make_indikator()
    evaluasi = make_evaluasi_kota(rng, indikator)
    skor = make_skor_kelurahan(rng, wilayah, indikator)
    inisiatif = make_inisiatif(rng, wilayah)
    kegiatan = make_kegiatan(rng, wilayah, inisiatif)
    tables = {
        "indikator": indikator,
        "evaluasi_kota": evaluasi,
        "kategori_resmi": make_kategori_resmi(),
        "skor_kelurahan": skor,
        "inisiatif": inisiatif,
        "kegiatan": kegiatan,
        "peta_jalan": make_peta_jalan(rng, indikator, evaluasi),
        "wilayah": wilayah,
        "sumber": make_sumber(seed),
    }
    return {name: tables[name][[c.name for c in spec.columns]] for name, spec in FILES.items()}


def write_sample(folder: Path, seed: int = 2025) -> LoadResult:
    """Write every sample file into ``folder`` (all or nothing, validated first)."""
    files = {f"{name}.csv": csv_bytes(table) for name, table in generate(seed).items()}
    return replace_folder_files(Path(folder), files)


# --- wilayah -----------------------------------------------------------------------------------------


def make_wilayah(rng: np.random.Generator) -> pd.DataFrame:
    """Official regions plus an ILLUSTRATIVE child count per kelurahan (kecamatan rows empty)."""
    from kla.geography import official_regions

    regions = official_regions().reset_index(drop=True)
    kecamatan = regions[regions["tingkat"] == "kecamatan"]
    names = dict(zip(kecamatan["kode"], kecamatan["nama"]))
    unknown = sorted(set(names.values()) - set(KECAMATAN_POPULATION))
    if unknown:
        raise ValueError(f"kecamatan tanpa data penduduk: {unknown}")
    per_kecamatan = _split_total(CHILDREN_0_17, np.array([KECAMATAN_POPULATION[names[k]] for k in names], float))
    children = pd.Series(pd.NA, index=regions.index, dtype="Int64")
    for code, total in zip(names, per_kecamatan):
        rows = regions.index[(regions["tingkat"] == "kelurahan") & (regions["kode_induk"] == code)]
        children[rows] = _split_total(int(total), rng.uniform(0.55, 1.45, len(rows)))
    regions["anak_0_17"] = children
    return regions


def _split_total(total: int, weights: np.ndarray) -> np.ndarray:
    """Integers proportional to ``weights`` that add up to ``total`` exactly (largest remainder)."""
    exact = total * weights / weights.sum()
    counts = np.floor(exact).astype(np.int64)
    order = np.argsort(-(exact - counts), kind="stable")
    counts[order[: total - counts.sum()]] += 1
    return counts


def kelurahan_of(wilayah: pd.DataFrame) -> pd.DataFrame:
    """Kelurahan rows with their kecamatan name, in file order."""
    kec = wilayah[wilayah["tingkat"] == "kecamatan"].set_index("kode")["nama"]
    kel = wilayah[wilayah["tingkat"] == "kelurahan"].reset_index(drop=True).copy()
    kel["nama_kecamatan"] = kel["kode_induk"].map(kec)
    return kel


def _tier_of(names: pd.Series) -> np.ndarray:
    lookup = {name: tier for tier, members in KELURAHAN_TIER.items() for name in members}
    unknown = sorted(set(names) - set(lookup))
    if unknown:
        raise ValueError(f"kelurahan tanpa tingkat perkembangan: {unknown}")
    return names.map(lookup).to_numpy()


# --- indikator and city evaluation -----------------------------------------------------------------


def make_indikator() -> pd.DataFrame:
    columns = ["kode", "nama_id", "nama_en", "nama_singkat", "max_poin", "satuan", "definisi",
               "sumber_data", "periode", "penanggung_jawab"]
    table = pd.DataFrame(INDICATORS, columns=columns)
    table["nomor"] = table["kode"].str[-2:].astype(int)
    table["blok"] = table["kode"].str[:2]
    table["max_poin"] = table["max_poin"].astype(float)
    table["bobot_ilustratif"] = "ya"
    return table


def _attainment(year: int) -> np.ndarray:
    """Pre-noise attainment per indicator for ``year`` (interpolated between 2017, 2023, 2025)."""
    a = np.array([ATTAINMENT[k[0]] for k in INDICATORS])
    if year <= 2023:
        share = ((year - 2017) / 6) ** 0.8
        return a[:, 0] + (a[:, 1] - a[:, 0]) * share
    return a[:, 1] + (a[:, 2] - a[:, 1]) * (year - 2023) / 2


def make_evaluasi_kota(rng: np.random.Generator, indikator: pd.DataFrame) -> pd.DataFrame:
    """Illustrative points per indicator per round; each year's total lands in its real band."""
    max_tenths = (indikator["max_poin"].to_numpy() * 10).round().astype(np.int64)
    frames = []
    for year in EVALUATION_YEARS:
        ratio = np.clip(_attainment(year) + rng.normal(0, 0.025, len(max_tenths)), 0.2, 1.0)
        target = int(round(rng.uniform(*TOTAL_RANGE[year]) * 10))
        tenths = _points_hitting_total(ratio, max_tenths, target)
        frames.append(pd.DataFrame({"tahun": year, "kode_indikator": indikator["kode"], "poin": tenths / 10}))
    return pd.concat(frames, ignore_index=True)


def _points_hitting_total(ratio: np.ndarray, max_tenths: np.ndarray, target: int) -> np.ndarray:
    """Points in tenths, each <= its maximum, summing to ``target``, keeping relative shortfalls."""
    shortfall = max_tenths * (1 - ratio)
    scale = (max_tenths.sum() - target) / shortfall.sum()
    tenths = np.clip(np.round(max_tenths - shortfall * scale), 0, max_tenths).astype(np.int64)
    return _fix_residual(tenths, max_tenths, target)


def _fix_residual(tenths: np.ndarray, max_tenths: np.ndarray, target: int) -> np.ndarray:
    """Move single tenths (largest headroom or largest value first) until the sum is ``target``."""
    tenths = tenths.copy()
    while tenths.sum() != target:
        if tenths.sum() < target:
            i = int(np.argmax(max_tenths - tenths))
            tenths[i] += 1
        else:
            i = int(np.argmax(tenths))
            tenths[i] -= 1
    return tenths


def make_kategori_resmi() -> pd.DataFrame:
    """Published categories and reported scores (REAL facts, with their sources)."""
    table = pd.DataFrame(OFFICIAL_CATEGORIES, columns=["tahun", "kategori", "skor_dilaporkan", "sumber", "keterangan"])
    table["skor_dilaporkan"] = table["skor_dilaporkan"].astype(float)
    return table


def make_peta_jalan(rng: np.random.Generator, indikator: pd.DataFrame, evaluasi: pd.DataFrame) -> pd.DataFrame:
    """Targets for the next rounds: the gain over 2025 is spread over blocks by their headroom."""
    block_max = (indikator.groupby("blok")["max_poin"].sum().reindex(BLOCKS) * 10).round().astype(np.int64)
    latest = evaluasi[evaluasi["tahun"] == max(EVALUATION_YEARS)]
    codes_to_block = indikator.set_index("kode")["blok"]
    current = (latest.groupby(latest["kode_indikator"].map(codes_to_block))["poin"].sum().reindex(BLOCKS) * 10).round()
    rows = []
    for year in ROADMAP_YEARS:
        total = int(round(rng.uniform(*ROADMAP_TOTAL_RANGE[year]) * 10))
        headroom = block_max.to_numpy() - current.to_numpy()
        gain = headroom * (total - current.sum()) / headroom.sum()
        tenths = np.minimum(np.round(current.to_numpy() + gain), block_max.to_numpy()).astype(np.int64)
        tenths = _fix_residual(tenths, block_max.to_numpy(), total)
        rows.append({"tahun": year, "blok": "TOTAL", "target_poin": total / 10})
        rows += [{"tahun": year, "blok": b, "target_poin": t / 10} for b, t in zip(BLOCKS, tenths)]
    return pd.DataFrame(rows)


# --- kelurahan scores ------------------------------------------------------------------------------

# Block attainment relative to the kelurahan's overall level: Forum Anak everywhere lifts K1,
# special protection and infrastructure lag.
BLOCK_OFFSET = {"KL": 0.02, "K1": 0.06, "K2": -0.03, "K3": 0.0, "K4": 0.02, "K5": -0.05}


def kelurahan_totals(rng: np.random.Generator, kelurahan: pd.DataFrame) -> np.ndarray:
    """Illustrative total per kelurahan (rows) and year (columns of KELURAHAN_YEARS)."""
    tiers = _tier_of(kelurahan["nama"])
    low = np.array([TIER_START_TOTAL[t][0] for t in tiers])
    high = np.array([TIER_START_TOTAL[t][1] for t in tiers])
    start = rng.uniform(low, high) + kelurahan["nama"].map(KELURAHAN_BONUS).fillna(0).to_numpy()
    n, years = len(kelurahan), len(KELURAHAN_YEARS)
    steps = rng.uniform(12, 45, (n, years - 1))
    stalls = rng.random((n, years - 1)) < 0.12
    steps[stalls] = rng.uniform(-22, 4, stalls.sum())
    totals = np.concatenate([start[:, None], start[:, None] + np.cumsum(steps, axis=1)], axis=1)
    return np.clip(totals, 522, 876)


def make_skor_kelurahan(rng: np.random.Generator, wilayah: pd.DataFrame, indikator: pd.DataFrame) -> pd.DataFrame:
    """The city's own (illustrative) kelurahan assessment: points per kelurahan, year and block."""
    kelurahan = kelurahan_of(wilayah)
    totals = kelurahan_totals(rng, kelurahan)
    block_max = indikator.groupby("blok")["max_poin"].sum().reindex(BLOCKS).to_numpy()
    offsets = np.array([BLOCK_OFFSET[b] for b in BLOCKS])
    own_offset = rng.normal(0, 0.04, (len(kelurahan), len(BLOCKS)))  # each kelurahan's strengths
    max_tenths = np.round(block_max * 10).astype(np.int64)
    frames = []
    for j, year in enumerate(KELURAHAN_YEARS):
        ratio = np.clip(totals[:, j, None] / 1000 + offsets + own_offset + rng.normal(0, 0.015, own_offset.shape), 0.3, 0.98)
        tenths = np.array([_points_hitting_total(r, max_tenths, int(round(t * 10))) for r, t in zip(ratio, totals[:, j])])
        frames.append(pd.DataFrame({
            "tahun": year,
            "kode_kelurahan": np.repeat(kelurahan["kode"].to_numpy(), len(BLOCKS)),
            "blok": np.tile(BLOCKS, len(kelurahan)),
            "poin": tenths.ravel() / 10,
        }))
    return pd.concat(frames, ignore_index=True)


# --- inisiatif -----------------------------------------------------------------------------------

LOCATION_NOTE = " (lokasi kelurahan ilustratif)"
# Real named services and places (KLA.md). Where the source gives no kelurahan, the placement is
# illustrative and the description says so. Start dates without a published date are illustrative.
# (nama, jenis, kelurahan, blok, jenis_mitra, nama_mitra, status, mulai, selesai, deskripsi, lokasi_pasti)
NAMED_INITIATIVES: tuple[tuple, ...] = (
    ("PUSPAGA Harapan", "PUSPAGA", "Klandasan Ulu", "K2", "pemerintah", "DP3AKB", "berjalan", "2019-08-01", None,
     "Layanan konseling keluarga gratis oleh psikolog dengan pendaftaran daring", False),
    ("Sesi PUSPAGA di Perpustakaan Kota", "PUSPAGA", "Klandasan Ilir", "K2", "pemerintah", "DP3AKB dan Dispustakar",
     "berjalan", "2025-03-01", None, "Sesi konseling keluarga dua kali sebulan di perpustakaan kota", False),
    ("PISA Dinas Perpustakaan dan Arsip", "PISA", "Klandasan Ilir", "K1", "pemerintah", "Dispustakar", "berjalan",
     "2019-03-01", None, "Pusat Informasi Sahabat Anak di perpustakaan kota yang ditetapkan dengan SK Wali Kota", False),
    ("Pusat Kreativitas Anak Perpustakaan Kota", "Pusat Kreativitas Anak", "Klandasan Ilir", "K4", "pemerintah",
     "Dispustakar", "berjalan", "2024-02-01", None, "Ruang kreativitas anak yang menyatu dengan layanan PISA di perpustakaan kota", False),
    ("RBRA Taman Bekapai", "RBRA", "Klandasan Ilir", "K4", "pemerintah", "DLH dan DP3AKB", "berjalan", "2025-01-15", None,
     "Taman kota di Jalan Jenderal Sudirman yang diajukan standardisasi ruang bermain ramah anak", True),
    ("RBRA Taman Tiga Generasi", "RBRA", "Sepinggan Baru", "K4", "pemerintah", "DP3AKB dan Disporapar", "berjalan",
     "2022-10-18", None, "Penambahan alat permainan anak di taman Jalan Ruhui Rahayu menuju standardisasi RBRA", True),
    ("TARA TPA K-Daycare Harapan Korpri", "TARA", "Klandasan Ulu", "K2", "pemerintah", "Korpri dan DP3AKB", "berjalan",
     "2025-02-01", None, "Taman asuh ramah anak yang difinalisasi untuk standardisasi TARA", False),
    ("RIRA Masjid Amirul Haq", "Rumah Ibadah Ramah Anak", "Gunung Bahagia", "K4", "tempat ibadah",
     "Universitas Balikpapan", "berjalan", "2021-07-30", None,
     "Masjid kampus Universitas Balikpapan yang ditetapkan sebagai Rumah Ibadah Ramah Anak pada Juli 2021", True),
    ("RIRA Masjid Al Aman", "Rumah Ibadah Ramah Anak", "Sumber Rejo", "K4", "tempat ibadah", "Takmir Masjid Al Aman",
     "berjalan", "2021-07-01", None, "Salah satu dari tiga rumah ibadah yang ditetapkan ramah anak pada 2021", False),
    ("RIRA Gereja Agape Sepinggan", "Rumah Ibadah Ramah Anak", "Sepinggan", "K4", "tempat ibadah",
     "Majelis Gereja Agape Sepinggan", "berjalan", "2021-07-01", None,
     "Gereja yang ditetapkan sebagai Rumah Ibadah Ramah Anak pada 2021", True),
    ("Puskesmas Ramah Anak Mekar Sari", "Puskesmas Ramah Anak", "Mekar Sari", "K3", "pemerintah", "Dinas Kesehatan",
     "berjalan", "2022-07-07", None,
     "Puskesmas yang diverifikasi lapangan pada 7 Juli 2022 terhadap 15 indikator Puskesmas Ramah Anak", True),
    ("Inovasi layanan anak Puskesmas Baru Tengah", "Puskesmas Ramah Anak", "Baru Tengah", "K3", "pemerintah",
     "Dinas Kesehatan", "berjalan", "2022-09-01", None,
     "Inovasi layanan berorientasi anak yang disebut mendukung predikat Utama 2023", True),
    ("Kampung Pustaka Gunung Sari Ulu", "Taman Baca Komunitas", "Gunung Sari Ulu", "K4", "komunitas",
     "Kelurahan Gunung Sari Ulu dan warga", "berjalan", "2022-03-01", None,
     "Inovasi kelurahan di bidang literasi anak yang disebut mendukung predikat Utama 2023", True),
    ('PPATBM Gunung Sari Ulu "Zero ATS"', "PATBM", "Gunung Sari Ulu", "K4", "komunitas", "PPATBM Gunung Sari Ulu",
     "berjalan", "2024-01-15", None,
     "Pendataan anak tidak sekolah yang menemukan 10 anak dan mengembalikan 8 anak belajar melalui SKB", True),
    ("Layanan UPTD PPA dan hotline 24 jam", "Layanan UPTD PPA", "Telaga Sari", "K5", "pemerintah", "UPTD PPA",
     "berjalan", "2019-01-02", None,
     "Penanganan kasus kekerasan terhadap perempuan dan anak dengan hotline 24 jam dan aplikasi Sitopan", False),
    ("Bantuan hukum korban bersama Posbakumadin", "Layanan UPTD PPA", "Telaga Sari", "K5", "komunitas",
     "Posbakumadin", "berjalan", "2024-06-01", None, "Pendampingan hukum gratis bagi anak korban oleh advokat relawan", False),
    ("Perpustakaan Kelurahan Manggar", "Taman Baca Komunitas", "Manggar", "K1", "pemerintah",
     "Dispustakar (Balikpapan Membaca)", "berjalan", "2023-02-01", None,
     "Perpustakaan kelurahan yang menerima donasi buku program Balikpapan Membaca", True),
    ("Perpustakaan Kelurahan Marga Sari", "Taman Baca Komunitas", "Marga Sari", "K1", "pemerintah",
     "Dispustakar (Balikpapan Membaca)", "berjalan", "2023-02-01", None,
     "Perpustakaan kelurahan yang menerima donasi buku program Balikpapan Membaca", True),
    ("Deklarasi APSAI Balikpapan", "Lainnya", "Klandasan Ulu", "KL", "dunia usaha/CSR", "APSAI Balikpapan", "berjalan",
     "2019-12-01", None, "Balikpapan menjadi kota ke-27 yang mendeklarasikan Asosiasi Perusahaan Sahabat Anak Indonesia", False),
    ("Sosialisasi PIN EMAS", "Lainnya", "Karang Jati", "K2", "pemerintah", "DP3AKB", "selesai", "2022-03-01",
     "2022-12-15", "Sosialisasi pencegahan perkawinan anak bagi remaja dan orang tua", False),
)

# Invented community initiatives. Templates may use {kel} (kelurahan), {kec} (kecamatan),
# {w} (a word, not repeated within a kind), {n} (an RT number) and {school} (a school name).
COMMUNITY_STOPS = (
    "Kegiatan terhenti setelah dukungan dana berakhir",
    "Kegiatan terhenti karena pengurus pindah dan belum ada pengganti",
    "Kegiatan terhenti karena relawan tidak lagi aktif",
    "Kegiatan terhenti sementara menunggu anggaran kelurahan",
)
BUILDING_STOPS = (
    "Pembangunan terhenti karena lahan dipakai untuk saluran drainase",
    "Pembangunan terhenti setelah dana CSR berakhir",
)
SERVICE_STOPS = (
    "Layanan terhenti setelah petugas terlatih dimutasi dan belum ada pengganti",
    "Layanan terhenti karena anggaran tidak tersedia pada tahun berjalan",
)


@dataclass(frozen=True)
class Variant:
    """One way an invented initiative of a kind looks: its name, one-sentence description, partners."""

    name: str
    text: str
    partners: tuple[tuple[str, str], ...]
    planned: bool = False  # only ever planned (e.g. a kind of place still being explored)
    blok: str | None = None  # when it differs from the kind's block


@dataclass(frozen=True)
class InitiativeKind:
    jenis: str
    count: int
    blok: str
    variants: tuple[Variant, ...]
    words: tuple[str, ...] = ()
    planned_share: float = 0.15
    stop_reasons: tuple[str, ...] = COMMUNITY_STOPS


CSR = ("dunia usaha/CSR", "Forum CSR Kota Balikpapan")
APSAI = ("dunia usaha/CSR", "Anggota APSAI Balikpapan")
INVENTED_KINDS: tuple[InitiativeKind, ...] = (
    InitiativeKind("Taman Baca Komunitas", 12, "K4", (
        Variant("Taman Baca {w}", "Lapak baca gratis setiap akhir pekan untuk anak-anak di lingkungan RT",
                (("komunitas", "Komunitas Literasi Balikpapan"), CSR)),
        Variant("Rumah Baca {w}", "Ruang baca warga dengan koleksi buku donasi dan kegiatan mendongeng",
                (("komunitas", "PKK Kelurahan {kel}"), ("tempat ibadah", "Remaja masjid setempat"))),
        Variant("Pojok Literasi {w}", "Pojok baca di teras rumah warga yang buka setiap sore sepulang sekolah",
                (("komunitas", "Karang Taruna {kel}"), CSR)),
    ), words=("Pelangi", "Cahaya Ilmu", "Bintang Kecil", "Sahabat Pena", "Lentera", "Tunas Harapan", "Pesisir Ceria",
              "Embun Pagi", "Jendela Dunia", "Mentari", "Bukit Hijau", "Anak Bahari", "Kita Bisa", "Pena Emas")),
    InitiativeKind("Kampung Layak Anak", 10, "KL", (
        Variant("Kampung Ramah Anak RT {n} {kel}",
                "Rintisan kampung ramah anak dengan jam belajar masyarakat, ruang bermain dan ronda anak",
                (("komunitas", "LPM {kel}"), ("komunitas", "PKK Kelurahan {kel}"))),
        Variant("Rintisan Kelurahan Layak Anak {kel}",
                "Penyusunan SK gugus tugas kelurahan, profil anak dan keterlibatan Forum Anak dalam Musrenbang",
                (("pemerintah", "Kelurahan {kel}"),)),
    ), planned_share=0.2),
    InitiativeKind("Gerakan Orang Tua Peduli Sekolah", 6, "K4", (
        Variant("Paguyuban Orang Tua Peduli {school}",
                "Orang tua bergiliran mendampingi kegiatan sekolah dan memantau kehadiran siswa",
                (("sekolah", "{school}"), ("komunitas", "Komite {school}"))),
        Variant("Gerakan Orang Tua Antar Anak {school}",
                "Gerakan orang tua mengantar anak ke sekolah dan mendukung Wajib Belajar 13 Tahun",
                (("sekolah", "{school}"),)),
    )),
    InitiativeKind("Sekolah Ramah Anak", 12, "K4", (
        Variant("SRA {school}", "Penerapan sekolah ramah anak dengan tim SRA, kantin sehat dan pengaduan perundungan",
                (("sekolah", "{school}"), ("pemerintah", "Disdikbud"))),
        Variant("Agen Anti Perundungan {school}", "Pembentukan agen anti perundungan dan konselor sebaya di sekolah",
                (("sekolah", "{school}"),)),
    )),
    InitiativeKind("RBRA", 10, "K4", (
        Variant("RBRA Taman {w} {kel}", "Penataan taman lingkungan dengan lima jenis permainan anak sesuai standar RBRA",
                (("pemerintah", "DP3AKB"), ("pemerintah", "Kelurahan {kel}"))),
        Variant("Ruang Bermain Ramah Anak RT {n} {kel}",
                "Lahan fasilitas umum perumahan yang disiapkan menjadi ruang bermain ramah anak",
                (APSAI, ("komunitas", "LPM {kel}"))),
    ), words=("Ceria", "Pelangi", "Harmoni", "Bahagia", "Sehati", "Bermain", "Lestari", "Merah Putih", "Kenari", "Melati"),
        planned_share=0.35, stop_reasons=BUILDING_STOPS),
    InitiativeKind("PATBM", 12, "K5", (
        Variant("PATBM Kelurahan {kel}",
                "Aktivis perlindungan anak terpadu berbasis masyarakat yang memantau dan merujuk kasus kekerasan",
                (("komunitas", "Relawan PATBM {kel}"), ("pemerintah", "Kelurahan {kel}"))),
    )),
    InitiativeKind("Pusat Kreativitas Anak", 3, "K4", (
        Variant("Sanggar Kreativitas Anak {w}", "Sanggar tari, musik dan kriya untuk anak setiap akhir pekan",
                (("komunitas", "Sanggar seni {kel}"), CSR)),
    ), words=("Borneo Ceria", "Tepian", "Bumi Pesisir", "Bumi Beriman")),
    InitiativeKind("Kawasan Tanpa Rokok", 8, "K3", (
        Variant("Kawasan Tanpa Rokok RT {n} {kel}", "Kesepakatan warga RT tentang lingkungan bebas asap rokok dengan papan larangan merokok",
                (("komunitas", "Kader kesehatan {kel}"),)),
        Variant("KTR Lingkungan Sekolah {kec}", "Pengawasan larangan merokok dan iklan rokok di sekitar sekolah",
                (("sekolah", "Sekolah se-{kec}"), ("pemerintah", "Dinas Kesehatan"))),
        Variant("KTR Taman dan Ruang Publik {kel}",
                "Penghidupan kembali Kawasan Sehat Tanpa Rokok di ruang publik tempat anak bermain",
                (("pemerintah", "Dinas Kesehatan"),)),
    ), planned_share=0.35),
    InitiativeKind("Layanan UPTD PPA", 3, "K5", (
        Variant("Pos Pengaduan Kekerasan Anak {kel}", "Pos pengaduan di kantor kelurahan yang merujuk kasus ke UPTD PPA",
                (("pemerintah", "UPTD PPA"), ("komunitas", "Relawan PATBM {kel}"))),
    ), stop_reasons=SERVICE_STOPS),
    InitiativeKind("TARA", 2, "K2", (
        Variant("TPA {w}", "Tempat penitipan anak bagi orang tua pekerja yang menyiapkan standardisasi TARA",
                (APSAI, ("komunitas", "Yayasan pengelola TPA"))),
    ), words=("Ceria Bunda", "Permata Hati")),
    InitiativeKind("Rumah Ibadah Ramah Anak", 4, "K4", (
        Variant("RIRA Masjid {w}", "Ruang ramah anak di masjid dengan pojok baca dan area bermain",
                (("tempat ibadah", "Takmir masjid setempat"),)),
        Variant("Ruang Ramah Anak Gereja {kel}", "Ruang ramah anak di gereja untuk kegiatan sekolah minggu dan bermain",
                (("tempat ibadah", "Majelis jemaat setempat"),)),
        Variant("Penjajakan RIRA Pura {kec}", "Penjajakan rumah ibadah ramah anak bersama pengurus pura",
                (("pemerintah", "Kemenag Kota Balikpapan"),), planned=True),
        Variant("Penjajakan RIRA Vihara {kec}", "Penjajakan rumah ibadah ramah anak bersama pengurus vihara",
                (("pemerintah", "Kemenag Kota Balikpapan"),), planned=True),
    ), words=("Nurul Huda", "Al Ikhlas", "Baitul Rahman")),
    InitiativeKind("Puskesmas Ramah Anak", 5, "K3", (
        Variant("Puskesmas Ramah Anak {kel}",
                "Penerapan pelayanan ramah anak di puskesmas: ruang tunggu anak, pojok laktasi dan layanan remaja",
                (("pemerintah", "Dinas Kesehatan"),)),
    ), planned_share=0.3, stop_reasons=SERVICE_STOPS),
    InitiativeKind("PISA", 2, "K1", (
        Variant("Pojok PISA Kelurahan {kel}", "Pojok informasi sahabat anak dengan bacaan layak anak di kantor kelurahan",
                (("pemerintah", "Dispustakar"),)),
    ), stop_reasons=SERVICE_STOPS),
    InitiativeKind("Lainnya", 5, "K2", (
        Variant("Rute Aman Selamat ke Sekolah {kec}",
                "Penataan rambu, penyeberangan dan pengawasan jam sekolah untuk keselamatan anak",
                (("pemerintah", "Dishub"),)),
        Variant("Kelas Pengasuhan Positif {kel}",
                "Kelas pengasuhan bagi orang tua tentang disiplin positif dan keamanan digital",
                (("pemerintah", "DP3AKB"), ("komunitas", "PKK Kelurahan {kel}"))),
        Variant("Konseling Remaja Cegah Perkawinan Anak {kec}",
                "Konseling dan edukasi bersama remaja untuk menunda usia perkawinan",
                (("pemerintah", "DP3AKB"), ("tempat ibadah", "Penyuluh agama Kemenag"))),
        Variant("Siaran Radio Suara Anak {kec}", "Siaran radio mingguan yang diisi anggota Forum Anak tentang hak anak",
                (("media", "Radio komunitas mitra DP3AKB"),), blok="K1"),
    )),
)

FORUM_ANAK_TEXT = "Wadah partisipasi anak tingkat kelurahan dengan pertemuan rutin dan keterlibatan dalam Musrenbang"


def make_inisiatif(rng: np.random.Generator, wilayah: pd.DataFrame) -> pd.DataFrame:
    """About 150 initiatives: Forum Anak in every kelurahan, the real named ones, invented community ones."""
    kelurahan = kelurahan_of(wilayah)
    rows = _forum_anak_rows(rng, kelurahan) + _named_rows(kelurahan)
    for kind in INVENTED_KINDS:
        rows += _invented_rows(rng, kind, kelurahan)
    table = pd.DataFrame(rows)
    table.insert(0, "id", [f"INI-{i:04d}" for i in range(1, len(table) + 1)])
    table["lat"] = np.nan
    table["lon"] = np.nan
    for column in ("tanggal_mulai", "tanggal_selesai"):
        table[column] = pd.to_datetime(table[column])
    return table


def _row(nama, jenis, kode, blok, jenis_mitra, nama_mitra, status, mulai, selesai, deskripsi) -> dict:
    return {"nama": nama, "jenis": jenis, "kode_kelurahan": kode, "blok": blok, "jenis_mitra": jenis_mitra,
            "nama_mitra": nama_mitra, "status": status, "tanggal_mulai": mulai, "tanggal_selesai": selesai,
            "deskripsi": deskripsi.rstrip(".") + "."}


def _forum_anak_rows(rng: np.random.Generator, kelurahan: pd.DataFrame) -> list[dict]:
    starts = _random_dates(rng, "2019-01-01", "2025-04-30", len(kelurahan))
    rows = []
    for (_, kel), start in zip(kelurahan.iterrows(), starts):
        text = FORUM_ANAK_TEXT + (", beranggotakan 15 anak usia 12-18 tahun" if kel["nama"] == "Kariangau" else "")
        rows.append(_row(f"Forum Anak Kelurahan {kel['nama']}", "Forum Anak", kel["kode"], "K1", "forum anak",
                         f"Forum Anak {kel['nama_kecamatan']}", "berjalan", start, None, text))
    return rows


def _named_rows(kelurahan: pd.DataFrame) -> list[dict]:
    codes = dict(zip(kelurahan["nama"], kelurahan["kode"]))
    rows = []
    for nama, jenis, kel, blok, mitra_jenis, mitra, status, mulai, selesai, text, exact in NAMED_INITIATIVES:
        text = text if exact else text + LOCATION_NOTE
        rows.append(_row(nama, jenis, codes[kel], blok, mitra_jenis, mitra, status, mulai, selesai, text))
    return rows


def _invented_rows(rng: np.random.Generator, kind: InitiativeKind, kelurahan: pd.DataFrame) -> list[dict]:
    places = _pick_kelurahan(rng, kelurahan, kind.count)
    words = list(rng.permutation(np.array(kind.words, dtype=object))) if kind.words else [""]
    rows = []
    for i, k in enumerate(places):
        kel = kelurahan.iloc[k]
        variant = kind.variants[i % len(kind.variants)]
        fill = {"kel": kel["nama"], "kec": kel["nama_kecamatan"], "n": int(rng.integers(1, 60)),
                "w": words[i % len(words)], "school": _school_name(rng, kel["nama_kecamatan"])}
        mitra_jenis, mitra = variant.partners[int(rng.integers(len(variant.partners)))]
        status = "rencana" if variant.planned else _draw_status(rng, kind.planned_share)
        start, end = _status_dates(rng, status)
        text = variant.text
        if status == "terhenti":
            text = kind.stop_reasons[int(rng.integers(len(kind.stop_reasons)))]
        rows.append(_row(variant.name.format(**fill), kind.jenis, kel["kode"], variant.blok or kind.blok, mitra_jenis,
                         mitra.format(**fill), status, start, end, text))
    return rows


def _pick_kelurahan(rng: np.random.Generator, kelurahan: pd.DataFrame, count: int) -> np.ndarray:
    """Distinct kelurahan (while possible), more likely where there are more children and services."""
    tier_weight = {"high": 1.3, "mid": 1.0, "low": 0.6}
    weights = kelurahan["anak_0_17"].astype(float).to_numpy() * np.array([tier_weight[t] for t in _tier_of(kelurahan["nama"])])
    return rng.choice(len(kelurahan), size=count, replace=count > len(kelurahan), p=weights / weights.sum())


def _school_name(rng: np.random.Generator, kecamatan: str) -> str:
    """A school named the way Balikpapan names them: SD per kecamatan, SMP and SMA city-wide."""
    level = rng.random()
    if level < 0.55:
        return f"SD Negeri {int(rng.integers(1, 40)):03d} {kecamatan}"
    if level < 0.85:
        return f"SMP Negeri {int(rng.integers(1, 27))} Balikpapan"
    return f"SMA Negeri {int(rng.integers(1, 10))} Balikpapan"


def _draw_status(rng: np.random.Generator, planned_share: float) -> str:
    rest = 1 - planned_share
    shares = [planned_share, rest * 0.68, rest * 0.2, rest * 0.12]  # rencana, berjalan, selesai, terhenti
    return str(rng.choice(["rencana", "berjalan", "selesai", "terhenti"], p=shares))


def _status_dates(rng: np.random.Generator, status: str) -> tuple[pd.Timestamp, pd.Timestamp | None]:
    """Start and end date consistent with the status as of TODAY."""
    if status == "rencana":
        return _random_dates(rng, "2026-12-01", "2027-06-30", 1)[0], None
    if status == "berjalan":
        return _random_dates(rng, "2019-01-01", "2026-09-30", 1)[0], None
    start = _random_dates(rng, "2019-03-01", "2025-06-30", 1)[0]
    days = rng.integers(90, 540) if status == "selesai" else rng.integers(120, 720)
    return start, min(start + pd.Timedelta(days=int(days)), pd.Timestamp("2026-10-31"))


def _random_dates(rng: np.random.Generator, first: str, last: str, size: int) -> list[pd.Timestamp]:
    start = pd.Timestamp(first)
    offsets = rng.integers(0, (pd.Timestamp(last) - start).days + 1, size)
    return [start + pd.Timedelta(days=int(d)) for d in offsets]


# --- kegiatan ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityKind:
    """How one activity type looks: share, where it happens, who comes, who organises, titles."""

    weight: float
    city_share: float  # share held at city level (no kelurahan)
    children: tuple[float, float, float]  # median, log-sigma, share with no children at all
    adults: tuple[float, float]  # median, log-sigma
    organisers: tuple[tuple[str, float], ...]
    local_titles: tuple[tuple[str, str, float], ...]  # (title with {kel}/{kec}, blok, weight)
    city_titles: tuple[tuple[str, str, float], ...]
    link_prefix: str = ""  # title prefix when linked to an initiative ("" = never linked)
    link_types: tuple[str, ...] = ()  # initiative types it may be linked to (empty = any)


ACTIVITY_KINDS: dict[str, ActivityKind] = {
    "rapat gugus tugas": ActivityKind(
        0.02, 1.0, (3, 0.4, 0.6), (30, 0.25), (("DP3AKB", 1.0),), (),
        (("Rapat koordinasi Gugus Tugas KLA", "KL", 3), ("Rapat Gugus Tugas KLA: pemutakhiran data dukung", "KL", 2),
         ("Rapat Gugus Tugas KLA: penyusunan RAD KLA", "KL", 1), ("Rapat Gugus Tugas KLA: pembahasan profil anak", "KL", 1))),
    "pelatihan pendamping": ActivityKind(
        0.07, 0.55, (0, 0.5, 0.9), (25, 0.35),
        (("DP3AKB", 0.5), ("UPTD PPA", 0.2), ("Dinas Sosial", 0.1), ("Dinas Kesehatan", 0.1), ("Disdikbud", 0.1)),
        (("Pelatihan pendamping Forum Anak Kelurahan {kel}", "K1", 2), ("Pelatihan konselor sebaya Kecamatan {kec}", "K5", 1),
         ("Pelatihan kader PAUD-HI Kelurahan {kel}", "K2", 1)),
        (("Pelatihan pendamping korban kekerasan anak", "K5", 2), ("Pelatihan Konvensi Hak Anak bagi pendamping", "KL", 2),
         ("Pelatihan fasilitator PUSPAGA", "K2", 1), ("Pelatihan pengasuh TARA", "K2", 1),
         ("Pelatihan konselor PMBA", "K3", 1)),
        "Pelatihan pendamping: ",
        ("Forum Anak", "PATBM", "PUSPAGA", "TARA", "Layanan UPTD PPA", "Kampung Layak Anak")),
    "pelatihan relawan": ActivityKind(
        0.08, 0.35, (5, 0.5, 0.8), (30, 0.35),
        (("DP3AKB", 0.55), ("Kelurahan", 0.2), ("Kecamatan", 0.1), ("UPTD PPA", 0.15)),
        (("Pelatihan relawan PATBM Kelurahan {kel}", "K5", 3), ("Pembekalan kader KLA Kelurahan {kel}", "KL", 2),
         ("Pelatihan relawan taman baca Kelurahan {kel}", "K4", 1)),
        (("Pelatihan relawan PATBM tingkat kota", "K5", 2), ("Pembekalan relawan Sahabat Anak", "KL", 1)),
        "Pelatihan relawan: ",
        ("PATBM", "Taman Baca Komunitas", "Kampung Layak Anak", "Kawasan Tanpa Rokok", "Gerakan Orang Tua Peduli Sekolah")),
    "sosialisasi KIE": ActivityKind(
        0.34, 0.12, (60, 0.6, 0.15), (15, 0.5),
        (("DP3AKB", 0.35), ("Dinas Kesehatan", 0.15), ("Disdikbud", 0.1), ("Disdukcapil", 0.06),
         ("Kemenag Kota Balikpapan", 0.05), ("Polresta Balikpapan", 0.05), ("Kelurahan", 0.1), ("Forum Anak", 0.06),
         ("Komunitas mitra", 0.08)),
        (("Sosialisasi pencegahan perundungan di sekolah, Kelurahan {kel}", "K5", 4),
         ("Sosialisasi pencegahan kekerasan seksual pada anak, Kelurahan {kel}", "K5", 3),
         ("KIE pencegahan perkawinan anak di Kelurahan {kel}", "K2", 2),
         ("Sosialisasi Kawasan Tanpa Rokok di Kelurahan {kel}", "K3", 2),
         ("KIE pengasuhan positif bagi orang tua, Kelurahan {kel}", "K2", 2),
         ("KIE akta kelahiran dan KIA di Kelurahan {kel}", "K1", 1),
         ("Sosialisasi gizi seimbang dan PMBA, Kelurahan {kel}", "K3", 2),
         ("Sosialisasi keamanan digital bagi anak, Kelurahan {kel}", "K5", 2),
         ("Sosialisasi sekolah ramah anak di Kecamatan {kec}", "K4", 1),
         ("Sosialisasi keselamatan anak di jalan, Kelurahan {kel}", "K2", 1)),
        (("Dialog radio: Balikpapan menuju KLA Paripurna", "KL", 2), ("Kampanye Hari Anak Nasional di sekolah", "K1", 1),
         ("Sosialisasi Perda Kota Layak Anak", "KL", 1), ("Kampanye anti perundungan di media sosial", "K5", 1)),
        "Sosialisasi bersama "),
    "forum anak": ActivityKind(
        0.2, 0.1, (35, 0.45, 0.0), (4, 0.5),
        (("Forum Anak", 0.6), ("DP3AKB", 0.3), ("Kecamatan", 0.1)),
        (("Kumpul Bareng Forum Anak Kecamatan {kec}", "K1", 3), ("Pertemuan rutin Forum Anak Kelurahan {kel}", "K1", 4),
         ("Forum Anak {kel}: diskusi isu perundungan", "K5", 1), ("Forum Anak {kel} dalam Musrenbang kelurahan", "K1", 1),
         ("Pelatihan Pelopor dan Pelapor Forum Anak {kec}", "K1", 1)),
        (("Pertemuan Forum Anak Kota Balikpapan", "K1", 3),
         ("Pembekalan Forum Anak: mitigasi bencana dan pencegahan radikalisme", "K5", 1),
         ("Konsultasi anak untuk RAD KLA", "KL", 1)),
        "Pertemuan ", ("Forum Anak",)),
    "verifikasi": ActivityKind(
        0.07, 0.3, (4, 0.6, 0.6), (10, 0.35),
        (("DP3AKB", 0.6), ("Bappeda Litbang", 0.15), ("Dinas Kesehatan", 0.1), ("Disdikbud", 0.15)),
        (("Verifikasi data dukung kelurahan layak anak {kel}", "KL", 3), ("Verifikasi sekolah ramah anak di {kec}", "K4", 2),
         ("Verifikasi puskesmas ramah anak {kel}", "K3", 1)),
        (("Verifikasi data dukung evaluasi KLA", "KL", 3), ("Verifikasi profil anak kota", "KL", 1)),
        "Verifikasi: "),
    "standardisasi layanan": ActivityKind(
        0.04, 0.2, (3, 0.6, 0.75), (10, 0.35),
        (("DP3AKB", 0.7), ("Dinas Kesehatan", 0.15), ("Disdikbud", 0.15)),
        (("Standardisasi RBRA {kel}", "K4", 2), ("Standardisasi TARA {kel}", "K2", 1),
         ("Standardisasi pelayanan ramah anak puskesmas {kel}", "K3", 1)),
        (("Standardisasi layanan PUSPAGA", "K2", 1), ("Standardisasi layanan UPTD PPA", "K5", 1)),
        "Standardisasi: ",
        ("RBRA", "TARA", "Puskesmas Ramah Anak", "PUSPAGA", "Sekolah Ramah Anak", "Layanan UPTD PPA", "PISA")),
    "kunjungan lapangan": ActivityKind(
        0.12, 0.0, (8, 0.8, 0.4), (6, 0.4),
        (("DP3AKB", 0.5), ("Kelurahan", 0.2), ("Dinas Sosial", 0.1), ("UPTD PPA", 0.2)),
        (("Kunjungan lapangan ke Kelurahan {kel}", "KL", 3), ("Pemantauan ruang bermain anak di {kel}", "K4", 1),
         ("Penjangkauan anak rentan di Kelurahan {kel}", "K5", 1)),
        (),
        "Kunjungan lapangan: "),
    "lainnya": ActivityKind(
        0.08, 0.3, (40, 0.7, 0.1), (12, 0.5),
        (("DP3AKB", 0.3), ("Dispustakar", 0.2), ("DLH", 0.1), ("Dishub", 0.1), ("Disporapar", 0.1),
         ("Mitra CSR (APSAI)", 0.1), ("Komunitas mitra", 0.1)),
        (("Lomba mendongeng anak Kelurahan {kel}", "K4", 2), ("Kerja bakti ruang bermain anak {kel}", "K4", 1),
         ("Pemeriksaan kesehatan anak sekolah {kel}", "K3", 1), ("Layanan jemput bola akta kelahiran {kel}", "K1", 1)),
        (("Festival kreativitas anak", "K4", 1), ("Lomba anak dalam rangka Hari Anak Nasional", "K1", 1),
         ("Lomba kreativitas anak tingkat kota", "K4", 1)),
        "Kegiatan bersama "),
}
KINDS = tuple(ACTIVITY_KINDS[t] for t in ACTIVITY_TYPES)  # position = type code used below
TYPE_NAMES = np.array(ACTIVITY_TYPES, dtype=object)
SAMPLE_WEIGHTS = {t: k.weight for t, k in ACTIVITY_KINDS.items() if t != "rapat gugus tugas"}
LINK_SHARE = 0.6  # chance a local activity tries to link to an initiative (about 30% end up linked)
MONTH_FACTOR = np.array([0.7, 0.9, 1.0, 1.0, 1.3, 1.4, 1.6, 1.1, 1.0, 1.0, 1.1, 0.6])
WEEKDAY_FACTOR = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.2])
CHILDRENS_DAY_WORDS = "Hari Anak Nasional"


def generate_activities(
    n_rows: int,
    seed: int,
    regions: pd.DataFrame,
    initiatives: pd.DataFrame | None = None,
    start: str | pd.Timestamp = ACTIVITY_START,
    end: str | pd.Timestamp = ACTIVITY_END,
    type_weights: dict[str, float] | None = None,
) -> pd.DataFrame:
    """``n_rows`` activity records (vectorised; a million rows take seconds), ids KEG-000001...

    ``regions`` is a ``wilayah`` table (``anak_0_17`` weights kelurahan if present);
    ``initiatives`` an ``inisiatif`` table that local activities may link to.
    """
    rng = np.random.default_rng(seed)
    return number_activities(draw_activities(rng, n_rows, regions, initiatives, start, end, type_weights))


def draw_activities(
    rng: np.random.Generator,
    n: int,
    regions: pd.DataFrame,
    initiatives: pd.DataFrame | None,
    start: str | pd.Timestamp = ACTIVITY_START,
    end: str | pd.Timestamp = ACTIVITY_END,
    type_weights: dict[str, float] | None = None,
) -> dict[str, np.ndarray]:
    """Unnumbered, unsorted activity columns drawn with ``rng`` (plain arrays: fast at 1M rows)."""
    kelurahan = kelurahan_of(regions)
    source = type_weights if type_weights is not None else {t: k.weight for t, k in ACTIVITY_KINDS.items()}
    weights = np.array([source.get(t, 0.0) for t in ACTIVITY_TYPES], dtype=float)
    kind = rng.choice(len(ACTIVITY_TYPES), size=n, p=weights / weights.sum())
    place = _activity_places(rng, kind, kelurahan)
    judul, blok, childrens_day = _activity_titles(rng, kind, place, kelurahan)
    dates = _activity_dates(rng, n, pd.Timestamp(start), pd.Timestamp(end))
    dates = _move_to_childrens_day(rng, dates, childrens_day, pd.Timestamp(start), pd.Timestamp(end))
    organisers = _activity_organisers(rng, kind)
    organisers[(place < 0) & np.isin(organisers, ["Kelurahan", "Kecamatan"])] = "DP3AKB"
    children, adults = _participants(rng, kind)
    columns = {
        "tanggal": dates,
        "jenis": TYPE_NAMES[kind],
        "judul": judul,
        "kode_kelurahan": np.where(place >= 0, kelurahan["kode"].to_numpy(dtype=object)[np.maximum(place, 0)], None),
        "penyelenggara": organisers,
        "peserta_anak": children,
        "peserta_dewasa": adults,
        "blok": blok,
        "id_inisiatif": np.full(n, None, dtype=object),
    }
    if initiatives is not None and len(initiatives):
        _link_initiatives(rng, columns, kind, place, kelurahan, initiatives)
    return columns


def number_activities(columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """Sort by date (stable) and give ids KEG-000001.. in that order, columns in spec order."""
    order = np.argsort(columns["tanggal"], kind="stable")
    numbers = np.char.zfill(np.arange(1, len(order) + 1).astype(str), 6)
    table = {"id": np.char.add("KEG-", numbers).astype(object)}
    table.update({name: values[order] for name, values in columns.items()})
    return pd.DataFrame(table)[[c.name for c in FILES["kegiatan"].columns]]


def _activity_dates(rng: np.random.Generator, n: int, start: pd.Timestamp, end: pd.Timestamp) -> np.ndarray:
    """Working days favoured; peaks before the mid-year evaluation and around 23 July; quiet December."""
    days = pd.date_range(start, end, freq="D")
    weight = MONTH_FACTOR[days.month - 1] * WEEKDAY_FACTOR[days.day_of_week]
    weight *= 1 + 0.08 * (days.year - 2023).to_numpy().clip(0)
    weight *= np.where(days.year.isin([2023, 2025]) & days.month.isin([5, 6]), 1.3, 1.0)
    weight *= np.where((days.month == 7) & (abs(days.day - 23) <= 5), 1.6, 1.0)
    return days.to_numpy().astype("datetime64[ns]")[rng.choice(len(days), size=n, p=weight / weight.sum())]


def _move_to_childrens_day(
    rng: np.random.Generator, dates: np.ndarray, rows_mask: np.ndarray, start: pd.Timestamp, end: pd.Timestamp
) -> np.ndarray:
    """Activities named after Hari Anak Nasional take place in the days around 23 July of their year."""
    rows = np.flatnonzero(rows_mask)
    years = dates[rows].astype("datetime64[Y]")
    moved = years + np.timedelta64(203, "D") + rng.integers(-10, 4, len(rows)).astype("timedelta64[D]")  # 23 Jul
    moved = moved.astype("datetime64[ns]")
    inside = (moved >= start.to_datetime64()) & (moved <= end.to_datetime64())
    dates = dates.copy()
    dates[rows[inside]] = moved[inside]
    return dates


def _activity_places(rng: np.random.Generator, kind: np.ndarray, kelurahan: pd.DataFrame) -> np.ndarray:
    """Index of the kelurahan per row, -1 for city-level rows."""
    city_share = np.array([k.city_share for k in KINDS])
    if "anak_0_17" in kelurahan and kelurahan["anak_0_17"].notna().all():
        weights = kelurahan["anak_0_17"].astype(float).to_numpy()
    else:
        weights = np.ones(len(kelurahan))
    place = rng.choice(len(kelurahan), size=len(kind), p=weights / weights.sum())
    return np.where(rng.random(len(kind)) < city_share[kind], -1, place)


def _activity_titles(
    rng: np.random.Generator, kind: np.ndarray, place: np.ndarray, kelurahan: pd.DataFrame
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Title, blok and "is about Hari Anak Nasional" per row, from the type's templates."""
    judul = np.empty(len(kind), dtype=object)
    blok = np.empty(len(kind), dtype=object)
    childrens_day = np.zeros(len(kind), dtype=bool)
    kel_names = kelurahan["nama"].to_numpy(dtype=object)
    kec_names = kelurahan["nama_kecamatan"].to_numpy(dtype=object)
    u = rng.random(len(kind))
    for code, spec in enumerate(KINDS):
        for local, templates in ((True, spec.local_titles), (False, spec.city_titles)):
            rows = np.flatnonzero((kind == code) & ((place >= 0) == local))
            if not len(rows):
                continue
            templates = templates or spec.city_titles or spec.local_titles
            chosen_template = _pick(u[rows], [w for *_, w in templates])
            for t, (text, block, _) in enumerate(templates):
                chosen = rows[chosen_template == t]
                at = np.maximum(place[chosen], 0)
                judul[chosen] = _fill(text, kel_names[at], kec_names[at])
                blok[chosen] = block
                childrens_day[chosen] = CHILDRENS_DAY_WORDS in text
    return judul, blok, childrens_day


def _pick(u: np.ndarray, weights: list[float]) -> np.ndarray:
    """Index into ``weights`` for each uniform number in ``u``."""
    cumulative = np.cumsum(weights) / sum(weights)
    return np.minimum(np.searchsorted(cumulative, u, side="right"), len(weights) - 1)


def _fill(text: str, kel: np.ndarray, kec: np.ndarray) -> np.ndarray | str:
    """``text`` with {kel} / {kec} replaced element-wise (one placeholder per template)."""
    for key, names in (("{kel}", kel), ("{kec}", kec)):
        if key in text:
            before, after = text.split(key, 1)
            return before + names + after
    return text


def _activity_organisers(rng: np.random.Generator, kind: np.ndarray) -> np.ndarray:
    organiser = np.empty(len(kind), dtype=object)
    u = rng.random(len(kind))
    for code, spec in enumerate(KINDS):
        rows = np.flatnonzero(kind == code)
        names = np.array([name for name, _ in spec.organisers], dtype=object)
        organiser[rows] = names[_pick(u[rows], [w for _, w in spec.organisers])]
    return organiser


def _participants(rng: np.random.Generator, kind: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Children and adults per row: log-normal around the type's median, some rows without children."""
    child_median, child_sigma, no_child = (np.array(v)[kind] for v in zip(*(k.children for k in KINDS)))
    adult_median, adult_sigma = (np.array(v)[kind] for v in zip(*(k.adults for k in KINDS)))
    n = len(kind)
    children = np.round(np.maximum(child_median, 1) * np.exp(rng.normal(0, 1, n) * child_sigma))
    children = np.where((rng.random(n) < no_child) | (child_median == 0), 0, np.clip(children, 1, 600))
    adults = np.clip(np.round(adult_median * np.exp(rng.normal(0, 1, n) * adult_sigma)), 1, 400)
    return children.astype(np.int64), adults.astype(np.int64)


def _link_initiatives(
    rng: np.random.Generator,
    columns: dict[str, np.ndarray],
    kind: np.ndarray,
    place: np.ndarray,
    kelurahan: pd.DataFrame,
    initiatives: pd.DataFrame,
) -> None:
    """Link some local activities to a fitting initiative running in the same kelurahan on that date.

    Forum Anak gatherings prefer the kelurahan's Forum Anak. A linked row takes the initiative's
    blok and a title naming it.
    """
    ini = initiatives.sort_values(["kode_kelurahan", "id"], kind="stable").reset_index(drop=True)
    ini_codes = ini["kode_kelurahan"].to_numpy(dtype=str)
    codes = kelurahan["kode"].to_numpy(dtype=str)
    first = np.searchsorted(ini_codes, codes, side="left")
    count = np.searchsorted(ini_codes, codes, side="right") - first
    n = len(kind)
    at = np.maximum(place, 0)
    candidate = first[at] + np.floor(rng.random(n) * count[at]).astype(np.int64)
    forum = _forum_anak_index(ini, codes)[at]
    prefer_forum = (kind == ACTIVITY_TYPES.index("forum anak")) & (forum >= 0) & (rng.random(n) < 0.75)
    candidate = np.where(prefer_forum, forum, candidate)
    prefix = np.array([k.link_prefix for k in KINDS], dtype=object)
    wanted = (place >= 0) & (count[at] > 0) & (rng.random(n) < LINK_SHARE) & (prefix[kind] != "")
    candidate = np.where(wanted, np.minimum(candidate, len(ini) - 1), 0)
    linked = wanted & _running_on(ini, candidate, columns["tanggal"]) & _type_fits(ini, candidate, kind)
    chosen = candidate[linked]
    columns["id_inisiatif"][linked] = ini["id"].to_numpy(dtype=object)[chosen]
    columns["blok"][linked] = ini["blok"].to_numpy(dtype=object)[chosen]
    columns["judul"][linked] = prefix[kind[linked]] + ini["nama"].to_numpy(dtype=object)[chosen]


def _type_fits(ini: pd.DataFrame, rows: np.ndarray, kind: np.ndarray) -> np.ndarray:
    """Whether initiative ``rows[i]`` is of a type that activity type ``kind[i]`` may be linked to."""
    jenis = ini["jenis"].to_numpy(dtype=object)[rows]
    fits = np.ones(len(rows), dtype=bool)
    for code, spec in enumerate(KINDS):
        if spec.link_types:
            of_type = kind == code
            fits[of_type] = np.isin(jenis[of_type], spec.link_types)
    return fits


def _forum_anak_index(ini: pd.DataFrame, codes: np.ndarray) -> np.ndarray:
    """Per kelurahan, the row of its first Forum Anak initiative, or -1."""
    forum = ini[ini["jenis"] == "Forum Anak"].drop_duplicates("kode_kelurahan")
    rows = pd.Series(forum.index.to_numpy(), index=forum["kode_kelurahan"].to_numpy(dtype=str))
    return rows.reindex(codes).fillna(-1).astype(np.int64).to_numpy()


def _running_on(ini: pd.DataFrame, rows: np.ndarray, dates: np.ndarray) -> np.ndarray:
    """Whether initiative ``rows[i]`` had started, and not ended, on ``dates[i]``."""
    started = pd.to_datetime(ini["tanggal_mulai"]).to_numpy().astype("datetime64[ns]")[rows] <= dates
    ended = pd.to_datetime(ini["tanggal_selesai"]).to_numpy().astype("datetime64[ns]")[rows]
    not_ended = np.isnat(ended) | (ended >= dates)
    return started & not_ended & (ini["status"].to_numpy(dtype=object)[rows] != "rencana")


def make_kegiatan(rng: np.random.Generator, wilayah: pd.DataFrame, inisiatif: pd.DataFrame) -> pd.DataFrame:
    """About 3,000 records: monthly task-force meetings plus drawn activities, numbered by date."""
    meetings = task_force_meetings(rng)
    n = 3000 + int(rng.integers(-60, 61)) - len(meetings["tanggal"])
    drawn = draw_activities(rng, n, wilayah, inisiatif, type_weights=SAMPLE_WEIGHTS)
    return number_activities({name: np.concatenate([meetings[name], drawn[name]]) for name in drawn})


# Real meetings (research notes 3.3) that replace the drawn meeting of their month.
KNOWN_MEETINGS = {
    (2025, 5): ("2025-05-23", "Rapat Gugus Tugas KLA dan deklarasi komitmen bersama"),
    (2025, 11): ("2025-11-07", "Rapat Gugus Tugas KLA: Klaster IV pendidikan dan ruang kreatif"),
}


def task_force_meetings(rng: np.random.Generator) -> dict[str, np.ndarray]:
    """One city-wide Gugus Tugas meeting a month (two in the months before an evaluation).

    The last one falls in early November 2026, a few weeks before TODAY.
    """
    rows = []
    for month in pd.period_range(ACTIVITY_START, ACTIVITY_END, freq="M"):
        extra = month.year in (2023, 2025) and month.month in (4, 5, 6)
        for k in range(2 if extra else 1):
            rows.append(_meeting(rng, month, second=k == 1))
    n = len(rows)
    return {
        "tanggal": np.array([r["tanggal"].to_datetime64() for r in rows], dtype="datetime64[ns]"),
        "jenis": np.full(n, "rapat gugus tugas", dtype=object),
        "judul": np.array([r["judul"] for r in rows], dtype=object),
        "kode_kelurahan": np.full(n, None, dtype=object),
        "penyelenggara": np.full(n, "DP3AKB", dtype=object),
        "peserta_anak": np.array([r["peserta_anak"] for r in rows], dtype=np.int64),
        "peserta_dewasa": np.array([r["peserta_dewasa"] for r in rows], dtype=np.int64),
        "blok": np.full(n, "KL", dtype=object),
        "id_inisiatif": np.full(n, None, dtype=object),
    }


def _meeting(rng: np.random.Generator, month: pd.Period, second: bool) -> dict:
    known = KNOWN_MEETINGS.get((month.year, month.month))
    if known and not second:
        date, title = pd.Timestamp(known[0]), known[1]
    else:
        date, title = _meeting_day(rng, month, second), _meeting_title(month, second)
    children = int(rng.integers(2, 5)) if rng.random() < 0.4 else 0  # Forum Anak representatives
    return {"tanggal": date, "judul": title, "peserta_anak": children, "peserta_dewasa": int(rng.integers(22, 46))}


def _meeting_day(rng: np.random.Generator, month: pd.Period, second: bool) -> pd.Timestamp:
    """A working day: mid-month, late for a second meeting, early in the last month of the log."""
    if month == pd.Period(ACTIVITY_END, "M"):
        first, last = 2, 6
    elif second:
        first, last = 20, 27
    else:
        first, last = 6, 18
    date = pd.Timestamp(year=month.year, month=month.month, day=int(rng.integers(first, last + 1)))
    return date if date.weekday() < 5 else date + pd.offsets.BDay(1)


def _meeting_title(month: pd.Period, second: bool) -> str:
    evaluation_year = month.year in (2023, 2025)
    if evaluation_year and month.month in (4, 5, 6):
        return "Rapat Gugus Tugas KLA: persiapan verifikasi lapangan" if second else "Rapat Gugus Tugas KLA: pengisian data dukung evaluasi"
    if evaluation_year and month.month in (8, 9):
        return "Rapat Gugus Tugas KLA: tindak lanjut hasil evaluasi"
    if month.month in (1, 2):
        return "Rapat Gugus Tugas KLA: rencana kerja tahunan"
    return "Rapat koordinasi Gugus Tugas KLA"


# --- sumber ----------------------------------------------------------------------------------------

SAMPLE_LICENCE = "CC BY 4.0"
SOURCE_ROWS = {  # berkas: (periode, extra source text or None, licence)
    "indikator": ("24 indikator (Permen PPPA 12/2022)",
                  "nama dan blok indikator dari bahan KemenPPPA; max_poin ilustratif (bobot resmi tidak diumumkan)",
                  SAMPLE_LICENCE),
    "evaluasi_kota": ("2017-2025", "poin ilustratif yang totalnya sesuai kategori resmi tiap tahun", SAMPLE_LICENCE),
    "kategori_resmi": ("2012-2025", None, "Fakta publik; kutip sumber aslinya"),
    "skor_kelurahan": ("2022-2025", "penilaian kelurahan ilustratif (tidak ada skor kelurahan yang diterbitkan)",
                       SAMPLE_LICENCE),
    "inisiatif": ("2019-2027", "nama layanan nyata dari berita publik bercampur inisiatif rekaan; status dan tanggal ilustratif",
                  SAMPLE_LICENCE),
    "kegiatan": ("2023-01-01 s.d. 2026-11-15", "log kegiatan rekaan", SAMPLE_LICENCE),
    "peta_jalan": ("2027-2029", "target ilustratif", SAMPLE_LICENCE),
    "wilayah": ("Kepmendagri 2025; anak 0-17: 2021",
                "kode dan nama asli; anak_0_17 ILUSTRATIF: 223.233 anak (2021) dibagi menurut penduduk kecamatan "
                "(DKB Semester I 2024) lalu acak per kelurahan",
                "Kode dan nama: Kepmendagri 300.2.2-2430/2025 via cahyadsn/wilayah (MIT); anak_0_17: CC BY 4.0"),
}

# Who each file would come from: the short credit under every chart and export (kla/provenance.py).
# English only where it differs; an empty cell falls back to the Indonesian one.
PUBLISHERS = {  # berkas: (penerbit, penerbit_en)
    "indikator": ("KemenPPPA", ""),
    "evaluasi_kota": ("DP3AKB Kota Balikpapan", "DP3AKB, City of Balikpapan"),
    "kategori_resmi": ("KemenPPPA via pemberitaan", "KemenPPPA via press reports"),
    "skor_kelurahan": ("DP3AKB Kota Balikpapan", "DP3AKB, City of Balikpapan"),
    "inisiatif": ("DP3AKB Kota Balikpapan", "DP3AKB, City of Balikpapan"),
    "kegiatan": ("Gugus Tugas KLA Kota Balikpapan", "KLA task force, City of Balikpapan"),
    "peta_jalan": ("DP3AKB Kota Balikpapan", "DP3AKB, City of Balikpapan"),
    "wilayah": ("Kemendagri dan Dukcapil", "Kemendagri and Dukcapil"),
}


def make_sumber(seed: int) -> pd.DataFrame:
    """One row per data file: title, publisher, source, period, licence and whether it is sample data."""
    rows = []
    for name, (periode, note, licence) in SOURCE_ROWS.items():
        sample = name != "kategori_resmi"
        if sample:
            source = f"Data contoh (ilustratif), dibuat oleh `python -m kla sample` dengan seed {seed}; {note}"
        else:
            source = "Berita dan situs resmi; lihat kolom sumber"
        penerbit, penerbit_en = PUBLISHERS[name]
        rows.append({"berkas": name, "judul": FILES[name].title, "penerbit": penerbit, "penerbit_en": penerbit_en,
                     "sumber": source, "periode": periode,
                     "lisensi": licence, "contoh": "ya" if sample else "tidak"})
    return pd.DataFrame(rows)
