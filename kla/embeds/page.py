"""One chart's embed page: the HTML text, from a finished :class:`kla.charts.Chart` and what surrounds it.

The figure is the one the dashboard draws (title, subtitle, footer with source and data version,
"DATA CONTOH" mark), sized by the page instead of fixed pixels: it fills the iframe and follows it
when it is resized (plotly's ``responsive``). Under it a line names the data version and links back
to the dashboard page of the chart; inside ``<noscript>`` the same chart as a PNG with its source
line. Texts are escaped by the template (Jinja2 autoescape); the figure travels as JSON whose
``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e``, ``\\u0026``, so a title such as
``</script><script>…`` stays text.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from kla import charts
from kla.embeds.assets import Assets
from kla.export import _plain
from kla.i18n import Lang

ENV = jinja2.Environment(loader=jinja2.PackageLoader("kla", "templates"), autoescape=True,
                         undefined=jinja2.StrictUndefined)
FOOTER_PX = 30  # the line under the figure: the iframe is this much taller than the figure
MIN_HEIGHT_PX = 240  # below this the figure's title and legend leave no plot: the page scrolls instead

TEXTS: dict[str, dict[Lang, str]] = {
    "lihat": {"id": "Lihat di Dasbor KLA Balikpapan", "en": "View on the KLA Balikpapan dashboard"},
    "contoh": {"id": "DATA CONTOH", "en": "SAMPLE DATA"},
}


@dataclass(frozen=True)
class PageParts:
    """What a page says besides the figure; plain texts (the template escapes them)."""

    version: str  # "Data versi 3, diterbitkan 29 November 2026"
    link: str  # the dashboard page of the chart
    png: str  # the fallback picture, relative to the page
    png_size: tuple[int, int]
    assets: Assets
    lang: Lang = "id"


def script_json(text: str) -> Markup:
    """JSON made safe inside a <script> element: no character of it can end the element or start a comment."""
    safe = (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return Markup(safe)  # noqa: S704 (escaped just above for a script element)


def figure_height(chart: charts.Chart) -> int:
    """The height the dashboard gives the figure (its layout's), or plotly's default 450 px."""
    return int(chart.figure.layout.height or 450)


def page_html(chart: charts.Chart, parts: PageParts) -> str:
    lang = parts.lang
    words = {key: texts[lang] for key, texts in TEXTS.items()}
    source = _plain(chart.source)  # "Sumber: … · Data versi 3, diterbitkan … · Periode: …"
    return ENV.get_template("embed.html.j2").render(
        lang=lang, title=_plain(chart.title), source=source, version=parts.version, link=parts.link,
        sample=chart.sample, s=words, png=parts.png, png_width=parts.png_size[0], png_height=parts.png_size[1],
        plotly=parts.assets.plotly, figure_json=script_json(chart.figure.to_json()),
        min_height=min(MIN_HEIGHT_PX, figure_height(chart)))
