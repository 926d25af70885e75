"""Rapat: the Gugus Tugas meeting on a projector, five views in a fixed order, no filters needed.

``?view=posisi|poin|kelurahan|sejak|tindak`` and ``?sejak=&sampai=`` (dates) keep the place, so
a link opens the same screen. Numbers come from kla.meeting (the Ringkasan functions).
"""

import datetime as dt
import json

import streamlit as st

from kla import boundaries, brief, charts, meeting, press_cache, provenance, scoring
from kla.i18n import format_number, format_signed, t
from kla.text import escape_markdown
from kla.ui.cache import cached, cached_on_data
from kla.ui.data import dataset_or_stop
from kla.ui.geo import installed_boundaries
from kla.ui.unduh import session_guard, show_notice
from kla.ui.widgets import change_metric, current_lang, link_notice, link_value, url_date_range
from kla.views import SHORTFALL_TOP

PROJECTOR_CSS = """<style>
section[data-testid="stSidebar"], header[data-testid="stHeader"] {display: none;}
.block-container {max-width: 100%; padding: 1rem 2.5rem 2rem;}
h1 {font-size: 2.4rem !important; padding-top: 0 !important;}
h3 {font-size: 1.7rem !important;}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {font-size: 3.2rem !important; font-weight: 700;}
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {font-size: 1.3rem !important;}
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] * {font-size: 1.3rem !important;}
[data-testid="stMetric"] {gap: .2rem;}
[data-testid="stMarkdownContainer"] p {font-size: 1.4rem; line-height: 1.45;}
[data-testid="stTable"] td, [data-testid="stTable"] th {font-size: 1.2rem; padding: .35rem .7rem;}
</style>"""
KEYS_JS = """<script>
const doc = window.parent.document;
doc.__klaRapatLabels = LABELS;
if (!doc.__klaRapatKeys) {
  doc.__klaRapatKeys = true;
  doc.addEventListener("keydown", (e) => {
    const tag = (e.target.tagName || "").toUpperCase();
    if (["INPUT", "TEXTAREA", "SELECT"].includes(tag) || e.target.isContentEditable) return;
    const label = {ArrowRight: doc.__klaRapatLabels.next, ArrowLeft: doc.__klaRapatLabels.prev}[e.key];
    const button = label && [...doc.querySelectorAll("button")].find((b) => b.innerText.trim() === label);
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  });
}
</script>"""

lang = current_lang()
st.markdown(PROJECTOR_CSS, unsafe_allow_html=True)
data = dataset_or_stop(lang)
n = lambda x, d=1: format_number(x, d, lang)  # noqa: E731

views = list(meeting.VIEWS)
asked_view = st.query_params.get("view")
view = asked_view if asked_view in views else views[0]
if asked_view is not None and asked_view != view:
    link_notice("url.tidak_dikenal", nilai=link_value("view", asked_view),
                pakai=escape_markdown(t("rapat.view." + view, lang)))
    st.query_params.pop("view")
step = views.index(view)


def go_to(target: str) -> None:
    st.query_params["view"] = target


top = st.columns([4, 1.4, 1.4, 2.2], vertical_alignment="center")
top[0].title(t("rapat.view." + view, lang))
about = provenance.describe(data, meeting.FILES, lang)
top[0].caption(f"{t('rapat.judul', lang)} · {t('rapat.langkah', lang, i=step + 1, n=len(views))}"
               + (f" · **{t('contoh.label', lang)}**: {t('contoh.singkat', lang)}" if about.sample else "")
               + (f" · {about.version}" if about.version else ""))
top[0].page_link("pages/ringkasan.py", label=t("rapat.keluar", lang), icon=":material/close:")  # the sidebar is hidden
top[1].button(t("rapat.sebelumnya", lang), disabled=step == 0, on_click=go_to, args=(views[max(step - 1, 0)],),
              width="stretch")
top[2].button(t("rapat.berikutnya", lang), disabled=step == len(views) - 1, type="primary", on_click=go_to,
              args=(views[min(step + 1, len(views) - 1)],), width="stretch")
tabs = top[3].segmented_control(" ", views, default=view, format_func=lambda v: str(views.index(v) + 1),
                                label_visibility="collapsed", key=f"rapat_langkah_{view}")
if tabs and tabs != view:
    go_to(tabs)
    st.rerun()
# fixed text only (button labels from kla/strings): st.iframe runs it with access to the page
st.iframe(KEYS_JS.replace("LABELS", json.dumps({"next": t("rapat.berikutnya", lang),
                                                "prev": t("rapat.sebelumnya", lang)})), height=1)
