"""Words and number formats of the interface: Indonesian first, English second.

``t(key, lang)`` looks a string up; a missing English text falls back to Indonesian so a page is
never blank. Numbers and dates follow Indonesian conventions (1.234,5 and 17 Agustus 2025),
because press releases copy them as they appear.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Literal

import pandas as pd

from kla.domain import MAX_SCORE, PARIPURNA_MIN, lower_thresholds

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
MONTHS_ID_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")

# Times are shown as Balikpapan's clock has them (WITA, UTC+8, no daylight saving): a server clock
# on UTC would otherwise date a morning publication the day before.
BALIKPAPAN_TZ = dt.timezone(dt.timedelta(hours=8), "WITA")

# Plotly's layout.separators: decimal mark first, then the thousands mark.
PLOTLY_SEPARATORS = {"id": ",.", "en": ".,"}
DAYS_ID = ("Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu")  # plotly.js counts from Sunday
DAYS_ID_SHORT = ("Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab")

# plotly.js's own texts a visitor can meet with the toolbar hidden (zooming a chart, selecting on the map),
# and the toolbar's, should a chart show it.
PLOTLY_WORDS_ID = {
    "Double-click to zoom back out": "Klik dua kali untuk kembali",
    "Autoscale": "Skala otomatis",
    "Reset axes": "Atur ulang sumbu",
    "Zoom": "Perbesar area",
    "Zoom in": "Perbesar",
    "Zoom out": "Perkecil",
    "Pan": "Geser",
    "Box Select": "Pilih kotak",
    "Lasso Select": "Pilih laso",
    "Download plot as a png": "Unduh grafik sebagai PNG",
    "Download plot": "Unduh grafik",
    "Taking snapshot - this may take a few seconds": "Membuat gambar, mungkin perlu beberapa detik",
    "Produced with Plotly.js": "Dibuat dengan Plotly.js",
    "Show closest data on hover": "Tampilkan data terdekat saat kursor di atasnya",
    "Compare data on hover": "Bandingkan data saat kursor di atasnya",
    "Toggle Spike Lines": "Garis bantu",
    "Reset view": "Atur ulang tampilan",
}


def plotly_locale(lang: Lang) -> dict[str, object]:
    """``st.plotly_chart`` config entries that make plotly.js format dates, numbers and its own texts in ``lang``.

    plotly.js ships only English; a locale is either registered globally (Streamlit's frontend bundles
    plotly.js and exposes no global to register with) or travels in the chart's config (``locales``), as
    here: nothing is fetched, the dictionary arrives with the chart. Month names are this module's, so an
    axis plotly formats itself reads like our own labels ("Mei 2024", "Agu"). ``layout.separators``
    (:data:`PLOTLY_SEPARATORS`, set by kla.charts) still decides the marks, for kaleido's pictures too.
    """
    if lang != "id":
        return {"locale": "en"}
    decimal, thousands = PLOTLY_SEPARATORS["id"][0], PLOTLY_SEPARATORS["id"][1]
    return {"locale": "id", "locales": {"id": {
        "dictionary": PLOTLY_WORDS_ID,
        "format": {
            "days": list(DAYS_ID), "shortDays": list(DAYS_ID_SHORT),
            "months": list(MONTHS_ID), "shortMonths": list(MONTHS_ID_SHORT),
            "periods": ["AM", "PM"], "decimal": decimal, "thousands": thousands, "grouping": [3],
            "currency": ["Rp", ""],
            "dateTime": "%A, %-d %B %Y %H.%M.%S", "date": "%d/%m/%Y", "time": "%H.%M.%S",
            # the axis tick formats plotly picks by zoom level: "Mei 2024", "17 Agu", "17 Agu 2024"
            "year": "%Y", "month": "%b %Y", "dayMonth": "%-d %b", "dayMonthYear": "%-d %b %Y",
        },
    }}}


def format_number(x: float | int | None, decimals: int = 0, lang: Lang = "id") -> str:
    """1234.5 -> '1.234,5' (id) or '1,234.5' (en); missing values -> '–'."""
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
        return "–"
    text = f"{float(x):,.{decimals}f}"
    if lang == "id":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def format_signed(x: float | None, decimals: int = 0, lang: Lang = "id") -> str:
    """Change with an explicit sign: '+12,5' / '−3' (a true minus sign reads better on screen)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    sign = "+" if x > 0 else ("−" if x < 0 else "±")
    return sign + format_number(abs(x), decimals, lang)


