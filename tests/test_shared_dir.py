"""Tests find the workplace's shared folder from any clone location."""

from pathlib import Path

from tests import shared


def test_the_environment_variable_wins(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(shared.ENV, str(tmp_path))
    assert shared.shared_dir() == tmp_path


def test_a_missing_folder_in_the_variable_falls_back_to_one_that_exists(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(shared.ENV, str(tmp_path / "tidak-ada"))
    found = shared.shared_dir()
    assert found != tmp_path / "tidak-ada"
    assert (found / "geo").is_dir()  # the real boundary file's folder, which the map tests read


def test_without_the_variable_it_is_the_folder_beside_the_checkout(monkeypatch):
    # never one machine's absolute path: CI clones anywhere, with shared/ beside the clone
    monkeypatch.delenv(shared.ENV, raising=False)
    assert shared.shared_dir() == shared.ROOT.parent / "shared"
