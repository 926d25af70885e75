"""What the kelurahan maps show: one value per kelurahan and year, its class and its colour.

The folium map, the tile map ("peta petak"), the static exports and the profile page all take
their numbers from here, so a kelurahan has the same value, rank and colour everywhere.

Class breaks are computed once over *all* years of a metric, so a colour means the same value
in 2022 and in 2025 and a reader can compare years by colour alone. A total score (out of 1000)
is classed by the KLA category bands themselves (500, 601, 701, 801, 901: :mod:`kla.domain`), each
band with its own colour and name in the legend, so the map says "Utama", not "812,5–860".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kla import domain, scoring
from kla.i18n import Lang, block_name, format_number, t
from kla.loading import Dataset

# ColorBrewer YlGnBu, 5 classes: sequential, colour-blind safe, prints well in greyscale.
PALETTE: tuple[str, ...] = ("#FFFFCC", "#A1DAB4", "#41B6C4", "#2C7FB8", "#253494")
NO_DATA = "#D9D9D9"
N_CLASSES = len(PALETTE)
# Scores out of 1000 are classed by category band. A blue ramp, darker = better; green only for
# Paripurna, the target (a value below it is never the colour of progress); pale orange below 500.
SCORE_METRICS = ("total",)
CATEGORY_COLOURS: dict[str, str] = {
    domain.NO_CATEGORY: "#FDD9B5", "Pratama": "#DEEBF7", "Madya": "#9ECAE1", "Nindya": "#4292C6",
    "Utama": "#08519C", "Paripurna": "#1B7837",
}


@dataclass(frozen=True)
class MapMetric:
    key: str
    unit_key: str  # i18n key of the unit shown in legends and tooltips
    decimals: int


METRICS: dict[str, MapMetric] = {
    "total": MapMetric("total", "peta.satuan.poin", 1),
    **{b: MapMetric(b, "peta.satuan.persen", 1) for b in scoring.BLOCKS},
    "inisiatif": MapMetric("inisiatif", "peta.satuan.inisiatif", 0),
    "kegiatan": MapMetric("kegiatan", "peta.satuan.kegiatan", 0),
    "peserta_per_1000": MapMetric("peserta_per_1000", "peta.satuan.per_1000", 1),
}

VALUE_COLUMNS = ("kode_kelurahan", "nama", "kode_kecamatan", "nama_kecamatan", "nilai", "peringkat",
                 "peringkat_kecamatan", "jumlah_kelurahan", "kelas", "warna")


def metric_label(metric: str, lang: Lang = "id") -> str:
    """'Skor total kelurahan', 'Klaster III (% poin maks.)', 'Inisiatif aktif', ..."""
    _check_metric(metric)
    if metric in scoring.BLOCKS:
        return t("peta.metrik.blok", lang, blok=block_name(metric, lang))
    return t(f"peta.metrik.{metric}", lang)


def metric_unit(metric: str, lang: Lang = "id") -> str:
    _check_metric(metric)
    return t(METRICS[metric].unit_key, lang)


def format_value(value: float | None, metric: str, lang: Lang = "id") -> str:
    """A value with the metric's decimals and unit: '812,4 poin', '87,5%', '12 kegiatan'."""
    if value is None or pd.isna(value):
        return t("peta.tanpa_data", lang)
    number = format_number(value, METRICS[metric].decimals, lang)
    unit = metric_unit(metric, lang)
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def _check_metric(metric: str) -> None:
    if metric not in METRICS:
        raise ValueError(f"Metrik peta '{metric}' tidak dikenal; pilih salah satu dari: {', '.join(METRICS)}")


# --- values per kelurahan and year ---------------------------------------------------------------


