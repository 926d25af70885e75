"""kla/staticmap/labels.py: every kelurahan named where its name fits (the dense centre in the inset),
numbered elsewhere with a key of the numbers drawn, and no text on another.

Text widths from Liberation Sans (the font Chromium and kaleido draw for Arial here), not from
the module's own measurements; pixel scales from the figure's layout.
"""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
import shapely
from PIL import ImageFont

from kla import staticmap
from kla.staticmap import labels
from tests.staticmap_fixtures import (  # noqa: F401
    ARIAL_METRICS,
    KARIANGAU,
    SIZES,
    geo_fixture,
    key_pairs,
    label_points,
    named_map_fixture,
    px_per_degree,
    shapes_fixture,
    shown_labels,
    shown_numbers,
    values_fixture,
)


def text_box(x: float, y: float, text: str, size: float, per_lon: float, per_lat: float) -> shapely.Polygon:
    """The box a text takes on the map, in degrees: its widest line by its lines of 1.2 font sizes."""
    font = ImageFont.truetype(str(ARIAL_METRICS), 100)
    lines = text.split("<br>")
    half_w = max(font.getlength(line) for line in lines) * size / 100 / 2 / per_lon
    half_h = 1.2 * size * len(lines) / 2 / per_lat
    return shapely.box(x - half_w, y - half_h, x + half_w, y + half_h)


@pytest.fixture(autouse=True)
def _font():
    if not ARIAL_METRICS.exists():
        pytest.skip("Liberation Sans (Arial's metrics) is not installed")


def test_names_are_shown_only_where_they_fit_and_the_dense_centre_is_named_in_the_inset(named_map, shapes):
    width, height = 1080, 1080
    fig = staticmap.fit_map_labels(go.Figure(named_map), width, height)
    by_code = dict(zip(shapes["kode_kelurahan"], shapes.geometry))
    named: dict[str, set[str]] = {"x": set(), "x2": set()}
    for axis, x, y, text, size in label_points(fig):
        if text.isdigit():
            continue
        assert size >= staticmap.LABEL_MIN_PX
        box = text_box(x, y, text, size, *px_per_degree(fig, width, height, axis))
        (home,) = [code for code, geom in by_code.items() if geom.contains(shapely.Point(x, y))]
        inside = box.intersection(by_code[home]).area / box.area
        assert inside >= 0.95, (text, round(inside, 3))  # the letters in their kelurahan (a box's edge may bleed)
        named[axis].add(home)
    assert KARIANGAU in named["x"]  # 187 km²: always room for its name on the city map
    members, _ = staticmap.dense_centre(shapes["kode_kelurahan"], shapes.geometry)
    assert not named["x"] & set(members)  # the old town is named in the inset, not on the city map
    areas = shapes.to_crs(32750).set_index("kode_kelurahan").area.sort_values()
    assert len(named["x2"] & set(areas.index[:15])) >= 10  # of the 15 smallest, unnamed on the old map


def test_a_larger_map_names_more_kelurahan_in_larger_type(named_map, shapes):
    by_code = dict(zip(shapes["kode_kelurahan"], shapes.geometry))

    def named(fig) -> set[str]:
        return {code for x, y, *_ in shown_labels(fig) for code, geom in by_code.items()
                if geom.contains(shapely.Point(x, y))}

    fig = go.Figure(named_map)
    small = staticmap.fit_map_labels(fig, 794, 1123)
    small_named, small_max = named(small), max(s for *_, s in shown_labels(small))
    large = staticmap.fit_map_labels(fig, 1080, 1920)
    assert small_named < named(large)
    assert max(s for *_, s in shown_labels(large)) > small_max


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_kelurahan_is_named_or_numbered_and_the_key_names_the_numbers(named_map, shapes, size):
    fig = staticmap.fit_map_labels(go.Figure(named_map), *size)
    names = dict(zip(shapes["kode_kelurahan"], shapes["nama_kelurahan"]))
    by_code = dict(zip(shapes["kode_kelurahan"], shapes.geometry))
    key = key_pairs(fig)
    numbers = shown_numbers(fig)
    assert sorted(int(n) for n in key) == list(range(1, len(key) + 1))  # 1, 2, … with no gap
    assert sorted(text for *_, text, _ in numbers) == sorted(key)  # each number drawn once, and in the key
    found = set()
    for x, y, text, _ in shown_labels(fig) + numbers:
        (home,) = [code for code, geom in by_code.items() if geom.contains(shapely.Point(x, y))]
        if text.isdigit():
            assert key[text] == names[home], (text, names[home])  # the number's key entry is that kelurahan
        found.add(home)
    assert found == set(names), f"not named or numbered: {[names[c] for c in set(names) - found]}"
    assert all(size >= staticmap.NUMBER_MIN_PX for *_, size in numbers)


