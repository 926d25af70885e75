"""The data desk end to end in Chromium, with a real OpenID Connect provider on 127.0.0.1.

A publisher signs in through the provider's form, uploads an Indonesian-locale workbook (title
rows, decimal commas, kelurahan by name, two misspelt), confirms the proposed names, previews,
publishes; a public visitor's open Ringkasan changes without a reload; the kelurahan profile
shows the new score; a rollback restores the old numbers; the audit lists every step; sign-out
returns to the public view. Public and non-staff visitors never reach a staff page or action.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import time
from collections.abc import Iterator

import openpyxl
import pytest
from oidc_provider_mock import run_server_in_thread
from playwright.sync_api import Page, expect

from kla.authcli import local_auth_section
from kla.desk.entries import read_csv_text
from kla.store import Store
from tests.e2e.browser import ROOT, free_port, screenshot, start_app, stop_app, wait_idle

PUBLISHER = "penerbit@kla.test"
# Kelurahan written as a data officer would: an alias, and two misspellings to confirm.
ALIAS, ALIAS_CODE = "Gn. Samarinda", "64.71.03.1002"
MISSPELT = {"Karang Jatti": ("64.71.04.1004", "Karang Jati"), "Sepingan Baru": ("64.71.05.1008", "Sepinggan Baru")}
PUBLISH_VISIBLE_S = 10  # a publication must reach every open page within this


@pytest.fixture(scope="module")
def desk(tmp_path_factory, installed_geo_dir) -> Iterator[dict]:
    root = tmp_path_factory.mktemp("meja_data")
    data_dir = root / "data"
    shutil.copytree(ROOT / "data", data_dir, ignore=shutil.ignore_patterns(".cache", "README.md"))
    state_dir = root / "state"
    env = {"KLA_DATA_DIR": str(data_dir), "KLA_STATE_DIR": str(state_dir), "KLA_GEO_DIR": str(installed_geo_dir)}
    os.environ.update(env)  # the Store opened here is the one the app opens
    try:
        store = Store.open()
        store.ensure_initial(data_dir)
        store.add_staff(PUBLISHER, "publisher", actor="uji")
    finally:
        for key in env:
            os.environ.pop(key)
    provider_port, app_port = free_port(), free_port()
    app_url = f"http://127.0.0.1:{app_port}"
    secrets = root / "secrets.toml"
    secrets.write_text(local_auth_section(app_url, f"http://127.0.0.1:{provider_port}", "uji-rahasia-" * 4))
    with run_server_in_thread(port=provider_port):
        proc, url = start_app({**env, "STREAMLIT_SECRETS_FILES": str(secrets)}, port=app_port)
        try:
            yield {"url": url, "store": store}
        finally:
            stop_app(proc)


def workbook(store: Store) -> tuple[bytes, dict[str, float], float]:
    """An XLSX as Excel in an Indonesian locale saves it: title rows, decimal commas in text cells,
    kelurahan by name. Returns it, the new kelurahan K1 points by code, and the city-score change."""
    files = store.files(store.published_id())
    skor = read_csv_text(files["skor_kelurahan.csv"])
    year = skor["tahun"].astype(int).max()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Penilaian kelurahan"
    sheet.append([f"Rekap Penilaian Kelurahan Layak Anak {year}"])
    sheet.append(["DP3AKB Kota Balikpapan"])
    sheet.append([])
    sheet.append(["Tahun", "Kelurahan", "Blok", "Poin"])
    new_points = {}
    for name, code in [(ALIAS, ALIAS_CODE), *((n, c) for n, (c, _) in MISSPELT.items())]:
        row = skor[(skor["kode_kelurahan"] == code) & (skor["tahun"] == str(year)) & (skor["blok"] == "K1")]
        new_points[code] = round(float(row["poin"].iloc[0]) * 0.5, 1)  # halved: a change no one can miss
        sheet.append([year, name, "K1", f"{new_points[code]:.1f}".replace(".", ",")])
    city = read_csv_text(files["evaluasi_kota.csv"])
    latest = city[city["tahun"] == city["tahun"].max()].iloc[0]
    sheet = book.create_sheet("evaluasi_kota")
    sheet.append(["tahun", "kode_indikator", "poin"])
    lowered = round(float(latest["poin"]) - 2.5, 1)
    sheet.append([int(latest["tahun"]), latest["kode_indikator"], f"{lowered:.1f}".replace(".", ",")])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), new_points, -2.5


def metric_value(page: Page, label_start: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label_start).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def sign_in(page: Page, url: str, who: str) -> None:
    page.goto(f"{url}/kelola")
    wait_idle(page)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/oauth2/authorize**")
    page.locator('input[name="sub"]').fill(who)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{url}/**")
    wait_idle(page)


def test_public_visitor_sees_no_staff_page_in_the_menu_and_only_a_sign_in_prompt(desk, page: Page):
    page.goto(desk["url"])
    wait_idle(page)
    nav = page.locator('[data-testid="stSidebarNav"]')
    expect(nav).to_contain_text("Ringkasan")
    for hidden in ("Kelola data", "Unggah", "Pratinjau", "Riwayat", "Jejak audit"):
        expect(nav).not_to_contain_text(hidden)
    for path in ("kelola", "kelola-catat", "kelola-pratinjau", "kelola-riwayat", "kelola-audit"):
        page.goto(f"{desk['url']}/{path}")
        wait_idle(page)
        expect(page.get_by_role("button", name="Masuk")).to_be_visible()
        assert page.locator('[data-testid="stFileUploader"], [data-testid="stDataFrame"], form').count() == 0
    screenshot(page, "kelola-publik-1366")


def test_not_staff_account_gets_no_access(desk, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    sign_in(page, desk["url"], "warga@contoh.id")
    page.goto(f"{desk['url']}/kelola")
    wait_idle(page)
    expect(page.get_by_text("tidak terdaftar sebagai staf")).to_be_visible()
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    expect(page.locator('[data-testid="stSidebarNav"]')).not_to_contain_text("Unggah")
    context.close()


def test_publisher_uploads_previews_publishes_and_rolls_back(desk, browser, tmp_path):
    url, store = desk["url"], desk["store"]
    public = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    public.goto(url)
    wait_idle(public)
    # the city score's metric by its label ("Skor 2025"), not "the first metric": on a loaded machine the first one
    # drawn was once the roadmap target beside it (as in test_deploy)
    score_label = public.locator('[data-testid="stMetricLabel"]').filter(has_text=re.compile(r"^\s*Skor \d{4}"))
    score_label.first.wait_for(timeout=30_000)
    year_label = score_label.first.inner_text().strip()
    shown_before = metric_value(public, year_label)
    score_before = number(shown_before)

    staff_context = browser.new_context(viewport={"width": 1366, "height": 900})
    staff = staff_context.new_page()
    sign_in(staff, url, PUBLISHER)
    expect(staff.locator('[data-testid="stSidebarNav"]')).to_contain_text("Unggah")

    content, new_points, city_change = workbook(store)
    path = tmp_path / "nilai_kelurahan_2025.xlsx"
    path.write_bytes(content)
    staff.goto(f"{url}/kelola")
    wait_idle(staff)
    staff.get_by_text("Perbarui baris yang diunggah saja").click()
    wait_idle(staff)
    uploaded_at = time.monotonic()
    staff.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    expect(staff.get_by_text("nama kelurahan tidak persis sama")).to_be_visible(timeout=30_000)
    expect(staff.get_by_text("baris judul di atas tabel dilewati", exact=False)).to_be_visible()
    screenshot(staff, "kelola-unggah-usulan-1366")
    for written, (code, official) in MISSPELT.items():
        # Streamlit's selectbox is searchable: type the choice, take the one match.
        box = staff.locator('[data-testid="stSelectbox"]').filter(has_text=f"'{written}'")
        box.get_by_role("combobox").click()
        box.get_by_role("combobox").press_sequentially(code)
        staff.keyboard.press("Enter")
        expect(box.get_by_role("combobox")).to_have_value(f"{official} ({code})")
        wait_idle(staff)
    staff.get_by_role("button", name="Periksa dan pratinjau").click()
    staff.wait_for_url("**/kelola-pratinjau**")
    wait_idle(staff)
    expect(staff.get_by_text("skor_kelurahan.csv: 0 baris baru, 0 dihapus, 3 berubah")).to_be_visible()
    expect(staff.get_by_text("evaluasi_kota.csv: 0 baris baru, 0 dihapus, 1 berubah")).to_be_visible()
    screenshot(staff, "kelola-pratinjau-1366")
    assert store.published_id() == 1, "nothing public changes before publishing"

    staff.get_by_label("Catatan versi (wajib untuk menerbitkan)").fill("Penilaian kelurahan 2025 hasil verifikasi")
    staff.keyboard.press("Enter")
    wait_idle(staff)
    published_at = time.monotonic()
    staff.get_by_role("button", name="Terbitkan").click()
    expect(staff.get_by_text("Versi 2 diterbitkan")).to_be_visible(timeout=30_000)

    # The public page was left open: it must follow on its own.
    expect(public.locator('[data-testid="stMetric"]').filter(has_text=year_label)
           .locator('[data-testid="stMetricValue"]')).not_to_have_text(
        shown_before, timeout=(PUBLISH_VISIBLE_S + 5) * 1000)
    visible_after = time.monotonic() - published_at
    assert number(metric_value(public, year_label)) == pytest.approx(score_before + city_change, abs=0.05)
    expect(public.get_by_text("Data versi 2", exact=False).first).to_be_visible()
    print(f"\npublish -> public Ringkasan changed: {visible_after:.1f} s; "
          f"upload -> public (scripted clicks): {time.monotonic() - uploaded_at:.1f} s")
    assert visible_after <= PUBLISH_VISIBLE_S + 2.5, "render time on top of the 10 s promise"
    screenshot(public, "kelola-publik-sesudah-terbit-1366")

    # The kelurahan's new total on its profile and inside the map's data.
    code = next(iter(new_points))
    skor = read_csv_text(store.files(1)["skor_kelurahan.csv"])
    year = str(skor["tahun"].astype(int).max())
    own = skor[(skor["kode_kelurahan"] == code) & (skor["tahun"] == year)]
    old_k1 = float(own.loc[own["blok"] == "K1", "poin"].iloc[0])
    new_total = own["poin"].astype(float).sum() - old_k1 + new_points[code]
    shown = f"{new_total:.1f}".replace(".", ",")
    other = public.context.new_page()
    other.goto(f"{url}/kelurahan?kelurahan={code}")
    wait_idle(other)
    expect(other.get_by_text("Data versi 2", exact=False).first).to_be_visible()
    assert metric_value(other, f"Skor kelurahan {year}") == shown
    other.goto(f"{url}/peta?metrik=total&tahun={year}")
    wait_idle(other)
    folium = other.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    expect(folium.locator("path.leaflet-interactive").nth(33)).to_be_attached(timeout=30_000)
    assert shown in folium.locator("html").inner_html(), "the map carries the published total"
    screenshot(other, "kelola-peta-sesudah-terbit-1366")

    staff.goto(f"{url}/kelola-riwayat?versi=1")
    wait_idle(staff)
    screenshot(staff, "kelola-riwayat-1366")
    staff.get_by_label("Alasan pengembalian (wajib)").fill("Angka belum final")
    staff.get_by_role("button", name="Kembalikan ke versi ini").click()
    expect(staff.get_by_text("Publik kini melihat versi 1 lagi")).to_be_visible()
    public.wait_for_function(
        "([label, want]) => [...document.querySelectorAll('[data-testid=stMetric]')]"
        ".some(m => m.innerText.includes(label) && m.innerText.includes(want))",
        arg=[year_label, shown_before], timeout=(PUBLISH_VISIBLE_S + 5) * 1000)

    staff.goto(f"{url}/kelola-audit")
    wait_idle(staff)
    audit = staff.locator('[data-testid="stDataFrame"]')
    expect(audit).to_be_visible()
    actions = [e.action for e in store.audit_log(actor=PUBLISHER)]
    for step in ("sign_in", "upload", "draft", "publish", "rollback"):
        assert step in actions, actions
    screenshot(staff, "kelola-audit-1366")

    staff.get_by_role("button", name="Keluar").click()
    # Streamlit clears its cookie, then sends the browser to the provider's end-session page.
    staff.wait_for_url("**/oauth2/end_session**")
    staff.get_by_role("button", name="End session").click()
    staff.wait_for_url(f"{url}/**")
    staff.goto(f"{url}/kelola")
    wait_idle(staff)
    expect(staff.get_by_role("button", name="Masuk")).to_be_visible()
    expect(staff.locator('[data-testid="stSidebarNav"]')).not_to_contain_text("Unggah")
    assert "sign_out" in [e.action for e in store.audit_log(actor=PUBLISHER)]


def test_recording_an_activity_on_a_phone_saves_a_draft(desk, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in(page, desk["url"], PUBLISHER)
    page.goto(f"{desk['url']}/kelola-catat")
    wait_idle(page)
    page.get_by_label("Judul kegiatan").fill("Sosialisasi hak anak di posyandu")
    page.get_by_label("Penyelenggara").fill("Kelurahan")
    screenshot(page, "kelola-catat-390")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"
    page.get_by_role("button", name="Simpan ke draf").click()
    expect(page.get_by_text("Tersimpan di draf versi", exact=False)).to_be_visible(timeout=30_000)
    newest = desk["store"].versions()[0]
    assert newest.is_draft and newest.author == PUBLISHER
    added = read_csv_text(desk["store"].files(newest.id)["kegiatan.csv"]).iloc[-1]
    assert added["judul"] == "Sosialisasi hak anak di posyandu"
    screenshot(page, "kelola-catat-tersimpan-390")
    context.close()
