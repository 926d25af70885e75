"""Data text is text on every public page and meeting view, in a real Chromium.

A copy of ``data/`` gets Markdown, LaTeX, link, image, HTML and script payloads in every free-text
column of every file (still valid: the copy must load without a problem), and is served by its own
app. On every page, in every frame (folium map and component iframes included), with chart hover
labels and every map tooltip and popup opened, nothing the payload asked for may exist: no element
it made (bold, heading, list, link, image, KaTeX, table cell, script), no URL pointing at its
host 127.0.0.2, no request to that host, no dialog, and no escape shown as characters
(``&quot;`` or a backslash) instead of the text itself.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import expect

from kla.loading import load_dataset
from kla.schema import FILES
from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, Network, screenshot, start_app, stop_app, wait_idle

HOST = "127.0.0.2"
# Longest first: a column gets the longest that fits its length cap next to the real text.
PAYLOADS = [
    ('**zztebal** _zzmiring_ ~~zzcoret~~ `zzkode` [zztautan](http://127.0.0.2/x) ![zzgambar](http://127.0.0.2/i.png) '
     '<img src=http://127.0.0.2/y onerror=alert(1)> <b>zzhtml</b> <a href="http://127.0.0.2/a">zzanker</a> '
     '$zzx^2$ $$zzblok$$ "kutip" & <script>alert(2)</script> http://127.0.0.2/auto www.127.0.0.2.nip.io '
     ':material/home: :red[zzmerah] &lt;i&gt; &#60;i&#62;\n# zzjudul\n- zzdaftar\n1. zznomor\n> zzkutipan\n'
     '| zzsel | b |\n|---|---|\n| 1 | 2 |\n    zzmenjorok'),
    ('**zztebal** [zztautan](http://127.0.0.2/x) ![zzgambar](http://127.0.0.2/i.png) <b>zzhtml</b> $zzx^2$ '
     '"kutip" & <img src=http://127.0.0.2/y onerror=alert(1)>\n# zzjudul'),
    '<b>zzh</b> **zzt** $zzx$ "q" & <i>',
]
TOKENS = ["zztebal", "zzmiring", "zzcoret", "zzkode", "zztautan", "zzgambar", "zzhtml", "zzanker", "zzx^2", "zzx",
          "zzblok", "zzmerah", "zzjudul", "zzdaftar", "zznomor", "zzkutipan", "zzsel", "zzmenjorok", "zzh", "zzt"]

PUBLIC_PAGES = ["", "?tahun=2023", "tren", "tren?tampilan=indikator", "tren?tampilan=kelurahan", "inisiatif",
                "kegiatan", "peta?inisiatif=1", "peta?tampilan=petak", "kelurahan?kelurahan=64.71.01.1001", "ekspor",
                "tentang"]
MEETING_VIEWS = [f"rapat?view={view}" for view in ("posisi", "poin", "kelurahan", "sejak", "tindak")]
FOLIUM = 'iframe[title="streamlit_folium.st_folium"]'

# Run in every frame: what the payload could have made there.
SCAN = r"""
() => {
  const tokens = new Set(TOKENS);
  const formatting = new Set(["strong", "b", "em", "i", "h1", "h2", "h3", "h4", "h5", "h6", "li", "a", "code", "pre",
                              "del", "s", "mark", "blockquote", "td", "th", "img", "span", "tspan", "text"]);
  const urlAttributes = new Set(["src", "href", "xlink:href", "srcset", "action", "formaction", "poster", "data",
                                 "background", "style"]);
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) || "";
      const lower = name.toLowerCase();
      if (urlAttributes.has(lower) && value.includes(HOST)) found.push(`${tag} ${name}="${value}"`);
      if ((lower === "href" || lower === "xlink:href") && /^\s*javascript:/i.test(value))
        found.push(`${tag} ${name}="${value}"`);
      if (lower.startsWith("on") && /alert\(/.test(value)) found.push(`${tag} ${name}="${value}"`);
      if (lower === "alt" && /zz/.test(value)) found.push(`${tag} alt="${value}"`);
    }
    const own = (el.textContent || "").trim();
    if (tokens.has(own) && formatting.has(tag)) {
      const style = tag === "tspan" || tag === "text" || tag === "span" ? (el.getAttribute("style") || "") : "bold";
      if (/bold|italic|color|font-weight|font-style/.test(style)) found.push(`<${tag}> ${own}`);
    }
    // the payload's <script>alert(2)</script> as an element (its text inside a map's JSON data is fine)
    if (tag === "script" && own === "alert(2)") found.push("a <script> from data");
  }
  if (document.querySelector(".katex, .katex-display, .katex-mathml, math")) found.push("a KaTeX element");
  const visible = (document.body ? document.body.innerText : "") + "\n" +
    Array.from(document.querySelectorAll("svg text")).map(t => t.textContent).join("\n");
  for (const entity of ["&quot;", "&amp;", "&lt;", "&gt;", "&#34;", "&#x27;"]) {
    // the payload's own "&lt;i&gt; &#60;i&#62;" must read as typed; anything else is a double escape
    const shown = visible.split("&lt;i&gt; &#60;i&#62;").join("");
    if (shown.includes(entity)) found.push(`"${entity}" shown as characters`);
  }
  const backslash = visible.match(/\\[!-\/:-@\[-`{-~]/);
  if (backslash) found.push(`an escape shown as characters: ${backslash[0]}`);
  return found;
}
""".replace("TOKENS", repr(TOKENS)).replace("HOST", repr(HOST))

# In the folium frame: open every tooltip and popup Leaflet knows of, on every feature, scanning each time
# (opening one closes the previous one).
OPEN_MAP_TEXTS = r"""
() => {
  const found = [];
  let tooltips = 0, popups = 0, literal = 0;
  const maps = [...new Set(Object.values(window).filter(v => v && window.L && v instanceof window.L.Map))];
  const where = (item) => item.getLatLng ? item.getLatLng() : item.getBounds ? item.getBounds().getCenter() : undefined;
  const open = (layer, kind, feature) => {
    const overlay = kind === "tooltip" ? layer.getTooltip() : layer.getPopup();
    if (feature) overlay._source = feature;  // Leaflet 1.9 then fills a group's overlay for this feature
    const at = where(feature || layer);
    if (kind === "tooltip") { layer.openTooltip(at); tooltips++; } else { layer.openPopup(at); popups++; }
    const box = document.querySelector(kind === "tooltip" ? ".leaflet-tooltip" : ".leaflet-popup-content");
    if (box && box.textContent.includes("<b>zzhtml</b>")) literal++;  // the payload shown as the text it is
    found.push(...window.__klaScan());
  };
  for (const map of maps) {
    map.eachLayer(layer => {
      for (const kind of ["tooltip", "popup"]) {
        const bound = kind === "tooltip" ? layer.getTooltip && layer.getTooltip() : layer.getPopup && layer.getPopup();
        if (!bound) continue;
        // a GeoJSON layer binds one tooltip or popup for all its features: open it on each of them
        if (layer.eachLayer) layer.eachLayer(feature => open(layer, kind, feature)); else open(layer, kind);
      }
    });
  }
  return {found, tooltips, popups, literal, maps: maps.length};
}
"""


def free_text_columns(name: str) -> list:
    """Columns of file ``name`` that take any text (no list of allowed values, no pattern)."""
    return [c for c in FILES[name].columns if c.kind == "str" and c.allowed is None and c.pattern is None]


def inject(value: str, row: int, cap: int | None) -> str:
    """``value`` with the longest payload that fits ``cap`` (the real text shortened if it must)."""
    base = value.strip() or f"baris {row}"  # an empty optional cell gets text too, unique per row
    for payload in PAYLOADS:
        if cap is None or len(base) + 1 + len(payload) <= cap:
            return f"{base} {payload}"
    payload = PAYLOADS[-1]
    return f"{base[:max(cap - len(payload) - 1, 1)]} {payload}"


def injected_copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".cache", "README.md"))
    for name in FILES:
        path = target / f"{name}.csv"
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        for col in free_text_columns(name):
            if col.name in table.columns:
                cap = getattr(col, "max_length", None)
                table[col.name] = [inject(v, i, cap) for i, v in enumerate(table[col.name])]
        table.to_csv(path, index=False)
    return target


@pytest.fixture(scope="module")
def injected_data(tmp_path_factory) -> Path:
    folder = injected_copy(Path(__file__).resolve().parents[2] / "data", tmp_path_factory.mktemp("data") / "data")
    result = load_dataset(folder)
    assert result.ok, "the injected copy must still be valid data:\n" + "\n".join(map(str, result.problems[:20]))
    return folder


@pytest.fixture(scope="module")
def injected_app(injected_data: Path, installed_geo_dir: Path, tmp_path_factory) -> Iterator[str]:
    proc, url = start_app({"KLA_DATA_DIR": str(injected_data), "KLA_GEO_DIR": str(installed_geo_dir),
                           "KLA_STATE_DIR": str(tmp_path_factory.mktemp("state"))})
    try:
        yield url
    finally:
        stop_app(proc)


def test_every_free_text_column_carries_a_payload(injected_data: Path):
    columns = 0
    for name in FILES:
        table = pd.read_csv(injected_data / f"{name}.csv", dtype=str, keep_default_na=False)
        for col in free_text_columns(name):
            if col.name in table.columns:
                columns += 1
                assert table[col.name].str.contains("zz", regex=False).all(), f"{name}.{col.name}"
    assert columns >= 20


def wait_drawn(page) -> None:
    """Idle, every plotly chart drawn, the folium map (if any) drawn."""
    wait_idle(page)
    page.wait_for_function("""() => {
      const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
      return Array.from(charts).every(c => c.querySelector('.main-svg'));
    }""", timeout=60_000)
    if page.locator(FOLIUM).count():
        expect(page.frame_locator(FOLIUM).first.locator("path.kla-kelurahan, path.kla-fokus").first).to_be_attached(
            timeout=30_000)


def hover_chart_points(page, per_chart: int = 2) -> list[str]:
    """Hover the first points of every chart: plotly builds hover labels only then. Findings while shown."""
    found = []
    charts = page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot')
    for i in range(charts.count()):
        points = charts.nth(i).locator("g.point path, path.point")
        for j in range(min(points.count(), per_chart)):
            try:
                points.nth(j).hover(force=True, timeout=3_000)
            except Exception:  # a point outside the viewport or under another element: skip it
                continue
            found += [f"hover: {f}" for f in page.evaluate(SCAN)]
    return found


def scan_page(page) -> tuple[list[str], dict]:
    found = hover_chart_points(page)
    for frame in page.frames:
        try:
            found += [f"{frame.url[:60]}: {f}" for f in frame.evaluate(SCAN)]
        except Exception as exc:  # a frame that went away while scanning (e.g. a component redrawn)
            if "detached" not in str(exc).lower() and "destroyed" not in str(exc).lower():
                raise
    return found, open_map_texts(page) if page.locator(FOLIUM).count() else {}


def open_map_texts(page, attempts: int = 3) -> dict:
    """Open and scan every tooltip and popup of the folium map (st_folium may redraw it once at first)."""
    for attempt in range(attempts):
        try:
            frame = page.locator(FOLIUM).first.element_handle().content_frame()
            frame.locator("path.kla-kelurahan, path.kla-fokus").first.wait_for(state="attached", timeout=30_000)
            frame.wait_for_function("() => !!(window.L && window.L.Map)", timeout=30_000)
            frame.evaluate(f"() => {{ window.__klaScan = {SCAN}; }}")
            result = frame.evaluate(OPEN_MAP_TEXTS)
            result["found"] = [f"map: {f}" for f in result["found"]]
            return result
        except Exception as exc:
            if attempt == attempts - 1 or not any(w in str(exc).lower() for w in ("detached", "destroyed", "closed")):
                raise
    return {}


@pytest.fixture(scope="module")
def injection_browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.mark.parametrize("path", PUBLIC_PAGES + MEETING_VIEWS)
def test_payloads_in_every_text_column_make_nothing(injection_browser, injected_app: str, path: str):
    context = injection_browser.new_context(viewport={"width": 1366, "height": 1400})
    page = context.new_page()
    network, dialogs = Network(), []
    page.route("**/*", network.route)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(f"{injected_app}/{path}")
        wait_drawn(page)
        found, map_texts = scan_page(page)
        found += map_texts.get("found", [])
        screenshot(page, "injection_" + (re.sub(r"\W+", "_", path) or "ringkasan"))
        body = page.locator("body").inner_text()
    finally:
        context.close()
    assert not found, "\n".join(found)
    assert not [u for u in network.blocked if HOST in u], network.blocked
    assert not dialogs, dialogs
    assert "Traceback" not in body and "Data tidak dapat dimuat" not in body
    if path.startswith("peta?inisiatif"):  # the folium map: every tooltip and popup was opened and scanned
        assert map_texts.get("tooltips", 0) >= 34 and map_texts.get("popups", 0) >= 1, map_texts
        assert map_texts["literal"] >= 34, map_texts  # every kelurahan name in a tooltip, read as typed
    if path.startswith("kelurahan"):  # the payload reads as typed where the title shows it
        assert "**zztebal**" in body and "<b>zzhtml</b>" in body and "$zzx^2$" in body
