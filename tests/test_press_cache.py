"""kla.press_cache: made once per version and choice, a bounded queue, single flight, whole files only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kla import brief, press_cache
from kla.loading import VersionInfo, load_dataset
from kla.press_cache import Busy, Key, PressCache, RenderQueue
from tests.conftest import tiny_tables, write_tables

ROOT = Path(__file__).resolve().parents[1]


class Counting:
    """A make function that really works for ``seconds`` (a hash loop, not a sleep) and counts itself."""

    def __init__(self, seconds: float = 0.0, fail: Exception | None = None) -> None:
        self.seconds, self.fail = seconds, fail
        self.calls = 0
        self.inside = 0
        self.most_inside = 0
        self._lock = threading.Lock()

    def __call__(self, content: bytes = b"inhalt") -> bytes:
        with self._lock:
            self.calls += 1
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
        try:
            digest, until = content, time.monotonic() + self.seconds
            while time.monotonic() < until:
                digest = hashlib.sha256(digest).digest()
            if self.fail:
                raise self.fail
            return content + b"-" + str(self.calls).encode()
        finally:
            with self._lock:
                self.inside -= 1


def run_together(n: int, target) -> list:
    """``target(i)`` on ``n`` threads started together; results (or exceptions) in order."""
    results: list = [None] * n
    go = threading.Barrier(n)

    def run(i: int) -> None:
        go.wait()
        try:
            results[i] = target(i)
        except BaseException as exc:  # collected: the test looks at them
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_second_request_reads_the_file_and_makes_nothing(tmp_path):
    cache, make = PressCache(tmp_path), Counting()
    key = Key.of("v1", "ringkasan", "pdf", bahasa="id", hari=dt.date(2026, 11, 23))
    first = cache.get(key, make)
    second = cache.get(key, make)
    assert make.calls == 1 and cache.made == 1
    assert first.path == second.path and first.path.parent == tmp_path / "v1"
    assert second.read() == first.read() == b"inhalt-1"


def test_a_new_version_or_another_choice_makes_a_new_file(tmp_path):
    cache, make = PressCache(tmp_path), Counting()
    files = {cache.get(Key.of(version, "ringkasan", "pdf", bahasa=lang), make).path
             for version in ("v1", "v2") for lang in ("id", "en")}
    assert len(files) == 4 and make.calls == 4
    assert {f.parent.name for f in files} == {"v1", "v2"}


def test_key_text_of_choices_not_their_order():
    a = Key.of("v3", "zip", "zip", grafik=["tren_total", "peta_petak"], ukuran="lanskap", tahun=None)
    b = Key.of("v3", "zip", "zip", ukuran="lanskap", tahun=None, grafik=["tren_total", "peta_petak"])
    assert a.name == b.name and a.name.startswith("zip-") and a.name.endswith(".zip")
    assert Key.of("v3", "zip", "zip", grafik=["peta_petak", "tren_total"]).name != a.name  # the order of charts counts
    assert Key.of("v4", "zip", "zip", grafik=["tren_total", "peta_petak"], ukuran="lanskap", tahun=None).name != a.name


def test_data_version_is_the_store_number_or_a_content_hash(tiny_city, tmp_path):
    data = load_dataset(tiny_city).dataset
    assert press_cache.data_version(dataclasses.replace(data, version=VersionInfo(7))) == "v7"
    unversioned = press_cache.data_version(data)
    assert unversioned.startswith("h") and unversioned == press_cache.data_version(load_dataset(tiny_city).dataset)
    tables = tiny_tables()
    tables["evaluasi_kota"].loc[0, "poin"] -= 1
    changed = load_dataset(write_tables(tmp_path / "ubah", tables)).dataset
    assert press_cache.data_version(changed) != unversioned


def test_file_hash_of_the_logo(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"satu")
    first = press_cache.file_hash(logo)
    logo.write_bytes(b"dua")
    assert press_cache.file_hash(logo) != first
    assert press_cache.file_hash(None) == "tanpa" and press_cache.file_hash(tmp_path / "tidak.png") == "hilang"


def test_at_most_limit_files_are_made_at_once(tmp_path):
    cache, make = PressCache(tmp_path, default_limit=2), Counting(seconds=0.3)
    results = run_together(6, lambda i: cache.get(Key.of("v1", "gambar", "png", nomor=i), make))
    assert all(isinstance(r, press_cache.Stored) for r in results), results
    assert make.calls == 6
    assert make.most_inside == 2 and cache.queue("gambar").peak == 2


def test_kinds_have_their_own_queue(tmp_path):
    cache = PressCache(tmp_path, limits={"zip": 1}, default_limit=2)
    assert cache.queue("zip").limit == 1 and cache.queue("ringkasan").limit == 2
    assert cache.queue("zip") is cache.queue("zip")


def test_identical_requests_share_one_make(tmp_path):
    cache, make = PressCache(tmp_path), Counting(seconds=0.5)
    key = Key.of("v1", "ringkasan", "pdf", bahasa="id")
    results = run_together(10, lambda _i: cache.get(key, make))
    assert make.calls == 1 and cache.made == 1
    assert {r.path for r in results} == {cache.path(key)}
    assert {r.read() for r in results} == {b"inhalt-1"}


def test_identical_requests_share_one_failure_and_the_next_request_tries_again(tmp_path):
    cache, failing = PressCache(tmp_path), Counting(seconds=0.5, fail=ValueError("Chromium mogok"))
    key = Key.of("v1", "ringkasan", "pdf")
    results = run_together(5, lambda _i: cache.get(key, failing))
    assert failing.calls == 1
    assert all(isinstance(r, ValueError) and str(r) == "Chromium mogok" for r in results)
    assert not cache.path(key).exists()
    assert cache.get(key, Counting()).read() == b"inhalt-1"


class ScriptStopped(BaseException):
    """What Streamlit raises in a visitor's script when the visitor leaves or reruns (not an Exception)."""


