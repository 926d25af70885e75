"""What changes between two data sets (pure: two Datasets in, no database).

Per file: rows added, removed and changed, matched by the file's key columns (``kla.schema``);
a changed row is listed once per changed column with the value before and after, as text in the
data folder's notation (dates YYYY-MM-DD, dot decimals, "ya"/"tidak"). Then what the public will
see move: the city score per year, the kelurahan totals that change, and the charts whose input
files changed. For an editor limited to some kelurahan, :func:`outside_scope` lists the
kelurahan (and city-level rows) a change touches outside them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from kla import scoring
from kla.loading import Dataset
from kla.schema import FILES

# Which data files each chart of kla.catalog reads (the catalogue does not record it; a test checks
# that every chart is listed). Every chart also reads ``sumber`` for its source line and sample label.
CHART_FILES: dict[str, frozenset[str]] = {name: frozenset(files) | {"sumber"} for name, files in {
    "tren_total": {"evaluasi_kota", "kategori_resmi", "peta_jalan"},
    "capaian_blok": {"evaluasi_kota", "indikator"},
    "tren_blok": {"evaluasi_kota", "indikator"},
    "tren_indikator": {"evaluasi_kota", "indikator"},
    "kekurangan_indikator": {"evaluasi_kota", "indikator"},
    "banding_kelurahan": {"skor_kelurahan", "wilayah"},
    "inisiatif_jenis": {"inisiatif", "wilayah"},
    "inisiatif_jenis_mitra": {"inisiatif", "wilayah"},
    "inisiatif_kecamatan": {"inisiatif", "wilayah"},
    "kegiatan_bulanan": {"kegiatan", "wilayah"},
    "peserta_bulanan": {"kegiatan", "wilayah"},
    # the maps show any metric: scores (per block: indicator maxima), initiatives, activities per child
    "peta_petak": {"skor_kelurahan", "indikator", "inisiatif", "kegiatan", "wilayah"},
    "peta_kelurahan": {"skor_kelurahan", "indikator", "inisiatif", "kegiatan", "wilayah"},
}.items()}

# Files whose rows belong to one kelurahan, and the column that says which.
KELURAHAN_COLUMN = {"skor_kelurahan": "kode_kelurahan", "inisiatif": "kode_kelurahan",
                    "kegiatan": "kode_kelurahan", "wilayah": "kode"}
CITY_LEVEL = "tingkat kota"  # outside_scope's entry for changed rows that belong to no kelurahan
CHANGE_COLUMNS = ("kolom", "sebelum", "sesudah")


@dataclass(frozen=True)
class FileDiff:
    name: str
    key: tuple[str, ...]
    added: pd.DataFrame  # rows of the new data set, all columns
    removed: pd.DataFrame  # rows of the old data set, all columns
    changed: pd.DataFrame  # key columns + kolom, sebelum, sesudah: one row per changed cell
    touched_kelurahan: frozenset[str] = frozenset()
    city_level: bool = False  # rows that belong to no kelurahan changed

    @property
    def changed_rows(self) -> int:
        return 0 if self.changed.empty else len(self.changed.drop_duplicates(list(self.key)))

    @property
    def is_empty(self) -> bool:
        return self.added.empty and self.removed.empty and self.changed.empty


@dataclass(frozen=True)
class VersionDiff:
    files: dict[str, FileDiff]
    city_scores: pd.DataFrame  # tahun, sebelum, sesudah, selisih (every evaluated year)
    kelurahan_moves: pd.DataFrame  # kode, nama, tahun, sebelum, sesudah, selisih (only those that change)
    charts: list[str]  # catalogue names of the charts whose input files changed
    touched_kelurahan: set[str] = field(default_factory=set)
    city_level: list[str] = field(default_factory=list)  # files with changed rows outside any kelurahan

    @property
    def changed_files(self) -> list[str]:
        return [name for name, d in self.files.items() if not d.is_empty]

    @property
    def is_empty(self) -> bool:
        return not self.changed_files


def diff_datasets(old: Dataset, new: Dataset) -> VersionDiff:
    files = {name: _file_diff(name, getattr(old, name), getattr(new, name)) for name in FILES}
    changed = {name for name, d in files.items() if not d.is_empty}
    return VersionDiff(
        files=files,
        city_scores=_city_scores(old, new),
        kelurahan_moves=_kelurahan_moves(old, new),
        charts=[chart for chart, inputs in CHART_FILES.items() if inputs & changed],
        touched_kelurahan=set().union(*(d.touched_kelurahan for d in files.values())),
        city_level=[name for name, d in files.items() if d.city_level],
    )


def outside_scope(diff: VersionDiff, allowed: Sequence[str]) -> list[str]:
    """Kelurahan codes a change touches outside ``allowed``, sorted, then :data:`CITY_LEVEL` when
    rows of no kelurahan (city scores, indicators, city-wide activities ...) change. ``[]`` when
    ``allowed`` is empty: the editor may change every kelurahan."""
    if not allowed:
        return []
    outside = sorted(diff.touched_kelurahan - set(allowed))
    return outside + ([CITY_LEVEL] if diff.city_level else [])


# --- one file ---------------------------------------------------------------------------------


def _file_diff(name: str, old: pd.DataFrame, new: pd.DataFrame) -> FileDiff:
    key = list(FILES[name].key)
    columns = [c for c in dict.fromkeys([*old.columns, *new.columns]) if c not in key]
    old = old.reindex(columns=key + columns).reset_index(drop=True)
    new = new.reindex(columns=key + columns).reset_index(drop=True)
    pairs = old[key].assign(_lama=range(len(old))).merge(new[key].assign(_baru=range(len(new))), on=key, how="outer")
    added = _sorted(new.iloc[pairs.loc[pairs["_lama"].isna(), "_baru"].astype(int)], key)
    removed = _sorted(old.iloc[pairs.loc[pairs["_baru"].isna(), "_lama"].astype(int)], key)
    both = pairs.dropna(subset=["_lama", "_baru"])
    before = old.iloc[both["_lama"].astype(int)].reset_index(drop=True)
    after = new.iloc[both["_baru"].astype(int)].reset_index(drop=True)
    cells = []
    differs = pd.Series(False, index=before.index)
    for column in columns:
        old_text, new_text = before[column].map(cell_text), after[column].map(cell_text)
        mask = old_text != new_text
        differs |= mask
        if mask.any():
            cells.append(after.loc[mask, key].assign(kolom=column, sebelum=old_text[mask], sesudah=new_text[mask],
                                                     _urutan=columns.index(column)))
    changed = (_sorted(pd.concat(cells), [*key, "_urutan"]).drop(columns="_urutan") if cells
               else pd.DataFrame(columns=[*key, *CHANGE_COLUMNS]))
    touched, city_level = _scope(name, [added, removed, before[differs], after[differs]])
    return FileDiff(name, tuple(key), added, removed, changed.reset_index(drop=True), touched, city_level)


def _scope(name: str, frames: list[pd.DataFrame]) -> tuple[frozenset[str], bool]:
    rows = pd.concat(frames)
    if rows.empty:
        return frozenset(), False
    column = KELURAHAN_COLUMN.get(name)
    if column is None:
        return frozenset(), True
    codes = rows[column]
    if name == "wilayah":
        codes = codes.where(rows["tingkat"] == "kelurahan")
    return frozenset(codes.dropna().astype(str)), bool(codes.isna().any())


def _sorted(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    return frame.sort_values(by, na_position="last", kind="stable").reset_index(drop=True)


def cell_text(value: object) -> str:
    """A cell as the data folder writes it, so equal values compare equal whatever their dtype."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else (str(int(value)) if value.is_integer() else repr(value))
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    return str(value)


