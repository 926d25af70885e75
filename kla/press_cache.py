"""Heavy files (the meeting brief, press images, media-kit ZIPs) made once per data version and reused.

Each file lives on disk under ``<state>/press/<version>/`` (:func:`kla.config.state_dir`), named by
a hash of everything that changes its bytes (:class:`Key`): the data version, what it is, the
format, the language, the day printed on it, the choices, the logo and boundary files. A request
for a file that exists reads it; only a missing one is made, and then:

* at most ``limit`` files of one kind are made at a time (:class:`RenderQueue`); a request that
  would wait behind too many others is refused at once with :class:`Busy` instead of piling up;
* identical requests that arrive while their file is being made wait for that one make and
  share its result (single flight), so 50 clicks on one brief print it once;
* the file is written whole or not at all (:func:`kla.loading.write_bytes_atomic`).

Old versions' folders and, past a size cap, the least recently used files are deleted, so the
folder stays bounded. Callers get a path, never the bytes: they read the file only when it is
sent, and nothing large stays in memory between requests. :func:`return_big_buffers_to_os`
makes sure that what was read is given back to the system once sent (glibc would keep it).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import dataclasses
import hashlib
import json
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from kla import config
from kla.loading import Dataset, write_bytes_atomic

FOLDER = "press"
DEFAULT_LIMIT = 2  # files of one kind made at once: the warm Chromium has 2 tabs and the machine 2 cores
DEFAULT_WAITING = 16  # distinct files of one kind that may wait for a free slot; more are refused
KEEP_VERSIONS = 3  # version folders kept: the published one and the last ones staff looked at
MAX_BYTES = 2_000_000_000  # all files together; the least recently used go first past this
META_SUFFIX = ".json"
STALE_TMP_S = 3600  # a temporary file this old belongs to a writer that was killed
BIG_BUFFER = 4 * 1024 * 1024  # buffers this large go back to the system when freed
M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)

Made = bytes | tuple[bytes, Mapping[str, Any]]


class Busy(RuntimeError):
    """Too many files are being made right now; the message asks to try again shortly (Indonesian)."""


class _Abandoned(Exception):
    """The request making a file stopped without an answer; the requests waiting for it try again."""


# --- what identifies a file ------------------------------------------------------------------------


def data_version(data: Dataset) -> str:
    """``v12`` for version 12 of the data store; for data read straight from a folder (no version), a
    hash of every table's content, so edited data never gets an old file."""
    if data.version is not None:
        return f"v{data.version.number}"
    return "h" + content_hash(data)[:16]


def content_hash(data: Dataset) -> str:
    digest = hashlib.sha256()
    for item in dataclasses.fields(data):
        value = getattr(data, item.name)
        if isinstance(value, pd.DataFrame):
            digest.update(f"{item.name}|{list(value.columns)}|{[str(t) for t in value.dtypes]}".encode())
            try:
                digest.update(pd.util.hash_pandas_object(value, index=False).to_numpy().tobytes())
            except TypeError:  # a cell pandas cannot hash (a list, say): its text stands in
                digest.update(value.to_csv(index=False).encode())
    return digest.hexdigest()


def shapes_hash(shapes: Any) -> str:
    """The installed boundaries (a GeoDataFrame) as a short hash; ``tanpa`` without them."""
    if shapes is None:
        return "tanpa"
    digest = hashlib.sha256(b"".join(shapes.geometry.to_wkb()))
    digest.update(pd.util.hash_pandas_object(shapes.drop(columns=shapes.geometry.name), index=False)
                  .to_numpy().tobytes())
    return digest.hexdigest()[:16]


def file_hash(path: Path | None) -> str:
    """A file's content as a short hash (the logo); ``tanpa`` for none, ``hilang`` when unreadable."""
    if path is None:
        return "tanpa"
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return "hilang"


