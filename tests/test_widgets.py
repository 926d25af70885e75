"""URL-backed widgets (kla/ui/widgets.py) that Streamlit binds to the query string itself."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


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