def metric_table(data: Dataset, metric: str) -> pd.DataFrame:
    """``tahun, kode_kelurahan, nilai`` for every year the metric has data, every kelurahan.

    A kelurahan without records in a year gets 0 for counts (nothing happened there) but NaN for
    scores (it was not assessed), so the map never paints an unassessed kelurahan as worst.
    """
    _check_metric(metric)
    codes = data.kelurahan["kode"].tolist()
    if metric == "total" or metric in scoring.BLOCKS:
        table = _score_table(data, metric)
        years = sorted(table["tahun"].unique())
        fill = np.nan
    else:
        table, years = _activity_table(data, metric)
        fill = 0.0
    grid = pd.MultiIndex.from_product([years, codes], names=["tahun", "kode_kelurahan"])
    values = table.set_index(["tahun", "kode_kelurahan"])["nilai"].reindex(grid, fill_value=fill)
    if metric == "peserta_per_1000":
        values = _per_1000_children(values, data.kelurahan)
    return values.astype(float).reset_index()


def _score_table(data: Dataset, metric: str) -> pd.DataFrame:
    scores = data.skor_kelurahan
    if metric == "total":
        frame = scores.groupby(["tahun", "kode_kelurahan"], as_index=False)["poin"].sum()
        return frame.rename(columns={"poin": "nilai"})
    block_max = domain.block_maxima(data.indikator)[metric]
    frame = scores[scores["blok"] == metric].groupby(["tahun", "kode_kelurahan"], as_index=False)["poin"].sum()
    return frame.assign(nilai=frame["poin"] / block_max * 100)[["tahun", "kode_kelurahan", "nilai"]]


def _activity_table(data: Dataset, metric: str) -> tuple[pd.DataFrame, list[int]]:
    if metric == "inisiatif":
        return _active_initiatives(data.inisiatif, _latest_year(data))
    log = data.kegiatan.dropna(subset=["kode_kelurahan"])
    log = log[log["kode_kelurahan"].astype(str).str.len() > 0]
    years = sorted(data.kegiatan["tanggal"].dt.year.dropna().astype(int).unique())
    grouped = log.assign(tahun=log["tanggal"].dt.year).groupby(["tahun", "kode_kelurahan"])
    counts = grouped.size() if metric == "kegiatan" else grouped["peserta_anak"].sum()
    return counts.rename("nilai").reset_index(), years


def _latest_year(data: Dataset) -> int:
    """The last year the records reach: running initiatives count up to it, not to today."""
    dates = pd.concat([data.kegiatan["tanggal"], data.inisiatif["tanggal_mulai"], data.inisiatif["tanggal_selesai"]])
    return int(dates.dropna().max().year)


def _active_initiatives(inisiatif: pd.DataFrame, last: int) -> tuple[pd.DataFrame, list[int]]:
    """Initiatives running at some time in each year: started by its end, not ended before its start.

    Planned initiatives (status "rencana") are not counted: nothing is running yet.
    """
    started = inisiatif[(inisiatif["status"] != "rencana") & inisiatif["tanggal_mulai"].notna()]
    if started.empty:
        return pd.DataFrame(columns=["tahun", "kode_kelurahan", "nilai"]), []
    first = int(started["tanggal_mulai"].dt.year.min())
    rows = []
    for year in range(first, last + 1):
        begin, end = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
        active = (started["tanggal_mulai"] <= end) & (started["tanggal_selesai"].isna()
                                                      | (started["tanggal_selesai"] >= begin))
        counts = started[active].groupby("kode_kelurahan").size()
        rows += [{"tahun": year, "kode_kelurahan": k, "nilai": float(v)} for k, v in counts.items()]
    return pd.DataFrame(rows, columns=["tahun", "kode_kelurahan", "nilai"]), list(range(first, last + 1))


def _per_1000_children(child_attendances: pd.Series, kelurahan: pd.DataFrame) -> pd.Series:
    children = pd.to_numeric(kelurahan.set_index("kode")["anak_0_17"], errors="coerce")
    per_kelurahan = child_attendances.index.get_level_values("kode_kelurahan").map(children)
    return child_attendances / per_kelurahan.to_numpy(dtype=float) * 1000


def metric_years(data: Dataset, metric: str) -> list[int]:
    return sorted(int(y) for y in metric_table(data, metric)["tahun"].unique())


# --- classes -------------------------------------------------------------------------------------


