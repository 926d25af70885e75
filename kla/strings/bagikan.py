"""Interface texts: the "Bagikan" control of every page and chart (kla/ui/share.py, kla/share.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "bagikan.tombol": {"id": "Bagikan", "en": "Share"},
    "bagikan.tombol.bantuan": {
        "id": "Tautan ke tampilan ini dengan semua pilihan Anda, untuk disalin atau dikirim.",
        "en": "A link to this view with all your choices, to copy or send.",
    },
    "bagikan.grafik.bantuan": {
        "id": "Tautan langsung ke grafik ini dengan semua pilihan Anda, untuk disalin atau dikirim.",
        "en": "A link straight to this chart with all your choices, to copy or send.",
    },
    "bagikan.tautan": {"id": "Tautan ke tampilan ini", "en": "Link to this view"},
    "bagikan.tautan.grafik": {"id": "Tautan ke grafik ini", "en": "Link to this chart"},
    "bagikan.salin": {"id": "Salin tautan", "en": "Copy link"},
    "bagikan.tersalin": {"id": "Tersalin: tautan ada di papan klip.", "en": "Copied: the link is on the clipboard."},
    "bagikan.salin.manual": {
        "id": "Tautan sudah dipilih: tekan Ctrl+C (⌘C di Mac) untuk menyalinnya.",
        "en": "The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
    },
    "bagikan.lewat": {"id": "Kirim lewat", "en": "Send via"},
    "bagikan.email": {"id": "E-mail", "en": "Email"},
    "bagikan.tab_baru": {"id": "(membuka tab baru)", "en": "(opens in a new tab)"},
    "bagikan.program_email": {"id": "(membuka program e-mail)", "en": "(opens your email program)"},
    "bagikan.pesan": {"id": "{judul} · Dasbor KLA Balikpapan", "en": "{judul} · KLA Balikpapan dashboard"},
}
