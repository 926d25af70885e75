"""Ekspor paket media: many charts and maps, in press sizes and formats, as one ZIP with a README.

For DP3AKB staff preparing a press release. The choices sit in a form, so nothing is built until
"Buat ZIP". Each kit is built once per data version and choice and kept on disk (kla.press_cache):
the session keeps only where it is, so later reruns offer it again without rebuilding, and the
button reads the file only when clicked. A visitor may build a few kits in a few minutes
(kla.ui.unduh.LIMITS); past that, or when the server is busy, the page says so.
Without installed boundaries the kelurahan map is left out: the page says so, and how to install
them goes to the server log (kla.ui.geo.tell_admin). The kit's contents are listed by chart and
format, in words, not as file names.
"""

import streamlit as st

from kla import boundaries, catalog, mapdata, press_cache
from kla.export import FORMATS, PRESETS, ExportError
from kla.i18n import format_date, format_number, t
from kla.ratelimit import RateLimited
from kla.text import escape_markdown
from kla.ui.cache import cached_on_data
from kla.ui.data import dataset_or_stop
from kla.ui.geo import admin_hint, installed_boundaries, tell_admin
from kla.ui.sematan import embed_panel
from kla.ui.share import share_page
from kla.ui.unduh import build_kit, format_size, limit_text, session_guard, today_stamp, warm_up
from kla.ui.widgets import current_lang, sample_notice

KIT = "ekspor_paket"  # session_state: the last built kla.ui.unduh.Kit (where the ZIP is, not its bytes)
LATEST = 0  # the year choice "Terbaru": each chart its own latest year (not None: a selectbox would offer to clear it)


def load_boundaries():
    """(shapes, attribution); (None, None) with the reason shown when none are usable."""
    try:
        shapes = installed_boundaries()
        info = (boundaries.installed_info() or {}) if shapes is not None else {}
    except boundaries.BoundaryError as exc:
        st.warning(t("ekspor.halaman.batas_rusak", lang, pesan=escape_markdown(exc)), icon=":material/error:")
        return None, None
    if shapes is None:
        tell_admin(admin_hint(None))
        st.info(t("ekspor.halaman.tanpa_batas", lang), icon=":material/map:")
    return shapes, info.get("attribution")


def show_kit(kit) -> None:
    if not kit.path.is_file():  # pruned from the cache (newer versions came): build it again
        del st.session_state[KIT]
        return
    with st.container(border=True):
        st.download_button(t("ekspor.halaman.unduh", lang), kit.read, file_name=kit.name, mime="application/zip",
                           key="ekspor_unduh", type="primary", icon=":material/download:", on_click="ignore")
        when = f"{format_date(kit.built, lang)} {kit.built:%H.%M}"
        st.markdown(t("ekspor.halaman.ringkasan", lang, berkas=format_number(len(kit.files), 0, lang),
                      grafik=format_number(kit.charts, 0, lang), ukuran=format_size(kit.size, lang), waktu=when))
        if kit.sample:
            st.warning(t("ekspor.halaman.contoh", lang), icon=":material/science:")
        for label, reason in kit.skipped:
            st.error(t("ekspor.halaman.dilewati", lang, nama=escape_markdown(label), pesan=escape_markdown(reason)))
        with st.expander(t("ekspor.halaman.isi", lang)):
            st.markdown(kit_contents(kit.files))


def kit_contents(files) -> str:
    """The kit's files as "- Chart title: PNG, PDF, CSV (3 berkas)", one line per chart, in words."""
    names = sorted(catalog.CATALOG, key=len, reverse=True)  # the longest name first: "peta" after "peta_x"
    found: dict[str, list[str]] = {}
    for file in files:
        chart_name = next((n for n in names if file.startswith((n + ".", n + "_"))), None)
        if chart_name is not None:
            found.setdefault(chart_name, []).append(file.rsplit(".", 1)[-1].upper())
    return "\n".join(
        f"- {escape_markdown(catalog.CATALOG[n].label(lang))}: {', '.join(dict.fromkeys(kinds))} "
        f"({t('ekspor.halaman.isi.berkas', lang, n=format_number(len(kinds), 0, lang))})"
        for n, kinds in found.items())


