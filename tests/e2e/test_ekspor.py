"""Downloads in a real Chromium: the ekspor page's ZIP, and the "Unduh" menu under a chart and a map.

The session app of conftest.py (boundaries installed). Images are rendered when the button is
clicked (Streamlit's deferred download): the first one in the server process also starts
kaleido's Chromium, so these tests allow it a generous timeout.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

from playwright.sync_api import expect

from kla.i18n import t
from tests.e2e.browser import screenshot, wait_idle

RENDER_MS = 90_000  # the first image of a server process waits for Chromium to start
HARMLESS_CONSOLE = re.compile(r"^Unrecognized feature|404 \(Not Found\) \[http://127\.0\.0\.1:\d+/[a-z]+/_stcore/(health|host-config)\]$")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def app_errors(network) -> list[str]:
    return [e for e in network.console_errors if not HARMLESS_CONSOLE.search(e)]


def download(page, button, timeout: float = RENDER_MS) -> tuple[str, bytes]:
    with page.expect_download(timeout=timeout) as info:
        button.click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def open_menu(page, chart_name: str):
    """Open the "Unduh" popover of ``chart_name``; its body (rendered elsewhere in the page)."""
    button = page.locator(f".st-key-unduh_{chart_name}").get_by_role("button", name="Unduh")
    button.scroll_into_view_if_needed()
    button.click()
    body = page.get_by_test_id("stPopoverBody")
    expect(body).to_be_visible()
    return body


def test_ekspor_builds_and_downloads_a_small_zip(page, network):
    page.goto("/ekspor")
    wait_idle(page)
    expect(page.get_by_role("heading", name="Ekspor paket media")).to_be_visible()
    charts = page.locator(".st-key-ekspor_grafik")
    charts.get_by_label(t("st.hapus_semua", "id")).click()  # Streamlit's "Clear all", in the page's language
    charts.get_by_role("combobox").fill("Skor kota per tahun")
    page.get_by_role("option", name="Skor kota per tahun (tren total)").click()
    page.keyboard.press("Escape")
    formats = page.locator(".st-key-ekspor_format")
    for label in ("SVG (gambar vektor)", "PDF (cetak)", "XLSX (data Excel)", "CSV untuk Excel Indonesia (;)"):
        formats.get_by_role("button", name=label).click()
    expect(formats.locator('button[aria-pressed="true"]')).to_have_count(2)
    page.get_by_role("button", name="Buat ZIP").click()
    zip_button = page.get_by_role("button", name="Unduh ZIP")
    expect(zip_button).to_be_visible(timeout=RENDER_MS)
    expect(page.get_by_text("3 berkas", exact=True)).to_be_visible()  # the summary (bold)
    zip_button.scroll_into_view_if_needed()
    screenshot(page, "ekspor-zip-1366x768")

    name, data = download(page, zip_button, timeout=30_000)
    assert re.fullmatch(r"kla-balikpapan-paket-media-\d{4}-\d\d-\d\d\.zip", name)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["README.txt", "tren_total_lanskap.png", "tren_total.csv"]
        assert png_size(archive.read("tren_total_lanskap.png")) == (2400, 1350)
        readme = archive.read("README.txt").decode("utf-8-sig")
        assert "tren_total_lanskap.png" in readme and "DATA CONTOH" in readme.upper()
        assert archive.read("tren_total.csv").decode("utf-8-sig").startswith("Judul,")
    assert network.blocked == []
    assert app_errors(network) == []


def test_chart_menu_downloads_a_png_in_the_chosen_size(page, network):
    page.goto("/")
    wait_idle(page)
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible(timeout=30_000)
    menu = open_menu(page, "tren_total")
    expect(menu.get_by_text("2.400 × 1.350 piksel")).to_be_visible()
    screenshot(page, "unduh-menu-1366x768")
    name, data = download(page, menu.get_by_role("button", name="PNG", exact=True))
    assert name == "tren_total_lanskap.png"
    assert png_size(data) == (2400, 1350)  # the lanskap preset, 1200 x 675, at PNG scale 2

    # Another size: the menu stays open through the rerun, and the next file follows the choice.
    menu.get_by_label("Ukuran gambar").click()  # the selectbox
    page.get_by_role("option", name=re.compile(r"^Persegi 1:1")).click()
    expect(menu.get_by_text("2.160 × 2.160 piksel")).to_be_visible()
    name, data = download(page, menu.get_by_role("button", name="PNG", exact=True))
    assert name == "tren_total_persegi.png" and png_size(data) == (2160, 2160)
    name, data = download(page, menu.get_by_role("button", name="Excel", exact=True), timeout=30_000)
    assert name == "tren_total.xlsx" and data[:2] == b"PK"
    assert network.blocked == []
    assert app_errors(network) == []


def test_area_map_menu_downloads_the_press_map(page, network):
    page.goto("/peta")
    wait_idle(page)
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    expect(frame.locator("path.kla-kelurahan")).to_have_count(34, timeout=30_000)
    menu = open_menu(page, "peta_kelurahan")
    name, data = download(page, menu.get_by_role("button", name="PNG", exact=True))
    assert name == "peta_kelurahan_lanskap.png" and png_size(data) == (2400, 1350)
    assert network.blocked == []
    assert app_errors(network) == []
