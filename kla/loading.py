"""Load the data folder into one validated :class:`Dataset`, and write files without losing data.

``load_dataset(folder)`` reads every file declared in :mod:`kla.schema` (CSV, or XLSX when no
CSV of that name exists) through :mod:`kla.safe_read` (regular files only, a size cap, a
deadline), checks each row, then checks the files against each other (:mod:`kla.checks`: codes
that must exist, points within maxima, totals that must match the published category). It never
raises for bad data: it returns a :class:`LoadResult` whose ``problems`` list says, in
Indonesian, what is wrong and where. It never writes to the data files. The app keeps serving
the last good dataset when a new load fails (see ``kla.ui.data``).

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
import inspect
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow

from kla import safe_read, schema
from kla.checks import cross_check
from kla.safe_read import EXCEL_CSV_HINT, Unreadable, read_raw
from kla.schema import FILES, FileSpec, Problem

__all__ = [  # read_raw and cross_check live in kla.safe_read and kla.checks; callers import them from here
    "CACHE_ENV", "Dataset", "LoadResult", "VersionInfo", "cache_dir", "cross_check", "csv_bytes", "file_path",
    "fingerprint", "load_dataset", "read_file", "read_raw", "replace_folder_files", "write_bytes_atomic",
]


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
        """The first ``sumber`` row of that file (a shared row: read it, never change it)."""
        return self._first_sources.get(berkas)

    @functools.cached_property
    def _first_sources(self) -> dict[str, pd.Series]:
        # Built once per dataset: every chart caption asks on every script run, and a boolean filter of
        # the frame per question was a sixth of a Ringkasan run's CPU (bench/load_bench.py, docs/BENCHMARKS.md).
        first = self.sumber.drop_duplicates("berkas")
        return {name: row for name, (_, row) in zip(first["berkas"], first.iterrows(), strict=True)}


@dataclass(frozen=True)
class LoadResult:
    """A dataset when everything checked out, else ``None``; always the full problem list."""

    dataset: Dataset | None
    problems: list[Problem] = field(default_factory=list)
    cached: tuple[str, ...] = ()  # files whose validated table came from the cache

    @property
    def ok(self) -> bool:
        return self.dataset is not None and not self.problems

    @property
    def valid_dataset(self) -> Dataset:
        """The dataset of a result that is :attr:`ok` (callers ask ``ok`` first, to report the problems)."""
        if self.dataset is None or self.problems:
            raise ValueError(f"data tidak lolos pemeriksaan ({len(self.problems)} masalah); periksa ok lebih dulu")
        return self.dataset


# --- reading -----------------------------------------------------------------------------------

READ_FAILED = "berkas tidak dapat diperiksa"


def file_path(folder: Path, name: str) -> Path | None:
    """The CSV of that name, else the XLSX, else ``None`` (a dangling link counts: reading it says so)."""
    for ext in (".csv", ".xlsx"):
        path = folder / f"{name}{ext}"
        if os.path.lexists(path):
            return path
    return None


def read_file(folder: Path, spec: FileSpec, path: Path | None = None) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read and check one file on its own (``path``: the one already found in ``folder``)."""
    path = path or file_path(folder, spec.name)
    if path is None:
        return None, [Problem(f"{spec.name}.csv", None, None, None, f"berkas tidak ditemukan di {folder}")]
    try:
        raw = read_raw(path)
    except Unreadable as exc:
        return None, [Problem(path.name, exc.row, exc.column, None, exc.reason)]
    table, problems = schema.parse_table(raw, spec, path.name)
    if raw.empty and not problems:
        # A file cut down to its header (an export gone wrong) would empty a page without a word.
        problems = [Problem(path.name, 2, None, None, "berkas hanya berisi baris judul, tanpa baris data")]
    return (table if not table.empty or not problems else None), problems


def _read_checked(folder: Path, spec: FileSpec, path: Path | None) -> tuple[pd.DataFrame | None, list[Problem]]:
    try:
        return read_file(folder, spec, path)
    except Exception as exc:  # the net under the reader: one odd file must not take every page down
        name = path.name if path else f"{spec.name}.csv"
        return None, [Problem(name, None, None, None, f"{READ_FAILED} ({type(exc).__name__}); {EXCEL_CSV_HINT}")]


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
            table, file_problems = _read_checked(folder, spec, path)
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
    if store is not None:  # without a cache nothing is fresh
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
    except OSError:
        return None  # read_file reports the file; there is nothing to look up
    digest = safe_read.digest(path)  # None for a FIFO, a device, a folder or a file over the cap
    if digest is None:
        return None
    key = hashlib.sha256(f"{_validator_stamp()}{path.suffix.lower()}{digest}".encode()).hexdigest()
    return _Source(path, key, before)


def _identity(path: Path) -> tuple[int, ...]:
    # ctime changes on every write or replace and cannot be set back, unlike mtime.
    st = path.stat()
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


@functools.cache
def _validator_stamp() -> str:
    """Changes with the code that turns a file into a table, so old entries are never reused."""
    from kla.intake import read as intake_read  # its encoding and separator rules shape the table too

    modules = (schema, safe_read, intake_read)
    code = b"".join(Path(inspect.getfile(m)).read_bytes() for m in modules) + Path(__file__).read_bytes()
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


# --- change detection and safe writes ------------------------------------------------------------


def fingerprint(folder: Path | str) -> tuple[tuple[str, str], ...]:
    """Name and content hash of each data file: changes when any file's content changes.

    An edit that keeps a file's size and modification time (a tool that restores mtime, a copy
    with ``cp -p``) changes the hash. Hashing costs about 0,1 s per 130 MB, so a file is hashed
    again only when its identity (device, inode, size, mtime, ctime) changes; ctime moves on
    every write and cannot be set back. A file changed within the last seconds is hashed on
    every call, as a file system with coarse timestamps may not have moved its times yet.
    """
    folder = Path(folder)
    found = []
    for name in FILES:
        path = file_path(folder, name)
        if path is not None:
            found.append((path.name, _content_key(path)))
    return tuple(found)


_DIGESTS: dict[Path, tuple[tuple[int, ...], str]] = {}
_SETTLED_NS = 3_000_000_000  # coarser than any timestamp granularity in use (FAT: 2 s)


def _content_key(path: Path) -> str:
    try:
        identity = _identity(path)
    except OSError as exc:
        return f"tidak terbaca: {type(exc).__name__}"
    known = _DIGESTS.get(path)
    if known is not None and known[0] == identity:
        return known[1]
    key = safe_read.digest(path) or f"bukan berkas biasa atau terlalu besar: {identity}"
    if time.time_ns() - max(identity[3], identity[4]) > _SETTLED_NS:
        _DIGESTS[path] = (identity, key)
    return key


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
