"""Links to share one view of the dashboard: the page with every choice in the URL, and plain share links.

A view is fully described by its address: each selector keeps its choice in the query string
(kla.ui.widgets: ``?tahun=2023``, ``?jenis=RBRA,PUSPAGA``, ``?dari=…&sampai=…``, ``?q=…``) and the
language in ``?lang=en``. :func:`view_link` puts a page's address back together from those parts,
optionally with an anchor to one chart (:func:`chart_anchor`). :func:`share_links` turns a link into
the addresses of WhatsApp's, X's and the e-mail program's own "share" pages: plain links, so the
dashboard loads no third-party script and tells no one else who reads it.

Every part is percent-encoded with ``%20`` for a space (never ``+``): ``mailto:`` reads ``+`` as a
plus sign (RFC 6068), and the same rule everywhere keeps one encoder.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from kla.i18n import STRINGS, Lang, t

LIST_SEPARATOR = ","  # as kla.ui.widgets writes a multiselect: ?jenis=RBRA,PUSPAGA
# kept readable in the query string: a comma is allowed there unencoded (RFC 3986 sub-delims) and the
# dashboard splits on it itself; "&", "=", "#" and "+" inside a value are always encoded
QUERY_SAFE = LIST_SEPARATOR
DEFAULT_LANG: Lang = "id"  # Indonesian links carry no ?lang= (kla.ui.widgets.language_selector)
ANCHOR_PREFIX = "grafik-"

WHATSAPP = "https://wa.me/"
X_POST = "https://x.com/intent/post"

ParamValue = str | Sequence[str]


def chart_anchor(chart_name: str) -> str:
    """The HTML id of a chart on its page, also the link's ``#…``: ``grafik-`` and the name's letters and digits."""
    slug = re.sub(r"[^a-z0-9]+", "-", chart_name.lower()).strip("-")
    return ANCHOR_PREFIX + (slug or "x")


def query_string(params: Mapping[str, ParamValue]) -> str:
    """``a=1&b=x,y`` in the order given; a list is one comma-separated value; an empty value stays (``jenis=``:
    the person chose none, which differs from the default)."""
    parts = []
    for key, value in params.items():
        text = value if isinstance(value, str) else LIST_SEPARATOR.join(value)
        parts.append(f"{quote(key, safe='')}={quote(text, safe=QUERY_SAFE)}")
    return "&".join(parts)


def view_link(base: str, page: str, params: Mapping[str, ParamValue], anchor: str | None = None,
              lang: Lang = DEFAULT_LANG) -> str:
    """The link to ``page`` under ``base`` with ``params`` (the page's current choices) and ``#anchor``.

    ``base``: the dashboard's public address (kla.config.public_url) or the origin and path the visitor
    reached it at; empty gives a link from the root of the host. ``page``: the page's URL path, empty for
    the default page. ``lang`` is the language the view is read in: a ``lang`` among ``params`` is
    replaced by it, and Indonesian (the default) leaves it out.
    """
    address = f"{base.rstrip('/')}/{quote(page.strip('/'), safe='/')}"
    choices = {k: v for k, v in params.items() if k != "lang"}
    if lang != DEFAULT_LANG:
        choices["lang"] = lang
    query = query_string(choices)
    link = f"{address}?{query}" if query else address
    return f"{link}#{quote(anchor, safe='')}" if anchor else link


@dataclass(frozen=True)
class ShareLinks:
    whatsapp: str
    x: str
    email: str


def share_text(title: str, lang: Lang = DEFAULT_LANG) -> str:
    """What the shared message says before the link: the view's title and the dashboard's name."""
    return t("bagikan.pesan", lang, judul=title)


def share_links(link: str, title: str, lang: Lang = DEFAULT_LANG) -> ShareLinks:
    """WhatsApp, X and e-mail addresses that open a message with ``title`` and ``link`` already written."""
    text = share_text(title, lang)
    body = f"{text}\r\n\r\n{link}"  # RFC 6068: a line break in a mailto body is CRLF
    return ShareLinks(
        whatsapp=f"{WHATSAPP}?text={quote(f'{text} {link}', safe='')}",
        x=f"{X_POST}?text={quote(text, safe='')}&url={quote(link, safe='')}",
        email=f"mailto:?subject={quote(text, safe='')}&body={quote(body, safe='')}",
    )


def chart_title(chart_name: str, lang: Lang, fallback: str) -> str:
    """The chart's name as the export catalogue says it (kla.catalog), else ``fallback`` (the page's title)."""
    return t(f"katalog.{chart_name}", lang) if f"katalog.{chart_name}" in STRINGS else fallback
