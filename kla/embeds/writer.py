"""Write every catalogue chart of one data version as embed pages: data in, files out.

:func:`write_version` builds each chart of :mod:`kla.catalog` the way the export does (the
kelurahan map only when boundaries are installed; otherwise it is left out with a log line),
renders its small PNG for ``<noscript>`` on the warm Chromium (:mod:`kla.render`), writes the page
(:mod:`kla.embeds.page`) and a manifest, all in a staging folder renamed to ``v<N>`` when complete.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import time
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kla import catalog, charts, export, provenance, render, tilemap
from kla.embeds import assets, layout, page
from kla.export import STATIC_MAP, ExportError, Preset, Stamp
from kla.i18n import Lang
from kla.loading import Dataset

if TYPE_CHECKING:
    import geopandas as gpd

log = logging.getLogger(__name__)

PNG_SIZE = Preset("sematan", 960, 540)  # the <noscript> picture: rendered at scale 1, tens of kB
# The dashboard page that shows each chart ("" is the first page, Ringkasan, at "/").
PAGE_OF = {
    "tren_total": "", "capaian_blok": "", "kekurangan_indikator": "",
    "tren_blok": "tren", "tren_indikator": "tren", "banding_kelurahan": "tren",
    "inisiatif_jenis": "inisiatif", "inisiatif_jenis_mitra": "inisiatif", "inisiatif_kecamatan": "inisiatif",
    "kegiatan_bulanan": "kegiatan", "peserta_bulanan": "kegiatan",
    tilemap.NAME: "peta", STATIC_MAP: "peta",
}


@dataclass(frozen=True)
class Written:
    """A version's embed folder and what writing it cost (``seconds`` is 0 when it existed already)."""

    folder: Path
    manifest: layout.Manifest
    seconds: float
    skipped: tuple[str, ...] = ()  # catalogue charts left out, with the reason in the log


def dashboard_link(public_url: str, chart: str) -> str:
    """The dashboard page of ``chart``: under ``public_url``, or from the root of the serving host."""
    return f"{public_url.rstrip('/')}/{PAGE_OF.get(chart, '')}"


def png_bytes(chart: charts.Chart, stamp: Stamp) -> bytes:
    width, height = PNG_SIZE.layout_size
    figure = export.press_figure(chart, PNG_SIZE, stamp)
    return render.shared().render(figure, {"format": "png", "width": width, "height": height, "scale": 1})


def write_version(data: Dataset, root: Path, *, boundaries: gpd.GeoDataFrame | None = None,
                  attribution: str | None = None, public_url: str = "", lang: Lang = "id",
                  today: dt.date | None = None, only: Collection[str] | None = None) -> Written:
    """The embed pages of ``data`` (a stored version) under ``root/v<N>``; an existing folder is kept as is.

    ``only``: these catalogue charts (tests); default all.
    """
    if data.version is None:
        raise ValueError("hanya versi data tersimpan yang punya halaman sematan (Dataset.version kosong)")
    number, root = data.version.number, Path(root)
    existing = layout.read_manifest(layout.version_dir(root, number))
    if existing is not None:
        return Written(layout.version_dir(root, number), existing, 0.0)
    started = time.perf_counter()
    shared = assets.ensure(root, leaflet=boundaries is not None)
    ctx = catalog.Context(data, lang=lang, boundaries=boundaries, attribution=attribution)
    stamp = Stamp(today or dt.date.today(), lang)
    version = provenance.version_text(data, lang) or ""
    staging = layout.staging_dir(root, number)
    infos, skipped = [], []
    try:
        for name, item in catalog.CATALOG.items():
            if only is not None and name not in only:
                continue
            if item.needs_boundaries and boundaries is None:
                log.info("sematan %s dilewati: batas kelurahan belum terpasang", name)
                skipped.append(name)
                continue
            try:
                chart = item.build(ctx)
            except ExportError as exc:  # e.g. no year with data for this chart
                log.warning("sematan %s dilewati: %s", name, exc)
                skipped.append(name)
                continue
            png = f"{name}.png"
            (staging / png).write_bytes(png_bytes(chart, stamp))
            parts = page.PageParts(version=version, link=dashboard_link(public_url, name), png=png,
                                   png_size=PNG_SIZE.layout_size, assets=shared, lang=lang)
            (staging / layout.page_name(name)).write_text(page.page_html(chart, parts), encoding="utf-8")
            infos.append(layout.EmbedInfo(name=name, title=export._plain(chart.title),
                                          height=page.figure_height(chart) + page.FOOTER_PX,
                                          page=PAGE_OF.get(name, "")))
        manifest = layout.Manifest(number, version, bool(provenance.sample_titles(data)), tuple(infos))
        (staging / layout.MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
        staging.chmod(0o755)
        for child in staging.iterdir():
            child.chmod(0o644)
        layout.publish_staging(staging, root, number)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    final = layout.read_manifest(layout.version_dir(root, number)) or manifest
    return Written(layout.version_dir(root, number), final, time.perf_counter() - started, tuple(skipped))
