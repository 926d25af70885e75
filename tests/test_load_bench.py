"""The load benchmark's protocol client (bench/stproto.py) and its level runner against one real app server.

Not timed (speed is bench/load_bench.py's job): these check that what the client does is what a
reader's tab gets from the server: a finished run, and a changed choice that changes the page.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator

import pytest

from bench import load_bench
from bench.stproto import RunResult, Session, ensure_loopback, option_other_than
from kla.i18n import t
from tests.e2e.browser import start_app, stop_app
from tests.event_loop import run_in_own_loop
from tests.shared import shared_dir


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Iterator[tuple[int, str]]:
    """One replica (``python -m kla serve``) with the boundaries installed, so Peta draws its map."""
    from kla.boundaries import PINNED_ATTRIBUTION, install

    geo = tmp_path_factory.mktemp("geo_terpasang")
    install(shared_dir() / "geo" / "balikpapan_kelurahan.geojson", geo, attribution=PINNED_ATTRIBUTION)
    proc, url = start_app({"KLA_GEO_DIR": str(geo), "KLA_STATE_DIR": str(tmp_path_factory.mktemp("state"))})
    try:
        yield proc.pid, url
    finally:
        stop_app(proc)


async def open_and_change(url: str, path: str, key: str) -> tuple[RunResult, RunResult, str, str, Session]:
    """Open the page, choose another option of the widget ``key``: both runs, the default, the choice."""
    async with Session.open(url, path) as session:
        first = session.last
        assert first is not None
        widget = session.widget_by_key(key)
        default = widget.options[widget.default] if widget.default is not None else ""
        chosen = option_other_than(widget)
        changed = await session.change(widget, chosen)
        return first, changed, default, chosen, session


def test_three_sessions_finish_and_a_changed_choice_changes_the_page(app: tuple[int, str]) -> None:
    _, app_url = app

    async def three() -> list[tuple[RunResult, RunResult, str, str, Session]]:
        return await asyncio.gather(open_and_change(app_url, "", "url_tahun"),
                                    open_and_change(app_url, "", "url_tahun"),
                                    open_and_change(app_url, "peta", "url_metrik"))

    results = run_in_own_loop(three())
    for first, changed, *_ in results:
        assert first.status == changed.status == "FINISHED_SUCCESSFULLY"
        assert first.exceptions == changed.exceptions == []
        assert first.elements and changed.elements
        assert first.texts != changed.texts  # what a reader sees changed (element hashes differ on every run)
    for first, changed, default_year, chosen, session in results[:2]:  # Ringkasan: the headline names the year
        assert session.query == f"tahun={chosen}" and chosen != default_year
        assert t("ringkasan.skor", "id", tahun=default_year) in first.texts
        assert t("ringkasan.skor", "id", tahun=chosen) in changed.texts
        assert t("ringkasan.skor", "id", tahun=default_year) not in changed.texts
    first, changed, default_metric, chosen, peta = results[2]
    assert peta.query.startswith("metrik=")  # the page keeps the chosen metric in its link
    # the ranking under the map names the metric shown
    assert any(default_metric in text for text in first.texts)
    assert any(chosen in text for text in changed.texts)
    assert not any(chosen in text for text in first.texts)


def test_a_level_of_three_sessions_has_no_failure_and_counts_server_cpu(app: tuple[int, str]) -> None:
    server, app_url = app
    meter = load_bench.Meter({"replika": lambda: load_bench.tree(server), "klien": lambda: [os.getpid()]})
    level = run_in_own_loop(load_bench.run_level(app_url, 3, ramp=0.5, timeout=120, peta_share=1 / 3, meter=meter))
    assert [v.error for v in level.visits] == [None, None, None]
    assert sorted(v.page for v in level.visits) == ["peta", "ringkasan", "ringkasan"]
    assert all(v.first is not None and v.change is not None for v in level.visits)
    assert level.cpu["replika"] > 0  # the runs were the server's work, and the meter saw it
    assert level.rss_peak >= level.rss_before > 0


@pytest.mark.parametrize("url", ["http://10.0.0.1:8501", "http://192.168.1.5", "http://8.8.8.8:80/peta"])
def test_refuses_hosts_that_are_not_loopback(url: str) -> None:
    with pytest.raises(ValueError, match="loopback"):
        ensure_loopback(url)
    with pytest.raises(ValueError, match="loopback"):
        Session(url, "")


@pytest.mark.parametrize("url", ["http://127.0.0.1:8501", "http://127.3.2.1", "http://[::1]:8501", "http://localhost"])
def test_accepts_loopback(url: str) -> None:
    ensure_loopback(url)


def test_the_bench_refuses_more_than_its_bound() -> None:
    with pytest.raises(SystemExit):
        load_bench.main(["--levels", str(load_bench.MAX_SESSIONS + 1), "--no-write"])



def test_the_servers_skip_streamlits_full_collection_after_every_run() -> None:
    """Measured by bench/load_bench.py: the forced gc.collect(2) per run was 35-60 % of a run's CPU."""
    import tomllib

    from tests.e2e.browser import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False
