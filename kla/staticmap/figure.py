"""The press map's figure: fills, borders, names, the inset of the dense centre, legend, key and footer.

:func:`static_choropleth` draws the map for the screen and keeps that layout in ``layout.meta``;
:func:`kla.staticmap.layout.fit_map_labels` lays it out again for each export size.
"""

from __future__ import annotations

import dataclasses
import re

import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go
import shapely
from shapely.geometry.base import BaseGeometry

from kla import charts, mapdata, maps, tilemap
from kla.i18n import Lang, t
from kla.mapdata import MapValues
from kla.maps.patterns import plotly_pattern
from kla.staticmap.geometry import border_colour, city_edge, dense_centre, line_xy, polygon_xy, scale_ratio
from kla.staticmap.labels import KEY_PX, key_entries, label_item
from kla.staticmap.layout import NAME, fit_map_labels
from kla.tilemap import label_colour, legend_title

HEIGHT = 720  # on screen; exports set their own size and call fit_map_labels
BORDER_WIDTH = 0.8
KECAMATAN_LINE, KECAMATAN_WIDTH = tilemap.KECAMATAN_LINE, 1.8
OUTLINE, OUTLINE_WIDTH = "#8C8C8C", 0.8  # coast and city limit: the lightest class would melt into white
INSET_LINE, INSET_WIDTH = "#3A3A3A", 1.2  # the inset's frame, and the box it enlarges on the city map
PAD = 0.02  # share of the city's extent left free around it


def _attribution_text(attribution: str | None, lang: Lang) -> str | None:
    """'batas: © 2024 Cahya DSN, MIT, github.com/…' (no URL scheme: the line is printed, not clicked)."""
    if not attribution or not str(attribution).strip():
        return None
    text = re.sub(r"https?://", "", str(attribution).strip())
    text = re.sub(r"^batas kelurahan:\s*", "", text, flags=re.IGNORECASE)  # the installer's own prefix
    return t("statis.batas", lang, atribusi=text)


def _shapes(boundaries: gpd.GeoDataFrame, values: MapValues) -> pd.DataFrame:
    """One row per boundary shape with its values (names from the data, else from the file).

    A shape whose code has no row in ``values`` is drawn as 'tanpa data'; a kelurahan without a
    shape is not drawn (it still is in the chart's data and legend counts).
    """
    shapes = maps.to_lonlat(boundaries)
    drawn = pd.DataFrame({
        "kode_kelurahan": shapes["kode_kelurahan"].astype(str).to_numpy(),
        "nama_file": shapes["nama_kelurahan"].to_numpy(),
        "kecamatan_file": shapes["kode_kecamatan"].astype(str).to_numpy(),
        "nama_kecamatan_file": shapes["nama_kecamatan"].to_numpy(),
        "geometry": shapes.geometry.to_numpy(),
    })
    drawn = drawn[drawn["geometry"].map(lambda g: g is not None and not g.is_empty)]
    merged = drawn.merge(values.table, on="kode_kelurahan", how="left")
    merged["nama"] = merged["nama"].fillna(merged["nama_file"])
    merged["kode_kecamatan"] = merged["kode_kecamatan"].fillna(merged["kecamatan_file"])
    merged["nama_kecamatan"] = merged["nama_kecamatan"].fillna(merged["nama_kecamatan_file"])
    merged["warna"] = merged["warna"].fillna(mapdata.NO_DATA)
    merged["kelas"] = merged["kelas"].fillna(-1).astype(int)
    return merged.reset_index(drop=True)


