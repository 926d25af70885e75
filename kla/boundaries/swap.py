"""Putting a new web copy and its metadata in place as one unit (see :mod:`kla.boundaries.layout`).

Every step leaves the geo folder describing one install: the new pair is written into a fresh
version folder, then one ``os.replace`` of the ``.aktif`` link switches from the old pair to the new.
Installs from two processes take turns (``flock`` on ``.versi/.kunci``, released by the kernel
when a process dies), so neither removes a version the other has just made current.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from kla.boundaries.layout import (
    ACTIVE_LINK,
    FAILED_MARKER,
    GEOJSON_NAME,
    INSTALLED_FILES,
    PREVIOUS_DIR,
    VERSIONS_DIR,
)
from kla.loading import write_bytes_atomic

LOCK_NAME = ".kunci"
STAGING_PREFIX = ".baru-"


def swap_in(geo_dir: Path, files: dict[str, bytes]) -> Path:
    """Install ``files`` (name -> bytes) as the current version of ``geo_dir``; returns its folder."""
    versions = geo_dir / VERSIONS_DIR
    versions.mkdir(parents=True, exist_ok=True)
    with _locked(versions / LOCK_NAME):
        _adopt_unversioned(geo_dir)
        new = _new_version(versions, files)
        previous = _link_target(geo_dir / ACTIVE_LINK)
        for name in INSTALLED_FILES:  # dangling until the first switch below: "nothing installed" till then
            if _link_target(geo_dir / name) != f"{ACTIVE_LINK}/{name}":
                _point(geo_dir / name, f"{ACTIVE_LINK}/{name}")
        _point(geo_dir / ACTIVE_LINK, f"{VERSIONS_DIR}/{new.name}")  # the switch: one atomic step
        if previous is not None:
            _point(geo_dir / PREVIOUS_DIR, previous)
        (geo_dir / FAILED_MARKER).unlink(missing_ok=True)
        _prune(geo_dir, versions)
    return new


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    import fcntl  # POSIX only, like the links: imported here so reading installed boundaries works anywhere

    with open(path, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _new_version(versions: Path, files: dict[str, bytes]) -> Path:
    """Written under a staging name and renamed when complete, so a version folder is always whole."""
    name = f"{dt.datetime.now().strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(3)}"
    staging = versions / f"{STAGING_PREFIX}{name}"
    staging.mkdir()
    for filename, data in files.items():
        write_bytes_atomic(staging / filename, data)
    _sync_folder(staging)
    os.rename(staging, versions / name)
    _sync_folder(versions)
    return versions / name


def _adopt_unversioned(geo_dir: Path) -> None:
    """A folder installed before versions (plain files) becomes a version, one matching pair at every step:
    copy the pair into a version, point ``.aktif`` at it (same content), then turn the plain files into
    links. A plain ``.sebelumnya`` folder becomes a version too."""
    if _link_target(geo_dir / ACTIVE_LINK) is not None:
        return
    old_previous = geo_dir / PREVIOUS_DIR
    if old_previous.is_dir() and not old_previous.is_symlink():
        kept = geo_dir / VERSIONS_DIR / f"sebelumnya-{secrets.token_hex(3)}"
        os.rename(old_previous, kept)
        _point(old_previous, f"{VERSIONS_DIR}/{kept.name}")
    plain = {n: geo_dir / n for n in INSTALLED_FILES if (geo_dir / n).is_file() and not (geo_dir / n).is_symlink()}
    if GEOJSON_NAME not in plain:
        return
    adopted = _new_version(geo_dir / VERSIONS_DIR, {n: p.read_bytes() for n, p in plain.items()})
    _point(geo_dir / ACTIVE_LINK, f"{VERSIONS_DIR}/{adopted.name}")
    for name in INSTALLED_FILES:
        _point(geo_dir / name, f"{ACTIVE_LINK}/{name}")


def _point(link: Path, target: str) -> None:
    """Make ``link`` a symbolic link to ``target`` in one step (a new link renamed over the old entry)."""
    fresh = link.with_name(f"{link.name}{STAGING_PREFIX}{secrets.token_hex(4)}")
    os.symlink(target, fresh)
    try:
        os.replace(fresh, link)
    except BaseException:
        fresh.unlink(missing_ok=True)
        raise
    _sync_folder(link.parent)


def _link_target(path: Path) -> str | None:
    try:
        return os.readlink(path)
    except OSError:
        return None


def _prune(geo_dir: Path, versions: Path) -> None:
    """Versions neither current nor previous, and staging left by a killed install, are removed."""
    keep = {Path(t).name for t in (_link_target(geo_dir / ACTIVE_LINK), _link_target(geo_dir / PREVIOUS_DIR)) if t}
    for entry in versions.iterdir():
        if entry.name not in keep and entry.name != LOCK_NAME:
            shutil.rmtree(entry, ignore_errors=True)
    for entry in geo_dir.glob(f"*{STAGING_PREFIX}*"):  # links made by a killed install, never renamed
        entry.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """A rename is only durable once its folder is synced (a power cut could otherwise undo it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