@dataclass(frozen=True)
class Key:
    """One file: the data version (its folder), what it is (``kind``), the file type and the choices."""

    version: str
    kind: str
    ext: str
    parts: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, version: str, kind: str, ext: str, **parts: object) -> Key:
        """Choices of any type (dates, lists, numbers): their text is what counts."""
        return cls(version, kind, ext, tuple(sorted((k, _text(v)) for k, v in parts.items())))

    @property
    def name(self) -> str:
        canonical = json.dumps([self.version, self.kind, self.ext, self.parts], ensure_ascii=False)
        return f"{self.kind}-{hashlib.sha256(canonical.encode()).hexdigest()[:24]}.{self.ext}"


def _text(value: object) -> str:
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return json.dumps([_text(v) for v in items], ensure_ascii=False)
    return str(value)


# --- making files: a bounded queue and single flight -----------------------------------------------


class RenderQueue:
    """At most ``limit`` makes at once; at most ``max_waiting`` more wait, any further one gets Busy."""

    def __init__(self, limit: int = DEFAULT_LIMIT, max_waiting: int = DEFAULT_WAITING) -> None:
        self.limit, self.max_waiting = limit, max_waiting
        self._free = threading.Semaphore(limit)
        self._lock = threading.Lock()
        self._admitted = 0  # running or waiting
        self.running = 0
        self.peak = 0  # the most makes ever running at once (tests and benchmark read it)

    @property
    def admitted(self) -> int:
        """Makes running or waiting for a slot."""
        with self._lock:
            return self._admitted

    @contextlib.contextmanager
    def slot(self) -> Iterator[None]:
        with self._lock:
            if self._admitted >= self.limit + self.max_waiting:  # every slot taken and the line full
                raise Busy("Server sedang membuat banyak berkas sekaligus; coba lagi dalam satu menit.")
            self._admitted += 1
        try:
            with self._free:
                with self._lock:
                    self.running += 1
                    self.peak = max(self.peak, self.running)
                try:
                    yield
                finally:
                    with self._lock:
                        self.running -= 1
        finally:
            with self._lock:
                self._admitted -= 1


@dataclass(frozen=True)
class Stored:
    """A file in the cache and what its maker said about it (``meta``, empty if nothing)."""

    path: Path
    meta: Mapping[str, Any] = field(default_factory=dict)

    def read(self) -> bytes:
        return self.path.read_bytes()