def static_choropleth(boundaries: gpd.GeoDataFrame, values: MapValues, *, lang: Lang = "id",
                      source: str | None = None, sample: bool = False, labels: bool = False,
                      attribution: str | None = None) -> charts.Chart:
    """"peta_kelurahan": every kelurahan in its class colour and hatching, on white paper, ready to export.

    ``boundaries``: :func:`kla.boundaries.load_installed`. ``values``:
    :func:`kla.mapdata.map_values`; colours are its ``warna`` column, the legend its
    :func:`kla.mapdata.legend_items`. ``labels``: name every kelurahan, where its name fits,
    else with a number and a key, and draw the dense centre again enlarged (an inset) so that
    its kelurahan can be named too. ``attribution``: the boundaries' source line
    (``installed_info()["attribution"]``), added to the footer. The figure is laid out for a
    360 px phone; for a fixed-size export call :func:`kla.staticmap.fit_map_labels` with that size.
    """
    shapes = _shapes(boundaries, values)
    if shapes.empty:
        raise ValueError("Tidak ada batas kelurahan untuk digambar.")
    bounds = tuple(shapely.total_bounds(shapes["geometry"].to_numpy()))
    ratio = scale_ratio((bounds[1] + bounds[3]) / 2)
    centre = dense_centre(shapes["kode_kelurahan"], shapes["geometry"]) if labels else None
    fig = go.Figure()
    borders = maps.kecamatan_borders(boundaries)
    _areas(fig, shapes, borders)
    if centre is not None:
        _inset(fig, shapes, borders, centre[1], ratio)
    if labels:
        _labels(fig, shapes, ratio, centre)
    _hover_points(fig, shapes, values, lang)
    has_missing = bool(shapes["nilai"].isna().any() or values.table["nilai"].isna().any())
    classes = max(len(values.breaks) - 1, 1)
    # Swatches are fills, hatched as the map is: the class reads in greyscale print too.
    for k, item in enumerate(mapdata.legend_items(values.breaks, values.metric, lang, with_no_data=has_missing)):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=item.label, hoverinfo="skip", fill="toself",
                                 fillcolor=item.colour, line=dict(color=OUTLINE, width=1),
                                 fillpattern=plotly_pattern(k if k < classes else -1, item.colour)))

    title = t("statis.judul", lang, metrik=mapdata.metric_label(values.metric, lang), tahun=values.year)
    subtitle = t("statis.subjudul_sisipan" if centre else "statis.subjudul_nama" if labels else "statis.subjudul",
                 lang)
    base_source = charts._source(source, lang)
    credit = _attribution_text(attribution, lang)
    # The source line and attribution may come from files: charts.style escapes the footer it draws.
    drawn_source = "; ".join(part for part in (base_source, credit) if part)
    meta = charts.ChartMeta(NAME, title, subtitle, drawn_source, str(values.year), sample, ticks_px=6)
    fig.update_layout(height=HEIGHT, hoverdistance=30, dragmode=False)
    legend_rows = charts._legend_rows(fig)  # as charts.style counts them: for a phone
    chart = charts.make_chart(fig,
                              values.table[["kode_kelurahan", "nama", "nama_kecamatan", "nilai", "peringkat", "kelas"]],
                              meta, lang)
    if labels:
        fig.add_annotation(name="kunci", text="", xref="paper", yref="paper", x=0, y=0, xanchor="left",
                           yanchor="top", yshift=-6, align="left", showarrow=False,
                           font=dict(size=KEY_PX, color=charts.TEXT))
    top_before_legend_title = fig.layout.margin.t
    tilemap._legend_title(fig, legend_title(values.metric, lang))
    _frame(fig, bounds, ratio, centre[1] if centre else None)
    _remember_screen_layout(fig, fig.layout.margin.t - top_before_legend_title, legend_rows,
                            key_entries(shapes) if labels else [], lang, ratio, centre)
    fit_map_labels(fig, charts.NARROWEST_PX, HEIGHT)
    plain_source = f"{base_source}; {credit}" if credit else base_source  # Chart.source is plain text
    return dataclasses.replace(chart, source=charts.source_line(plain_source, chart.period, lang))


