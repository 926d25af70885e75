"""Peta: one metric per kelurahan on the real boundaries (folium) or on equal tiles (plotly).

Every choice lives in the URL (``tampilan, metrik, tahun, cari, inisiatif, dasar``); the choices
sit in a folded "Pilihan peta" box above the map, so on a phone the map is on the first screen
(the legend on the map names metric and year). Without installed boundaries the page says why
and shows the tile map. A tap on a kelurahan shows its name, value and rank with a link to its
profile (a popup on the area map, a line under the tile map); nothing navigates on the tap
itself. Under the map: "Unduh" (the tile map as shown, or for the area view the static press
map, kla/staticmap.py, built only when asked for) and the ranking of every kelurahan.
"""

import functools

import pandas as pd
import streamlit as st

from kla import boundaries, mapdata, maps, provenance, staticmap, summaries, tilemap
from kla.i18n import format_number, t
from kla.text import escape_markdown
from kla.ui.cache import cached, cached_on_data
from kla.ui.data import dataset_or_stop
from kla.ui.geo import installed_boundaries, missing_boundaries
from kla.ui.leaflet import ensure_local_leaflet
from kla.ui.share import share_page
from kla.ui.unduh import download_menu
from kla.ui.widgets import (
    current_lang,
    kelurahan_choices,
    link_notice,
    link_value,
    notice_slot,
    sample_notice,
    source_caption,
    url_radio,
    url_select,
)

PROFILE = "pages/kelurahan.py"
RANKING_ANCHOR = "peringkat-kelurahan"  # the map's equivalent in a table: the sentence above the map links here


def url_checkbox(label: str, param: str, where=st, **kwargs) -> bool:
    """A checkbox kept in ``?param=1`` (off is the default and stays out of the URL)."""
    on = where.checkbox(label, value=st.query_params.get(param) == "1", key=f"url_{param}", **kwargs)
    if on:
        st.query_params[param] = "1"
    else:
        st.query_params.pop(param, None)
    return on


def profile_params(kode: str) -> dict[str, str]:
    return {"kelurahan": kode} | ({"lang": lang} if lang != "id" else {})


def open_profile_once(kode: str | None, click: object, known: set[str]) -> None:
    """Switch to the profile of ``kode``; a request already handled (same event) is not repeated."""
    if kode is None or kode not in known:
        st.session_state.pop("peta_klik", None)
        return
    if st.session_state.get("peta_klik") == repr(click):
        return
    st.session_state["peta_klik"] = repr(click)
    st.switch_page(PROFILE, query_params=profile_params(kode))


def rank_text(row, lang) -> str:
    """'3 dari 34', or '–' for a kelurahan without a value."""
    if pd.isna(row["peringkat"]):
        return t("peta.halaman.tanpa_peringkat", lang)
    return t("peta.halaman.peringkat", lang, n=format_number(int(row["peringkat"]), 0, lang),
             dari=format_number(int(row["jumlah_kelurahan"]), 0, lang))


def ranking_table(values: mapdata.MapValues, metric: str, year) -> None:
    """Every kelurahan, best first: rank, name (kecamatan), value as on the map, its class (the map's colour).

    A plain table, not a scrolling grid: on a phone it scrolls with the page, all rows at once.
    """
    table = values.table.sort_values(["peringkat", "nama"], na_position="last")
    classes = mapdata.legend_items(values.breaks, metric, lang, with_no_data=False)
    st.subheader(t("peta.halaman.peringkat_daftar", lang, n=len(table), metrik=mapdata.metric_label(metric, lang),
                   tahun=year), anchor=RANKING_ANCHOR)
    shown = pd.DataFrame({
        t("peta.halaman.kolom.peringkat", lang): [t("peta.halaman.tanpa_peringkat", lang) if pd.isna(r) else str(int(r))
                                                  for r in table["peringkat"]],
        # the kecamatan's short name beside the kelurahan: four columns fit a 390 px phone, five did not
        # st.table draws Markdown in its cells: names from the data are escaped
        t("kelurahan", lang): [escape_markdown(f"{n} ({tilemap.kecamatan_short_name(k)})")
                               for n, k in zip(table["nama"], table["nama_kecamatan"])],
        f"{t('peta.halaman.kolom.nilai', lang)} {year}": [mapdata.format_value(v, metric, lang)
                                                           for v in table["nilai"]],
        t("peta.halaman.kolom.kelas", lang): [classes[k].label if 0 <= k < len(classes) else t("peta.tanpa_data", lang)
                                              for k in table["kelas"]],
    })
    st.table(shown, hide_index=True)


def load_shapes(wilayah):
    """Installed boundaries (one automatic download attempt per process, matched to the data's
    ``wilayah``), or None with the reason shown."""
    status = None
    try:
        shapes = installed_boundaries()
        if shapes is None:
            status = boundaries.ensure_installed(wilayah=wilayah)  # never raises; one try per process
            shapes = installed_boundaries() if status.installed else None
    except boundaries.BoundaryError as exc:
        st.warning(t("peta.halaman.batas_rusak", lang, pesan=escape_markdown(exc)), icon=":material/error:")
        return None
    if shapes is None and status is not None:
        missing_boundaries(status, lang)  # visitors read words; the install command goes to the server log
    return shapes


lang = current_lang()
st.title(t("peta.halaman.judul", lang))
share_page(lang)
data = dataset_or_stop(lang)
sample_notice(data, lang)
shapes = load_shapes(data.wilayah)
notice_slot()  # a link the page cannot use is said here, not hidden in the folded choices below