class PressCache:
    """Files under ``root``, made on demand through one :class:`RenderQueue` per kind."""

    def __init__(self, root: Path, *, limits: Mapping[str, int] | None = None, default_limit: int = DEFAULT_LIMIT,
                 max_waiting: int = DEFAULT_WAITING, keep_versions: int = KEEP_VERSIONS,
                 max_bytes: int = MAX_BYTES) -> None:
        self.root = Path(root)
        self._limits, self._default_limit, self._max_waiting = dict(limits or {}), default_limit, max_waiting
        self.keep_versions, self.max_bytes = keep_versions, max_bytes
        self._queues: dict[str, RenderQueue] = {}
        self._flights: dict[Path, Future] = {}
        self._lock = threading.Lock()
        self.made = 0  # files made by this cache (not read back): what tests and the benchmark count

    def queue(self, kind: str) -> RenderQueue:
        with self._lock:
            if kind not in self._queues:
                self._queues[kind] = RenderQueue(self._limits.get(kind, self._default_limit), self._max_waiting)
            return self._queues[kind]

    def path(self, key: Key) -> Path:
        return self.root / key.version / key.name

    def lookup(self, key: Key) -> Stored | None:
        """The file if it is there already (nothing is made)."""
        path = self.path(key)
        if not path.is_file():
            return None
        with contextlib.suppress(OSError):
            path.touch()  # recently used: pruned last
        return Stored(path, _read_meta(path))

    def get(self, key: Key, make: Callable[[], Made]) -> Stored:
        """The file of ``key``, made by ``make()`` (bytes, or bytes and a small JSON-able dict) only if
        it is not there yet. Busy when the queue of its kind is full; ``make``'s exception otherwise."""
        while True:
            found = self.lookup(key)
            if found is not None:
                return found
            path = self.path(key)
            with self._lock:
                flight = self._flights.get(path)
                leader = flight is None
                if flight is None:
                    flight = self._flights[path] = Future()
            if not leader:
                try:
                    return flight.result()  # the same file is being made: wait for it, share its outcome
                except _Abandoned:
                    continue  # its maker was stopped (its visitor left the page): one of the waiting makes it
            try:
                stored = self.lookup(key) or self._make(key, path, make)  # another process may have made it
                flight.set_result(stored)
                return stored
            except Exception as exc:  # the file cannot be made: everyone waiting hears why
                flight.set_exception(exc)
                raise
            except BaseException:  # Streamlit stopping this visitor's script, Ctrl+C: not the others' problem
                flight.set_exception(_Abandoned())
                raise
            finally:
                with self._lock:
                    del self._flights[path]

    def _make(self, key: Key, path: Path, make: Callable[[], Made]) -> Stored:
        with self.queue(key.kind).slot():
            made = make()
        content, meta = made if isinstance(made, tuple) else (made, {})
        new_version = not path.parent.exists()
        if meta:  # first, so whoever finds the file finds its meta too
            write_bytes_atomic(path.with_name(path.name + META_SUFFIX), json.dumps(meta, ensure_ascii=False).encode())
        write_bytes_atomic(path, content)
        with self._lock:
            self.made += 1
        if new_version:
            self._prune_versions(keep=path.parent)
        self._prune_bytes(keep=path)
        return Stored(path, dict(meta))

    def _prune_versions(self, keep: Path) -> None:
        """Only the ``keep_versions`` most recently written version folders stay."""
        folders = []
        for folder in self.root.iterdir():
            with contextlib.suppress(OSError):  # another process may be pruning too
                if folder.is_dir() and folder != keep:
                    folders.append((folder.stat().st_mtime, folder))
        for _, old in sorted(folders, reverse=True)[max(self.keep_versions - 1, 0):]:
            shutil.rmtree(old, ignore_errors=True)

    def _prune_bytes(self, keep: Path) -> None:
        """Past ``max_bytes`` the least recently used files go (never ``keep``, just made), and so do
        the temporary files of writers killed mid-write, once they are an hour old."""
        files, total, now = [], 0, time.time()
        for path in self.root.glob("*/*"):
            with contextlib.suppress(OSError):
                info = path.stat()
                if path.name.startswith("."):
                    if path.name.endswith(".tmp") and now - info.st_mtime > STALE_TMP_S:
                        path.unlink(missing_ok=True)
                elif not path.name.endswith(META_SUFFIX):
                    files.append((info.st_mtime, info.st_size, path))
                    total += info.st_size
        for _, size, old in sorted(files, key=lambda item: item[0]):
            if total <= self.max_bytes:
                break
            if old == keep:
                continue
            old.unlink(missing_ok=True)
            old.with_name(old.name + META_SUFFIX).unlink(missing_ok=True)
            total -= size


def _read_meta(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.with_name(path.name + META_SUFFIX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def return_big_buffers_to_os(threshold: int = BIG_BUFFER) -> bool:
    """Have glibc give every freed buffer of ``threshold`` bytes or more straight back to the system.

    By itself glibc raises that threshold after the first large buffer is freed (up to 32 MB) and
    from then on keeps freed buffers of that size inside the process: 20 downloads of a 28 MB ZIP
    at once left the server 440 MB larger for good. With a fixed threshold they come and go
    (docs/BENCHMARKS.md, "Bursts"). Process-wide; False where the C library has no ``mallopt``.
    """
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(M_MMAP_THRESHOLD, threshold))
    except (OSError, AttributeError):
        return False


_SHARED: dict[Path, PressCache] = {}
_SHARED_LOCK = threading.Lock()
ZIP_LIMITS = {"zip": 1}  # a whole media kit keeps the warm Chromium busy for a minute: one at a time


def shared() -> PressCache:
    """The process's cache under ``<state>/press`` (one per state folder: each test has its own)."""
    root = config.state_dir() / FOLDER
    with _SHARED_LOCK:
        if not _SHARED:
            return_big_buffers_to_os()  # the process serves big files from now on
        if root not in _SHARED:
            _SHARED[root] = PressCache(root, limits=ZIP_LIMITS)
        return _SHARED[root]
