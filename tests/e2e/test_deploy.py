"""The deployment of docs/DEPLOY.md on this machine (bench/topology.py): PostgreSQL with a read-only
user, two public replicas, one admin under /kelola/, nginx in front, driven through nginx in Chromium.

* every public page draws through nginx;
* a publication made on the admin instance (a publisher signs in through /kelola/ with a real OpenID
  provider and publishes a draft in the Pratinjau page) reaches the open pages of both replicas;
* a download works on each replica (the file is served from the memory of the visitor's replica:
  the affinity cookie has to keep the browser there);
* no staff page is reachable through the public routes; /kelola/ asks for a sign-in;
* a replica killed (SIGKILL) in the middle of a visit: the visitor's reload lands on the other one.

Each browser is pinned to a replica with the affinity cookie nginx hashes (``kla_replika``); the
``X-Upstream`` header nginx adds says which replica answered.
"""

from __future__ import annotations

import secrets
import shutil
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from oidc_provider_mock import run_server_in_thread
from playwright.sync_api import BrowserContext, Page, expect

from bench.chromium import free_port
from bench.topology import Topology, running
from kla.authcli import local_auth_section
from kla.desk.entries import read_csv_text
from kla.i18n import t
from kla.store import Store
from tests.e2e.browser import ROOT, screenshot, wait_idle

PUBLISHER = "penerbit@kla.test"
PUBLISH_VISIBLE_S = 10
PUBLIC_PAGES = ["", "tren", "inisiatif", "kegiatan", "peta", "kelurahan", "rapat", "ekspor", "tentang"]
STAFF_PATHS = ["kelola-catat", "kelola-pratinjau", "kelola-riwayat", "kelola-audit"]


@pytest.fixture(scope="module")
def topo(tmp_path_factory, installed_geo_dir) -> Iterator[Topology]:
    root = tmp_path_factory.mktemp("topologi")
    data_dir = root / "data"
    shutil.copytree(ROOT / "data", data_dir, ignore=shutil.ignore_patterns(".cache", "README.md"))
    nginx_port, provider_port = free_port(), free_port()
    auth = local_auth_section(f"http://127.0.0.1:{nginx_port}/kelola", f"http://127.0.0.1:{provider_port}",
                              secrets.token_urlsafe(32))
    env = {"KLA_DATA_DIR": str(data_dir), "KLA_GEO_DIR": str(installed_geo_dir)}
    with run_server_in_thread(port=provider_port), \
            running(root=root / "jalan", replicas=2, env=env, admin_secrets=auth, nginx_port=nginx_port) as topo:
        Store.open(topo.owner_url, read_only=False).add_staff(PUBLISHER, "publisher", actor="uji")
        yield topo


def cookie_for(topo: Topology, upstream: str) -> str:
    """An affinity cookie value that nginx hashes to ``upstream``."""
    for i in range(200):
        value = f"uji{i}"
        request = urllib.request.Request(f"{topo.url}/_stcore/health", headers={"Cookie": f"kla_replika={value}"})
        with urllib.request.urlopen(request, timeout=5) as response:
            if response.headers["X-Upstream"] == upstream:
                return value
    raise AssertionError(f"tidak ada kuki yang menuju {upstream}")


def pinned(browser, topo: Topology, replica: int) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.add_cookies([{"name": "kla_replika", "value": cookie_for(topo, topo.public[replica].upstream),
                          "url": topo.url}])
    return context, context.new_page()


def visit(page: Page, url: str) -> str:
    """Open ``url`` and wait for its script run; the replica that answered (X-Upstream)."""
    response = page.goto(url)
    assert response is not None and response.ok
    wait_idle(page)
    return response.headers["x-upstream"]


# The city score's metric, found by its label: "first metric" once read the category beside it while
# the score's column was still being drawn (CI, 2026-11-29: '862,3' on one replica, 'Utama' on the other).
SCORE_JS = ("() => [...document.querySelectorAll('[data-testid=stMetric]')]"
            ".find(m => m.querySelector('[data-testid=stMetricLabel]')?.innerText.trim().startsWith('Skor '))"
            "?.querySelector('[data-testid=stMetricValue]')?.innerText.trim() ?? null")


def score(page: Page) -> str:
    page.wait_for_function(f"({SCORE_JS})() !== null", timeout=30_000)
    return page.evaluate(SCORE_JS)


def test_every_public_page_draws_through_nginx(topo, browser):
    context, page = pinned(browser, topo, 0)
    for path in PUBLIC_PAGES:
        assert visit(page, f"{topo.url}/{path}") == topo.public[0].upstream
        expect(page.locator("h1").first).to_be_visible()
        assert page.locator('[data-testid="stException"]').count() == 0, path
        if path == "":
            expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible(timeout=30_000)
            screenshot(page, "deploy-publik-ringkasan-1366")
    context.close()


