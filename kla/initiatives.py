"""Initiative records: joined to their kelurahan and kecamatan, and filtered as the pages ask."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def with_region_names(table: pd.DataFrame, kelurahan: pd.DataFrame, city_label: str = "Tingkat kota") -> pd.DataFrame:
    """Add nama_kelurahan, kode_kecamatan and nama_kecamatan from the region table.

    Rows without a kelurahan code are city-wide and get ``city_label`` as their kelurahan name.
    """
    regions = kelurahan.set_index("kode")
    out = table.copy()
    # An activity log repeats a few dozen codes up to a million times: look each code up once.
    codes, distinct = pd.factorize(out["kode_kelurahan"])
    found = regions.reindex(distinct)

    def spread(column: str) -> pd.Series:
        # an extra missing value at the end: code -1 (no kelurahan, a city-wide row) picks it
        values = np.append(found[column].to_numpy(dtype=object), [None])
        return pd.Series(values[codes], index=out.index, dtype=regions[column].dtype)

    out["nama_kelurahan"] = spread("nama").fillna(city_label)
    out["kode_kecamatan"] = spread("kode_induk")
    out["nama_kecamatan"] = spread("nama_kecamatan").fillna(city_label)
    return out


def initiative_table(inisiatif: pd.DataFrame, kelurahan: pd.DataFrame) -> pd.DataFrame:
    return with_region_names(inisiatif, kelurahan).sort_values("id").reset_index(drop=True)


def filter_initiatives(
    table: pd.DataFrame,
    types: Sequence[str] = (),
    partners: Sequence[str] = (),
    kecamatan: Sequence[str] = (),
    statuses: Sequence[str] = (),
    query: str = "",
) -> pd.DataFrame:
    """Rows matching every non-empty filter; ``query`` searches names, partner, place and text."""
    keep = pd.Series(True, index=table.index)
    for column, wanted in (("jenis", types), ("jenis_mitra", partners),
                           ("kode_kecamatan", kecamatan), ("status", statuses)):
        if wanted:
            keep &= table[column].isin(list(wanted))
    if query.strip():
        searched = [c for c in ("nama", "nama_mitra", "nama_kelurahan", "deskripsi", "deskripsi_en") if c in table]
        haystack = table[searched].fillna("").astype(str).agg(" ".join, axis=1)  # either language's description
        keep &= haystack.str.casefold().str.contains(query.strip().casefold(), regex=False)
    return table[keep].reset_index(drop=True)
