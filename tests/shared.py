"""The workplace's shared folder for tests: the logic lives in ``bench/shared.py`` (benchmarks need it
and may not import ``tests/``)."""

from bench.shared import ENV, ROOT, shared_dir

__all__ = ["ENV", "ROOT", "shared_dir"]
