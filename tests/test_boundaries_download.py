"""kla.boundaries.download: one deadline per download, malformed URLs and bad timeouts told plainly.

Servers are real ``http.server`` threads on 127.0.0.1. A test that waits on one bounds its own
wait generously (the drip server would take hours to finish), so a regression fails rather than hangs.
"""

from __future__ import annotations

import http.server
import math
import threading
import time
from pathlib import Path

import pytest

from kla import boundaries
from kla.boundaries import BoundaryError, UnreachableError, UsageError, download
from tests.boundary_files import SQL, serving

HANG_GUARD = 60  # seconds: far above any deadline used here, far below "hours"


@pytest.fixture(autouse=True)
def fresh_attempt():
    boundaries._reset_attempt()
    yield
    boundaries._reset_attempt()


@pytest.fixture
def geo_dir(tmp_path: Path) -> Path:
    return tmp_path / "geo"


class Quiet(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def drip_handler(total: int, every: float):
    """A server that promises ``total`` bytes and sends one every ``every`` seconds; it records how many
    it sent before the client hung up (``sent``) and sets ``done`` then."""

    class Drip(Quiet):
        sent: list[int] = []
        done = threading.Event()

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", str(total))
            self.end_headers()
            count = 0
            try:
                while count < total:
                    self.wfile.write(b"{")
                    self.wfile.flush()
                    count += 1
                    time.sleep(every)
            except OSError:  # the client went away: broken pipe or reset
                pass
            finally:
                Drip.sent.append(count)
                Drip.done.set()

    return Drip


def in_thread(call) -> tuple[threading.Event, dict]:
    finished, outcome = threading.Event(), {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - inspected by the test
            outcome["error"] = exc
        finally:
            finished.set()

    threading.Thread(target=run, daemon=True).start()
    return finished, outcome


# --- one deadline ----------------------------------------------------------------------------------


def test_a_dripping_server_is_given_up_at_the_deadline(geo_dir):
    total = 100_000  # at 5 bytes a second: more than five hours with a per-read timeout
    handler = drip_handler(total, every=0.2)
    with serving(handler) as base:
        finished, outcome = in_thread(lambda: boundaries.install(f"{base}/batas.geojson", geo_dir, timeout=2))
        assert finished.wait(HANG_GUARD), "the install is still waiting on a server that drips bytes"
        assert isinstance(outcome.get("error"), UnreachableError), outcome
        assert "tidak selesai dalam 2 detik" in str(outcome["error"])
        # The download thread hangs up too, instead of reading on in the background.
        assert handler.done.wait(HANG_GUARD)
    assert 0 < handler.sent[0] < total
    assert boundaries.load_installed(geo_dir) is None


def test_visitors_waiting_for_the_first_download_are_released_at_its_deadline(geo_dir, monkeypatch):
    handler = drip_handler(100_000, every=0.2)
    with serving(handler) as base:
        monkeypatch.setattr(download, "PINNED_URL", f"{base}/{SQL}")
        visitors = [in_thread(lambda: boundaries.ensure_installed(geo_dir, timeout=1.5)) for _ in range(3)]
        for finished, _ in visitors:
            assert finished.wait(HANG_GUARD), "a visitor is still behind the download lock"
    statuses = [outcome["value"] for _, outcome in visitors]
    assert {s.state for s in statuses} == {"luring"}
    assert len({id(s) for s in statuses}) == 1  # one attempt, shared


def test_a_slow_but_steady_chunked_download_completes(shared_geo, geo_dir):
    content = (shared_geo / SQL).read_bytes()

    class Steady(Quiet):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            step = len(content) // 4 + 1
            for start in range(0, len(content), step):
                piece = content[start:start + step]
                self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                self.wfile.flush()
                time.sleep(0.1)
            self.wfile.write(b"0\r\n\r\n")

    with serving(Steady) as base:
        report = boundaries.install(f"{base}/{SQL}", geo_dir, timeout=20)
    assert report.features == 34 and report.source.size_bytes == len(content)


def test_a_connection_cut_short_is_told(geo_dir):
    class Short(Quiet):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"{" * 10)
            self.close_connection = True

    with serving(Short) as base, pytest.raises(UnreachableError) as caught:
        boundaries.install(f"{base}/batas.geojson", geo_dir, timeout=5)
    assert "terputus setelah 10 bita" in str(caught.value) and "990" in str(caught.value)


def test_a_redirect_away_from_http_is_refused(geo_dir):
    class ToFtp(Quiet):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/batas.sql")
            self.end_headers()

    with serving(ToFtp) as base, pytest.raises(BoundaryError) as caught:
        boundaries.install(f"{base}/batas.sql", geo_dir, timeout=5)
    assert "ftp://127.0.0.1/batas.sql" in str(caught.value) and "http(s)" in str(caught.value)


# --- malformed URLs and bad timeouts -------------------------------------------------------------------


@pytest.mark.parametrize(("url", "words"), [
    ("http://[::1/batas.geojson", ["alamat server tidak sah"]),
    ("http://127.0.0.1:99999/batas.geojson", ["nomor port tidak sah"]),
    ("http://127.0.0.1:abc/batas.geojson", ["nomor port tidak sah"]),
    ("http:///batas.geojson", ["tanpa nama server"]),
    ("https://", ["tanpa nama server"]),
    ("http://contoh go.id/batas.geojson", ["spasi", "karakter ke-14"]),
    ("https://contoh.go.id/batas\n.geojson", ["karakter kendali", "\\x0a"]),
    ("file:///etc/passwd", ["skema 'file'"]),
    ("gopher://127.0.0.1/x", ["skema 'gopher'"]),
])
def test_malformed_urls_are_told_before_any_connection(url, words, geo_dir):
    with pytest.raises(UsageError) as caught:
        boundaries.install(url, geo_dir)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message


@pytest.mark.parametrize("timeout", [0, -5, math.nan, math.inf, 1e300, download.MAX_TIMEOUT + 1, True, "20"])
def test_bad_timeouts_are_refused(shared_geo, geo_dir, timeout):
    with pytest.raises(UsageError, match="batas waktu unduhan .* tidak sah"):
        boundaries.install(shared_geo / SQL, geo_dir, timeout=timeout)
    with pytest.raises(UsageError, match="paling banyak 600 detik"):
        boundaries.read_source("http://127.0.0.1:9/batas.sql", timeout=timeout)


def test_the_largest_timeout_is_accepted(shared_geo, geo_dir):
    assert boundaries.install(shared_geo / SQL, geo_dir, timeout=download.MAX_TIMEOUT).features == 34
