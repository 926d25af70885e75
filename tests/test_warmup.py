"""The serve warm-up: imports the first page's modules and fills the data cache, never raises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kla.loading import load_dataset
from kla.ui import warmup
from tests.e2e.browser import KLA_SERVE, STREAMLIT_RUN, start_app, stop_app

ROOT = Path(__file__).resolve().parents[1]


def test_warm_imports_the_first_page_modules_and_fills_the_cache(tiny_city: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    code = ("import json, sys; from pathlib import Path; from kla.ui import warmup; "
            f"before = set(sys.modules); warmup.warm(Path({str(tiny_city)!r})); "
            "print(json.dumps(sorted(set(warmup.FIRST_PAGE_MODULES) & (set(sys.modules) - before))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "KLA_CACHE_DIR": str(cache)})
    assert json.loads(out.stdout) == sorted(warmup.FIRST_PAGE_MODULES)  # none was loaded before
    assert list(cache.glob("*.parquet")), "the warm-up should have written the validated tables"


def test_warm_fills_the_cache_that_the_page_then_reads(tiny_city: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("KLA_CACHE_DIR", str(tmp_path / "cache"))
    warmup.warm(tiny_city, modules=())
    written = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache").glob("*.parquet")}
    assert written
    assert load_dataset(tiny_city).ok
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache").glob("*.parquet")} == written


def test_warm_never_raises_and_logs_why(tiny_city: Path, caplog):
    warmup.warm(tiny_city, modules=("kla.tidak_ada",))
    assert "kla.tidak_ada" in caplog.text


def test_start_waits_until_the_server_is_ready(tiny_city: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("KLA_CACHE_DIR", str(tmp_path / "cache"))
    listening = threading.Event()
    thread = warmup.start(tiny_city, ready=listening.is_set)
    thread.join(0.3)
    assert thread.is_alive() and not (tmp_path / "cache").exists()
    listening.set()
    thread.join(30)
    assert not thread.is_alive()
    assert list((tmp_path / "cache").glob("*.parquet"))


@pytest.mark.parametrize("command", [KLA_SERVE, STREAMLIT_RUN], ids=["kla-serve", "streamlit-run"])
def test_a_started_server_warms_up_before_anyone_visits(tiny_city: Path, tmp_path: Path, command):
    """Both start commands serve dashboard.py's app, whose lifespan starts the warm-up: the validated
    tables are written although no browser ever connects (the health check opens no session)."""
    cache = tmp_path / "cache"
    proc, _ = start_app({"KLA_DATA_DIR": str(tiny_city), "KLA_CACHE_DIR": str(cache)}, command=command)
    try:
        deadline = time.monotonic() + 90  # a bound on waiting, not a speed claim
        while not list(cache.glob("*.parquet")) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        assert list(cache.glob("*.parquet")), "no warm-up: the cache stayed empty until a visitor came"
    finally:
        stop_app(proc)


def test_a_first_start_writes_the_embeds_of_the_imported_version(tiny_city: Path, tmp_path: Path, monkeypatch):
    """Version 1 is imported, not published: the warm-up writes its embed pages (else none until Ekspor)."""
    monkeypatch.setenv("KLA_EMBEDS", "1")
    monkeypatch.setenv("KLA_FILES_DIR", str(tmp_path / "publik"))
    warmup.warm(tiny_city, modules=())
    latest = tmp_path / "publik" / "embed" / "terbaru"
    manifest = json.loads((latest / "sematan.json").read_text(encoding="utf-8"))
    assert manifest["versi"] == 1
    pages = sorted(p.name for p in latest.glob("*.html"))
    assert "tren_total.html" in pages and len(pages) >= 10


def test_a_public_replica_writes_no_embeds(tiny_city: Path, tmp_path: Path, monkeypatch):
    warmup.warm(tiny_city, modules=())  # as the admin (embeds off): imports version 1 into this state folder
    monkeypatch.setenv("KLA_EMBEDS", "1")
    monkeypatch.setenv("KLA_ROLE", "public")
    monkeypatch.setenv("KLA_FILES_DIR", str(tmp_path / "lain"))
    warmup.write_missing_embeds()
    assert not (tmp_path / "lain").exists()
