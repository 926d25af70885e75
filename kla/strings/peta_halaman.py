"""Interface texts: the map page (pages/peta.py) and the folium maps' tooltips, legend and popups (kla/maps.py)."""

STRINGS: dict[str, dict[str, str]] = {
    # --- the page ---------------------------------------------------------------------------------
    "peta.halaman.judul": {"id": "Peta kelurahan", "en": "Kelurahan map"},
    "peta.halaman.tampilan": {"id": "Tampilan", "en": "View"},
    "peta.halaman.tampilan.wilayah": {"id": "Peta wilayah", "en": "Area map"},
    "peta.halaman.tampilan.petak": {"id": "Peta petak", "en": "Tile map"},
    "peta.halaman.tampilan.tanpa_batas": {
        "id": "Tautan meminta tampilan {nilai}, tetapi peta wilayah belum tersedia; ditampilkan {pakai}.",
        "en": "The link asks for the {nilai} view, but the area map is not available yet; showing the {pakai}."},
    "peta.halaman.tampilan.bantuan": {
        "id": "Peta wilayah: batas kelurahan yang sebenarnya. Peta petak: satu segi enam per kelurahan, "
              "sama besar, sehingga kelurahan kecil di pusat kota tetap terlihat.",
        "en": "Area map: the real kelurahan boundaries. Tile map: one equal hexagon per kelurahan, so the "
              "small kelurahan in the city centre stay visible.",
    },
    "peta.halaman.metrik": {"id": "Yang dipetakan", "en": "Measure"},
    "peta.halaman.cari": {"id": "Cari kelurahan", "en": "Find a kelurahan"},
    "peta.halaman.cari.semua": {"id": "Seluruh kota", "en": "Whole city"},
    "peta.halaman.inisiatif": {"id": "Tampilkan inisiatif", "en": "Show initiatives"},
    "peta.halaman.inisiatif.bantuan": {
        "id": "Lingkaran oranye: inisiatif masyarakat. Inisiatif tanpa koordinat digambar di satu titik di "
              "dalam kelurahannya (lokasi perkiraan).",
        "en": "Orange circles: community initiatives. Initiatives without coordinates are drawn at one point "
              "inside their kelurahan (approximate location).",
    },
    "peta.halaman.peta_dasar": {"id": "Peta dasar OpenStreetMap", "en": "OpenStreetMap base map"},
    "peta.halaman.peta_dasar.bantuan": {
        "id": "Memerlukan internet: gambar peta dasar diambil dari openstreetmap.org. Tanpa internet "
              "kelurahan tetap tergambar, hanya tanpa jalan dan sungai.",
        "en": "Needs the internet: the base map images come from openstreetmap.org. Offline the kelurahan "
              "are still drawn, only without streets and rivers.",
    },
    "peta.halaman.petunjuk.wilayah": {
        "id": "Arahkan kursor (atau sentuh) sebuah kelurahan untuk melihat nilainya; klik untuk membuka profilnya.",
        "en": "Hover over (or touch) a kelurahan to see its value; click to open its profile.",
    },
    "peta.halaman.petunjuk.petak": {
        "id": "Klik sebuah petak untuk membuka profil kelurahannya.",
        "en": "Click a tile to open its kelurahan profile.",
    },
    "peta.halaman.lihat_profil": {"id": "Lihat profil {nama}", "en": "View the profile of {nama}"},
    "peta.halaman.lihat_profil.semua": {"id": "Lihat profil kelurahan", "en": "View kelurahan profiles"},
    "peta.halaman.batas_rusak": {
        "id": "Batas kelurahan terpasang tidak dapat dibaca: {pesan} Sementara ini ditampilkan peta petak.",
        "en": "The installed kelurahan boundaries cannot be read: {pesan} The tile map is shown meanwhile.",
    },
    "peta.halaman.tabel": {"id": "Tabel nilai per kelurahan", "en": "Table of values per kelurahan"},
    "peta.halaman.kolom.nilai": {"id": "Nilai", "en": "Value"},
    "peta.halaman.kelas": {"id": "Kelas", "en": "Class"},
    "peta.halaman.kolom.peringkat": {"id": "Peringkat di kota", "en": "Rank in the city"},
    "peta.halaman.kolom.peringkat_kecamatan": {"id": "Peringkat di kecamatan", "en": "Rank in the kecamatan"},
    # --- inside the folium map: tooltip, legend, initiative popups ------------------------------
    "peta.halaman.peringkat_kota": {"id": "Peringkat di kota", "en": "Rank in the city"},
    "peta.halaman.peringkat_kecamatan": {"id": "Peringkat di kecamatan", "en": "Rank in the kecamatan"},
    "peta.halaman.peringkat": {"id": "{n} dari {dari}", "en": "{n} of {dari}"},
    "peta.halaman.tanpa_peringkat": {"id": "–", "en": "–"},
    "peta.halaman.legenda.judul": {"id": "{metrik}, {tahun}", "en": "{metrik}, {tahun}"},
    "peta.halaman.legenda.satuan": {"id": "Satuan: {satuan}", "en": "Unit: {satuan}"},
    "peta.halaman.legenda.inisiatif": {"id": "Inisiatif", "en": "Initiatives"},
    "peta.halaman.inisiatif.judul": {"id": "{n} inisiatif di {nama}", "en": "{n} initiatives in {nama}"},
    "peta.halaman.inisiatif.perkiraan": {
        "id": "Titik ini lokasi perkiraan: koordinat inisiatif tidak tercatat.",
        "en": "This point is an approximate location: the initiatives' coordinates are not recorded.",
    },
    "peta.halaman.inisiatif.mitra": {"id": "Mitra", "en": "Partner"},
    # issue 15 item 6: the map on a phone
    "peta.halaman.legenda.inisiatif_perbesar": {"id": "Perbesar peta untuk kelurahan kecil",
                                                "en": "Zoom in for small kelurahan"},
    "peta.halaman.popup.profil": {"id": "Lihat profil ›", "en": "View profile ›"},
    "peta.halaman.pilihan": {"id": "Pilihan peta: ukuran, tahun, cari, lapisan",
                             "en": "Map options: measure, year, search, layers"},
    "peta.halaman.peringkat_daftar": {"id": "Peringkat {n} kelurahan: {metrik}, {tahun}",
                                      "en": "Ranking of the {n} kelurahan: {metrik}, {tahun}"},
    "peta.halaman.kolom.kelas": {"id": "Kelas (warna peta)", "en": "Class (map colour)"},
    "peta.halaman.terpilih": {"id": "**{nama}** ({kecamatan}): {nilai}; peringkat di kota {peringkat}.",
                              "en": "**{nama}** ({kecamatan}): {nilai}; rank in the city {peringkat}."},
}
