"""The numbers of a Gugus Tugas KLA meeting (the rapat page and the A4 brief).

Every figure comes from :mod:`kla.scoring`, and the Ringkasan page shows :func:`position`
itself, so the meeting and the public dashboard can never disagree:

* :func:`position`: the latest score, category, change, points to Paripurna and the next
  roadmap target (Ringkasan's four numbers, read from here);
* :func:`shortfalls`: indicators by missing points with the running projected total;
* :func:`kelurahan_movers`: the lowest and the most improved kelurahan of the latest year;
* :func:`since`: what happened between two dates, by default since the last logged
  "rapat gugus tugas" (:func:`default_window`);
* :func:`follow_up`: initiatives planned but not started, and stalled ones, by organiser.

The what-if's inputs (:func:`parse_number`, :func:`what_if_points`) are read as the room types
them, in the page's language, and kept in the link (:func:`encode_what_if`, :func:`decode_what_if`);
lists cut for the screen keep their sums (:func:`with_remainder`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from kla import domain, scoring
from kla.activities import activity_table, filter_activities
from kla.i18n import Lang, format_number, t
from kla.initiatives import initiative_table
from kla.loading import Dataset

MEETING_TYPE = "rapat gugus tugas"
VIEWS = ("posisi", "poin", "kelurahan", "sejak", "tindak")
# The files the meeting's numbers come from (its source line and sample mark, kla.provenance).
FILES = ("evaluasi_kota", "indikator", "peta_jalan", "skor_kelurahan", "kegiatan", "inisiatif")


@dataclass(frozen=True)
class Position:
    tahun: int
    skor: float
    kategori: str
    perubahan: float | None  # since the previous evaluation year
    tahun_sebelumnya: int | None
    ke_paripurna: float
    kategori_berikut: str | None
    ke_kategori_berikut: float | None
    target_tahun: int | None
    target: float | None


def position(data: Dataset, year: int | None = None) -> Position:
    """Where the city stands in ``year`` (default: the latest evaluation)."""
    totals = scoring.city_totals(data.evaluasi_kota).set_index("tahun")
    year = int(totals.index.max()) if year is None else int(year)
    if year not in totals.index:
        raise ValueError(f"Tahun {year} tidak ada di evaluasi_kota; tersedia: {', '.join(map(str, totals.index))}")
    row = totals.loc[year]
    earlier = [int(y) for y in totals.index if y < year]
    step = scoring.next_category(float(row["total"]))
    target_year, target = scoring.next_roadmap_target(data.peta_jalan, year)
    change = None if pd.isna(row["perubahan"]) else float(row["perubahan"])
    return Position(year, float(row["total"]), str(row["kategori"]), change, earlier[-1] if earlier else None,
                    scoring.points_to_paripurna(float(row["total"])), step[0] if step else None,
                    step[1] if step else None, target_year, target)


def shortfalls(data: Dataset, year: int) -> pd.DataFrame:
    """:func:`kla.scoring.shortfall_ranking` with a flag where the projected total reaches Paripurna."""
    ranking = scoring.shortfall_ranking(data.evaluasi_kota, data.indikator, year)
    ranking["capai_paripurna"] = ranking["total_proyeksi"] >= domain.PARIPURNA_MIN
    return ranking


def indicators_for_paripurna(ranking: pd.DataFrame) -> int | None:
    """How many of the top shortfalls, filled completely, would lift the city to Paripurna."""
    reached = ranking.index[ranking["capai_paripurna"]]
    return int(reached[0]) + 1 if len(reached) else None


def what_if(data: Dataset, year: int, raised: dict[str, float]) -> scoring.WhatIf:
    """The year's total if the indicators in ``raised`` had those points (refuses > max_poin)."""
    return scoring.what_if(data.evaluasi_kota, data.indikator, year, raised)


# A number as people type it: Indonesian 1.234,5 (a dot groups thousands, a comma marks the
# decimals), English 1,234.5. Grouping must be in threes, so "20.5" is not read as 205 in Indonesian.
_MARKS: dict[Lang, tuple[str, str]] = {"id": (".", ","), "en": (",", ".")}