def test_when_the_maker_is_stopped_a_waiting_request_makes_the_file(tmp_path):
    cache, calls = PressCache(tmp_path), []
    key = Key.of("v1", "zip", "zip")

    def make() -> bytes:
        calls.append(threading.current_thread().name)
        Counting(seconds=0.5)()
        if len(calls) == 1:
            raise ScriptStopped()
        return b"PK-utuh"

    results = run_together(4, lambda _i: cache.get(key, make))
    assert len(calls) == 2, "the stopped make, then one more by a request that was waiting"
    assert sorted(type(r).__name__ for r in results) == ["ScriptStopped", "Stored", "Stored", "Stored"]
    assert cache.path(key).read_bytes() == b"PK-utuh"


def test_a_full_queue_refuses_at_once_with_busy(tmp_path):
    queue = RenderQueue(limit=1, max_waiting=1)
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with queue.slot():
            inside.set()
            release.wait(30)

    running = threading.Thread(target=hold)
    running.start()
    assert inside.wait(30)
    waiting = threading.Thread(target=hold)
    waiting.start()
    while queue.admitted < 2:  # the second one is in line
        time.sleep(0.01)
    with pytest.raises(Busy, match="coba lagi"), queue.slot():
        pass
    release.set()
    running.join(30)
    waiting.join(30)
    with queue.slot():  # free again
        assert queue.running == 1
    assert queue.admitted == 0 and queue.peak == 1


def test_meta_travels_with_the_file(tmp_path):
    cache = PressCache(tmp_path)
    key = Key.of("v1", "zip", "zip")
    made = cache.get(key, lambda: (b"PK", {"berkas": ["README.txt"], "grafik": 1}))
    again = PressCache(tmp_path).get(key, lambda: pytest.fail("made again"))  # another process, same folder
    assert made.meta == again.meta == {"berkas": ["README.txt"], "grafik": 1}