def test_no_staff_page_is_reachable_through_the_public_routes(topo, browser):
    context, page = pinned(browser, topo, 1)
    for path in STAFF_PATHS:
        assert visit(page, f"{topo.url}/{path}") == topo.public[1].upstream
        expect(page.locator('[data-testid="stAlert"]').filter(has_text=f"/{path}")).to_be_visible()  # not found
        expect(page.locator("h1").first).to_contain_text("Ringkasan")
        assert page.get_by_role("button", name="Masuk").count() == 0
        assert page.locator('[data-testid="stFileUploader"]').count() == 0
        nav = page.locator('[data-testid="stSidebarNav"]')
        for hidden in ("Kelola data", "Unggah", "Riwayat"):
            expect(nav).not_to_contain_text(hidden)
    assert visit(page, f"{topo.url}/kelola/") == topo.admin.upstream
    expect(page.get_by_role("heading", name="Masuk staf DP3AKB")).to_be_visible()
    expect(page.get_by_role("button", name="Masuk")).to_be_visible()
    screenshot(page, "deploy-kelola-masuk-1366")
    context.close()


def download_on(browser, topo: Topology, replica: int) -> tuple[str, bytes, set[str]]:
    """Download the Ringkasan chart's XLSX on ``replica``: file name, bytes, replicas that served /media/."""
    context, page = pinned(browser, topo, replica)
    media: set[str] = set()
    page.on("response", lambda r: media.add(r.headers.get("x-upstream", "")) if "/media/" in r.url else None)
    assert visit(page, topo.url) == topo.public[replica].upstream
    button = page.locator(".st-key-unduh_tren_total").get_by_role("button", name="Unduh")
    button.scroll_into_view_if_needed()
    button.click()
    with page.expect_download(timeout=60_000) as info:
        page.get_by_test_id("stPopoverBody").get_by_role("button", name="Excel", exact=True).click()
    name, data = info.value.suggested_filename, Path(info.value.path()).read_bytes()
    context.close()
    return name, data, media


def test_a_download_works_on_each_replica(topo, browser):
    for replica in (0, 1):
        name, data, media = download_on(browser, topo, replica)
        assert name == "tren_total.xlsx" and data[:2] == b"PK"
        assert media <= {topo.public[replica].upstream}  # what nginx reported for /media/, where Chromium shows it


def sign_in(page: Page, topo: Topology) -> None:
    page.goto(f"{topo.url}/kelola/")
    wait_idle(page)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/oauth2/authorize**")
    page.locator('input[name="sub"]').fill(PUBLISHER)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{topo.url}/kelola/**")  # the callback under the base path, then the admin's root
    wait_idle(page)


def test_publish_on_the_admin_reaches_both_replicas(topo, browser):
    visitors = [pinned(browser, topo, i) for i in (0, 1)]
    for i, (_, page) in enumerate(visitors):
        assert visit(page, topo.url) == topo.public[i].upstream
    before = [score(page) for _, page in visitors]
    assert before[0] == before[1]

    admin_store = Store.open(topo.owner_url, read_only=False)  # the draft, as an upload would store it
    current = admin_store.published_id()
    files = admin_store.files(current)
    city = read_csv_text(files["evaluasi_kota.csv"])
    first = city.index[city["tahun"] == city["tahun"].max()][0]
    city.loc[first, "poin"] = f"{float(city.loc[first, 'poin']) - 3:.1f}"
    draft = admin_store.create_version({**files, "evaluasi_kota.csv": city.to_csv(index=False).encode()},
                                       author=PUBLISHER, note="tiga poin kurang", base=current)

    staff_context = browser.new_context(viewport={"width": 1366, "height": 900})
    staff = staff_context.new_page()
    sign_in(staff, topo)
    assert visit(staff, f"{topo.url}/kelola/pratinjau?versi={draft.id}") == topo.admin.upstream
    staff.get_by_label(t("kelola.pratinjau.catatan", "id")).fill("uji penerapan")
    staff.get_by_role("button", name=t("kelola.pratinjau.terbitkan", "id")).click()
    expect(staff.get_by_text(f"Versi {draft.id} diterbitkan")).to_be_visible(timeout=30_000)
    published = time.monotonic()
    assert Store.open(topo.reader_url, read_only=True).published_id() == draft.id

    waits = []
    for _, page in visitors:  # nobody reloads: the pages follow the publication pointer
        page.wait_for_function(f"old => {{ const now = ({SCORE_JS})(); return now !== null && now !== old; }}",
                               arg=before[0], timeout=(PUBLISH_VISIBLE_S + 10) * 1000)
        waits.append(time.monotonic() - published)
    after = [score(page) for _, page in visitors]
    assert after[0] == after[1] != before[0]
    print(f"\npublish on admin -> replica pages changed after {waits[0]:.1f} s and {waits[1]:.1f} s")
    assert max(waits) <= PUBLISH_VISIBLE_S
    for context, _ in [*visitors, (staff_context, None)]:
        context.close()


def test_a_killed_replica_s_visitor_reloads_onto_the_other(topo, browser):
    """Last in this module: the replica stays dead."""
    context, page = pinned(browser, topo, 0)
    assert visit(page, f"{topo.url}/tren") == topo.public[0].upstream
    topo.public[0].kill()
    started = time.monotonic()
    response = page.reload()
    assert response is not None and response.ok
    # nginx tried the dead replica (connection refused), then the next one: "$dead, $live"
    tried = [address.strip() for address in response.headers["x-upstream"].split(",")]
    assert tried[-1] == topo.public[1].upstream and set(tried) <= {topo.public[0].upstream, topo.public[1].upstream}
    wait_idle(page)
    expect(page.locator("h1").first).to_be_visible()
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible(timeout=30_000)
    print(f"\nreload after SIGKILL drew on the other replica in {time.monotonic() - started:.1f} s")
    assert page.locator('[data-testid="stException"]').count() == 0
    context.close()
