"""Getting a source's bytes: a local file or an http(s) URL, with a size cap, a timeout and a sha256 check."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kla.boundaries.model import BoundaryError, UnreachableError

# The public file the app can fetch by itself: pinned to one commit and checked by sha256, so
# a changed upstream file is refused rather than silently shown (see shared geo/SOURCE.md).
PINNED_URL = ("https://raw.githubusercontent.com/cahyadsn/wilayah_boundaries/"
              "3c5a7960f4d227a38489094d84252bdbb3f978a5/db/kel/64/wilayah_boundaries_kel_64.71.sql")
PINNED_SHA256 = "9f4cc1374d4a400ad71160a2f2888d322f1ae8318a3c7719151bc61cedc235f3"
PINNED_ATTRIBUTION = "© 2024 Cahya DSN, MIT, github.com/cahyadsn/wilayah_boundaries"

MAX_BYTES = 50 * 1024 * 1024


URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def url_name(url: str) -> str:
    return Path(urllib.parse.urlsplit(url).path).name or url


def read_path(path: Path) -> bytes:
    if not path.is_file():
        raise BoundaryError(f"Berkas batas {path} tidak ditemukan (atau bukan berkas).")
    if path.stat().st_size > MAX_BYTES:
        raise BoundaryError(f"{path.name}: ukuran {path.stat().st_size:,} bita, lebih dari batas {MAX_BYTES:,} bita.")
    return path.read_bytes()


def fetch(url: str, timeout: float) -> bytes:
    """GET ``url`` with a timeout on every network step and a size cap, http(s) only."""
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise BoundaryError(f"URL {url}: skema '{scheme}' tidak didukung; diharapkan http:// atau https://.")
    request = urllib.request.Request(url, headers={"User-Agent": "kla-balikpapan-dashboard"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return _read_capped(response, url)
    except urllib.error.HTTPError as exc:
        raise BoundaryError(f"URL {url}: server menjawab {exc.code} {exc.reason}; diharapkan 200 (berkas ada).") from exc
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        reason = getattr(exc, "reason", exc)
        raise UnreachableError(f"URL {url} tidak dapat dihubungi ({reason}) dalam {timeout:g} detik: "
                               "periksa sambungan internet, atau pasang dari berkas.") from exc


def _read_capped(response, url: str) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_BYTES:
        raise BoundaryError(f"URL {url}: ukuran {int(declared):,} bita, lebih dari batas {MAX_BYTES:,} bita.")
    data = response.read(MAX_BYTES + 1)  # one byte more than allowed tells "too big" from "exactly at the cap"
    if len(data) > MAX_BYTES:
        raise BoundaryError(f"URL {url}: berkas lebih dari batas {MAX_BYTES:,} bita; unduhan dihentikan.")
    return data


def valid_sha256(sha256: str | None) -> str | None:
    if sha256 is None:
        return None
    wanted = sha256.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{64}", wanted):
        raise BoundaryError(f"sha256 '{sha256}' tidak sah: diharapkan 64 digit heksadesimal.")
    return wanted


def check_sha256(name: str, digest: str, expected: str | None) -> None:
    if expected is not None and digest != expected:
        raise BoundaryError(f"{name}: sha256 berkas {digest}, diharapkan {expected}. Berkas ditolak "
                            "(berubah di sumber, atau unduhan rusak); batas yang terpasang tidak diubah.")

