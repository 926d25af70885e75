"""Tables of the staff pages as a person reads them: numbers in the page's language, years as years."""

from __future__ import annotations

import pandas as pd
from pandas.api import types

from kla.i18n import Lang, format_number

YEAR_COLUMNS = frozenset({"tahun"})
DECIMALS = 1
COLUMN_NAMES_EN = {"tahun": "year", "sebelum": "before", "sesudah": "after", "selisih": "change", "kode": "code",
                   "nama": "name", "kolom": "column", "blok": "block", "poin": "points"}


def readable(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """A copy with numbers as text in the language's format (1.234,5 / 1,234.5); text stays as it is."""
    shown = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        values = frame[column]
        if column in YEAR_COLUMNS or not types.is_numeric_dtype(values) or types.is_bool_dtype(values):
            shown[column] = values
        else:
            decimals = 0 if types.is_integer_dtype(values) else DECIMALS
            shown[column] = values.map(lambda x, d=decimals: format_number(x, d, lang))
    if lang == "en":
        shown = shown.rename(columns=COLUMN_NAMES_EN)
    return shown
