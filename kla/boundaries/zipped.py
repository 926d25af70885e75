"""Taking the boundary files out of a zip without trusting it: caps, lying headers and bombs.

A zip says how big each member is, and a few hundred kilobytes of zip can hold gigabytes of
zeros. The members a boundary file can be made of may together declare at most
:data:`MAX_EXTRACTED_BYTES`; a zip declaring more is refused before anything is extracted. A
header that declares less than the member really holds gains nothing: ``zipfile`` stops each
member at its declared size and then checks its CRC, so such a member is refused as damaged
after at most its declared size. Members are streamed to disk in chunks (never whole in memory),
:data:`MAX_MEMBERS` entries at most, each under its base name so ``../`` cannot escape.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kla.boundaries.download import shown
from kla.boundaries.model import BoundaryError

MAX_EXTRACTED_BYTES = 200 * 1024 * 1024  # bytes taken out of one zip, all members together
MAX_MEMBERS = 5_000  # entries listed in one zip (a real Shapefile zip has a handful)
CHUNK = 1024 * 1024
SHAPEFILE_PARTS = frozenset({".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"})
SINGLE_FILES = frozenset({".geojson", ".json", ".gpkg", ".sql"})
# What a damaged or hostile zip raises from zipfile and zlib: bad headers and CRCs, cut data,
# unsupported compression, a password, and offsets that point outside the file.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError)


@dataclass(frozen=True)
class Extracted:
    member: str  # the name inside the zip, for messages
    path: Path


def extract(data: bytes, name: str, folder: Path) -> list[Extracted]:
    """Extract the Shapefile parts and single-file formats of ``data`` into ``folder`` (capped)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except ZIP_ERRORS as exc:
        raise BoundaryError(f"{name}: bukan arsip zip yang utuh ({_reason(exc)}); diharapkan zip Shapefile "
                            "(.shp, .dbf, .shx, .prj). Unduh atau kemas ulang berkasnya.") from exc
    with archive:
        if len(infos) > MAX_MEMBERS:
            raise BoundaryError(f"{name}: berisi {len(infos):,} entri, lebih dari batas {MAX_MEMBERS:,}; diharapkan "
                                "beberapa berkas Shapefile.")
        wanted = [i for i in infos if _wanted(i)]
        if not wanted:
            listing = ", ".join(shown(i.filename, 60) for i in infos[:5]) + (", ..." if len(infos) > 5 else "")
            raise BoundaryError(f"{name}: tidak ada berkas .shp di dalam zip (isi: {listing or 'kosong'}); diharapkan "
                                "Shapefile (.shp, .dbf, .shx, .prj), atau satu GeoJSON atau GeoPackage.")
        declared = sum(i.file_size for i in wanted)
        if declared > MAX_EXTRACTED_BYTES:
            raise BoundaryError(f"{name}: isinya menyatakan {declared:,} bita setelah diekstrak, lebih dari batas "
                                f"{MAX_EXTRACTED_BYTES:,} bita (bom zip, atau bukan berkas batas kelurahan).")
        folders: dict[str, Path] = {}
        out = []
        for info in wanted:
            parent = str(PurePosixPath(info.filename).parent)
            target = folders.setdefault(parent, folder / str(len(folders))) / PurePosixPath(info.filename).name
            target.parent.mkdir(parents=True, exist_ok=True)
            _copy_member(archive, info, target, name)
            out.append(Extracted(info.filename, target))
        return out


def _wanted(info: zipfile.ZipInfo) -> bool:
    path = PurePosixPath(info.filename)
    if info.is_dir() or "__MACOSX" in path.parts or path.name.startswith("._"):
        return False
    return path.suffix.lower() in SHAPEFILE_PARTS | SINGLE_FILES


def _copy_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, name: str) -> None:
    try:
        with archive.open(info) as source, open(target, "wb") as sink:
            while chunk := source.read(CHUNK):
                sink.write(chunk)
    except ZIP_ERRORS as exc:
        raise BoundaryError(f"{name}: {shown(info.filename, 100)} tidak dapat diekstrak ({_reason(exc)}).") from exc


def _reason(exc: BaseException) -> str:
    """Zipfile's English errors told in Indonesian (an unknown one is quoted as it is)."""
    text = str(exc)
    if isinstance(exc, RuntimeError) and "encrypted" in text:
        return "terkunci kata sandi; diharapkan zip tanpa kata sandi"
    if isinstance(exc, NotImplementedError):
        return "metode kompresi tidak didukung; diharapkan zip biasa (deflate)"
    if "CRC" in text:
        return "isi tidak cocok dengan CRC atau ukuran yang tercatat: arsip rusak atau dimanipulasi"
    if isinstance(exc, (zlib.error, EOFError)):
        return "data terkompresi rusak atau terpotong"
    if "not a zip file" in text.lower():
        return "tanda akhir arsip tidak ditemukan: terpotong, atau bukan zip"
    return f"arsip rusak: {text}"
