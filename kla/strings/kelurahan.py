"""Interface texts: the kelurahan profile page (pages/kelurahan.py, kla/profile.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "nav.kelurahan": {"id": "Profil kelurahan", "en": "Kelurahan profile"},
    "profil.pilih": {"id": "Kelurahan", "en": "Kelurahan"},
    "profil.judul": {"id": "Kelurahan {nama}", "en": "Kelurahan {nama}"},
    "profil.subjudul": {"id": "Kecamatan {kecamatan} · kode Kemendagri {kode}",
                        "en": "Kecamatan {kecamatan} · Kemendagri code {kode}"},
    "profil.tanpa_skor": {"id": "Kelurahan ini belum pernah dinilai.",
                          "en": "This kelurahan has not been assessed yet."},
    "profil.skor": {"id": "Skor kelurahan {tahun}", "en": "Kelurahan score {tahun}"},
    "profil.peringkat_kota": {"id": "Peringkat di kota", "en": "Rank in the city"},
    "profil.peringkat_kecamatan": {"id": "Peringkat di kecamatan", "en": "Rank in the kecamatan"},
    "profil.rata_kota": {"id": "Rata-rata kelurahan se-kota", "en": "Mean of all kelurahan"},
    "profil.blok.judul": {"id": "Capaian per blok: {nama}, {tahun}", "en": "Attainment per block: {nama}, {tahun}"},
    "profil.blok.subjudul": {
        "id": "Persen dari poin maksimum; garis tegak = rata-rata semua kelurahan",
        "en": "Percent of maximum points; vertical tick = mean of all kelurahan",
    },
    "profil.lokasi": {"id": "Lokasi", "en": "Location"},
    "profil.inisiatif": {"id": "Inisiatif di kelurahan ini", "en": "Initiatives in this kelurahan"},
    "profil.inisiatif.kosong": {"id": "Belum ada inisiatif tercatat.", "en": "No initiatives recorded yet."},
    "profil.kegiatan": {"id": "Kegiatan terbaru", "en": "Latest activities"},
    "profil.kegiatan.kosong": {"id": "Belum ada kegiatan tercatat.", "en": "No activities recorded yet."},
}
