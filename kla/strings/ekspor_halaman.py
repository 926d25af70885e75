"""Interface texts: the "Unduh" menu under every chart and the ekspor page (media kit as a ZIP)."""

STRINGS: dict[str, dict[str, str]] = {
    # the "Unduh" popover under every chart and map (kla/ui/unduh.py)
    "unduh.tombol": {"id": "Unduh", "en": "Download"},
    "unduh.tombol.bantuan": {"id": "Unduh grafik ini sebagai gambar (PNG, SVG, PDF) atau datanya (CSV, Excel)",
                             "en": "Download this chart as an image (PNG, SVG, PDF) or its data (CSV, Excel)"},
    "unduh.ukuran": {"id": "Ukuran gambar", "en": "Image size"},
    "unduh.piksel": {"id": "PNG {lebar} × {tinggi} piksel; SVG dan PDF vektor. Gambar dibuat saat tombol diklik.",
                     "en": "PNG {lebar} × {tinggi} pixels; SVG and PDF are vector. Images are made when clicked."},
    "unduh.gambar": {"id": "Gambar", "en": "Image"},
    "unduh.data": {"id": "Data", "en": "Data"},
    "unduh.format.png": {"id": "PNG", "en": "PNG"},
    "unduh.format.svg": {"id": "SVG", "en": "SVG"},
    "unduh.format.pdf": {"id": "PDF", "en": "PDF"},
    "unduh.format.csv": {"id": "CSV", "en": "CSV"},
    "unduh.format.xlsx": {"id": "Excel", "en": "Excel"},
    "unduh.format.csv_id": {"id": "CSV Excel (;)", "en": "CSV Excel (;)"},
    "unduh.bantuan.csv_id": {
        "id": "CSV yang langsung terbuka rapi di Excel berbahasa Indonesia: titik koma antarkolom, koma desimal",
        "en": "CSV that opens straight into columns in Excel set to Indonesian: semicolons, decimal comma",
    },
    "unduh.bantuan.png": {"id": "Gambar tajam untuk media sosial, berita daring dan presentasi",
                          "en": "Sharp image for social media, news websites and slides"},
    "unduh.bantuan.svg": {"id": "Gambar vektor untuk desainer (dapat diubah di Inkscape/Illustrator)",
                          "en": "Vector image for designers (editable in Inkscape/Illustrator)"},
    "unduh.bantuan.pdf": {"id": "Gambar vektor untuk dicetak", "en": "Vector image for print"},
    "unduh.bantuan.csv": {"id": "Data grafik ini sebagai teks (UTF-8), dengan judul, sumber dan periode di atasnya",
                          "en": "This chart's data as text (UTF-8), with title, source and period above it"},
    "unduh.bantuan.xlsx": {"id": "Data grafik ini untuk Excel (XLSX), dengan lembar Keterangan",
                           "en": "This chart's data for Excel (XLSX), with a Keterangan (notes) sheet"},
    "unduh.gagal": {"id": "Gambar tidak dapat dibuat: {pesan}", "en": "Images cannot be made: {pesan}"},
    # heavy files (media kit, meeting brief): per-visitor limit and a full queue (kla/ui/unduh.py)
    "unduh.batas": {
        "id": "Anda sudah meminta berkas ini {n} kali dalam {menit} menit terakhir. Agar server tetap lancar "
              "untuk semua pengunjung, permintaan berikutnya dapat dibuat lagi dalam {detik} detik. "
              "Terima kasih atas pengertiannya.",
        "en": "You have asked for this file {n} times in the last {menit} minutes. To keep the server quick "
              "for every visitor, the next request can be made in {detik} seconds. Thank you for your patience.",
    },
    "unduh.sibuk": {
        "id": "Server sedang membuat banyak berkas untuk pengunjung lain. Mohon coba lagi dalam sekitar satu menit.",
        "en": "The server is busy making files for other visitors. Please try again in about a minute.",
    },
    # the ekspor page (pages/ekspor.py)
    "nav.ekspor": {"id": "Ekspor paket media", "en": "Media kit export"},
    "ekspor.halaman.judul": {"id": "Ekspor paket media", "en": "Export a media kit"},
    "ekspor.halaman.pengantar": {
        "id": "Grafik dan peta siap terbit dalam satu ZIP: gambar dalam ukuran media sosial dan cetak, datanya "
              "sebagai CSV dan Excel, dan README.txt berisi sumber, tanggal ekspor dan lisensi. Setiap grafik "
              "juga dapat diunduh satu per satu lewat tombol **Unduh** di bawahnya.",
        "en": "Publication-ready charts and maps in one ZIP: images in social-media and print sizes, their data "
              "as CSV and Excel, and a README.txt with sources, export date and licences. Every chart can also "
              "be downloaded on its own with the **Download** button under it.",
    },
    "ekspor.halaman.grafik": {"id": "Grafik dan peta", "en": "Charts and maps"},
    "ekspor.halaman.ukuran": {"id": "Ukuran gambar", "en": "Image sizes"},
    "ekspor.halaman.format": {"id": "Format berkas", "en": "File formats"},
    "ekspor.halaman.format.png": {"id": "PNG (gambar)", "en": "PNG (image)"},
    "ekspor.halaman.format.svg": {"id": "SVG (gambar vektor)", "en": "SVG (vector image)"},
    "ekspor.halaman.format.pdf": {"id": "PDF (cetak)", "en": "PDF (print)"},
    "ekspor.halaman.format.csv": {"id": "CSV (data)", "en": "CSV (data)"},
    "ekspor.halaman.format.xlsx": {"id": "XLSX (data Excel)", "en": "XLSX (Excel data)"},
    "ekspor.halaman.format.csv_id": {"id": "CSV untuk Excel Indonesia (;)", "en": "CSV for Indonesian Excel (;)"},
    "ekspor.halaman.tahun": {"id": "Tahun", "en": "Year"},
    "ekspor.halaman.tahun.bantuan": {
        "id": "Untuk grafik satu tahun dan peta. Grafik tren selalu memuat semua tahun.",
        "en": "For one-year charts and the maps. Trend charts always show every year.",
    },
    "ekspor.halaman.tahun.terbaru": {"id": "Terbaru", "en": "Latest"},
    "ekspor.halaman.metrik": {"id": "Ukuran pada peta", "en": "Measure on the maps"},
    "ekspor.halaman.nama": {"id": "Nama kelurahan pada peta kelurahan", "en": "Kelurahan names on the kelurahan map"},
    "ekspor.halaman.buat": {"id": "Buat ZIP", "en": "Build ZIP"},
    "ekspor.halaman.tanpa_batas": {
        "id": "Peta kelurahan dengan batas wilayah belum tersedia, jadi tidak ada dalam daftar. "
              "Peta petak (satu segi enam per kelurahan) tetap tersedia.",
        "en": "The kelurahan map with boundaries is not available yet, so it is not listed. "
              "The tile map (one hexagon per kelurahan) is still available.",
    },
    "ekspor.halaman.batas_rusak": {
        "id": "Peta kelurahan tidak dapat dibuat, batas terpasang tidak dapat dibaca: {pesan}",
        "en": "The kelurahan map cannot be made, the installed boundaries cannot be read: {pesan}",
    },
    "ekspor.halaman.kosong": {
        "id": "Pilih sedikitnya satu grafik dan satu format (dan satu ukuran untuk format gambar).",
        "en": "Choose at least one chart and one format (and one size for the image formats).",
    },
    "ekspor.halaman.progres.grafik": {"id": "Menyiapkan grafik {i} dari {n}: {nama}",
                                      "en": "Preparing chart {i} of {n}: {nama}"},
    "ekspor.halaman.progres.berkas": {"id": "Berkas {i} dari {n}: {berkas}", "en": "File {i} of {n}: {berkas}"},
    "ekspor.halaman.progres.zip": {"id": "Menyusun ZIP…", "en": "Packing the ZIP…"},
    "ekspor.halaman.progres.selesai": {"id": "Selesai: {n} berkas", "en": "Done: {n} files"},
    "ekspor.halaman.dilewati": {"id": "**{nama}** dilewati: {pesan}", "en": "**{nama}** left out: {pesan}"},
    "ekspor.halaman.gagal": {"id": "ZIP tidak dapat dibuat: {pesan}", "en": "The ZIP cannot be made: {pesan}"},
    "ekspor.halaman.unduh": {"id": "Unduh ZIP", "en": "Download ZIP"},
    "ekspor.halaman.ringkasan": {
        "id": "**{berkas} berkas** dari {grafik} grafik, {ukuran}, dibuat {waktu}.",
        "en": "**{berkas} files** from {grafik} charts, {ukuran}, built {waktu}.",
    },
    "ekspor.halaman.contoh": {
        "id": "Paket ini memakai **data contoh**: setiap gambar dari data contoh bertanda DATA CONTOH dan "
              "README.txt menyebutkannya. Jangan diterbitkan sebagai angka resmi.",
        "en": "This kit uses **sample data**: every image made from sample data is marked SAMPLE DATA and "
              "README.txt says so. Do not publish it as official figures.",
    },
    "ekspor.halaman.isi": {"id": "Isi ZIP", "en": "ZIP contents"},
    "ekspor.halaman.isi.berkas": {"id": "{n} berkas", "en": "{n} files"},
    "ekspor.halaman.kb": {"id": "{n} kB", "en": "{n} kB"},
    "ekspor.halaman.mb": {"id": "{n} MB", "en": "{n} MB"},
}
