"""The one-page A4 meeting brief (PDF) for the Gugus Tugas KLA meeting.

Same numbers as the rapat page (:mod:`kla.meeting`, hence :mod:`kla.scoring`): score, category,
points to Paripurna, the next roadmap target, the five indicators with the largest shortfall,
what happened since the last meeting, and the map. Built as a small HTML page from the Jinja template
``kla/templates/brief.html.j2`` (autoescaped, so every data text is escaped once, there; the map as an
inline SVG from plotly, which holds no script) and printed to PDF by the warm Chromium the exports
use (:mod:`kla.render`), so it needs no internet, no extra PDF library and no Chromium of its own.
:func:`brief_file` keeps each brief on disk (:mod:`kla.press_cache`):
the same data version, window, day, language and boundaries are printed once.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas as gpd
import jinja2
from markupsafe import Markup

from kla import charts, export, mapdata, meeting, press_cache, provenance, render, staticmap, tilemap
from kla.i18n import Lang, block_name, format_date, format_number, format_signed, t
from kla.loading import Dataset
from kla.names import indicator_labels, value_name

TOP = 5
MAP_SIZE = export.Preset("brief", 960, 520)  # wide: legend and source beside the map, full text width
KIND = "ringkasan"  # the brief's files in the press cache
# autoescape=True for every template: the brief's texts come from the data and from translations
ENV = jinja2.Environment(loader=jinja2.PackageLoader("kla", "templates"), autoescape=True,
                         undefined=jinja2.StrictUndefined)


class BriefError(RuntimeError):
    """The PDF could not be printed (no Chromium, or it failed); the message says why, in Indonesian."""


def map_chart(data: Dataset, year: int, lang: Lang, shapes: gpd.GeoDataFrame | None,
              attribution: str | None) -> charts.Chart:
    """The kelurahan map of total scores: real boundaries when installed, the tile map otherwise."""
    values = mapdata.map_values(data, "total", year)
    labels = provenance.chart_labels(data, provenance.MAP_FILES["total"], lang)
    if shapes is not None:
        return staticmap.static_choropleth(shapes, values, lang=lang, **labels, labels=True, attribution=attribution)
    return tilemap.tile_map(values, lang=lang, **labels)


def map_svg(chart: charts.Chart) -> str:
    fig = export.press_figure(chart, MAP_SIZE, export.Stamp(dt.date.today()))
    svg = export.render(fig, "svg", MAP_SIZE).decode("utf-8")
    return svg.replace('width="960" height="520"', 'width="100%" height="auto"', 1)


def template() -> jinja2.Template:
    """The brief's page (``kla/templates/brief.html.j2``), autoescaped: data texts are passed raw and escaped there."""
    return ENV.get_template("brief.html.j2")


