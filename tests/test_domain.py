"""kla.domain: the bands fit together and the helpers state them as the strings need."""

import pandas as pd

from kla import domain


def test_bands_are_contiguous_from_0_to_the_maximum():
    bands = domain.CATEGORIES
    assert bands[0].low == 0 and bands[-1].high == domain.MAX_SCORE
    assert all(lower.high == upper.low for lower, upper in zip(bands, bands[1:]))
    assert domain.category("Paripurna").low == domain.PARIPURNA_MIN
    assert domain.CATEGORY_NAMES == ("Pratama", "Madya", "Nindya", "Utama", "Paripurna")


def test_thresholds_as_text():
    assert domain.band_range("Utama") == "801–900"
    assert domain.band_range("Paripurna", ".") == "901–1.000"
    assert domain.lower_thresholds() == "Pratama ≥ 500, Madya ≥ 601, Nindya ≥ 701, Utama ≥ 801, Paripurna ≥ 901"


def test_block_maxima_in_block_order_with_0_for_an_empty_block():
    indikator = pd.DataFrame({"blok": ["K1", "KL", "K1"], "max_poin": [10.0, 5.0, 2.5]})
    maxima = domain.block_maxima(indikator)
    assert list(maxima.index) == list(domain.BLOCKS)
    assert maxima.tolist() == [5.0, 12.5, 0.0, 0.0, 0.0, 0.0]
