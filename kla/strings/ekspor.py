"""Interface texts: ekspor, the press kit of charts and maps (kla/export.py)."""

STRINGS: dict[str, dict[str, str]] = {
    # chart names (kla/catalog.py): the ekspor page and "python -m kla export --list"
    "katalog.tren_total": {"id": "Skor kota per tahun (tren total)", "en": "City score per year (total trend)"},
    "katalog.capaian_blok": {"id": "Capaian per klaster, satu tahun", "en": "Attainment per cluster, one year"},
    "katalog.tren_blok": {"id": "Capaian per klaster per tahun", "en": "Attainment per cluster per year"},
    "katalog.tren_indikator": {"id": "Indikator klaster terlemah per tahun",
                               "en": "Weakest cluster's indicators per year"},
    "katalog.kekurangan_indikator": {"id": "Indikator dengan kekurangan poin terbesar",
                                     "en": "Indicators with the largest shortfall"},
    "katalog.banding_kelurahan": {"id": "Kelurahan terendah dan tertinggi dibandingkan",
                                  "en": "Lowest and highest kelurahan compared"},
    "katalog.inisiatif_jenis": {"id": "Inisiatif menurut jenis", "en": "Initiatives by type"},
    "katalog.inisiatif_jenis_mitra": {"id": "Inisiatif menurut jenis mitra", "en": "Initiatives by partner type"},
    "katalog.inisiatif_kecamatan": {"id": "Inisiatif menurut kecamatan", "en": "Initiatives by kecamatan"},
    "katalog.kegiatan_bulanan": {"id": "Kegiatan per bulan (12 bulan terakhir)",
                                 "en": "Activities per month (last 12 months)"},
    "katalog.peserta_bulanan": {"id": "Peserta per bulan (12 bulan terakhir)",
                                "en": "Participants per month (last 12 months)"},
    "katalog.peta_petak": {"id": "Peta petak (satu segi enam per kelurahan)",
                           "en": "Tile map (one hexagon per kelurahan)"},
    "katalog.peta_kelurahan": {"id": "Peta kelurahan (batas wilayah)", "en": "Kelurahan map (boundaries)"},
    # sizes
    "ekspor.preset.lanskap": {"id": "Lanskap 16:9 (berita daring, presentasi)",
                              "en": "Landscape 16:9 (news websites, slides)"},
    "ekspor.preset.persegi": {"id": "Persegi 1:1 (unggahan Instagram/Facebook)",
                              "en": "Square 1:1 (Instagram/Facebook post)"},
    "ekspor.preset.potret": {"id": "Potret 4:5 (unggahan Instagram)", "en": "Portrait 4:5 (Instagram post)"},
    "ekspor.preset.cerita": {"id": "Cerita 9:16 (story Instagram/WhatsApp)",
                             "en": "Story 9:16 (Instagram/WhatsApp story)"},
    "ekspor.preset.a4": {"id": "A4 tegak (cetak, 96 dpi)", "en": "A4 portrait (print, 96 dpi)"},
    # on the image
    "ekspor.diekspor": {"id": "Diekspor {tanggal}", "en": "Exported {tanggal}"},
    "ekspor.tanda_air": {"id": "DATA CONTOH", "en": "SAMPLE DATA"},
    # header block of the CSV and the "Keterangan" sheet of the XLSX
    "ekspor.kunci.judul": {"id": "Judul", "en": "Title"},
    "ekspor.kunci.subjudul": {"id": "Subjudul", "en": "Subtitle"},
    "ekspor.kunci.sumber": {"id": "Sumber", "en": "Source"},
    "ekspor.kunci.periode": {"id": "Periode", "en": "Period"},
    "ekspor.kunci.diekspor": {"id": "Diekspor", "en": "Exported"},
    "ekspor.kunci.contoh": {"id": "Data contoh", "en": "Sample data"},
    "ekspor.kunci.angka": {"id": "Format angka", "en": "Number format"},
    "ekspor.kunci.dasbor": {"id": "Dasbor", "en": "Dashboard"},
    "ekspor.contoh.ya": {
        "id": "YA - DATA CONTOH buatan, bukan data resmi; jangan dipublikasikan sebagai angka resmi",
        "en": "YES - made-up SAMPLE DATA, not official figures; do not publish them as official",
    },
    "ekspor.angka.csv": {
        "id": "titik sebagai pemisah desimal (1234.5), tanpa pemisah ribuan; tabel dimulai setelah baris kosong",
        "en": "point as decimal mark (1234.5), no thousands separator; the table starts after the empty row",
    },
    "ekspor.angka.csv_id": {
        "id": "koma sebagai pemisah desimal (1234,5), titik koma antarkolom, tanpa pemisah ribuan; dibulatkan "
              "seperti pada grafik; tabel dimulai setelah baris kosong",
        "en": "comma as decimal mark (1234,5), semicolons between columns, no thousands separator; rounded as "
              "in the chart; the table starts after the empty row",
    },
    "ekspor.contoh.lembar": {
        "id": "DATA CONTOH — bukan data resmi; jangan dipublikasikan sebagai angka resmi",
        "en": "SAMPLE DATA — not official figures; do not publish them as official",
    },
    "ekspor.angka.xlsx": {
        "id": "angka disimpan sebagai angka; lembar Data berisi persis angka yang digambar",
        "en": "numbers are stored as numbers; the Data sheet holds exactly the numbers drawn",
    },
    # README.txt of the ZIP
    "ekspor.readme.judul": {"id": "PAKET MEDIA KLA BALIKPAPAN", "en": "KLA BALIKPAPAN PRESS KIT"},
    "ekspor.readme.pengantar": {
        "id": "Grafik dan peta dari Dasbor Kota Layak Anak Balikpapan, siap untuk siaran pers dan media "
              "sosial. Setiap gambar memuat judul, sumber, periode dan tanggal ekspor; berkas CSV/XLSX "
              "memuat persis angka yang digambar.",
        "en": "Charts and maps from the Balikpapan Child-Friendly City dashboard, ready for press releases "
              "and social media. Every image carries its title, source, period and export date; the CSV/XLSX "
              "files hold exactly the numbers drawn.",
    },
    "ekspor.readme.diekspor": {"id": "Diekspor: {tanggal}", "en": "Exported: {tanggal}"},
    "ekspor.readme.contoh": {
        "id": "PERHATIAN: DATA CONTOH. Angka dalam paket ini buatan (untuk uji coba), bukan data resmi. "
              "Jangan dipublikasikan. Setiap gambar diberi tanda \"DATA CONTOH\".",
        "en": "WARNING: SAMPLE DATA. The numbers in this kit are made up (for testing), not official "
              "figures. Do not publish them. Every image is marked \"SAMPLE DATA\".",
    },
    "ekspor.readme.contoh_sebagian": {
        "id": "PERHATIAN: DATA CONTOH pada grafik berikut: {grafik}. Angkanya buatan (untuk uji coba), bukan data "
              "resmi. Jangan dipublikasikan. Gambarnya diberi tanda \"DATA CONTOH\".",
        "en": "WARNING: SAMPLE DATA in these charts: {grafik}. Their numbers are made up (for testing), not official "
              "figures. Do not publish them. Their images are marked \"SAMPLE DATA\".",
    },
    "ekspor.readme.ukuran": {"id": "UKURAN", "en": "SIZES"},
    "ekspor.readme.ukuran_baris": {"id": "{nama}: {lebar} x {tinggi} piksel - {label}",
                                   "en": "{nama}: {lebar} x {tinggi} pixels - {label}"},
    "ekspor.readme.format": {"id": "FORMAT", "en": "FORMATS"},
    "ekspor.readme.png": {
        "id": "PNG: gambar siap unggah, 2x ukuran di atas (tajam di layar resolusi tinggi).",
        "en": "PNG: image ready to upload, 2x the size above (sharp on high-resolution screens).",
    },
    "ekspor.readme.svg": {
        "id": "SVG: gambar vektor untuk desainer (Inkscape, Illustrator, CorelDRAW); teks tetap dapat diedit.",
        "en": "SVG: vector image for designers (Inkscape, Illustrator, CorelDRAW); text stays editable.",
    },
    "ekspor.readme.pdf": {
        "id": "PDF: untuk dicetak; ukuran a4 tepat satu halaman A4 (210 x 297 mm).",
        "en": "PDF: for printing; the a4 size is exactly one A4 page (210 x 297 mm).",
    },
    "ekspor.readme.csv": {
        "id": "CSV: data grafik (UTF-8). Baris awal berisi judul, sumber (dengan versi data bila ada), periode dan "
              "tanggal ekspor; tabel dimulai setelah baris kosong. Desimal memakai titik (1234.5).",
        "en": "CSV: the chart's data (UTF-8). The first rows give title, source (with the data version if any), period "
              "and export date; the table starts after the empty row. Decimals use a point (1234.5).",
    },
    "ekspor.readme.csv_id": {
        "id": "CSV Excel Indonesia (*_excel-id.csv): data yang sama dengan titik koma antarkolom dan koma desimal "
              "(1234,5), langsung terbuka rapi di Excel berbahasa Indonesia.",
        "en": "CSV for Indonesian Excel (*_excel-id.csv): the same data with semicolons between columns and a "
              "decimal comma (1234,5); opens straight into columns in Excel set to Indonesian.",
    },
    "ekspor.readme.xlsx": {
        "id": "XLSX: data grafik untuk Excel; lembar \"Data\" berisi angkanya, lembar \"Keterangan\" judul, "
              "sumber (dengan versi data bila ada), periode dan tanggal ekspor.",
        "en": "XLSX: the chart's data for Excel; sheet \"Data\" holds the numbers, sheet \"Keterangan\" the title, "
              "source (with the data version if any), period and export date.",
    },
    "ekspor.readme.teks": {
        "id": "Teks dalam data yang diawali =, +, -, @ diberi tanda petik (') agar tidak dibaca sebagai rumus.",
        "en": "Text in the data starting with =, +, -, @ gets an apostrophe (') so it is never read as a formula.",
    },
    "ekspor.readme.berkas": {"id": "BERKAS", "en": "FILES"},
    "ekspor.readme.grafik": {"id": "Grafik", "en": "Chart"},
    "ekspor.readme.batas": {"id": "BATAS WILAYAH (PETA)", "en": "BOUNDARIES (MAPS)"},
    "ekspor.readme.batas_teks": {
        "id": "Peta {peta} memakai batas kelurahan terpasang. Sumber dan lisensi: {atribusi}",
        "en": "Map {peta} uses the installed kelurahan boundaries. Source and licence: {atribusi}",
    },
    "ekspor.readme.batas_tanpa": {"id": "(atribusi tidak tercatat)", "en": "(attribution not recorded)"},
    "ekspor.readme.lisensi": {
        "id": "Kode dasbor: lisensi MIT. Kode dan nama wilayah: Kepmendagri 300.2.2-2430/2025.",
        "en": "Dashboard code: MIT licence. Region codes and names: Kepmendagri 300.2.2-2430/2025.",
    },
    # progress
    "ekspor.progres.grafik": {"id": "Membuat {nama} ({i}/{n})", "en": "Making {nama} ({i}/{n})"},
    "ekspor.progres.selesai": {"id": "Selesai: {n} berkas", "en": "Done: {n} files"},
}
