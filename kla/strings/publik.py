"""Interface texts: what every public page says about links, unknown pages, and Streamlit's own widget texts.

``st.*``: the words put in place of the English texts Streamlit's frontend builds into its widgets
(kla/ui/streamlit_patches.py ``FRONTEND_TEXTS``); ``{1}``, ``{2}`` are the numbers or names the
English text carried.
"""

STRINGS: dict[str, dict[str, str]] = {
    # --- a URL path no page has (dashboard.py) ----------------------------------------------------
    "app.halaman_tidak_ada": {
        "id": "Halaman {halaman} tidak ada di dasbor ini; ditampilkan halaman {pakai}. "
              "Pilih halaman lain dari menu.",
        "en": "There is no page {halaman} in this dashboard; showing the {pakai} page instead. "
              "Choose another page from the menu.",
    },
    # --- links (kla/ui/widgets.py) ----------------------------------------------------------------
    "url.tahun_kosong": {"id": "Tautan memuat {nilai}. {tahun}: {alasan}; ditampilkan {pakai}.",
                         "en": "The link has {nilai}. {tahun}: {alasan}; showing {pakai} instead."},
    "url.tahun.tanpa_data": {"id": "tidak ada data untuk tahun ini", "en": "no data for this year"},
    "url.kelurahan_tidak_dikenal": {
        "id": "Tautan memuat {nilai}, yang bukan kode atau nama kelurahan; ditampilkan {pakai}.",
        "en": "The link has {nilai}, which is not a kelurahan code or name; showing {pakai} instead.",
    },
    "url.kelurahan_ambigu": {
        "id": "Tautan memuat {nilai}, yang cocok dengan lebih dari satu kelurahan ({kandidat}); ditampilkan {pakai}.",
        "en": "The link has {nilai}, which matches more than one kelurahan ({kandidat}); showing {pakai} instead.",
    },
    "url.kelurahan_ejaan": {
        "id": "Tautan menyebut {nilai}; ditampilkan {pakai}.",
        "en": "The link names {nilai}; showing {pakai}.",
    },
    "pilih.satu": {"id": "Pilih satu", "en": "Choose one"},
    "pilih.banyak": {"id": "Pilih satu atau lebih", "en": "Choose one or more"},
    "pilih.cari_kelurahan": {"id": "Ketik nama kelurahan", "en": "Type a kelurahan name"},
    # --- the initiative search (pages/inisiatif.py) -----------------------------------------------
    "inisiatif.cari.kelurahan": {
        "id": "Pencarian \"{teks}\" dibaca juga sebagai Kelurahan {nama}: inisiatif di kelurahan itu ikut ditampilkan.",
        "en": "The search \"{teks}\" is also read as Kelurahan {nama}: the initiatives there are shown too.",
    },
    # --- a table cell without a value -------------------------------------------------------------
    "tabel.kosong": {"id": "–", "en": "–"},
    # --- Streamlit's built-in widget texts --------------------------------------------------------
    "st.tidak_ada_hasil": {"id": "Tidak ada yang cocok", "en": "No results"},
    "st.pilih_semua": {"id": "Pilih semua", "en": "Select all"},
    "st.pilih_cocok": {"id": "Pilih {1} yang cocok", "en": "Select {1} matches"},
    "st.maks_pilihan": {"id": "Paling banyak {1} pilihan. Hapus satu pilihan dulu.",
                        "en": "You can only select up to {1} options. Remove an option first."},
    "st.enter_terapkan": {"id": "Tekan Enter untuk menerapkan", "en": "Press Enter to apply"},
    "st.enter_kirim": {"id": "Tekan Enter untuk mengirim formulir", "en": "Press Enter to submit form"},
    "st.ctrl_enter": {"id": "Tekan Ctrl+Enter untuk menerapkan", "en": "Press Ctrl+Enter to apply"},
    "st.hapus_semua": {"id": "Hapus semua", "en": "Clear all"},
    "st.hapus_pilihan": {"id": "Hapus pilihan", "en": "Clear value"},
    "st.hapus": {"id": "Hapus {1}", "en": "Remove {1}"},
    "st.tambah": {"id": "Tambah", "en": "Increment"},
    "st.kurang": {"id": "Kurangi", "en": "Decrement"},
    "st.angka_di_atas": {"id": "Angka di atas batas yang diizinkan.", "en": "Number is above the allowed range."},
    "st.angka_di_bawah": {"id": "Angka di bawah batas yang diizinkan.", "en": "Number is below the allowed range."},
    "st.angka_di_luar": {"id": "Angka di luar batas. Isi nilai antara {1} dan {2}.",
                         "en": "Number is outside the allowed range. Please enter a value between {1} and {2}."},
    # what a screen reader hears: Streamlit's aria-labels and titles (issue 17, item 4)
    "st.lewati": {"id": "Langsung ke isi utama", "en": "Skip to main content"},
    "st.tautan_judul": {"id": "Tautan ke judul ini", "en": "Link to heading"},
    "st.bantuan_untuk": {"id": "Penjelasan: {1}", "en": "Help for {1}"},
    "st.bantuan": {"id": "Penjelasan", "en": "Help"},
    "st.bilah_samping": {"id": "Bilah samping", "en": "Sidebar"},
    "st.tutup_bilah": {"id": "Tutup bilah samping", "en": "Collapse sidebar"},
    "st.buka_bilah": {"id": "Buka bilah samping", "en": "Expand sidebar"},
    "st.halaman_app": {"id": "Halaman dasbor", "en": "App pages"},
    "st.buka": {"id": "Buka", "en": "Open"},
    "st.tutup": {"id": "Tutup", "en": "Close"},
    "st.nilai_terpilih": {"id": "Pilihan", "en": "Selected values"},
    "st.kolom_tampil": {"id": "Tampilkan atau sembunyikan kolom", "en": "Show/hide columns"},
    "st.unduh_csv": {"id": "Unduh sebagai CSV", "en": "Download as CSV"},
    "st.cari": {"id": "Cari", "en": "Search"},
    "st.layar_penuh": {"id": "Layar penuh", "en": "Fullscreen"},
    "st.tutup_layar_penuh": {"id": "Keluar dari layar penuh", "en": "Close fullscreen"},
    "st.salin": {"id": "Salin ke papan klip", "en": "Copy to clipboard"},
    "st.tersalin": {"id": "Tersalin", "en": "Copied"},
    "st.tanggal_awal": {"id": "{1}, tanggal awal", "en": "{1} start date"},
    "st.tanggal_akhir": {"id": "{1}, tanggal akhir", "en": "{1} end date"},
    "st.bagian_hari": {"id": "hari, {1}", "en": "day, {1}"},
    "st.bagian_bulan": {"id": "bulan, {1}", "en": "month, {1}"},
    "st.bagian_tahun": {"id": "tahun, {1}", "en": "year, {1}"},
    "st.pilih_rentang": {"id": "Pilih rentang tanggal", "en": "Choose date range"},
    "st.pilih_tanggal": {"id": "Pilih tanggal", "en": "Choose date"},
    "st.bulan_lalu": {"id": "Bulan sebelumnya", "en": "Previous month"},
    "st.bulan_depan": {"id": "Bulan berikutnya", "en": "Next month"},
    "st.hapus_tanggal": {"id": "Hapus tanggal", "en": "Clear dates"},
    "st.hapus_satu_tanggal": {"id": "Hapus tanggal", "en": "Clear date"},
    "st.sedang_berjalan": {"id": "Sedang memuat…", "en": "Running..."},
    "st.geser_kiri": {"id": "Geser tab ke kiri", "en": "Scroll tabs left"},
    "st.geser_kanan": {"id": "Geser tab ke kanan", "en": "Scroll tabs right"},
    # --- a download that could not be made (kla/ui/unduh.py) ----------------------------------------
    "unduh.gagal_umum": {"id": "Berkas tidak dapat dibuat. Coba lagi sebentar lagi.",
                         "en": "The file could not be made. Please try again shortly."},
    # --- boundaries not installed: what a visitor reads (the admin hint goes to the server log) ----
    "batas.pengunjung": {
        "id": "Peta wilayah belum tersedia. Halaman ini menampilkan **peta petak** (satu segi enam per "
              "kelurahan) sebagai gantinya.",
        "en": "The area map is not available yet. This page shows the **tile map** (one hexagon per "
              "kelurahan) instead.",
    },
}
