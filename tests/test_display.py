"""Staff tables show numbers as the page's language writes them, and never a year as 2.025."""

import pandas as pd

from kla.desk.display import readable


def frame() -> pd.DataFrame:
    return pd.DataFrame({"tahun": [2025, 2023], "nama": ["Manggar", "Damai"], "sebelum": [1234.5, 862.26],
                         "selisih": [-2.5, 0.0], "jumlah": [1200, 3]})


def test_indonesian_separators_and_years_left_alone():
    shown = readable(frame(), "id")
    assert shown["tahun"].tolist() == [2025, 2023]
    assert shown["sebelum"].tolist() == ["1.234,5", "862,3"]
    assert shown["selisih"].tolist() == ["-2,5", "0,0"]
    assert shown["jumlah"].tolist() == ["1.200", "3"]
    assert shown["nama"].tolist() == ["Manggar", "Damai"]


def test_english_separators_and_column_names():
    shown = readable(frame(), "en")
    assert list(shown.columns) == ["year", "name", "before", "change", "jumlah"]
    assert shown["before"].tolist()[0] == "1,234.5"
    assert shown["change"].tolist() == ["-2.5", "0.0"]
