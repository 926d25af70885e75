"""kla/staticmap/layout.py: the press map laid out for each export size (legend, key, inset)."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from kla import staticmap
from tests.staticmap_fixtures import (  # noqa: F401
    SIZES,
    geo_fixture,
    named_map_fixture,
    px_per_degree,
    shapes_fixture,
    values_fixture,
)


def domains_px(fig, width: int, height: int, axis: str) -> tuple[float, float, float, float]:
    """A subplot's domain in px of the page: left, top, right, bottom."""
    suffix = axis[1:]
    margin = fig.layout.margin
    plot_w, plot_h = width - margin.l - margin.r, height - margin.t - margin.b
    (x0, x1), (y0, y1) = fig.layout[f"xaxis{suffix}"].domain, fig.layout[f"yaxis{suffix}"].domain
    return (margin.l + x0 * plot_w, margin.t + (1 - y1) * plot_h, margin.l + x1 * plot_w, margin.t + (1 - y0) * plot_h)


def test_landscape_puts_the_legend_beside_the_map_and_tall_pages_below_it(named_map):
    fig = go.Figure(named_map)
    assert staticmap.map_fit(fig, 1920, 700).layout == "samping"
    staticmap.fit_map_labels(fig, 1920, 700)
    assert fig.layout.legend.orientation == "v" and fig.layout.legend.x == 0
    assert fig.layout.xaxis.domain[0] > 0.2  # the map starts right of the title/legend column
    staticmap.fit_map_labels(fig, 1200, 675)
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.yanchor == "bottom"


def test_the_inset_goes_beside_the_city_on_wide_pages_and_under_it_on_tall_ones(named_map):
    fig = go.Figure(named_map)
    for (width, height), where in (((1200, 675), "kanan"), ((1080, 1920), "bawah"), ((794, 1123), "bawah")):
        assert staticmap.map_fit(fig, width, height).inset == where
        staticmap.fit_map_labels(fig, width, height)
        city, inset = domains_px(fig, width, height, "x"), domains_px(fig, width, height, "x2")
        if where == "kanan":
            assert inset[0] > city[2]  # right of the city, not on it
        else:
            assert inset[1] > city[3]  # under the city
        # the inset enlarges: three times the city map's scale or more
        assert px_per_degree(fig, width, height, "x2")[1] >= 3 * px_per_degree(fig, width, height, "x")[1]


@pytest.mark.parametrize("size", SIZES)
def test_fit_map_labels_is_idempotent(named_map, size):
    """Fitting one size after all the others gives the same figure as fitting it alone."""
    once = staticmap.fit_map_labels(go.Figure(named_map), *size)
    again = go.Figure(named_map)
    for other in SIZES:
        staticmap.fit_map_labels(again, *other)
    staticmap.fit_map_labels(again, *size)
    assert again.to_plotly_json() == once.to_plotly_json()


@pytest.mark.parametrize("size", [*SIZES, (720, 720), (540, 960), (328, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_city_and_inset_keep_their_shape_inside_the_page(named_map, size):
    """Each subplot's domain has the shape of its map (no squeezing by plotly), inside the plot area."""
    width, height = size
    fig = staticmap.fit_map_labels(go.Figure(named_map), width, height)
    margin = fig.layout.margin
    for axis in ("x", "x2"):
        left, top, right, bottom = domains_px(fig, width, height, axis)
        assert margin.l - 1e-6 <= left < right <= width - margin.r + 1e-6
        assert margin.t - 1e-6 <= top < bottom <= height - margin.b + 1e-6
        suffix = axis[1:]
        (x0, x1), (y0, y1) = fig.layout[f"xaxis{suffix}"].range, fig.layout[f"yaxis{suffix}"].range
        aspect = (x1 - x0) / ((y1 - y0) * fig.layout[f"yaxis{suffix}"].scaleratio)
        assert (right - left) / (bottom - top) == pytest.approx(aspect, rel=1e-3)
    city, inset = domains_px(fig, width, height, "x"), domains_px(fig, width, height, "x2")
    assert city[2] <= inset[0] or city[3] <= inset[1]  # side by side or one above the other, never on each other


def test_the_map_takes_the_page(named_map):
    fig = go.Figure(named_map)
    for width, height in SIZES:
        fit = staticmap.map_fit(staticmap.fit_map_labels(fig, width, height), width, height)
        map_w, map_h = fit.map_px
        assert map_w <= width and map_h <= height
        assert map_w >= 0.55 * width or map_h >= 0.55 * height, (width, height)  # the map, not the margins
