"""Entry point: ``streamlit run dashboard.py``. Page config, language, and the page list.

Pages live in ``pages/`` as the user asked. ``st.navigation`` replaces Streamlit's legacy
auto-discovery of that folder (Streamlit 1.67 sets ``uses_pages_directory = False`` once
``st.navigation`` runs), so each page is listed once, in this order, with these URLs.
"""

import streamlit as st

from kla.i18n import t
from kla.ui.widgets import current_lang, language_selector

st.set_page_config(page_title="KLA Balikpapan", page_icon=":material/child_care:", layout="wide",
                   initial_sidebar_state="auto")

lang = current_lang()

PAGES = [
    # (file, title key, url path, icon); the first is the default page, served at "/".
    ("pages/ringkasan.py", "nav.ringkasan", "ringkasan", ":material/dashboard:"),
    ("pages/tren.py", "nav.tren", "tren", ":material/trending_up:"),
    ("pages/inisiatif.py", "nav.inisiatif", "inisiatif", ":material/volunteer_activism:"),
    ("pages/kegiatan.py", "nav.kegiatan", "kegiatan", ":material/event:"),
    ("pages/tentang.py", "nav.tentang", "tentang", ":material/info:"),
]
navigation = st.navigation([
    st.Page(path, title=t(title, lang), url_path=url, icon=icon, default=(i == 0))
    for i, (path, title, url, icon) in enumerate(PAGES)
])
st.sidebar.markdown(f"**{t('app.subjudul', lang)}**")
language_selector(lang)
navigation.run()
