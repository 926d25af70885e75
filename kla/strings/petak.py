"""Interface texts: the tile map "peta petak" (kla/tilemap.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "petak.nama": {"id": "Peta petak", "en": "Tile map"},
    "petak.judul": {"id": "{metrik}, {tahun}", "en": "{metrik}, {tahun}"},
    "petak.subjudul": {
        "id": "Satu segi enam = satu kelurahan, sama besar berapa pun luasnya; garis tebal = batas kecamatan",
        "en": "One hexagon = one kelurahan, all the same size whatever their area; thick lines = kecamatan borders",
    },
    "petak.kecamatan": {"id": "Kecamatan {nama}", "en": "Kecamatan {nama}"},
    "petak.peringkat_kota": {"id": "Peringkat {peringkat} dari {jumlah} kelurahan",
                             "en": "Rank {peringkat} of {jumlah} kelurahan"},
    "petak.peringkat_kecamatan": {"id": "Peringkat {peringkat} dari {jumlah} di {kecamatan}",
                                  "en": "Rank {peringkat} of {jumlah} in {kecamatan}"},
    "petak.tanpa_peringkat": {"id": "Tanpa peringkat (belum ada data)", "en": "Not ranked (no data)"},
    "petak.legenda": {"id": "{metrik} ({satuan})", "en": "{metrik} ({satuan})"},
    "petak.tidak_dikenal": {
        "id": "Kode kelurahan '{kode}' tidak ada di peta petak.",
        "en": "Kelurahan code '{kode}' is not on the tile map.",
    },
}
