"""Peta: one metric per kelurahan on the real boundaries (folium) or on equal tiles (plotly).

Every choice lives in the URL (``tampilan, metrik, tahun, cari, inisiatif, dasar``). Without
installed boundaries the page says why and shows the tile map. A click on a kelurahan, on
either map, opens its profile. Under the map, "Unduh" gives it as press files: the tile map as
shown, or for the area view the static press map (kla/staticmap.py), built only when asked for.
"""

import functools

import streamlit as st

from kla import boundaries, mapdata, maps, provenance, staticmap, tilemap
from kla.i18n import t
from kla.text import escape_markdown
from kla.ui.cache import cached, cached_on_data
from kla.ui.data import dataset_or_stop
from kla.ui.geo import installed_boundaries
from kla.ui.leaflet import ensure_local_leaflet
from kla.ui.unduh import download_menu
from kla.ui.widgets import current_lang, sample_notice, source_caption, url_radio, url_select

PROFILE = "pages/kelurahan.py"


def url_checkbox(label: str, param: str, where=st, **kwargs) -> bool:
    """A checkbox kept in ``?param=1`` (off is the default and stays out of the URL)."""
    on = where.checkbox(label, value=st.query_params.get(param) == "1", key=f"url_{param}", **kwargs)
    if on:
        st.query_params[param] = "1"
    else:
        st.query_params.pop(param, None)
    return on


def open_profile_once(kode: str | None, click: object, known: set[str]) -> None:
    """Switch to the profile of ``kode``; a click already handled (same event) is not repeated."""
    if kode is None or kode not in known:
        st.session_state.pop("peta_klik", None)
        return
    if st.session_state.get("peta_klik") == repr(click):
        return
    st.session_state["peta_klik"] = repr(click)
    params = {"kelurahan": kode} | ({"lang": lang} if lang != "id" else {})
    st.switch_page(PROFILE, query_params=params)


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
        # The values name a source file or URL and a download error: text from outside, escaped.
        values = {name: escape_markdown(value) for name, value in status.values.items()}
        st.info(f"{t(status.key, lang, **values)}\n\n{t('peta.halaman.tanpa_batas', lang)}", icon=":material/map:")
    return shapes


lang = current_lang()
st.title(t("peta.halaman.judul", lang))
data = dataset_or_stop(lang)
sample_notice(data, lang)
shapes = load_shapes(data.wilayah)

views = {"wilayah": t("peta.halaman.tampilan.wilayah", lang), "petak": t("peta.halaman.tampilan.petak", lang)}
left, middle, right = st.columns([2, 3, 2])
view = "petak"
if shapes is not None:
    view = url_radio(t("peta.halaman.tampilan", lang), list(views), "tampilan", "wilayah", format_func=views.get,
                     where=left, help=t("peta.halaman.tampilan.bantuan", lang))
metric = url_select(t("peta.halaman.metrik", lang), list(mapdata.METRICS), "metrik", "total",
                    format_func=lambda m: mapdata.metric_label(m, lang), where=middle)
years = cached_on_data(mapdata.metric_years)(data, metric)
year = url_select(t("tahun", lang), years, "tahun", years[-1], where=right)
names = data.kelurahan.sort_values("nama")
label = dict(zip(names["kode"], names["nama"] + " (" + names["nama_kecamatan"] + ")"))
focus = url_select(t("peta.halaman.cari", lang), ["", *label], "cari", "", where=middle,
                   format_func=lambda k: label.get(k, t("peta.halaman.cari.semua", lang))) or None

values = cached_on_data(mapdata.map_values)(data, metric, year)
labels = provenance.chart_labels(data, provenance.MAP_FILES[metric], lang)
known = set(values.table["kode_kelurahan"])
if view == "wilayah":
    with_initiatives = url_checkbox(t("peta.halaman.inisiatif", lang), "inisiatif", where=left,
                                    help=t("peta.halaman.inisiatif.bantuan", lang))
    basemap = url_checkbox(t("peta.halaman.peta_dasar", lang), "dasar", where=right,
                           help=t("peta.halaman.peta_dasar.bantuan", lang))
    info = boundaries.installed_info() or {}
    m = maps.choropleth(shapes, values, lang=lang, initiatives=data.inisiatif if with_initiatives else None,
                        focus=focus, tiles=basemap, asset_base=ensure_local_leaflet(),
                        attribution=info.get("attribution"))
    from streamlit_folium import st_folium  # heavy import, only where a folium map is drawn

    # width None: the container's width (all that streamlit-folium's use_container_width=True does)
    state = st_folium(m, key="peta_wilayah", height=560, width=None,
                      returned_objects=["last_active_drawing", "last_object_clicked"]) or {}
    st.caption(t("peta.halaman.petunjuk.wilayah", lang))
    # The press map (kla/staticmap.py), made only when a file is asked for: the page never waits on it.
    download_menu(staticmap.NAME, functools.partial(
        staticmap.static_choropleth, shapes, values, lang=lang, **labels, labels=True,
        attribution=info.get("attribution")), lang)
    drawing = state.get("last_active_drawing") or {}
    open_profile_once((drawing.get("properties") or {}).get("kode"), (drawing, state.get("last_object_clicked")),
                      known)
else:
    chart = cached(tilemap.tile_map)(values, lang=lang, **labels, highlight=focus)
    event = st.plotly_chart(chart.figure, key="peta_petak", on_select="rerun", selection_mode="points",
                            width="stretch", config={"displayModeBar": False, "displaylogo": False})
    st.caption(t("peta.halaman.petunjuk.petak", lang))
    download_menu(chart.name, chart, lang)
    points = (event.selection.points if event else None) or []
    customdata = (points[0].get("customdata") or [None]) if points else [None]
    open_profile_once(customdata[0], points, known)

source_caption(data, provenance.MAP_FILES[metric], lang, str(year))
st.page_link(PROFILE, icon=":material/location_city:",
             label=t("peta.halaman.lihat_profil", lang, nama=escape_markdown(label[focus])) if focus else
             t("peta.halaman.lihat_profil.semua", lang),
             query_params={"kelurahan": focus} if focus else None)

with st.expander(t("peta.halaman.tabel", lang)):
    table = values.table.sort_values(["peringkat", "nama"], na_position="last")
    st.dataframe(
        table.assign(nilai=[mapdata.format_value(v, metric, lang) for v in table["nilai"]])[
            ["nama", "nama_kecamatan", "nilai", "peringkat", "peringkat_kecamatan"]],
        hide_index=True, width="stretch",
        column_config={"nama": t("kelurahan", lang), "nama_kecamatan": t("kecamatan", lang),
                       "nilai": f"{mapdata.metric_label(metric, lang)} {year}",
                       "peringkat": t("peta.halaman.kolom.peringkat", lang),
                       "peringkat_kecamatan": t("peta.halaman.kolom.peringkat_kecamatan", lang)})
