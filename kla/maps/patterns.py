"""Hatching for the kelurahan map: each class its own pattern over its colour, so the map reads in greyscale too.

Colour is never the only carrier of a class (WCAG 1.4.1): over each kelurahan's fill lies an SVG
pattern of its class (none for the lowest, then dots, diagonal lines, cross-hatching, a grid),
drawn in the colour that contrasts with the fill (:func:`kla.tilemap.label_colour`). The patterns
are defined once in the map's own SVG (:class:`Hatching`); the legend's swatches use the same
ones. Kelurahan without data keep their plain grey. :func:`plotly_pattern` gives the press map
(:mod:`kla.staticmap`) the same patterns in plotly's shapes.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from kla.tilemap import label_colour

# One per class, lowest first; more classes than shapes repeat the last (mapdata makes at most 6).
SHAPES = ("", "titik", "miring", "silang", "kisi", "rapat")
PATTERN_CLASS = "kla-pola"  # on every hatched <path>
# The same order in plotly's pattern shapes, for the press map (kla.staticmap).
PLOTLY_SHAPES = {"": "", "titik": ".", "miring": "/", "silang": "x", "kisi": "+", "rapat": "-"}
SIZE = 8  # px: one repeat of a pattern


def pattern_id(kelas: int) -> str:
    return f"kla-pola-{kelas}"


def shape_of(kelas: int) -> str:
    """The pattern of class ``kelas`` (0 = lowest); '' for none (the lowest class, and no data)."""
    if kelas < 0:
        return ""
    return SHAPES[min(kelas, len(SHAPES) - 1)]


def plotly_pattern(kelas: int, fill: str) -> dict:
    """Plotly ``fillpattern`` of class ``kelas`` over ``fill``: the class shape in the fill's label colour."""
    return dict(shape=PLOTLY_SHAPES[shape_of(kelas)], fillmode="overlay", fgcolor=label_colour(fill),
                fgopacity=0.45, size=7, solidity=0.2)


def _marks(shape: str, ink: str) -> str:
    line = f'stroke="{ink}" stroke-opacity="0.55" stroke-width="1.2"'
    return {
        "titik": f'<circle cx="4" cy="4" r="1.3" fill="{ink}" fill-opacity="0.6"/>',
        "miring": f'<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {line}/>',
        "silang": f'<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4 M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" {line}/>',
        "kisi": f'<path d="M0,4 h8 M4,0 v8" {line}/>',
        "rapat": f'<path d="M0,2 h8 M0,6 h8 M2,0 v8 M6,0 v8" {line}/>',
    }.get(shape, "")


def pattern_defs(colours: list[str]) -> str:
    """``<defs>`` with one ``<pattern>`` per class (``colours``: each class's fill, lowest first)."""
    patterns = [f'<pattern id="{pattern_id(k)}" width="{SIZE}" height="{SIZE}" patternUnits="userSpaceOnUse">'
                f"{_marks(shape_of(k), label_colour(colour))}</pattern>" for k, colour in enumerate(colours)]
    return "<defs>" + "".join(patterns) + "</defs>"


def swatch(colour: str, kelas: int) -> str:
    """A legend swatch: the class colour and, over it, the class pattern (defined by :func:`pattern_defs`)."""
    over = f'<rect width="16" height="12" fill="url(#{pattern_id(kelas)})"/>' if shape_of(kelas) else ""
    return (f'<svg class="kotak" width="16" height="12" viewBox="0 0 16 12" aria-hidden="true">'
            f'<rect width="16" height="12" fill="{colour}"/>{over}</svg>')


class Hatching(MacroElement):
    """Hatches every kelurahan of its parent GeoJSON layer with its class pattern.

    The browser copies each kelurahan's outline into a second, pattern-filled ``<path>`` right
    above it (no second copy of the geometry in the page), follows it when Leaflet redraws the
    outline on zoom (a ``MutationObserver`` on ``d``), and puts it back above the shape when a
    hover brings the shape to the front. The copy takes no pointer events: tooltip, popup and
    keyboard stay with the shape.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (layer, classes, defs) {
          function hatch() {  // once the layer is on the map: its shapes have their <path> then
            var first = layer.getLayers()[0];
            var svg = first && first._path && first._path.ownerSVGElement;
            if (!svg) { return; }
            if (!svg.querySelector("#{{ this.first_id }}")) { svg.insertAdjacentHTML("afterbegin", defs); }
            layer.eachLayer(function (shape) {
                var kelas = classes[shape.feature.properties.kode];
                if (kelas === undefined || !shape._path) { return; }
                var hatch = document.createElementNS("http://www.w3.org/2000/svg", "path");
                hatch.setAttribute("class", {{ this.css_class|tojson }});
                hatch.setAttribute("fill", "url(#kla-pola-" + kelas + ")");
                hatch.setAttribute("fill-rule", "evenodd");
                hatch.setAttribute("stroke", "none");
                hatch.setAttribute("pointer-events", "none");
                hatch.setAttribute("aria-hidden", "true");
                function copy() { hatch.setAttribute("d", shape._path.getAttribute("d") || "M0 0"); }
                function place() { shape._path.parentNode.insertBefore(hatch, shape._path.nextSibling); }
                copy();
                place();
                new MutationObserver(copy).observe(shape._path, {attributes: true, attributeFilter: ["d"]});
                shape.on("mouseover mouseout", place);
            });
          }
          if (layer._map) { hatch(); } else { layer.once("add", hatch); }
        })({{ this._parent.get_name() }}, {{ this.classes|tojson }}, {{ this.defs|tojson }});
        {% endmacro %}
    """)

    def __init__(self, classes: dict[str, int], colours: list[str]) -> None:
        super().__init__()
        self._name = "KlaHatching"
        self.classes = {code: int(k) for code, k in classes.items() if shape_of(int(k))}
        self.defs = pattern_defs(colours)
        self.first_id = pattern_id(0)
        self.css_class = PATTERN_CLASS
