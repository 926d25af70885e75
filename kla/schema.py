"""Declared shape of every data file, and the validator that checks a file against it.

Each file is described by a :class:`FileSpec` (its columns, key, and row rules). ``parse_table``
turns raw text cells into typed columns and returns every problem it finds as a
:class:`Problem` that names file, row, column, bad value and what was expected, in Indonesian.
Rows are numbered as a person sees them in a spreadsheet: the header is row 1, so the first
data row is row 2.

Checks that need other files (codes that must exist elsewhere, totals) live in
``kla.checks``; this module only knows one file at a time. Nothing here raises for bad cells:
a number too big for its type, a date in the year 9999 or a 50 MB description is a problem like
any other, and a cell that is reported is left empty in the typed table, so checks across files
never trip over it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from kla import domain

Kind = Literal["str", "int", "float", "date", "bool"]

# Blocks and official categories are stated once, in kla.domain; re-exported for the files' columns.
BLOCKS = domain.BLOCKS
CATEGORY_NAMES = domain.CATEGORY_NAMES

INITIATIVE_TYPES: tuple[str, ...] = (
    "Forum Anak",
    "PUSPAGA",
    "PISA",
    "RBRA",
    "TARA",
    "Rumah Ibadah Ramah Anak",
    "Puskesmas Ramah Anak",
    "Sekolah Ramah Anak",
    "PATBM",
    "Kampung Layak Anak",
    "Taman Baca Komunitas",
    "Gerakan Orang Tua Peduli Sekolah",
    "Pusat Kreativitas Anak",
    "Kawasan Tanpa Rokok",
    "Layanan UPTD PPA",
    "Lainnya",
)
PARTNER_TYPES: tuple[str, ...] = (
    "pemerintah",
    "komunitas",
    "sekolah",
    "dunia usaha/CSR",
    "forum anak",
    "media",
    "tempat ibadah",
)
INITIATIVE_STATUSES: tuple[str, ...] = ("rencana", "berjalan", "selesai", "terhenti")
ACTIVITY_TYPES: tuple[str, ...] = (
    "rapat gugus tugas",
    "pelatihan pendamping",
    "pelatihan relawan",
    "sosialisasi KIE",
    "forum anak",
    "verifikasi",
    "standardisasi layanan",
    "kunjungan lapangan",
    "lainnya",
)
REGION_LEVELS: tuple[str, ...] = ("kecamatan", "kelurahan")

KECAMATAN_CODE = r"64\.71\.\d{2}"
KELURAHAN_CODE = r"64\.71\.\d{2}\.\d{4}"
INDICATOR_CODE = r"(KL|K[1-5])-\d{2}"
# Rough box around Kota Balikpapan: a point outside it is a typo (swapped lat/lon, missing minus).
LAT_RANGE = (-1.45, -0.90)
LON_RANGE = (116.60, 117.20)
# Longest text a cell may hold: every cell is sent to every visitor, so a pasted document (or a
# 50 MB one) is reported rather than shown or cut silently. Names and labels are short.
TEXT_CAP = 2000
NAME_CAP = 200
LABEL_CAP = 60  # chart labels
# Years a date may fall in. The KLA programme began in 2006; initiatives may be older.
# "9999-12-31" as "no end yet" is refused: an empty cell says that.
KLA_YEARS = (2006, 2100)
INITIATIVE_YEARS = (1970, 2100)
# Beyond 2**53 a float no longer holds every integer: such a number is never read as an integer.
_EXACT_INT = 2**53


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place of one file, told in Indonesian."""

    berkas: str
    baris: int | None
    kolom: str | None
    nilai: str | None
    harapan: str

    def __str__(self) -> str:
        where = self.berkas
        if self.baris is not None:
            where += f", baris {self.baris}"
        if self.kolom:
            where += f", kolom '{self.kolom}'"
        if self.nilai is None:
            return f"{where}: {self.harapan}"
        return f"{where}: nilai '{self.nilai}' tidak sah; seharusnya {self.harapan}"


