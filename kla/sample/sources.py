"""``sumber``: one row per data file saying who publishes it, where it comes from and whether it is sample."""

from __future__ import annotations

import pandas as pd

from kla.sample import curated
from kla.schema import FILES
from kla.strings.dokumen import FILE_TITLES

SAMPLE_LICENCE = "CC BY 4.0"
SOURCE_ROWS = {  # berkas: (periode, extra source text or None, licence)
    "indikator": ("24 indikator (Permen PPPA 12/2022)",
                  "nama dan blok indikator dari bahan KemenPPPA; max_poin ilustratif (bobot resmi tidak diumumkan)",
                  SAMPLE_LICENCE),
    "evaluasi_kota": ("2017-2025", "poin ilustratif yang totalnya sesuai kategori resmi tiap tahun", SAMPLE_LICENCE),
    "kategori_resmi": ("2012-2025", None, "Fakta publik; kutip sumber aslinya"),
    "skor_kelurahan": ("2022-2025", "penilaian kelurahan ilustratif (tidak ada skor kelurahan yang diterbitkan)",
                       SAMPLE_LICENCE),
    "inisiatif": ("2019-2027",
                  "nama layanan nyata dari berita publik bercampur inisiatif rekaan; status dan tanggal ilustratif",
                  SAMPLE_LICENCE),
    "kegiatan": ("2023-01-01 s.d. 2026-11-15", "log kegiatan rekaan", SAMPLE_LICENCE),
    "peta_jalan": ("2027-2029", "target ilustratif", SAMPLE_LICENCE),
    "wilayah": ("Kepmendagri 2025; anak 0-17: {anak_tahun}",
                "kode dan nama asli; anak_0_17 ILUSTRATIF: {anak} anak ({anak_tahun}) dibagi menurut penduduk "
                "kecamatan ({penduduk_periode}) lalu acak per kelurahan",
                "Kode dan nama: Kepmendagri 300.2.2-2430/2025 via cahyadsn/wilayah (MIT); anak_0_17: CC BY 4.0"),
}
# The same in English: berkas -> (periode_en, note_en, lisensi_en); "" = as in Indonesian.
SOURCE_ROWS_EN = {
    "indikator": ("24 indicators (Minister of PPPA Regulation 12/2022)",
                  "indicator names and blocks from KemenPPPA material; maximum points illustrative "
                  "(the official weights are not published)", ""),
    "evaluasi_kota": ("", "illustrative points whose total matches each year's official category", ""),
    "kategori_resmi": ("", None, "Public facts; cite the original source"),
    "skor_kelurahan": ("", "illustrative kelurahan assessment (no kelurahan scores are published)", ""),
    "inisiatif": ("", "real service names from public news mixed with invented initiatives; statuses and dates "
                      "illustrative", ""),
    "kegiatan": ("2023-01-01 to 2026-11-15", "invented activity log", ""),
    "peta_jalan": ("", "illustrative targets", ""),
    "wilayah": ("Kepmendagri 2025; children 0-17: {anak_tahun}",
                "real codes and names; children 0-17 ILLUSTRATIVE: {anak_en} children ({anak_tahun}) split by "
                "kecamatan population ({penduduk_periode}), then drawn per kelurahan",
                "Codes and names: Kepmendagri 300.2.2-2430/2025 via cahyadsn/wilayah (MIT); children 0-17: "
                "CC BY 4.0"),
}

# Who each file would come from: the short credit under every chart and export (kla/provenance.py).
# English only where it differs; an empty cell falls back to the Indonesian one.
PUBLISHERS = {  # berkas: (penerbit, penerbit_en)
    "indikator": ("KemenPPPA", ""),
    "evaluasi_kota": ("DP3AKB Kota Balikpapan", "DP3AKB, City of Balikpapan"),
    "kategori_resmi": ("KemenPPPA via pemberitaan", "KemenPPPA via press reports"),
    "skor_kelurahan": ("DP3AKB Kota Balikpapan", "DP3AKB, City of Balikpapan"),
    "inisiatif": ("DP3AKB Kota Balikpapan", "DP3AKB, City of Balikpapan"),
    "kegiatan": ("Gugus Tugas KLA Kota Balikpapan", "KLA task force, City of Balikpapan"),
    "peta_jalan": ("DP3AKB Kota Balikpapan", "DP3AKB, City of Balikpapan"),
    "wilayah": ("Kemendagri dan Dukcapil", "Kemendagri and Dukcapil"),
}


def _population_text() -> dict[str, str]:
    """The population facts the ``wilayah`` row quotes, as written there (Indonesian thousands: 223.233)."""
    children = curated.children_0_17_row()
    table = curated.population()
    periods = sorted(set(table.loc[table["kode"] != curated.CITY_CODE, "periode"]))
    return {"anak": f"{children['jumlah']:,}".replace(",", "."), "anak_en": f"{children['jumlah']:,}",
            "anak_tahun": children["periode"],
            "penduduk_periode": "; ".join(periods)}


def make_sumber(seed: int) -> pd.DataFrame:
    """One row per data file: title, publisher, source, period, licence and whether it is sample data."""
    facts = _population_text()
    rows = []
    for name, (periode, note, licence) in SOURCE_ROWS.items():
        sample = name != "kategori_resmi"
        periode = periode.format(**facts)
        periode_en, note_en, licence_en = SOURCE_ROWS_EN[name]
        if sample:
            note = (note or "").format(**facts)
            source = f"Data contoh (ilustratif), dibuat oleh `python -m kla sample` dengan seed {seed}; {note}"
            source_en = (f"Sample data (illustrative), made by `python -m kla sample` with seed {seed}; "
                         f"{(note_en or '').format(**facts)}")
        else:
            source = "Berita dan situs resmi; lihat kolom sumber"
            source_en = "News and official websites; see the source column"
        penerbit, penerbit_en = PUBLISHERS[name]
        rows.append({"berkas": name, "judul": FILES[name].title, "judul_en": FILE_TITLES[name],
                     "penerbit": penerbit, "penerbit_en": penerbit_en, "sumber": source, "sumber_en": source_en,
                     "periode": periode, "periode_en": periode_en.format(**facts), "lisensi": licence,
                     "lisensi_en": licence_en, "contoh": "ya" if sample else "tidak"})
    return pd.DataFrame(rows)
