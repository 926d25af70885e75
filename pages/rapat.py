"""Rapat: the Gugus Tugas meeting on a projector, five views in a fixed order, no filters needed.

``?view=posisi|poin|kelurahan|sejak|tindak``, ``?sejak=&sampai=`` (dates) and ``?andai=`` (the
what-if, kla.meeting.encode_what_if) keep the place, so a link opens the same screen and stepping
between views keeps the what-if. Numbers come from kla.meeting (the Ringkasan functions).

Every view is laid out for a 1920x1080 projector and zoomed to the screen it is on
(kla.projector.canvas_css), so it fits 1366x768 and 1024x768 as the same picture; charts are
enlarged for the projector (kla.projector.for_projector: no chart text under 20 px at 1920x1080).
"""

import datetime as dt
import json

import streamlit as st

from kla import (
    boundaries,
    brief,
    charts,
    mapdata,
    meeting,
    press_cache,
    projector,
    provenance,
    scoring,
    summaries,
    tilemap,
)
from kla.i18n import format_number, format_signed, t
from kla.names import ACTIVITY_COLUMNS, INITIATIVE_COLUMNS, indicator_labels, shown_in, with_indicator_names
from kla.text import escape_html, escape_markdown
from kla.ui.cache import cached, cached_on_data
from kla.ui.data import dataset_or_stop
from kla.ui.geo import installed_boundaries
from kla.ui.unduh import session_guard, show_notice
from kla.ui.widgets import change_metric, current_lang, link_notice, link_value, sample_notice, url_date_range
from kla.views import SHORTFALL_TOP