def _areas(fig: go.Figure, shapes: pd.DataFrame, borders: BaseGeometry) -> None:
    """The kelurahan fills, then the kecamatan borders and the city's edge over them."""
    for code, colour, kelas, geom in zip(shapes["kode_kelurahan"], shapes["warna"], shapes["kelas"],
                                         shapes["geometry"]):
        xs, ys = polygon_xy(geom)
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", fill="toself", fillcolor=colour,
                                 fillpattern=plotly_pattern(kelas, colour),
                                 line=dict(color=border_colour(colour), width=BORDER_WIDTH), name=f"kelurahan:{code}",
                                 showlegend=False, hoverinfo="skip"))
    xs, ys = line_xy(borders)
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=KECAMATAN_LINE, width=KECAMATAN_WIDTH),
                             name="batas_kecamatan", showlegend=False, hoverinfo="skip"))
    xs, ys = line_xy(city_edge(shapes["geometry"]))
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=OUTLINE, width=OUTLINE_WIDTH),
                             name="tepi_kota", showlegend=False, hoverinfo="skip"))


def _inset(fig: go.Figure, shapes: pd.DataFrame, borders: BaseGeometry, box: tuple[float, float, float, float],
           ratio: float) -> None:
    """The dense centre again, in its own subplot (x2, y2) over ``box``, and that box marked on the city map.

    The shapes are cut a little outside the box (the subplot's edge cuts them exactly), so the
    inset carries only what it shows.
    """
    x0, y0, x1, y1 = box
    margin = 0.02 * max(x1 - x0, y1 - y0)
    cut = shapely.box(x0 - margin, y0 - margin, x1 + margin, y1 + margin)
    inset = dict(xaxis="x2", yaxis="y2", showlegend=False, hoverinfo="skip")
    for code, colour, kelas, geom in zip(shapes["kode_kelurahan"], shapes["warna"], shapes["kelas"],
                                         shapes["geometry"]):
        if not geom.intersects(cut):
            continue
        xs, ys = polygon_xy(geom.intersection(cut))
        if xs:
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", fill="toself", fillcolor=colour, name=f"sisipan:{code}",
                                     fillpattern=plotly_pattern(kelas, colour),
                                     line=dict(color=border_colour(colour), width=BORDER_WIDTH * 1.5), **inset))
    for name, geom, line in (("sisipan_batas_kecamatan", borders, dict(color=KECAMATAN_LINE, width=KECAMATAN_WIDTH)),
                             ("sisipan_tepi_kota", city_edge(shapes["geometry"]),
                              dict(color=OUTLINE, width=OUTLINE_WIDTH))):
        xs, ys = line_xy(geom.intersection(cut))
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=line, name=name, **inset))
    fig.add_trace(go.Scatter(x=[x0, x1, x1, x0, x0], y=[y0, y0, y1, y1, y0], mode="lines", name="sisipan_kotak",
                             line=dict(color=INSET_LINE, width=INSET_WIDTH), showlegend=False, hoverinfo="skip"))
    fig.add_shape(type="rect", xref="x2 domain", yref="y2 domain", x0=0, x1=1, y0=0, y1=1, layer="above",
                  line=dict(color=INSET_LINE, width=INSET_WIDTH), name="sisipan_bingkai")
    fig.update_layout(
        xaxis2=dict(range=[x0, x1], visible=False, showgrid=False, zeroline=False, fixedrange=True,
                    constrain="domain", anchor="y2"),
        yaxis2=dict(range=[y0, y1], visible=False, showgrid=False, zeroline=False, fixedrange=True,
                    constrain="domain", anchor="x2", scaleanchor="x2", scaleratio=ratio))


