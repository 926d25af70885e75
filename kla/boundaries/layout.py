"""Where the installed boundaries live in the geo folder (``KLA_GEO_DIR``, default ``geo/``)."""

from __future__ import annotations

GEOJSON_NAME = "kelurahan.geojson"
INFO_NAME = "kelurahan.json"
PREVIOUS_DIR = ".sebelumnya"
FAILED_MARKER = ".unduh_gagal"
