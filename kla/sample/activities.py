"""``kegiatan``: the activity log (monthly Gugus Tugas meetings plus drawn activities), of any size.

``generate_activities`` makes logs of any length, vectorised (a million rows take seconds), for
benchmarks; :func:`make_kegiatan` makes the sample's own log of about 3,000 records.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kla.sample.activity_kinds import (
    ACTIVITY_KINDS,
    CHILDRENS_DAY_WORDS,
    KINDS,
    LINK_SHARE,
    MONTH_FACTOR,
    SAMPLE_WEIGHTS,
    TYPE_NAMES,
    WEEKDAY_FACTOR,
)
from kla.sample.english import ACTIVITY_TITLES, LINK_PREFIXES
from kla.sample.meetings import task_force_meetings
from kla.sample.regions import kelurahan_of
from kla.sample.timeline import ACTIVITY_END, ACTIVITY_START
from kla.schema import ACTIVITY_TYPES, FILES


def generate_activities(
    n_rows: int,
    seed: int,
    regions: pd.DataFrame,
    initiatives: pd.DataFrame | None = None,
    start: str | pd.Timestamp = ACTIVITY_START,
    end: str | pd.Timestamp = ACTIVITY_END,
    type_weights: dict[str, float] | None = None,
) -> pd.DataFrame:
    """``n_rows`` activity records (vectorised; a million rows take seconds), ids KEG-000001...

    ``regions`` is a ``wilayah`` table (``anak_0_17`` weights kelurahan if present);
    ``initiatives`` an ``inisiatif`` table that local activities may link to.
    """
    rng = np.random.default_rng(seed)
    return number_activities(draw_activities(rng, n_rows, regions, initiatives, start, end, type_weights))


def draw_activities(
    rng: np.random.Generator,
    n: int,
    regions: pd.DataFrame,
    initiatives: pd.DataFrame | None,
    start: str | pd.Timestamp = ACTIVITY_START,
    end: str | pd.Timestamp = ACTIVITY_END,
    type_weights: dict[str, float] | None = None,
) -> dict[str, np.ndarray]:
    """Unnumbered, unsorted activity columns drawn with ``rng`` (plain arrays: fast at 1M rows)."""
    kelurahan = kelurahan_of(regions)
    source = type_weights if type_weights is not None else {t: k.weight for t, k in ACTIVITY_KINDS.items()}
    weights = np.array([source.get(t, 0.0) for t in ACTIVITY_TYPES], dtype=float)
    kind = rng.choice(len(ACTIVITY_TYPES), size=n, p=weights / weights.sum())
    place = _activity_places(rng, kind, kelurahan)
    judul, judul_en, blok, childrens_day = _activity_titles(rng, kind, place, kelurahan)
    dates = _activity_dates(rng, n, pd.Timestamp(start), pd.Timestamp(end))
    dates = _move_to_childrens_day(rng, dates, childrens_day, pd.Timestamp(start), pd.Timestamp(end))
    organisers = _activity_organisers(rng, kind)
    organisers[(place < 0) & np.isin(organisers, ["Kelurahan", "Kecamatan"])] = "DP3AKB"
    children, adults = _participants(rng, kind)
    codes = kelurahan["kode"].to_numpy(dtype=object)
    columns: dict[str, np.ndarray] = {
        "tanggal": dates,
        "jenis": TYPE_NAMES[kind],
        "judul": judul,
        "judul_en": judul_en,
        "kode_kelurahan": np.where(place >= 0, codes[np.maximum(place, 0)], np.array(None, dtype=object)),
        "penyelenggara": organisers,
        "peserta_anak": children,
        "peserta_dewasa": adults,
        "blok": blok,
        "id_inisiatif": np.full(n, None, dtype=object),
    }
    if initiatives is not None and len(initiatives):
        _link_initiatives(rng, columns, kind, place, kelurahan, initiatives)
    return columns


def number_activities(columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """Sort by date (stable) and give ids KEG-000001.. in that order, columns in spec order."""
    order = np.argsort(columns["tanggal"], kind="stable")
    numbers = np.char.zfill(np.arange(1, len(order) + 1).astype(str), 6)
    table = {"id": np.char.add("KEG-", numbers).astype(object)}
    table.update({name: values[order] for name, values in columns.items()})
    return pd.DataFrame(table)[[c.name for c in FILES["kegiatan"].columns]]


def _activity_dates(rng: np.random.Generator, n: int, start: pd.Timestamp, end: pd.Timestamp) -> np.ndarray:
    """Working days favoured; peaks before the mid-year evaluation and around 23 July; quiet December."""
    days = pd.date_range(start, end, freq="D")
    weight = MONTH_FACTOR[days.month - 1] * WEEKDAY_FACTOR[days.day_of_week]
    weight *= 1 + 0.08 * (days.year - 2023).to_numpy().clip(0)
    weight *= np.where(days.year.isin([2023, 2025]) & days.month.isin([5, 6]), 1.3, 1.0)
    weight *= np.where((days.month == 7) & (abs(days.day - 23) <= 5), 1.6, 1.0)
    return days.to_numpy().astype("datetime64[ns]")[rng.choice(len(days), size=n, p=weight / weight.sum())]


def _move_to_childrens_day(
    rng: np.random.Generator, dates: np.ndarray, rows_mask: np.ndarray, start: pd.Timestamp, end: pd.Timestamp
) -> np.ndarray:
    """Activities named after Hari Anak Nasional take place in the days around 23 July of their year."""
    rows = np.flatnonzero(rows_mask)
    years = dates[rows].astype("datetime64[Y]")
    moved = years + np.timedelta64(203, "D") + rng.integers(-10, 4, len(rows)).astype("timedelta64[D]")  # 23 Jul
    moved = moved.astype("datetime64[ns]")
    inside = (moved >= start.to_datetime64()) & (moved <= end.to_datetime64())
    dates = dates.copy()
    dates[rows[inside]] = moved[inside]
    return dates


def _activity_places(rng: np.random.Generator, kind: np.ndarray, kelurahan: pd.DataFrame) -> np.ndarray:
    """Index of the kelurahan per row, -1 for city-level rows."""
    city_share = np.array([k.city_share for k in KINDS])
    if "anak_0_17" in kelurahan and kelurahan["anak_0_17"].notna().all():
        weights = kelurahan["anak_0_17"].astype(float).to_numpy()
    else:
        weights = np.ones(len(kelurahan))
    place = rng.choice(len(kelurahan), size=len(kind), p=weights / weights.sum())
    return np.where(rng.random(len(kind)) < city_share[kind], -1, place)


def _activity_titles(
    rng: np.random.Generator, kind: np.ndarray, place: np.ndarray, kelurahan: pd.DataFrame
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Title, English title, blok and "is about Hari Anak Nasional" per row, from the type's templates."""
    judul = np.empty(len(kind), dtype=object)
    judul_en = np.empty(len(kind), dtype=object)
    blok = np.empty(len(kind), dtype=object)
    childrens_day = np.zeros(len(kind), dtype=bool)
    kel_names = kelurahan["nama"].to_numpy(dtype=object)
    kec_names = kelurahan["nama_kecamatan"].to_numpy(dtype=object)
    u = rng.random(len(kind))
    for code, spec in enumerate(KINDS):
        for local, templates in ((True, spec.local_titles), (False, spec.city_titles)):
            rows = np.flatnonzero((kind == code) & ((place >= 0) == local))
            if not len(rows):
                continue
            templates = templates or spec.city_titles or spec.local_titles
            chosen_template = _pick(u[rows], [w for *_, w in templates])
            for t, (text, block, _) in enumerate(templates):
                chosen = rows[chosen_template == t]
                at = np.maximum(place[chosen], 0)
                judul[chosen] = _fill(text, kel_names[at], kec_names[at])
                judul_en[chosen] = _fill(ACTIVITY_TITLES[text], kel_names[at], kec_names[at])
                blok[chosen] = block
                childrens_day[chosen] = CHILDRENS_DAY_WORDS in text
    return judul, judul_en, blok, childrens_day


