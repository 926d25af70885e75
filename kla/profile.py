"""One kelurahan at a glance: its score and ranks, its blocks against the city, its work.

Everything is computed from the same functions as the city pages (``scoring.kelurahan_totals``,
``mapdata``), so the rank on the profile is the rank on the map.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from kla import charts, domain, scoring
from kla.activities import activity_table
from kla.i18n import Lang, block_name, format_number, t
from kla.initiatives import initiative_table
from kla.loading import Dataset
from kla.text import escape_plotly


class UnknownKelurahan(ValueError):
    """A code that is not one of the city's kelurahan (e.g. a mistyped link)."""


@dataclass(frozen=True)
class Profile:
    kode: str
    nama: str
    kode_kecamatan: str
    nama_kecamatan: str
    tahun: int | None  # latest assessment year; None when never assessed
    total: float | None
    kategori: str | None
    peringkat_kota: int | None
    jumlah_kota: int
    peringkat_kecamatan: int | None
    jumlah_kecamatan: int
    perubahan: float | None  # change since the kelurahan's previous assessment


def check_code(data: Dataset, kode: str) -> pd.Series:
    """The kelurahan's row in the region table, or :class:`UnknownKelurahan` in Indonesian."""
    rows = data.kelurahan[data.kelurahan["kode"] == kode]
    if rows.empty:
        raise UnknownKelurahan(f"Kode kelurahan '{kode}' tidak dikenal; contoh kode yang sah: "
                               f"{data.kelurahan['kode'].iloc[0]}")
    return rows.iloc[0]


def kelurahan_profile(data: Dataset, kode: str, tahun: int | None = None) -> Profile:
    """Score, category, ranks and change of ``kode`` in ``tahun`` (default: latest assessed year)."""
    region = check_code(data, kode)
    totals = scoring.kelurahan_totals(data.skor_kelurahan, data.wilayah)
    own = totals[totals["kode_kelurahan"] == kode]
    if tahun is None and not own.empty:
        tahun = int(own["tahun"].max())
    row = own[own["tahun"] == tahun]
    same_year = totals[totals["tahun"] == tahun]
    if row.empty:
        return Profile(kode, region["nama"], region["kode_induk"], region["nama_kecamatan"], tahun, None, None, None,
                       len(same_year), None, int((same_year["kode_kecamatan"] == region["kode_induk"]).sum()), None)
    r = row.iloc[0]
    return Profile(
        kode=kode, nama=region["nama"], kode_kecamatan=region["kode_induk"], nama_kecamatan=region["nama_kecamatan"],
        tahun=int(r["tahun"]), total=float(r["total"]), kategori=str(r["kategori"]),
        peringkat_kota=int(r["peringkat_kota"]), jumlah_kota=len(same_year),
        peringkat_kecamatan=int(r["peringkat_kecamatan"]),
        jumlah_kecamatan=int((same_year["kode_kecamatan"] == region["kode_induk"]).sum()),
        perubahan=None if pd.isna(r["perubahan"]) else float(r["perubahan"]),
    )


def block_comparison(data: Dataset, kode: str, tahun: int) -> pd.DataFrame:
    """``blok, nama_blok, poin, max_poin, persen, persen_kota`` for one kelurahan and year.

    ``persen_kota`` is the mean attainment of all kelurahan assessed that year (each kelurahan
    counts once, whatever its size), the same average as the Tren page's comparison line.
    """
    check_code(data, kode)
    block_max = domain.block_maxima(data.indikator)
    year = data.skor_kelurahan[data.skor_kelurahan["tahun"] == tahun]
    per_block = year.groupby(["kode_kelurahan", "blok"])["poin"].sum().unstack("blok")
    percent = per_block.div(block_max, axis=1) * 100
    own = per_block.loc[kode] if kode in per_block.index else pd.Series(np.nan, index=per_block.columns)
    frame = pd.DataFrame({"blok": list(scoring.BLOCKS)})
    frame["nama_blok"] = [block_name(b) for b in frame["blok"]]
    frame["poin"] = frame["blok"].map(own).astype(float)
    frame["max_poin"] = frame["blok"].map(block_max).astype(float)
    frame["persen"] = frame["poin"] / frame["max_poin"] * 100
    frame["persen_kota"] = frame["blok"].map(percent.mean()).astype(float)
    return frame


def block_chart(comparison: pd.DataFrame, nama: str, tahun: int, *, source: str | None = None,
                sample: bool = False, lang: Lang = "id") -> charts.Chart:
    """"profil_blok": the kelurahan's % per block as bars, the city's kelurahan mean as a tick."""
    labels = [block_name(b, lang, short=True) for b in comparison["blok"]]
    fig = go.Figure()
    fig.add_trace(go.Bar(
        x=comparison["persen"].to_numpy(dtype=float), y=labels, orientation="h", name=escape_plotly(nama),
        marker_color=charts.OKABE_ITO[0], text=[format_number(v, 1, lang) + "%" for v in comparison["persen"]],
        textposition="inside", insidetextanchor="end", textfont=dict(size=14, color="white"),
        hovertemplate="<b>%{y}</b><br>%{x:,.1f}%<extra></extra>"))
    fig.add_trace(go.Scatter(
        x=comparison["persen_kota"].to_numpy(dtype=float), y=labels, mode="markers",
        name=t("profil.rata_kota", lang), marker=dict(symbol="line-ns", size=26, line=dict(width=4, color=charts.TEXT)),
        hovertemplate="<b>%{y}</b><br>" + t("profil.rata_kota", lang) + ": %{x:,.1f}%<extra></extra>"))
    fig.update_xaxes(range=[0, 101], ticksuffix="%", dtick=25)
    fig.update_yaxes(autorange="reversed", showgrid=False)
    # Bars thick enough for their labels at 14 px: plotly shrinks inside text to the bar's height.
    fig.update_layout(height=170 + 58 * len(comparison), bargap=0.25, uniformtext=dict(minsize=13, mode="show"))
    meta = charts.ChartMeta("profil_blok", t("profil.blok.judul", lang, nama=escape_plotly(nama), tahun=tahun),
                            t("profil.blok.subjudul", lang), source or t("grafik.sumber_bawaan", lang), str(tahun),
                            sample)
    data = comparison.assign(nama_kelurahan=nama)
    return charts.make_chart(fig, data, meta, lang, empty=comparison["persen"].isna().all())


def initiatives_of(data: Dataset, kode: str) -> pd.DataFrame:
    """The kelurahan's initiatives, running ones first, then by start date (newest first)."""
    check_code(data, kode)
    table = initiative_table(data.inisiatif, data.kelurahan)
    own = table[table["kode_kelurahan"] == kode]
    order = {"berjalan": 0, "rencana": 1, "selesai": 2, "terhenti": 3}
    own = own.assign(_urut=own["status"].map(order)).sort_values(["_urut", "tanggal_mulai"], ascending=[True, False])
    return own.drop(columns="_urut").reset_index(drop=True)


def latest_activities(data: Dataset, kode: str, n: int = 10) -> pd.DataFrame:
    """The ``n`` most recent activities held in the kelurahan (city-wide ones are not counted)."""
    check_code(data, kode)
    table = activity_table(data.kegiatan, data.kelurahan)
    own = table[table["kode_kelurahan"] == kode].sort_values(["tanggal", "id"], ascending=False)
    return own.head(n).reset_index(drop=True)
