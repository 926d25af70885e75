"""The kinds of INVENTED community initiatives: how many, their block, names, texts and partners.

Templates may use {kel} (kelurahan), {kec} (kecamatan), {w} (a word, not repeated within a kind),
{n} (an RT number) and {school} (a school name). Everything here is illustrative.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    """How many invented initiatives of one ``jenis`` there are, in which block, and how they look."""

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
        Variant("RBRA Taman {w} {kel}",
                "Penataan taman lingkungan dengan lima jenis permainan anak sesuai standar RBRA",
                (("pemerintah", "DP3AKB"), ("pemerintah", "Kelurahan {kel}"))),
        Variant("Ruang Bermain Ramah Anak RT {n} {kel}",
                "Lahan fasilitas umum perumahan yang disiapkan menjadi ruang bermain ramah anak",
                (APSAI, ("komunitas", "LPM {kel}"))),
    ), words=("Ceria", "Pelangi", "Harmoni", "Bahagia", "Sehati", "Bermain", "Lestari", "Merah Putih", "Kenari",
              "Melati"),
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
        Variant("Kawasan Tanpa Rokok RT {n} {kel}",
                "Kesepakatan warga RT tentang lingkungan bebas asap rokok dengan papan larangan merokok",
                (("komunitas", "Kader kesehatan {kel}"),)),
        Variant("KTR Lingkungan Sekolah {kec}", "Pengawasan larangan merokok dan iklan rokok di sekitar sekolah",
                (("sekolah", "Sekolah se-{kec}"), ("pemerintah", "Dinas Kesehatan"))),
        Variant("KTR Taman dan Ruang Publik {kel}",
                "Penghidupan kembali Kawasan Sehat Tanpa Rokok di ruang publik tempat anak bermain",
                (("pemerintah", "Dinas Kesehatan"),)),
    ), planned_share=0.35),
    InitiativeKind("Layanan UPTD PPA", 3, "K5", (
        Variant("Pos Pengaduan Kekerasan Anak {kel}",
                "Pos pengaduan di kantor kelurahan yang merujuk kasus ke UPTD PPA",
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
        Variant("Pojok PISA Kelurahan {kel}",
                "Pojok informasi sahabat anak dengan bacaan layak anak di kantor kelurahan",
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

