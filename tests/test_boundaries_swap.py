"""kla.boundaries.swap and .layout: the web copy and its metadata are replaced as one unit.

The kill test stops a real install process just before each of its file-system changes in turn,
SIGKILLs it there, and checks that ``geo status`` describes exactly the boundaries present: the
metadata's ``web_sha256`` is the hash of the installed web copy, its feature count and source
are those of the same install, for an install over a versioned folder and over a folder from
before versions (plain files, a plain ``.sebelumnya/``).
"""

from __future__ import annotations

import hashlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kla import boundaries, cli
from kla.boundaries.layout import ACTIVE_LINK, GEOJSON_NAME, INFO_NAME, PREVIOUS_DIR, VERSIONS_DIR
from kla.boundaries.swap import LOCK_NAME
from tests.boundary_files import GEOJSON, SQL, raw_features, write_features

ROOT = Path(__file__).resolve().parents[1]
HANG_GUARD = 60


def without_one(shared_geo: Path, folder: Path) -> Path:
    """A second, different source: the shared GeoJSON less its last kelurahan (33 features)."""
    return write_features(folder / "tanpa_satu.geojson", raw_features(shared_geo)[:-1])


def described(geo_dir: Path) -> dict:
    """What is installed, checked for consistency: the metadata must belong to the web copy beside it."""
    pair = boundaries.read_installed(geo_dir)
    assert pair is not None
    assert pair.info["web_sha256"] == hashlib.sha256(pair.path.read_bytes()).hexdigest()
    assert pair.info["features"] == len(pair.boundaries)
    return pair.info


def versions(geo_dir: Path) -> set[str]:
    return {p.name for p in (geo_dir / VERSIONS_DIR).iterdir() if p.name != LOCK_NAME}


# --- layout ----------------------------------------------------------------------------------------


def test_install_makes_one_version_current(shared_geo, tmp_path):
    geo = tmp_path / "geo"
    boundaries.install(shared_geo / SQL, geo)
    target = os.readlink(geo / ACTIVE_LINK)
    assert target.startswith(f"{VERSIONS_DIR}/") and versions(geo) == {Path(target).name}
    for name in (GEOJSON_NAME, INFO_NAME):
        assert os.readlink(geo / name) == f"{ACTIVE_LINK}/{name}"
        assert (geo / name).read_bytes() == (geo / target / name).read_bytes()
    assert described(geo)["source"] == SQL
    assert not (geo / PREVIOUS_DIR).exists()


def test_reinstalls_keep_the_previous_one_and_prune_the_rest(shared_geo, tmp_path):
    geo = tmp_path / "geo"
    boundaries.install(shared_geo / SQL, geo)
    boundaries.install(shared_geo / GEOJSON, geo)
    second = os.readlink(geo / ACTIVE_LINK)
    boundaries.install(without_one(shared_geo, tmp_path), geo)
    assert os.readlink(geo / PREVIOUS_DIR) == second
    assert json.loads((geo / PREVIOUS_DIR / INFO_NAME).read_text())["source"] == GEOJSON
    assert described(geo)["source"] == "tanpa_satu.geojson"
    assert len(versions(geo)) == 2


def plain_install(shared_geo: Path, tmp_path: Path) -> Path:
    """A geo folder as installs before versions left it: plain files, a plain .sebelumnya/ folder."""
    scratch = tmp_path / "scratch"
    boundaries.install(shared_geo / SQL, scratch)
    geo = tmp_path / "plain"
    (geo / PREVIOUS_DIR).mkdir(parents=True)
    for name in (GEOJSON_NAME, INFO_NAME):
        (geo / name).write_bytes((scratch / name).read_bytes())
        (geo / PREVIOUS_DIR / name).write_bytes((scratch / name).read_bytes())
    return geo


