"""Every chart and map of the export catalogue fits every screen and every press size: no text on
another text, no text cut off.

Each figure is drawn by plotly.js (the plotly package's copy, no internet) in Chromium at the
size the page gives it, and the bounding box of every SVG text is read: title, subtitle,
legend, annotations (source line, DATA CONTOH mark, gap labels, band names), axis ticks and
data labels. Two texts of different elements may not overlap by more than 1 px both ways, and
every text lies inside the figure and inside any clip path around it.

Screen widths are those of ``st.plotly_chart(width="stretch")`` on the Ringkasan page (wide
layout), measured in Chromium: Streamlit leaves 16 px each side up to 768 px, and from 1366 px
the sidebar is open beside the page. The height is the figure's own, as on the page.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import geopandas as gpd
import plotly
import plotly.io as pio
import pytest

from kla import boundaries, catalog, export
from kla.store.store import published_dataset
from tests.conftest import SHARED
from tests.e2e.browser import ROOT, Network

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
# viewport width -> width of a full-width chart on the page
SCREENS = {360: 328, 390: 358, 768: 736, 1366: 906, 1920: 1460}
TOLERANCE_PX = 1.0
OVERLAP_FREE = {"tanda_air"}  # the export's faint watermark lies across the plot on purpose

BOXES = r"""
() => {
  const gd = document.getElementById('fig');
  const root = gd.getBoundingClientRect();
  const roles = [['g.g-gtitle', 'judul'], ['g.legend', 'legenda'], ['g.annotation', 'anotasi'],
                 ['g.xtick', 'sumbu-x'], ['g.ytick', 'sumbu-y'], ['g.textpoint', 'label-data'],
                 ['g.point', 'label-data'], ['g.g-xtitle', 'judul-sumbu'], ['g.g-ytitle', 'judul-sumbu']];
  const role = (el) => (roles.find(([sel]) => el.closest(sel)) || [null, 'lain'])[1];
  const rel = (x0, y0, x1, y1) => [x0 - root.left, y0 - root.top, x1 - root.left, y1 - root.top];
  const shown = (el) => {
    for (let node = el; node && node !== gd; node = node.parentElement) {
      const s = getComputedStyle(node);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  const clipBox = (el) => {  // the clip path around the text, in the same coordinates
    for (let node = el; node && node !== gd; node = node.parentElement) {
      const ref = node.getAttribute('clip-path');
      const id = ref && ref.match(/url\(["']?#([^"')]+)/);
      const rect = id && document.getElementById(id[1]) && document.getElementById(id[1]).querySelector('rect');
      if (rect) {  // clipPath units are the user space of the element that uses it
        const m = node.getScreenCTM();
        const x = rect.x.baseVal.value, y = rect.y.baseVal.value;
        const a = new DOMPoint(x, y).matrixTransform(m);
        const b = new DOMPoint(x + rect.width.baseVal.value, y + rect.height.baseVal.value).matrixTransform(m);
        return rel(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y));
      }
    }
    return null;
  };
  const out = [];
  gd.querySelectorAll('svg.main-svg text').forEach((el) => {
    const text = el.textContent.trim();
    if (!text || el.closest('.hoverlayer') || !shown(el)) return;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    const note = el.closest('g.annotation');
    const name = note ? ((gd.layout.annotations || [])[+note.getAttribute('data-index')] || {}).name || '' : '';
    out.push({role: role(el), name, text, box: rel(r.left, r.top, r.right, r.bottom), clip: clipBox(el)});
  });
  return out;
}
"""


@pytest.fixture(scope="module")
def context(tmp_path_factory) -> catalog.Context:
    """The project's data as the pages show it (the store's version 1, so the source line names it)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KLA_STATE_DIR", str(tmp_path_factory.mktemp("state")))
        mp.delenv("KLA_DB_URL", raising=False)
        data = published_dataset(ROOT / "data").dataset
    shapes = gpd.read_file(SHARED / "geo" / "balikpapan_kelurahan.geojson")[list(boundaries.OUTPUT_COLUMNS)]
    return catalog.Context(data, boundaries=shapes, attribution="Batas wilayah: © kontributor OpenStreetMap (ODbL)")


@pytest.fixture(scope="module")
def charts(context) -> dict:
    return {}


def chart_of(charts: dict, context: catalog.Context, name: str):
    if name not in charts:
        charts[name] = catalog.build(name, context)
    return charts[name]


@pytest.fixture(scope="module")
def plot_page(browser):
    """One page for every figure: plotly.js loaded once, each figure drawn into the same div."""
    page = browser.new_page()
    net = Network()
    page.route("**/*", net.route)
    page.set_content("<html><body style='margin:0'><div id='fig'></div></body></html>")
    page.add_script_tag(path=str(PLOTLY_JS))
    yield page
    page.close()
    assert not net.blocked, f"plotly tried to reach the internet: {net.blocked}"


def text_boxes(page, figure: dict, width: int, height: int, viewport: int) -> list[dict]:
    page.set_viewport_size({"width": viewport, "height": max(height, 600)})
    figure["layout"].update(width=width, height=height, autosize=False)
    page.evaluate("(f) => { Plotly.purge('fig'); return Plotly.newPlot('fig', f.data, f.layout, "
                  "{displaylogo: false, responsive: false}); }", figure)
    return page.evaluate(BOXES)


def describe(item: dict) -> str:
    label = f"{item['role']}:{item['name']}" if item["name"] else item["role"]
    box = ", ".join(f"{v:.0f}" for v in item["box"])
    return f"{label} {item['text'][:60]!r} [{box}]"


def problems(items: list[dict], width: int, height: int) -> list[str]:
    found = []
    for i, a in enumerate(items):
        x0, y0, x1, y1 = a["box"]
        if x0 < -TOLERANCE_PX or y0 < -TOLERANCE_PX or x1 > width + TOLERANCE_PX or y1 > height + TOLERANCE_PX:
            found.append(f"outside the {width}x{height} figure: {describe(a)}")
        if a["clip"]:
            c0, d0, c1, d1 = a["clip"]
            if x0 < c0 - TOLERANCE_PX or y0 < d0 - TOLERANCE_PX or x1 > c1 + TOLERANCE_PX or y1 > d1 + TOLERANCE_PX:
                found.append(f"cut by its clip path [{c0:.0f}, {d0:.0f}, {c1:.0f}, {d1:.0f}]: {describe(a)}")
        if a["name"] in OVERLAP_FREE:
            continue
        for b in items[i + 1:]:
            if b["name"] in OVERLAP_FREE:
                continue
            wide = min(x1, b["box"][2]) - max(x0, b["box"][0])
            high = min(y1, b["box"][3]) - max(y0, b["box"][1])
            if wide > TOLERANCE_PX and high > TOLERANCE_PX:
                found.append(f"overlap {wide:.0f}x{high:.0f} px: {describe(a)} / {describe(b)}")
    return found


def check(items: list[dict], width: int, height: int, what: str) -> None:
    # the words every chart carries must be there, or the test would pass on an empty figure
    names = {i["name"] for i in items if i["role"] == "anotasi"}
    assert any(i["role"] == "judul" for i in items), f"{what}: no title drawn"
    assert {"sumber", "contoh"} <= names, f"{what}: source line or DATA CONTOH mark missing ({sorted(names)})"
    found = problems(items, width, height)
    assert not found, f"{what}: {len(found)} text(s) overlap or are cut:\n  " + "\n  ".join(found)


NAMES = list(catalog.CATALOG)
# The press map is offered as a file, not drawn on a page; its screen layout (the figure before an
# export size is fitted) is checked at the screen widths all the same.
ON_SCREEN = NAMES
KNOWN: dict[tuple[str, int | str], str] = {}  # (chart, width or press size): why it fails, marked strict xfail


def cases(names: list[str], sizes) -> list:
    return [pytest.param(n, s, id=f"{n}-{s}px" if isinstance(s, int) else f"{n}-{s}",
                         marks=pytest.mark.xfail(strict=True, reason=KNOWN[n, s]) if (n, s) in KNOWN else ())
            for n in names for s in sizes]


@pytest.mark.parametrize(("name", "viewport"), cases(ON_SCREEN, SCREENS))
def test_chart_fits_the_screen(plot_page, charts, context, name, viewport):
    chart = chart_of(charts, context, name)
    width, height = SCREENS[viewport], int(chart.figure.layout.height or 450)
    items = text_boxes(plot_page, json.loads(pio.to_json(chart.figure)), width, height, viewport)
    check(items, width, height, f"{name} at {viewport} px ({width}x{height})")


STAMP = export.Stamp(dt.date(2026, 11, 30))


@pytest.mark.parametrize(("name", "size"), cases(NAMES, export.PRESETS))
def test_chart_fits_each_press_size(plot_page, charts, context, name, size):
    preset = export.PRESETS[size]
    figure = export.press_figure(chart_of(charts, context, name), preset, STAMP)
    width, height = preset.layout_size
    items = text_boxes(plot_page, json.loads(pio.to_json(figure)), width, height, width)
    check(items, width, height, f"{name} at {size} ({width}x{height})")
