"""Where the embed pages live and the "latest" alias: folders, names, URLs, the atomic swap.

One folder (``<files>/embed``, :func:`kla.config.embed_dir`) holds::

    aset/plotly-4.1.1.min.js        shared by every version (versioned by the library's own version)
    aset/leaflet-1.9.3/...
    v3/tren_total.html              one page per chart of data version 3, never changed once written
    v3/tren_total.png               its picture for readers without JavaScript (<noscript>)
    v3/sematan.json                 what the version holds (names, titles, heights, pages)
    terbaru -> v3                   the published version: a relative symbolic link

A version folder is written whole in a hidden staging folder and renamed into place, so a reader
never meets half a version; ``terbaru`` is replaced by renaming a new link over it (one atomic
``rename``), so a reader gets the old version or the new one, never a missing page. The link is
relative, so the folder may be mounted anywhere (nginx in Docker sees it under another path).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ASSETS = "aset"
LATEST = "terbaru"
MANIFEST = "sematan.json"
LOCK_FILE = ".kunci"
STAGING_PREFIX = ".sedang-"
STALE_STAGING_S = 3600  # a staging folder this old belongs to a writer that was killed
_VERSION = re.compile(r"^v(\d+)$")
_NAME = re.compile(r"^[a-z0-9_]+$")  # chart names of the catalogue; anything else never reaches a path


def version_folder_name(number: int) -> str:
    return f"v{int(number)}"


def version_dir(root: Path, number: int) -> Path:
    return Path(root) / version_folder_name(number)


def page_name(chart: str) -> str:
    if not _NAME.match(chart):
        raise ValueError(f"nama grafik {chart!r} tidak sah untuk nama berkas sematan")
    return f"{chart}.html"


def versions(root: Path) -> list[int]:
    """Version numbers with a finished folder, ascending."""
    root = Path(root)
    if not root.is_dir():
        return []
    found = []
    for child in root.iterdir():
        match = _VERSION.match(child.name)
        if match and child.is_dir() and not child.is_symlink() and (child / MANIFEST).is_file():
            found.append(int(match.group(1)))
    return sorted(found)


def latest(root: Path) -> int | None:
    """The version ``terbaru`` points at, None when there is no alias yet."""
    link = Path(root) / LATEST
    try:
        target = os.readlink(link)
    except OSError:
        return None
    match = _VERSION.match(Path(target).name)
    return int(match.group(1)) if match else None


def point_latest(root: Path, number: int) -> None:
    """Make ``terbaru`` point at version ``number`` in one rename (the version folder must exist)."""
    root = Path(root)
    target = version_dir(root, number)
    if not (target / MANIFEST).is_file():
        raise FileNotFoundError(f"{target}: versi sematan belum ditulis")
    link = root / LATEST
    temp = root / f".{LATEST}-{os.getpid()}-{threading.get_ident()}"
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    os.symlink(version_folder_name(number), temp)
    if link.is_dir() and not link.is_symlink():  # a copied folder in its place: moved aside, then removed
        aside = root / f".{LATEST}-lama-{os.getpid()}"
        link.rename(aside)
        os.replace(temp, link)
        shutil.rmtree(aside, ignore_errors=True)
        return
    os.replace(temp, link)


def staging_dir(root: Path, number: int) -> Path:
    """A new empty hidden folder beside the version folders, readable by the web server."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    folder = root / f"{STAGING_PREFIX}{version_folder_name(number)}-{os.getpid()}-{threading.get_ident()}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    return folder


def publish_staging(staging: Path, root: Path, number: int) -> bool:
    """Rename a finished staging folder to ``v<number>``; False (staging removed) when that version
    exists already: versions are immutable, the first complete one stays."""
    target = version_dir(root, number)
    try:
        staging.rename(target)
        return True
    except OSError:  # ENOTEMPTY/EEXIST: another writer finished first
        shutil.rmtree(staging, ignore_errors=True)
        if (target / MANIFEST).is_file():
            return False
        raise


def remove_stale_staging(root: Path, older_than_s: float = STALE_STAGING_S) -> None:
    root = Path(root)
    if not root.is_dir():
        return
    now = time.time()
    for child in root.iterdir():
        if child.name.startswith((STAGING_PREFIX, f".{LATEST}-")):
            with contextlib.suppress(OSError):
                if now - child.lstat().st_mtime > older_than_s:
                    if child.is_dir() and not child.is_symlink():
                        shutil.rmtree(child, ignore_errors=True)
                    else:
                        child.unlink()


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """One writer at a time across processes (the admin instance and a command line on one server)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK_FILE, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass(frozen=True)
class EmbedInfo:
    """One chart's page in a version: what the Unduh menu and the Ekspor page offer."""

    name: str
    title: str
    height: int  # the iframe height the page is laid out for, in CSS pixels
    page: str  # the dashboard page that shows the chart ("" for the first page)


@dataclass(frozen=True)
class Manifest:
    version: int
    published: str  # "Data versi 3, diterbitkan 29 November 2026"
    sample: bool
    charts: tuple[EmbedInfo, ...]

    def chart(self, name: str) -> EmbedInfo | None:
        return next((c for c in self.charts if c.name == name), None)

    def to_json(self) -> str:
        return json.dumps({"versi": self.version, "terbit": self.published, "contoh": self.sample,
                           "grafik": [c.__dict__ for c in self.charts]}, ensure_ascii=False, indent=1)


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest of a version folder (or of ``terbaru``); None when missing or unreadable."""
    try:
        raw = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
        return Manifest(int(raw["versi"]), str(raw["terbit"]), bool(raw["contoh"]),
                        tuple(EmbedInfo(**c) for c in raw["grafik"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def url(base: str, chart: str, number: int | None = None) -> str:
    """``<base>/terbaru/<chart>.html`` (or ``<base>/v<number>/...`` for one fixed version)."""
    folder = LATEST if number is None else version_folder_name(number)
    return f"{base.rstrip('/')}/{folder}/{page_name(chart)}"
