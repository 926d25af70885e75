"""One sentence per chart that states its main point, and the chart's text alternative.

Both are written from :attr:`kla.charts.Chart.data` (exactly the numbers drawn) and the chart's
name, never from the data set behind it, so the sentence can never say what the chart does not
show. Numbers are in the language's format (:mod:`kla.i18n`); category thresholds come from
:data:`kla.domain.CATEGORIES`.

* :func:`main_point`: the visible sentence above a chart ("Skor 2025: 862,3, naik 16,6 dari
  2023; kurang 38,7 poin ke Paripurna.");
* :func:`alt_text`: what a screen reader says for the picture: kind of chart, title, what it
  shows, period, and the main point.

A chart with nothing drawn says so; a chart name this module does not know gets a plain
"title: n rows" sentence rather than an error, so a new chart never breaks a page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pandas as pd

from kla import domain, scoring
from kla.charts import Chart
from kla.i18n import Lang, block_name, format_month, format_number, format_percent, t

MAP_NAMES = ("peta_petak", "peta_kelurahan")  # kla.tilemap.NAME, kla.staticmap.NAME (not imported: heavy)
AVERAGE_CODE = "RATA-RATA"  # kla.charts.kelurahan_compare's row for the all-kelurahan mean
SCORE_DECIMALS = 1
MAX_NAMES = 3  # a tie names at most this many, then "and n more"

KINDS: dict[str, str] = {
    "tren_total": "alt.garis", "tren_blok": "alt.garis", "tren_indikator": "alt.garis",
    "banding_kelurahan": "alt.garis", "capaian_blok": "alt.batang", "profil_blok": "alt.batang",
    "kekurangan_indikator": "alt.batang_garis", "inisiatif_jenis": "alt.batang",
    "inisiatif_jenis_mitra": "alt.batang", "inisiatif_kecamatan": "alt.batang", "inisiatif_status": "alt.batang",
    "kegiatan_bulanan": "alt.batang_tumpuk", "peserta_bulanan": "alt.batang",
    "peta_petak": "alt.peta_petak", "peta_kelurahan": "alt.peta",
}


# --- small pieces ----------------------------------------------------------------------------------


def _score(x: float, lang: Lang) -> str:
    return format_number(x, SCORE_DECIMALS, lang)


def _change(now: float, before: float, year: int, lang: Lang, decimals: int = SCORE_DECIMALS,
            unit: str | None = None) -> str:
    """"naik 16,6 dari 2023" / "turun 3,0 dari 2023" / "sama dengan 2023" (rounded as shown)."""
    diff = round(now - before, decimals)
    if diff == 0:
        return t("pokok.tetap", lang, tahun=year)
    amount = format_number(abs(diff), decimals, lang)
    if unit is not None:
        amount = t(unit, lang, n=amount)
    return t("pokok.naik" if diff > 0 else "pokok.turun", lang, n=amount, tahun=year)


def _names(names: Sequence[str], lang: Lang) -> str:
    """"A", "A dan B", "A, B dan C", "A, B, C dan 2 lainnya"."""
    names = list(dict.fromkeys(str(n) for n in names))
    if len(names) > MAX_NAMES:
        rest = len(names) - MAX_NAMES
        names = [*names[:MAX_NAMES], f"{rest} {'lainnya' if lang == 'id' else 'more'}"]
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {t('pokok.dan', lang)} {names[-1]}"


def _extremes(frame: pd.DataFrame, value: str, name: Callable[[pd.Series], str]) -> tuple[list[str], float,
                                                                                        list[str], float]:
    """Names at the highest and at the lowest ``value`` (all of them when tied), and those values."""
    high, low = float(frame[value].max()), float(frame[value].min())
    return ([name(r) for _, r in frame[frame[value] == high].iterrows()], high,
            [name(r) for _, r in frame[frame[value] == low].iterrows()], low)


def _next_band(score: float) -> domain.Category | None:
    """The first category band above ``score``; None once the score is in the top band."""
    for band in domain.CATEGORIES:
        if band.low > score:
            return band
    return None


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def plain(text: str) -> str:
    """Plotly text (a chart's title or subtitle) as plain text: no tags, no entities, one line."""
    text = re.sub(r"<br\s*/?>", " ", text)
    text = re.sub(r"</?[a-zA-Z][^>]*>", "", text)
    text = (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#39;", "'")
            .replace("&amp;", "&"))
    return re.sub(r"\s+", " ", text).strip()


def _empty(chart: Chart, lang: Lang) -> str:
    return t("pokok.kosong", lang, judul=plain(chart.title))


def _year_of(chart: Chart) -> str:
    return chart.period if chart.period and chart.period != "–" else ""


# --- one writer per chart --------------------------------------------------------------------------


def _total_trend(chart: Chart, lang: Lang, metric: str | None) -> str | None:
    rows = chart.data.dropna(subset=["total"]).sort_values("tahun")
    if rows.empty:
        return None
    year, score = int(rows["tahun"].iloc[-1]), float(rows["total"].iloc[-1])
    text = t("pokok.skor", lang, tahun=year, skor=_score(score, lang))
    if len(rows) > 1:
        text += ", " + _change(score, float(rows["total"].iloc[-2]), int(rows["tahun"].iloc[-2]), lang)
    band = _next_band(score)
    if band is None:
        return f"{text}; {t('pokok.sudah_paripurna', lang)}"
    short = round(band.low - score, SCORE_DECIMALS)
    return f"{text}; " + t("pokok.kurang_ke", lang, n=_score(short, lang), kategori=band.name)


def _block_label(lang: Lang) -> Callable[[pd.Series], str]:
    return lambda row: block_name(str(row["blok"]), lang, short=True)


def _block_bar(chart: Chart, lang: Lang, metric: str | None) -> str | None:
    rows = chart.data.dropna(subset=["persen"])
    if rows.empty:
        return None
    year = _year_of(chart)
    if len(rows) == 1:
        row = rows.iloc[0]
        return t("pokok.satu_blok", lang, tahun=year, nama=block_name(str(row["blok"]), lang, short=True),
                 n=format_percent(row["persen"], 1, lang)).lstrip(": ")
    high, high_n, low, low_n = _extremes(rows, "persen", _block_label(lang))
    return t("pokok.blok", lang, tahun=year, tinggi=_names(high, lang), tinggi_n=format_percent(high_n, 1, lang),
             rendah=_names(low, lang), rendah_n=format_percent(low_n, 1, lang)).lstrip(": ")


def _block_trend(chart: Chart, lang: Lang, metric: str | None) -> str | None:
    rows = chart.data.dropna(subset=["persen"])
    if rows.empty:
        return None
    year = int(rows["tahun"].max())
    latest = rows[rows["tahun"] == year]
    high, high_n, low, low_n = _extremes(latest, "persen", _block_label(lang))
    return t("pokok.blok", lang, tahun=year, tinggi=_names(high, lang), tinggi_n=format_percent(high_n, 1, lang),
             rendah=_names(low, lang), rendah_n=format_percent(low_n, 1, lang))


def _indicator_trend(chart: Chart, lang: Lang, metric: str | None) -> str | None:
    rows = chart.data.dropna(subset=["persen"]).sort_values("tahun")
    if rows.empty:
        return None
    codes = list(dict.fromkeys(rows["kode"]))
    if len(codes) > 1:
        year = int(rows["tahun"].max())
        latest = rows[rows["tahun"] == year]
        high, high_n, low, low_n = _extremes(latest, "persen", lambda r: str(r["kode"]))
        return t("pokok.blok", lang, tahun=year, tinggi=_names(high, lang), tinggi_n=format_percent(high_n, 1, lang),
                 rendah=_names(low, lang), rendah_n=format_percent(low_n, 1, lang))
    own = rows[rows["kode"] == codes[0]]
    last = own.iloc[-1]
    name = f"{codes[0]} · {last['nama']}" if str(last.get("nama", "") or "") else str(codes[0])
    text = t("pokok.indikator", lang, nama=name, n=format_percent(last["persen"], 1, lang), tahun=int(last["tahun"]))
    if len(own) > 1:
        before = own.iloc[-2]
        text += ", " + _change(float(last["persen"]), float(before["persen"]), int(before["tahun"]), lang,
                               unit="pokok.poin_persen")
    return text


def _indicator_name(row: pd.Series, lang: Lang) -> str:
    column = "nama_id" if lang == "id" else "nama_en"
    name = row.get(column)
    return f"{name} ({row['kode']})" if isinstance(name, str) and name else str(row["kode"])


def _shortfall(chart: Chart, lang: Lang, metric: str | None) -> str | None:
    rows = chart.data
    if rows.empty:
        return None
    first = rows.iloc[0]
    text = t("pokok.kekurangan", lang, tahun=_year_of(chart), nama=_indicator_name(first, lang),
             n=_score(first["kekurangan"], lang)).replace("  ", " ").replace(" :", ":")
    current = float(first["total_proyeksi"]) - float(first["kumulatif"])
    needed = round(max(0.0, domain.PARIPURNA_MIN - current), SCORE_DECIMALS)
    if needed == 0:
        return f"{text}; {t('pokok.sudah_paripurna', lang)}"
    enough = rows.index[rows["kumulatif"] >= needed]
    if len(enough):
        k = int(rows.index.get_loc(enough[0])) + 1
        return f"{text}; " + t("pokok.kekurangan.cukup", lang, k=k, n=_score(needed, lang))
    return f"{text}; " + t("pokok.kekurangan.belum", lang, k=len(rows), jumlah=_score(rows["kumulatif"].iloc[-1], lang),
                           n=_score(needed, lang))


def _kelurahan_compare(chart: Chart, lang: Lang, metric: str | None) -> str | None:
    rows = chart.data.dropna(subset=["total"])
    if rows.empty:
        return None
    year = int(rows["tahun"].max())
    latest = rows[rows["tahun"] == year]
    average = latest[latest["kode_kelurahan"] == AVERAGE_CODE]
    chosen = latest[latest["kode_kelurahan"] != AVERAGE_CODE]
    mean = float(average["total"].iloc[0]) if len(average) else None
    mean_text = _score(mean, lang) if mean is not None else "–"
    if chosen.empty:
        return t("pokok.kelurahan.rata", lang, tahun=year, rata=mean_text)
    if len(chosen) == 1 and mean is not None:
        row = chosen.iloc[0]
        diff = round(float(row["total"]) - mean, SCORE_DECIMALS)
        amount = _score(abs(diff), lang)
        where = (t("pokok.kelurahan.sama", lang) if diff == 0 else
                 t("pokok.kelurahan.di_atas" if diff > 0 else "pokok.kelurahan.di_bawah", lang, n=amount))
        return t("pokok.kelurahan.satu", lang, tahun=year, nama=row["nama"], skor=_score(row["total"], lang),
                 arah=where, rata=mean_text)
    high, high_n, low, low_n = _extremes(chosen, "total", lambda r: str(r["nama"]))
    return t("pokok.kelurahan.banyak", lang, tahun=year, tinggi=_names(high, lang), tinggi_n=_score(high_n, lang),
             rendah=_names(low, lang), rendah_n=_score(low_n, lang), rata=mean_text)


def _initiatives(chart: Chart, lang: Lang, metric: str | None) -> str | None:
    rows = chart.data
    total = int(rows["jumlah"].sum()) if len(rows) else 0
    if total == 0:
        return None
    group = rows.columns[0]
    most = int(rows["jumlah"].max())
    top = [str(g) for g in rows.loc[rows["jumlah"] == most, group]]
    n = format_number(most, 0, lang)
    return t("pokok.inisiatif", lang, kelompok=_names(top, lang),
             n=n if len(top) == 1 else t("pokok.masing_masing", lang, n=n), total=format_number(total, 0, lang))


def _month(period: str, lang: Lang) -> str:
    return format_month(pd.Period(period, freq="M").to_timestamp(), lang)


def _activities(chart: Chart, lang: Lang, metric: str | None) -> str | None:
    rows = chart.data
    total = int(rows["jumlah"].sum()) if len(rows) else 0
    if total == 0:
        return None
    per_month = rows.groupby("bulan", sort=False)["jumlah"].sum()
    per_type = rows.groupby("jenis", sort=False)["jumlah"].sum()
    peak, top = int(per_month.max()), int(per_type.max())
    return t("pokok.kegiatan", lang, total=format_number(total, 0, lang), bulan=len(per_month),
             puncak=_names([_month(m, lang) for m in per_month.index[per_month == peak]], lang),
             n=format_number(peak, 0, lang), jenis=_names(list(per_type.index[per_type == top]), lang),
             m=format_number(top, 0, lang))


def _participants(chart: Chart, lang: Lang, metric: str | None) -> str | None:
    rows = chart.data
    if rows.empty:
        return None
    both = rows["peserta_anak"] + rows["peserta_dewasa"]
    if int(both.sum()) == 0:
        return None
    peak = int(both.max())
    return t("pokok.peserta", lang, anak=format_number(int(rows["peserta_anak"].sum()), 0, lang),
             dewasa=format_number(int(rows["peserta_dewasa"].sum()), 0, lang), bulan=len(rows),
             puncak=_names([_month(m, lang) for m in rows.loc[both == peak, "bulan"]], lang),
             n=format_number(peak, 0, lang))


def _map_value(value: float, metric: str | None, lang: Lang) -> str:
    if metric is None:
        return format_number(value, 0 if float(value).is_integer() else 1, lang)
    from kla import mapdata  # the map's own units ("812,4 poin", "87,5%"): same words as its legend

    return mapdata.format_value(value, metric, lang)


def _band_of(score: float) -> domain.Category:
    return next(band for band in reversed(domain.CATEGORIES) if score >= band.low)


def _map(chart: Chart, lang: Lang, metric: str | None) -> str | None:
    return map_point(chart.data, lang, metric)


def map_point(table: pd.DataFrame, lang: Lang = "id", metric: str | None = None) -> str | None:
    """The main point of a kelurahan map from its table (``nama``, ``nilai``): highest, lowest, for a total
    score the number of kelurahan per category, and how many have no value; None when none has a value.

    The folium map of the Peta page has no :class:`Chart`: it shares this sentence with the tile map.
    """
    rows = table.dropna(subset=["nilai"])
    if rows.empty:
        return None
    high, high_n, low, low_n = _extremes(rows, "nilai", lambda r: str(r["nama"]))
    text = t("pokok.peta", lang, tinggi=_names(high, lang), tinggi_n=_map_value(high_n, metric, lang),
             rendah=_names(low, lang), rendah_n=_map_value(low_n, metric, lang))
    if metric == "total":  # a total score has categories: how many kelurahan in each, best first
        counts = rows["nilai"].map(lambda v: _band_of(float(v)).name).value_counts()
        names = [b.name for b in reversed(domain.CATEGORIES) if b.name in counts.index]
        listed = ", ".join(f"{scoring.category_label(name, lang)} {format_number(int(counts[name]), 0, lang)}"
                           for name in names)
        text += "; " + t("pokok.peta.kategori", lang, daftar=listed)
    missing = len(table) - len(rows)
    if missing:
        text += "; " + t("pokok.peta.tanpa_data", lang, n=format_number(missing, 0, lang))
    return _sentence(text)


def _profile(chart: Chart, lang: Lang, metric: str | None) -> str | None:
    rows = chart.data.dropna(subset=["persen"])
    if rows.empty:
        return None
    high, high_n, low, low_n = _extremes(rows, "persen", _block_label(lang))
    above = int((rows["persen"] > rows["persen_kota"]).sum())
    name = str(rows["nama_kelurahan"].iloc[0]) if "nama_kelurahan" in rows else ""
    return t("pokok.profil", lang, nama=name, tahun=_year_of(chart), tinggi=_names(high, lang),
             tinggi_n=format_percent(high_n, 1, lang), rendah=_names(low, lang),
             rendah_n=format_percent(low_n, 1, lang), k=above, m=len(rows)).strip()


WRITERS: dict[str, Callable[[Chart, Lang, str | None], str | None]] = {
    "tren_total": _total_trend,
    "capaian_blok": _block_bar,
    "tren_blok": _block_trend,
    "tren_indikator": _indicator_trend,
    "kekurangan_indikator": _shortfall,
    "banding_kelurahan": _kelurahan_compare,
    "inisiatif_jenis": _initiatives,
    "inisiatif_jenis_mitra": _initiatives,
    "inisiatif_kecamatan": _initiatives,
    "inisiatif_status": _initiatives,
    "kegiatan_bulanan": _activities,
    "peserta_bulanan": _participants,
    "peta_petak": _map,
    "peta_kelurahan": _map,
    "profil_blok": _profile,
}


def main_point(chart: Chart, lang: Lang = "id", *, metric: str | None = None) -> str:
    """The one sentence that states ``chart``'s main point, from its drawn numbers.

    ``metric``: for the maps (whose data hold only "nilai"), the :mod:`kla.mapdata` metric, so
    values carry their unit and a total score is also counted per category.
    """
    writer = WRITERS.get(chart.name)
    if writer is None:
        return _sentence(t("pokok.umum", lang, judul=plain(chart.title), n=format_number(len(chart.data), 0, lang)))
    text = writer(chart, lang, metric)
    return _sentence(text if text else _empty(chart, lang))


def alt_text(chart: Chart, lang: Lang = "id", *, metric: str | None = None) -> str:
    """The chart for a screen reader: its kind, title, what it shows, period, main point, where the numbers are."""
    kind = t(KINDS.get(chart.name, "alt.grafik"), lang)
    text = t("alt.teks", lang, jenis=kind, judul=plain(chart.title), subjudul=plain(chart.subtitle).rstrip("."),
             periode=chart.period or "–", pokok=main_point(chart, lang, metric=metric))
    where = "alt.tabel_peta" if chart.name in MAP_NAMES else "alt.tabel_menyusul"
    return f"{text} {t(where, lang)}".replace(". .", ".")
