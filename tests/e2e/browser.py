"""Helpers of the browser tests: the real app on a free 127.0.0.1 port, driven by Debian's Chromium.

Every request that leaves 127.0.0.1 is blocked and recorded, so a page that needs the internet
to draw anything fails its test instead of passing on a connected laptop.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from bench.chromium import CHROMIUM, CHROMIUM_ARGS, free_port  # shared with the benchmarks

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "free_port"]  # the browser tests import them from here

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "screenshots"
# Streamlit 1.67 puts its run state on the root element; "notRunning" = the script finished.
IDLE = '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


KLA_SERVE = (sys.executable, "-m", "kla", "serve")  # the README's run command
# How Streamlit hosting and most container images start an app: .venv/bin/streamlit beside .venv/bin/python.
STREAMLIT_RUN = (str(Path(sys.executable).parent / "streamlit"), "run", "dashboard.py")


def start_app(env: dict[str, str] | None = None, port: int | None = None,
              command: tuple[str, ...] = KLA_SERVE) -> tuple[subprocess.Popen, str]:
    """``command`` (from the project folder) on a free loopback port; returns once the server answers.

    The app never opens the project's own ``state/``: a session-scoped app starts before the per-test
    KLA_STATE_DIR (tests/conftest.py) is set, and used to serve whatever version an old run had imported
    there (data columns added since were missing). Without a KLA_STATE_DIR it gets a fresh folder.
    """
    port = port or free_port()
    env = {**os.environ, "KLA_EMBEDS": "0", **(env or {})}
    env.setdefault("KLA_STATE_DIR", tempfile.mkdtemp(prefix="kla-app-state-"))
    proc = subprocess.Popen(
        [*command, "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
        # KLA_EMBEDS=0: a publication in a browser test does not render embed pages (tests/e2e/test_embed.py asks)
        cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.2)
    stop_app(proc)
    raise RuntimeError(f"Streamlit tidak siap dalam 40 s: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")


def stop_app(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


class Network:
    """Blocks and counts requests leaving 127.0.0.1; collects console errors."""

    def __init__(self) -> None:
        self.blocked: list[str] = []
        self.console_errors: list[str] = []

    def console(self, msg) -> None:
        if msg.type == "error":
            self.console_errors.append(f"{msg.text} [{msg.location.get('url', '')}]")

    def route(self, route) -> None:
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


def wait_idle(page, timeout: float = 60_000) -> None:
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=timeout)


# Streamlit draws a grey placeholder while an element's code is still being fetched (a widget
# type's first use in a browser): a screenshot then shows grey bars instead of the widgets.
LOADING_PLACEHOLDER = '[data-testid="stSkeleton"], [data-testid="stSkeletonElement"], [data-testid="stAppSkeleton"]'


def screenshot(page, name: str) -> Path:
    """The page as a person sees it once every element has its code (no loading placeholders)."""
    page.wait_for_function(f"() => document.querySelectorAll('{LOADING_PLACEHOLDER}').length === 0",
                           timeout=30_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
