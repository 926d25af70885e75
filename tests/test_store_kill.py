"""A process killed with SIGKILL while it publishes or imports leaves the store whole (SQLite and PostgreSQL).

The killed process either publishes in a loop (so the kill lands anywhere, several moments per
test), or stops inside its open transaction (the pointer or the new version written, not
committed). Afterwards the previously published version, or the new one when its transaction had
committed, is served, intact and loadable; the audit log agrees with the pointer; version numbers
have no gaps; and the next writer is not blocked.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from kla.schema import FILES
from kla.store import Store
from tests.store_fixtures import folder_bytes, store_url_fixture, with_cell  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, time
from pathlib import Path
from kla.store import Store
from kla.store.engine import VERSION_LOCK, writing
from kla.store.publication import move_pointer
from kla.store.versions import folder_files, insert_version, validate_files

url, mode, folder = sys.argv[1:4]
store = Store.open(url)
files = folder_files(Path(folder))

def variant(n):
    return {**files, "kegiatan.csv": files["kegiatan.csv"].replace(b"Rapat GT Maret", f"Rapat GT Maret {n}".encode())}

if mode.endswith("hold"):
    with writing(store.engine, lock=VERSION_LOCK) as conn:
        if mode == "publish-hold":
            move_pointer(conn, 2, "proses", "tertahan", expected=1, action="publish")
        else:
            insert_version(conn, variant(0), validate_files(variant(0)), "proses", "tertahan", 1)
        print("tengah", flush=True)
        time.sleep(600)
print("siap", flush=True)
n = 0
while True:
    n += 1
    current = store.published_id()
    if mode == "publish-loop":
        target = 2 if current == 1 else 1
    else:
        target = store.create_version(variant(n), "proses", f"impor {n}", base=current).id
    store.publish(target, "proses", f"terbit {n}", expected=current)
"""


def run_and_kill(url: str, mode: str, folder: Path, delay: float) -> None:
    child = subprocess.Popen([sys.executable, "-c", CHILD, url, mode, str(folder)], cwd=ROOT, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = child.stdout.readline().strip()
        assert line in ("siap", "tengah"), child.stderr.read()
        time.sleep(delay)
        assert child.poll() is None, child.stderr.read()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL


def check_whole(store: Store, folder: Path) -> int:
    """Everything a reader relies on after the kill; returns the published version."""
    versions = store.versions()
    assert [v.id for v in versions] == list(range(len(versions), 0, -1)), "version numbers without gaps"
    for record in versions:
        assert sorted(store.files(record.id)) == sorted(f"{n}.csv" for n in FILES)  # sha256 checked on read
    published = store.published()
    result = store.load_version(published.version_id)
    assert result.ok, result.problems
    moves = [e for e in store.audit_log() if e.action in ("publish", "rollback")]
    assert moves[0].to_version == published.version_id, "the audit log agrees with the pointer"
    assert len(moves) == published.serial
    assert store.audit_log(action="import")[0].to_version == 1
    if store.engine.dialect.name == "sqlite":
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    # the next writer is not blocked by anything the killed process held
    files = with_cell(folder_bytes(folder), "kegiatan.csv", "Rapat GT Januari", "Rapat GT Januari (sesudah)")
    after = store.create_version(files, "penguji", "sesudah kill", base=published.version_id)
    assert after.id == len(versions) + 1
    assert store.publish(after.id, "penguji", "sesudah kill", expected=published.version_id).version_id == after.id
    return published.version_id


@pytest.fixture
def seeded(store_url, tiny_city) -> Store:
    """Version 1 published, version 2 a draft."""
    store = Store.open(store_url)
    store.ensure_initial(tiny_city)
    files = with_cell(folder_bytes(tiny_city), "kegiatan.csv", "Rapat GT Maret", "Rapat GT Maret (draf)")
    store.create_version(files, "penguji", "draf", base=1)
    return store


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.3])
def test_killed_while_publishing_over_and_over(seeded, store_url, tiny_city, delay):
    run_and_kill(store_url, "publish-loop", tiny_city, delay)
    assert check_whole(seeded, tiny_city) in (1, 2)


def test_killed_inside_the_publish_transaction(seeded, store_url, tiny_city):
    run_and_kill(store_url, "publish-hold", tiny_city, 0.0)
    assert seeded.published_id() == 1 and seeded.published().serial == 1
    assert check_whole(seeded, tiny_city) == 1


@pytest.mark.parametrize("delay", [0.0, 0.1, 0.5])
def test_killed_while_importing_over_and_over(seeded, store_url, tiny_city, delay):
    run_and_kill(store_url, "import-loop", tiny_city, delay)
    published = check_whole(seeded, tiny_city)
    imported = sorted(v.id for v in seeded.versions() if v.author == "proses")
    # each imported version is published right after it is stored: the newest, or the one before
    # when the kill came between storing and publishing
    assert published in ({1} if not imported else {imported[-1], ([1, *imported])[-2]})


def test_killed_inside_the_import_transaction(seeded, store_url, tiny_city):
    run_and_kill(store_url, "import-hold", tiny_city, 0.0)
    assert [v.id for v in seeded.versions()] == [2, 1] and seeded.published_id() == 1
    with seeded.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM version_files WHERE version_id = 3")).scalar() == 0
    assert check_whole(seeded, tiny_city) == 1
