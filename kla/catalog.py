"""Every chart and map the dashboard can export, built from a :class:`kla.loading.Dataset`.

The ekspor page and ``python -m kla export`` list the same names. Each entry builds its chart
the way its page shows it by default, so a press image matches what people see on the site:

* trends over all years (tren_total, tren_blok, banding_kelurahan, ...) ignore ``year``;
* one-year charts and the maps use ``year`` (default: the latest year they have data for);
* the defaults come from :mod:`kla.views`, as on the pages: the indicator trend shows the
  weakest block of the year, kelurahan compared are the lowest and the highest of the latest
  year (Tren page); activity charts cover the last 12 months of the log (Kegiatan page);
* ``peta_kelurahan`` needs installed boundaries (:func:`kla.boundaries.load_installed`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kla import charts, mapdata, provenance, scoring, tilemap, views
from kla.export import STATIC_MAP, ExportError
from kla.i18n import Lang, t
from kla.initiatives import initiative_table
from kla.loading import Dataset
from kla.names import with_indicator_names

if TYPE_CHECKING:  # geopandas and the static map load in about a second: only when a map is made
    import geopandas as gpd

@dataclass(frozen=True)
class Context:
    """What the builders need: the data, the language, the year and, for the map, the boundaries."""

    data: Dataset
    lang: Lang = "id"
    year: int | None = None
    metric: str = "total"
    boundaries: gpd.GeoDataFrame | None = None
    attribution: str | None = None
    labels: bool = True  # kelurahan names on the static map where they fit


@dataclass(frozen=True)
class Entry:
    name: str
    build: Callable[[Context], charts.Chart]
    needs_boundaries: bool = False

    def label(self, lang: Lang = "id") -> str:
        return t(f"katalog.{self.name}", lang)


def _years(ctx: Context, available: list[int], what: str) -> int:
    if ctx.year is None:
        return max(available)
    if ctx.year not in available:
        listed = ", ".join(str(y) for y in sorted(available))
        raise ExportError(f"Tahun {ctx.year} tidak ada untuk {what}; tahun yang tersedia: {listed}.")
    return ctx.year


def _city_year(ctx: Context) -> int:
    return _years(ctx, views.city_years(ctx.data), "skor kota")


def source_labels(ctx: Context, files: tuple[str, ...]) -> provenance.ChartLabels:
    return provenance.chart_labels(ctx.data, files, ctx.lang)


def total_trend(ctx: Context) -> charts.Chart:
    d = ctx.data
    return charts.total_trend(scoring.city_totals(d.evaluasi_kota), d.kategori_resmi, d.peta_jalan,
                              **source_labels(ctx, provenance.CITY_TREND), lang=ctx.lang)


def block_attainment(ctx: Context) -> charts.Chart:
    panel = views.block_year(ctx.data, _city_year(ctx))
    return charts.block_attainment_bar(panel.capaian, panel.tahun, **source_labels(ctx, provenance.CITY_POINTS),
                                       lang=ctx.lang)


def block_trend(ctx: Context) -> charts.Chart:
    totals = scoring.block_totals_by_year(ctx.data.evaluasi_kota, ctx.data.indikator)
    return charts.block_trend(totals, **source_labels(ctx, provenance.CITY_POINTS), lang=ctx.lang)


def indicator_trend(ctx: Context) -> charts.Chart:
    d = ctx.data
    choice = views.indicator_default(d, _city_year(ctx))
    return charts.indicator_trend(d.evaluasi_kota, d.indikator, choice.kode,
                                  **source_labels(ctx, provenance.CITY_POINTS), lang=ctx.lang)


def shortfall(ctx: Context) -> charts.Chart:
    year = _city_year(ctx)
    ranking = scoring.shortfall_ranking(ctx.data.evaluasi_kota, ctx.data.indikator, year)
    return charts.shortfall_bar(with_indicator_names(ranking, ctx.data.indikator), top_n=views.SHORTFALL_TOP, year=year,
                                **source_labels(ctx, provenance.CITY_POINTS), lang=ctx.lang)


def kelurahan_compare(ctx: Context) -> charts.Chart:
    kel_totals = scoring.kelurahan_totals(ctx.data.skor_kelurahan, ctx.data.wilayah)
    return charts.kelurahan_compare(kel_totals, views.kelurahan_default(kel_totals),
                                    **source_labels(ctx, provenance.KELURAHAN_SCORES), lang=ctx.lang)


def _initiatives(by: str) -> Callable[[Context], charts.Chart]:
    def build(ctx: Context) -> charts.Chart:
        table = initiative_table(ctx.data.inisiatif, ctx.data.kelurahan)
        return charts.initiatives_by(table, by, **source_labels(ctx, provenance.INITIATIVES), lang=ctx.lang)
    return build


def activities(ctx: Context) -> charts.Chart:
    return charts.activities_per_month(views.recent_activities(ctx.data), period=views.recent_window(ctx.data),
                                       **source_labels(ctx, provenance.ACTIVITIES), lang=ctx.lang)


def participants(ctx: Context) -> charts.Chart:
    return charts.participants_per_month(views.recent_activities(ctx.data), period=views.recent_window(ctx.data),
                                         **source_labels(ctx, provenance.ACTIVITIES), lang=ctx.lang)


def map_labels(ctx: Context) -> provenance.ChartLabels:
    return provenance.chart_labels(ctx.data, provenance.MAP_FILES[ctx.metric], ctx.lang)


def _map_values(ctx: Context) -> mapdata.MapValues:
    if ctx.metric not in mapdata.METRICS:
        raise ExportError(f"Metrik peta '{ctx.metric}' tidak dikenal; pilih dari: {', '.join(mapdata.METRICS)}.")
    year = _years(ctx, mapdata.metric_years(ctx.data, ctx.metric), mapdata.metric_label(ctx.metric, "id"))
    return mapdata.map_values(ctx.data, ctx.metric, year)


def tile_map(ctx: Context) -> charts.Chart:
    return tilemap.tile_map(_map_values(ctx), lang=ctx.lang, **map_labels(ctx))


def static_map(ctx: Context) -> charts.Chart:
    if ctx.boundaries is None:
        raise ExportError("Peta kelurahan memerlukan batas wilayah terpasang: jalankan "
                          "'python -m kla geo install' terlebih dahulu.")
    from kla import staticmap

    return staticmap.static_choropleth(ctx.boundaries, _map_values(ctx), lang=ctx.lang,
                                       **map_labels(ctx), labels=ctx.labels,
                                       attribution=ctx.attribution)


CATALOG: dict[str, Entry] = {e.name: e for e in (
    Entry("tren_total", total_trend),
    Entry("capaian_blok", block_attainment),
    Entry("tren_blok", block_trend),
    Entry("tren_indikator", indicator_trend),
    Entry("kekurangan_indikator", shortfall),
    Entry("banding_kelurahan", kelurahan_compare),
    Entry("inisiatif_jenis", _initiatives("jenis")),
    Entry("inisiatif_jenis_mitra", _initiatives("jenis_mitra")),
    Entry("inisiatif_kecamatan", _initiatives("kecamatan")),
    Entry("kegiatan_bulanan", activities),
    Entry("peserta_bulanan", participants),
    Entry(tilemap.NAME, tile_map),
    Entry(STATIC_MAP, static_map, needs_boundaries=True),
)}


def entry(name: str) -> Entry:
    try:
        return CATALOG[name]
    except KeyError:
        raise ExportError(f"Grafik '{name}' tidak dikenal; "
                          "lihat daftarnya dengan 'python -m kla export --list'.") from None


def build(name: str, ctx: Context) -> charts.Chart:
    """The chart ``name`` for ``ctx``; :class:`ExportError` (Indonesian) when it cannot be made."""
    return entry(name).build(ctx)


def available(ctx: Context) -> list[str]:
    """Names that can be built for ``ctx``: all, less the static map without boundaries."""
    return [n for n, e in CATALOG.items() if not e.needs_boundaries or ctx.boundaries is not None]