def test_a_folder_from_before_versions_is_read_then_adopted(shared_geo, tmp_path):
    geo = plain_install(shared_geo, tmp_path)
    assert described(geo)["source"] == SQL  # read as it is
    boundaries.install(without_one(shared_geo, tmp_path), geo)
    assert described(geo)["source"] == "tanpa_satu.geojson"
    assert json.loads((geo / PREVIOUS_DIR / INFO_NAME).read_text())["source"] == SQL
    assert (geo / GEOJSON_NAME).is_symlink() and (geo / PREVIOUS_DIR).is_symlink()
    assert len(versions(geo)) == 2  # the new one, and the adopted one as previous


def test_status_refuses_metadata_that_belongs_to_other_boundaries(shared_geo, tmp_path, monkeypatch, capsys):
    """What a kill between the two renames of older versions left behind is told, not shown as valid."""
    geo = plain_install(shared_geo, tmp_path)
    other = tmp_path / "other"
    boundaries.install(without_one(shared_geo, tmp_path), other)
    (geo / GEOJSON_NAME).write_bytes((other / GEOJSON_NAME).read_bytes())  # new map, old metadata
    monkeypatch.setenv("KLA_GEO_DIR", str(geo))
    assert cli.main(["geo", "status"]) == 1
    err = capsys.readouterr().err
    assert "tidak cocok" in err and "geo install" in err and len(err.strip().splitlines()) == 1


# --- killed at every step ------------------------------------------------------------------------------


class Lines:
    """Lines from a pipe with a time limit, so a stuck process fails the test instead of hanging it."""

    def __init__(self, fd: int) -> None:
        self.fd, self.buffer = fd, b""

    def next(self) -> str:
        deadline = time.monotonic() + HANG_GUARD
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            assert left > 0 and select.select([self.fd], [], [], left)[0], "no answer from the install process"
            chunk = os.read(self.fd, 4096)
            assert chunk, "the kill-point server ended"
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()


@pytest.fixture
def kill_server():
    proc = subprocess.Popen([sys.executable, "-c", "from tests.boundary_files import kill_point_server as s; s()"],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    yield proc, Lines(proc.stdout.fileno())
    proc.stdin.close()
    proc.wait(timeout=HANG_GUARD)


@pytest.mark.parametrize("start", ["versions", "plain"])
def test_killed_at_any_step_status_describes_exactly_what_is_installed(shared_geo, tmp_path, kill_server,
                                                                       monkeypatch, capsys, start):
    proc, lines = kill_server
    if start == "plain":
        pristine = plain_install(shared_geo, tmp_path)
    else:
        pristine = tmp_path / "pristine"
        boundaries.install(shared_geo / GEOJSON, pristine)  # becomes the previous one: pruned by the next install
        boundaries.install(shared_geo / SQL, pristine)
    new_source = without_one(shared_geo, tmp_path)
    seen, paused_at = set(), []
    for step in range(1, 80):
        geo = tmp_path / f"geo-{step}"
        shutil.copytree(pristine, geo, symlinks=True)
        proc.stdin.write(f"{step}\t{new_source}\t{geo}\n".encode())
        proc.stdin.flush()
        word, pid, *what = lines.next().split(" ")
        if word == "PAUSE":
            os.kill(int(pid), signal.SIGKILL)
            paused_at.append(" ".join(what))
        assert lines.next().startswith(f"ENDED {pid}")

        info = described(geo)
        seen.add(info["source"])
        monkeypatch.setenv("KLA_GEO_DIR", str(geo))
        assert cli.main(["geo", "status"]) == 0
        out = capsys.readouterr().out
        assert f"{info['features']} kelurahan" in out and f"sha256 {info['sha256']}" in out
        if word == "DONE":
            break
        # A later install over whatever the kill left behind works and leaves nothing stale.
        boundaries.install(shared_geo / GEOJSON, geo)
        assert described(geo)["source"] == GEOJSON and len(versions(geo)) == 2
        assert not list(geo.glob("*.baru-*"))
    else:
        pytest.fail("the install never finished")
    assert seen == {SQL, "tanpa_satu.geojson"}  # killed before the switch, and after it
    assert any(ACTIVE_LINK in p for p in paused_at)  # the switch itself was one of the kill points
    assert any(p.startswith("rmdir") for p in paused_at)  # and so was removing an old version
