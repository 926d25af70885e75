"""Where the workplace's shared folder is: tests and benchmarks read the real boundary file there.

It lives in ``bench/`` because benchmarks may not import ``tests/`` (tests/test_layers.py); tests
import it from here through ``tests/shared.py``.

The project never holds that file (see ../shared/geo/SOURCE.md). A checkout normally sits next to
``shared/``; a clone elsewhere (a CI scratch folder) finds it through ``KLA_SHARED_DIR`` or at the
workplace's fixed place.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "KLA_SHARED_DIR"
ROOT = Path(__file__).resolve().parents[1]
WORKPLACE_SHARED = Path("/work/shared")


def shared_dir() -> Path:
    """The first of $KLA_SHARED_DIR, ../shared and /work/shared that exists (else ../shared)."""
    candidates = [Path(p) for p in [os.environ.get(ENV)] if p] + [ROOT.parent / "shared", WORKPLACE_SHARED]
    return next((c for c in candidates if c.is_dir()), ROOT.parent / "shared")
