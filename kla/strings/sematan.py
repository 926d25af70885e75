"""Interface texts: the <iframe> code of the static embed pages (kla/ui/sematan.py, kla/embeds)."""

STRINGS: dict[str, dict[str, str]] = {
    "sematan.judul": {"id": "Sematkan di situs Anda", "en": "Embed on your site"},
    "sematan.pengantar": {
        "id": "Salin kode di bawah ke halaman berita atau situs Anda. Grafik tampil sebagai halaman statis "
              "(tanpa sesi dasbor), menyesuaikan lebar bingkainya, dan menyebut sumber serta versi datanya.",
        "en": "Copy the code below into your news page or site. The chart shows as a static page (no dashboard "
              "session), fits the width of its frame and names its source and data version.",
    },
    "sematan.grafik": {"id": "Grafik atau peta", "en": "Chart or map"},
    "sematan.kode": {"id": "Kode <iframe> untuk disalin", "en": "<iframe> code to copy"},
    "sematan.kode.terbaru": {
        "id": "Selalu versi data terbaru (berganti saat data baru diterbitkan)",
        "en": "Always the latest data version (changes when new data is published)",
    },
    "sematan.kode.tetap": {
        "id": "Tetap pada data versi {versi} (tidak pernah berubah)",
        "en": "Fixed to data version {versi} (never changes)",
    },
    "sematan.pratinjau": {"id": "Pratinjau", "en": "Preview"},
    "sematan.pratinjau.tampil": {"id": "Tampilkan pratinjau", "en": "Show preview"},
    "sematan.bawaan": {
        "id": "Sematan menampilkan tampilan bawaan grafik ini (pilihan di halaman ini tidak ikut).",
        "en": "The embed shows this chart's default view (choices made on this page are not carried over).",
    },
    "sematan.disiapkan": {
        "id": "Halaman sematan untuk data versi {versi} sedang disiapkan; muat ulang halaman ini sebentar lagi.",
        "en": "The embed pages for data version {versi} are being prepared; reload this page in a moment.",
    },
    "sematan.belum": {
        "id": "Halaman sematan untuk data yang diterbitkan sekarang belum ditulis.",
        "en": "Embed pages are not available yet for the data published now.",
    },
}
