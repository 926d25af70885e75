"""The activity types of the log: share, where they happen, who comes and organises, their titles.

Everything here is illustrative; the types themselves are those of :data:`kla.schema.ACTIVITY_TYPES`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kla.schema import ACTIVITY_TYPES


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
         ("Rapat Gugus Tugas KLA: penyusunan RAD KLA", "KL", 1),
         ("Rapat Gugus Tugas KLA: pembahasan profil anak", "KL", 1))),
    "pelatihan pendamping": ActivityKind(
        0.07, 0.55, (0, 0.5, 0.9), (25, 0.35),
        (("DP3AKB", 0.5), ("UPTD PPA", 0.2), ("Dinas Sosial", 0.1), ("Dinas Kesehatan", 0.1), ("Disdikbud", 0.1)),
        (("Pelatihan pendamping Forum Anak Kelurahan {kel}", "K1", 2),
         ("Pelatihan konselor sebaya Kecamatan {kec}", "K5", 1),
         ("Pelatihan kader PAUD-HI Kelurahan {kel}", "K2", 1)),
        (("Pelatihan pendamping korban kekerasan anak", "K5", 2),
         ("Pelatihan Konvensi Hak Anak bagi pendamping", "KL", 2),
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
        ("PATBM", "Taman Baca Komunitas", "Kampung Layak Anak", "Kawasan Tanpa Rokok",
         "Gerakan Orang Tua Peduli Sekolah")),
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
        (("Dialog radio: Balikpapan menuju KLA Paripurna", "KL", 2),
         ("Kampanye Hari Anak Nasional di sekolah", "K1", 1),
         ("Sosialisasi Perda Kota Layak Anak", "KL", 1), ("Kampanye anti perundungan di media sosial", "K5", 1)),
        "Sosialisasi bersama "),
    "forum anak": ActivityKind(
        0.2, 0.1, (35, 0.45, 0.0), (4, 0.5),
        (("Forum Anak", 0.6), ("DP3AKB", 0.3), ("Kecamatan", 0.1)),
        (("Kumpul Bareng Forum Anak Kecamatan {kec}", "K1", 3), ("Pertemuan rutin Forum Anak Kelurahan {kel}", "K1", 4),
         ("Forum Anak {kel}: diskusi isu perundungan", "K5", 1),
         ("Forum Anak {kel} dalam Musrenbang kelurahan", "K1", 1),
         ("Pelatihan Pelopor dan Pelapor Forum Anak {kec}", "K1", 1)),
        (("Pertemuan Forum Anak Kota Balikpapan", "K1", 3),
         ("Pembekalan Forum Anak: mitigasi bencana dan pencegahan radikalisme", "K5", 1),
         ("Konsultasi anak untuk RAD KLA", "KL", 1)),
        "Pertemuan ", ("Forum Anak",)),
    "verifikasi": ActivityKind(
        0.07, 0.3, (4, 0.6, 0.6), (10, 0.35),
        (("DP3AKB", 0.6), ("Bappeda Litbang", 0.15), ("Dinas Kesehatan", 0.1), ("Disdikbud", 0.15)),
        (("Verifikasi data dukung kelurahan layak anak {kel}", "KL", 3),
         ("Verifikasi sekolah ramah anak di {kec}", "K4", 2),
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