pos = cached_on_data(meeting.position)(data)
window_default = meeting.default_window(data)
first_day = data.kegiatan["tanggal"].min().date()


def taller(chart, height: int) -> dict:
    """The chart's figure at ``height`` px, as a copy: cached charts are shared and never changed."""
    figure = chart.figure.to_dict()
    figure["layout"]["height"] = height
    return figure


def table(frame, columns: dict[str, str]) -> None:
    """A large-type table (HTML, CSS-sized) of preformatted text.

    st.table renders every cell as Markdown (with LaTeX): each cell is escaped, so data text stays text.
    """
    cells = frame[list(columns)].reset_index(drop=True).astype(object)
    cells = cells.where(cells.notna(), "").map(escape_markdown)
    st.table(cells.rename(columns=columns))


if view == "posisi":
    cols = st.columns(4)
    change_metric(cols[0], t("rapat.skor", lang, tahun=pos.tahun), n(pos.skor), pos.perubahan, lang)
    cols[1].metric(t("kategori", lang), pos.kategori)
    cols[2].metric(t("rapat.ke_paripurna", lang), n(pos.ke_paripurna))
    cols[3].metric(t("rapat.target", lang, tahun=pos.target_tahun) if pos.target else t("rapat.target.tidak_ada", lang),
                   n(pos.target) if pos.target else "–")
    if pos.target is not None:
        st.markdown(t("rapat.posisi.kalimat", lang, kategori=pos.kategori, skor=n(pos.skor), tahun=pos.tahun,
                      kurang=n(pos.ke_paripurna), target_tahun=pos.target_tahun, target=n(pos.target)))
    trend = cached(charts.total_trend)(scoring.city_totals(data.evaluasi_kota), data.kategori_resmi, data.peta_jalan,
                               **provenance.chart_labels(data, provenance.CITY_TREND, lang), lang=lang)
    st.plotly_chart(taller(trend, 430), config={"displayModeBar": False}, key="rapat_tren")

elif view == "poin":
    ranking = cached_on_data(meeting.shortfalls)(data, pos.tahun)
    needed = meeting.indicators_for_paripurna(ranking)
    left, right = st.columns([3, 2])
    with left:
        bar = cached(charts.shortfall_bar)(ranking, top_n=SHORTFALL_TOP, year=pos.tahun,
                                           **provenance.chart_labels(data, provenance.CITY_POINTS, lang), lang=lang)
        st.plotly_chart(taller(bar, 560), config={"displayModeBar": False}, key="rapat_poin")
    with right:
        st.markdown(t("rapat.poin.kalimat", lang, n=needed, total=n(ranking.loc[needed - 1, "total_proyeksi"]))
                    if needed else t("rapat.poin.tidak_cukup", lang))
        st.subheader(t("rapat.andai.judul", lang))
        label = dict(zip(ranking["kode"], ranking["kode"] + " · " + ranking["nama_singkat"]))
        chosen = st.multiselect(t("rapat.andai.pilih", lang), list(label), default=list(ranking["kode"][:needed or 3]),
                                format_func=label.get, key="rapat_andai")
        maxima = ranking.set_index("kode")["max_poin"]
        result_box = st.container()  # the answer above the inputs, where the room looks first
        inputs = st.columns(3)
        raised = {k: inputs[i % 3].number_input(t("rapat.andai.poin", lang, kode=k, maks=n(maxima[k])), 0.0,
                                                float(maxima[k]), float(maxima[k]), 0.5, key=f"andai_{k}")
                  for i, k in enumerate(chosen)}
        result = meeting.what_if(data, pos.tahun, raised)
        result_box.markdown(t("rapat.andai.kalimat", lang, total=n(result.total_proyeksi),
                              naik=format_signed(result.total_proyeksi - result.total_awal, 1, lang),
                              kategori=result.kategori_proyeksi, kurang=n(result.kurang_ke_paripurna)))

elif view == "kelurahan":
    movers = cached_on_data(meeting.kelurahan_movers)(data)
    left, right = st.columns([2, 3])
    with left:
        st.subheader(t("rapat.kel.terendah", lang, tahun=movers.tahun))
        table(movers.terendah.assign(skor=[n(v) for v in movers.terendah["total"]]),
              {"nama": t("kelurahan", lang), "nama_kecamatan": t("kecamatan", lang),
               "skor": t("rapat.kolom.skor", lang)})
        st.subheader(t("rapat.kel.naik", lang, tahun=movers.tahun_sebelumnya))
        table(movers.naik.assign(skor=[n(v) for v in movers.naik["total"]],
                                 naik=[format_signed(v, 1, lang) for v in movers.naik["perubahan"]]),
              {"nama": t("kelurahan", lang), "skor": t("rapat.kolom.skor", lang),
               "naik": t("rapat.kolom.perubahan", lang)})
    with right:
        shapes = installed_boundaries()
        chart = brief.map_chart(data, movers.tahun, lang, shapes,
                                (boundaries.installed_info() or {}).get("attribution"))
        st.plotly_chart(taller(chart, 600), config={"displayModeBar": False}, key="rapat_peta")

