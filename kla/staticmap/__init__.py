"""The static kelurahan choropleth ("peta kelurahan"): the geographic map as a plotly figure.

The folium map (:mod:`kla.maps`) lives in a browser and cannot be saved as PNG, SVG or PDF.
This is the same map (same metric, year, classes and colours, all from :mod:`kla.mapdata`)
drawn with plain plotly scatter traces in longitude/latitude, so kaleido renders it offline:

* no basemap tiles, and no ``go.Choropleth``/``geo`` subplot (plotly's geo layers fetch their
  topojson from a CDN, which fails without internet);
* every kelurahan is one filled trace (``fill="toself"``): all parts of a MultiPolygon, holes
  cut out by ring orientation (outer rings counter-clockwise, holes clockwise);
* thin white kelurahan borders (light grey around the palest class, where white would vanish),
  darker kecamatan borders (:func:`kla.maps.kecamatan_borders`) and a thin grey line along the
  coast and city limit, so the lightest class does not melt into the white paper;
* equal distances in both directions: a degree of longitude is ``cos(latitude)`` of a degree
  of latitude, so the y axis is anchored to the x axis with ``scaleratio = 1 / cos(mean lat)``;
* the dashboard's look (:func:`kla.charts.style`): title "<metric>, <year>", subtitle, legend
  of the classes (:func:`kla.mapdata.legend_items`, as on the tile map), "Sumber · Periode"
  footer with the boundaries' attribution, "DATA CONTOH" mark for sample data;
* hover text per kelurahan (name, kecamatan, value, ranks; the tile map's text) on an
  invisible marker at the kelurahan's ``representative_point()``.

Names (``labels=True``): Balikpapan's kelurahan range from 0.6 km² in the centre to 187 km²
(Kariangau). The 23 smallest, the old town, are drawn again enlarged in an inset beside or under
the city (a box on the city map shows where), and named there; the others on the city map.
Every kelurahan gets its name where it fits, else a number named in a key.

Modules: :mod:`~kla.staticmap.geometry` (outlines, the dense centre), :mod:`~kla.staticmap.labels`
(names, numbers, key), :mod:`~kla.staticmap.figure` (the figure), :mod:`~kla.staticmap.layout`
(fitting an export size). Everything is computed at run time from the installed boundaries;
nothing derived from them is stored.
"""

from kla.staticmap.figure import HEIGHT, static_choropleth
from kla.staticmap.geometry import border_colour, dense_centre, line_xy, polygon_xy, scale_ratio
from kla.staticmap.labels import (
    LABEL_MAX_PX,
    LABEL_MIN_PX,
    NUMBER_MIN_PX,
    NUMBER_PX,
    key_entries,
    key_text,
    label_font_px,
    label_room,
    numbers,
    show_labels,
    spread_numbers,
)
from kla.staticmap.layout import NAME, MapFit, fit_map_labels, map_fit

__all__ = [
    "HEIGHT", "LABEL_MAX_PX", "LABEL_MIN_PX", "NAME", "NUMBER_MIN_PX", "NUMBER_PX", "MapFit", "border_colour",
    "dense_centre", "fit_map_labels", "key_entries", "key_text", "label_font_px", "label_room", "line_xy",
    "map_fit", "numbers", "polygon_xy", "scale_ratio", "show_labels", "spread_numbers", "static_choropleth",
]
