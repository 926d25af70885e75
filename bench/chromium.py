"""One Chromium set-up for browser tests and benchmarks: Debian's binary, its flags, a free port.

It lives in ``bench/`` because benchmarks may not import ``tests/`` (tests/test_layers.py);
``tests/e2e/browser.py`` imports it from here.
"""

from __future__ import annotations

import socket

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
