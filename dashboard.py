"""Entry point: page config, language, and the page list.

Start it with ``python -m kla serve`` or a plain ``streamlit run dashboard.py``: both serve the
same app. Pages live in ``pages/`` as the user asked; ``st.navigation`` replaces Streamlit's legacy
auto-discovery of that folder, but Streamlit 1.67 only learns that after the first script run.

This file is used two ways. The server *imports* it (as the module ``dashboard``): ``streamlit run``
finds the module-level ``app = st.App(...)`` below and serves it, and that app's lifespan
(kla/ui/serve.py) switches the legacy ``pages/`` mode off and starts the warm-up before the first
visitor, so even a deep link such as ``/peta`` as the first request of a fresh server gets this
page list and page configuration. Every visitor's script run *executes* the file as ``__main__``:
the page code, never a second app. Only light modules are imported for the app, so the server
answers before pandas and plotly are loaded (the warm-up loads them meanwhile).
"""

from pathlib import Path

import streamlit as st

from kla.ui import serve

PAGES = [
    # (file, title key, url path, icon); the first is the default page, served at "/".
    ("pages/ringkasan.py", "nav.ringkasan", "ringkasan", ":material/dashboard:"),
    ("pages/tren.py", "nav.tren", "tren", ":material/trending_up:"),
    ("pages/inisiatif.py", "nav.inisiatif", "inisiatif", ":material/volunteer_activism:"),
    ("pages/kegiatan.py", "nav.kegiatan", "kegiatan", ":material/event:"),
    ("pages/peta.py", "nav.peta", "peta", ":material/map:"),
    ("pages/kelurahan.py", "nav.kelurahan", "kelurahan", ":material/location_city:"),
    ("pages/rapat.py", "nav.rapat", "rapat", ":material/co_present:"),
    ("pages/ekspor.py", "nav.ekspor", "ekspor", ":material/download:"),
    ("pages/tentang.py", "nav.tentang", "tentang", ":material/info:"),
]
# Staff pages (kla.ui.auth): in the menu only for signed-in staff. For everyone else they stay
# registered but hidden, so a direct link shows the page's sign-in prompt and nothing else.
STAFF_PAGES = [
    ("pages/kelola_unggah.py", "nav.kelola.unggah", "kelola", ":material/upload_file:"),
    ("pages/kelola_catat.py", "nav.kelola.catat", "kelola-catat", ":material/edit_note:"),
    ("pages/kelola_pratinjau.py", "nav.kelola.pratinjau", "kelola-pratinjau", ":material/preview:"),
    ("pages/kelola_riwayat.py", "nav.kelola.riwayat", "kelola-riwayat", ":material/history:"),
    ("pages/kelola_audit.py", "nav.kelola.audit", "kelola-audit", ":material/policy:"),
]

if __name__ != "__main__":  # imported by the server: the app, nothing of a page
    app = st.App(__file__, lifespan=serve.lifespan)
else:  # a visitor's script run
    from kla import config
    from kla.i18n import t
    from kla.ui import streamlit_patches  # noqa: F401  (applied on import: visitors cannot clear the caches)
    from kla.ui.auth import current_staff
    from kla.ui.share import begin_page, draw_pending
    from kla.ui.widgets import (
        current_lang,
        language_selector,
        new_run,
        page_style,
        preload_plotly,
        unknown_page_notice,
        widget_texts,
    )

    # A local icon: a Material icon here makes Streamlit fetch the favicon from Google Fonts.
    FAVICON = Path(__file__).parent / "static" / "favicon.png"
    st.set_page_config(page_title="KLA Balikpapan", page_icon=str(FAVICON), layout="wide",
                       initial_sidebar_state="auto")

    lang = current_lang()
    new_run()
    page_style()

    # KLA_ROLE (kla.config): a public replica registers no staff page at all (a staff URL is "not found");
    # the admin instance runs under /kelola/ (its own base path), the staff pages first, Unggah at its root.
    role = config.role()
    admin = role == config.ROLE_ADMIN
    public = [
        st.Page(path, title=t(title, lang), url_path=url, icon=icon, default=(i == 0 and not admin))
        for i, (path, title, url, icon) in enumerate(PAGES)
    ]
    sections = {"": public}
    if role != config.ROLE_PUBLIC:
        visibility = "visible" if admin or current_staff() is not None else "hidden"
        staff = [
            st.Page(path, title=t(title, lang), url_path=url.removeprefix("kelola-") if admin else url, icon=icon,
                    visibility=visibility, default=(i == 0 and admin))
            for i, (path, title, url, icon) in enumerate(STAFF_PAGES)
        ]
        staff_section = {t("nav.kelola", lang): staff}
        sections = {**staff_section, **sections} if admin else {**sections, **staff_section}
    default_page = staff[0] if admin else public[0]
    navigation = st.navigation(sections, expanded=True)  # no "View 4 more"
    begin_page(navigation)  # the page's path and title for its "Bagikan" controls (kla.ui.share)
    st.sidebar.markdown(f"**{t('app.subjudul', lang)}**")
    lang = language_selector(lang)  # the language just chosen: widget texts and <html lang> follow it
    widget_texts(lang)  # Streamlit's own widget texts in the page's language (empty elements: no gap)
    preload_plotly()  # last in the sidebar: its empty element adds no gap where anyone looks
    unknown_page_notice(default_page.title, lang)  # a URL path no page has: said here, above the default page
    navigation.run()
    draw_pending()  # "Bagikan" links from the URL as the page left it, every choice written
