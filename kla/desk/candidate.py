"""A complete data set that is not stored yet (an upload or a form entry), checked like the store does."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path

from kla.loading import LoadResult, load_dataset


def load_files(files: Mapping[str, bytes]) -> LoadResult:
    """Validate and load ``files`` (name -> bytes) without touching the data folder or any cache."""
    with tempfile.TemporaryDirectory(prefix="kla-kandidat-") as folder:
        for name, content in files.items():
            (Path(folder) / Path(name).name).write_bytes(content)
        return load_dataset(folder, cache=False)
