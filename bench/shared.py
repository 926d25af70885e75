"""Where the workplace's shared folder is: tests and benchmarks read the real boundary file there.

It lives in ``bench/`` because benchmarks may not import ``tests/`` (tests/test_layers.py); tests
import it from here through ``tests/shared.py``.

The project never holds that file (see ../shared/geo/SOURCE.md). A checkout normally sits next to
``shared/`` (CI runs in a fresh clone with ``shared/`` beside it); a clone elsewhere names it in
``KLA_SHARED_DIR``.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "KLA_SHARED_DIR"
ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """$KLA_SHARED_DIR if that folder exists, else ../shared (beside the checkout)."""
    candidates = [Path(p) for p in [os.environ.get(ENV)] if p] + [ROOT.parent / "shared"]
    return next((c for c in candidates if c.is_dir()), ROOT.parent / "shared")
