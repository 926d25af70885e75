"""How wide a chart text is drawn, in pixels, and wrapping to a pixel width.

Charts are laid out once, on the server, for every screen from a 360 px phone to a projector:
titles, legends and footers must be wrapped and given room before the browser measures them.
Counting characters is not enough ("Wilayah" and "iiiiiii" differ by a factor of three), so the
advance widths of Arial are kept here, in thousandths of the font size. Arial, Liberation Sans
(the charts' font on Linux and in the exports) and Helvetica share these metrics; Android's
Roboto is a little narrower, so a text measured here never needs more room than measured.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Arial regular and bold advance widths (1/1000 em) of printable ASCII, code points 32 to 126.
_ASCII = 32
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667,
    556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556,
    556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
    500, 500, 500, 334, 260, 334, 584,
)
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722,
    611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556,
    611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778,
    556, 556, 500, 389, 280, 389, 584,
)
# Beyond ASCII: the marks the charts use, and accented letters as wide as their base letter.
_OTHER = {"\u00a0": 278, "–": 556, "—": 1000, "·": 278, "…": 1000, "‘": 222, "’": 222, "“": 333, "”": 333,
          "×": 584, "°": 400, "±": 549, "≤": 549, "≥": 549, "²": 333, "³": 333, "€": 556, "«": 556, "»": 556}
_WIDE = 1000  # any other character: as wide as an em, so it is never under-measured
_TAG = re.compile(r"<[^>]*>")


def _advance(ch: str, bold: bool) -> int:
    code = ord(ch)
    if _ASCII <= code < _ASCII + len(_REGULAR):
        return (_BOLD if bold else _REGULAR)[code - _ASCII]
    if ch in _OTHER:
        return _OTHER[ch]
    base = _base_letter(ch)
    return _advance(base, bold) if base else _WIDE


def _base_letter(ch: str) -> str | None:
    decomposed = unicodedata.normalize("NFD", ch)
    return decomposed[0] if len(decomposed) > 1 and decomposed[0].isascii() else None


def plain_lines(text: str) -> list[str]:
    """Plotly text as the lines the reader sees: split at ``<br>``, tags dropped, entities read."""
    return [html.unescape(_TAG.sub("", line)) for line in re.split(r"<br\s*/?>", text, flags=re.IGNORECASE)]


def text_px(text: str, size: float, bold: bool = False, markup: bool = True) -> float:
    """Width in px of the widest line of ``text`` drawn at ``size`` px.

    ``markup``: ``text`` is plotly text (``<br>``, ``<b>``, escaped marks); else it is drawn as it is.
    """
    if not markup:
        return sum(_advance(ch, bold) for ch in text) * size / 1000
    bold = bold or "<b>" in text.lower()
    return max((sum(_advance(ch, bold) for ch in line) * size / 1000 for line in plain_lines(text)), default=0.0)


def wrap_px(text: str, width_px: float, size: float, bold: bool = False, markup: bool = True) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width_px`` (a longer word keeps a line).

    Only plain spaces break a line: a no-break space (U+00A0) keeps its neighbours together.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in filter(None, paragraph.split(" ")):
            candidate = f"{line} {word}" if line else word
            if line and text_px(candidate, size, bold, markup) > width_px:
                lines.append(line)
                line = word
            else:
                line = candidate
        if line:
            lines.append(line)
    return lines