def class_breaks(values: pd.Series | np.ndarray, n: int = N_CLASSES) -> tuple[float, ...]:
    """``n + 1`` "nice" edges from pooled quantiles; the outer ones enclose every value.

    Quantiles put about as many kelurahan-years in each colour; rounding to a nice step keeps the
    legend readable (650–700, not 651,37–698,82). Edges that collapse after rounding are merged,
    so a metric with few distinct values gets fewer classes rather than empty ones.
    """
    clean = np.asarray(pd.Series(values).dropna(), dtype=float)
    if clean.size == 0:
        return ()
    low, high = float(clean.min()), float(clean.max())
    if low == high:
        return (low, high)
    step = _nice_step((high - low) / n)
    low, high = np.floor(low / step) * step, np.ceil(high / step) * step
    inner = [round(q / step) * step for q in np.quantile(clean, np.linspace(0, 1, n + 1)[1:-1])]
    edges = sorted({low, *(e for e in inner if low < e < high), high})
    return tuple(round(float(e), 6) for e in edges)


def category_breaks(values: pd.Series | np.ndarray) -> tuple[float, ...]:
    """The category bands' edges from the band of the lowest value to that of the highest (e.g. 500, 601, ..., 901).

    The same bands the charts shade (:data:`kla.domain.CATEGORIES`): a class is ``low <= skor < high``,
    the top one closed at 1000, so a kelurahan's colour is its category.
    """
    clean = np.asarray(pd.Series(values).dropna(), dtype=float)
    if clean.size == 0:
        return ()
    lows = [band.low for band in domain.CATEGORIES]
    first = int(np.searchsorted(lows, clean.min(), side="right")) - 1
    last = int(np.searchsorted(lows, clean.max(), side="right")) - 1
    bands = domain.CATEGORIES[max(first, 0):last + 1]
    return tuple(float(b.low) for b in bands) + (float(bands[-1].high),)


def metric_breaks(values: pd.Series | np.ndarray, metric: str) -> tuple[float, ...]:
    """Category bands for a score (:data:`SCORE_METRICS`), nice pooled-quantile classes otherwise."""
    return category_breaks(values) if metric in SCORE_METRICS else class_breaks(values)


def _band_of(low: float) -> domain.Category:
    return next(band for band in domain.CATEGORIES if band.low == low)


def _by_category(breaks: tuple[float, ...], metric: str | None) -> bool:
    """Whether ``breaks`` are category bands of a score metric (as :func:`category_breaks` gives)."""
    lows = {band.low for band in domain.CATEGORIES}
    return metric in SCORE_METRICS and len(breaks) >= 2 and all(low in lows for low in breaks[:-1])


def _nice_step(raw: float) -> float:
    """1, 2, 2.5 or 5 times a power of ten, at most ``raw`` (at least 0.1)."""
    if raw <= 0:
        return 0.1
    power = 10 ** np.floor(np.log10(raw))
    best = max(m for m in (1, 2, 2.5, 5) if m * power <= raw)
    return max(float(best * power), 0.1)


def classify(values: pd.Series, breaks: tuple[float, ...]) -> pd.Series:
    """Class 0..len(breaks)-2 for each value (upper edges inclusive of the last); NaN stays -1."""
    if len(breaks) < 2:
        return pd.Series(np.where(values.isna(), -1, 0), index=values.index)
    inner = np.asarray(breaks[1:-1], dtype=float)
    classes = np.searchsorted(inner, values.to_numpy(dtype=float), side="right")
    return pd.Series(np.where(values.isna(), -1, classes), index=values.index).astype(int)


def class_colours(n_classes: int) -> tuple[str, ...]:
    """Palette colours for fewer classes: spread over the full ramp so contrast stays high."""
    if n_classes >= N_CLASSES:
        return PALETTE
    picks = np.round(np.linspace(0, N_CLASSES - 1, max(n_classes, 1))).astype(int)
    return tuple(PALETTE[i] for i in picks)


def breaks_colours(breaks: tuple[float, ...], metric: str | None = None) -> tuple[str, ...]:
    """One colour per class: each category band's own for a score metric, the spread palette otherwise."""
    if _by_category(breaks, metric):
        return tuple(CATEGORY_COLOURS[_band_of(low).name] for low in breaks[:-1])
    return class_colours(max(len(breaks) - 1, 1))


