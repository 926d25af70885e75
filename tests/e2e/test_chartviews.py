"""A chart's three views in Chromium: what a screen reader is told, keyboard use, axe with each view open."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.test_a11y import SIZES, drawn, failing, url_of

VIEWS = {"id": ("Grafik", "Tabel", "Sumber"), "en": ("Chart", "Table", "Sources")}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_chart_is_a_named_figure_with_its_main_point(page, network, base_url, lang):
    drawn(page, url_of(base_url, "", lang))
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    expect(chart).to_be_visible(timeout=30_000)
    figure = chart.locator('[role="figure"]').or_(page.locator('[data-testid="stPlotlyChart"][role="figure"]')).first
    name = figure.get_attribute("aria-label") or ""
    assert name.startswith("Grafik garis: " if lang == "id" else "Line chart: ")
    point = "Skor 2025: " if lang == "id" else "Score 2025: "
    assert point in name
    # the same sentence is visible above the views
    expect(page.get_by_text(point, exact=False).first).to_be_visible()


@pytest.mark.parametrize("size", SIZES)
def test_views_by_keyboard_and_clean_in_each_view(page, network, base_url, size):
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))
    drawn(page, url_of(base_url, "", "id"))
    chart_tab = page.get_by_role("tab", name="Grafik").first
    chart_tab.focus()
    page.keyboard.press("ArrowRight")
    table_tab = page.get_by_role("tab", name="Tabel").first
    expect(table_tab).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")  # activation is automatic or by Enter: either way the table is shown
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible(timeout=15_000)
    assert failing(page) == []
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    expect(page.get_by_role("tab", name="Sumber").first).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("Cara menghitung:").first).to_be_visible()
    assert failing(page) == []
    assert network.blocked == []
