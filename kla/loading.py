"""Load the data folder into one validated :class:`Dataset`, and write files without losing data.

``load_dataset(folder)`` reads every file declared in :mod:`kla.schema` (CSV, or XLSX when no
CSV of that name exists), checks each row, then checks the files against each other (codes that
must exist, points within maxima, totals that must match the published category). It never
raises for bad data: it returns a :class:`LoadResult` whose ``problems`` list says, in
Indonesian, what is wrong and where. The app keeps serving the last good dataset when a new
load fails (see ``kla.ui.data``).

After a clean load each file's validated table is kept as Parquet in a cache folder
(``KLA_CACHE_DIR``, else ``<folder>/.cache/``), named after a SHA-256 of the file's bytes and of
the validator's code. A later load of byte-identical files reads those tables instead of parsing
and checking every row again; checks across files always run. A changed file has another hash,
so it is always validated in full; a missing, damaged or unwritable cache only costs time.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow

from kla import schema
from kla.schema import FILES, FileSpec, Problem


@dataclass(frozen=True)
class VersionInfo:
    """Which stored version of the data a Dataset is: shown as "Data versi N, diterbitkan <tanggal>"."""

    number: int
    published_at: dt.datetime | None = None  # None: a draft, never published
    author: str = ""
    note: str = ""


@dataclass(frozen=True)
class Dataset:
    """All data files of one folder, typed and validated."""

    folder: Path
    indikator: pd.DataFrame
    evaluasi_kota: pd.DataFrame
    kategori_resmi: pd.DataFrame
    skor_kelurahan: pd.DataFrame
    inisiatif: pd.DataFrame
    kegiatan: pd.DataFrame
    peta_jalan: pd.DataFrame
    wilayah: pd.DataFrame
    sumber: pd.DataFrame
    version: VersionInfo | None = None  # set when the data comes from the data store (kla.store)

    @property
    def kelurahan(self) -> pd.DataFrame:
        """The kelurahan rows of ``wilayah`` with their kecamatan name attached."""
        w = self.wilayah
        kec = w[w["tingkat"] == "kecamatan"].set_index("kode")["nama"]
        kel = w[w["tingkat"] == "kelurahan"].copy()
        kel["nama_kecamatan"] = kel["kode_induk"].map(kec)
        return kel.reset_index(drop=True)

    @property
    def kecamatan(self) -> pd.DataFrame:
        return self.wilayah[self.wilayah["tingkat"] == "kecamatan"].reset_index(drop=True)

    @property
    def sample_files(self) -> list[str]:
        """Names of the files marked as sample data in ``sumber``."""
        return self.sumber.loc[self.sumber["contoh"].fillna(False).astype(bool), "berkas"].tolist()

    @property
    def is_sample(self) -> bool:
        return bool(self.sample_files)

    def source_of(self, berkas: str) -> pd.Series | None:
        rows = self.sumber[self.sumber["berkas"] == berkas]
        return None if rows.empty else rows.iloc[0]


@dataclass(frozen=True)
class LoadResult:
    """A dataset when everything checked out, else ``None``; always the full problem list."""

    dataset: Dataset | None
    problems: list[Problem] = field(default_factory=list)
    cached: tuple[str, ...] = ()  # files whose validated table came from the cache

    @property
    def ok(self) -> bool:
        return self.dataset is not None and not self.problems


# --- reading -----------------------------------------------------------------------------------


def file_path(folder: Path, name: str) -> Path | None:
    """The CSV of that name, else the XLSX, else ``None``."""
    for ext in (".csv", ".xlsx"):
        path = folder / f"{name}{ext}"
        if path.exists():
            return path
    return None


def read_raw(path: Path) -> pd.DataFrame:
    """Read a CSV or XLSX file as text cells, the way the validator wants them."""
    if path.suffix.lower() == ".xlsx":
        raw = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
    else:
        raw = pd.read_csv(
            path, dtype=str, keep_default_na=False, encoding="utf-8-sig", sep=_sniff_separator(path)
        )
    raw.columns = [str(c).strip() for c in raw.columns]
    return raw


def _sniff_separator(path: Path) -> str:
    # Excel set to an Indonesian locale saves "CSV" with semicolons; accept both.
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        header = f.readline()
    return ";" if header.count(";") > header.count(",") else ","


def read_file(folder: Path, spec: FileSpec, path: Path | None = None) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read and check one file on its own (``path``: the one already found in ``folder``)."""
    path = path or file_path(folder, spec.name)
    if path is None:
        return None, [Problem(f"{spec.name}.csv", None, None, None, f"berkas tidak ditemukan di {folder}")]
    try:
        raw = read_raw(path)
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError, OSError) as exc:
        return None, [Problem(path.name, None, None, None, f"berkas tidak dapat dibaca: {exc}")]
    table, problems = schema.parse_table(raw, spec, path.name)
    return (table if not table.empty or not problems else None), problems


