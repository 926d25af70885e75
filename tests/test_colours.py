"""Contrast (WCAG 2.2 AA) of every colour pair the charts and maps draw, read from the code's own constants.

Text needs 4.5:1 on what it is written on, lines, markers, bars, borders and legend swatch
edges 3:1 on their background. The pairs are taken from the modules (not copied here), so a
new or changed colour is checked as soon as it is used.
"""

from __future__ import annotations

import re

import pytest

from kla import charts, colours, mapdata, tilemap
from kla.colours import GRAPHIC_MIN, TEXT_MIN, contrast
from kla.maps import leaflet
from kla.staticmap import figure as staticfigure

WHITE = "#FFFFFF"


# --- the helper --------------------------------------------------------------------------------


def test_contrast_of_the_extremes_and_of_a_known_pair():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    # WCAG's own example: #767676 is the lightest grey with 4.5:1 on white
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast("#777777", WHITE) < 4.5
    assert contrast("#abc", WHITE) == contrast("#AABBCC", WHITE)  # short form, either order
    assert contrast(WHITE, "#AABBCC") == contrast("#AABBCC", WHITE)


def test_rgb_rejects_what_is_not_hex():
    with pytest.raises(ValueError, match="#RRGGBB"):
        colours.rgb("rgba(0,0,0,0.5)")


def test_darken_to_keeps_a_colour_that_passes_and_darkens_one_that_does_not():
    assert colours.darken_to("#0072B2", (WHITE,), 3.0) == "#0072B2"
    darker = colours.darken_to("#E69F00", (WHITE,), 3.0)
    assert contrast(darker, WHITE) >= 3.0 > contrast("#E69F00", WHITE)
    assert colours.luminance(darker) < colours.luminance("#E69F00")


def test_blend_over_white():
    assert colours.blend("#000000", WHITE, 0.5) == "#808080"
    assert colours.blend("#123456", WHITE, 1.0) == "#123456"


# --- the palettes in use -----------------------------------------------------------------------


def _text_pairs() -> list[tuple[str, str, str]]:
    """(what, text colour, background) for every text colour the charts and maps use."""
    bands = {f"band {k}": v for k, v in charts.BAND_COLOURS.items()}
    grounds = {"white": WHITE, **bands}
    pairs = [(f"{name} on {where}", colour, ground)
             for name, colour in (("TEXT", charts.TEXT), ("MUTED", charts.MUTED), ("TARGET_TEXT", charts.TARGET_TEXT))
             for where, ground in grounds.items()]
    pairs += [("SAMPLE_TEXT on SAMPLE_FILL", charts.SAMPLE_TEXT, charts.SAMPLE_FILL),
              ("tile map kecamatan names", tilemap.KECAMATAN_LINE, WHITE)]
    fills = {*mapdata.PALETTE, *mapdata.CATEGORY_COLOURS.values(), mapdata.NO_DATA}
    pairs += [(f"map label on {fill}", tilemap.label_colour(fill), fill) for fill in sorted(fills)]
    return pairs


def _graphic_pairs() -> list[tuple[str, str, str]]:
    """(what, colour, background) for lines, markers, bars and edges that carry meaning."""
    pairs = [(f"series colour {c}", c, WHITE) for c in (*charts.OKABE_ITO, charts.GREY, charts.PROGRESS)]
    pairs += [(f"Paripurna line on {k}", charts.TEXT, v) for k, v in charts.BAND_COLOURS.items()]
    pairs += [("legend swatch edge (tile map)", tilemap.LEGEND_EDGE, WHITE),
              ("legend swatch edge (press map)", staticfigure.OUTLINE, WHITE),
              ("kecamatan border (folium)", leaflet.KECAMATAN_BORDER, leaflet.BACKGROUND),
              ("focus outline (folium)", leaflet.FOCUS_BORDER, leaflet.BACKGROUND),
              ("initiative point (folium)", leaflet.INITIATIVE_COLOUR, leaflet.BACKGROUND)]
    return pairs


def _css_pairs(css: str) -> list[tuple[str, str, str]]:
    """(rule, text colour, background) of every CSS rule that sets a text colour: its own
    background where it sets one, else white (the legend, tooltip and popup are white boxes)."""
    pairs = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        text = re.search(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{3,6})\b", body)
        ground = re.search(r"background(?:-color)?:\s*(#[0-9A-Fa-f]{3,6})\b", body)
        if text:
            pairs.append((selector.strip(), text.group(1), ground.group(1) if ground else WHITE))
    return pairs


def test_the_walk_finds_the_css_colours():
    found = _css_pairs(leaflet._MAP_CSS)
    assert len(found) >= 8  # legend title/unit/notes, tooltip, popup texts and its link button
    assert any(ground != WHITE for _, _, ground in found)  # the popup's link is white on its button


@pytest.mark.parametrize(("what", "fore", "back"), _text_pairs() + _css_pairs(leaflet._MAP_CSS))
def test_text_meets_4_5_to_1(what, fore, back):
    assert contrast(fore, back) >= TEXT_MIN, f"{what}: {fore} on {back} is {contrast(fore, back):.2f}:1"


@pytest.mark.parametrize(("what", "fore", "back"), _graphic_pairs())
def test_lines_markers_and_edges_meet_3_to_1(what, fore, back):
    assert contrast(fore, back) >= GRAPHIC_MIN, f"{what}: {fore} on {back} is {contrast(fore, back):.2f}:1"
