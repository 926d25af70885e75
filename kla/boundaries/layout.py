"""Where the installed boundaries live in the geo folder (``KLA_GEO_DIR``, default ``geo/``).

The web copy and its metadata are one unit: they sit together in a version folder, and one
symbolic link, ``.aktif``, says which version is installed. Replacing that link (``os.replace`` of
a new link over it) is a single atomic step, so a process killed at any moment of an install
leaves either the previous pair or the new pair, never the new map with the old metadata::

    geo/
      kelurahan.geojson -> .aktif/kelurahan.geojson   (for people and tools that open the file)
      kelurahan.json    -> .aktif/kelurahan.json
      .aktif            -> .versi/20250301T101500-x1y2
      .sebelumnya       -> .versi/20250201T090000-a3b4   (the install before; kept for going back)
      .versi/<versi>/kelurahan.geojson, kelurahan.json
      .unduh_gagal                                       (time of the last failed automatic download)

Readers resolve ``.aktif`` once (:func:`installed_folder`) and read both files from that folder.
A folder from before versions (plain ``kelurahan.geojson`` and ``kelurahan.json``) is read as it
is, and the next install moves it into ``.versi`` step by step, each step leaving a matching pair.
Symbolic links need Linux or macOS (the server's platforms).
"""

from __future__ import annotations

import os
from pathlib import Path

GEOJSON_NAME = "kelurahan.geojson"
INFO_NAME = "kelurahan.json"
ACTIVE_LINK = ".aktif"
VERSIONS_DIR = ".versi"
PREVIOUS_DIR = ".sebelumnya"
FAILED_MARKER = ".unduh_gagal"
INSTALLED_FILES = (GEOJSON_NAME, INFO_NAME)


def installed_folder(geo_dir: Path) -> Path:
    """The folder holding the installed pair: the version ``.aktif`` points to, else ``geo_dir`` itself
    (a folder installed before versions, or nothing installed yet)."""
    try:
        target = os.readlink(geo_dir / ACTIVE_LINK)
    except OSError:  # no link (not installed, or installed before versions), or not a link at all
        return geo_dir
    return geo_dir / target
