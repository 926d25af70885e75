"""Versions: the whole data set, validated, stored once per content (sha256) and never changed.

A new version is checked exactly as the dashboard loads a data folder (:func:`kla.loading.load_dataset`
on the files written to a temporary folder); a data set with any problem is refused as a whole and
nothing is stored. Version numbers are given under a lock, so they run 1, 2, 3 ... without gaps,
even when a process dies halfway through an import.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from kla import config, safe_read
from kla.loading import CACHE_ENV, Dataset, file_path, load_dataset, read_raw
from kla.schema import FILES, Problem
from kla.store.audit import insert_entry
from kla.store.engine import VERSION_LOCK, writing
from kla.store.models import blobs, publication, utcnow, version_files, versions
from kla.store.records import InvalidData, StoreError, VersionRecord

FILE_NAMES: tuple[str, ...] = tuple(f"{name}.csv" for name in FILES)


def cache_dir() -> Path:
    """Validated tables of stored versions (``KLA_CACHE_DIR``, else ``<state>/cache``): see kla.loading."""
    return Path(os.environ.get(CACHE_ENV) or config.state_dir() / "cache")


def folder_files(folder: Path) -> dict[str, bytes]:
    """The data files of a folder as the store takes them: CSV bytes as they are, an XLSX as CSV.

    A missing folder or file is reported as :class:`InvalidData`, like any other problem.
    """
    folder = Path(folder)
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    for name in FILES:
        path = file_path(folder, name) if folder.is_dir() else None
        if path is None:
            problems.append(Problem(f"{name}.csv", None, None, None, f"berkas tidak ditemukan di {folder}"))
        elif path.suffix.lower() == ".csv":
            try:  # regular files only, size-capped: a FIFO or /dev/zero never hangs an import
                files[f"{name}.csv"] = safe_read.read_bytes(path)
            except safe_read.Unreadable as exc:
                problems.append(Problem(path.name, None, None, None, str(exc)))
        else:
            try:
                files[f"{name}.csv"] = read_raw(path).to_csv(index=False).encode("utf-8")
            except (ValueError, OSError) as exc:
                problems.append(Problem(path.name, None, None, None, f"berkas tidak dapat dibaca: {exc}"))
    if problems:
        raise InvalidData(problems)
    return files


def validate_files(files: dict[str, bytes]) -> Dataset:
    """The dataset of ``files`` (the complete set, each name ``<file>.csv``), else :class:`InvalidData`."""
    problems = [Problem(name, None, None, None, f"nama berkas tidak dikenal; seharusnya salah satu dari: "
                        f"{', '.join(FILE_NAMES)}") for name in files if name not in FILE_NAMES]
    problems += [Problem(name, None, None, None, "berkas tidak ada; satu versi memuat semua berkas data")
                 for name in FILE_NAMES if name not in files]
    if problems:
        raise InvalidData(problems)
    with tempfile.TemporaryDirectory(prefix="kla-periksa-") as tmp:
        for name, content in files.items():
            (Path(tmp) / name).write_bytes(content)
        result = load_dataset(Path(tmp), cache=cache_dir())
    if not result.ok:
        raise InvalidData(result.problems)
    assert result.dataset is not None
    return result.dataset


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def summary_of(dataset: Dataset, files: dict[str, bytes]) -> dict[str, Any]:
    """What ``VersionRecord.summary`` holds: rows per file, each file's size and hash, the check."""
    return {
        "rows": {name: int(len(getattr(dataset, name))) for name in FILES},
        "files": {name: {"sha256": sha256(content), "bytes": len(content)} for name, content in sorted(files.items())},
        "validation": {"ok": True, "problems": 0, "files": len(files),
                       "checked_at": utcnow().isoformat(timespec="seconds")},
        "sample_files": list(dataset.sample_files),
        "kelurahan": int(len(dataset.kelurahan)),
    }


def _record(row: sa.RowMapping, current: int | None) -> VersionRecord:
    return VersionRecord(id=row["id"], created_at=row["created_at"], author=row["author"], note=row["note"] or "",
                         base=row["base"], summary=row["summary"] or {}, is_sample=bool(row["is_sample"]),
                         size_bytes=int(row["size_bytes"]), last_published_at=row["last_published_at"],
                         is_current=row["id"] == current)