def load_dataset(folder: Path | str, cache: Path | bool = True) -> LoadResult:
    """Read, check and cross-check every data file of ``folder``.

    ``cache``: ``True`` uses :func:`cache_dir`, a folder uses that one, ``False`` validates
    every file without reading or writing a cache.
    """
    folder = Path(folder)
    store = cache_dir(folder) if cache is True else (cache or None)
    tables: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    fresh: dict[str, _Source] = {}
    hits: list[str] = []
    for name, spec in FILES.items():
        path = file_path(folder, name)
        source = _source(path) if store else None
        table = _cached_table(store, spec, source) if store and source else None
        if table is not None:
            hits.append(name)
        else:
            table, file_problems = read_file(folder, spec, path)
            problems += file_problems
            if source:
                fresh[name] = source
        if table is not None:
            tables[name] = table
    if len(tables) < len(FILES):
        return LoadResult(None, problems)
    problems += cross_check(tables)
    if problems:
        return LoadResult(None, problems)
    for name, source in fresh.items():
        _store_table(store, name, tables[name], source)
    return LoadResult(Dataset(folder=folder, **tables), [], tuple(hits))


# --- cache of validated tables -------------------------------------------------------------------

CACHE_ENV = "KLA_CACHE_DIR"


def cache_dir(folder: Path) -> Path:
    """Where validated tables are kept: ``KLA_CACHE_DIR``, else ``<folder>/.cache/``."""
    return Path(os.environ.get(CACHE_ENV) or folder / ".cache")


@dataclass(frozen=True)
class _Source:
    """A data file as it was when hashed: the cache key of its contents, and its identity."""

    path: Path
    key: str
    stat: tuple[int, ...]


def _source(path: Path | None) -> _Source | None:
    if path is None:
        return None
    try:
        before = _identity(path)
        with open(path, "rb") as f:
            digest = hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None  # read_file reports the file; there is nothing to look up
    key = hashlib.sha256(f"{_validator_stamp()}{path.suffix.lower()}{digest}".encode()).hexdigest()
    return _Source(path, key, before)


def _identity(path: Path) -> tuple[int, ...]:
    # ctime changes on every write or replace and cannot be set back, unlike mtime.
    st = path.stat()
    return st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


@functools.cache
def _validator_stamp() -> str:
    """Changes with the code that turns a file into a table, so old entries are never reused."""
    code = Path(schema.__file__).read_bytes() + Path(__file__).read_bytes()
    versions = f"{pd.__version__}/{pyarrow.__version__}".encode()
    return hashlib.sha256(code + versions).hexdigest()


def _entry(store: Path, name: str, key: str) -> Path:
    return store / f"{name}-{key}.parquet"


def _cached_table(store: Path, spec: FileSpec, source: _Source) -> pd.DataFrame | None:
    path = _entry(store, spec.name, source.key)
    if not path.is_file():
        return None
    try:
        table = pd.read_parquet(path)
    except Exception:  # a damaged entry of any kind is a miss: the file is validated instead
        return None
    expected = [c.name for c in spec.columns]
    return table if list(table.columns[:len(expected)]) == expected else None


def _store_table(store: Path, name: str, table: pd.DataFrame, source: _Source) -> None:
    """Keep a validated table for the next load; never fails the load that produced it."""
    try:
        if _identity(source.path) != source.stat:
            return  # changed while being read: the table may not be the hashed bytes
        store.mkdir(parents=True, exist_ok=True)
        if not os.access(store, os.W_OK):
            return  # read-only data folder: skip the cost of encoding for nothing
        path = _entry(store, name, source.key)
        write_bytes_atomic(path, table.to_parquet(None, index=False, compression="zstd"))
        for old in store.glob(f"{name}-*.parquet"):
            if old != path:
                old.unlink(missing_ok=True)  # one entry per file name keeps the folder small
    except Exception:  # full disk, permissions, an odd extra column: the cache is only a shortcut
        return


# --- checks across files -----------------------------------------------------------------------


def cross_check(t: dict[str, pd.DataFrame]) -> list[Problem]:
    """Rules that need more than one file."""
    checks = (
        _check_catalogue_total,
        _check_regions,
        _check_city_points,
        _check_city_years_complete,
        _check_official_categories,
        _check_kelurahan_scores,
        _check_initiatives,
        _check_activities,
        _check_roadmap,
        _check_sources,
    )
    return [p for check in checks for p in check(t)]


def _rows(mask: pd.Series) -> Iterator[int]:
    for i in mask[mask.fillna(False).astype(bool)].index:
        yield int(i)


