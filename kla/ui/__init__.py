"""The only part of ``kla`` that imports Streamlit: shared widgets and the dataset store."""