CANVAS = '[data-testid="stMainBlockContainer"]'
PHONE_PX = 640  # Streamlit stacks columns below this width
PROJECTOR_CSS = f"""<style>
section[data-testid="stSidebar"], header[data-testid="stHeader"] {{display: none;}}
{CANVAS} {{max-width: 100%; padding: 1rem 2.5rem .5rem;}}
{projector.canvas_css(CANVAS)}
/* a phone is no projector: Streamlit's own narrow layout (columns stacked), charts as wide as the screen */
@media (max-width: {PHONE_PX - 0.02}px) {{
  {CANVAS} {{zoom: 1; padding: 1rem;}}
  .kla-rapat-grafik {{width: 100% !important; height: auto !important;}}
  .kla-rapat-grafik svg {{width: 100%; height: auto;}}
}}
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] {{gap: .55rem;}}
h1 {{font-size: 2.4rem !important; padding: 0 !important;}}
h3 {{font-size: 1.7rem !important; padding: .2rem 0 !important;}}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {{font-size: 3.2rem !important; font-weight: 700;}}
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {{font-size: 1.3rem !important;}}
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] * {{font-size: 1.3rem !important;}}
[data-testid="stMetric"] {{gap: .2rem;}}
[data-testid="stMarkdownContainer"] p, [data-testid="stCaptionContainer"] {{font-size: 1.4rem; line-height: 1.45;}}
[data-testid="stCaptionContainer"] {{font-size: 1.15rem;}}
[data-testid="stTable"] td, [data-testid="stTable"] th {{font-size: 1.25rem; padding: .3rem .7rem;}}
[data-testid="stWidgetLabel"] p, [data-testid="stTextInputRootElement"] input, [data-testid="stDateInput"] input,
[data-testid="stButton"] p, [data-testid="stPageLink"] p, [data-testid="stDownloadButton"] p,
[data-testid="stButtonGroup"] p {{font-size: 1.3rem !important;}}
/* the what-if says in its own words that Enter applies the value (Streamlit's hint is English) */
[data-testid="InputInstructions"] {{display: none;}}
/* the date parts stay 24 px targets (WCAG 2.5.8) on the canvas zoomed down to 0.5 */
[data-testid="stDateInput"] [role="spinbutton"] {{min-width: 48px; min-height: 48px; line-height: 48px;
  font-size: 1.3rem;}}
/* the focus outline (kla.ui.widgets PAGE_CSS) stays at least 2 px on screen at that zoom too */
{CANVAS} :focus-visible {{outline-width: 4px !important;}}
.st-key-rapat_proyeksi p {{font-size: 1.9rem; line-height: 1.35;}}
</style>"""
KEYS_JS = """<script>
// this 1 px frame only listens: no stop of its own when Tab walks the page
if (window.frameElement) { window.frameElement.tabIndex = -1; window.frameElement.setAttribute("aria-hidden", "true"); }
const doc = window.parent.document;
document.documentElement.lang = doc.documentElement.lang;  // a document of its own: language and title
document.title = doc.title;
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
# Rows of the tables, so every view fits the 1080 px canvas; what is left out is counted.
LIST_ROWS, PARTNER_ROWS, TYPE_ROWS = 6, 13, 8
CHART = {"displayModeBar": False}

lang = current_lang()
st.markdown(PROJECTOR_CSS, unsafe_allow_html=True)
data = dataset_or_stop(lang)
n = lambda x, d=1: format_number(x, d, lang)  # noqa: E731


def points_text(x: float) -> str:
    """Points as typed back: whole numbers without decimals (35), others with one (20,5)."""
    return n(x, 0 if float(x).is_integer() else 1)


views = list(meeting.VIEWS)
asked_view = st.query_params.get("view")
view = asked_view if asked_view in views else views[0]
if asked_view is not None and asked_view != view:
    link_notice("url.tidak_dikenal", nilai=link_value("view", asked_view),
                pakai=escape_markdown(t("rapat.view." + view, lang)))
    st.query_params.pop("view")
step = views.index(view)


def go_to(target: str) -> None:
    st.query_params["view"] = target  # only the view: ?andai= and ?sejak= stay in the link


top = st.columns([4.6, 1.25, 1.25, 1.9], vertical_alignment="center")
top[0].title(t("rapat.view." + view, lang))
top[0].caption(f"{t('rapat.judul', lang)} · {t('rapat.langkah', lang, i=step + 1, n=len(views))}")
top[1].button(t("rapat.sebelumnya", lang), disabled=step == 0, on_click=go_to, args=(views[max(step - 1, 0)],),
              width="stretch")
top[2].button(t("rapat.berikutnya", lang), disabled=step == len(views) - 1, type="primary", on_click=go_to,
              args=(views[min(step + 1, len(views) - 1)],), width="stretch")
tabs = top[3].segmented_control(" ", views, default=view, format_func=lambda v: str(views.index(v) + 1),
                                label_visibility="collapsed", key=f"rapat_langkah_{view}", width="stretch")
if tabs and tabs != view:
    go_to(tabs)
    st.rerun()
# fixed text only (button labels from kla/strings): st.iframe runs it with access to the page. Its place
# is the same in every view: a new iframe would leave the key listener in the removed one's dead context
st.iframe(KEYS_JS.replace("LABELS", json.dumps({"next": t("rapat.berikutnya", lang),
                                                "prev": t("rapat.sebelumnya", lang)})), height=1,
          alt=t("rapat.bingkai_tombol", lang))
sample_notice(data, lang)  # the same box as on every other page
pos = cached_on_data(meeting.position)(data)
window_default = meeting.default_window(data)
first_day = data.kegiatan["tanggal"].min().date()


def show_figure(figure, width: int, height: int, key: str, alt: str) -> None:
    """A figure as an SVG picture of ``width`` x ``height`` px on the 1920x1080 canvas (kla.projector.chart_svg).

    Made once per figure and shared; plotly's own SVG (data text escaped, no script) is the one markup shown.
    A screen reader meets one picture (role="img") named by ``alt`` (kla.summaries.alt_text), not the SVG's
    scattered tick labels.
    """
    figure.update_layout(width=width, height=height)
    svg = cached(projector.chart_svg)(figure.to_json(), width, height)
    # st.html's sanitiser drops SVG; the SVG is one line, so Markdown leaves it as it is
    st.markdown(f'<div class="kla-rapat-grafik" id="{key}" role="img" aria-label="{escape_html(alt)}" '
                f'style="width:{width}px;height:{height}px">{svg.replace(chr(10), " ")}</div>', unsafe_allow_html=True)


def show_chart(chart: charts.Chart, width: int, height: int, key: str) -> None:
    """``chart`` enlarged for the projector (a copy: cached charts are shared and never changed)."""
    show_figure(projector.for_projector(chart.figure, width=width), width, height, key, summaries.alt_text(chart, lang))


def table(frame, columns: dict[str, str]) -> None:
    """A large-type table (HTML, CSS-sized) of preformatted text.

    st.table renders every cell as Markdown (with LaTeX): each cell is escaped, so data text stays text.
    """
    cells = frame[list(columns)].reset_index(drop=True).astype(object)
    cells = cells.where(cells.notna(), "").map(escape_markdown)
    st.table(cells.rename(columns=columns))


def cut_table(frame, rows: int, columns: dict[str, str]) -> None:
    """The first ``rows`` rows, and how many more there are."""
    table(frame.head(rows), columns)
    if len(frame) > rows:
        st.markdown(t("rapat.lainnya", lang, n=len(frame) - rows))


def what_if() -> None:
    """Indicators to raise (the chart's), points typed in the page's language, the projection from exactly those."""
    ranking = cached_on_data(meeting.shortfalls)(data, pos.tahun)
    needed = meeting.indicators_for_paripurna(ranking)
    maxima = dict(zip(ranking["kode"], ranking["max_poin"].astype(float)))
    now = dict(zip(ranking["kode"], ranking["poin"].astype(float)))
    names = indicator_labels(data.indikator, lang).to_dict()
    default = {code: maxima[code] for code in ranking["kode"][:needed or 3]}
    raw = st.query_params.get("andai")
    linked, unknown = meeting.decode_what_if(raw, maxima)
    if unknown:
        link_notice("url.sebagian", widget="rapat_andai", nilai=link_value("andai", raw or ""),
                    salah=escape_markdown(", ".join(unknown)))
    start = linked if raw is not None and (linked or not unknown) else default
    options = list(dict.fromkeys([*ranking["kode"][:SHORTFALL_TOP], *start]))
    result_box = st.container(key="rapat_proyeksi")  # the answer above the inputs, where the room looks first
    chosen = st.pills(t("rapat.andai.pilih", lang), options, selection_mode="multi", default=list(start),
                      key="rapat_andai")
    points: dict[str, float] = {}
    problems: list[str] = []
    for code in chosen:
        label, field = st.columns([2.3, 1], vertical_alignment="center")
        label.markdown(escape_markdown(t("rapat.andai.isian", lang, kode=code, nama=names[code],
                                         poin=points_text(now[code]), maks=points_text(maxima[code]))))
        text = field.text_input(t("rapat.andai.poin", lang, kode=code, maks=points_text(maxima[code])),
                                points_text(start.get(code, maxima[code])), key=f"andai_{code}",
                                label_visibility="collapsed")
        try:
            points[code] = meeting.what_if_points(text, code, maxima[code], lang)
        except ValueError as problem:
            problems.append(str(problem))
    for problem in problems:
        st.error(escape_markdown(problem), icon=":material/error:")
    if chosen:
        st.caption(t("rapat.andai.petunjuk", lang))
    # the link keeps the last good value of each chosen indicator
    kept = {code: points.get(code, start.get(code, maxima[code])) for code in chosen}
    encoded = meeting.encode_what_if(kept)
    if encoded == meeting.encode_what_if(default):
        st.query_params.pop("andai", None)
    elif st.query_params.get("andai") != encoded:
        st.query_params["andai"] = encoded
    with result_box:
        if problems:
            st.warning(t("rapat.andai.perbaiki", lang), icon=":material/edit:")
        elif not chosen:
            st.markdown(t("rapat.andai.kosong", lang))
        else:
            result = meeting.what_if(data, pos.tahun, points)  # from exactly the values shown below
            st.markdown(t("rapat.andai.kalimat", lang, total=n(result.total_proyeksi),
                          naik=format_signed(result.total_proyeksi - result.total_awal, 1, lang),
                          kategori=result.kategori_proyeksi, kurang=n(result.kurang_ke_paripurna)))


if view == "posisi":
    left, right = st.columns([1, 2.7])
    with left:
        change_metric(st, t("rapat.skor", lang, tahun=pos.tahun), n(pos.skor), pos.perubahan, lang)
        st.metric(t("kategori", lang), scoring.category_label(pos.kategori, lang))
        st.metric(t("rapat.ke_paripurna", lang), n(pos.ke_paripurna))
        st.metric(t("rapat.target", lang, tahun=pos.target_tahun) if pos.target else t("rapat.target.tidak_ada", lang),
                  n(pos.target) if pos.target else "–")
        if pos.target is not None:
            st.markdown(t("rapat.posisi.kalimat", lang, kategori=pos.kategori, skor=n(pos.skor), tahun=pos.tahun,
                          kurang=n(pos.ke_paripurna), target_tahun=pos.target_tahun, target=n(pos.target)))
    trend = cached(charts.total_trend)(scoring.city_totals(data.evaluasi_kota), data.kategori_resmi, data.peta_jalan,
                               **provenance.chart_labels(data, provenance.CITY_TREND, lang), lang=lang)
    with right:
        show_chart(trend, 1300, 750, "rapat_tren")

elif view == "poin":
    ranking = cached_on_data(meeting.shortfalls)(data, pos.tahun)
    needed = meeting.indicators_for_paripurna(ranking)
    left, right = st.columns([1.15, 1])
    with left:
        bar = cached(charts.shortfall_bar)(with_indicator_names(ranking, data.indikator), top_n=SHORTFALL_TOP,
                                           year=pos.tahun,
                                           **provenance.chart_labels(data, provenance.CITY_POINTS, lang), lang=lang)
        show_chart(bar, 950, 750, "rapat_poin")
    with right:
        st.markdown(t("rapat.poin.kalimat", lang, n=needed, total=n(ranking.loc[needed - 1, "total_proyeksi"]))
                    if needed else t("rapat.poin.tidak_cukup", lang))
        st.subheader(t("rapat.andai.judul", lang))
        what_if()

elif view == "kelurahan":
    movers = cached_on_data(meeting.kelurahan_movers)(data)
    left, right = st.columns([1.7, 3.3])
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
        st.markdown(t("rapat.kel.dari", lang, n=len(movers.terendah), total=len(data.kelurahan)))
        values = cached_on_data(mapdata.map_values)(data, "total", movers.tahun)
        st.markdown(escape_markdown(summaries.map_point(values.table, lang, "total") or ""))  # the map's main point
    with right:
        tiles = cached(tilemap.tile_map)(values, lang=lang,
                                         **provenance.chart_labels(data, provenance.MAP_FILES["total"], lang))
        show_figure(projector.tile_map_for_projector(tiles, 760), 1180, 760, "rapat_peta",
                    summaries.alt_text(tiles, lang, metric="total"))

elif view == "sejak":
    dates, *cols = st.columns([1.6, 1, 1, 1, 1], vertical_alignment="bottom")
    with dates:
        start, end = url_date_range(t("rapat.sejak.rentang", lang), "sejak", "sampai", window_default,
                                    (first_day, meeting.log_end(data)))
    window = meeting.since(data, start, end)
    for col, key, value in zip(cols, ("kegiatan", "anak", "dewasa", "inisiatif"),
                               (window.kegiatan, window.peserta_anak, window.peserta_dewasa,
                                len(window.inisiatif_baru))):
        col.metric(t(f"rapat.sejak.{key}", lang), n(value, 0))
    counts = {"kegiatan": t("rapat.kolom.kegiatan", lang), "anak": t("rapat.kolom.anak", lang),
              "dewasa": t("rapat.kolom.dewasa", lang)}
    sums = ["kegiatan", "peserta_anak", "peserta_dewasa"]
    parts = st.columns([1, 1, 1.15])
    for where, frame, key, first in ((parts[0], window.per_jenis, "per_jenis", "jenis"),
                                     (parts[1], window.per_penyelenggara, "per_penyelenggara", "penyelenggara")):
        with where:
            st.subheader(t(f"rapat.sejak.{key}", lang))
            # the rows add up to the totals above: what does not fit is one "Selebihnya" row
            rows = shown_in(meeting.with_remainder(frame, TYPE_ROWS, first, t("rapat.lainnya.baris", lang), sums),
                            lang, ACTIVITY_COLUMNS)
            shown = rows.assign(kegiatan=[n(v, 0) for v in rows["kegiatan"]],
                                anak=[n(v, 0) for v in rows["peserta_anak"]],
                                dewasa=[n(v, 0) for v in rows["peserta_dewasa"]])
            table(shown, {first: t(f"rapat.kolom.{first}", lang)} | counts)
    with parts[2]:
        st.subheader(t("rapat.sejak.baru", lang))
        if window.inisiatif_baru.empty:
            st.markdown(t("rapat.sejak.tidak_ada_baru", lang))
        else:
            cut_table(window.inisiatif_baru, TYPE_ROWS, {"nama": t("kolom.nama", lang),
                                                         "nama_kelurahan": t("kelurahan", lang)})

else:
    today = dt.date.today()
    plan = meeting.follow_up(data, today)
    left, right = st.columns([1.35, 1])
    with left:
        st.subheader(t("rapat.tindak.belum", lang, n=len(plan.belum_mulai)))
        shown = plan.belum_mulai.assign(mulai=[f"{d:%d/%m/%Y}" + (f" ({t('rapat.tindak.terlambat', lang)})"
                                                                  if late else "")
                                               for d, late in zip(plan.belum_mulai["tanggal_mulai"],
                                                                  plan.belum_mulai["terlambat"])])
        cut_table(shown, LIST_ROWS, {"nama": t("kolom.nama", lang), "nama_mitra": t("rapat.kolom.mitra", lang),
                                     "mulai": t("rapat.kolom.mulai", lang)})
        st.subheader(t("rapat.tindak.terhenti", lang, n=len(plan.terhenti)))
        cut_table(plan.terhenti, LIST_ROWS, {"nama": t("kolom.nama", lang), "nama_mitra": t("rapat.kolom.mitra", lang),
                                             "nama_kelurahan": t("kelurahan", lang)})
    with right:
        st.subheader(t("rapat.tindak.per_mitra", lang))
        # the partners' rows add up to the two counts on the left: the rest is one "Selebihnya" row
        partners = meeting.with_remainder(plan.per_mitra, PARTNER_ROWS, "nama_mitra", t("rapat.lainnya.baris", lang),
                                          ["belum_mulai", "terhenti"])
        partners = shown_in(partners, lang, INITIATIVE_COLUMNS)
        table(partners.assign(belum_mulai=[n(v, 0) for v in partners["belum_mulai"]],
                              terhenti=[n(v, 0) for v in partners["terhenti"]]),
              {"nama_mitra": t("rapat.kolom.mitra", lang), "jenis_mitra": t("rapat.kolom.jenis_mitra", lang),
               "belum_mulai": t("rapat.kolom.belum", lang), "terhenti": t("rapat.kolom.terhenti", lang)})

start, end = meeting.window_from(st.query_params.get("sejak"), st.query_params.get("sampai"), window_default)
# printed once per data version, window, day and language (kla.press_cache), a few per visitor per minutes
brief_guard, press = session_guard("ringkasan"), press_cache.shared()
bottom = st.columns([1.3, 1.6, 3], vertical_alignment="center")
bottom[0].page_link("pages/ringkasan.py", label=t("rapat.keluar", lang), icon=":material/close:")  # no sidebar here
bottom[1].download_button(t("rapat.unduh_brief", lang), icon=":material/picture_as_pdf:", mime="application/pdf",
                          file_name=f"ringkasan-rapat-kla-{dt.date.today().isoformat()}.pdf",
                          data=brief_guard.wrap(lambda: brief.brief_file(
                              press, data, start=start, end=end, lang=lang, shapes=installed_boundaries(),
                              attribution=(boundaries.installed_info() or {}).get("attribution")).read_bytes()))
bottom[2].caption(f"{t('rapat.langkah', lang, i=step + 1, n=len(views))} · {t('rapat.petunjuk', lang)}")
show_notice(brief_guard, lang)
