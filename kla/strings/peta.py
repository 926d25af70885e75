"""Interface texts: kelurahan maps (kla/mapdata.py, kla/maps.py, kla/tilemap.py, pages/peta.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "nav.peta": {"id": "Peta", "en": "Map"},
    "peta.metrik.total": {"id": "Skor total kelurahan", "en": "Kelurahan total score"},
    "peta.metrik.blok": {"id": "{blok} (% poin maks.)", "en": "{blok} (% of max. points)"},
    "peta.metrik.inisiatif": {"id": "Inisiatif aktif", "en": "Active initiatives"},
    "peta.metrik.kegiatan": {"id": "Kegiatan tercatat", "en": "Recorded activities"},
    "peta.metrik.peserta_per_1000": {"id": "Kehadiran anak per 1.000 anak",
                                     "en": "Child attendances per 1,000 children"},
    "peta.satuan.poin": {"id": "poin", "en": "points"},
    "peta.satuan.persen": {"id": "%", "en": "%"},
    "peta.satuan.inisiatif": {"id": "inisiatif", "en": "initiatives"},
    "peta.satuan.kegiatan": {"id": "kegiatan", "en": "activities"},
    "peta.satuan.per_1000": {"id": "per 1.000 anak", "en": "per 1,000 children"},
    "peta.tanpa_data": {"id": "tanpa data", "en": "no data"},
    "peta.tanpa_tahun": {"id": "Metrik '{metrik}' belum punya data tahun mana pun.",
                         "en": "Metric '{metrik}' has no data for any year."},
}