def parse_number(text: str, lang: Lang = "id") -> float:
    """'20,5' -> 20.5 and '1.234,5' -> 1234.5 (id); '20.5' and '1,234.5' (en); else ``ValueError`` in ``lang``."""
    group, decimal = _MARKS[lang]
    cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    whole = rf"[+-]?(\d{{1,3}}(\{group}\d{{3}})+|\d+)(\{decimal}\d+)?"
    if not re.fullmatch(whole, cleaned):
        example = format_number(20.5, 1, lang)
        raise ValueError(t("rapat.andai.bukan_angka", lang, nilai=str(text).strip(), contoh=example))
    return float(cleaned.replace(group, "").replace(decimal, "."))


def what_if_points(text: str, code: str, maximum: float, lang: Lang = "id") -> float:
    """The points typed for indicator ``code``: a number in 0..``maximum``, else ``ValueError`` naming both."""
    try:
        value = parse_number(text, lang)
    except ValueError as problem:
        raise ValueError(f"{code}: {problem}") from None
    if not 0 <= value <= maximum:
        raise ValueError(t("rapat.andai.di_luar", lang, kode=code, nilai=str(text).strip(),
                           maks=format_number(maximum, 1, lang)))
    return value


def encode_what_if(points: Mapping[str, float]) -> str:
    """``{"K3-17": 20.5}`` -> ``"K3-17:20.5"`` for the link (a dot decimal in every language)."""
    return ",".join(f"{code}:{value:g}" for code, value in points.items())


def decode_what_if(text: str | None, maxima: Mapping[str, float]) -> tuple[dict[str, float], list[str]]:
    """The link's what-if: known codes with points in range, and the entries left out (as written)."""
    points: dict[str, float] = {}
    unknown: list[str] = []
    for entry in filter(None, (part.strip() for part in (text or "").split(","))):
        code, _, value = entry.partition(":")
        try:
            number = float(value) if value else float(maxima[code])
            if code not in maxima or not 0 <= number <= maxima[code]:
                raise ValueError(entry)
        except (KeyError, ValueError):
            unknown.append(entry)
            continue
        points[code] = number
    return points, unknown


def with_remainder(frame: pd.DataFrame, rows: int, label_column: str, label: str,
                   sums: Sequence[str]) -> pd.DataFrame:
    """At most ``rows`` rows that add up to ``frame``: the first ``rows - 1`` and one row summing the rest.

    ``label`` names the remainder; ``{n}`` in it becomes the number of rows it stands for.
    """
    frame = frame.reset_index(drop=True)
    if len(frame) <= rows:
        return frame
    kept, rest = frame.iloc[:rows - 1], frame.iloc[rows - 1:]
    remainder = {column: "" for column in frame.columns} | {column: rest[column].sum() for column in sums}
    remainder[label_column] = label.format(n=len(rest))
    return pd.concat([kept, pd.DataFrame([remainder])], ignore_index=True)


@dataclass(frozen=True)
class Movers:
    tahun: int
    tahun_sebelumnya: int | None
    terendah: pd.DataFrame  # the lowest totals, lowest first
    naik: pd.DataFrame  # the largest rises since the previous assessment, largest first


def kelurahan_movers(data: Dataset, n: int = 5) -> Movers:
    totals = scoring.kelurahan_totals(data.skor_kelurahan, data.wilayah)
    year = int(totals["tahun"].max())
    latest = totals[totals["tahun"] == year]
    earlier = sorted(int(y) for y in totals["tahun"].unique() if y < year)
    lowest = latest.sort_values(["total", "kode_kelurahan"]).head(n)
    rising = latest.dropna(subset=["perubahan"]).sort_values(["perubahan", "kode_kelurahan"],
                                                            ascending=[False, True]).head(n)
    return Movers(year, earlier[-1] if earlier else None, lowest.reset_index(drop=True), rising.reset_index(drop=True))


def last_meeting(data: Dataset, before: dt.date | None = None) -> dt.date | None:
    """Date of the last logged "rapat gugus tugas" (strictly before ``before`` when given)."""
    dates = data.kegiatan.loc[data.kegiatan["jenis"] == MEETING_TYPE, "tanggal"].dropna()
    if before is not None:
        dates = dates[dates.dt.date < before]
    return None if dates.empty else dates.max().date()


