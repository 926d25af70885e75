"""The one-page A4 meeting brief (PDF) for the Gugus Tugas KLA meeting.

Same numbers as the rapat page (:mod:`kla.meeting`, hence :mod:`kla.scoring`): score, category,
points to Paripurna, the next roadmap target, the five indicators with the largest shortfall,
what happened since the last meeting, and the map. Built as a small HTML page (every data text
escaped; the map as an inline SVG from plotly, which holds no script) and printed to PDF by the
warm Chromium the exports use (:mod:`kla.render`), so it needs no internet, no extra PDF library
and no Chromium of its own. :func:`brief_file` keeps each brief on disk (:mod:`kla.press_cache`):
the same data version, window, day, language and boundaries are printed once.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas as gpd

from kla import charts, export, mapdata, meeting, press_cache, provenance, render, staticmap, tilemap
from kla.i18n import Lang, block_name, format_date, format_number, format_signed, t
from kla.loading import Dataset
from kla.text import escape_html as esc

TOP = 5
MAP_SIZE = export.Preset("brief", 960, 520)  # wide: legend and source beside the map, full text width
KIND = "ringkasan"  # the brief's files in the press cache


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


def brief_html(data: Dataset, *, start: dt.date, end: dt.date, today: dt.date, lang: Lang = "id",
               shapes: gpd.GeoDataFrame | None = None, attribution: str | None = None,
               with_map: bool = True) -> str:
    """The brief as a self-contained HTML page (A4, one page)."""
    pos = meeting.position(data)
    top = meeting.shortfalls(data, pos.tahun).head(TOP)
    window = meeting.since(data, start, end)
    movers = meeting.kelurahan_movers(data, 3)
    kel_year = int(movers.tahun)
    figure = map_svg(map_chart(data, kel_year, lang, shapes, attribution)) if with_map else ""
    n = lambda x, d=1: format_number(x, d, lang)  # noqa: E731 - a short local formatter reads best here
    about = provenance.describe(data, meeting.FILES, lang)
    # class "tanda": a class named after the mark would put its word in every brief, sample or not
    sample = f'<div class="tanda">{esc(t("rapat.brief.contoh", lang))}</div>' if about.sample else ""
    target = (t("rapat.brief.target", lang, tahun=pos.target_tahun, target=n(pos.target))
              if pos.target is not None else "")
    rows = "".join(
        f"<tr><td>{i}</td><td>{esc(r.kode)}</td><td>{esc(r.nama_singkat)}</td><td>{esc(block_name(r.blok, lang, short=True))}</td>"
        f"<td class=n>{n(r.poin)} / {n(r.max_poin, 0)}</td><td class=n>{n(r.kekurangan)}</td><td class=n>{n(r.total_proyeksi)}</td></tr>"
        for i, r in enumerate(top.itertuples(), start=1))
    activity_rows = "".join(f"<tr><td>{esc(r.jenis)}</td><td class=n>{n(r.kegiatan, 0)}</td>"
                            f"<td class=n>{n(r.peserta_anak, 0)}</td></tr>" for r in window.per_jenis.head(6).itertuples())
    lowest = ", ".join(f"{esc(r.nama)} ({n(r.total)})" for r in movers.terendah.itertuples())
    rising = ", ".join(f"{esc(r.nama)} ({format_signed(r.perubahan, 1, lang)})" for r in movers.naik.itertuples())
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(t("rapat.brief.judul", lang))}</title>
<style>{CSS}</style></head><body>
<header><h1>{esc(t("rapat.brief.judul", lang))}</h1>
<p class=sub>{esc(t("rapat.brief.subjudul", lang, tanggal=format_date(today, lang)))}</p>{sample}</header>
<section class=kpi>
 <div><span>{esc(t("rapat.brief.skor", lang, tahun=pos.tahun))}</span><b>{n(pos.skor)}</b>
  <small>{esc(format_signed(pos.perubahan, 1, lang))} {esc(t("rapat.brief.sejak_tahun", lang, tahun=pos.tahun_sebelumnya or "–"))}</small></div>
 <div><span>{esc(t("kategori", lang))}</span><b>{esc(pos.kategori)}</b><small>{esc(t("rapat.brief.rentang", lang))}</small></div>
 <div><span>{esc(t("rapat.brief.kurang", lang))}</span><b>{n(pos.ke_paripurna)}</b><small>{esc(target)}</small></div>
</section>
<h2>{esc(t("rapat.brief.kekurangan", lang, n=TOP))}</h2>
<table><thead><tr><th>#</th><th>{esc(t("rapat.kolom.kode", lang))}</th><th>{esc(t("rapat.kolom.indikator", lang))}</th>
<th>{esc(t("rapat.kolom.klaster", lang))}</th><th class=n>{esc(t("rapat.kolom.poin", lang))}</th>
<th class=n>{esc(t("rapat.kolom.kurang", lang))}</th><th class=n>{esc(t("rapat.kolom.proyeksi", lang))}</th></tr></thead>
<tbody>{rows}</tbody></table>
<h2>{esc(t("rapat.brief.sejak", lang, mulai=format_date(start, lang), sampai=format_date(end, lang)))}</h2>
<p>{esc(t("rapat.brief.sejak_ringkas", lang, kegiatan=n(window.kegiatan, 0), anak=n(window.peserta_anak, 0),
            dewasa=n(window.peserta_dewasa, 0), inisiatif=n(len(window.inisiatif_baru), 0)))}</p>
<table class=half><thead><tr><th>{esc(t("rapat.kolom.jenis", lang))}</th><th class=n>{esc(t("rapat.kolom.kegiatan", lang))}</th>
<th class=n>{esc(t("rapat.kolom.anak", lang))}</th></tr></thead><tbody>{activity_rows}</tbody></table>
<h2>{esc(t("rapat.brief.kelurahan", lang, tahun=kel_year))}</h2>
<p><b>{esc(t("rapat.brief.terendah", lang))}</b> {lowest}<br><b>{esc(t("rapat.brief.naik", lang))}</b> {rising}</p>
<figure>{figure}</figure>
<footer>{esc(t("rapat.brief.sumber", lang, sumber=about.chart_source))}</footer>
</body></html>"""


CSS = """
@page { size: A4; margin: 12mm 14mm; }
* { box-sizing: border-box; }
body { font-family: Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif; color: #1A1A1A; font-size: 10pt; margin: 0; }
header h1 { font-size: 17pt; margin: 0; }
.sub { color: #4D4D4D; margin: 2pt 0 6pt; }
.tanda { display: inline-block; color: #A63C00; background: #FFF1E8; border: 1.5pt solid #D55E00;
          font-weight: bold; padding: 1pt 5pt; margin-bottom: 4pt; }
.kpi { display: flex; gap: 8pt; margin: 4pt 0 6pt; }
.kpi div { flex: 1; border: 1pt solid #C9DCEB; background: #F3F7FA; padding: 5pt 8pt; }
.kpi span { display: block; color: #4D4D4D; font-size: 9pt; }
.kpi b { display: block; font-size: 22pt; }
.kpi small { color: #4D4D4D; font-size: 8.5pt; }
h2 { font-size: 11.5pt; margin: 8pt 0 3pt; border-bottom: 1pt solid #C9DCEB; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
table.half { width: 60%; }
th, td { text-align: left; padding: 1.5pt 4pt; border-bottom: 0.5pt solid #DDDDDD; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
p { margin: 3pt 0; }
figure { margin: 4pt 0 0; text-align: center; }
figure svg { width: 100%; height: auto; max-height: 100mm; }
footer { color: #4D4D4D; font-size: 7.5pt; margin-top: 3pt; }
"""


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
