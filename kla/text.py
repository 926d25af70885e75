"""Make data text safe to show: anything from a data file is untrusted.

Initiative names, descriptions and organisers are typed by many people; a name like
``<img src=x onerror=alert(1)>`` must be shown as those characters, never run.
"""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~:$])")


def escape_html(text: object) -> str:
    """For HTML contexts (folium tooltips and popups, unsafe_allow_html blocks)."""
    return html.escape("" if text is None else str(text), quote=True)


def escape_markdown(text: object) -> str:
    """For st.markdown / captions: HTML-escaped and with Markdown syntax characters backslashed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escape_html(text)).replace("\n", " ")