def log_end(data: Dataset) -> dt.date:
    return data.kegiatan["tanggal"].max().date()


def default_window(data: Dataset) -> tuple[dt.date, dt.date]:
    """From the last meeting in the log to the last logged day (90 days back if no meeting)."""
    end = log_end(data)
    start = last_meeting(data) or end - dt.timedelta(days=90)
    return start, end


def window_from(start: str | None, end: str | None, default: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """The window named in a URL (``YYYY-MM-DD``), each end falling back to ``default`` when absent or bad."""
    def parse(text: str | None, fallback: dt.date) -> dt.date:
        try:
            return dt.date.fromisoformat(text) if text else fallback
        except ValueError:
            return fallback

    first, last = parse(start, default[0]), parse(end, default[1])
    return (first, last) if first <= last else default


@dataclass(frozen=True)
class Since:
    mulai: dt.date
    sampai: dt.date
    kegiatan: int
    peserta_anak: int
    peserta_dewasa: int
    per_jenis: pd.DataFrame  # jenis, kegiatan, peserta_anak, peserta_dewasa
    per_penyelenggara: pd.DataFrame  # penyelenggara, kegiatan, peserta_anak, peserta_dewasa
    inisiatif_baru: pd.DataFrame  # initiatives started in the window


def since(data: Dataset, start: dt.date, end: dt.date) -> Since:
    """Activities and new initiatives from ``start`` to ``end``, both days included."""
    if start > end:
        raise ValueError(f"Tanggal mulai {start:%d/%m/%Y} sesudah tanggal akhir {end:%d/%m/%Y}")
    # dates first: naming the regions of the whole log would cost a second at a million rows
    shown = activity_table(filter_activities(data.kegiatan, start, end), data.kelurahan)
    sums = {"kegiatan": ("id", "count"), "peserta_anak": ("peserta_anak", "sum"),
            "peserta_dewasa": ("peserta_dewasa", "sum")}
    by_type = shown.groupby("jenis").agg(**sums).sort_values("kegiatan", ascending=False).reset_index()
    by_organiser = shown.groupby("penyelenggara").agg(**sums).sort_values("kegiatan", ascending=False).reset_index()
    initiatives = initiative_table(data.inisiatif, data.kelurahan)
    started = initiatives["tanggal_mulai"].dt.date
    new = initiatives[(started >= start) & (started <= end) & (initiatives["status"] != "rencana")]
    return Since(start, end, len(shown), int(shown["peserta_anak"].sum()), int(shown["peserta_dewasa"].sum()),
                 by_type, by_organiser, new.sort_values("tanggal_mulai").reset_index(drop=True))


@dataclass(frozen=True)
class FollowUp:
    belum_mulai: pd.DataFrame  # status "rencana"; ``terlambat`` when the planned start has passed
    terhenti: pd.DataFrame  # status "terhenti"
    per_mitra: pd.DataFrame  # jenis_mitra, nama_mitra, belum_mulai, terhenti


def follow_up(data: Dataset, today: dt.date) -> FollowUp:
    initiatives = initiative_table(data.inisiatif, data.kelurahan)
    planned = initiatives[initiatives["status"] == "rencana"].copy()
    planned["terlambat"] = planned["tanggal_mulai"].dt.date < today
    planned = planned.sort_values(["terlambat", "tanggal_mulai"], ascending=[False, True])
    stalled = initiatives[initiatives["status"] == "terhenti"].sort_values("tanggal_selesai", ascending=False)
    both = pd.concat([planned.assign(belum_mulai=1, terhenti=0), stalled.assign(belum_mulai=0, terhenti=1)])
    per_partner = (both.groupby(["jenis_mitra", "nama_mitra"])[["belum_mulai", "terhenti"]].sum().reset_index()
                   .sort_values(["belum_mulai", "terhenti", "nama_mitra"], ascending=[False, False, True]))
    return FollowUp(planned.reset_index(drop=True), stalled.reset_index(drop=True), per_partner.reset_index(drop=True))
