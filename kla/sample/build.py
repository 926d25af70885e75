"""The whole sample: every data file from one seed, and writing them into a data folder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from kla.loading import LoadResult, csv_bytes, replace_folder_files
from kla.sample.activities import make_kegiatan
from kla.sample.city import make_evaluasi_kota, make_indikator, make_kategori_resmi
from kla.sample.initiatives import make_inisiatif
from kla.sample.kelurahan_scores import make_skor_kelurahan
from kla.sample.regions import make_wilayah
from kla.sample.roadmap import make_peta_jalan
from kla.sample.sources import make_sumber
from kla.schema import FILES


def generate(seed: int = 2025) -> dict[str, pd.DataFrame]:
    """All data files for ``seed``, one DataFrame per name in :data:`kla.schema.FILES`, in spec order.

    The tables are made in a fixed order from one generator: changing the order changes the data.
    """
    rng = np.random.default_rng(seed)
    wilayah = make_wilayah(rng)
    indikator = make_indikator()
    evaluasi = make_evaluasi_kota(rng, indikator)
    skor = make_skor_kelurahan(rng, wilayah, indikator)
    inisiatif = make_inisiatif(rng, wilayah)
    kegiatan = make_kegiatan(rng, wilayah, inisiatif)
    tables = {
        "indikator": indikator,
        "evaluasi_kota": evaluasi,
        "kategori_resmi": make_kategori_resmi(),
        "skor_kelurahan": skor,
        "inisiatif": inisiatif,
        "kegiatan": kegiatan,
        "peta_jalan": make_peta_jalan(rng, indikator, evaluasi),
        "wilayah": wilayah,
        "sumber": make_sumber(seed),
    }
    return {name: tables[name][[c.name for c in spec.columns]] for name, spec in FILES.items()}


def sample_files(seed: int = 2025) -> dict[str, bytes]:
    """The bytes of every data file for ``seed``, by file name (``wilayah.csv``...)."""
    return {f"{name}.csv": csv_bytes(table) for name, table in generate(seed).items()}


def write_sample(folder: Path, seed: int = 2025) -> LoadResult:
    """Write every sample file into ``folder`` (all or nothing, validated first)."""
    return replace_folder_files(Path(folder), sample_files(seed))
