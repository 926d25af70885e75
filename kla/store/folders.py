"""Versions as folders on disk: what :func:`kla.loading.load_dataset` and the pages read.

``materialise`` writes a version's files into a temporary folder next to the target and renames
it to ``<root>/<id>`` only when complete, so a folder named after a version is always whole; a
version never changes, so once the folder exists every process just uses it. Two processes
materialising the same version both write, one rename wins, the other's copy is thrown away.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from kla import config
from kla.loading import LoadResult, VersionInfo, load_dataset, write_bytes_atomic
from kla.store.records import StoreError
from kla.store.versions import VersionStore, cache_dir

MARKER = ".versi.json"  # written last: a folder without it is not a complete version
STALE_TEMP_S = 3600  # temporary folders of a process that died while writing


def versions_root() -> Path:
    return config.state_dir() / "versions"


class VersionFolders(VersionStore):

    def materialise(self, version_id: int, root: Path | None = None) -> Path:
        """The folder holding version ``version_id``'s files (written once, then reused)."""
        root = Path(root) if root is not None else versions_root()
        target = root / str(version_id)
        if (target / MARKER).is_file():
            return target
        files = self.files(version_id)
        root.mkdir(parents=True, exist_ok=True)
        _remove_stale_temps(root)
        tmp = Path(tempfile.mkdtemp(dir=root, prefix=f".{version_id}-"))
        try:
            for name, content in files.items():
                _write_synced(tmp / name, content)
            _write_synced(tmp / MARKER, json.dumps({"versi": version_id, "berkas": sorted(files)}).encode())
            os.chmod(tmp, 0o755)  # mkdtemp makes 0700; the folder is read by whoever serves the app
            _publish_folder(tmp, target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)  # gone already when the rename succeeded
        return target

    def load_version(self, version_id: int) -> LoadResult:
        """Load a version like a data folder; its Dataset says which version it is."""
        record = self.version(version_id)
        result = load_dataset(self.materialise(version_id), cache=cache_dir())
        if result.dataset is None:
            return result
        info = VersionInfo(number=record.id, published_at=record.last_published_at, author=record.author,
                           note=record.note)
        return dataclasses.replace(result, dataset=dataclasses.replace(result.dataset, version=info))

    def export(self, version_id: int, folder: Path) -> list[Path]:
        """Write a version's files into ``folder`` (each file whole or not at all); the paths written."""
        files = self.files(version_id)
        folder = Path(folder)
        paths = []
        for name, content in files.items():
            write_bytes_atomic(folder / name, content)
            paths.append(folder / name)
        return paths


def _write_synced(path: Path, content: bytes) -> None:
    with open(path, "wb") as f:
        f.write(content)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(path, 0o644)


def _publish_folder(tmp: Path, target: Path) -> None:
    try:
        os.rename(tmp, target)
        return
    except OSError:
        if (target / MARKER).is_file():
            return  # another process got there first with the same, immutable content
    # A folder without the marker is not ours to trust (copied by hand, half deleted): set it aside.
    aside = target.with_name(f".rusak-{target.name}-{os.getpid()}-{time.monotonic_ns()}")
    with contextlib.suppress(FileNotFoundError):
        os.rename(target, aside)
    shutil.rmtree(aside, ignore_errors=True)
    try:
        os.rename(tmp, target)
    except OSError as exc:
        if not (target / MARKER).is_file():
            raise StoreError(f"folder versi {target} tidak dapat ditulis: {exc}") from exc


def _remove_stale_temps(root: Path) -> None:
    now = time.time()
    for path in root.glob(".*-*"):
        with contextlib.suppress(OSError):
            if path.is_dir() and now - path.stat().st_mtime > STALE_TEMP_S:
                shutil.rmtree(path, ignore_errors=True)