@pytest.mark.parametrize("size", [*SIZES, (720, 720), (328, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_text_on_another(named_map, size):
    """Numbers move apart in the dense centre: the square press size had 30 and 31 touching."""
    width, height = size
    fig = staticmap.fit_map_labels(go.Figure(named_map), width, height)
    for axis in sorted({a for a, *_ in label_points(fig)}):
        per_lon, per_lat = px_per_degree(fig, width, height, axis)
        boxes = [(text, text_box(x, y, text, size, per_lon, per_lat))
                 for a, x, y, text, size in label_points(fig) if a == axis]
        touching = [(a, b) for i, (a, one) in enumerate(boxes) for b, other in boxes[i + 1:]
                    if one.intersects(other) and one.intersection(other).area > 0]
        assert not touching, touching


def test_a_number_that_would_touch_another_moves_within_its_kelurahan():
    """Two strips 4 px wide side by side: their numbers at their poles would overlap."""
    ratio, per_lat = 1.0, 8000.0  # px per degree: a strip 0.0005° wide is 4 px, 0.01° tall is 80 px
    strips = {"a": shapely.box(0, 0, 0.0005, 0.01), "b": shapely.box(0.0005, 0, 0.001, 0.01)}
    fig = go.Figure()
    for code, strip in strips.items():
        x, y, data = labels.label_item(code, "Nama yang panjang", strip, ratio)
        fig.add_trace(go.Scatter(x=[x], y=[y], customdata=[data], text=[""], mode="text", name="label"))
    fig.update_layout(xaxis=dict(range=[-0.002, 0.003]), yaxis=dict(range=[-0.001, 0.011], scaleratio=ratio))
    assert labels.show_labels(fig, per_lat) == ["a", "b"]
    placed = [(tr.x[0], tr.y[0], tr.text[0], tr.textfont.size[0]) for tr in fig.data]
    assert [text for *_, text, _ in placed] == ["1", "2"]
    boxes = [text_box(x, y, text, size, per_lat / ratio, per_lat) for x, y, text, size in placed]
    assert not boxes[0].intersects(boxes[1])
    for (x, y, *_), strip in zip(placed, strips.values()):
        assert strip.contains(shapely.Point(x, y))  # still inside its own kelurahan
    poles = [tuple(tr.customdata[0][labels.SPOTS][0]) for tr in fig.data]
    assert sum((x, y) == pole for (x, y, *_), pole in zip(placed, poles)) == 1  # one stays at its pole


def test_key_text_wraps_to_the_width():
    entries = [f"{n} Gunung Samarinda Baru" for n in range(1, 9)]
    narrow = labels.key_text(entries, 300, "id").split("<br>")
    wide = labels.key_text(entries, 1000, "id").split("<br>")
    assert narrow[0].startswith("Nomor pada peta:") and len(narrow) > len(wide) >= 2
    font = ImageFont.truetype(str(ARIAL_METRICS), labels.KEY_PX)
    assert max(font.getlength(line) for line in narrow) <= 300
    assert labels.key_text([], 300, "id") == ""
