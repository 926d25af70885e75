"""Where the numbers of one view come from, said in one place: publisher, period, version, sample mark.

Every chart footer, page caption, export (image footer, CSV/XLSX source block, ZIP README) and
the meeting brief takes its source line from here, and here from the data: ``sumber.csv`` says
who published each file (``penerbit``, else ``judul``) and whether it is sample data
(``contoh``); ``Dataset.version`` says which stored version is shown. Nothing claims "sample"
unless a file the view uses is flagged so, and a view that uses only real files is not marked.

A view names the data files its numbers come from (the tuples below); a file used only for
names or codes (``wilayah`` for kelurahan names) is not a source of the numbers and is left out.

What the public reads is plain words (:func:`plain_words`): the texts of ``sumber.csv`` are
written by staff and tools, and may name a command ("dibuat oleh `python -m kla sample`"), a
column (``anak_0_17``) or a file (``peta_jalan.csv``); those become words or are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict

import pandas as pd

from kla.i18n import BALIKPAPAN_TZ, Lang, format_date, t
from kla.loading import Dataset
from kla.names import file_title, row_text
from kla.schema import BLOCKS, FILES, FileSpec

# The files behind each kind of view.
CITY_TREND = ("evaluasi_kota", "kategori_resmi", "peta_jalan")  # total per year, official category, targets
CITY_POINTS = ("evaluasi_kota", "indikator")  # points against each indicator's maximum
KELURAHAN_SCORES = ("skor_kelurahan",)
KELURAHAN_POINTS = ("skor_kelurahan", "indikator")  # kelurahan blocks as % of the block maximum
INITIATIVES = ("inisiatif",)
ACTIVITIES = ("kegiatan",)
MAP_FILES: dict[str, tuple[str, ...]] = {
    "total": KELURAHAN_SCORES,
    **{block: KELURAHAN_POINTS for block in BLOCKS},
    "inisiatif": INITIATIVES,
    "kegiatan": ACTIVITIES,
    "peserta_per_1000": ("kegiatan", "wilayah"),  # children per kelurahan come from wilayah
}

PART_SEPARATOR = "; "  # between publishers
LIST_SEPARATOR = " / "  # between periods or licences, which may hold "; " themselves
LINE_SEPARATOR = " · "  # between source, period, licence and version


@dataclass(frozen=True)
class Provenance:
    """What one view says about its data."""

    source: str  # "DP3AKB Kota Balikpapan (data contoh); KemenPPPA via pemberitaan"
    period: str  # from sumber.csv's periode; a view that computes its period from the data shows that one
    licence: str
    version: str | None  # "Data versi 3, diterbitkan 29 November 2026"
    sample: bool

    @property
    def chart_source(self) -> str:
        """The source a chart footer, an export and the brief carry: publisher and data version."""
        return LINE_SEPARATOR.join(p for p in (self.source, self.version) if p)


def describe(data: Dataset, files: Sequence[str], lang: Lang = "id") -> Provenance:
    """Everything a view says about where its numbers come from."""
    return Provenance(source_text(data, files, lang), period_text(data, files, lang), licence_text(data, files, lang),
                      version_text(data, lang), is_sample(data, files))


def chart_source(data: Dataset, files: Sequence[str], lang: Lang = "id") -> str:
    """``source=`` for a chart built from ``files``: publisher(s), sample mark, data version."""
    return describe(data, files, lang).chart_source


class ChartLabels(TypedDict):
    """The keyword arguments every chart builder takes for its footer: ``charts.x(..., **labels)``."""

    source: str
    sample: bool


def chart_labels(data: Dataset, files: Sequence[str], lang: Lang = "id") -> ChartLabels:
    """``source=`` and ``sample=`` for a chart (or map) built from ``files``: ``charts.x(..., **chart_labels(...))``."""
    about = describe(data, files, lang)
    return {"source": about.chart_source, "sample": about.sample}


def source_text(data: Dataset, files: Sequence[str], lang: Lang = "id") -> str:
    """Who published the files, in order, each publisher once; "(data contoh)" only where flagged.

    A publisher with both real and sample files among ``files`` names the sample ones:
    "DP3AKB Kota Balikpapan (data contoh: Peta jalan menuju Paripurna)".
    """
    publishers: dict[str, list[tuple[str, bool]]] = {}
    for row in _rows(data, files, lang):
        publishers.setdefault(row.publisher(lang), []).append((row.title, row.sample))
    parts = []
    for name, entries in publishers.items():
        sample_titles = list(dict.fromkeys(title for title, sample in entries if sample))
        if not sample_titles:
            parts.append(name)
        elif len(sample_titles) == len(entries):
            parts.append(f"{name} ({t('sumber.contoh', lang)})")
        else:
            parts.append(f"{name} ({t('sumber.contoh_sebagian', lang, berkas=', '.join(sample_titles))})")
    return PART_SEPARATOR.join(parts)


def period_text(data: Dataset, files: Sequence[str], lang: Lang = "id") -> str:
    """The files' periods as ``sumber.csv`` states them, each once ("2017-2025 / 2027-2029")."""
    return LIST_SEPARATOR.join(dict.fromkeys(r.period for r in _rows(data, files, lang) if r.period))