def _pick(u: np.ndarray, weights: list[float]) -> np.ndarray:
    """Index into ``weights`` for each uniform number in ``u``."""
    cumulative = np.cumsum(weights) / sum(weights)
    return np.minimum(np.searchsorted(cumulative, u, side="right"), len(weights) - 1)


def _fill(text: str, kel: np.ndarray, kec: np.ndarray) -> np.ndarray | str:
    """``text`` with {kel} / {kec} replaced element-wise (one placeholder per template)."""
    for key, names in (("{kel}", kel), ("{kec}", kec)):
        if key in text:
            before, after = text.split(key, 1)
            return before + names + after
    return text


def _activity_organisers(rng: np.random.Generator, kind: np.ndarray) -> np.ndarray:
    organiser = np.empty(len(kind), dtype=object)
    u = rng.random(len(kind))
    for code, spec in enumerate(KINDS):
        rows = np.flatnonzero(kind == code)
        names = np.array([name for name, _ in spec.organisers], dtype=object)
        organiser[rows] = names[_pick(u[rows], [w for _, w in spec.organisers])]
    return organiser


def _participants(rng: np.random.Generator, kind: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Children and adults per row: log-normal around the type's median, some rows without children."""
    child_median, child_sigma, no_child = (np.array(v)[kind] for v in zip(*(k.children for k in KINDS)))
    adult_median, adult_sigma = (np.array(v)[kind] for v in zip(*(k.adults for k in KINDS)))
    n = len(kind)
    children = np.round(np.maximum(child_median, 1) * np.exp(rng.normal(0, 1, n) * child_sigma))
    children = np.where((rng.random(n) < no_child) | (child_median == 0), 0, np.clip(children, 1, 600))
    adults = np.clip(np.round(adult_median * np.exp(rng.normal(0, 1, n) * adult_sigma)), 1, 400)
    return children.astype(np.int64), adults.astype(np.int64)


def _link_initiatives(
    rng: np.random.Generator,
    columns: dict[str, np.ndarray],
    kind: np.ndarray,
    place: np.ndarray,
    kelurahan: pd.DataFrame,
    initiatives: pd.DataFrame,
) -> None:
    """Link some local activities to a fitting initiative running in the same kelurahan on that date.

    Forum Anak gatherings prefer the kelurahan's Forum Anak. A linked row takes the initiative's
    blok and a title naming it.
    """
    ini = initiatives.sort_values(["kode_kelurahan", "id"], kind="stable").reset_index(drop=True)
    ini_codes = ini["kode_kelurahan"].to_numpy(dtype=str)
    codes = kelurahan["kode"].to_numpy(dtype=str)
    first = np.searchsorted(ini_codes, codes, side="left")
    count = np.searchsorted(ini_codes, codes, side="right") - first
    n = len(kind)
    at = np.maximum(place, 0)
    candidate = first[at] + np.floor(rng.random(n) * count[at]).astype(np.int64)
    forum = _forum_anak_index(ini, codes)[at]
    prefer_forum = (kind == ACTIVITY_TYPES.index("forum anak")) & (forum >= 0) & (rng.random(n) < 0.75)
    candidate = np.where(prefer_forum, forum, candidate)
    prefix = np.array([k.link_prefix for k in KINDS], dtype=object)
    wanted = (place >= 0) & (count[at] > 0) & (rng.random(n) < LINK_SHARE) & (prefix[kind] != "")
    candidate = np.where(wanted, np.minimum(candidate, len(ini) - 1), 0)
    linked = wanted & _running_on(ini, candidate, columns["tanggal"]) & _type_fits(ini, candidate, kind)
    chosen = candidate[linked]
    columns["id_inisiatif"][linked] = ini["id"].to_numpy(dtype=object)[chosen]
    columns["blok"][linked] = ini["blok"].to_numpy(dtype=object)[chosen]
    names = ini["nama"].to_numpy(dtype=object)[chosen]
    columns["judul"][linked] = prefix[kind[linked]] + names
    prefix_en = np.array([LINK_PREFIXES.get(p, p) for p in prefix], dtype=object)
    columns["judul_en"][linked] = prefix_en[kind[linked]] + names


def _type_fits(ini: pd.DataFrame, rows: np.ndarray, kind: np.ndarray) -> np.ndarray:
    """Whether initiative ``rows[i]`` is of a type that activity type ``kind[i]`` may be linked to."""
    jenis = ini["jenis"].to_numpy(dtype=object)[rows]
    fits = np.ones(len(rows), dtype=bool)
    for code, spec in enumerate(KINDS):
        if spec.link_types:
            of_type = kind == code
            fits[of_type] = np.isin(jenis[of_type], spec.link_types)
    return fits


def _forum_anak_index(ini: pd.DataFrame, codes: np.ndarray) -> np.ndarray:
    """Per kelurahan, the row of its first Forum Anak initiative, or -1."""
    forum = ini[ini["jenis"] == "Forum Anak"].drop_duplicates("kode_kelurahan")
    rows = pd.Series(forum.index.to_numpy(), index=forum["kode_kelurahan"].to_numpy(dtype=str))
    return rows.reindex(codes).fillna(-1).astype(np.int64).to_numpy()


def _running_on(ini: pd.DataFrame, rows: np.ndarray, dates: np.ndarray) -> np.ndarray:
    """Whether initiative ``rows[i]`` had started, and not ended, on ``dates[i]``."""
    started = pd.to_datetime(ini["tanggal_mulai"]).to_numpy().astype("datetime64[ns]")[rows] <= dates
    ended = pd.to_datetime(ini["tanggal_selesai"]).to_numpy().astype("datetime64[ns]")[rows]
    not_ended = np.isnat(ended) | (ended >= dates)
    return started & not_ended & (ini["status"].to_numpy(dtype=object)[rows] != "rencana")


def make_kegiatan(rng: np.random.Generator, wilayah: pd.DataFrame, inisiatif: pd.DataFrame) -> pd.DataFrame:
    """About 3,000 records: monthly task-force meetings plus drawn activities, numbered by date."""
    meetings = task_force_meetings(rng)
    n = 3000 + int(rng.integers(-60, 61)) - len(meetings["tanggal"])
    drawn = draw_activities(rng, n, wilayah, inisiatif, type_weights=SAMPLE_WEIGHTS)
    return number_activities({name: np.concatenate([meetings[name], drawn[name]]) for name in drawn})