def _unknown_codes(
    t: dict[str, pd.DataFrame], name: str, column: str, known: set[str], what: str
) -> list[Problem]:
    values = t[name][column]
    unknown = values.notna() & ~values.isin(known)
    return [
        Problem(f"{name}.csv", i + 2, column, str(values.iat[i]), f"{what} yang terdaftar")
        for i in _rows(unknown)
    ]


def _kelurahan_codes(t: dict[str, pd.DataFrame]) -> set[str]:
    w = t["wilayah"]
    return set(w.loc[w["tingkat"] == "kelurahan", "kode"].dropna())


def _block_max(t: dict[str, pd.DataFrame]) -> pd.Series:
    return t["indikator"].groupby("blok")["max_poin"].sum()


def _check_catalogue_total(t: dict[str, pd.DataFrame]) -> list[Problem]:
    total = float(t["indikator"]["max_poin"].sum())
    if abs(total - 1000) < 0.01:
        return []
    return [Problem("indikator.csv", None, "max_poin", f"{total:g}", "jumlah max_poin semua indikator = 1000")]


def _check_regions(t: dict[str, pd.DataFrame]) -> list[Problem]:
    w = t["wilayah"]
    kecamatan = set(w.loc[w["tingkat"] == "kecamatan", "kode"].dropna())
    kel = w["tingkat"] == "kelurahan"
    no_parent = kel & ~w["kode_induk"].isin(kecamatan)
    wrong_prefix = kel & w["kode_induk"].notna() & ~w.apply(
        lambda r: str(r["kode"]).startswith(f"{r['kode_induk']}."), axis=1
    ).astype(bool)
    wrong_level = (w["tingkat"] == "kecamatan") & w["kode"].str.count(r"\.").ne(2)
    problems = [
        Problem("wilayah.csv", i + 2, "kode_induk", str(w["kode_induk"].iat[i]), "kode kecamatan yang ada di berkas ini")
        for i in _rows(no_parent)
    ]
    problems += [
        Problem("wilayah.csv", i + 2, "kode", str(w["kode"].iat[i]), f"kode yang diawali kode_induk {w['kode_induk'].iat[i]}")
        for i in _rows(wrong_prefix & ~no_parent)
    ]
    problems += [
        Problem("wilayah.csv", i + 2, "kode", str(w["kode"].iat[i]), "kode kecamatan berbentuk 64.71.NN")
        for i in _rows(wrong_level)
    ]
    return problems


def _check_city_points(t: dict[str, pd.DataFrame]) -> list[Problem]:
    ev = t["evaluasi_kota"]
    catalogue = t["indikator"].set_index("kode")["max_poin"]
    problems = _unknown_codes(t, "evaluasi_kota", "kode_indikator", set(catalogue.index), "kode indikator")
    maxima = ev["kode_indikator"].map(catalogue)
    too_high = ev["poin"] > maxima
    problems += [
        Problem("evaluasi_kota.csv", i + 2, "poin", f"{ev['poin'].iat[i]:g}",
                f"paling besar {maxima.iat[i]:g} (max_poin {ev['kode_indikator'].iat[i]})")
        for i in _rows(too_high)
    ]
    return problems


def _check_city_years_complete(t: dict[str, pd.DataFrame]) -> list[Problem]:
    ev = t["evaluasi_kota"]
    codes = set(t["indikator"]["kode"])
    problems = []
    for year, group in ev.groupby("tahun"):
        missing = sorted(codes - set(group["kode_indikator"]))
        if missing:
            problems.append(Problem("evaluasi_kota.csv", None, "kode_indikator", None,
                                    f"tahun {year} belum lengkap: tidak ada baris untuk {', '.join(missing)}"))
    return problems


def _check_official_categories(t: dict[str, pd.DataFrame]) -> list[Problem]:
    """A score total must fall in the band of the category published for that year."""
    from kla.scoring import category_for  # scoring imports nothing from here; avoids a cycle at import

    totals = t["evaluasi_kota"].groupby("tahun")["poin"].sum()
    official = t["kategori_resmi"].dropna(subset=["kategori"]).drop_duplicates("tahun")
    problems = []
    for i, row in official.iterrows():
        year = int(row["tahun"])
        if year in totals.index and category_for(float(totals[year])) != row["kategori"]:
            problems.append(Problem(
                "evaluasi_kota.csv", None, "poin", f"total {totals[year]:g} tahun {year}",
                f"total dalam rentang kategori {row['kategori']} yang diumumkan (kategori_resmi.csv baris {i + 2})",
            ))
    return problems


