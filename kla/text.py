"""Make data text safe to show: anything from a data file is untrusted.

Initiative names, descriptions and organisers are typed by many people; a name like
``<img src=x onerror=alert(1)>`` must be shown as those characters, never run.
"""

from __future__ import annotations

import html
import re
import string

# CommonMark lets any ASCII punctuation be backslash-escaped; escaping all of it means no data
# text can open a link, an emphasis, a heading or an HTML tag.
_MARKDOWN_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")


def escape_html(text: object) -> str:
    """For HTML contexts (folium tooltips and popups, unsafe_allow_html blocks)."""
    return html.escape("" if text is None else str(text), quote=True)


def escape_markdown(text: object) -> str:
    """For st.markdown / captions: every punctuation character backslashed, on one line."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", "" if text is None else str(text)).replace("\n", " ")
