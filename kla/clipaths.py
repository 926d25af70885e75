"""Paths given on the command line, checked before any work is done: one Indonesian line, exit code 2.

``export --out``, ``brief --out`` and ``data export N DIR`` name where files go. A file where a
folder is needed, a folder where a file is needed, a parent folder that does not exist and a place
that cannot be written are found here, before seconds of rendering, by the same rules for every
command. The parent must exist (a typing mistake should not create a tree of folders); the
target folder itself may be new. Writability is tried for real (a temporary file made and
removed), since permission bits say nothing about read-only disks, immutable folders or root.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

EXIT_USAGE = 2
PROBE_PREFIX = ".kla-uji-tulis-"

_REASONS = {
    errno.EACCES: "izin ditolak", errno.EPERM: "izin ditolak", errno.EROFS: "sistem berkas hanya-baca",
    errno.ENOSPC: "disk penuh", errno.EDQUOT: "kuota disk habis", errno.ENOENT: "tidak ada",
    errno.ENOTDIR: "sebagian jalurnya bukan folder", errno.EISDIR: "adalah folder",
    errno.ENAMETOOLONG: "nama terlalu panjang", errno.ELOOP: "tautan simbolik berputar",
}


class PathProblem(Exception):
    """A path the command cannot use; the message is one Indonesian line naming the option and the path."""


def output_folder(path: Path, option: str) -> Path:
    """A folder to write files into: an existing writable folder, or a new one in an existing writable
    folder. Nothing is created here; the caller makes the folder (``mkdir(exist_ok=True)``)."""
    where = f"{option} {path}"
    if _exists(path, where):
        if not path.is_dir():
            raise PathProblem(f"{where}: sudah ada sebagai berkas; diharapkan folder "
                              "(yang ada, atau nama folder baru).")
        _probe(path, where)
        return path
    _parent_folder(path, where)
    return path


def output_file(path: Path, option: str, example: str = "hasil.pdf") -> Path:
    """A file to write (replaced whole if it exists) in an existing writable folder."""
    where = f"{option} {path}"
    if _exists(path, where) and path.is_dir():
        raise PathProblem(f"{where}: adalah folder; diharapkan nama berkas, mis. {path / example}.")
    _parent_folder(path, where)
    return path


def write_problem(exc: OSError, option: str, path: Path) -> PathProblem:
    """An error met while writing (disk full, folder removed meanwhile), told the same way."""
    return PathProblem(f"{option} {path}: gagal menulis ({reason(exc)}).")


def reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno, exc.strerror or str(exc)) if exc.errno is not None else str(exc)


def _parent_folder(path: Path, where: str) -> None:
    parent = path.absolute().parent
    if not _exists(parent, where):
        raise PathProblem(f"{where}: folder {parent} tidak ada; buat dulu folder itu, atau pilih folder lain.")
    if not parent.is_dir():
        raise PathProblem(f"{where}: {parent} adalah berkas, bukan folder.")
    _probe(parent, where)


def _exists(path: Path, where: str) -> bool:
    try:
        return path.exists() or path.is_symlink()
    except OSError as exc:  # e.g. a parent without search permission
        raise PathProblem(f"{where}: tidak dapat diperiksa ({reason(exc)}).") from exc


def _probe(folder: Path, where: str) -> None:
    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=PROBE_PREFIX)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise PathProblem(f"{where}: tidak dapat menulis di folder {folder} ({reason(exc)}); "
                          "pilih folder yang dapat ditulisi.") from exc
