"""What the boundary installer reports and raises: errors, source and match reports, the output columns."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

OUTPUT_COLUMNS = ("kode_kelurahan", "nama_kelurahan", "kode_kecamatan", "nama_kecamatan", "geometry")
INSTALL_HINT = "python -m kla geo install BERKAS_ATAU_URL"

Format = Literal["geojson", "gpkg", "zip", "shp", "sql"]
FORMAT_NAMES: dict[str, str] = {"geojson": "GeoJSON", "gpkg": "GeoPackage", "zip": "Shapefile (.zip)",
                                "shp": "Shapefile", "sql": "SQL wilayah_boundaries"}


class BoundaryError(Exception):
    """A boundary file or URL that cannot be installed; the message is for the user (Indonesian)."""


class UnreachableError(BoundaryError):
    """The server could not be reached at all (offline, refused, timed out): worth retrying later."""


class UsageError(BoundaryError):
    """The request itself is wrong (no such file, a folder, a malformed URL, a bad timeout or sha256):
    the command line answers it with exit code 2, like any other wrong usage."""


@dataclass(frozen=True)
class SourceInfo:
    """Where the boundaries came from: ``name`` is the file name, ``url`` set for downloads."""

    name: str
    url: str | None
    sha256: str
    format: Format
    size_bytes: int
    layer: str | None = None
    attribution: str = ""

    @property
    def label(self) -> str:
        return self.url or self.name


@dataclass(frozen=True)
class MatchedFeature:
    baris: int  # 1-based feature number in the source
    teks: str
    kode: str
    nama: str
    cara: str  # "kode", "nama" or "alias" (see kla.geography.NameMatch)
    pesan: str


@dataclass(frozen=True)
class UnmatchedFeature:
    baris: int
    teks: str
    pesan: str


@dataclass(frozen=True)
class MatchReport:
    """What :func:`match_kelurahan` understood; ``missing`` holds kelurahan codes without a feature."""

    column: str
    matched: tuple[MatchedFeature, ...]
    unmatched: tuple[UnmatchedFeature, ...]
    missing: tuple[str, ...]
    repaired: int
    dissolved: tuple[str, ...]
    names: dict[str, str] = field(default_factory=dict, repr=False)

    def label(self, kode: str) -> str:
        return f"{kode} {self.names.get(kode, '')}".strip()

    def count_by(self, cara: str) -> int:
        return sum(m.cara == cara for m in self.matched)


@dataclass(frozen=True)
class InstallReport:
    geojson_path: Path
    info_path: Path
    source: SourceInfo
    match: MatchReport
    features: int
    vertices_raw: int
    vertices: int
    size_bytes: int
    seconds: float

    @property
    def complete(self) -> bool:
        return not self.match.missing
