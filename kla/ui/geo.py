"""Installed kelurahan boundaries for the pages, cached until the installed file changes.

Without boundaries a visitor reads that the area map is not available yet and what is shown
instead; how to install them (a command for whoever runs the server) goes to the server log,
once per process and reason (:func:`missing_boundaries`).
"""

from __future__ import annotations

import logging
import threading

import geopandas as gpd
import streamlit as st

from kla import boundaries, config, mapdata, tilemap
from kla.boundaries.model import INSTALL_HINT
from kla.i18n import Lang, t
from kla.loading import Dataset
from kla.text import escape_markdown
from kla.ui import streamlit_patches

log = logging.getLogger(__name__)
_told: set[str] = set()  # admin hints logged by this process
_told_lock = threading.Lock()


def tell_admin(hint: str) -> bool:
    """Log ``hint`` for whoever runs the server, once per process; True when it was logged now."""
    with _told_lock:
        if hint in _told:
            return False
        _told.add(hint)
    log.warning("Batas kelurahan: %s", hint)
    return True


def admin_hint(status: boundaries.InstallStatus | None) -> str:
    """The sentence for the server log: why there are no boundaries and the command that installs them."""
    if status is not None and INSTALL_HINT.split(" BERKAS")[0] in status.message:
        return status.message  # kla.boundaries' own sentence names the reason and the command
    return f"batas kelurahan belum terpasang. Pasang dengan `{INSTALL_HINT}` (lihat README, bagian Batas wilayah)."


def missing_boundaries(status: boundaries.InstallStatus | None, lang: Lang, where=st) -> None:
    """Tell the visitor the area map is not available yet (tile map instead); the admin hint goes to the log."""
    tell_admin(admin_hint(status))
    where.info(t("batas.pengunjung", lang), icon=":material/map:")


@st.cache_resource(show_spinner=False)
def _load(path: str, mtime_ns: int) -> gpd.GeoDataFrame | None:  # noqa: ARG001 (cache key)
    return boundaries.load_installed(config.geo_dir())


def installed_boundaries() -> gpd.GeoDataFrame | None:
    """The installed web copy, or None; re-read only when the installed file changes."""
    return _load(str(config.geo_dir()), installed_stamp())


def installed_stamp() -> int:
    folder = config.geo_dir()
    files = sorted(folder.glob("*.geojson")) if folder.exists() else []
    return max((f.stat().st_mtime_ns for f in files), default=0)


def locator(data: Dataset, kode: str, lang: Lang) -> None:
    """A small map with the kelurahan marked: the real outline if installed, else the tile map."""
    st.markdown(f"**{t('profil.lokasi', lang)}**")
    shapes = installed_boundaries()
    if shapes is not None:
        from streamlit_folium import st_folium

        from kla import maps
        from kla.ui.leaflet import ensure_local_leaflet

        name = data.kelurahan.set_index("kode")["nama"].get(kode, kode)
        # A still map (no zoom, no dragging): its frame is no Tab stop and no nameless frame for a screen
        # reader (streamlit_patches.STILL_FRAMES); the sentence under it says what it shows.
        with st.container(key=streamlit_patches.STILL_FRAME_KEY):
            # width None: the container's width (all that streamlit-folium's use_container_width=True does)
            st_folium(maps.locator_map(shapes, kode, asset_base=ensure_local_leaflet()), height=300,
                      width=None, returned_objects=[], key=f"locator_{kode}")
        st.caption(escape_markdown(t("alt.letak_batas", lang, nama=name)))
        return
    values = mapdata.map_values(data, "total")
    figure = tilemap.tile_map(values, lang=lang, sample=data.is_sample, labels=False, highlight=kode).figure
    name = data.kelurahan.set_index("kode")["nama"].get(kode, kode)
    st.plotly_chart(figure, width="stretch", config={"displayModeBar": False}, key="locator_petak",
                    alt=t("alt.letak", lang, nama=name))
