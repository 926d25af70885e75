"""Interface texts: batas (kelurahan boundaries, kla/boundaries.py; see kla/strings/__init__.py).

The ``batas.status.*`` texts are the messages of ``kla.boundaries.ensure_installed``: its
InstallStatus carries the key and the values, so a page can show them in either language.
"""

STRINGS: dict[str, dict[str, str]] = {
    "batas.status.terpasang": {
        "id": "Batas kelurahan terpasang: {jumlah} kelurahan dari {sumber}.",
        "en": "Kelurahan boundaries installed: {jumlah} kelurahan from {sumber}.",
    },
    "batas.status.diunduh": {
        "id": "Batas kelurahan baru saja diunduh dan dipasang: {jumlah} kelurahan dari {sumber}.",
        "en": "Kelurahan boundaries were just downloaded and installed: {jumlah} kelurahan from {sumber}.",
    },
    "batas.status.luring": {
        "id": "Peta kelurahan belum tersedia: batas kelurahan belum terpasang, dan unduhan otomatis gagal "
              "karena tidak tersambung ke internet. Pasang dari berkas dengan "
              "`python -m kla geo install BERKAS`.",
        "en": "The kelurahan map is not available yet: no boundaries are installed, and the automatic "
              "download failed because there is no internet connection. Install them from a file with "
              "`python -m kla geo install FILE`.",
    },
    "batas.status.gagal": {
        "id": "Peta kelurahan belum tersedia: unduhan otomatis batas kelurahan ditolak ({alasan}). "
              "Pasang dari berkas dengan `python -m kla geo install BERKAS`.",
        "en": "The kelurahan map is not available yet: the automatic boundary download was rejected "
              "({alasan}). Install them from a file with `python -m kla geo install FILE`.",
    },
    "batas.status.ditunda": {
        "id": "Peta kelurahan belum tersedia: batas kelurahan belum terpasang. Unduhan otomatis gagal pada "
              "{waktu} dan dicoba lagi setelah {lagi}; atau pasang dari berkas dengan "
              "`python -m kla geo install BERKAS`.",
        "en": "The kelurahan map is not available yet: no boundaries are installed. The automatic download "
              "failed at {waktu} and will be retried after {lagi}; or install them from a file with "
              "`python -m kla geo install FILE`.",
    },
    "batas.atribusi": {"id": "Batas kelurahan: {atribusi}", "en": "Kelurahan boundaries: {atribusi}"},
}