def _labels(fig: go.Figure, shapes: pd.DataFrame, ratio: float,
            centre: tuple[list[str], tuple[float, float, float, float]] | None) -> None:
    """Every kelurahan's label, one text trace per text colour and subplot, all named "label".

    The dense centre's kelurahan are labelled in the inset only; a larger one reaching into the
    inset is labelled on the city map and, where its name fits the part the inset shows, there
    too. ``customdata`` keeps the room each form of the label has
    (:func:`kla.staticmap.labels.label_item`); :func:`kla.staticmap.labels.show_labels` writes
    the name where it fits a map size's font, else a number.
    """
    members = set(centre[0]) if centre else set()
    box = shapely.box(*centre[1]) if centre else None
    placed = []
    for code, name, colour, geom in zip(shapes["kode_kelurahan"], shapes["nama"], shapes["warna"], shapes["geometry"]):
        where = [("x2", geom, False)] if code in members else [("x", geom, False)]
        if box is not None and code not in members and geom.intersects(box):
            where.append(("x2", geom.intersection(box), True))
        for axis, part, optional in where:
            item = label_item(code, name, part, ratio, optional)
            if item is not None:
                placed.append((*item, label_colour(colour), axis))
    for axis in ("x", "x2"):
        for colour in dict.fromkeys(p[3] for p in placed if p[4] == axis):
            own = [p for p in placed if p[3] == colour and p[4] == axis]
            fig.add_trace(go.Scatter(
                x=[round(p[0], 6) for p in own], y=[round(p[1], 6) for p in own], customdata=[p[2] for p in own],
                text=["" for _ in own], mode="text", textposition="middle center", textfont=dict(color=colour),
                name="label", showlegend=False, hoverinfo="skip", xaxis=axis, yaxis=axis.replace("x", "y")))


def _hover_points(fig: go.Figure, shapes: pd.DataFrame, values: MapValues, lang: Lang) -> None:
    """An invisible marker inside each kelurahan carrying the tile map's hover text (a fill cannot hover)."""
    per_kecamatan = values.table.groupby("kode_kecamatan")["nilai"].count()
    hover = [tilemap._hover_text(row, values.metric, int(per_kecamatan.get(row["kode_kecamatan"], 0)), lang)
             for _, row in shapes.iterrows()]
    points = [g.representative_point() for g in shapes["geometry"]]
    fig.add_trace(go.Scatter(
        x=[round(p.x, 6) for p in points], y=[round(p.y, 6) for p in points], mode="markers",
        marker=dict(size=14, color="rgba(0,0,0,0)"), customdata=[[c] for c in shapes["kode_kelurahan"]],
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", name="arah", showlegend=False))


def _frame(fig: go.Figure, bounds: tuple[float, float, float, float], ratio: float,
           box: tuple[float, float, float, float] | None) -> None:
    """Hidden axes around the city, latitude anchored to longitude at ``ratio`` (equal distances)."""
    minx, miny, maxx, maxy = bounds
    dx, dy = (maxx - minx) * PAD, (maxy - miny) * PAD
    fig.update_layout(
        xaxis=dict(visible=False, showgrid=False, zeroline=False, range=[minx - dx, maxx + dx], fixedrange=True,
                   constrain="domain"),
        yaxis=dict(visible=False, showgrid=False, zeroline=False, range=[miny - dy, maxy + dy], fixedrange=True,
                   scaleanchor="x", scaleratio=ratio, constrain="domain"))


Centre = tuple[list[str], tuple[float, float, float, float]]  # kla.staticmap.geometry.dense_centre


def _remember_screen_layout(fig: go.Figure, legend_title_px: float, legend_rows: int, key: list[list[str]],
                            lang: Lang, ratio: float, centre: Centre | None) -> None:
    """Keep the screen layout in ``layout.meta`` so :func:`fit_map_labels` can move things and put them back.

    The meta travels with the figure's JSON (the export copies figures through ``to_dict``).
    """
    footer = {a.name: {k: a[k] for k in ("x", "xanchor", "y", "yanchor", "yshift", "align")}
              for a in fig.layout.annotations if a.name in ("sumber", "contoh", "kunci")}
    legend_block = legend_title_px + 12 + charts.LEGEND_ROW_HEIGHT_PX * legend_rows  # as charts.style counts it
    (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    fig.layout.meta = {NAME: {
        "top": fig.layout.margin.t, "lift": fig.layout.title.pad.b, "legend_block": legend_block,
        "legend_rows": legend_rows, "bottom": fig.layout.margin.b, "footer": footer, "key": key, "lang": lang,
        "frame": [x0, x1, y0, y1], "ratio": ratio,
        "inset": {"box": list(centre[1]), "kelurahan": centre[0]} if centre else None}}