def _insert_blobs(conn: Connection, files: dict[str, bytes]) -> None:
    rows = [{"sha256": sha256(c), "size": len(c), "content": c} for c in files.values()]
    insert = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(blobs)
    for row in rows:  # one by one: a big data set must not become one huge statement
        conn.execute(insert.values(**row).on_conflict_do_nothing(index_elements=["sha256"]))


def insert_version(conn: Connection, files: dict[str, bytes], dataset: Dataset, author: str, note: str,
                   base: int | None) -> int:
    """Store a validated data set as the next version; the caller holds VERSION_LOCK's transaction."""
    if not (author or "").strip():
        raise StoreError("penulis versi (author) wajib diisi")
    if base is not None and conn.execute(sa.select(versions.c.id).where(versions.c.id == base)).first() is None:
        raise StoreError(f"versi {base} tidak ada")
    _insert_blobs(conn, files)
    version_id = int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(versions.c.id), 0) + 1)).scalar_one())
    conn.execute(sa.insert(versions).values(
        id=version_id, created_at=utcnow(), author=author.strip(), note=note or "", base=base,
        summary=summary_of(dataset, files), is_sample=dataset.is_sample,
        size_bytes=sum(len(c) for c in files.values())))
    conn.execute(sa.insert(version_files), [{"version_id": version_id, "name": name, "sha256": sha256(content)}
                                            for name, content in sorted(files.items())])
    return version_id


class VersionStore:
    engine: Engine
    read_only: bool = False

    def create_version(self, files: dict[str, bytes], author: str, note: str, base: int | None,
                       detail: dict[str, Any] | None = None) -> VersionRecord:
        """Validate the complete data set and store it as a draft (audit "draft", with ``detail`` such as
        where the files came from); InvalidData stores nothing."""
        dataset = validate_files(files)
        with writing(self.engine, lock=VERSION_LOCK) as conn:
            version_id = insert_version(conn, files, dataset, author, note, base)
            insert_entry(conn, author, "draft", note, from_version=base, to_version=version_id,
                         detail={"rows": summary_of(dataset, files)["rows"], **(detail or {})})
        return self.version(version_id)

    def version(self, version_id: int) -> VersionRecord:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(versions).where(versions.c.id == version_id)).mappings().first()
            current = conn.execute(sa.select(publication.c.version_id)).scalar()
        if row is None:
            raise StoreError(f"versi {version_id} tidak ada")
        return _record(row, current)

    def versions(self) -> list[VersionRecord]:
        """Every version, newest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(versions).order_by(versions.c.id.desc())).mappings().all()
            current = conn.execute(sa.select(publication.c.version_id)).scalar()
        return [_record(r, current) for r in rows]

    def has_versions(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(versions.c.id).limit(1)).first() is not None

    def files(self, version_id: int) -> dict[str, bytes]:
        """The files of a version by name, each checked against its sha256."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(version_files.c.name, version_files.c.sha256, blobs.c.content)
                .join(blobs, blobs.c.sha256 == version_files.c.sha256)
                .where(version_files.c.version_id == version_id)
                .order_by(version_files.c.name)
            ).all()
        if not rows:
            self.version(version_id)  # unknown id: "versi N tidak ada"
            raise StoreError(f"versi {version_id} tidak memuat berkas")
        files = {}
        for name, digest, content in rows:
            if sha256(content) != digest:
                raise StoreError(f"berkas {name} versi {version_id} rusak: sha256 tidak cocok")
            files[name] = bytes(content)
        return files

    def ensure_initial(self, data_dir: Path, actor: str = "sistem") -> int | None:
        """An empty store imports ``data_dir`` as version 1 and publishes it; else ``None`` (also when the
        store is read-only: a public replica waits for the admin instance to import)."""
        if self.read_only or self.has_versions():
            return None
        files = folder_files(data_dir)
        dataset = validate_files(files)
        note = f"impor awal dari {Path(data_dir).resolve()}"
        with writing(self.engine, lock=VERSION_LOCK) as conn:
            if conn.execute(sa.select(versions.c.id).limit(1)).first() is not None:
                return None  # another process imported it while this one was validating
            version_id = insert_version(conn, files, dataset, actor, note, None)
            insert_entry(conn, actor, "import", note, to_version=version_id,
                         detail={"folder": str(data_dir), "sample_files": list(dataset.sample_files)})
            from kla.store.publication import move_pointer

            move_pointer(conn, version_id, actor, note, expected=None, action="publish")
        return version_id