def test_old_versions_and_least_recently_used_files_are_pruned(tmp_path):
    cache = PressCache(tmp_path, keep_versions=2, max_bytes=30)
    for number in (1, 2, 3):
        cache.get(Key.of(f"v{number}", "gambar", "png"), lambda: b"x" * 10)
        os.utime(tmp_path / f"v{number}", (number, number))  # folder times in order, whatever the clock does
    assert sorted(f.name for f in tmp_path.iterdir()) == ["v2", "v3"]
    first = cache.get(Key.of("v3", "gambar", "png", n=1), lambda: b"y" * 10)
    os.utime(first.path, (1, 1))  # the oldest file: the next one, over 30 bytes, pushes it out
    cache.get(Key.of("v3", "gambar", "png", n=2), lambda: b"z" * 10)
    left = sorted(p.read_bytes() for p in tmp_path.glob("*/*"))
    assert left == [b"x" * 10, b"x" * 10, b"z" * 10]


WRITER = r"""
import sys
from pathlib import Path
from kla.press_cache import Key, PressCache

cache = PressCache(Path(sys.argv[1]))
content = bytes(range(256)) * (32 * 1024 * 1024 // 256)  # 32 MB: writing it takes a while
for n in range(1000):
    print("schreibe", n, flush=True)
    cache.get(Key.of("v1", "zip", "zip", n=n), lambda: content)
"""


def test_a_writer_killed_mid_write_leaves_whole_files_or_none(tmp_path):
    expected = hashlib.sha256(bytes(range(256)) * (32 * 1024 * 1024 // 256)).hexdigest()
    for attempt in range(4):
        root = tmp_path / f"lauf{attempt}"
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(root)], cwd=ROOT, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        try:
            assert child.stdout.readline().startswith("schreibe"), child.stderr.read()
            time.sleep(random.uniform(0.05, 0.6))  # the kill lands anywhere in the writing
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
            child.stdout.close()
            child.stderr.close()
        files = [p for p in root.glob("*/*") if not p.name.startswith(".")]
        for path in files:
            assert hashlib.sha256(path.read_bytes()).hexdigest() == expected, f"{path.name} is partial"
        assert all(p.name.endswith(".tmp") for p in root.glob("*/.*")), "only temporary files start with a dot"
        cache = PressCache(root)  # the next request after the kill: a whole file, made again if missing
        key = Key.of("v1", "zip", "zip", n=len(files))
        assert cache.get(key, lambda: b"baru").read() == b"baru"


BURST_OF_BIG_READS = r"""
import gc, sys, threading
from pathlib import Path
from kla import press_cache

def rss_mb():
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 1e6

assert press_cache.return_big_buffers_to_os()
first = bytes(28_000_000); del first  # without a fixed threshold, glibc raises its own on this free
before = rss_mb()
together = threading.Barrier(20)

def download():  # 20 visitors hold a 28 MB ZIP at the same moment, as Streamlit does while sending it
    data = bytes(28_000_000) + b"."
    together.wait()
    del data

for _ in range(2):
    threads = [threading.Thread(target=download) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
gc.collect()
print(round(before), round(rss_mb()))
"""


def test_big_buffers_go_back_to_the_system_after_a_burst():
    result = subprocess.run([sys.executable, "-c", BURST_OF_BIG_READS], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    before, after = map(int, result.stdout.split())
    assert after - before < 50, f"{after - before} MB kept after 40 buffers of 28 MB were freed"


# --- with the real brief -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    data = load_dataset(write_tables(tmp_path_factory.mktemp("kota") / "data", tiny_tables())).dataset
    return dataclasses.replace(data, version=VersionInfo(4))


@pytest.mark.browser
def test_the_brief_is_printed_once_per_version_and_choice(city, tmp_path):
    cache, day = PressCache(tmp_path), dt.date(2026, 11, 23)
    first = run_together(4, lambda _i: brief.brief_file(cache, city, today=day))
    assert cache.made == 1 and len(set(first)) == 1 and first[0].parent.name == "v4"
    pdf = first[0].read_bytes()
    assert pdf.startswith(b"%PDF")
    assert brief.brief_file(cache, city, today=day).read_bytes() == pdf and cache.made == 1
    brief.brief_file(cache, city, today=day, lang="en")
    brief.brief_file(cache, dataclasses.replace(city, version=VersionInfo(5)), today=day)
    brief.brief_file(cache, city, today=day, start=dt.date(2025, 1, 15))
    assert cache.made == 4
