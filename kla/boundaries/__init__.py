"""Kelurahan boundaries: read a user's file or URL, match it to the 34 kelurahan, install a web copy.

The boundaries are never committed (their licence and size belong to their publisher): the user
installs them with ``python -m kla geo install [SRC]``, and the app tries the pinned public file
once when none is installed (:func:`ensure_installed`).

Steps of an install, all in memory before anything is written:

1. :func:`read_source`: bytes from a path or an http(s) URL (:data:`MAX_BYTES`, one deadline for
   the whole download, optional sha256), format sniffed from the content (GeoJSON, GeoPackage,
   zipped Shapefile, or the ``wilayah_boundaries`` SQL file of github.com/cahyadsn/wilayah_boundaries);
   a zip is extracted with a total cap of :data:`MAX_EXTRACTED_BYTES` however its headers lie.
2. :func:`to_wgs84`: reproject to EPSG:4326 (a file without CRS must already be lon/lat).
3. :func:`match_kelurahan`: one row per kelurahan of the data's ``wilayah`` table (the
   published version's, passed by the caller; else the data folder's ``wilayah.csv``), by code
   or else by name through :mod:`kla.geography` (the same matcher and aliases as the data
   imports), geometry repaired, duplicate features of one kelurahan dissolved, names taken from
   that table.
4. :func:`web_copy`: simplified and rounded to about 1 m, which cuts the map payload by about
   60% with no visible change at city zoom.
5. ``kelurahan.geojson`` (the web copy) and ``kelurahan.json`` (metadata, keys: source, url,
   format, sha256, installed_at, features, vertices, vertices_raw, missing, unmatched,
   attribution: the ``--atribusi`` line, else the one known for the file, else empty; size_bytes,
   web_sha256) written into a new version folder of ``KLA_GEO_DIR``
   (default ``geo/``) and made current together in one atomic step, the previous install kept
   (:mod:`kla.boundaries.layout`). :func:`read_installed` reads both from the same install.

Failures raise :class:`BoundaryError` with an Indonesian message naming the file, the feature,
the field, the bad value and what was expected; the installed files are then left untouched.
:class:`UsageError` (a BoundaryError) marks a wrong request: no such file, a malformed URL, a
bad timeout or sha256; :class:`UnreachableError` a server that could not be reached in time.

Modules: :mod:`~kla.boundaries.download` (bytes of a file or URL), :mod:`~kla.boundaries.readers`,
:mod:`~kla.boundaries.zipped` and :mod:`~kla.boundaries.wilayah_sql` (formats),
:mod:`~kla.boundaries.matching` (kelurahan codes and names), :mod:`~kla.boundaries.geometry`
(polygons, web copy, outlines), :mod:`~kla.boundaries.installer` (the steps above),
:mod:`~kla.boundaries.swap` (the atomic replacement), :mod:`~kla.boundaries.layout` (the geo
folder), :mod:`~kla.boundaries.status` (what is installed, the first start's download) and
:mod:`~kla.boundaries.report` (text for people). Tests that change a constant patch the module
that defines it (``kla.boundaries.download.PINNED_URL``), which every user reads at call time.
"""

from __future__ import annotations

from kla.boundaries.download import (
    DEFAULT_TIMEOUT,
    MAX_BYTES,
    MAX_TIMEOUT,
    PINNED_ATTRIBUTION,
    PINNED_SHA256,
    PINNED_URL,
)
from kla.boundaries.geometry import GRID_SIZE, SIMPLIFY_TOLERANCE, kecamatan_outlines, vertex_count, web_copy
from kla.boundaries.installer import MAX_ATTRIBUTION, check_attribution, install, public_attribution
from kla.boundaries.layout import FAILED_MARKER, GEOJSON_NAME, INFO_NAME, PREVIOUS_DIR, installed_folder
from kla.boundaries.matching import BALIKPAPAN_BOX, match_kelurahan, to_wgs84
from kla.boundaries.model import (
    FORMAT_NAMES,
    INSTALL_HINT,
    OUTPUT_COLUMNS,
    BoundaryError,
    Format,
    InstallReport,
    MatchedFeature,
    MatchReport,
    SourceInfo,
    UnmatchedFeature,
    UnreachableError,
    UsageError,
)
from kla.boundaries.readers import read_source
from kla.boundaries.report import missing_line, report_lines
from kla.boundaries.status import (
    RETRY_AFTER,
    Installed,
    InstallStatus,
    _reset_attempt,
    ensure_installed,
    installed_info,
    load_installed,
    read_installed,
)
from kla.boundaries.wilayah_sql import parse_wilayah_sql
from kla.boundaries.zipped import MAX_EXTRACTED_BYTES

__all__ = [
    "BALIKPAPAN_BOX", "BoundaryError", "MAX_ATTRIBUTION", "check_attribution", "public_attribution",
    "DEFAULT_TIMEOUT", "FAILED_MARKER", "FORMAT_NAMES", "Format",
    "GEOJSON_NAME", "GRID_SIZE", "INFO_NAME", "INSTALL_HINT", "InstallReport", "InstallStatus", "Installed",
    "MAX_BYTES", "MAX_EXTRACTED_BYTES", "MAX_TIMEOUT", "MatchReport", "MatchedFeature", "OUTPUT_COLUMNS",
    "PINNED_ATTRIBUTION", "PINNED_SHA256", "PINNED_URL", "PREVIOUS_DIR", "RETRY_AFTER", "SIMPLIFY_TOLERANCE",
    "SourceInfo", "UnmatchedFeature", "UnreachableError", "UsageError", "ensure_installed", "install",
    "installed_folder", "installed_info", "kecamatan_outlines", "load_installed", "match_kelurahan",
    "missing_line", "parse_wilayah_sql", "read_installed", "read_source", "report_lines", "to_wgs84",
    "vertex_count", "web_copy", "_reset_attempt",
]