def licence_text(data: Dataset, files: Sequence[str], lang: Lang = "id") -> str:
    return LIST_SEPARATOR.join(dict.fromkeys(r.licence for r in _rows(data, files, lang) if r.licence))


def version_text(data: Dataset, lang: Lang = "id") -> str | None:
    """"Data versi 3, diterbitkan 29 November 2026"; None for data that is not a stored version."""
    version = data.version
    if version is None:
        return None
    if version.published_at is None:
        return t("sumber.versi.draf", lang, n=version.number)
    return t("sumber.versi", lang, n=version.number, tanggal=format_date(publication_day(version.published_at), lang))


def publication_day(moment: dt.datetime) -> dt.date:
    """The calendar day in Balikpapan of a publication time (a naive time is taken as it is)."""
    return (moment.astimezone(BALIKPAPAN_TZ) if moment.tzinfo else moment).date()


def is_sample(data: Dataset, files: Sequence[str]) -> bool:
    """Whether any file the view uses is flagged as sample data."""
    return any(r.sample for r in _rows(data, files))


def publisher(data: Dataset, name: str, lang: Lang = "id") -> str:
    """Who published one file, as every source line names it (``penerbit``, else ``judul``)."""
    return _rows(data, [name])[0].publisher(lang)


def sample_titles(data: Dataset, files: Sequence[str] | None = None, lang: Lang = "id") -> list[str]:
    """Titles of the files flagged as sample data (of ``files``, or of the whole dataset)."""
    return [r.title for r in _rows(data, list(FILES) if files is None else files, lang) if r.sample]


def caption_text(data: Dataset, files: Sequence[str], lang: Lang = "id", period: str | None = None) -> str:
    """The line under a chart or table: "Sumber: … · Periode: … · Lisensi: …" (plain text).

    ``period``: the one computed from the data shown (a filter's dates), else sumber.csv's.
    """
    about = describe(data, files, lang)
    parts = [f"{t('sumber', lang)}: {about.source}"]
    if period or about.period:
        parts.append(f"{t('periode', lang)}: {period or about.period}")
    if about.licence:
        parts.append(f"{t('lisensi', lang)}: {about.licence}")
    return LINE_SEPARATOR.join(parts)


@dataclass(frozen=True)
class FileAbout:
    """One data file in plain words: what it is, who published it, when, under which licence, where from."""

    title: str
    publisher: str
    period: str
    licence: str
    source: str
    sample: bool


def about_files(data: Dataset, lang: Lang = "id") -> list[FileAbout]:
    """Every file ``sumber.csv`` lists, in its order, in plain words (for the Tentang page)."""
    about = []
    for _, row in data.sumber.iterrows():
        name = _text(row.get("berkas"))
        title = row_text(row, "judul", lang) or file_title(name, lang)
        publisher = row_text(row, "penerbit", lang) or title
        about.append(FileAbout(plain_words(title), plain_words(publisher), plain_words(row_text(row, "periode", lang)),
                               plain_words(row_text(row, "lisensi", lang)), plain_words(row_text(row, "sumber", lang)),
                               _flag(row.get("contoh"))))
    return about


