"""Texts of the data and the documents: English names of the files' controlled values (kla/names.py).

Keys are ``data.<vocabulary>.<value as written in the data>``; the vocabularies are those of
:mod:`kla.schema` (activity and initiative types, partner types, initiative statuses). The
Indonesian text is the value itself, so a table shown in Indonesian reads exactly as the file.
"""

from __future__ import annotations

_ACTIVITY_TYPES = {
    "rapat gugus tugas": "task force meeting",
    "pelatihan pendamping": "training for facilitators",
    "pelatihan relawan": "volunteer training",
    "sosialisasi KIE": "awareness session",
    "forum anak": "children's forum",
    "verifikasi": "verification",
    "standardisasi layanan": "service standards",
    "kunjungan lapangan": "field visit",
    "lainnya": "other",
}
_INITIATIVE_TYPES = {
    "Forum Anak": "Children's Forum",
    "PUSPAGA": "Family learning centre (PUSPAGA)",
    "PISA": "Children's information corner (PISA)",
    "RBRA": "Child-friendly playground (RBRA)",
    "TARA": "Child-friendly daycare (TARA)",
    "Rumah Ibadah Ramah Anak": "Child-friendly place of worship",
    "Puskesmas Ramah Anak": "Child-friendly health centre",
    "Sekolah Ramah Anak": "Child-friendly school",
    "PATBM": "Community child protection (PATBM)",
    "Kampung Layak Anak": "Child-friendly neighbourhood",
    "Taman Baca Komunitas": "Community reading corner",
    "Gerakan Orang Tua Peduli Sekolah": "Parents for schools movement",
    "Pusat Kreativitas Anak": "Children's creativity centre",
    "Kawasan Tanpa Rokok": "Smoke-free area",
    "Layanan UPTD PPA": "Child protection service (UPTD PPA)",
    "Lainnya": "Other",
}
_PARTNER_TYPES = {
    "pemerintah": "government",
    "komunitas": "community",
    "sekolah": "school",
    "dunia usaha/CSR": "business/CSR",
    "forum anak": "children's forum",
    "media": "media",
    "tempat ibadah": "place of worship",
}
_STATUSES = {"rencana": "planned", "berjalan": "running", "selesai": "completed", "terhenti": "stopped"}

VOCABULARIES: dict[str, dict[str, str]] = {
    "jenis_kegiatan": _ACTIVITY_TYPES,
    "jenis_inisiatif": _INITIATIVE_TYPES,
    "jenis_mitra": _PARTNER_TYPES,
    "status": _STATUSES,
}

# The data files' titles in English (the Indonesian ones are kla.schema's FileSpec.title): the
# English ``judul_en`` of sumber.csv, and the title of a file sumber.csv does not list.
FILE_TITLES: dict[str, str] = {
    "indikator": "KLA indicator catalogue",
    "evaluasi_kota": "City KLA evaluation points per indicator",
    "kategori_resmi": "Balikpapan's announced KLA categories",
    "skor_kelurahan": "Child-friendly kelurahan assessment per block",
    "inisiatif": "Community initiatives and services",
    "kegiatan": "Activity log",
    "peta_jalan": "Roadmap towards Paripurna",
    "wilayah": "Kecamatan and kelurahan",
    "sumber": "Sources and licences of each file",
}

STRINGS: dict[str, dict[str, str]] = {
    "data.dan": {"id": " dan ", "en": " and "},  # between two reported scores
    "data.lembar.keterangan": {"id": "Keterangan", "en": "About"},  # the XLSX sheet of title, source, period
    "data.kolom.blok": {"id": "Blok", "en": "Block"},  # Kelembagaan or Klaster I-V
    **{f"data.{vocabulary}.{value}": {"id": value, "en": english}
    for vocabulary, names in VOCABULARIES.items()
    for value, english in names.items()},
}