def colour_of(classes: pd.Series, breaks: tuple[float, ...], metric: str | None = None) -> pd.Series:
    colours = breaks_colours(breaks, metric)
    return classes.map(lambda c: NO_DATA if c < 0 else colours[c])


@dataclass(frozen=True)
class LegendItem:
    colour: str
    label: str


def legend_items(breaks: tuple[float, ...], metric: str, lang: Lang = "id",
                 with_no_data: bool = True) -> list[LegendItem]:
    """One entry per class, plus 'tanpa data'.

    Classes are [low, high) and the last is [low, high]. Counts are whole numbers, so their
    classes are written as the whole numbers they hold ('0', '1–2', '3–8'), never '0–1'.
    """
    if _by_category(breaks, metric):
        items = [LegendItem(colour, _band_label(_band_of(low), lang))
                 for low, colour in zip(breaks[:-1], breaks_colours(breaks, metric))]
        return items + ([LegendItem(NO_DATA, t("peta.tanpa_data", lang))] if with_no_data else [])
    colours = class_colours(max(len(breaks) - 1, 1))
    whole = METRICS[metric].decimals == 0 and all(float(b).is_integer() for b in breaks)
    decimals = 0 if all(float(b).is_integer() for b in breaks) else METRICS[metric].decimals
    items = []
    for i, (lo, hi) in enumerate(zip(breaks[:-1], breaks[1:])):
        last = i == len(breaks) - 2
        top = hi if (last or not whole) else hi - 1
        text = format_number(lo, decimals, lang) if top == lo else \
            f"{format_number(lo, decimals, lang)}–{format_number(top, decimals, lang)}"
        items.append(LegendItem(colours[i], text))
    if with_no_data:
        items.append(LegendItem(NO_DATA, t("peta.tanpa_data", lang)))
    return items


def _band_label(band: domain.Category, lang: Lang) -> str:
    """'Utama (801–900)', 'Paripurna (901–1.000)'; below 500 'Belum berkategori (< 500)'."""
    if band.name == domain.NO_CATEGORY:
        return t("peta.kelas.belum", lang, batas=format_number(band.high, 0, lang))
    return f"{band.name} ({domain.band_range(band.name, '.' if lang == 'id' else ',')})"


# --- the map's table ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MapValues:
    """Everything a map of one metric and year needs, already joined to names."""

    metric: str
    year: int
    table: pd.DataFrame  # VALUE_COLUMNS, one row per kelurahan (all 34, even without data)
    breaks: tuple[float, ...]


def map_values(data: Dataset, metric: str, year: int | None = None) -> MapValues:
    """Value, city and kecamatan rank, class and colour of every kelurahan for ``year``.

    ``year`` defaults to the metric's latest year; a year without data raises ``ValueError``.
    Ranks: 1 = highest value; kelurahan without data get no rank.
    """
    full = metric_table(data, metric)
    years = sorted(int(y) for y in full["tahun"].unique())
    if not years:
        raise ValueError(t("peta.tanpa_tahun", "id", metrik=metric))
    year = years[-1] if year is None else int(year)
    if year not in years:
        raise ValueError(f"Tahun {year} tidak ada untuk metrik '{metric}'; tersedia: {', '.join(map(str, years))}")
    breaks = metric_breaks(full["nilai"], metric)
    names = data.kelurahan[["kode", "nama", "kode_induk", "nama_kecamatan"]].rename(
        columns={"kode": "kode_kelurahan", "kode_induk": "kode_kecamatan"})
    table = names.merge(full[full["tahun"] == year][["kode_kelurahan", "nilai"]], on="kode_kelurahan", how="left")
    table["peringkat"] = table["nilai"].rank(method="min", ascending=False).astype("Int64")
    table["peringkat_kecamatan"] = (table.groupby("kode_kecamatan")["nilai"]
                                    .rank(method="min", ascending=False).astype("Int64"))
    table["jumlah_kelurahan"] = int(table["nilai"].notna().sum())
    table["kelas"] = classify(table["nilai"], breaks)
    table["warna"] = colour_of(table["kelas"], breaks, metric)
    return MapValues(metric, year, table[list(VALUE_COLUMNS)].reset_index(drop=True), breaks)
