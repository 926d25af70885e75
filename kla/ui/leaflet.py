"""A local copy of Leaflet for the folium maps, served by Streamlit's static file serving.

folium loads Leaflet from a CDN by default; offline the map then stays empty without an error.
The ``xstatic-leaflet`` package (Leaflet 1.9.3, the version folium 0.20 pins) holds the files;
:func:`ensure_local_leaflet` copies them to ``static/leaflet/`` (git-ignored: copied at run time)
where ``server.enableStaticServing`` serves them at ``/app/static/leaflet/``.

The URL is absolute from the server root because streamlit-folium draws the map inside a
component iframe (``/component/streamlit_folium.st_folium/index.html``): a relative
``app/static/...`` would resolve under that path and miss.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import tempfile
import threading
from pathlib import Path

from kla import config

STATIC_DIR = config.PROJECT_ROOT / "static" / "leaflet"
URL_BASE = "/app/static/leaflet"
FILES = ("leaflet.js", "leaflet.css")
IMAGES = ("layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png")

_LOCK = threading.Lock()


def leaflet_source() -> Path:
    """The folder of the installed xstatic-leaflet files."""
    import xstatic.pkg.leaflet as xleaflet

    return Path(xleaflet.BASE_DIR)


def _up_to_date(source: Path, target: Path) -> bool:
    wanted = [*FILES, *(f"images/{name}" for name in IMAGES)]
    return all((target / name).is_file() and filecmp.cmp(source / name, target / name, shallow=True)
               for name in wanted if (source / name).exists())


def _swap(staging: Path, target: Path) -> None:
    """Put ``staging`` at ``target``; an outdated ``target`` (a Leaflet upgrade) is moved aside first."""
    if target.exists():
        old = target.with_name(f".leaflet-lama-{os.getpid()}-{threading.get_ident()}")
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(target)


def ensure_local_leaflet(target: Path | None = None) -> str:
    """Copy leaflet.js, leaflet.css and images/ to ``static/leaflet/`` once; return the URL base.

    The copy is made in a temporary folder beside the target and renamed into place, so a
    browser never receives half a file, and two sessions starting at once do not collide.
    """
    target = Path(target) if target is not None else STATIC_DIR
    source = leaflet_source()
    with _LOCK:
        if _up_to_date(source, target):
            return URL_BASE
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".leaflet-", dir=target.parent))
        try:
            staging.chmod(0o755)  # mkdtemp makes it private
            for name in FILES:
                shutil.copy2(source / name, staging / name)
            (staging / "images").mkdir()
            for name in IMAGES:
                if (source / "images" / name).exists():
                    shutil.copy2(source / "images" / name, staging / "images" / name)
            try:
                _swap(staging, target)
            except OSError:
                # Another server process (tests start several) may have put its copy in place first.
                if not _up_to_date(source, target):
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return URL_BASE
