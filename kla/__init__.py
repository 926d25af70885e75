"""Logic of the Balikpapan KLA dashboard: pure functions, no Streamlit (except ``kla.ui``)."""

__version__ = "0.1.0"
