"""Texts of the staff pages (Kelola data): sign-in, upload, entry form, preview, history, audit."""

STRINGS = {
    "nav.kelola": {"id": "Kelola data", "en": "Manage data"},
    "nav.kelola.unggah": {"id": "Unggah", "en": "Upload"},
    "nav.kelola.catat": {"id": "Catat", "en": "Record"},
    "nav.kelola.pratinjau": {"id": "Pratinjau dan terbitkan", "en": "Preview and publish"},
    "nav.kelola.riwayat": {"id": "Riwayat versi", "en": "Version history"},
    "nav.kelola.audit": {"id": "Jejak audit", "en": "Audit trail"},
    # Roles (KLA_ROLE): a public replica has no staff pages; before the first import it has no data
    "kelola.publik_saja": {
        "id": "Halaman staf tidak tersedia di alamat publik ini. Staf masuk lewat alamat /kelola/.",
        "en": "Staff pages are not available at this public address. Staff sign in at /kelola/.",
    },
    "data.belum_terbit": {
        "id": "Data dasbor belum diterbitkan. Silakan kembali beberapa saat lagi.",
        "en": "The dashboard's data has not been published yet. Please come back in a little while.",
    },
    # Sign-in
    "kelola.masuk.judul": {"id": "Masuk staf DP3AKB", "en": "DP3AKB staff sign-in"},
    "kelola.masuk.ajakan": {
        "id": "Halaman ini khusus staf DP3AKB yang mengelola data dasbor. Masuk dengan akun kantor Anda.",
        "en": "This page is for DP3AKB staff who manage the dashboard's data. Sign in with your office account.",
    },
    "kelola.masuk.kedaluwarsa": {
        "id": "Sesi masuk Anda sudah lebih dari {jam} jam. Demi keamanan, masuk sekali lagi.",
        "en": "You signed in more than {jam} hours ago. For security, please sign in again.",
    },
    "kelola.masuk.tombol": {"id": "Masuk", "en": "Sign in"},
    "kelola.masuk.tanpa_akses": {
        "id": "Akun {email} tidak terdaftar sebagai staf pengelola data, jadi tidak punya akses ke halaman ini. "
              "Minta admin dasbor menambahkan Anda.",
        "en": "The account {email} is not registered as data staff, so it has no access to this page. "
              "Ask the dashboard admin to add you.",
    },
    "kelola.masuk.belum_diatur": {
        "id": "Masuk staf belum diaktifkan di server ini. Halaman ini tersedia setelah admin mengisi bagian "
              "[auth] pada berkas rahasia Streamlit (lihat README, bagian Staf). Sementara itu data dapat "
              "dikelola dari baris perintah server.",
        "en": "Staff sign-in is not enabled on this server. This page becomes available once the admin fills "
              "in the [auth] section of Streamlit's secrets file (see the README, Staff section). Meanwhile "
              "data can be managed from the server's command line.",
    },
    "kelola.keluar": {"id": "Keluar", "en": "Sign out"},
    "kelola.peran.tidak_boleh": {
        "id": "Peran Anda ({peran}) tidak mencakup tindakan di halaman ini.",
        "en": "Your role ({peran}) does not include the actions on this page.",
    },
    "kelola.siapa": {"id": "Masuk sebagai {email} · peran: {peran}", "en": "Signed in as {email} · role: {peran}"},
    "kelola.wilayah_tugas": {"id": "Kelurahan tugas: {daftar}", "en": "Assigned kelurahan: {daftar}"},
    "kelola.peran.editor": {"id": "editor", "en": "editor"},
    "kelola.peran.publisher": {"id": "penerbit", "en": "publisher"},
    "kelola.peran.admin": {"id": "admin", "en": "admin"},
    "kelola.terbit_sekarang": {
        "id": "Yang tampil untuk publik: versi {versi}, diterbitkan {waktu} oleh {oleh}.",
        "en": "Shown to the public: version {versi}, published {waktu} by {oleh}.",
    },
    "kelola.belum_terbit": {"id": "Belum ada versi yang diterbitkan.", "en": "No version has been published yet."},
    # Upload
    "kelola.unggah.judul": {"id": "Unggah data", "en": "Upload data"},
    "kelola.unggah.intro": {
        "id": "Unggah satu atau beberapa berkas CSV atau XLSX (satu berkas data per berkas, atau satu buku kerja "
              "dengan satu lembar per berkas data). Tidak ada yang berubah untuk publik sampai versi baru diterbitkan.",
        "en": "Upload one or more CSV or XLSX files (one data file per file, or one workbook with one sheet per "
              "data file). Nothing changes for the public until a new version is published.",
    },
    "kelola.unggah.berkas": {"id": "Berkas (CSV atau XLSX, paling besar {mb} MB per berkas)",
                             "en": "Files (CSV or XLSX, at most {mb} MB each)"},
    "kelola.unggah.cara": {"id": "Cara memasukkan", "en": "How to apply"},
    "kelola.unggah.cara.ganti": {"id": "Ganti seluruh berkas", "en": "Replace whole files"},
    "kelola.unggah.cara.gabung": {"id": "Perbarui baris yang diunggah saja", "en": "Update only the uploaded rows"},
    "kelola.unggah.cara.bantuan": {
        "id": "'Ganti' memakai berkas unggahan sebagai berkas baru. 'Perbarui' mengganti baris dengan kunci yang "
              "sama dan menambah baris baru; baris lain tetap (cocok untuk petugas satu kelurahan).",
        "en": "'Replace' uses the uploaded file as the new file. 'Update' replaces rows with the same key and adds "
              "new rows; other rows stay (suits the officer of one kelurahan).",
    },
    "kelola.unggah.dikenali": {"id": "Yang dikenali dan dirapikan", "en": "What was recognised and tidied"},
    "kelola.unggah.masalah": {
        "id": "{n} masalah perlu diperbaiki di berkas Anda sebelum data dapat dipakai.",
        "en": "{n} problems must be fixed in your file before the data can be used.",
    },
    "kelola.unggah.unduh_masalah": {"id": "Unduh daftar masalah (XLSX)", "en": "Download the problem list (XLSX)"},
    "kelola.unggah.usulan": {
        "id": "{n} nama kelurahan tidak persis sama dengan nama resmi. Pilih kelurahan yang dimaksud:",
        "en": "{n} kelurahan names do not exactly match an official name. Choose the kelurahan meant:",
    },
    "kelola.unggah.usulan.baris": {"id": "{berkas}, baris {baris}: '{teks}'", "en": "{berkas}, row {baris}: '{teks}'"},
    "kelola.unggah.usulan.pilih": {"id": "— pilih —", "en": "— choose —"},
    "kelola.unggah.usulan.belum": {
        "id": "Masih ada {n} nama yang belum dipilih.", "en": "{n} names still need a choice.",
    },
    "kelola.unggah.periksa": {"id": "Periksa dan pratinjau", "en": "Check and preview"},
    "kelola.unggah.ditolak": {
        "id": "Data gabungan belum sah ({n} masalah); tidak ada yang disimpan:",
        "en": "The combined data is not valid ({n} problems); nothing was saved:",
    },
    "kelola.luar_wilayah": {
        "id": "Perubahan ini menyentuh kelurahan di luar tugas Anda dan ditolak: {daftar}.",
        "en": "This change touches kelurahan outside your assignment and was refused: {daftar}.",
    },
    "kelola.tanpa_perubahan": {"id": "Tidak ada perubahan dibanding versi terbit.",
                               "en": "No change compared with the published version."},
    "kelola.templat.judul": {"id": "Templat isian per berkas data", "en": "Fill-in templates per data file"},
    "kelola.templat.intro": {
        "id": "Buku kerja XLSX dengan kolom yang benar, pilihan nilai yang sah sebagai daftar tarik-turun, "
              "petunjuk tiap kolom, dan satu baris contoh.",
        "en": "An XLSX workbook with the right columns, the allowed values as drop-down lists, guidance for "
              "each column, and one example row.",
    },
    "kelola.templat.unduh": {"id": "Templat {berkas}", "en": "Template {berkas}"},
    # Record form
    "kelola.catat.judul": {"id": "Catat kegiatan atau inisiatif", "en": "Record an activity or initiative"},
    "kelola.catat.intro": {
        "id": "Isi segera setelah kegiatan. Catatan masuk ke draf (belum tampil untuk publik) dan diperiksa "
              "seperti berkas unggahan.",
        "en": "Fill in right after the event. Entries go into a draft (not public yet) and are checked like an "
              "uploaded file.",
    },
    "kelola.catat.jenis": {"id": "Yang dicatat", "en": "What to record"},
    "kelola.catat.kegiatan": {"id": "Kegiatan", "en": "Activity"},
    "kelola.catat.inisiatif": {"id": "Inisiatif", "en": "Initiative"},
    "kelola.catat.ubah": {"id": "Baru, atau perbaiki catatan yang ada", "en": "New, or correct an existing entry"},
    "kelola.catat.baru": {"id": "Catatan baru", "en": "New entry"},
    "kelola.catat.simpan": {"id": "Simpan ke draf", "en": "Save to draft"},
    "kelola.catat.tersimpan": {
        "id": "Tersimpan di draf versi {versi} ({berkas}, baris {baris}). Terbitkan dari halaman Pratinjau.",
        "en": "Saved in draft version {versi} ({berkas}, row {baris}). Publish from the Preview page.",
    },
    "kelola.catat.draf_dasar": {
        "id": "Catatan baru ditambahkan ke draf versi {versi} yang Anda buat di sesi ini.",
        "en": "New entries are added to draft version {versi} that you made in this session.",
    },
    "kelola.catat.tanpa_kelurahan": {"id": "Tingkat kota (tanpa kelurahan)", "en": "City level (no kelurahan)"},
    "kelola.catat.tanpa_inisiatif": {"id": "Tidak terkait inisiatif", "en": "Not linked to an initiative"},
    "kelola.kolom.tanggal": {"id": "Tanggal", "en": "Date"},
    "kelola.kolom.jenis": {"id": "Jenis", "en": "Type"},
    "kelola.kolom.judul": {"id": "Judul kegiatan", "en": "Activity title"},
    "kelola.kolom.kelurahan": {"id": "Kelurahan", "en": "Kelurahan"},
    "kelola.kolom.penyelenggara": {"id": "Penyelenggara", "en": "Organiser"},
    "kelola.kolom.peserta_anak": {"id": "Anak yang terjangkau", "en": "Children reached"},
    "kelola.kolom.peserta_dewasa": {"id": "Dewasa yang terjangkau", "en": "Adults reached"},
    "kelola.kolom.blok": {"id": "Blok KLA", "en": "KLA block"},
    "kelola.kolom.id_inisiatif": {"id": "Inisiatif terkait", "en": "Linked initiative"},
    "kelola.kolom.nama": {"id": "Nama inisiatif", "en": "Initiative name"},
    "kelola.kolom.jenis_mitra": {"id": "Jenis mitra", "en": "Partner type"},
    "kelola.kolom.nama_mitra": {"id": "Nama mitra", "en": "Partner name"},
    "kelola.kolom.status": {"id": "Status", "en": "Status"},
    "kelola.kolom.tanggal_mulai": {"id": "Tanggal mulai", "en": "Start date"},
    "kelola.kolom.tanggal_selesai": {"id": "Tanggal selesai (kosongkan bila masih berjalan)",
                                     "en": "End date (leave empty while running)"},
    "kelola.kolom.selesai_ada": {"id": "Sudah selesai", "en": "Has ended"},
    "kelola.kolom.deskripsi": {"id": "Keterangan singkat", "en": "Short description"},
    # Preview
    "kelola.pratinjau.judul": {"id": "Pratinjau dan terbitkan", "en": "Preview and publish"},
    "kelola.pratinjau.kosong": {
        "id": "Belum ada yang dipratinjau. Unggah berkas atau catat kegiatan dulu, atau pilih draf di Riwayat.",
        "en": "Nothing to preview yet. Upload a file or record an activity first, or pick a draft in History.",
    },
    "kelola.pratinjau.kandidat": {"id": "Unggahan Anda (belum disimpan)", "en": "Your upload (not saved yet)"},
    "kelola.pratinjau.versi": {"id": "Versi {versi} ({status})", "en": "Version {versi} ({status})"},
    "kelola.pratinjau.dibanding": {
        "id": "Dibandingkan dengan versi terbit {versi}.", "en": "Compared with published version {versi}.",
    },
    "kelola.pratinjau.berkas": {"id": "Perubahan per berkas", "en": "Changes per file"},
    "kelola.pratinjau.ringkas": {
        "id": "{berkas}: {tambah} baris baru, {hapus} dihapus, {ubah} berubah",
        "en": "{berkas}: {tambah} rows added, {hapus} removed, {ubah} changed",
    },
    "kelola.pratinjau.tambah": {"id": "Baris baru", "en": "Added rows"},
    "kelola.pratinjau.hapus": {"id": "Baris dihapus", "en": "Removed rows"},
    "kelola.pratinjau.ubah": {"id": "Nilai berubah", "en": "Changed values"},
    "kelola.pratinjau.skor_kota": {"id": "Skor kota per tahun", "en": "City score per year"},
    "kelola.pratinjau.skor_kelurahan": {"id": "Skor kelurahan yang bergerak", "en": "Kelurahan scores that move"},
    "kelola.pratinjau.grafik": {"id": "Grafik dan peta yang berubah", "en": "Charts and maps that change"},
    "kelola.pratinjau.tidak_ada": {"id": "tidak ada", "en": "none"},
    "kelola.pratinjau.catatan": {"id": "Catatan versi (wajib untuk menerbitkan)",
                                 "en": "Version note (required to publish)"},
    "kelola.pratinjau.catatan.contoh": {"id": "mis. Skor kelurahan 2025 hasil verifikasi Oktober",
                                        "en": "e.g. 2025 kelurahan scores after the October verification"},
    "kelola.pratinjau.simpan": {"id": "Simpan sebagai draf", "en": "Save as draft"},
    "kelola.pratinjau.terbitkan": {"id": "Terbitkan", "en": "Publish"},
    "kelola.pratinjau.perlu_catatan": {"id": "Tulis catatan versi dulu.", "en": "Write a version note first."},
    "kelola.pratinjau.tersimpan": {"id": "Tersimpan sebagai draf versi {versi}.",
                                   "en": "Saved as draft version {versi}."},
    "kelola.pratinjau.terbit": {
        "id": "Versi {versi} diterbitkan. Halaman publik menampilkannya dalam beberapa detik.",
        "en": "Version {versi} is published. Public pages show it within seconds.",
    },
    "kelola.pratinjau.bentrok": {
        "id": "Versi terbit berubah menjadi versi {sekarang} sementara Anda memeriksa (oleh {oleh}). Tidak ada yang "
              "diterbitkan; pekerjaan Anda tersimpan sebagai draf versi {draf}. "
              "Periksa perbedaannya lalu terbitkan lagi.",
        "en": "The published version changed to version {sekarang} while you were checking (by {oleh}). Nothing was "
              "published; your work is saved as draft version {draf}. Review the differences and publish again.",
    },
    "kelola.pratinjau.sudah_terbit": {"id": "Versi ini sedang tampil untuk publik.",
                                      "en": "This version is what the public sees."},
    # History
    "kelola.riwayat.judul": {"id": "Riwayat versi", "en": "Version history"},
    "kelola.riwayat.status.terbit": {"id": "terbit", "en": "published"},
    "kelola.riwayat.status.pernah": {"id": "pernah terbit", "en": "published before"},
    "kelola.riwayat.status.draf": {"id": "draf", "en": "draft"},
    "kelola.riwayat.kolom.versi": {"id": "Versi", "en": "Version"},
    "kelola.riwayat.kolom.status": {"id": "Status", "en": "Status"},
    "kelola.riwayat.kolom.waktu": {"id": "Dibuat", "en": "Created"},
    "kelola.riwayat.kolom.oleh": {"id": "Oleh", "en": "By"},
    "kelola.riwayat.kolom.catatan": {"id": "Catatan", "en": "Note"},
    "kelola.riwayat.kolom.baris": {"id": "Baris", "en": "Rows"},
    "kelola.riwayat.kolom.ukuran": {"id": "Ukuran", "en": "Size"},
    "kelola.riwayat.kolom.contoh": {"id": "Data contoh", "en": "Sample data"},
    "kelola.riwayat.pilih": {"id": "Buka versi", "en": "Open version"},
    "kelola.riwayat.bandingkan": {"id": "Bandingkan dengan versi terbit", "en": "Compare with the published version"},
    "kelola.riwayat.unduh_zip": {"id": "Unduh CSV (ZIP)", "en": "Download CSV (ZIP)"},
    "kelola.riwayat.unduh_xlsx": {"id": "Unduh XLSX", "en": "Download XLSX"},
    "kelola.riwayat.kembali": {"id": "Kembalikan ke versi ini", "en": "Roll back to this version"},
    "kelola.riwayat.kembali.catatan": {"id": "Alasan pengembalian (wajib)", "en": "Reason for the rollback (required)"},
    "kelola.riwayat.dikembalikan": {
        "id": "Publik kini melihat versi {versi} lagi.", "en": "The public now sees version {versi} again.",
    },
    "kelola.riwayat.readme": {
        "id": "Data dasbor KLA Balikpapan, versi {versi}.\nDibuat {waktu} oleh {oleh}.\nCatatan: {catatan}\n",
        "en": "Balikpapan KLA dashboard data, version {versi}.\nCreated {waktu} by {oleh}.\nNote: {catatan}\n",
    },
    # Audit
    "kelola.audit.judul": {"id": "Jejak audit", "en": "Audit trail"},
    "kelola.audit.sejak": {"id": "Sejak tanggal", "en": "Since"},
    "kelola.audit.siapa": {"id": "Oleh (email)", "en": "By (email)"},
    "kelola.audit.tindakan": {"id": "Tindakan", "en": "Action"},
    "kelola.audit.semua": {"id": "semua", "en": "all"},
    "kelola.audit.unduh_csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "kelola.audit.unduh_xlsx": {"id": "Unduh XLSX", "en": "Download XLSX"},
    "kelola.audit.kolom.waktu": {"id": "Waktu", "en": "Time"},
    "kelola.audit.kolom.oleh": {"id": "Oleh", "en": "By"},
    "kelola.audit.kolom.tindakan": {"id": "Tindakan", "en": "Action"},
    "kelola.audit.kolom.dari": {"id": "Dari versi", "en": "From version"},
    "kelola.audit.kolom.ke": {"id": "Ke versi", "en": "To version"},
    "kelola.audit.kolom.catatan": {"id": "Catatan", "en": "Note"},
    "kelola.audit.kolom.rincian": {"id": "Rincian", "en": "Details"},
    "kelola.audit.kosong": {"id": "Tidak ada catatan audit untuk saringan ini.",
                            "en": "No audit entries for this filter."},
    "kelola.aksi.sign_in": {"id": "masuk", "en": "signed in"},
    "kelola.aksi.sign_out": {"id": "keluar", "en": "signed out"},
    "kelola.aksi.upload": {"id": "unggah", "en": "upload"},
    "kelola.aksi.upload_rejected": {"id": "unggahan ditolak", "en": "upload rejected"},
    "kelola.aksi.draft": {"id": "draf", "en": "draft"},
    "kelola.aksi.publish": {"id": "terbit", "en": "publish"},
    "kelola.aksi.rollback": {"id": "kembalikan versi", "en": "rollback"},
    "kelola.aksi.staff_add": {"id": "staf ditambah", "en": "staff added"},
    "kelola.aksi.staff_remove": {"id": "staf dihapus", "en": "staff removed"},
    "kelola.aksi.role_change": {"id": "peran diubah", "en": "role changed"},
    "kelola.aksi.import": {"id": "impor folder", "en": "folder import"},
    "kelola.ya": {"id": "ya", "en": "yes"},
    "kelola.tidak": {"id": "tidak", "en": "no"},
}