@dataclass(frozen=True)
class Column:
    """One column: its type, whether it may be empty, and its allowed values or range.

    ``min``/``max``: the range of a number, or of the year of a date. ``max_length``: the most
    characters a free-text cell may hold (text with a ``pattern`` or ``allowed`` values is
    bounded by those instead).
    """

    name: str
    kind: Kind = "str"
    required: bool = True
    allowed: tuple[str, ...] | None = None
    pattern: str | None = None
    min: float | None = None
    max: float | None = None
    description: str = ""
    unit: str = ""
    example: str = ""
    max_length: int = TEXT_CAP

    @property
    def free_text(self) -> bool:
        return self.kind == "str" and self.pattern is None and self.allowed is None

    def expectation(self) -> str:
        """What a valid cell looks like, in words, for error messages and the data dictionary."""
        if self.allowed:
            return "salah satu dari: " + ", ".join(self.allowed)
        words = {
            "str": "teks",
            "int": "bilangan bulat",
            "float": "angka (desimal boleh dengan titik atau koma)",
            "date": "tanggal TTTT-BB-HH atau HH/BB/TTTT",
            "bool": "ya/tidak (atau true/false, 1/0)",
        }[self.kind]
        if self.pattern:
            words += f" dengan pola {self.pattern}"
        if self.free_text:
            words += f", paling panjang {self.max_length} karakter"
        year = " tahun" if self.kind == "date" else ""
        if self.min is not None and self.max is not None:
            words += f" antara{year} {_num(self.min)} dan {_num(self.max)}"
        elif self.min is not None:
            words += f" paling kecil{year} {_num(self.min)}"
        elif self.max is not None:
            words += f" paling besar{year} {_num(self.max)}"
        if self.kind == "date" and not self.required:
            words += " (kosongkan bila belum ada tanggalnya, bukan 9999-12-31)"
        return words


@dataclass(frozen=True)
class FileSpec:
    """A data file: its name (without extension), columns and the columns that form its key."""

    name: str
    title: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    description: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    unique: tuple[tuple[str, ...], ...] = ()  # further column sets that must be unique, like the key

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x).replace(".", ",")


TRUE_WORDS = {"ya", "y", "true", "1", "benar"}
FALSE_WORDS = {"tidak", "t", "false", "0", "salah", "n", "no"}


