"""URL-backed widgets (kla/ui/widgets.py) that Streamlit binds to the query string itself."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from streamlit.testing.v1 import AppTest

from kla.ui.widgets import table_shown


def _search_page() -> None:
    import streamlit as st

    from kla.ui.widgets import url_text

    st.markdown(f"dicari: [{url_text('Cari', 'q')}]")


def _run(query: dict[str, str]) -> AppTest:
    at = AppTest.from_function(_search_page)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def test_a_link_with_search_text_opens_with_that_text():
    at = _run({"q": "forum anak"})
    assert at.text_input(key="q").value == "forum anak"
    assert at.markdown[0].value == "dicari: [forum anak]"


def test_without_the_parameter_the_search_is_empty():
    at = _run({})
    assert at.text_input(key="q").value == ""
    assert at.markdown[0].value == "dicari: []"


def test_the_search_box_is_bound_to_its_parameter_so_the_browser_writes_the_link():
    """Streamlit's frontend keeps ``?q=`` in step with the box (and drops it when empty) for a bound widget."""
    at = _run({})
    assert at.text_input(key="q").proto.query_param_key == "q"


# --- a table cell without a value (Streamlit would draw "None") -----------------------------------


def test_missing_cells_are_shown_as_a_dash_and_the_rest_as_the_page_writes_it():
    table = pd.DataFrame({"nama": ["A", None], "skor": [817.0, None], "jumlah": [3, 4],
                          "selesai": pd.to_datetime(["2024-08-31", None]),
                          "sumber": ["https://contoh.id/a", None]})
    config = {"skor": st.column_config.NumberColumn("Skor"), "selesai": st.column_config.DateColumn("Selesai"),
              "sumber": st.column_config.LinkColumn("Sumber"), "nama": "Nama"}
    shown, shown_config = table_shown(table, config, "id")
    assert shown["nama"].tolist() == ["A", "–"]
    assert shown["skor"].tolist() == ["817", "–"] and shown_config["skor"] == "Skor"
    assert shown["selesai"].tolist() == ["31/08/2024", "–"] and shown_config["selesai"] == "Selesai"
    assert shown["sumber"].tolist() == ["https://contoh.id/a", ""]  # still a link column: empty, no link
    assert shown_config["sumber"] == config["sumber"]
    assert shown["jumlah"].tolist() == [3, 4]  # nothing missing: untouched
    assert not shown.isna().any().any()
    decimals, _ = table_shown(pd.DataFrame({"x": [1.5, None]}), {}, "id")
    assert decimals["x"].tolist() == ["1,5", "–"]
    days, _ = table_shown(pd.DataFrame({"d": [dt.date(2025, 1, 2), None]}), {}, "en")
    assert days["d"].tolist() == ["02/01/2025", "–"]
