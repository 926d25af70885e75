"""Helpers for the boundary tests: GeoJSON written by hand, zips patched by hand, a local HTTP server.

Everything is built from the shared boundary copy (``shared_geo``) inside each test's tmp folder;
nothing derived from the shared files is kept anywhere else.
"""

from __future__ import annotations

import functools
import http.server
import io
import json
import struct
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import shapely
from shapely.geometry import shape

from kla.config import PROJECT_ROOT
from kla.geography import read_regions

SQL = "wilayah_boundaries_kel_64.71.sql"
GEOJSON = "balikpapan_kelurahan.geojson"
WILAYAH = read_regions(PROJECT_ROOT / "data")  # the regions the app reads (data/wilayah.csv): features match these


def raw_features(shared_geo: Path) -> list[dict]:
    return json.loads((shared_geo / GEOJSON).read_text(encoding="utf-8"))["features"]


def raw_geometries(shared_geo: Path) -> dict[str, object]:
    return {f["properties"]["kode_kelurahan"]: shape(f["geometry"]) for f in raw_features(shared_geo)}


def write_features(path: Path, features: list[dict], crs: str | None = None) -> Path:
    collection = {"type": "FeatureCollection", "features": features}
    if crs:
        collection["crs"] = {"type": "name", "properties": {"name": crs}}
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


def feature(properties: dict, geometry: object) -> dict:
    """A GeoJSON feature; ``geometry`` is a Shapely geometry or an already written GeoJSON mapping."""
    mapping = geometry if isinstance(geometry, dict) or geometry is None else shapely.geometry.mapping(geometry)
    return {"type": "Feature", "properties": properties, "geometry": mapping}


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def patch_zip_headers(data: bytes, member: str, *, size: int | None = None, flags: int | None = None) -> bytes:
    """Rewrite what the local and central headers of ``member`` say: its uncompressed size, its flags.

    Offsets from the zip specification (APPNOTE 4.3.7 and 4.3.12): local header flags at 6, size
    at 22, name length at 26, name at 30; central header flags at 8, size at 24, name length at 28,
    name at 46.
    """
    out = bytearray(data)
    name = member.encode()
    for signature, flag_at, size_at, length_at, name_at in ((b"PK\x03\x04", 6, 22, 26, 30),
                                                            (b"PK\x01\x02", 8, 24, 28, 46)):
        pos = data.find(signature)
        while pos >= 0:
            length = struct.unpack_from("<H", data, pos + length_at)[0]
            if data[pos + name_at: pos + name_at + length] == name:
                if size is not None:
                    struct.pack_into("<I", out, pos + size_at, size)
                if flags is not None:
                    struct.pack_into("<H", out, pos + flag_at, flags)
            pos = data.find(signature, pos + 4)
    return bytes(out)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output clean
        pass


@contextmanager
def serving(handler: type[http.server.BaseHTTPRequestHandler] | functools.partial) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 in a thread; yields its base URL and stops it afterwards."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def folder_server(folder: Path):
    return serving(functools.partial(QuietHandler, directory=str(folder)))


def zip_shapefile(shared_geo: Path, folder: Path, name: str = "batas.zip") -> Path:
    """The shared GeoJSON as a zipped Shapefile, inside a folder of the zip as people zip them."""
    import warnings

    import geopandas as gpd

    shp_dir = folder / f"shp-{name}"
    shp_dir.mkdir()
    with warnings.catch_warnings():  # Shapefile field names are cut to 10 characters, and GDAL says so
        warnings.simplefilter("ignore")
        gpd.read_file(shared_geo / GEOJSON).to_file(shp_dir / "kelurahan.shp")
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part in sorted(shp_dir.iterdir()):
            archive.write(part, f"data/{part.name}")
    return path


# --- killing an install at a chosen moment -----------------------------------------------------------

PAUSED_CALLS = ("mkdir", "rename", "replace", "rmdir", "symlink", "unlink")


def kill_point_server() -> None:
    """Run in a subprocess (``python -c``): reads ``STEP<TAB>SRC<TAB>GEO_DIR`` lines; for each, forks an
    install of SRC into GEO_DIR that stops just before its STEP-th file-system change (an ``os`` call of
    :data:`PAUSED_CALLS`) and prints ``PAUSE pid call path``, or prints ``DONE pid changes`` when it had
    fewer; then ``ENDED pid status`` once that process is gone (the test SIGKILLs a paused one).

    Forking from one warm process keeps each attempt at a few milliseconds instead of a Python start.
    """
    import os
    import sys

    from kla import boundaries

    for line in sys.stdin:
        step, src, geo_dir = line.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:
            _install_pausing_at(boundaries, int(step), src, Path(geo_dir))
        _, status = os.waitpid(pid, 0)
        print(f"ENDED {pid} {status}", flush=True)


def _install_pausing_at(boundaries, step: int, src: str, geo_dir: Path) -> None:  # noqa: ANN001
    import os
    import time

    count = 0

    def pausing(call):
        def paused(*args, **kwargs):
            nonlocal count
            count += 1
            if count == step:
                print(f"PAUSE {os.getpid()} {call.__name__} {args[0] if args else ''}", flush=True)
                time.sleep(3600)
            return call(*args, **kwargs)
        return paused

    for name in PAUSED_CALLS:
        setattr(os, name, pausing(getattr(os, name)))
    try:
        boundaries.install(src, geo_dir)
        print(f"DONE {os.getpid()} {count}", flush=True)
    finally:
        os._exit(0)
