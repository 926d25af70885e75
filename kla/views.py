"""One view model per panel: the default choices of each chart and the data it shows.

A panel is seen in several places: its page, the meeting mode (pages/rapat.py), the press
catalogue (kla/catalog.py, ``python -m kla export``) and the A4 brief. Each place asks this
module for the defaults and the data, so a press image shows what the page shows by default:

* :func:`block_year`: attainment per block in one evaluation year (default: the latest) and the
  weakest block, decided by one rule (:func:`weakest_block`);
* :func:`indicator_default`: the Tren page's indicator view opens on the weakest block of the
  latest year, with all its indicators;
* :func:`kelurahan_default`: the Tren page's kelurahan view compares the lowest and the highest
  total of the latest year;
* :data:`SHORTFALL_TOP`: the shortfall chart (meeting mode, catalogue) shows the top 8;
* :func:`activity_window` / :func:`recent_activities`: the Kegiatan page's last 12 calendar months.

The numbers of the Ringkasan headline are :func:`kla.meeting.position` (the meeting's too).
Functions are pure: a :class:`kla.loading.Dataset` in, data frames and dataclasses out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from kla import domain, scoring
from kla.activities import activity_table, filter_activities, whole_months_back
from kla.loading import Dataset

ACTIVITY_MONTHS = 12  # the Kegiatan page's default range: the last 12 calendar months of the log
SHORTFALL_TOP = 8  # indicators on the shortfall chart: what the meeting's projector shows legibly
SHOWN_DECIMALS = 1  # attainment is shown with one decimal: blocks that look equal are equal


def city_years(data: Dataset) -> list[int]:
    """The evaluated years of the city, oldest first."""
    return sorted(int(y) for y in data.evaluasi_kota["tahun"].unique())


def weakest_block(attainment: pd.DataFrame) -> str:
    """The block with the lowest attainment (``persen``) in :func:`kla.scoring.block_attainment`.

    Compared as shown (rounded to one decimal), so float noise never decides; among blocks that
    look equal the first in :data:`kla.domain.BLOCKS` order (KL, K1, ..., K5) wins.
    """
    order = {b: i for i, b in enumerate(domain.BLOCKS)}
    ranked = attainment.assign(_shown=attainment["persen"].round(SHOWN_DECIMALS),
                               _order=attainment["blok"].map(order))
    return str(ranked.sort_values(["_shown", "_order"], kind="mergesort").iloc[0]["blok"])


@dataclass(frozen=True)
class BlockYear:
    """Attainment per block in one year (Ringkasan's bar chart, the catalogue's ``capaian_blok``)."""

    tahun: int
    capaian: pd.DataFrame  # scoring.block_attainment: blok, poin, max_poin, persen, kekurangan
    terlemah: str  # the block code of weakest_block

    @property
    def weakest_row(self) -> pd.Series:
        return self.capaian.set_index("blok").loc[self.terlemah]


def block_year(data: Dataset, year: int | None = None) -> BlockYear:
    """The year's attainment per block; ``year`` defaults to the latest evaluation."""
    year = city_years(data)[-1] if year is None else int(year)
    attainment = scoring.block_attainment(data.evaluasi_kota, data.indikator, year)
    return BlockYear(year, attainment, weakest_block(attainment))


def block_indicators(data: Dataset, block: str) -> pd.DataFrame:
    """The catalogue's indicators of ``block`` in file order: ``kode, nama_singkat, ...``."""
    return data.indikator[data.indikator["blok"] == block]


@dataclass(frozen=True)
class IndicatorChoice:
    blok: str
    kode: list[str]


def indicator_default(data: Dataset, year: int | None = None) -> IndicatorChoice:
    """The indicator trend's default: the weakest block of ``year`` (latest) and all its indicators."""
    block = block_year(data, year).terlemah
    return IndicatorChoice(block, block_indicators(data, block)["kode"].tolist())


def kelurahan_default(kel_totals: pd.DataFrame) -> list[str]:
    """Codes of the lowest and the highest total of the latest year; one code when they are the same.

    ``kel_totals`` is :func:`kla.scoring.kelurahan_totals`. Equal totals are ordered by code, so
    the lowest is the first code and the highest the last among those tied.
    """
    latest = kel_totals[kel_totals["tahun"] == kel_totals["tahun"].max()]
    ranked = latest.sort_values(["total", "kode_kelurahan"], kind="mergesort")["kode_kelurahan"].astype(str)
    return list(dict.fromkeys([ranked.iloc[0], ranked.iloc[-1]])) if len(ranked) else []


def activity_window(first_day: dt.date, last_day: dt.date) -> tuple[dt.date, dt.date]:
    """The last :data:`ACTIVITY_MONTHS` calendar months of a log running from ``first_day`` to ``last_day``.

    It starts on the first of a month, so no month but the log's last (which the charts mark as
    partial when the log stops mid-month) is counted for fewer days than it has.
    """
    return whole_months_back(first_day, last_day, ACTIVITY_MONTHS), last_day


def recent_window(data: Dataset) -> tuple[dt.date, dt.date]:
    """:func:`activity_window` of the data's activity log."""
    dates = data.kegiatan["tanggal"].dropna()
    return activity_window(dates.min().date(), dates.max().date())


def recent_activities(data: Dataset) -> pd.DataFrame:
    """The activity table (:func:`kla.activities.activity_table`) of the default window, no filter."""
    table = activity_table(data.kegiatan, data.kelurahan)
    first, last = recent_window(data)
    return filter_activities(table, first, last, [], [])
