"""plotly.js and Leaflet for the embed pages, copied once into ``<embed>/aset/`` from the installed packages.

The file names carry the library's version (``plotly-4.1.1.min.js``, ``leaflet-1.9.3/``): every
version's pages share one copy, a browser or a news site's cache may keep it for good, and an
upgrade of the package writes new files beside the old ones (old pages keep theirs). No CDN: a
page draws with nothing but this server. A ``.gz`` copy of plotly.js (4,8 MB, 1,4 MB compressed)
sits beside it for nginx's ``gzip_static``.
"""

from __future__ import annotations

import gzip
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kla.embeds.layout import ASSETS

LEAFLET_FILES = ("leaflet.js", "leaflet.css")
LEAFLET_IMAGES = ("layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png")


@dataclass(frozen=True)
class Assets:
    """Paths of the shared files relative to a version folder (``../aset/...``), as a page links them."""

    plotly: str
    leaflet: str  # the folder holding leaflet.js and leaflet.css


def plotly_version() -> str:
    from plotly.offline import get_plotlyjs_version

    return get_plotlyjs_version()


def plotly_source() -> Path:
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def leaflet_source() -> tuple[str, Path]:
    import xstatic.pkg.leaflet as xleaflet

    return xleaflet.VERSION, Path(xleaflet.BASE_DIR)


def plotly_name() -> str:
    return f"plotly-{plotly_version()}.min.js"


def leaflet_name() -> str:
    return f"leaflet-{leaflet_source()[0]}"


def _copy_atomic(source: Path, target: Path, compress: bool = False) -> None:
    """``target`` written whole under a temporary name and renamed; nothing when it is there already."""
    if target.is_file() and (compress or target.stat().st_size == source.stat().st_size):
        return
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            if compress:
                with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as packed:
                    shutil.copyfileobj(src, packed)
            else:
                shutil.copyfileobj(src, out)
        os.chmod(temp, 0o644)  # mkstemp makes it private; the web server reads it
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def ensure(root: Path, leaflet: bool = True) -> Assets:
    """Copy the shared files under ``root/aset`` if they are not there yet; their page-relative paths."""
    folder = Path(root) / ASSETS
    folder.mkdir(parents=True, exist_ok=True)
    plotly_js = folder / plotly_name()
    _copy_atomic(plotly_source(), plotly_js)
    _copy_atomic(plotly_source(), plotly_js.with_name(plotly_js.name + ".gz"), compress=True)
    leaflet_dir = folder / leaflet_name()
    if leaflet:
        _, source = leaflet_source()
        (leaflet_dir / "images").mkdir(parents=True, exist_ok=True)
        for name in LEAFLET_FILES:
            _copy_atomic(source / name, leaflet_dir / name)
        for name in LEAFLET_IMAGES:
            if (source / "images" / name).is_file():
                _copy_atomic(source / "images" / name, leaflet_dir / "images" / name)
    return Assets(plotly=f"../{ASSETS}/{plotly_js.name}", leaflet=f"../{ASSETS}/{leaflet_dir.name}")