def format_percent(x: float | None, decimals: int = 1, lang: Lang = "id") -> str:
    """Percent given on a 0-100 scale: 91.74 -> '91,7%'."""
    text = format_number(x, decimals, lang)
    return text if text == "–" else f"{text}%"


def format_date(d: dt.date | pd.Timestamp | None, lang: Lang = "id", short: bool = False) -> str:
    """17 Agustus 2025 (id) / 17 August 2025 (en); short gives '17 Agu 2025'."""
    if d is None or pd.isna(d):
        return "–"
    months = MONTHS_ID_SHORT if short and lang == "id" else (MONTHS_ID if lang == "id" else MONTHS_EN)
    name = months[d.month - 1]
    if short and lang == "en":
        name = name[:3]
    return f"{d.day} {name} {d.year}"


def format_month(d: dt.date | pd.Timestamp, lang: Lang = "id") -> str:
    """'Agu 2025' for axis labels."""
    name = MONTHS_ID_SHORT[d.month - 1] if lang == "id" else MONTHS_EN[d.month - 1][:3]
    return f"{name} {d.year}"


def t(key: str, lang: Lang = "id", **values: object) -> str:
    """The interface text for ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    entry = STRINGS.get(key)
    if entry is None:
        raise KeyError(f"Teks antarmuka '{key}' belum didefinisikan di kla/i18n.py")
    text = entry.get(lang) or entry["id"]
    return text.format(**values) if values else text


def block_name(code: str, lang: Lang = "id", short: bool = False) -> str:
    """'K3' -> 'Klaster III' (short) or the full cluster name."""
    return t(f"blok.{code}.{'pendek' if short else 'panjang'}", lang)


STRINGS: dict[str, dict[str, str]] = {
    # --- app chrome -----------------------------------------------------------------------------
    "app.judul": {"id": "KLA Balikpapan", "en": "KLA Balikpapan"},
    "app.subjudul": {"id": "Dasbor Kota Layak Anak Balikpapan", "en": "Balikpapan Child-Friendly City dashboard"},
    "app.bahasa": {"id": "Bahasa", "en": "Language"},
    "nav.ringkasan": {"id": "Ringkasan", "en": "Overview"},
    "nav.tren": {"id": "Tren", "en": "Trends"},
    "nav.inisiatif": {"id": "Inisiatif", "en": "Initiatives"},
    "nav.kegiatan": {"id": "Kegiatan", "en": "Activities"},
    "nav.tentang": {"id": "Tentang data", "en": "About the data"},
    "contoh.label": {"id": "Data contoh", "en": "Sample data"},
    "contoh.banner": {
        "id": "**Data contoh.** Berkas berikut berisi angka ilustratif, bukan data resmi: {berkas}.",
        "en": "**Sample data.** These files hold illustrative numbers, not official data: {berkas}.",
    },
    # where the data come from (kla/provenance.py): chart footers, captions, exports, the brief
    "sumber.contoh": {"id": "data contoh", "en": "sample data"},
    "sumber.contoh_sebagian": {"id": "data contoh: {berkas}", "en": "sample data: {berkas}"},
    "sumber.versi": {"id": "Data versi {n}, diterbitkan {tanggal}", "en": "Data version {n}, published {tanggal}"},
    "sumber.versi.draf": {"id": "Data versi {n} (draf, belum diterbitkan)",
                          "en": "Data version {n} (draft, not published)"},
    "data.masalah.judul": {"id": "Data tidak dapat dimuat", "en": "The data could not be loaded"},
    "data.masalah.lama": {
        "id": "Berkas data yang baru berisi {n} masalah. "
              "Dasbor tetap menampilkan data terakhir yang sah (dimuat {waktu}).",
        "en": "The new data files have {n} problems. The dashboard keeps showing the last valid data (loaded {waktu}).",
    },
    "data.masalah.tanpa_lama": {
        "id": "Berkas data berisi {n} masalah dan belum ada data sah sebelumnya. Perbaiki berkas berikut:",
        "en": "The data files have {n} problems and there is no earlier valid data. Fix these files:",
    },
    "data.masalah.lainnya": {"id": "… dan {n} masalah lainnya.", "en": "… and {n} more problems."},
    "sumber": {"id": "Sumber", "en": "Source"},
    "periode": {"id": "Periode", "en": "Period"},
    "lisensi": {"id": "Lisensi", "en": "Licence"},
    "tahun": {"id": "Tahun", "en": "Year"},
    "poin": {"id": "poin", "en": "points"},
    "semua": {"id": "Semua", "en": "All"},
    # a link (query string) that cannot be used as it is: kla/ui/widgets.py
    "url.tidak_dikenal": {"id": "Tautan memuat {nilai}, yang tidak dikenal; ditampilkan {pakai}.",
                          "en": "The link has {nilai}, which is unknown; showing {pakai} instead."},
    "url.sebagian": {"id": "Tautan memuat {nilai}; yang tidak dikenal diabaikan: {salah}.",
                     "en": "The link has {nilai}; unknown entries were left out: {salah}."},
    "url.terlalu_banyak": {"id": "Tautan memilih {n} untuk {param}, padahal paling banyak {maks}; "
                                 "ditampilkan {maks} yang pertama.",
                           "en": "The link chooses {n} for {param}, but at most {maks} fit; showing the first {maks}."},
    "url.tanggal_salah": {"id": "Tanggal {nilai} di tautan tidak terbaca (format TTTT-BB-HH); dipakai {pakai}.",
                          "en": "The date {nilai} in the link cannot be read (format YYYY-MM-DD); using {pakai}."},
    "url.tanggal_luar": {"id": "Tanggal {nilai} di tautan di luar data ({dari} – {sampai}); dipakai {pakai}.",
                         "en": "The date {nilai} in the link is outside the data ({dari} – {sampai}); using {pakai}."},
    "url.kelurahan_nama": {"id": "Tautan menyebut kelurahan \"{nilai}\"; ditampilkan {nama}, kode {kode}.",
                           "en": "The link names the kelurahan \"{nilai}\"; showing {nama}, code {kode}."},
    "url.rentang_terbalik": {
        "id": "Rentang tanggal di tautan terbalik (mulai {mulai}, akhir {akhir}); "
              "ditampilkan rentang bawaan {dari} – {sampai}.",
        "en": "The date range in the link ends before it starts ({mulai} to {akhir}); "
              "showing the default {dari} – {sampai}.",
    },
    "kategori": {"id": "Kategori", "en": "Category"},
    "kategori.none": {"id": "Belum berkategori", "en": "No category"},
    "unduh.csv": {"id": "Unduh data (CSV)", "en": "Download data (CSV)"},
    # --- blocks ---------------------------------------------------------------------------------
    "blok.KL.pendek": {"id": "Kelembagaan", "en": "Institutions"},
    "blok.K1.pendek": {"id": "Klaster I", "en": "Cluster I"},
    "blok.K2.pendek": {"id": "Klaster II", "en": "Cluster II"},
    "blok.K3.pendek": {"id": "Klaster III", "en": "Cluster III"},
    "blok.K4.pendek": {"id": "Klaster IV", "en": "Cluster IV"},
    "blok.K5.pendek": {"id": "Klaster V", "en": "Cluster V"},
    "blok.KL.panjang": {"id": "Kelembagaan", "en": "Institutions"},
    "blok.K1.panjang": {"id": "Klaster I · Hak Sipil dan Kebebasan", "en": "Cluster I · Civil rights and freedoms"},
    "blok.K2.panjang": {"id": "Klaster II · Lingkungan Keluarga dan Pengasuhan Alternatif",
                        "en": "Cluster II · Family environment and alternative care"},
    "blok.K3.panjang": {"id": "Klaster III · Kesehatan Dasar dan Kesejahteraan",
                        "en": "Cluster III · Basic health and welfare"},
    "blok.K4.panjang": {"id": "Klaster IV · Pendidikan, Pemanfaatan Waktu Luang, dan Kegiatan Budaya",
                        "en": "Cluster IV · Education, leisure and cultural activities"},
    "blok.K5.panjang": {"id": "Klaster V · Perlindungan Khusus", "en": "Cluster V · Special protection"},
    # --- charts ---------------------------------------------------------------------------------
    "grafik.sumber_bawaan": {"id": "DP3AKB Kota Balikpapan", "en": "DP3AKB, City of Balikpapan"},
    "grafik.contoh": {"id": "DATA CONTOH", "en": "SAMPLE DATA"},
    "grafik.kosong": {"id": "Tidak ada data untuk pilihan ini", "en": "No data for this selection"},
    # why a year has no score (kla.domain.gap_reason): the same words in every chart, page and file
    "tahun_kosong.tanpa_penilaian_nasional": {"id": "tidak ada penilaian nasional", "en": "no national round"},
    "tahun_kosong.tanpa_penilaian_dua_tahunan": {"id": "tidak ada penilaian (dua tahunan)",
                                                 "en": "no round (every two years)"},
    "tahun_kosong.skor_tidak_diumumkan": {"id": "skor tidak diumumkan", "en": "score not published"},
    "tahun_kosong.tanpa_data": {"id": "tanpa data", "en": "no data"},
    "skor_resmi.bertentangan": {"id": " (sumber bertentangan)", "en": " (sources disagree)"},
    "peta.kelas.belum": {"id": "Belum berkategori (< {batas})", "en": "No category (< {batas})"},
    "grafik.bulan_tidak_penuh": {"id": " · * bulan tidak penuh: {bulan}", "en": " · * part month: {bulan}"},
    "nilai.ya": {"id": "ya", "en": "yes"},
    "nilai.tidak": {"id": "tidak", "en": "no"},
    "grafik.tren_total.total_contoh": {"id": "Skor total (ilustratif)", "en": "Total score (illustrative)"},
    "grafik.tren_total.skor_resmi": {"id": "Skor resmi dilaporkan", "en": "Officially reported score"},
    "ringkasan.resmi.dilaporkan": {"id": " — skor resmi dilaporkan: {skor}",
                                   "en": " — officially reported score: {skor}"},
    "ringkasan.resmi.tanpa_skor": {"id": " — {skor}", "en": " — {skor}"},
    "ringkasan.resmi.beda.contoh": {
        "id": "Skor {tahun} di atas ({skor}) adalah data contoh (ilustratif), bukan skor resmi.",
        "en": "The {tahun} score above ({skor}) is sample data (illustrative), not the official score.",
    },
    "ringkasan.resmi.beda": {
        "id": "Skor {tahun} di atas ({skor}) dihitung dari poin indikator dalam data, bukan skor yang dilaporkan.",
        "en": "The {tahun} score above ({skor}) is computed from the indicator points in the data, "
              "not the reported one.",
    },
    "grafik.paripurna": {"id": f"Paripurna ({PARIPURNA_MIN})", "en": f"Paripurna ({PARIPURNA_MIN})"},
    "grafik.persen_maks": {"id": "% dari poin maksimum", "en": "% of maximum points"},
    "grafik.tren_total.judul": {"id": "Skor KLA Balikpapan per tahun evaluasi",
                                "en": "Balikpapan's KLA score by evaluation year"},
    "grafik.tren_total.subjudul": {
        "id": "Total poin 24 indikator (0–1.000) dalam rentang kategori; target peta jalan menuju Paripurna",
        "en": "Total points of 24 indicators (0–1,000) within the category bands; roadmap targets towards Paripurna",
    },
    "grafik.tren_total.total": {"id": "Skor total", "en": "Total score"},
    "grafik.tren_total.target": {"id": "Target peta jalan", "en": "Roadmap target"},
    "grafik.kategori_resmi": {"id": "Kategori resmi", "en": "Official category"},
    "grafik.capaian_blok.judul": {"id": "Capaian per blok", "en": "Attainment per block"},
    "grafik.capaian_blok.subjudul": {
        "id": "Poin yang diraih sebagai persen dari poin maksimum blok; label: poin / maksimum",
        "en": "Points earned as a percentage of the block maximum; labels: points / maximum",
    },
    "grafik.tren_blok.judul": {"id": "Capaian per blok dari tahun ke tahun", "en": "Attainment per block over time"},
    "grafik.tren_blok.subjudul": {"id": "Poin yang diraih sebagai persen dari poin maksimum tiap blok",
                                  "en": "Points earned as a percentage of each block's maximum"},
    "grafik.tren_indikator.judul": {"id": "Capaian indikator terpilih", "en": "Selected indicators over time"},
    "grafik.tren_indikator.subjudul": {
        "id": "Poin sebagai persen dari poin maksimum indikator",
        "en": "Points as a percentage of the indicator's maximum",
    },
    "grafik.tren_indikator.bobot_ilustratif": {"id": " (poin maksimum ilustratif)",
                                               "en": " (illustrative maximum points)"},
    "grafik.kekurangan.judul": {"id": "Indikator dengan kekurangan poin terbesar",
                                "en": "Indicators with the largest shortfall"},
    "grafik.kekurangan.subjudul": {
        "id": "Batang: poin yang belum diraih (maksimum − poin). Garis: kekurangan kumulatif dari atas ke bawah",
        "en": "Bars: points not yet earned (maximum − points). Line: cumulative shortfall from the top down",
    },
    "grafik.kekurangan.batang": {"id": "Kekurangan", "en": "Shortfall"},
    "grafik.kekurangan.kumulatif": {"id": "Kekurangan kumulatif", "en": "Cumulative shortfall"},
    "grafik.kekurangan.ke_paripurna": {"id": "Kurang ke Paripurna: {poin}", "en": "Points to Paripurna: {poin}"},
    "grafik.banding_kelurahan.judul": {"id": "Skor kelurahan layak anak", "en": "Child-friendly kelurahan scores"},
    "grafik.banding_kelurahan.subjudul": {
        "id": "Total poin per tahun penilaian (0–1.000), dibandingkan dengan rata-rata semua kelurahan",
        "en": "Total points per assessment year (0–1,000), compared with the average of all kelurahan",
    },
    "grafik.rata_kelurahan": {"id": "Rata-rata {n} kelurahan", "en": "Average of {n} kelurahan"},
    "grafik.inisiatif.judul.jenis": {"id": "Inisiatif menurut jenis", "en": "Initiatives by type"},
    "grafik.inisiatif.judul.jenis_mitra": {"id": "Inisiatif menurut jenis mitra", "en": "Initiatives by partner type"},
    "grafik.inisiatif.judul.kecamatan": {"id": "Inisiatif menurut kecamatan", "en": "Initiatives by district"},
    "grafik.inisiatif.judul.status": {"id": "Inisiatif menurut status", "en": "Initiatives by status"},
    "grafik.inisiatif.subjudul": {"id": "Jumlah inisiatif ({n} seluruhnya)",
                                  "en": "Number of initiatives ({n} in all)"},
    "grafik.inisiatif.satuan": {"id": "inisiatif", "en": "initiatives"},
    "grafik.kegiatan_bulanan.judul": {"id": "Kegiatan per bulan menurut jenis", "en": "Activities per month by type"},
    "grafik.kegiatan_bulanan.subjudul": {"id": "Jumlah kegiatan tercatat ({n} seluruhnya)",
                                         "en": "Number of recorded activities ({n} in all)"},
    "grafik.kegiatan.satuan": {"id": "kegiatan", "en": "activities"},
    "grafik.peserta_bulanan.judul": {"id": "Peserta kegiatan per bulan", "en": "Activity participants per month"},
    "grafik.peserta_bulanan.subjudul": {
        "id": "Jumlah kehadiran; satu orang dapat terhitung di beberapa kegiatan",
        "en": "Attendance counts; one person may be counted at several activities",
    },
    "grafik.anak": {"id": "Anak (0–17)", "en": "Children (0–17)"},
    "grafik.dewasa": {"id": "Dewasa", "en": "Adults"},
    "grafik.orang": {"id": "orang", "en": "people"},
}


# Page texts are kept apart from the chrome above so each page's words stay together.
_PAGE_STRINGS: dict[str, dict[str, str]] = {
    "filter": {"id": "Saring", "en": "Filter"},
    "cari": {"id": "Cari", "en": "Search"},
    "kecamatan": {"id": "Kecamatan", "en": "District (kecamatan)"},
    "kelurahan": {"id": "Kelurahan", "en": "Kelurahan"},
    "kolom.nama": {"id": "Nama", "en": "Name"},
    "kolom.nama_mitra": {"id": "Mitra", "en": "Partner"},
    "kolom.mulai": {"id": "Mulai", "en": "Start"},
    "kolom.selesai": {"id": "Selesai", "en": "End"},
    "kolom.deskripsi": {"id": "Deskripsi", "en": "Description"},
    "kolom.tanggal": {"id": "Tanggal", "en": "Date"},
    "kolom.judul": {"id": "Judul", "en": "Title"},
    "kolom.penyelenggara": {"id": "Penyelenggara", "en": "Organiser"},
    # Ringkasan
    "ringkasan.judul": {"id": "Ringkasan KLA Balikpapan", "en": "KLA Balikpapan at a glance"},
    "ringkasan.tahun": {"id": "Tahun evaluasi", "en": "Evaluation year"},
    "ringkasan.skor": {"id": "Skor {tahun}", "en": "Score {tahun}"},
    "ringkasan.skor.bantuan": {"id": f"Jumlah poin 24 indikator (skala 0-{MAX_SCORE}).",
                               "en": f"Sum of the points of 24 indicators (0-{MAX_SCORE} scale)."},
    "ringkasan.skor.bantuan.contoh": {"id": " Pada data contoh, poin per indikator ilustratif.",
                                      "en": " In sample data the points are illustrative."},
    "ringkasan.ke_paripurna": {"id": f"Kurang ke Paripurna ({PARIPURNA_MIN})",
                               "en": f"Points to Paripurna ({PARIPURNA_MIN})"},
    "ringkasan.ke_paripurna.bantuan": {
        "id": f"Paripurna ({PARIPURNA_MIN}-{MAX_SCORE}) "
              "belum pernah diraih kabupaten/kota mana pun hingga putaran 2025.",
        "en": f"No district or city had reached Paripurna ({PARIPURNA_MIN}-{MAX_SCORE}) as of the 2025 round.",
    },
    "ringkasan.target": {"id": "Target peta jalan {tahun}", "en": "Roadmap target {tahun}"},
    "ringkasan.target.bantuan": {
        "id": "Target skor total putaran berikutnya menurut peta jalan menuju Paripurna; "
              "angka hijau/merah = selisih skor sekarang.",
        "en": "Total score target for the next round from the roadmap towards Paripurna; "
              "the delta is today's score minus the target.",
    },
    "ringkasan.ke_berikut": {"id": "Kurang ke {kategori}", "en": "Points to {kategori}"},
    "ringkasan.resmi": {
        "id": "Kategori resmi {tahun}: **{kategori}**{skor}.",
        "en": "Official category {tahun}: **{kategori}**{skor}.",
    },
    "ringkasan.capaian_blok": {"id": "Capaian per blok, {tahun}", "en": "Attainment per block, {tahun}"},
    "ringkasan.blok_terlemah": {
        "id": "Blok dengan capaian terendah: **{blok}** ({persen}% dari poin maksimum; kurang {kurang} poin).",
        "en": "Lowest-attaining block: **{blok}** ({persen}% of maximum points; {kurang} points short).",
    },
    # Tren
    "tren.judul": {"id": "Tren capaian", "en": "Trends"},
    "tren.tampilan": {"id": "Tampilkan", "en": "Show"},
    "tren.tab.blok": {"id": "Per blok", "en": "By block"},
    "tren.tab.indikator": {"id": "Per indikator", "en": "By indicator"},
    "tren.tab.kelurahan": {"id": "Banding kelurahan", "en": "Compare kelurahan"},
    "tren.pilih_blok": {"id": "Blok", "en": "Block"},
    "tren.pilih_indikator": {"id": "Indikator", "en": "Indicators"},
    "tren.pilih_kelurahan": {"id": "Kelurahan (maks. 8)", "en": "Kelurahan (up to 8)"},
    "tren.pilih_minimal": {"id": "Pilih paling sedikit satu.", "en": "Choose at least one."},
    # Inisiatif
    "inisiatif.judul": {"id": "Inisiatif masyarakat dan layanan", "en": "Community initiatives and services"},
    "inisiatif.jenis": {"id": "Jenis", "en": "Type"},
    "inisiatif.mitra": {"id": "Jenis mitra", "en": "Partner type"},
    "inisiatif.status": {"id": "Status", "en": "Status"},
    "inisiatif.cari.contoh": {"id": "mis. taman baca, Manggar, Forum Anak", "en": "e.g. reading garden, Manggar"},
    "inisiatif.jumlah": {"id": "Menampilkan **{n}** dari {total} inisiatif.",
                         "en": "Showing **{n}** of {total} initiatives."},
    "inisiatif.daftar": {"id": "Daftar inisiatif", "en": "List of initiatives"},
    # Kegiatan
    "kegiatan.judul": {"id": "Kegiatan", "en": "Activities"},
    "kegiatan.rentang": {"id": "Rentang tanggal", "en": "Date range"},
    "kegiatan.jenis": {"id": "Jenis kegiatan", "en": "Activity type"},
    "kegiatan.jumlah": {"id": "Kegiatan", "en": "Activities"},
    "kegiatan.anak": {"id": "Anak terjangkau", "en": "Children reached"},
    "kegiatan.dewasa": {"id": "Dewasa terjangkau", "en": "Adults reached"},
    "kegiatan.kelurahan": {"id": "Kelurahan tersentuh", "en": "Kelurahan reached"},
    "kegiatan.daftar": {"id": "Daftar kegiatan", "en": "List of activities"},
    "kegiatan.daftar.batas": {"id": "Menampilkan paling banyak 500 kegiatan terbaru dari saringan.",
                              "en": "Showing at most the 500 latest activities of the filter."},
    # Tentang
    "tentang.judul": {"id": "Tentang data", "en": "About the data"},
    "tentang.pengantar": {
        "id": "Kota Layak Anak (KLA) dinilai KemenPPPA dengan **24 indikator** dalam **Kelembagaan** dan "
              "**lima klaster** hak anak (Perpres 25/2021, Permen PPPA 12/2022). Dasbor ini menampilkan posisi "
              "Balikpapan (Utama sejak 2023, dipertahankan 2025) dalam perjalanan menuju **Paripurna**, "
              "penilaian kelurahan, inisiatif masyarakat, dan kegiatan Gugus Tugas KLA.",
        "en": "KemenPPPA evaluates Child-Friendly Cities (KLA) on **24 indicators** in **Institutions** and "
              "**five clusters** of children's rights. This dashboard shows Balikpapan's position (Utama since "
              "2023, kept in 2025) on its way to **Paripurna**, kelurahan assessments, community initiatives "
              "and task-force activities.",
    },
    "tentang.kategori": {"id": "Kategori dan rentang skor", "en": "Categories and score bands"},
    "tentang.dari": {"id": "Dari", "en": "From"},
    "tentang.sampai": {"id": "Sampai", "en": "To"},
    "tentang.metode": {
        "id": f"**Metode.** Skor total = jumlah poin 24 indikator (0-{MAX_SCORE}). Kategori ditentukan oleh ambang "
              f"bawah: {lower_thresholds()}. \"Kurang ke Paripurna\" = "
              f"{PARIPURNA_MIN} − skor. Kekurangan indikator = poin maksimum − poin. "
              "Bobot (poin maksimum) per indikator **tidak diumumkan** KemenPPPA.",
        "en": f"**Method.** Total score = sum of the points of 24 indicators (0-{MAX_SCORE}). Category by lower "
              f"threshold: {lower_thresholds()}. \"Points to Paripurna\" = "
              f"{PARIPURNA_MIN} − score. Indicator shortfall = maximum points − points. "
              "Per-indicator weights are **not published** by KemenPPPA.",
    },
    "tentang.resmi": {"id": "Jalur resmi Balikpapan (fakta publik)", "en": "Balikpapan's official path (public facts)"},
    "tentang.skor_dilaporkan": {"id": "Skor dilaporkan", "en": "Reported score"},
    "tentang.keterangan": {"id": "Keterangan", "en": "Note"},
    "tentang.konflik": {
        "id": "Skor {tahun} dilaporkan berbeda oleh sumber publik: {skor}. Dasbor tidak memilih salah satu.",
        "en": "Public sources report different {tahun} scores: {skor}. The dashboard does not pick one.",
    },
    "tentang.konflik.contoh": {
        "id": " Data contoh memakai total ilustratif {total} (tetap dalam rentang kategori resmi).",
        "en": " The sample data uses an illustrative total of {total} (inside the official category's band).",
    },
    "tentang.konflik.data": {
        "id": " Poin per indikator dalam data dasbor berjumlah {total}.",
        "en": " The per-indicator points in the dashboard's data add up to {total}.",
    },
    "tentang.indikator": {"id": "Metadata indikator", "en": "Indicator metadata"},
    "tentang.max_poin": {"id": "Poin maks.", "en": "Max points"},
    "tentang.ilustratif": {"id": "Bobot ilustratif", "en": "Illustrative weight"},
    "tentang.satuan": {"id": "Satuan", "en": "Unit"},
    "tentang.definisi": {"id": "Definisi", "en": "Definition"},
    "tentang.penanggung_jawab": {"id": "Penanggung jawab", "en": "Responsible office"},
    "tentang.bobot_catatan": {
        "id": "Poin maksimum per indikator ilustratif: KemenPPPA tidak menerbitkan bobot resmi. Jumlahnya 1000.",
        "en": "Maximum points per indicator are illustrative: KemenPPPA publishes no official weights. "
              "They sum to 1000.",
    },
    "tentang.berkas": {"id": "Berkas data, sumber dan lisensi", "en": "Data files, sources and licences"},
    "tentang.penerbit": {"id": "Penerbit", "en": "Publisher"},
    "tentang.kode_lisensi": {
        "id": "Kode dasbor: lisensi MIT. Kode dan nama wilayah: Kepmendagri 300.2.2-2430/2025.",
        "en": "Dashboard code: MIT licence. Region codes and names: Kepmendagri 300.2.2-2430/2025.",
    },
}
STRINGS.update(_PAGE_STRINGS)


def _merge_feature_strings() -> None:
    from kla.strings import all_strings  # the feature texts live beside their features

    features = all_strings()
    twice = STRINGS.keys() & features.keys()
    if twice:
        raise ValueError(f"Teks antarmuka didefinisikan dua kali: {', '.join(sorted(twice))}")
    STRINGS.update(features)


_merge_feature_strings()


def format_moment(moment: dt.datetime, lang: Lang = "id", short: bool = True, seconds: bool = False) -> str:
    """An instant as Balikpapan reads it: '29 Nov 2026 09.15 WITA' (id) / '29 Nov 2026 09:15 WITA' (en)."""
    local = moment.astimezone(BALIKPAPAN_TZ) if moment.tzinfo else moment
    clock = local.strftime("%H.%M.%S" if seconds else "%H.%M")
    if lang == "en":
        clock = clock.replace(".", ":")
    return f"{format_date(local, lang, short=short)} {clock} WITA"
