"""The one place that chooses how a data value is shown in the reader's language.

Two kinds of value: the files' controlled values (activity and initiative types, partner types,
statuses, listed in :mod:`kla.schema`), whose English names are texts of
:mod:`kla.strings.dokumen`; and free texts with an optional English column beside them
(``judul`` / ``judul_en``, ``nama_singkat`` / ``nama_singkat_en``...). An English cell left empty,
or a file without the English column (a staff upload), shows the Indonesian text: a reader sees
the record rather than a blank. Names of places and organisations have no English column and
are shown as written.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from kla.i18n import Lang, t
from kla.schema import FILES
from kla.strings.dokumen import FILE_TITLES, VOCABULARIES

ENGLISH_SUFFIX = "_en"


def value_name(vocabulary: str, value: object, lang: Lang = "id") -> str:
    """``"forum anak"`` -> ``"children's forum"`` in English; a value outside the vocabulary stays as written."""
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    if lang == "id" or text not in VOCABULARIES[vocabulary]:
        return text
    return t(f"data.{vocabulary}.{text}", lang)


def value_names(values: pd.Series, vocabulary: str, lang: Lang = "id") -> pd.Series:
    """:func:`value_name` of every cell (missing cells stay missing)."""
    if lang == "id":
        return values
    return values.map(lambda v: v if pd.isna(v) else value_name(vocabulary, v, lang))


def display_names(frame: pd.DataFrame, column: str, lang: Lang = "id") -> pd.Series:
    """``column`` as the reader sees it: in English its ``<column>_en`` twin where that cell is filled."""
    shown = frame[column]
    english = f"{column}{ENGLISH_SUFFIX}"
    if lang == "id" or english not in frame:
        return shown
    translated = frame[english].astype("object")
    filled = translated.notna() & (translated.astype(str).str.strip() != "")
    return translated.where(filled, shown)


def shown_in(frame: pd.DataFrame, lang: Lang = "id", vocabularies: dict[str, str] | None = None) -> pd.DataFrame:
    """``frame`` with every column that has an English twin, and every ``vocabularies`` column
    (column -> vocabulary), shown in ``lang``; the ``*_en`` columns themselves are dropped."""
    twins = [c for c in frame.columns if f"{c}{ENGLISH_SUFFIX}" in frame.columns]
    shown = frame.copy()
    for column in twins:
        shown[column] = display_names(frame, column, lang)
    for column, vocabulary in (vocabularies or {}).items():
        if column in shown:
            shown[column] = value_names(shown[column], vocabulary, lang)
    return shown.drop(columns=[f"{c}{ENGLISH_SUFFIX}" for c in twins])


def row_text(row: Mapping[str, object], column: str, lang: Lang = "id") -> str:
    """One cell of a record as the reader sees it: its ``<column>_en`` twin in English when filled."""
    def text(value: object) -> str:
        missing = value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))
        return "" if missing else str(value).strip()

    english = text(row.get(f"{column}{ENGLISH_SUFFIX}")) if lang == "en" else ""
    return english or text(row.get(column))


def file_title(name: str, lang: Lang = "id") -> str:
    """A data file's title: :mod:`kla.schema`'s, or its English one (:data:`kla.strings.dokumen.FILE_TITLES`)."""
    title = FILES[name].title if name in FILES else name
    return FILE_TITLES.get(name, title) if lang == "en" else title


def indicator_labels(indikator: pd.DataFrame, lang: Lang = "id") -> pd.Series:
    """Short indicator labels by ``kode``: ``nama_singkat``; in English ``nama_singkat_en``, else ``nama_en``."""
    labels = indikator["nama_singkat"].astype("object")
    if lang == "en":
        for column in ("nama_en", "nama_singkat_en"):  # later columns win where filled
            if column in indikator:
                english = indikator[column].astype("object")
                labels = english.where(english.notna() & (english.astype(str).str.strip() != ""), labels)
    return pd.Series(labels.to_numpy(), index=indikator["kode"].to_numpy(), name="label")


def with_indicator_names(frame: pd.DataFrame, indikator: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (with ``kode``) plus the catalogue's English names where it lacks them (for charts in English)."""
    missing = [c for c in ("nama_en", "nama_singkat_en") if c in indikator and c not in frame]
    if not missing:
        return frame
    names = indikator.drop_duplicates("kode").set_index("kode")[missing]
    return frame.join(names, on="kode")


def indicator_names(frame: pd.DataFrame, lang: Lang = "id") -> pd.Series:
    """Full indicator names of ``frame``'s rows: ``nama_id``; in English ``nama_en`` where filled."""
    if lang == "en" and "nama_en" in frame:
        english = frame["nama_en"].astype("object")
        return english.where(english.notna() & (english.astype(str).str.strip() != ""), frame["nama_id"])
    return frame["nama_id"]


# The vocabulary of each controlled column of the data files, for :func:`shown_in`.
ACTIVITY_COLUMNS = {"jenis": "jenis_kegiatan"}
INITIATIVE_COLUMNS = {"jenis": "jenis_inisiatif", "jenis_mitra": "jenis_mitra", "status": "status"}