lang = current_lang()
st.title(t("ekspor.halaman.judul", lang))
share_page(lang)
data = dataset_or_stop(lang)
sample_notice(data, lang)
st.markdown(t("ekspor.halaman.pengantar", lang))
warm_up()  # Chromium starts (about 3 s) in the background while the choices are made
shapes, attribution = load_boundaries()
names = catalog.available(catalog.Context(data, lang, boundaries=shapes))
years = sorted({int(y) for y in data.evaluasi_kota["tahun"].unique()}
               | {y for m in mapdata.METRICS for y in cached_on_data(mapdata.metric_years)(data, m)}, reverse=True)

with st.form("ekspor_form"):
    chosen = st.multiselect(t("ekspor.halaman.grafik", lang), names, default=names, key="ekspor_grafik",
                            format_func=lambda n: catalog.CATALOG[n].label(lang), select_all=False,
                            placeholder=t("pilih.banyak", lang))
    # Pills, not multiselects: few options, each visible with its state at a glance
    sizes = st.pills(t("ekspor.halaman.ukuran", lang), list(PRESETS), selection_mode="multi", default=["lanskap"],
                     key="ekspor_ukuran", format_func=lambda p: PRESETS[p].label(lang))
    formats = st.pills(t("ekspor.halaman.format", lang), FORMATS, selection_mode="multi", default=list(FORMATS),
                       key="ekspor_format", format_func=lambda f: t(f"ekspor.halaman.format.{f}", lang))
    left, right = st.columns(2)
    year = left.selectbox(t("ekspor.halaman.tahun", lang), [LATEST, *years], key="ekspor_tahun",
                          help=t("ekspor.halaman.tahun.bantuan", lang), placeholder=t("pilih.satu", lang),
                          format_func=lambda y: t("ekspor.halaman.tahun.terbaru", lang) if y == LATEST else str(y))
    metric = right.selectbox(t("ekspor.halaman.metrik", lang), list(mapdata.METRICS), key="ekspor_metrik",
                             placeholder=t("pilih.satu", lang),
                             format_func=lambda m: mapdata.metric_label(m, lang))
    labels = st.checkbox(t("ekspor.halaman.nama", lang), value=True, key="ekspor_nama", disabled=shapes is None)
    build = st.form_submit_button(t("ekspor.halaman.buat", lang), type="primary", icon=":material/folder_zip:")

if build:
    ctx = catalog.Context(data, lang, year=year or None, metric=metric, boundaries=shapes, attribution=attribution,
                          labels=labels)
    bar = st.progress(0.0, text=t("ekspor.halaman.buat", lang))
    try:
        session_guard("zip").limit.acquire()
        st.session_state[KIT] = build_kit(press_cache.shared(), chosen, ctx, [PRESETS[p] for p in sizes], formats,
                                          today_stamp(lang), progress=lambda done, text: bar.progress(done, text=text))
        bar.progress(1.0, text=t("ekspor.halaman.progres.selesai", lang, n=len(st.session_state[KIT].files)))
    except RateLimited as exc:
        bar.empty()
        st.info(limit_text(exc.limit, exc.window_s, exc.wait_s, lang), icon=":material/hourglass_top:")
    except press_cache.Busy:
        bar.empty()
        st.info(t("unduh.sibuk", lang), icon=":material/hourglass_top:")
    except ExportError as exc:
        bar.empty()
        st.error(t("ekspor.halaman.gagal", lang, pesan=escape_markdown(exc)), icon=":material/error:")

if KIT in st.session_state:
    show_kit(st.session_state[KIT])

st.divider()
embed_panel(lang, names)  # every chart of the catalogue as a static page to embed elsewhere
