"""Fixtures of the browser tests (helpers live in ``tests/e2e/browser.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SHARED
from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, Network, start_app, stop_app

E2E_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test here drives a real Chromium: `pytest -m "not browser"` leaves them out."""
    for item in items:
        if E2E_DIR in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def installed_geo_dir(tmp_path_factory) -> Path:
    """A boundaries folder installed from the shared GeoJSON, as a user would install it (with
    ``--atribusi``: the GeoJSON is the MIT-licensed polygons of github.com/cahyadsn/wilayah_boundaries)."""
    from kla.boundaries import PINNED_ATTRIBUTION, install

    folder = tmp_path_factory.mktemp("geo_terpasang")
    install(SHARED / "geo" / "balikpapan_kelurahan.geojson", folder, attribution=PINNED_ATTRIBUTION)
    return folder


@pytest.fixture(scope="session")
def app_url(installed_geo_dir: Path) -> Iterator[str]:
    proc, url = start_app({"KLA_GEO_DIR": str(installed_geo_dir)})
    try:
        yield url
    finally:
        stop_app(proc)


@pytest.fixture(scope="session")
def base_url(app_url: str) -> str:
    return app_url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1366, "height": 768}}


@pytest.fixture
def network(page) -> Network:
    net = Network()
    page.route("**/*", net.route)
    page.on("console", net.console)
    return net