def _check_kelurahan_scores(t: dict[str, pd.DataFrame]) -> list[Problem]:
    sk = t["skor_kelurahan"]
    problems = _unknown_codes(t, "skor_kelurahan", "kode_kelurahan", _kelurahan_codes(t), "kode kelurahan")
    maxima = sk["blok"].map(_block_max(t))
    problems += [
        Problem("skor_kelurahan.csv", i + 2, "poin", f"{sk['poin'].iat[i]:g}",
                f"paling besar {maxima.iat[i]:g} (jumlah max_poin blok {sk['blok'].iat[i]})")
        for i in _rows(sk["poin"] > maxima)
    ]
    return problems


def _check_initiatives(t: dict[str, pd.DataFrame]) -> list[Problem]:
    ini = t["inisiatif"]
    problems = _unknown_codes(t, "inisiatif", "kode_kelurahan", _kelurahan_codes(t), "kode kelurahan")
    ends_early = ini["tanggal_selesai"].notna() & (ini["tanggal_selesai"] < ini["tanggal_mulai"])
    problems += [
        Problem("inisiatif.csv", i + 2, "tanggal_selesai", str(ini["tanggal_selesai"].iat[i].date()),
                f"tanggal yang sama atau sesudah tanggal_mulai {ini['tanggal_mulai'].iat[i].date()}")
        for i in _rows(ends_early)
    ]
    half_point = ini["lat"].isna() != ini["lon"].isna()
    problems += [
        Problem("inisiatif.csv", i + 2, "lat/lon", None, "lat dan lon diisi berdua, atau dikosongkan berdua")
        for i in _rows(half_point)
    ]
    return problems


def _check_activities(t: dict[str, pd.DataFrame]) -> list[Problem]:
    problems = _unknown_codes(t, "kegiatan", "kode_kelurahan", _kelurahan_codes(t), "kode kelurahan (atau kosong untuk tingkat kota)")
    problems += _unknown_codes(t, "kegiatan", "id_inisiatif", set(t["inisiatif"]["id"]), "id inisiatif dari inisiatif.csv")
    return problems


def _check_roadmap(t: dict[str, pd.DataFrame]) -> list[Problem]:
    pj = t["peta_jalan"]
    maxima = pj["blok"].map(_block_max(t)).fillna(1000.0)
    return [
        Problem("peta_jalan.csv", i + 2, "target_poin", f"{pj['target_poin'].iat[i]:g}",
                f"paling besar {maxima.iat[i]:g} untuk blok {pj['blok'].iat[i]}")
        for i in _rows(pj["target_poin"] > maxima)
    ]


def _check_sources(t: dict[str, pd.DataFrame]) -> list[Problem]:
    listed = set(t["sumber"]["berkas"])
    return [
        Problem("sumber.csv", None, "berkas", name, "satu baris sumber untuk setiap berkas data")
        for name in FILES
        if name != "sumber" and name not in listed
    ]


# --- change detection and safe writes ------------------------------------------------------------


def fingerprint(folder: Path | str) -> tuple[tuple[str, int, int], ...]:
    """Names, modification times and sizes of the data files: changes when any file changes."""
    folder = Path(folder)
    found = []
    for name in FILES:
        path = file_path(folder, name)
        if path is not None:
            stat = path.stat()
            found.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a crash mid-write never leaves half a file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _default_file_mode())  # mkstemp makes 0600; data files must stay readable
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _default_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def csv_bytes(table: pd.DataFrame) -> bytes:
    """CSV text as the data folder stores it: UTF-8, comma separated, ISO dates."""
    return table.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8")


def replace_folder_files(folder: Path, new_files: dict[str, bytes]) -> LoadResult:
    """Write several files into ``folder`` only if the folder still loads cleanly afterwards.

    The candidate files are staged next to the current ones and the complete result is
    validated first; on any problem nothing in ``folder`` changes. Each replaced file's previous
    version is kept in ``folder/.sebelumnya/`` so a bad-but-valid update can be rolled back.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent, prefix=f".{folder.name}-staging-") as staging:
        staging_dir = Path(staging)
        for name in FILES:
            current = file_path(folder, name)
            if current is not None and f"{name}.csv" not in new_files:
                shutil.copy2(current, staging_dir / current.name)
        for filename, data in new_files.items():
            (staging_dir / filename).write_bytes(data)
        # The folder's own cache: unchanged files hit it, and new files are then cached for the
        # load of the folder below, as their bytes are the same.
        result = load_dataset(staging_dir, cache=cache_dir(folder))
        if not result.ok:
            return LoadResult(None, result.problems)
        for filename, data in new_files.items():
            _keep_previous(folder / filename)
            write_bytes_atomic(folder / filename, data)
    return load_dataset(folder)


def _keep_previous(path: Path) -> None:
    if path.exists():
        backup = path.parent / ".sebelumnya" / path.name
        backup.parent.mkdir(exist_ok=True)
        shutil.copy2(path, backup)
