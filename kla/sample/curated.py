"""The curated public facts the sample generator starts from, read from ``kla/sample/facts/*.csv``.

Each file is a plain CSV, one fact per row, with a ``sumber`` column (a URL or a named document;
``facts/README.md`` describes every file and says which columns are our own wording). The facts
were checked against ``shared/domain/KLA.md``; a changed fact needs its source changed with it.

Readers return plain tables or dicts and never cache, so a test may edit a copy freely.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

FACTS_DIR = Path(__file__).with_name("facts")
FACT_FILES = ("wilayah", "kategori_resmi", "penduduk", "indikator", "inisiatif_nyata", "rapat_gugus_tugas",
              "forum_anak")
SOURCE_COLUMN = "sumber"
CITY_CODE = "64.71"
REGION_COLUMNS = ["kode", "tingkat", "nama", "kode_induk", "alias"]


class FactError(ValueError):
    """A facts file that cannot be used: missing, without a source column, or a row without a source."""


def read_facts(name: str, folder: Path = FACTS_DIR) -> pd.DataFrame:
    """One facts file with every cell as text (an empty cell is ``""``); every row must name its source."""
    path = Path(folder) / f"{name}.csv"
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise FactError(f"{path}: berkas fakta tidak terbaca ({exc}).") from exc
    if SOURCE_COLUMN not in table.columns:
        raise FactError(f"{path.name}: tidak ada kolom '{SOURCE_COLUMN}'; setiap fakta perlu sumbernya.")
    unsourced = table.index[table[SOURCE_COLUMN].str.strip() == ""]
    if len(unsourced):
        row = int(unsourced[0]) + 2  # header is row 1
        raise FactError(f"{path.name}, baris {row}, kolom {SOURCE_COLUMN}: kosong; "
                        "diharapkan URL atau nama dokumen sumber fakta ini.")
    return table


def _blank_as_missing(column: pd.Series) -> pd.Series:
    return column.mask(column.str.strip() == "")


def regions(folder: Path = FACTS_DIR) -> pd.DataFrame:
    """The 6 kecamatan and 34 kelurahan (Kepmendagri codes and spelling, known variants as ``alias``)."""
    return read_facts("wilayah", folder)[REGION_COLUMNS].copy()


def official_categories(folder: Path = FACTS_DIR) -> pd.DataFrame:
    """Balikpapan's KLA category per year, reported scores where published, with source and note."""
    table = read_facts("kategori_resmi", folder)
    table["tahun"] = table["tahun"].astype(int)
    table["kategori"] = _blank_as_missing(table["kategori"])
    table["skor_dilaporkan"] = pd.to_numeric(_blank_as_missing(table["skor_dilaporkan"])).astype(float)
    return table[["tahun", "kategori", "skor_dilaporkan", "sumber", "keterangan", "keterangan_en"]]


def population(folder: Path = FACTS_DIR) -> pd.DataFrame:
    """Population counts: the city's children 0-17 and every kecamatan's residents, each with its period."""
    table = read_facts("penduduk", folder)
    table["jumlah"] = table["jumlah"].astype(int)
    return table


def children_0_17_row(folder: Path = FACTS_DIR) -> pd.Series:
    """The city's count of children aged 0-17 (the one count the generator splits over kelurahan)."""
    table = population(folder)
    city = table[(table["kode"] == CITY_CODE) & (table["umur"] == "0-17")]
    if len(city) != 1:
        raise FactError(f"penduduk.csv: diharapkan tepat satu baris kode {CITY_CODE} umur 0-17, ada {len(city)}.")
    return city.iloc[0]


def children_0_17(folder: Path = FACTS_DIR) -> int:
    return int(children_0_17_row(folder)["jumlah"])


def kecamatan_population(folder: Path = FACTS_DIR) -> dict[str, int]:
    """Residents of every age per kecamatan code (one series: see the ``periode`` column)."""
    table = population(folder)
    rows = table[(table["kode"] != CITY_CODE) & (table["umur"] == "semua umur")]
    return dict(zip(rows["kode"], rows["jumlah"]))


def indicators(folder: Path = FACTS_DIR) -> pd.DataFrame:
    """The 24 indicators: our code, names, and the metadata shown beside each (no points: none are published)."""
    return read_facts("indikator", folder).drop(columns=SOURCE_COLUMN)


def named_initiatives(folder: Path = FACTS_DIR) -> pd.DataFrame:
    """Real services and places; ``lokasi_pasti`` says whether the kelurahan is known or placed by us."""
    table = read_facts("inisiatif_nyata", folder)
    table["lokasi_pasti"] = table["lokasi_pasti"] == "ya"
    table["tanggal_selesai"] = _blank_as_missing(table["tanggal_selesai"])
    return table


def known_meetings(folder: Path = FACTS_DIR) -> dict[tuple[int, int], tuple[str, str]]:
    """Reported Gugus Tugas meetings by (year, month): date and title."""
    table = read_facts("rapat_gugus_tugas", folder)
    dates = pd.to_datetime(table["tanggal"], format="%Y-%m-%d")
    return {(d.year, d.month): (text, title) for d, text, title in zip(dates, table["tanggal"], table["judul"])}


def forum_anak_notes(folder: Path = FACTS_DIR) -> dict[str, tuple[str, str]]:
    """Reported details of a kelurahan's Forum Anak, by kelurahan name: (Indonesian, English)."""
    table = read_facts("forum_anak", folder)
    return dict(zip(table["kelurahan"], zip(table["keterangan"], table["keterangan_en"])))
