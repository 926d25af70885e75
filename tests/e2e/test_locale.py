"""Dates, numbers and Streamlit's own screen-reader texts in the page's language, as Chromium shows them.

* plotly.js formats dates and numbers itself (axis ticks, hover): the locale from
  :func:`kla.i18n.plotly_locale` must make a date axis read "Jan 2024 … Mei … Agu … Okt … Des" and
  a hover "1.234,5" in Indonesian, "May … Aug … Oct … Dec" and "1,234.5" in English. Tested twice:
  on a date axis drawn by plotly.js from the plotly package (a local file, no CDN), and inside the
  dashboard, where the chart is drawn by the plotly.js that Streamlit bundles.
* The aria-labels and titles Streamlit builds in English (kla.ui.streamlit_patches.FRONTEND_TEXTS)
  are Indonesian on an Indonesian page, including the parts of a date range.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import plotly
import pytest
import streamlit

from kla.i18n import PLOTLY_SEPARATORS, plotly_locale
from kla.ui import streamlit_patches
from tests.e2e.browser import wait_idle

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
MONTHS = {"id": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
          "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]}
HOVER = {"id": "Mei 2024: 1.234,5", "en": "May 2024: 1,234.5"}

DRAW = """([config, separators]) => {
  const x = Array.from({length: 12}, (_, i) => `2024-${String(i + 1).padStart(2, '0')}-01`);
  const y = x.map((_, i) => i === 4 ? 1234.5 : 100 * i);
  return Plotly.newPlot('g', [{x, y, type: 'scatter', hovertemplate: '%{x|%b %Y}: %{y:,.1f}<extra></extra>'}],
                        {width: 1100, height: 400, separators, xaxis: {dtick: 'M1'}, yaxis: {tickformat: ',d'}}, config)
    .then(gd => { Plotly.Fx.hover(gd, [{curveNumber: 0, pointNumber: 4}]); return true; });
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_plotly_date_axis_and_hover_in_the_language(page, lang):
    page.set_content('<!doctype html><html><body><div id="g"></div></body></html>')
    page.add_script_tag(path=str(PLOTLY_JS))
    page.evaluate(DRAW, [plotly_locale(lang), PLOTLY_SEPARATORS[lang]])
    ticks = page.locator(".xtick text").all_text_contents()
    assert ticks == [f"{month} 2024" for month in MONTHS[lang]]  # a tick every month: plotly's "%b %Y"
    assert page.locator(".hovertext text").first.text_content() == HOVER[lang]
    thousands = [tick for tick in page.locator(".ytick text").all_text_contents() if len(tick) > 3]
    assert thousands and all(re.fullmatch(r"1[.,]\d00", tick) and tick[1] == {"id": ".", "en": ","}[lang]
                             for tick in thousands), thousands


IN_APP = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const locale = gd._fullLayout._d3locale;
  const dates = [4, 7, 9, 11].map(m => locale.timeFormat('%b')(new Date(Date.UTC(2024, m, 15))));
  return {locale: gd._context.locale, dates, number: locale.numberFormat(',.1f')(1234.5)};
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_dashboards_plotly_formats_in_the_language(page, app_url, lang):
    page.goto(f"{app_url}/kegiatan" + ("?lang=en" if lang == "en" else ""))
    wait_idle(page)
    page.wait_for_selector(".js-plotly-plot .xtick text", timeout=30_000)
    seen = page.evaluate(IN_APP)
    assert seen == {"id": {"locale": "id", "dates": ["Mei", "Agu", "Okt", "Des"], "number": "1.234,5"},
                    "en": {"locale": "en", "dates": ["May", "Aug", "Oct", "Dec"], "number": "1,234.5"}}[lang]
    # the monthly chart's axis: our own month labels, in the same language
    months = MONTHS[lang]
    ticks = page.locator(".js-plotly-plot").first.locator(".xtick text").all_text_contents()
    assert ticks and all(re.match(r"[A-Za-z]+", tick).group() in months for tick in ticks), ticks


def script_ran(page) -> None:
    """The page script (sidebar st.html) runs as its element is drawn, which can be after the script run ends."""
    page.wait_for_function("() => window.__klaTextsObserver !== undefined", timeout=30_000)


ATTRIBUTES = """() => [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
  .flatMap(el => ['aria-label', 'title', 'placeholder'].filter(a => el.hasAttribute(a)).map(a => el.getAttribute(a)))"""


def _english_patterns() -> list[re.Pattern]:
    return [re.compile(pattern) for _, pattern, _ in streamlit_patches.FRONTEND_TEXTS]


@pytest.mark.parametrize("path", ["", "kegiatan", "ekspor"])
def test_streamlit_screen_reader_texts_are_indonesian(page, app_url, path):
    page.goto(f"{app_url}/{path}")
    wait_idle(page)
    script_ran(page)
    page.wait_for_timeout(1000)  # the page script swaps texts as they appear
    heard = page.evaluate(ATTRIBUTES)
    english = [text for text in heard if any(p.search(text) for p in _english_patterns())]
    assert english == []
    if path == "kegiatan":  # the date range, part by part
        assert any(re.fullmatch(r"hari, .+, tanggal awal", text) for text in heard), json.dumps(heard)
    if path == "":
        assert "Tautan ke judul ini" in heard and any(text.startswith("Penjelasan: ") for text in heard)


def test_streamlit_screen_reader_texts_stay_english_in_english(page, app_url):
    page.goto(f"{app_url}/?lang=en")
    wait_idle(page)
    page.wait_for_selector('[aria-label^="Help for "]', timeout=30_000)
    heard = page.evaluate(ATTRIBUTES)
    assert "Link to heading" in heard and any(text.startswith("Help for ") for text in heard)


STREAMLIT_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"


def test_streamlit_formats_table_numbers_with_navigator_languages():
    """What the page script relies on: Streamlit 1.67's "localized" number format asks navigator.languages at
    each call. If a new Streamlit stops doing so, this fails and the tables follow the browser again."""
    bundle = " ".join(f.read_text(errors="ignore") for f in STREAMLIT_JS.glob("formatNumber.*.js"))
    assert bundle.strip(), STREAMLIT_JS
    assert re.search(r"navigator\.languages;try\{return new Intl\.NumberFormat\(\w+,", bundle)


@pytest.mark.parametrize(("lang", "expected"), [("id", "1.234,5"), ("en", "1,234.5")])
def test_table_numbers_follow_the_page_not_the_browser(browser, app_url, lang, expected):
    """A German browser (1.234,5 / 1,234.5 both wrong somewhere) reads the page's language in its tables."""
    context = browser.new_context(locale="de-CH")  # de-CH: 1’234.5, neither of ours
    page = context.new_page()
    page.goto(f"{app_url}/?lang={lang}")
    wait_idle(page)
    script_ran(page)
    assert page.evaluate("new Intl.NumberFormat(navigator.languages, {minimumFractionDigits: 1})"
                         ".format(1234.5)") == expected
    context.close()