# --- what the public sees -----------------------------------------------------------------------


def _compare(old: pd.DataFrame, new: pd.DataFrame, on: list[str]) -> pd.DataFrame:
    both = old.rename(columns={"total": "sebelum"}).merge(new.rename(columns={"total": "sesudah"}), on=on,
                                                          how="outer")
    both["selisih"] = (both["sesudah"] - both["sebelum"]).round(scoring.TOTAL_DECIMALS)
    return both.sort_values(on).reset_index(drop=True)


def _city_scores(old: Dataset, new: Dataset) -> pd.DataFrame:
    before, after = (scoring.city_totals(d.evaluasi_kota)[["tahun", "total"]] for d in (old, new))
    return _compare(before, after, on=["tahun"])[["tahun", "sebelum", "sesudah", "selisih"]]


def _kelurahan_moves(old: Dataset, new: Dataset) -> pd.DataFrame:
    before, after = (scoring.kelurahan_totals(d.skor_kelurahan, d.wilayah)[["kode_kelurahan", "tahun", "total"]]
                     for d in (old, new))
    moves = _compare(before, after, on=["kode_kelurahan", "tahun"]).rename(columns={"kode_kelurahan": "kode"})
    same = (moves["sebelum"] == moves["sesudah"]) | (moves["sebelum"].isna() & moves["sesudah"].isna())
    moves = moves[~same]
    names = pd.concat([new.kelurahan.set_index("kode")["nama"], old.kelurahan.set_index("kode")["nama"]])
    names = names[~names.index.duplicated()]
    moves = moves.assign(nama=moves["kode"].map(names))
    return moves[["kode", "nama", "tahun", "sebelum", "sesudah", "selisih"]].reset_index(drop=True)
