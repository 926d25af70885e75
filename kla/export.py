"""Press kit: a finished :class:`kla.charts.Chart` as press-ready files.

* Images (PNG at scale 2, SVG, PDF) in the :data:`PRESETS` sizes, through one template
  (:func:`press_figure`): the chart's own title, subtitle and "Sumber · Periode" footer, plus
  the export date, an optional logo (``KLA_LOGO``) and, for sample data, a large "DATA CONTOH"
  watermark across the plot besides the chart's small mark.
* Data of ``Chart.data``, numbers rounded as the charts show them (:data:`DATA_DECIMALS`), with
  a header block / "Keterangan" sheet naming title, source (with the data version), period,
  export date and, for sample data only, a "Data contoh" warning (on the XLSX data sheet too):
  CSV (comma, decimal point, UTF-8 with a BOM), "CSV Excel Indonesia" (``csv_id``: semicolon,
  decimal comma, BOM: what Excel set to Indonesian opens into columns) and XLSX.

What a file says about its data is what the chart says: ``Chart.source`` and ``Chart.sample``
come from the data files (:mod:`kla.provenance`), never from a fixed text.
  Text cells that a spreadsheet would run as a formula are neutralised.
* A ZIP of many files with a README.txt (:func:`build_zip`).

Rendering uses kaleido with the system Chromium, kept warm (:mod:`kla.render`): the first
image starts one Chromium in a background thread (about 2,5 s) and every later image reuses it
(``docs/BENCHMARKS.md`` has the measured times). :func:`render_cold` starts a fresh Chromium per
image, for the benchmark only. No network: MathJax off, plotly.js from the plotly package,
fonts from the system (Liberation Sans stands in for Arial).
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from kla import charts, tilemap
from kla import render as render_module
from kla.i18n import STRINGS, Lang, format_date, t

IMAGE_FORMATS = ("png", "svg", "pdf")
DATA_FORMATS = ("csv", "csv_id", "xlsx")
# Every chart and map labels and hovers its numbers with at most one decimal (kla.charts._num,
# "%{y:,.1f}", mapdata.METRICS): the files hold those numbers, not 73.45678 behind a "73,5".
DATA_DECIMALS = 1
CSV_ID_SEPARATOR = ";"  # Excel in an Indonesian locale: comma is the decimal mark, semicolon the list separator
FORMATS = IMAGE_FORMATS + DATA_FORMATS
PNG_SCALE = 2  # sharp on phones and high-resolution screens; SVG and PDF are vector anyway
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP "CSV injection": what a spreadsheet may run
LOGO_TYPES = {".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
LOGO_PX = 56  # logo height in the top-right corner
STATIC_MAP = "peta_kelurahan"  # kla.staticmap.NAME; that module (geopandas, folium) loads only when needed
SAMPLE_TEXT, SAMPLE_FILL = "A63C00", "FFF3CD"  # the sample mark's vermillion on the notice's pale yellow
WATERMARK_COLOUR = "rgba(166, 60, 0, 0.10)"  # the sample mark's vermillion, faint: the chart stays readable


class ExportError(ValueError):
    """An export that cannot be made; the message is Indonesian, for DP3AKB staff."""


@dataclass(frozen=True)
class Preset:
    """An export size in pixels (PNG files are :data:`PNG_SCALE` times larger).

    ``zoom``: social-media images are seen on a phone, shrunk to about 400 px wide, where a
    16 px label laid out on 1080 px would be 6 px. They are laid out at ``width / zoom`` (the
    phone-sized layout the charts are designed for) and rendered ``zoom`` times larger, so the
    file still has exactly ``width`` x ``height`` pixels and the text is ``zoom`` times larger.
    """

    name: str
    width: int
    height: int
    zoom: float = 1.0

    @property
    def layout_size(self) -> tuple[int, int]:
        return round(self.width / self.zoom), round(self.height / self.zoom)

    def label(self, lang: Lang = "id") -> str:
        return t(f"ekspor.preset.{self.name}", lang)


PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("lanskap", 1200, 675),  # news websites and slides: seen large, laid out as is
    Preset("persegi", 1080, 1080, zoom=1.5),  # laid out at 720 x 720
    Preset("potret", 1080, 1350, zoom=1.5),  # 720 x 900
    Preset("cerita", 1080, 1920, zoom=2.0),  # 540 x 960, close to the 390 px phone layout
    Preset("a4", 794, 1123),  # 210 x 297 mm at 96 dpi: the PDF is exactly one A4 page
)}


def preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise ExportError(f"Ukuran '{name}' tidak dikenal; pilih salah satu: {', '.join(PRESETS)}.") from None


# --- the template ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stamp:
    """What every exported file says besides the chart: when, in which language, with which logo."""

    exported: dt.date
    lang: Lang = "id"
    logo: Path | None = None

    @property
    def date_text(self) -> str:
        return format_date(self.exported, self.lang)


def logo_uri(path: Path) -> str:
    """The logo as a data URI (the image must travel inside the figure: kaleido has no file access)."""
    kind = LOGO_TYPES.get(path.suffix.lower())
    if kind is None:
        raise ExportError(f"Logo {path}: jenis berkas '{path.suffix}' tidak didukung; pakai PNG, JPG atau SVG.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ExportError(f"Logo {path} tidak dapat dibaca ({exc.strerror or exc}); periksa KLA_LOGO.") from None
    return f"data:{kind};base64,{base64.b64encode(raw).decode('ascii')}"


def press_figure(chart: charts.Chart, size: Preset, stamp: Stamp) -> go.Figure:
    """A copy of ``chart.figure`` laid out for ``size``, with export date, logo and sample watermark.

    The chart keeps its own title, subtitle, footer and colours (set explicitly by
    :func:`kla.charts.style`, never by the app theme); maps re-fit names and legend to the size.
    """
    width, height = size.layout_size
    fig = go.Figure(chart.figure.to_dict())  # to_dict() is already a deep copy: the shared chart stays as it is
    fig.update_layout(width=width, height=height, autosize=False)
    _add_export_date(fig, stamp)
    if chart.name == STATIC_MAP:  # the static map places its legend itself
        from kla import staticmap

        staticmap.fit_map_labels(fig, width, height)
    else:
        _refit_legend(fig, width)
        _fit_category_labels(fig, height)
        if chart.name == tilemap.NAME:
            tilemap.fit_labels(fig, width, height)
    if chart.sample:
        _add_watermark(fig, size, stamp.lang)
    if stamp.logo is not None:
        _add_logo(fig, size, logo_uri(stamp.logo))
    return fig


def _refit_legend(fig: go.Figure, width: int) -> None:
    """Give back the legend rows reserved for a phone when the legend fits fewer rows at ``width``.

    On screen the legend's rows are counted for the narrowest phone (:func:`kla.charts.style`); a
    720 px export lays nine entries out in three rows instead of five, and the space reserved
    for the other two would stay empty above the plot. Both counts leave the y tick labels
    :data:`kla.charts.PLOT_LEFT_PX`, as ``style`` does (the left margin grows to fit them).
    """
    if not fig.layout.showlegend or fig.layout.legend.orientation != "h":
        return
    right = fig.layout.margin.r or 0
    reserved = charts._legend_rows(fig, charts.NARROWEST_PX - charts.PLOT_LEFT_PX - right)
    spare = reserved - charts._legend_rows(fig, width - charts.PLOT_LEFT_PX - right)
    if spare > 0:
        fig.layout.margin.t -= spare * charts.LEGEND_ROW_HEIGHT_PX
        fig.layout.title.pad.b -= spare * charts.LEGEND_ROW_HEIGHT_PX


def _fit_category_labels(fig: go.Figure, height: int) -> None:
    """Horizontal bars' names on one line when their wrapped lines no longer fit a bar's row.

    On screen a bar chart is as tall as its rows need (``ChartMeta.plot_height``); an export
    has the preset's height, and a landscape image gives 12 initiative types 27 px each, less
    than two 14 px lines. Its width has room for the names unwrapped.
    """
    bars = [tr for tr in fig.data if tr.type == "bar" and tr.orientation == "h" and tr.y is not None]
    if not bars:
        return
    plot_h = height - (fig.layout.margin.t or 0) - (fig.layout.margin.b or 0)
    names = list(bars[0].y)
    lines = max(charts._lines(str(name)) for name in names) if names else 1
    if lines == 1 or plot_h / len(names) >= lines * charts.TICK_SIZE * 1.3 + 4:
        return
    one_line = {name: str(name).replace("<br>", " ") for name in names}
    for trace in fig.data:  # the shortfall chart's cumulative line shares the bars' rows
        if trace.y is not None and {str(name) for name in trace.y} <= set(one_line):
            trace.y = [one_line[str(name)] for name in trace.y]


def _add_export_date(fig: go.Figure, stamp: Stamp) -> None:
    """One more footer line, 'Diekspor 23 November 2026'; the bottom margin grows by that line."""
    footer = next((a for a in fig.layout.annotations if a.name == "sumber"), None)
    if footer is None:
        return
    footer.text = f"{footer.text}<br>{t('ekspor.diekspor', stamp.lang, tanggal=stamp.date_text)}"
    fig.layout.margin.b = (fig.layout.margin.b or 0) + charts.FOOTER_PX
    for mark in fig.layout.annotations:
        if mark.name == "contoh":
            mark.yshift = (mark.yshift or 0) - charts.FOOTER_PX
    saved = (fig.layout.meta or {}).get(STATIC_MAP) if isinstance(fig.layout.meta, dict) else None
    if saved:  # the static map restores its screen layout from here before fitting a size
        saved["bottom"] += charts.FOOTER_PX
        if "contoh" in saved["footer"]:
            saved["footer"]["contoh"]["yshift"] -= charts.FOOTER_PX
        fig.layout.meta = {STATIC_MAP: saved}


def _add_watermark(fig: go.Figure, size: Preset, lang: Lang) -> None:
    """'DATA CONTOH' large and faint across the middle, so a crop cannot lose it."""
    fig.add_annotation(name="tanda_air", text=f"<b>{t('ekspor.tanda_air', lang)}</b>", xref="paper", yref="paper",
                       x=0.5, y=0.5, showarrow=False, textangle=-20,
                       font=dict(size=round(min(size.layout_size) / 12), color=WATERMARK_COLOUR))


def _add_logo(fig: go.Figure, size: Preset, uri: str) -> None:
    """The logo in the top-right corner, in the margin above the plot (the title is on the left)."""
    margin, (width, height) = fig.layout.margin, size.layout_size
    plot_w = width - (margin.l or 0) - (margin.r or 0)
    plot_h = height - (margin.t or 0) - (margin.b or 0)
    fig.add_layout_image(name="logo", source=uri, xref="paper", yref="paper", xanchor="right", yanchor="top",
                         x=1, y=1 + ((margin.t or 0) - 10) / plot_h, sizex=4 * LOGO_PX / plot_w,
                         sizey=LOGO_PX / plot_h, sizing="contain", layer="above")


# --- rendering -------------------------------------------------------------------------------------

def _opts(fmt: str, size: Preset) -> dict:
    if fmt not in IMAGE_FORMATS:
        raise ExportError(f"Format gambar '{fmt}' tidak dikenal; pilih salah satu: {', '.join(IMAGE_FORMATS)}.")
    width, height = size.layout_size
    return {"format": fmt, "width": width, "height": height, "scale": (PNG_SCALE if fmt == "png" else 1) * size.zoom}


def start_renderer() -> None:
    """Start the shared Chromium now (about 2,5 s) so the first export does not wait for it."""
    render_module.shared().start()


def render(fig: go.Figure, fmt: str, size: Preset) -> bytes:
    """``fig`` as PNG/SVG/PDF bytes at ``size``, through the warm Chromium (started if needed)."""
    return render_module.shared().render(fig, _opts(fmt, size))


def render_cold(fig: go.Figure, fmt: str, size: Preset) -> bytes:
    """The same through a fresh Chromium started and closed for this one image (benchmark baseline)."""
    return render_module.render_cold(fig, _opts(fmt, size))


def stop_renderer() -> None:
    render_module.shared().stop()


def image_bytes(chart: charts.Chart, fmt: str, size: Preset, stamp: Stamp) -> bytes:
    return render(press_figure(chart, size, stamp), fmt, size)


# --- data files ------------------------------------------------------------------------------------


Cell = TypeVar("Cell")


def neutralise(value: Cell) -> Cell | str:
    """A text a spreadsheet would read as a formula gets a leading apostrophe; anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_table(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with every text cell (and column name) neutralised and numbers rounded as displayed.

    Floats are rounded to :data:`DATA_DECIMALS`, the decimals every chart shows; that also
    takes away float noise (sums of tenths come out as 736.0999999999999).
    """
    safe = table.copy()
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    for column in safe.columns:
        if pd.api.types.is_float_dtype(safe[column]):
            safe[column] = safe[column].round(DATA_DECIMALS)
        elif safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    return safe


def headed(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """``table`` with English column titles in English (the chart table's, ``kolom_grafik.*``); in Indonesian the
    data's own column names, as the data files and earlier exports have them."""
    if lang == "id":
        return table
    return table.rename(columns=lambda c: t(f"kolom_grafik.{c}", lang) if f"kolom_grafik.{c}" in STRINGS else c)


def _plain(text: str) -> str:
    """Figure text as plain text: line breaks and escaped marks back to what they say."""
    return (text.replace("<br>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&#x27;", "'").replace("&#39;", "'").replace("&amp;", "&"))


def source_only(chart: charts.Chart, lang: Lang) -> str:
    """The source without the 'Sumber: ' label and ' · Periode: …' tail that the footer line adds."""
    text = chart.source.removeprefix(f"{t('sumber', lang)}: ")
    return text.removesuffix(f" · {t('periode', lang)}: {chart.period}")


def about_rows(chart: charts.Chart, stamp: Stamp, fmt: str) -> list[tuple[str, str]]:
    """The header block: what the table is, where it comes from, when it was exported.

    The sample warning is a row of its own only for sample data, as the watermark is on images.
    """
    lang = stamp.lang
    rows = [
        (t("ekspor.kunci.judul", lang), _plain(chart.title)),
        (t("ekspor.kunci.subjudul", lang), _plain(chart.subtitle)),
        (t("ekspor.kunci.sumber", lang), _plain(source_only(chart, lang))),
        (t("ekspor.kunci.periode", lang), _plain(chart.period)),
        (t("ekspor.kunci.diekspor", lang), stamp.date_text),
    ]
    if chart.sample:
        rows.append((t("ekspor.kunci.contoh", lang), t("ekspor.contoh.ya", lang)))
    return rows + [(t("ekspor.kunci.angka", lang), t(f"ekspor.angka.{fmt}", lang))]


def csv_bytes(chart: charts.Chart, stamp: Stamp) -> bytes:
    """UTF-8 with BOM: the header block, an empty row, then exactly ``chart.data``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for key, value in about_rows(chart, stamp, "csv"):
        writer.writerow([key, neutralise(value)])
    writer.writerow([])
    safe_table(headed(chart.data, stamp.lang)).to_csv(out, index=False, lineterminator="\r\n")
    return out.getvalue().encode("utf-8-sig")


def csv_id_bytes(chart: charts.Chart, stamp: Stamp) -> bytes:
    """The CSV for Excel in an Indonesian locale: ';' between fields, decimal comma, UTF-8 with BOM.

    Opened with a double click, Indonesian Excel splits on ';' and reads "73,5" as a number; the
    standard CSV (comma, "73.5") lands there in one column with numbers as text. No thousands
    mark: "1.234" would read as 1,234 in one locale and 1234 in another.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_ID_SEPARATOR, lineterminator="\r\n")
    for key, value in about_rows(chart, stamp, "csv_id"):
        writer.writerow([key, neutralise(value)])
    writer.writerow([])
    table = safe_table(headed(chart.data, stamp.lang))
    writer.writerow(list(table.columns))
    for row in table.itertuples(index=False):
        writer.writerow([_decimal_comma(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def _decimal_comma(value: object) -> object:
    """A float as the standard CSV writes it with a comma for the point ('73,5', '2,0'); missing as empty."""
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, (float, np.floating)):
        return str(round(float(value), DATA_DECIMALS)).replace(".", ",")
    return value


def xlsx_bytes(chart: charts.Chart, stamp: Stamp) -> bytes:
    """Sheet "Data" with ``chart.data`` (numbers as numbers, rounded as shown), sheet "Keterangan" the header block.

    For sample data the Data sheet's first row says so in red ("DATA CONTOH — bukan data resmi"),
    and its tab is red: a copied sheet or a screenshot of it carries the warning, not only the
    Keterangan sheet that few people open.
    """
    from openpyxl import Workbook  # 0,3 s to import: only when a spreadsheet is made
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    table = safe_table(headed(chart.data, stamp.lang))
    if chart.sample:
        sheet.append([t("ekspor.contoh.lembar", stamp.lang)])
        sheet["A1"].font = Font(bold=True, color=SAMPLE_TEXT)
        sheet["A1"].fill = PatternFill("solid", fgColor=SAMPLE_FILL)
        sheet.sheet_properties.tabColor = SAMPLE_TEXT
    header_row = sheet.max_row + 1 if chart.sample else 1
    sheet.append([str(c) for c in table.columns])
    for row in table.itertuples(index=False):
        sheet.append([_cell(v) for v in row])
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = f"A{header_row + 1}"
    _fit_columns(sheet, table, first_row=header_row + 1)
    about = book.create_sheet(t("data.lembar.keterangan", stamp.lang))
    for key, value in about_rows(chart, stamp, "xlsx"):
        about.append([key, neutralise(value)])
    about.column_dimensions["A"].width = 16
    about.column_dimensions["B"].width = 90
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value: object) -> object:
    """A value openpyxl can store: missing as empty, numpy scalars as Python numbers, periods as text."""
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, pd.Period):
        return str(value)
    return value


def _fit_columns(sheet, table: pd.DataFrame, first_row: int = 2) -> None:
    from openpyxl.utils import get_column_letter

    for i, column in enumerate(table.columns, start=1):
        longest = max([len(str(column))] + [len(str(v)) for v in table[column].head(200)])
        sheet.column_dimensions[get_column_letter(i)].width = min(max(10, longest + 2), 60)
        if pd.api.types.is_float_dtype(table[column]):
            for (cell,) in sheet.iter_rows(min_row=first_row, min_col=i, max_col=i):
                cell.number_format = "#,##0.0"  # Excel shows it in the reader's locale: 1.234,5 in Indonesian


def data_bytes(chart: charts.Chart, fmt: str, stamp: Stamp) -> bytes:
    if fmt == "csv":
        return csv_bytes(chart, stamp)
    if fmt == "csv_id":
        return csv_id_bytes(chart, stamp)
    if fmt == "xlsx":
        return xlsx_bytes(chart, stamp)
    raise ExportError(f"Format data '{fmt}' tidak dikenal; pilih salah satu: {', '.join(DATA_FORMATS)}.")


# --- files and the ZIP -----------------------------------------------------------------------------


def file_name(chart_name: str, fmt: str, size: Preset | None = None) -> str:
    """'tren_total_lanskap.png' for images; 'tren_total.csv', 'tren_total_excel-id.csv' for data (any size)."""
    if fmt in IMAGE_FORMATS:
        if size is None:
            raise ExportError(f"Format {fmt} memerlukan ukuran (preset).")
        return f"{chart_name}_{size.name}.{fmt}"
    if fmt == "csv_id":
        return f"{chart_name}_excel-id.csv"
    return f"{chart_name}.{fmt}"


def export_bytes(chart: charts.Chart, fmt: str, size: Preset, stamp: Stamp) -> bytes:
    """One file of ``chart``: an image at ``size`` or its data (``size`` is then ignored)."""
    check_formats([fmt])
    if fmt in IMAGE_FORMATS:
        return image_bytes(chart, fmt, size, stamp)
    return data_bytes(chart, fmt, stamp)


def check_formats(formats: Iterable[str]) -> list[str]:
    formats = list(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ExportError(f"Format {', '.join(repr(f) for f in unknown)} tidak dikenal; "
                          f"pilih dari: {', '.join(FORMATS)}.")
    return formats


def chart_files(chart: charts.Chart, sizes: Iterable[Preset], formats: Iterable[str],
                stamp: Stamp) -> dict[str, bytes]:
    """Every requested file of one chart: each image format at each size, each data format once."""
    formats = check_formats(formats)
    files: dict[str, bytes] = {}
    for fmt in formats:
        if fmt in IMAGE_FORMATS:
            for size in sizes:
                files[file_name(chart.name, fmt, size)] = image_bytes(chart, fmt, size, stamp)
        else:
            files[file_name(chart.name, fmt)] = data_bytes(chart, fmt, stamp)
    return files


def readme_text(chart_list: Iterable[charts.Chart], sizes: Iterable[Preset], formats: Iterable[str],
                stamp: Stamp, files: Mapping[str, bytes], attribution: str | None = None) -> str:
    """README.txt of the ZIP: what is in it, sizes, formats, every chart's source, the licences."""
    lang, formats, chart_list = stamp.lang, list(formats), list(chart_list)
    lines = [t("ekspor.readme.judul", lang), "", t("ekspor.readme.pengantar", lang),
             t("ekspor.readme.diekspor", lang, tanggal=stamp.date_text), ""]
    sample = [c for c in chart_list if c.sample]
    if sample and len(sample) == len(chart_list):
        lines += [t("ekspor.readme.contoh", lang), ""]
    elif sample:  # only these: the others come from files not flagged as sample
        lines += [t("ekspor.readme.contoh_sebagian", lang, grafik=", ".join(c.name for c in sample)), ""]
    lines += [t("ekspor.readme.ukuran", lang)]
    lines += ["  " + t("ekspor.readme.ukuran_baris", lang, nama=s.name, lebar=s.width, tinggi=s.height,
                       label=s.label(lang)) for s in sizes]
    lines += ["", t("ekspor.readme.format", lang)] + ["  " + t(f"ekspor.readme.{f}", lang) for f in formats]
    lines += ["  " + t("ekspor.readme.teks", lang), "", t("ekspor.readme.berkas", lang)]
    for chart in chart_list:
        own = sorted(n for n in files if n.startswith(chart.name + ".") or n.startswith(chart.name + "_"))
        lines += ["", f"{t('ekspor.readme.grafik', lang)}: {_plain(chart.title)}", f"  {_plain(chart.source)}"]
        lines += [f"  - {n}" for n in own]
    if any(c.name == STATIC_MAP for c in chart_list):
        credit = attribution or t("ekspor.readme.batas_tanpa", lang)
        lines += ["", t("ekspor.readme.batas", lang), t("ekspor.readme.batas_teks", lang, peta=STATIC_MAP,
                                                         atribusi=credit)]
    lines += ["", t("ekspor.readme.lisensi", lang), ""]
    return "\r\n".join(lines)  # Windows Notepad is what most readers will open it with


def build_zip(files: Mapping[str, bytes], readme: str) -> bytes:
    """One ZIP: README.txt first, then the files in the given order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme.encode("utf-8-sig"))
        for name, content in files.items():
            # PNG and PDF are compressed already: storing them saves time and nothing else
            kind = zipfile.ZIP_STORED if name.endswith((".png", ".pdf", ".xlsx")) else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=kind)
    return out.getvalue()