elif view == "sejak":
    start, end = url_date_range(t("rapat.sejak.rentang", lang), "sejak", "sampai", window_default,
                                (first_day, meeting.log_end(data)))
    window = meeting.since(data, start, end)
    cols = st.columns(4)
    for col, key, value in zip(cols, ("kegiatan", "anak", "dewasa", "inisiatif"),
                               (window.kegiatan, window.peserta_anak, window.peserta_dewasa,
                                len(window.inisiatif_baru))):
        col.metric(t(f"rapat.sejak.{key}", lang), n(value, 0))
    counts = {"kegiatan": t("rapat.kolom.kegiatan", lang), "anak": t("rapat.kolom.anak", lang),
              "dewasa": t("rapat.kolom.dewasa", lang)}
    left, right = st.columns(2)
    for where, frame, key, first in ((left, window.per_jenis, "per_jenis", "jenis"),
                                     (right, window.per_penyelenggara, "per_penyelenggara", "penyelenggara")):
        with where:
            st.subheader(t(f"rapat.sejak.{key}", lang))
            shown = frame.assign(kegiatan=[n(v, 0) for v in frame["kegiatan"]],
                                 anak=[n(v, 0) for v in frame["peserta_anak"]],
                                 dewasa=[n(v, 0) for v in frame["peserta_dewasa"]])
            table(shown.head(8), {first: t(f"rapat.kolom.{first}", lang)} | counts)
    if window.inisiatif_baru.empty:
        st.markdown(t("rapat.sejak.tidak_ada_baru", lang))
    else:
        st.subheader(t("rapat.sejak.baru", lang))
        table(window.inisiatif_baru, {"nama": t("kolom.nama", lang), "jenis": t("rapat.kolom.jenis", lang),
                                      "nama_kelurahan": t("kelurahan", lang),
                                      "nama_mitra": t("rapat.kolom.mitra", lang)})

else:
    today = dt.date.today()
    plan = meeting.follow_up(data, today)
    left, right = st.columns(2)
    with left:
        st.subheader(t("rapat.tindak.belum", lang, n=len(plan.belum_mulai)))
        shown = plan.belum_mulai.assign(mulai=[f"{d:%d/%m/%Y}" + (f" ({t('rapat.tindak.terlambat', lang)})"
                                                                  if late else "")
                                               for d, late in zip(plan.belum_mulai["tanggal_mulai"],
                                                                  plan.belum_mulai["terlambat"])])
        table(shown.head(10), {"nama": t("kolom.nama", lang), "nama_mitra": t("rapat.kolom.mitra", lang),
                               "mulai": t("rapat.kolom.mulai", lang)})
        st.subheader(t("rapat.tindak.terhenti", lang, n=len(plan.terhenti)))
        table(plan.terhenti.head(10), {"nama": t("kolom.nama", lang), "nama_mitra": t("rapat.kolom.mitra", lang),
                                       "nama_kelurahan": t("kelurahan", lang)})
    with right:
        st.subheader(t("rapat.tindak.per_mitra", lang))
        table(plan.per_mitra.head(15), {"nama_mitra": t("rapat.kolom.mitra", lang),
                                        "jenis_mitra": t("rapat.kolom.jenis_mitra", lang),
                                        "belum_mulai": t("rapat.kolom.belum", lang),
                                        "terhenti": t("rapat.kolom.terhenti", lang)})

start, end = meeting.window_from(st.query_params.get("sejak"), st.query_params.get("sampai"), window_default)
# printed once per data version, window, day and language (kla.press_cache), a few per visitor per minutes
brief_guard, press = session_guard("ringkasan"), press_cache.shared()
st.download_button(t("rapat.unduh_brief", lang), icon=":material/picture_as_pdf:", mime="application/pdf",
                   file_name=f"ringkasan-rapat-kla-{dt.date.today().isoformat()}.pdf",
                   data=brief_guard.wrap(lambda: brief.brief_file(
                       press, data, start=start, end=end, lang=lang, shapes=installed_boundaries(),
                       attribution=(boundaries.installed_info() or {}).get("attribution")).read_bytes()))
show_notice(brief_guard, lang)
st.caption(f"{t('rapat.langkah', lang, i=step + 1, n=len(views))} · {t('rapat.petunjuk', lang)}")
