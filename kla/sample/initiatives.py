"""``inisiatif``: Forum Anak in every kelurahan, the real named services (curated), invented community ones.

Where a source gives no kelurahan for a real service, its place is illustrative and the
description says so; start dates without a published date are illustrative too
(``facts/inisiatif_nyata.csv`` says which). Statuses and dates of invented ones are drawn.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kla.sample import curated
from kla.sample import english as en
from kla.sample.initiative_kinds import INVENTED_KINDS, InitiativeKind
from kla.sample.regions import kelurahan_of, tier_of
from kla.sample.timeline import random_dates

LOCATION_NOTE = " (lokasi kelurahan ilustratif)"
FORUM_ANAK_TEXT = "Wadah partisipasi anak tingkat kelurahan dengan pertemuan rutin dan keterlibatan dalam Musrenbang"
LAST_END = pd.Timestamp("2026-10-31")  # an ended initiative ended before the sample's "today"


def make_inisiatif(rng: np.random.Generator, wilayah: pd.DataFrame) -> pd.DataFrame:
    """About 150 initiatives: Forum Anak in every kelurahan, the real named ones, invented community ones."""
    kelurahan = kelurahan_of(wilayah)
    rows = _forum_anak_rows(rng, kelurahan) + _named_rows(kelurahan)
    for kind in INVENTED_KINDS:
        rows += _invented_rows(rng, kind, kelurahan)
    table = pd.DataFrame(rows)
    table.insert(0, "id", [f"INI-{i:04d}" for i in range(1, len(table) + 1)])
    table["lat"] = np.nan
    table["lon"] = np.nan
    for column in ("tanggal_mulai", "tanggal_selesai"):
        table[column] = pd.to_datetime(table[column])
    return table


def _row(nama, jenis, kode, blok, jenis_mitra, nama_mitra, status, mulai, selesai, deskripsi, deskripsi_en) -> dict:
    return {"nama": nama, "jenis": jenis, "kode_kelurahan": kode, "blok": blok, "jenis_mitra": jenis_mitra,
            "nama_mitra": nama_mitra, "status": status, "tanggal_mulai": mulai, "tanggal_selesai": selesai,
            "deskripsi": deskripsi.rstrip(".") + ".", "deskripsi_en": deskripsi_en.rstrip(".") + "."}


def _forum_anak_rows(rng: np.random.Generator, kelurahan: pd.DataFrame) -> list[dict]:
    starts = random_dates(rng, "2019-01-01", "2025-04-30", len(kelurahan))
    notes = curated.forum_anak_notes()
    rows = []
    for (_, kel), start in zip(kelurahan.iterrows(), starts):
        note, note_en = notes.get(kel["nama"], ("", ""))
        text = FORUM_ANAK_TEXT + (f", {note}" if note else "")
        text_en = en.INITIATIVE_TEXTS[FORUM_ANAK_TEXT] + (f"; {note_en}" if note_en else "")
        rows.append(_row(f"Forum Anak Kelurahan {kel['nama']}", "Forum Anak", kel["kode"], "K1", "forum anak",
                         f"Forum Anak {kel['nama_kecamatan']}", "berjalan", start, None, text, text_en))
    return rows


def _named_rows(kelurahan: pd.DataFrame) -> list[dict]:
    codes = dict(zip(kelurahan["nama"], kelurahan["kode"]))
    named = curated.named_initiatives()
    unknown = sorted(set(named["kelurahan"]) - set(codes))
    if unknown:
        raise ValueError(f"inisiatif_nyata.csv: kelurahan tidak ada di wilayah.csv: {unknown}")
    rows = []
    for item in named.itertuples(index=False):
        text = item.deskripsi if item.lokasi_pasti else item.deskripsi + LOCATION_NOTE
        text_en = item.deskripsi_en if item.lokasi_pasti else item.deskripsi_en + en.LOCATION_NOTE
        rows.append(_row(item.nama, item.jenis, codes[item.kelurahan], item.blok, item.jenis_mitra, item.nama_mitra,
                         item.status, item.tanggal_mulai, item.tanggal_selesai, text, text_en))
    return rows


def _invented_rows(rng: np.random.Generator, kind: InitiativeKind, kelurahan: pd.DataFrame) -> list[dict]:
    places = _pick_kelurahan(rng, kelurahan, kind.count)
    words = list(rng.permutation(np.array(kind.words, dtype=object))) if kind.words else [""]
    rows = []
    for i, k in enumerate(places):
        kel = kelurahan.iloc[k]
        variant = kind.variants[i % len(kind.variants)]
        fill = {"kel": kel["nama"], "kec": kel["nama_kecamatan"], "n": int(rng.integers(1, 60)),
                "w": words[i % len(words)], "school": _school_name(rng, kel["nama_kecamatan"])}
        mitra_jenis, mitra = variant.partners[int(rng.integers(len(variant.partners)))]
        status = "rencana" if variant.planned else _draw_status(rng, kind.planned_share)
        start, end = _status_dates(rng, status)
        text = variant.text
        if status == "terhenti":
            text = kind.stop_reasons[int(rng.integers(len(kind.stop_reasons)))]
        rows.append(_row(variant.name.format(**fill), kind.jenis, kel["kode"], variant.blok or kind.blok, mitra_jenis,
                         mitra.format(**fill), status, start, end, text, en.INITIATIVE_TEXTS[text]))
    return rows


def _pick_kelurahan(rng: np.random.Generator, kelurahan: pd.DataFrame, count: int) -> np.ndarray:
    """Distinct kelurahan (while possible), more likely where there are more children and services."""
    tier_weight = {"tinggi": 1.3, "sedang": 1.0, "rendah": 0.6}
    tiers = np.array([tier_weight[t] for t in tier_of(kelurahan)])
    weights = kelurahan["anak_0_17"].astype(float).to_numpy() * tiers
    return rng.choice(len(kelurahan), size=count, replace=count > len(kelurahan), p=weights / weights.sum())


def _school_name(rng: np.random.Generator, kecamatan: str) -> str:
    """A school named the way Balikpapan names them: SD per kecamatan, SMP and SMA city-wide."""
    level = rng.random()
    if level < 0.55:
        return f"SD Negeri {int(rng.integers(1, 40)):03d} {kecamatan}"
    if level < 0.85:
        return f"SMP Negeri {int(rng.integers(1, 27))} Balikpapan"
    return f"SMA Negeri {int(rng.integers(1, 10))} Balikpapan"


def _draw_status(rng: np.random.Generator, planned_share: float) -> str:
    rest = 1 - planned_share
    shares = [planned_share, rest * 0.68, rest * 0.2, rest * 0.12]  # rencana, berjalan, selesai, terhenti
    return str(rng.choice(["rencana", "berjalan", "selesai", "terhenti"], p=shares))


def _status_dates(rng: np.random.Generator, status: str) -> tuple[pd.Timestamp, pd.Timestamp | None]:
    """Start and end date consistent with the status as of the sample's today."""
    if status == "rencana":
        return random_dates(rng, "2026-12-01", "2027-06-30", 1)[0], None
    if status == "berjalan":
        return random_dates(rng, "2019-01-01", "2026-09-30", 1)[0], None
    start = random_dates(rng, "2019-03-01", "2025-06-30", 1)[0]
    days = rng.integers(90, 540) if status == "selesai" else rng.integers(120, 720)
    return start, min(start + pd.Timedelta(days=int(days)), LAST_END)
