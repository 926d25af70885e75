"""``peta_jalan``: ILLUSTRATIVE targets per block for the next rounds, beyond the Paripurna line."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kla.sample.points import fix_residual
from kla.sample.timeline import EVALUATION_YEARS, ROADMAP_YEARS
from kla.schema import BLOCKS

ROADMAP_TOTAL_RANGE = {2027: (905.0, 915.0), 2029: (935.0, 950.0)}


def make_peta_jalan(rng: np.random.Generator, indikator: pd.DataFrame, evaluasi: pd.DataFrame) -> pd.DataFrame:
    """Targets for the next rounds: the gain over the latest round is spread over blocks by their headroom."""
    block_max = (indikator.groupby("blok")["max_poin"].sum().reindex(BLOCKS) * 10).round().astype(np.int64)
    latest = evaluasi[evaluasi["tahun"] == max(EVALUATION_YEARS)]
    codes_to_block = indikator.set_index("kode")["blok"]
    by_block = latest.groupby(latest["kode_indikator"].map(codes_to_block))["poin"].sum()
    current = (by_block.reindex(BLOCKS) * 10).round()
    rows = []
    for year in ROADMAP_YEARS:
        total = int(round(rng.uniform(*ROADMAP_TOTAL_RANGE[year]) * 10))
        headroom = block_max.to_numpy() - current.to_numpy()
        gain = headroom * (total - current.sum()) / headroom.sum()
        tenths = np.minimum(np.round(current.to_numpy() + gain), block_max.to_numpy()).astype(np.int64)
        tenths = fix_residual(tenths, block_max.to_numpy(), total)
        rows.append({"tahun": year, "blok": "TOTAL", "target_poin": total / 10})
        rows += [{"tahun": year, "blok": b, "target_poin": t / 10} for b, t in zip(BLOCKS, tenths)]
    return pd.DataFrame(rows)