def brief_html(data: Dataset, *, start: dt.date, end: dt.date, today: dt.date, lang: Lang = "id",
               shapes: gpd.GeoDataFrame | None = None, attribution: str | None = None,
               with_map: bool = True) -> str:
    """The brief as a self-contained HTML page (A4, one page)."""
    pos = meeting.position(data)
    top = meeting.shortfalls(data, pos.tahun).head(TOP)
    window = meeting.since(data, start, end)
    movers = meeting.kelurahan_movers(data, 3)
    kel_year = int(movers.tahun)
    # the SVG is plotly's own output (no script, no data text unescaped), so it is the one value kept as markup
    figure = Markup(map_svg(map_chart(data, kel_year, lang, shapes, attribution))) if with_map else ""
    n = lambda x, d=1: format_number(x, d, lang)  # noqa: E731 - a short local formatter reads best here
    about = provenance.describe(data, meeting.FILES, lang)
    target = (t("rapat.brief.target", lang, tahun=pos.target_tahun, target=n(pos.target))
              if pos.target is not None else "")
    strings = {
        "judul": t("rapat.brief.judul", lang),
        "subjudul": t("rapat.brief.subjudul", lang, tanggal=format_date(today, lang)),
        "contoh": t("rapat.brief.contoh", lang) if about.sample else "",
        "kekurangan": t("rapat.brief.kekurangan", lang, n=TOP),
        "sejak": t("rapat.brief.sejak", lang, mulai=format_date(start, lang), sampai=format_date(end, lang)),
        "sejak_ringkas": t("rapat.brief.sejak_ringkas", lang, kegiatan=n(window.kegiatan, 0),
                           anak=n(window.peserta_anak, 0), dewasa=n(window.peserta_dewasa, 0),
                           inisiatif=n(len(window.inisiatif_baru), 0)),
        "kelurahan": t("rapat.brief.kelurahan", lang, tahun=kel_year),
        "terendah": t("rapat.brief.terendah", lang),
        "naik": t("rapat.brief.naik", lang),
        "sumber": t("rapat.brief.sumber", lang, sumber=about.chart_source),
    }
    kpis = [
        {"label": t("rapat.brief.skor", lang, tahun=pos.tahun), "value": n(pos.skor),
         "note": f'{format_signed(pos.perubahan, 1, lang)} '
                 f'{t("rapat.brief.sejak_tahun", lang, tahun=pos.tahun_sebelumnya or "–")}'},
        {"label": t("kategori", lang), "value": pos.kategori, "note": t("rapat.brief.rentang", lang)},
        {"label": t("rapat.brief.kurang", lang), "value": n(pos.ke_paripurna), "note": target},
    ]
    shortfall_heads = [(t(f"rapat.kolom.{key}", lang), key in ("poin", "kurang", "proyeksi"))
                       for key in ("kode", "indikator", "klaster", "poin", "kurang", "proyeksi")]
    labels = indicator_labels(data.indikator, lang)
    shortfalls = [{"text": [r.kode, labels.get(r.kode, r.nama_singkat), block_name(r.blok, lang, short=True)],
                   "numbers": [f"{n(r.poin)} / {n(r.max_poin, 0)}", n(r.kekurangan), n(r.total_proyeksi)]}
                  for r in top.itertuples()]
    activity_heads = [(t(f"rapat.kolom.{key}", lang), key != "jenis") for key in ("jenis", "kegiatan", "anak")]
    activities = [{"jenis": value_name("jenis_kegiatan", r.jenis, lang), "kegiatan": n(r.kegiatan, 0),
                   "anak": n(r.peserta_anak, 0)}
                  for r in window.per_jenis.head(6).itertuples()]
    return template().render(
        lang=lang, s=strings, kpis=kpis, shortfall_heads=shortfall_heads, shortfalls=shortfalls,
        activity_heads=activity_heads, activities=activities, figure=figure,
        lowest=[f"{r.nama} ({n(r.total)})" for r in movers.terendah.itertuples()],
        rising=[f"{r.nama} ({format_signed(r.perubahan, 1, lang)})" for r in movers.naik.itertuples()])


def print_pdf(html: str) -> bytes:
    """``html`` printed to PDF on the warm Chromium (A4 and margins from the CSS, no header/footer lines)."""
    try:
        return render.shared().print_pdf(html)
    except Exception as exc:  # Chromium missing, crashed or timed out: one message for the page and the CLI
        raise BriefError(f"Chromium gagal mencetak ringkasan rapat ({exc or type(exc).__name__}).") from None


def brief_pdf(data: Dataset, *, start: dt.date | None = None, end: dt.date | None = None,
              today: dt.date | None = None, lang: Lang = "id", shapes: gpd.GeoDataFrame | None = None,
              attribution: str | None = None) -> bytes:
    """The brief as PDF bytes; the window defaults to :func:`kla.meeting.default_window`."""
    default_start, default_end = meeting.default_window(data)
    html = brief_html(data, start=start or default_start, end=end or default_end, today=today or dt.date.today(),
                      lang=lang, shapes=shapes, attribution=attribution)
    return print_pdf(html)


def brief_file(cache: press_cache.PressCache, data: Dataset, *, start: dt.date | None = None,
               end: dt.date | None = None, today: dt.date | None = None, lang: Lang = "id",
               shapes: gpd.GeoDataFrame | None = None, attribution: str | None = None) -> Path:
    """The brief's PDF file in ``cache``: printed at most once per data version and choice of window, day,
    language and boundaries, however many ask at once (:meth:`kla.press_cache.PressCache.get`)."""
    default_start, default_end = meeting.default_window(data)
    start, end, today = start or default_start, end or default_end, today or dt.date.today()
    key = press_cache.Key.of(press_cache.data_version(data), KIND, "pdf", mulai=start, sampai=end, hari=today,
                             bahasa=lang, batas=press_cache.shapes_hash(shapes), atribusi=attribution or "")
    return cache.get(key, lambda: brief_pdf(data, start=start, end=end, today=today, lang=lang, shapes=shapes,
                                            attribution=attribution)).path