views = {"wilayah": t("peta.halaman.tampilan.wilayah", lang), "petak": t("peta.halaman.tampilan.petak", lang)}
with st.expander(t("peta.halaman.pilihan", lang), icon=":material/tune:", expanded=False):
    left, middle, right = st.columns([2, 3, 2])
    view = "petak"
    asked_view = st.query_params.get("tampilan")
    if shapes is None and asked_view not in (None, "petak"):  # the only view without boundaries: say so
        link_notice("peta.halaman.tampilan.tanpa_batas", nilai=link_value("tampilan", asked_view),
                    pakai=escape_markdown(views["petak"]))
    if shapes is not None:
        view = url_radio(t("peta.halaman.tampilan", lang), list(views), "tampilan", "wilayah", format_func=views.get,
                         where=left, help=t("peta.halaman.tampilan.bantuan", lang))
    metric = url_select(t("peta.halaman.metrik", lang), list(mapdata.METRICS), "metrik", "total",
                        format_func=lambda m: mapdata.metric_label(m, lang), where=middle)
    years = cached_on_data(mapdata.metric_years)(data, metric)
    year = url_select(t("tahun", lang), years, "tahun", years[-1], where=right)
    names = data.kelurahan.sort_values("nama")
    label, region_names = kelurahan_choices(names, data.wilayah)  # every alias finds its kelurahan
    focus = url_select(t("peta.halaman.cari", lang), ["", *label], "cari", "", where=middle, names=region_names,
                       format_func=lambda k: label.get(k, t("peta.halaman.cari.semua", lang))) or None
    with_initiatives = basemap = False
    if view == "wilayah":
        with_initiatives = url_checkbox(t("peta.halaman.inisiatif", lang), "inisiatif", where=left,
                                        help=t("peta.halaman.inisiatif.bantuan", lang))
        basemap = url_checkbox(t("peta.halaman.peta_dasar", lang), "dasar", where=right,
                               help=t("peta.halaman.peta_dasar.bantuan", lang))

values = cached_on_data(mapdata.map_values)(data, metric, year)
labels = provenance.chart_labels(data, provenance.MAP_FILES[metric], lang)
known = set(values.table["kode_kelurahan"])
if view == "wilayah":
    info = boundaries.installed_info() or {}
    m = maps.choropleth(shapes, values, lang=lang, initiatives=data.inisiatif if with_initiatives else None,
                        focus=focus, tiles=basemap, asset_base=ensure_local_leaflet(),
                        attribution=info.get("attribution"))
    from streamlit_folium import st_folium  # heavy import, only where a folium map is drawn

    # width None: the container's width (all that streamlit-folium's use_container_width=True does).
    # Only the popup's profile link reports back (kla.maps._ProfilePopup): a tap or a pan reruns nothing.
    state = st_folium(m, key="peta_wilayah", height=560, width=None, returned_objects=["last_geocoder_result"]) or {}
    st.caption(t("peta.halaman.petunjuk.wilayah", lang))
    # The press map (kla/staticmap.py), made only when a file is asked for: the page never waits on it.
    download_menu(staticmap.NAME, functools.partial(
        staticmap.static_choropleth, shapes, values, lang=lang, **labels, labels=True,
        attribution=info.get("attribution")), lang)
    request = state.get("last_geocoder_result") or {}
    asked = (request.get("properties") or {}).get("kode") if request.get("name") == maps.PROFILE_REQUEST else None
    open_profile_once(asked, request, known)
else:
    chart = cached(tilemap.tile_map)(values, lang=lang, **labels, highlight=focus)
    event = st.plotly_chart(chart.figure, key="peta_petak", on_select="rerun", selection_mode="points",
                            width="stretch", config={"displayModeBar": False, "displaylogo": False},
                            alt=summaries.alt_text(chart, lang, metric=metric))
    st.caption(t("peta.halaman.petunjuk.petak", lang))
    points = (event.selection.points if event else None) or []
    chosen = ((points[0].get("customdata") or [None]) if points else [None])[0]
    if chosen in known:  # a tap names the kelurahan and offers its profile, as the area map's popup does
        row = values.table.set_index("kode_kelurahan").loc[chosen]
        with st.container(border=True):
            st.markdown(t("peta.halaman.terpilih", lang, nama=escape_markdown(row["nama"]),
                          kecamatan=escape_markdown(row["nama_kecamatan"]),
                          nilai=mapdata.format_value(row["nilai"], metric, lang), peringkat=rank_text(row, lang)))
            st.page_link(PROFILE, icon=":material/location_city:", query_params=profile_params(chosen),
                         label=t("peta.halaman.lihat_profil", lang, nama=escape_markdown(row["nama"])))
    download_menu(chart.name, chart, lang)

# The map's main point in words, and its equivalent as a table (the ranking), for every reader: under the map,
# which must keep its place on a phone's first screen.
point = (summaries.map_point(values.table, lang, metric)
         or t("pokok.kosong", lang, judul=mapdata.metric_label(metric, lang)))
st.markdown(f"{escape_markdown(point)} [{t('pokok.peta.tabel', lang)}](#{RANKING_ANCHOR})")
ranking_table(values, metric, year)
source_caption(data, provenance.MAP_FILES[metric], lang, str(year))
st.page_link(PROFILE, icon=":material/location_city:",
             label=t("peta.halaman.lihat_profil", lang, nama=escape_markdown(label[focus])) if focus else
             t("peta.halaman.lihat_profil.semua", lang),
             query_params=profile_params(focus) if focus else None)