def parse_table(raw: pd.DataFrame, spec: FileSpec, berkas: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Check a table of text cells against ``spec``; return typed columns and all problems.

    ``raw`` holds strings (empty string for an empty cell). Unknown extra columns are kept as
    text, because staff often add a notes column and that should not break loading. A cell that
    is reported is empty (missing) in the typed table.
    """
    problems = _repeated_headers(raw, berkas) or _missing_columns(raw, spec, berkas)
    if problems:
        return pd.DataFrame(), problems
    out = pd.DataFrame(index=raw.index)
    for col in spec.columns:
        if col.name not in raw.columns:  # optional column absent from the file
            out[col.name] = _empty_column(col, len(raw))
            continue
        values, col_problems = _parse_column(raw[col.name], col, berkas, distinct=spec.key != (col.name,))
        out[col.name] = values
        problems += col_problems
    problems += _duplicate_keys(raw, spec, berkas)
    for extra in raw.columns.difference([c.name for c in spec.columns]):
        out[extra] = raw[extra]
    return out.reset_index(drop=True), problems


def _repeated_headers(raw: pd.DataFrame, berkas: str) -> list[Problem]:
    """A header written twice: pandas would keep one column of that name and lose the other."""
    names = [str(c) for c in raw.columns]
    problems = []
    for name in dict.fromkeys(n for n in names if names.count(n) > 1):
        positions = [i for i, n in enumerate(names, start=1) if n == name]
        where = ", ".join(map(str, positions))
        problems.append(Problem(berkas, 1, name, None, f"judul kolom '{name}' tertulis {len(positions)} kali "
                                f"(kolom ke-{where}); setiap judul kolom hanya boleh ada sekali"))
    return problems


def _missing_columns(raw: pd.DataFrame, spec: FileSpec, berkas: str) -> list[Problem]:
    missing = [c.name for c in spec.columns if c.required and c.name not in raw.columns]
    if not missing:
        return []
    found = ", ".join(map(str, raw.columns)) or "(tidak ada)"
    return [
        Problem(berkas, 1, name, None, f"kolom wajib '{name}' tidak ada (kolom yang ada: {found})")
        for name in missing
    ]


def _empty_column(col: Column, n: int) -> pd.Series:
    dtype = {"str": "string", "int": "Int64", "float": "float64", "date": "datetime64[ns]", "bool": "boolean"}
    return pd.Series([pd.NA] * n if col.kind != "float" else [np.nan] * n, dtype=dtype[col.kind])


def _parse_column(
    cells: pd.Series, col: Column, berkas: str, distinct: bool = True
) -> tuple[pd.Series, list[Problem]]:
    # A column of a big log holds few distinct cells (types, codes, dates): every check below
    # depends on the cell alone, so it runs once per distinct cell and is spread back by ``codes``.
    # A column that is the whole key (ids) has as many distinct cells as rows: checked as it is.
    codes, text = _distinct_text(cells) if distinct else (np.arange(len(cells)), _stripped(cells))
    empty = text.eq("")
    values, bad, numbers = _convert(text, col)
    bad &= ~empty
    problems = _report(text, codes, bad, col, berkas, col.expectation())
    if col.required:
        problems += _report(text, codes, empty, col, berkas, "diisi (kolom wajib)", show_value=False)
    rejected = bad
    if numbers is not None:
        out_of_range = _out_of_range(numbers, col) & ~empty & ~bad
        problems += _report(text, codes, out_of_range, col, berkas, col.expectation())
        rejected = rejected | out_of_range
    if col.free_text:
        too_long = text.str.len().gt(col.max_length)
        problems += _report(text, codes, too_long, col, berkas, lambda cell: (
            f"teks paling panjang {col.max_length} karakter (sel ini {len(cell)} karakter); ringkas isinya"))
        rejected = rejected | too_long
    values = values.where(~rejected.to_numpy(dtype=bool))  # reported cells never reach checks across files
    return pd.Series(values.array.take(codes), index=cells.index, name=cells.name), problems


def _distinct_text(cells: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Position of each cell among the column's distinct cells, and those as stripped text."""
    codes, distinct = pd.factorize(cells.fillna(""))
    return codes, _stripped(pd.Series(distinct))


def _stripped(cells: pd.Series) -> pd.Series:
    return cells.fillna("").astype(str).str.strip().reset_index(drop=True)


def _convert(text: pd.Series, col: Column) -> tuple[pd.Series, pd.Series, pd.Series | None]:
    """Typed values, a mask of cells that could not be read as the column's type, and the numbers
    a range applies to (the values, or the years of dates; ``None`` when the column has no range)."""
    ranged = col.min is not None or col.max is not None
    if col.kind in ("int", "float"):
        normalised = text.where(text.str.contains(".", regex=False), text.str.replace(",", ".", regex=False))
        # float64 whatever pandas picks (uint64 for 2**64 - 1): huge numbers compare, never overflow.
        numbers = pd.to_numeric(normalised, errors="coerce").astype("float64")
        bad = ~np.isfinite(numbers)  # empty, words, "nan", "inf", 1e400
        if col.kind == "int":
            # Digits only (Excel may add ".0"): "12.000" is Indonesian for twelve thousand, and
            # silently reading it as 12 would be worse than asking for the plain number.
            bad |= ~text.str.fullmatch(r"-?\d+(\.0)?")
            exact = numbers.abs().le(_EXACT_INT)
            if not ranged:
                bad |= ~exact
            return numbers.where(~bad & exact).astype("Int64"), bad, numbers
        return numbers, bad, numbers if ranged else None
    if col.kind == "date":
        dates, years = _parse_dates(text)
        # A well-formed date outside what datetime64 holds (the year 9999) is out of range, not unreadable.
        return dates, dates.isna() & ~(years.notna() & ~years.between(*_DATE_YEARS)), years if ranged else None
    if col.kind == "bool":
        lower = text.str.casefold()
        values = pd.Series(pd.NA, index=text.index, dtype="boolean")
        values[lower.isin(TRUE_WORDS)] = True
        values[lower.isin(FALSE_WORDS)] = False
        return values, values.isna(), None
    values, bad = _convert_text(text, col)
    return values, bad, None


def _convert_text(text: pd.Series, col: Column) -> tuple[pd.Series, pd.Series]:
    values = text.astype("string")
    bad = pd.Series(False, index=text.index)
    if col.allowed is not None:
        canonical = {a.casefold(): a for a in col.allowed}
        mapped = _casefold(text).map(canonical)
        bad = mapped.isna()
        values = mapped.fillna(text).astype("string")
    if col.pattern is not None:
        bad |= ~text.str.fullmatch(col.pattern)
    return values.where(text.ne(""), pd.NA), bad


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")


# The years datetime64[ns] holds (1677-09-21 to 2262-04-11), with a margin; other years are
# never converted.
_DATE_YEARS = (1700, 2200)
_DATE_YEAR = re.compile(r"^(\d{4})-\d{1,2}-\d{1,2}$|^\d{1,2}[/-]\d{1,2}[/-](\d{4})$")


def _parse_dates(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Dates (NaT when unreadable) and the year each cell is written with (NaN when none)."""
    # Excel cells come through as "2025-08-17 00:00:00": the time part carries nothing here.
    text = text.str.replace(r" 00:00:00$", "", regex=True)
    parts = text.str.extract(_DATE_YEAR)
    years = pd.to_numeric(parts[0].fillna(parts[1]), errors="coerce").astype("float64")
    result = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    for fmt in DATE_FORMATS:
        todo = result.isna() & years.between(*_DATE_YEARS)
        if not todo.any():
            break
        result[todo] = pd.to_datetime(text[todo], format=fmt, errors="coerce")
    return result, years


def _out_of_range(numbers: pd.Series, col: Column) -> pd.Series:
    mask = pd.Series(False, index=numbers.index)
    if col.min is not None:
        mask |= numbers < col.min
    if col.max is not None:
        mask |= numbers > col.max
    if col.kind == "int":
        mask |= numbers.abs() > _EXACT_INT
    return mask.fillna(False)


def _report(
    text: pd.Series, codes: np.ndarray, mask: pd.Series, col: Column, berkas: str,
    harapan: str | Callable[[str], str], show_value: bool = True,
) -> list[Problem]:
    """One problem per row whose distinct cell is marked in ``mask``, in row order.

    ``harapan``: what was expected, or a function of the cell that says it.
    """
    marked = mask.to_numpy(dtype=bool)
    if not marked.any():
        return []
    rows = np.flatnonzero(marked[codes])
    expected = harapan if callable(harapan) else lambda _: harapan
    return [
        Problem(berkas, int(i) + 2, col.name, shown(text.iat[codes[i]]) if show_value else None,
                expected(text.iat[codes[i]]))
        for i in rows
    ]


SHOWN_CHARS = 80


def shown(value: object) -> str:
    """A cell as a message quotes it: long text is cut (a 50 MB cell must not become a 50 MB message)."""
    text = str(value)
    if len(text) <= SHOWN_CHARS:
        return text
    return f"{text[:SHOWN_CHARS - 20]}… ({len(text)} karakter)"


def _duplicate_keys(raw: pd.DataFrame, spec: FileSpec, berkas: str) -> list[Problem]:
    return [p for key in (spec.key, *spec.unique) for p in _duplicates(raw, key, berkas)]


def _duplicates(raw: pd.DataFrame, key: tuple[str, ...], berkas: str) -> list[Problem]:
    if not key or any(k not in raw.columns for k in key):
        return []
    keys = pd.DataFrame({k: _key_codes(raw[k]) for k in key})
    dup = keys.iloc[:, 0].duplicated(keep=False) if len(key) == 1 else keys.duplicated(keep=False)
    involved = keys[dup.to_numpy()]  # usually empty: stays cheap at 1M rows
    problems = []
    first_row: dict[tuple, int] = {}
    for position, key_values in zip(np.flatnonzero(dup.to_numpy()), involved.itertuples(index=False)):
        if key_values not in first_row:
            first_row[key_values] = int(position)
            continue
        value = " / ".join(str(raw[k].iat[position]) for k in key)
        harapan = f"unik; kunci ini sudah dipakai di baris {first_row[key_values] + 2}"
        problems.append(Problem(berkas, int(position) + 2, "+".join(key), shown(value), harapan))
    return problems


def _key_codes(cells: pd.Series) -> np.ndarray:
    """One integer per cell, equal when the cells are equal after trimming and ignoring case.

    Missing cells (NaN) all get -1: equal to each other, unlike a cell holding an empty string.
    """
    return pd.factorize(_casefold(cells.astype(str).str.strip()))[0]


def _casefold(text: pd.Series) -> pd.Series:
    # str.casefold runs Python once per cell; for ASCII text it equals lower(), which runs in C.
    if text.dropna().str.isascii().all():
        return text.str.lower()
    return text.str.casefold()


def is_valid_code(text: str, level: str) -> bool:
    pattern = KELURAHAN_CODE if level == "kelurahan" else KECAMATAN_CODE
    return re.fullmatch(pattern, text) is not None


# ---------------------------------------------------------------------------------------------
# The files. Column descriptions feed data/README.md (the data dictionary) and error messages.

_POINTS = "poin"


def _code_col(name: str, level: str, required: bool = True, description: str = "") -> Column:
    pattern = KELURAHAN_CODE if level == "kelurahan" else KECAMATAN_CODE
    example = "64.71.05.1010" if level == "kelurahan" else "64.71.04"
    return Column(name, pattern=pattern, required=required, description=description, example=example)


FILES: dict[str, FileSpec] = {}


def _register(spec: FileSpec) -> FileSpec:
    FILES[spec.name] = spec
    return spec


INDIKATOR = _register(FileSpec(
    "indikator",
    "Katalog indikator KLA",
    (
        Column("kode", pattern=INDICATOR_CODE, description="Kode indikator (kode kami, bukan kode resmi)",
               example="K3-15"),
        Column("nomor", "int", min=1, max=24, description="Nomor urut indikator 1-24, setiap nomor sekali",
               example="15"),
        Column("blok", allowed=BLOCKS, description="Kelembagaan (KL) atau Klaster I-V (K1-K5)", example="K3"),
        Column("nama_id", description="Nama indikator (Indonesia)",
               example="Fasilitas kesehatan dengan pelayanan ramah anak", max_length=NAME_CAP),
        Column("nama_en", description="Nama indikator (Inggris)", example="Child-friendly health facilities",
               max_length=NAME_CAP),
        Column("nama_singkat", description="Label pendek untuk grafik", example="Puskesmas ramah anak",
               max_length=LABEL_CAP),
        Column("nama_singkat_en", required=False,
               description="Label pendek dalam bahasa Inggris (kosong: nama_singkat)", example="Child-friendly clinics",
               max_length=LABEL_CAP),
        Column("max_poin", "float", min=0.5, max=1000,
               description="Poin maksimum (ilustratif: bobot resmi tidak diumumkan); jumlah 24 indikator = 1000",
               unit="poin", example="45"),
        Column("satuan", description="Satuan ukuran indikator", example="% puskesmas", max_length=NAME_CAP),
        Column("satuan_en", required=False, description="Satuan dalam bahasa Inggris (kosong: satuan)",
               example="% of health centres", max_length=NAME_CAP),
        Column("definisi", description="Definisi / cara ukur", example="Persentase puskesmas yang menerapkan PRAP"),
        Column("definisi_en", required=False, description="Definisi dalam bahasa Inggris (kosong: definisi)",
               example="Share of health centres applying PRAP"),
        Column("sumber_data", description="Sumber data indikator", example="Dinas Kesehatan", max_length=NAME_CAP),
        Column("periode", description="Periode data", example="tahunan", max_length=NAME_CAP),
        Column("periode_en", required=False, description="Periode dalam bahasa Inggris (kosong: periode)",
               example="annual", max_length=NAME_CAP),
        Column("penanggung_jawab", description="Perangkat daerah penanggung jawab", example="Dinas Kesehatan",
               max_length=NAME_CAP),
        Column("bobot_ilustratif", "bool", description="ya bila max_poin hanya ilustrasi", example="ya"),
    ),
    key=("kode",),
    unique=(("nomor",),),
    description="24 indikator KLA dalam 6 blok, dengan metadata (definisi, satuan, sumber, periode, penanggung jawab).",
))

EVALUASI_KOTA = _register(FileSpec(
    "evaluasi_kota",
    "Nilai evaluasi KLA kota per indikator",
    (
        Column("tahun", "int", min=KLA_YEARS[0], max=KLA_YEARS[1], description="Tahun putaran evaluasi",
               example="2025"),
        Column("kode_indikator", pattern=INDICATOR_CODE, description="Kode indikator (lihat indikator.csv)",
               example="K3-15"),
        Column(_POINTS, "float", min=0, max=1000,
               description="Poin yang diperoleh; tidak boleh melebihi max_poin indikator", unit="poin", example="38,5"),
    ),
    key=("tahun", "kode_indikator"),
    description="Poin kota per indikator per tahun evaluasi; "
                "jumlahnya adalah skor total (0-1000) yang menentukan kategori.",
))

KATEGORI_RESMI = _register(FileSpec(
    "kategori_resmi",
    "Kategori KLA Balikpapan yang diumumkan",
    (
        Column("tahun", "int", min=KLA_YEARS[0], max=KLA_YEARS[1], example="2023"),
        Column("kategori", allowed=CATEGORY_NAMES, required=False,
               description="Kategori resmi; kosong bila tidak ada putaran", example="Utama"),
        Column("skor_dilaporkan", "float", required=False, min=0, max=1000,
               description="Skor yang dilaporkan media/pejabat, bila ada", unit="poin", example="891"),
        Column("sumber", description="Sumber publik (URL)", example="https://www.niaga.asia/?p=160740"),
        Column("keterangan", required=False, description="Catatan, termasuk bila sumber saling bertentangan",
               example="Dilaporkan 817 oleh Sekretaris DP3AKB"),
        Column("keterangan_en", required=False, description="Catatan dalam bahasa Inggris (kosong: keterangan)",
               example="Reported as 817 by the DP3AKB secretary"),
    ),
    key=("tahun", "skor_dilaporkan"),
    description="Fakta publik (bukan data contoh): kategori per tahun dan skor yang dilaporkan, dengan sumbernya.",
))

SKOR_KELURAHAN = _register(FileSpec(
    "skor_kelurahan",
    "Penilaian kelurahan layak anak per blok",
    (
        Column("tahun", "int", min=KLA_YEARS[0], max=KLA_YEARS[1], example="2025"),
        _code_col("kode_kelurahan", "kelurahan", description="Kode Kemendagri kelurahan"),
        Column("blok", allowed=BLOCKS, example="K4"),
        Column(_POINTS, "float", min=0, max=1000,
               description="Poin blok; tidak boleh melebihi jumlah max_poin indikator blok itu", unit="poin",
               example="120"),
    ),
    key=("tahun", "kode_kelurahan", "blok"),
    description="Penilaian kelurahan layak anak oleh kota sendiri, per kelurahan, "
                "tahun dan blok (skala sama dengan kota: total 1000).",
))

INISIATIF = _register(FileSpec(
    "inisiatif",
    "Inisiatif masyarakat dan layanan",
    (
        Column("id", pattern=r"INI-\d{4,}", example="INI-0042"),
        Column("nama", example="Taman Baca Pelangi", max_length=NAME_CAP),
        Column("jenis", allowed=INITIATIVE_TYPES, example="Taman Baca Komunitas"),
        _code_col("kode_kelurahan", "kelurahan", description="Kode kelurahan lokasi inisiatif"),
        Column("blok", allowed=BLOCKS, description="Blok KLA yang paling didukung", example="K4"),
        Column("jenis_mitra", allowed=PARTNER_TYPES, example="komunitas"),
        Column("nama_mitra", example="Komunitas Baca Balikpapan", max_length=NAME_CAP),
        Column("status", allowed=INITIATIVE_STATUSES, example="berjalan"),
        Column("tanggal_mulai", "date", min=INITIATIVE_YEARS[0], max=INITIATIVE_YEARS[1], example="2024-03-01"),
        Column("tanggal_selesai", "date", required=False, min=INITIATIVE_YEARS[0], max=INITIATIVE_YEARS[1],
               description="Kosong bila masih berjalan", example="2025-06-30"),
        Column("lat", "float", required=False, min=LAT_RANGE[0], max=LAT_RANGE[1], description="Lintang (opsional)",
               unit="derajat", example="-1.2379"),
        Column("lon", "float", required=False, min=LON_RANGE[0], max=LON_RANGE[1], description="Bujur (opsional)",
               unit="derajat", example="116.8529"),
        Column("deskripsi", required=False, example="Lapak baca setiap Sabtu sore"),
        Column("deskripsi_en", required=False, description="Deskripsi dalam bahasa Inggris (kosong: deskripsi)",
               example="Reading stall every Saturday afternoon"),
    ),
    key=("id",),
    description="Inisiatif komunitas, layanan dan program yang mendukung KLA, per kelurahan.",
))

KEGIATAN = _register(FileSpec(
    "kegiatan",
    "Log kegiatan",
    (
        Column("id", pattern=r"KEG-\d{4,}", example="KEG-000123"),
        Column("tanggal", "date", min=KLA_YEARS[0], max=KLA_YEARS[1], example="2025-05-23"),
        Column("jenis", allowed=ACTIVITY_TYPES, example="sosialisasi KIE"),
        Column("judul", example="Sosialisasi pencegahan perundungan", max_length=NAME_CAP),
        Column("judul_en", required=False, description="Judul dalam bahasa Inggris (kosong: judul)",
               example="Preventing bullying at school", max_length=NAME_CAP),
        _code_col("kode_kelurahan", "kelurahan", required=False, description="Kode kelurahan; kosong = tingkat kota"),
        Column("penyelenggara", description="OPD atau mitra penyelenggara", example="DP3AKB", max_length=NAME_CAP),
        Column("peserta_anak", "int", min=0, max=100_000, unit="orang", example="45"),
        Column("peserta_dewasa", "int", min=0, max=100_000, unit="orang", example="12"),
        Column("blok", allowed=BLOCKS, example="K5"),
        Column("id_inisiatif", pattern=r"INI-\d{4,}", required=False, description="Inisiatif terkait (opsional)",
               example="INI-0042"),
    ),
    key=("id",),
    description="Kegiatan Gugus Tugas, mitra dan relawan: rapat, pelatihan, sosialisasi, forum anak, verifikasi.",
))

PETA_JALAN = _register(FileSpec(
    "peta_jalan",
    "Peta jalan menuju Paripurna",
    (
        Column("tahun", "int", min=KLA_YEARS[0], max=KLA_YEARS[1], example="2027"),
        Column("blok", allowed=(*BLOCKS, domain.ROADMAP_TOTAL), description="Blok, atau TOTAL untuk skor total",
               example="TOTAL"),
        Column("target_poin", "float", min=0, max=1000, unit="poin", example="905"),
    ),
    key=("tahun", "blok"),
    description="Target poin per tahun (total dan per blok) menuju Paripurna (901).",
))

WILAYAH = _register(FileSpec(
    "wilayah",
    "Kecamatan dan kelurahan",
    (
        Column("kode", pattern=rf"{KECAMATAN_CODE}|{KELURAHAN_CODE}", description="Kode Kemendagri",
               example="64.71.05.1010"),
        Column("tingkat", allowed=REGION_LEVELS, example="kelurahan"),
        Column("nama", description="Nama resmi (ejaan Kepmendagri 2025)", example="Sungainangka", max_length=NAME_CAP),
        Column("kode_induk", pattern=KECAMATAN_CODE, required=False, description="Kecamatan induk (untuk kelurahan)",
               example="64.71.05"),
        Column("alias", required=False, description="Ejaan lain, dipisah titik koma", example="Sungai Nangka"),
        Column("anak_0_17", "int", required=False, min=0, max=500_000,
               description="Jumlah anak 0-17 (ILUSTRATIF: tidak diterbitkan per kelurahan)", unit="jiwa",
               example="6500"),
    ),
    key=("kode",),
    description="6 kecamatan dan 34 kelurahan Kota Balikpapan dengan kode Kemendagri dan ejaan lain.",
))

SUMBER = _register(FileSpec(
    "sumber",
    "Sumber dan lisensi tiap berkas",
    (
        Column("berkas", allowed=tuple(FILES), description="Nama berkas data (tanpa ekstensi)", example="kegiatan"),
        Column("judul", example="Log kegiatan", max_length=NAME_CAP),
        Column("judul_en", required=False, description="Judul dalam bahasa Inggris (kosong: judul)",
               example="Activity log", max_length=NAME_CAP),
        Column("penerbit", required=False,
               description="Penerbit data, singkat, seperti tertulis di bawah grafik dan ekspor (kosong: judul)",
               example="DP3AKB Kota Balikpapan", max_length=NAME_CAP),
        Column("penerbit_en", required=False, description="Penerbit dalam bahasa Inggris (kosong: penerbit)",
               example="DP3AKB, City of Balikpapan", max_length=NAME_CAP),
        Column("sumber", description="Asal data", example="Data contoh, dibuat oleh python -m kla sample"),
        Column("sumber_en", required=False, description="Asal data dalam bahasa Inggris (kosong: sumber)",
               example="Sample data, made by python -m kla sample"),
        Column("periode", example="2017-2025", max_length=NAME_CAP),
        Column("periode_en", required=False, description="Periode dalam bahasa Inggris (kosong: periode)",
               example="2023-01-01 to 2026-11-15", max_length=NAME_CAP),
        Column("lisensi", example="CC BY 4.0", max_length=NAME_CAP),
        Column("lisensi_en", required=False, description="Lisensi dalam bahasa Inggris (kosong: lisensi)",
               example="Public facts; cite the original source", max_length=NAME_CAP),
        Column("contoh", "bool", description="ya bila berkas ini data contoh (bukan data resmi)", example="ya"),
    ),
    key=("berkas",),
    description="Untuk setiap berkas: judul, penerbit, asal, periode, lisensi, dan apakah data contoh. "
                "Penerbit dan tanda contoh menjadi baris sumber setiap grafik, ekspor dan ringkasan rapat.",
))
