"""Colour contrast by WCAG 2.2: the check every palette of the dashboard is held to.

Text needs 4.5:1 against what it is written on (WCAG 1.4.3), lines, markers, map fills and
legend swatches 3:1 against their neighbours (1.4.11, non-text contrast). Pure functions of
'#RRGGBB' strings; ``tests/test_colours.py`` walks the palettes the charts and maps really use.
"""

from __future__ import annotations

TEXT_MIN = 4.5  # body text, WCAG 1.4.3 AA
GRAPHIC_MIN = 3.0  # graphical objects and interface parts, WCAG 1.4.11 AA


def rgb(colour: str) -> tuple[int, int, int]:
    """'#1A2B3C' (or '#abc') as three 0-255 channels; anything else raises ``ValueError``."""
    digits = colour.strip().lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    if len(digits) != 6:
        raise ValueError(f"Warna '{colour}' bukan heksadesimal '#RRGGBB'")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def luminance(colour: str) -> float:
    """WCAG relative luminance of '#RRGGBB': 0 for black, 1 for white."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in rgb(colour))]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """Contrast ratio of two colours, 1 (same) to 21 (black on white); the order does not matter."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(colour: str, background: str, opacity: float) -> str:
    """``colour`` painted at ``opacity`` over ``background``: what the eye sees of a translucent fill."""
    mixed = (round(opacity * c + (1 - opacity) * b) for c, b in zip(rgb(colour), rgb(background)))
    return "#" + "".join(f"{v:02X}" for v in mixed)


def darken_to(colour: str, backgrounds: tuple[str, ...], minimum: float) -> str:
    """``colour`` with its lightness lowered in small steps (hue and saturation kept) until it
    contrasts at least ``minimum`` with every one of ``backgrounds``; unchanged when it already does."""
    import colorsys

    r, g, b = (v / 255 for v in rgb(colour))
    hue, light, sat = colorsys.rgb_to_hls(r, g, b)
    current = colour.upper()
    while light > 0 and min(contrast(current, bg) for bg in backgrounds) < minimum:
        light = max(light - 0.005, 0.0)
        current = "#" + "".join(f"{round(v * 255):02X}" for v in colorsys.hls_to_rgb(hue, light, sat))
    return current