# A command line, or a code span (`...`): how a tool was run, not where the numbers come from.
_COMMAND = re.compile(r"`[^`]*`|\b(?:python3?|streamlit|pip)\s+(?:-m\s+)?\S+(?:\s+-{1,2}?\w[\w-]*)*")
_FILE_NAME = re.compile(r"\b([\w-]+)\.(?:csv|xlsx|xls|geojson|json|parquet|py|toml|zip)\b", re.IGNORECASE)
_REFERENCE = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_IDENTIFIER = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")  # snake_case: a column or file name


def plain_words(text: str) -> str:
    """A ``sumber.csv`` text as the public should read it.

    Clauses (split at ";" and ",") that name a command or hold a code span are left out; a data
    file's name becomes its title ("Peta jalan menuju Paripurna"), a column's name its description
    ("poin maksimum"); backticks go.
    """
    # A character reference ("&gt;", "&#60;") ends in ";" but separates nothing: set aside, put back as typed.
    references: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        references.append(match.group(0))
        return f"\x00{len(references) - 1}\x00"

    clauses = []
    for clause in _REFERENCE.sub(set_aside, text).split(";"):
        parts = [p for p in clause.split(",") if not _COMMAND.search(p)]
        kept = ",".join(parts).strip()
        if kept:
            clauses.append(kept)
    plain = "; ".join(clauses)
    plain = _FILE_NAME.sub(lambda m: _file_words(m.group(1)) or m.group(1).replace("_", " "), plain)
    plain = _IDENTIFIER.sub(lambda m: _column_words(m.group(0)) or _file_words(m.group(0)) or m.group(0), plain)
    plain = re.sub("\x00(\\d+)\x00", lambda m: references[int(m.group(1))], plain)
    return plain.replace("`", "").strip()


def _file_words(name: str) -> str | None:
    spec: FileSpec | None = FILES.get(name)
    return spec.title if spec is not None else None


def _column_words(name: str) -> str | None:
    """A column's description up to its first note: ``max_poin`` -> "poin maksimum"."""
    for spec in FILES.values():
        for column in spec.columns:
            if column.name == name and column.description:
                words = re.split(r"\s*[(;:]", column.description, maxsplit=1)[0].strip()
                return words[:1].lower() + words[1:] if words else None
    return None


@dataclass(frozen=True)
class _Row:
    title: str
    penerbit: str
    penerbit_en: str
    period: str
    licence: str
    sample: bool

    def publisher(self, lang: Lang) -> str:
        if lang == "en" and self.penerbit_en:
            return self.penerbit_en
        return self.penerbit or self.title


def _rows(data: Dataset, files: Sequence[str], lang: Lang = "id") -> list[_Row]:
    unknown = [name for name in files if name not in FILES]
    if unknown:  # a typo in a view's file list would silently drop a source
        raise ValueError(f"Berkas data tidak dikenal: {', '.join(unknown)}; yang dikenal: {', '.join(FILES)}")
    rows = []
    for name in dict.fromkeys(files):
        row = data.source_of(name)
        if row is None:  # no line in sumber.csv: named by its schema title, not marked as sample
            rows.append(_Row(file_title(name, lang), "", "", "", "", False))
            continue
        rows.append(_Row(row_text(row, "judul", lang) or file_title(name, lang), _text(row.get("penerbit")),
                         _text(row.get("penerbit_en")), plain_words(row_text(row, "periode", lang)),
                         plain_words(row_text(row, "lisensi", lang)), _flag(row.get("contoh"))))
    return rows


def _text(value: object) -> str:
    return ("" if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))
            else str(value).strip())


def _flag(value: object) -> bool:
    return False if value is None or value is pd.NA else bool(value)
