"""Make data text safe to show: anything from a data file is untrusted.

Initiative names, descriptions and organisers are typed by many people; a name like
``<img src=x onerror=alert(1)>`` or ``**PENTING** [klik](http://x)`` must be shown as those
characters, never run, styled or linked. Each way the interface shows text has one helper here:

- :func:`escape_markdown`: every Streamlit element that renders Markdown (``st.markdown``,
  ``st.caption``, ``st.info`` and other alerts, titles and headers, ``st.table`` cells, widget
  labels, ``help=`` texts, ``st.metric`` labels and values, radio and segmented-control options,
  page links). Selectbox and multiselect options and ``st.dataframe`` cells are plain text already
  and take the text as it is.
- :func:`markdown_code`: data text inside a Markdown code span.
- :func:`escape_plotly`: plotly labels, legends, hover texts and annotations.
- :func:`escape_html`: real HTML (folium tooltips and popups).
- :func:`safe_url`: a URL from data, kept only when it is an absolute http(s) address; it is shown
  with ``st.link_button`` or a link column, never spliced into Markdown.
"""

from __future__ import annotations

import html
import re
import string
from urllib.parse import urlsplit

# CommonMark lets any ASCII punctuation be backslash-escaped; escaping all of it means no data
# text can open a link, an image, an emphasis, a heading, a list, a table, an HTML tag, an entity,
# LaTeX ($) or Streamlit's own directives (:red[...], :material/...:).
_MARKDOWN_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
# RFC 3986 characters (unreserved, reserved and "%"); anything else (spaces, quotes, angle brackets,
# control characters, backslashes) means the text is not a plain URL.
_URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
URL_SCHEMES = ("http", "https")
# GitHub-flavoured Markdown turns bare "http://…", "www.…" and "name@host" into links by searching the
# text *after* escapes are read, so backslashes cannot stop it: an invisible word joiner between
# "http" and "://", "www" and ".", and before "@" breaks those patterns without changing what is seen.
AUTOLINK_BREAK = "\u2060"
_AUTOLINK_TRIGGERS = re.compile(r"(?i)(https?(?=:)|www(?=\.)|(?=@))")


def _one_line(text: object) -> str:
    # Any line break (LF, CR, Unicode separators) could start a heading or a list item, and leading
    # spaces an indented code block: all whitespace runs become one space.
    return " ".join(("" if text is None else str(text)).split())


def escape_html(text: object) -> str:
    """For HTML contexts (folium tooltips and popups, unsafe_allow_html blocks)."""
    return html.escape("" if text is None else str(text), quote=True)


def escape_markdown(text: object) -> str:
    """For Markdown contexts: one line, every ASCII punctuation character backslashed, bare URLs
    and e-mail addresses kept from becoming links (:data:`AUTOLINK_BREAK`).

    The reader sees the text exactly as typed (with runs of whitespace as one space).
    """
    unlinked = _AUTOLINK_TRIGGERS.sub(lambda m: m.group(1) + AUTOLINK_BREAK, _one_line(text))
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", unlinked)


def markdown_code(text: object) -> str:
    """``text`` as a Markdown code span: shown literally in a monospace font.

    Backslash escapes do not work inside a code span, so the fence is made longer than any run of
    backticks in the text instead.
    """
    line = _one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", line)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {line} {fence}" if line else ""


def escape_plotly(text: object) -> str:
    """For plotly text (axis labels, legends, hover texts, annotations).

    Plotly reads a subset of HTML tags (``<b>``, ``<a href>``, ``<br>``, ...) and decodes only a few
    named entities (``&amp; &lt; &gt;``, not ``&quot;``): escaping exactly ``& < >`` keeps tags
    from data inert while quotes and apostrophes show as themselves.
    """
    return html.escape("" if text is None else str(text), quote=False)


def safe_url(text: object) -> str | None:
    """``text`` when it is an absolute http(s) URL with a host and nothing else; else None.

    ``javascript:``, ``data:``, relative paths and text with spaces or markup are not links.
    """
    candidate = "" if text is None else str(text).strip()
    if not _URL_CHARACTERS.fullmatch(candidate):
        return None
    try:
        parts = urlsplit(candidate)
        host = parts.hostname
    except ValueError:  # e.g. an unbalanced "[" in the host part
        return None
    if parts.scheme.lower() not in URL_SCHEMES or not host:
        return None
    return candidate


def url_host(url: str) -> str:
    """The host of a URL from :func:`safe_url`, for a link's label ("www.example.org")."""
    return urlsplit(url).hostname or url
