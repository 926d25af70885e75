"""Interface texts: a chart's three views, its main-point sentence and its text alternative.

(kla/summaries.py writes the sentences, kla/ui/chartviews.py shows the views.)
"""

STRINGS: dict[str, dict[str, str]] = {
    # --- the three views -----------------------------------------------------------------------
    "tampilan.grafik": {"id": "Grafik", "en": "Chart"},
    "tampilan.tabel": {"id": "Tabel", "en": "Table"},
    "tampilan.sumber": {"id": "Sumber", "en": "Sources"},
    "tampilan.tabel.catatan": {
        "id": "Angka yang digambar pada grafik, satu baris per titik atau batang. Klik judul kolom untuk "
              "mengurutkan; unduh CSV atau Excel lewat tombol Unduh.",
        "en": "The numbers drawn in the chart, one row per point or bar. Click a column title to sort; "
              "download CSV or Excel with the Download button.",
    },
    "tampilan.sumber.data": {"id": "Sumber data", "en": "Data source"},
    "tampilan.sumber.periode": {"id": "Periode", "en": "Period"},
    "tampilan.sumber.metode": {"id": "Cara menghitung", "en": "Method"},
    "tampilan.sumber.contoh": {
        "id": "Sebagian data ini adalah data contoh, bukan angka resmi.",
        "en": "Part of these data are sample data, not official figures.",
    },
    "tampilan.sumber.tentang": {
        "id": "Penjelasan lengkap ada di halaman Tentang.",
        "en": "The full explanation is on the About page.",
    },
    # --- method per chart (why the numbers are what they are) ---------------------------------
    "metode.tren_total": {
        "id": "Skor total = jumlah poin semua indikator evaluasi KLA kota per tahun (maks. 1.000). "
              "Kategori menurut batas bawahnya: {batas}.",
        "en": "Total score = sum of the points of every KLA evaluation indicator of the city per year (max. 1,000). "
              "Category by its lower threshold: {batas}.",
    },
    "metode.persen_blok": {
        "id": "Capaian = poin klaster ÷ poin maksimum klaster (jumlah poin maksimum indikatornya) × 100%.",
        "en": "Attainment = the cluster's points ÷ its maximum points (sum of its indicators' maxima) × 100%.",
    },
    "metode.tren_indikator": {
        "id": "Capaian = poin indikator ÷ poin maksimum indikator × 100%, per tahun evaluasi.",
        "en": "Attainment = the indicator's points ÷ its maximum points × 100%, per evaluation year.",
    },
    "metode.kekurangan_indikator": {
        "id": "Kekurangan = poin maksimum − poin yang dicapai, per indikator; kumulatif = jumlah berjalan "
              "dari kekurangan terbesar. Paripurna mulai {paripurna} poin.",
        "en": "Shortfall = maximum points − points reached, per indicator; cumulative = running sum from the "
              "largest shortfall. Paripurna starts at {paripurna} points.",
    },
    "metode.banding_kelurahan": {
        "id": "Skor total kelurahan = jumlah poin indikator kelurahan per tahun; rata-rata dihitung atas semua "
              "kelurahan yang dinilai pada tahun itu.",
        "en": "Kelurahan total = sum of the kelurahan's indicator points per year; the average is taken over "
              "every kelurahan assessed that year.",
    },
    "metode.inisiatif": {
        "id": "Jumlah inisiatif yang tercatat, dikelompokkan; satu inisiatif dihitung sekali.",
        "en": "Number of recorded initiatives, grouped; each initiative counts once.",
    },
    "metode.kegiatan_bulanan": {
        "id": "Jumlah kegiatan yang tercatat per bulan, menurut jenis. Bulan bertanda * tidak tercakup penuh.",
        "en": "Number of recorded activities per month, by type. Months marked * are not fully covered.",
    },
    "metode.peserta_bulanan": {
        "id": "Jumlah kehadiran anak dan dewasa per bulan (kehadiran, bukan orang: satu orang bisa hadir "
              "berkali-kali). Bulan bertanda * tidak tercakup penuh.",
        "en": "Child and adult attendances per month (attendances, not people: one person may attend several "
              "times). Months marked * are not fully covered.",
    },
    "metode.peta": {
        "id": "Satu nilai per kelurahan untuk tahun yang dipilih; peringkat 1 = nilai tertinggi. Kelas warna "
              "sama untuk semua tahun, sehingga warna dapat dibandingkan antartahun.",
        "en": "One value per kelurahan for the chosen year; rank 1 = highest value. Colour classes are the same "
              "for every year, so colours compare across years.",
    },
    # --- the main point --------------------------------------------------------------------------
    "pokok.kosong": {"id": "{judul}: belum ada data untuk digambar.", "en": "{judul}: no data to draw yet."},
    "pokok.naik": {"id": "naik {n} dari {tahun}", "en": "up {n} from {tahun}"},
    "pokok.turun": {"id": "turun {n} dari {tahun}", "en": "down {n} from {tahun}"},
    "pokok.tetap": {"id": "sama dengan {tahun}", "en": "unchanged from {tahun}"},
    "pokok.skor": {"id": "Skor {tahun}: {skor}", "en": "Score {tahun}: {skor}"},
    "pokok.kurang_ke": {"id": "kurang {n} poin ke {kategori}", "en": "{n} points short of {kategori}"},
    "pokok.sudah_paripurna": {"id": "sudah Paripurna", "en": "already Paripurna"},
    "pokok.blok": {"id": "{tahun}: capaian tertinggi {tinggi} ({tinggi_n}), terendah {rendah} ({rendah_n})",
                   "en": "{tahun}: highest attainment {tinggi} ({tinggi_n}), lowest {rendah} ({rendah_n})"},
    "pokok.satu_blok": {"id": "{tahun}: {nama} mencapai {n} dari poin maksimum",
                        "en": "{tahun}: {nama} reached {n} of its maximum points"},
    "pokok.indikator": {"id": "{nama}: {n} dari poin maksimum pada {tahun}",
                        "en": "{nama}: {n} of its maximum points in {tahun}"},
    "pokok.poin_persen": {"id": "{n} poin persen", "en": "{n} percentage points"},
    "pokok.kekurangan": {"id": "Kekurangan terbesar {tahun}: {nama}, {n} poin",
                         "en": "Largest shortfall {tahun}: {nama}, {n} points"},
    "pokok.kekurangan.cukup": {
        "id": "{k} indikator teratas cukup untuk menutup {n} poin ke Paripurna",
        "en": "the top {k} indicators are enough to close the {n} points to Paripurna",
    },
    "pokok.kekurangan.belum": {
        "id": "{k} indikator ini bersama {jumlah} poin, kurang dari {n} poin ke Paripurna",
        "en": "these {k} indicators together hold {jumlah} points, less than the {n} points to Paripurna",
    },
    "pokok.kelurahan.satu": {"id": "{tahun}: {nama} {skor} poin, {arah} rata-rata kelurahan ({rata})",
                             "en": "{tahun}: {nama} {skor} points, {arah} the kelurahan average ({rata})"},
    "pokok.kelurahan.di_atas": {"id": "{n} di atas", "en": "{n} above"},
    "pokok.kelurahan.di_bawah": {"id": "{n} di bawah", "en": "{n} below"},
    "pokok.kelurahan.sama": {"id": "sama dengan", "en": "equal to"},
    "pokok.kelurahan.banyak": {
        "id": "{tahun}: tertinggi {tinggi} ({tinggi_n}), terendah {rendah} ({rendah_n}); rata-rata kelurahan {rata}",
        "en": "{tahun}: highest {tinggi} ({tinggi_n}), lowest {rendah} ({rendah_n}); kelurahan average {rata}",
    },
    "pokok.kelurahan.rata": {"id": "{tahun}: rata-rata kelurahan {rata} poin",
                             "en": "{tahun}: kelurahan average {rata} points"},
    "pokok.inisiatif": {"id": "Terbanyak: {kelompok} ({n} dari {total} inisiatif)",
                        "en": "Most: {kelompok} ({n} of {total} initiatives)"},
    "pokok.masing_masing": {"id": "masing-masing {n}", "en": "{n} each"},
    "pokok.dan": {"id": "dan", "en": "and"},
    "pokok.kegiatan": {
        "id": "{total} kegiatan dalam {bulan} bulan; terbanyak pada {puncak} ({n}); jenis terbanyak {jenis} ({m})",
        "en": "{total} activities over {bulan} months; most in {puncak} ({n}); most frequent type {jenis} ({m})",
    },
    "pokok.peserta": {
        "id": "{anak} kehadiran anak dan {dewasa} kehadiran dewasa dalam {bulan} bulan; terbanyak pada {puncak} ({n})",
        "en": "{anak} child and {dewasa} adult attendances over {bulan} months; most in {puncak} ({n})",
    },
    "pokok.peta": {"id": "Tertinggi: {tinggi} ({tinggi_n}); terendah: {rendah} ({rendah_n})",
                   "en": "Highest: {tinggi} ({tinggi_n}); lowest: {rendah} ({rendah_n})"},
    "pokok.peta.kategori": {"id": "kelurahan per kategori: {daftar}", "en": "kelurahan per category: {daftar}"},
    "pokok.peta.tabel": {"id": "Peringkat semua kelurahan dalam tabel", "en": "All kelurahan ranked, as a table"},
    "pokok.peta.tanpa_data": {"id": "{n} kelurahan tanpa data", "en": "{n} kelurahan without data"},
    "pokok.profil": {
        "id": "{nama} {tahun}: tertinggi {tinggi} ({tinggi_n}), terendah {rendah} ({rendah_n}); "
              "{k} dari {m} di atas rata-rata kelurahan",
        "en": "{nama} {tahun}: highest {tinggi} ({tinggi_n}), lowest {rendah} ({rendah_n}); "
              "{k} of {m} above the kelurahan average",
    },
    "pokok.umum": {"id": "{judul}: {n} baris data", "en": "{judul}: {n} rows of data"},
    # --- the text alternative --------------------------------------------------------------------
    "alt.garis": {"id": "Grafik garis", "en": "Line chart"},
    "alt.batang": {"id": "Grafik batang", "en": "Bar chart"},
    "alt.batang_tumpuk": {"id": "Grafik batang bertumpuk", "en": "Stacked bar chart"},
    "alt.batang_garis": {"id": "Grafik batang dengan garis kumulatif", "en": "Bar chart with a cumulative line"},
    "alt.peta_petak": {"id": "Peta petak segi enam kelurahan", "en": "Hexagon tile map of the kelurahan"},
    "alt.peta": {"id": "Peta kelurahan", "en": "Map of the kelurahan"},
    "alt.grafik": {"id": "Grafik", "en": "Chart"},
    "alt.teks": {"id": "{jenis}: {judul}. {subjudul}. Periode {periode}. {pokok}",
                 "en": "{jenis}: {judul}. {subjudul}. Period {periode}. {pokok}"},
    "alt.letak": {"id": "Peta petak letak kelurahan: {nama} ditandai di antara semua kelurahan Balikpapan.",
                  "en": "Tile map of where the kelurahan lies: {nama} marked among all kelurahan of Balikpapan."},
    "alt.letak_batas": {"id": "Peta letak kelurahan: batas {nama} ditandai biru di antara semua kelurahan Balikpapan.",
                        "en": "Map of where the kelurahan lies: {nama}'s boundary marked in blue among all kelurahan "
                              "of Balikpapan."},
    "alt.tabel_peta": {"id": "Peringkat semua kelurahan ada dalam tabel di bawah peta.",
                       "en": "All kelurahan are ranked in the table under the map."},
    "alt.tabel_menyusul": {"id": "Angkanya ada di tampilan Tabel.", "en": "The numbers are in the Table view."},
    # --- table column titles (the chart's data columns), with units ---------------------------
    "kolom_grafik.tahun": {"id": "Tahun", "en": "Year"},
    "kolom_grafik.total": {"id": "Skor total (poin)", "en": "Total score (points)"},
    "kolom_grafik.kategori": {"id": "Kategori", "en": "Category"},
    "kolom_grafik.kategori_resmi": {"id": "Kategori resmi", "en": "Official category"},
    "kolom_grafik.skor_dilaporkan": {"id": "Skor resmi yang dilaporkan", "en": "Officially reported score"},
    "kolom_grafik.target_peta_jalan": {"id": "Target peta jalan (poin)", "en": "Roadmap target (points)"},
    "kolom_grafik.keterangan": {"id": "Keterangan", "en": "Note"},
    "kolom_grafik.blok": {"id": "Kode blok", "en": "Block code"},
    "kolom_grafik.nama_blok": {"id": "Klaster", "en": "Cluster"},
    "kolom_grafik.poin": {"id": "Poin", "en": "Points"},
    "kolom_grafik.max_poin": {"id": "Poin maksimum", "en": "Maximum points"},
    "kolom_grafik.persen": {"id": "Capaian (% poin maks.)", "en": "Attainment (% of max. points)"},
    "kolom_grafik.kode": {"id": "Kode indikator", "en": "Indicator code"},
    "kolom_grafik.nama": {"id": "Nama", "en": "Name"},
    "kolom_grafik.peringkat": {"id": "Peringkat", "en": "Rank"},
    "kolom_grafik.nama_id": {"id": "Indikator", "en": "Indicator"},
    "kolom_grafik.nama_en": {"id": "Indikator (Inggris)", "en": "Indicator"},
    "kolom_grafik.kekurangan": {"id": "Kekurangan (poin)", "en": "Shortfall (points)"},
    "kolom_grafik.kumulatif": {"id": "Kekurangan kumulatif (poin)", "en": "Cumulative shortfall (points)"},
    "kolom_grafik.total_proyeksi": {"id": "Skor total bila terpenuhi (poin)", "en": "Total score if filled (points)"},
    "kolom_grafik.kode_kelurahan": {"id": "Kode kelurahan", "en": "Kelurahan code"},
    "kolom_grafik.jenis": {"id": "Jenis", "en": "Type"},
    "kolom_grafik.jenis_mitra": {"id": "Jenis mitra", "en": "Partner type"},
    "kolom_grafik.kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "kolom_grafik.status": {"id": "Status", "en": "Status"},
    "kolom_grafik.jumlah": {"id": "Jumlah", "en": "Count"},
    "kolom_grafik.bulan": {"id": "Bulan", "en": "Month"},
    "kolom_grafik.bulan_penuh": {"id": "Bulan penuh", "en": "Whole month"},
    "kolom_grafik.hari_tercakup": {"id": "Hari tercakup", "en": "Days covered"},
    "kolom_grafik.peserta_anak": {"id": "Kehadiran anak (kali)", "en": "Child attendances"},
    "kolom_grafik.peserta_dewasa": {"id": "Kehadiran dewasa (kali)", "en": "Adult attendances"},
    "kolom_grafik.nama_kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "kolom_grafik.nilai": {"id": "Nilai", "en": "Value"},
    "kolom_grafik.kelas": {"id": "Kelas warna", "en": "Colour class"},
    "kolom_grafik.persen_kota": {"id": "Rata-rata kelurahan (% poin maks.)",
                                 "en": "Kelurahan average (% of max. points)"},
    "kolom_grafik.nama_kelurahan": {"id": "Kelurahan", "en": "Kelurahan"},
}
