"""Getting a source's bytes: a local file or an http(s) URL, size-capped, with one deadline per download.

A download has one overall deadline (``timeout`` seconds for connecting, the answer and every byte)
rather than a timeout per socket operation: a server that sends one byte every few seconds would
otherwise keep an install, and every map visitor waiting behind ``ensure_installed``'s lock, busy
for hours. The transfer runs in a worker thread the caller waits for; at the deadline the caller
gives up and the worker stops at its next chunk (or its next socket timeout).
"""

from __future__ import annotations

import http.client
import math
import re
import stat
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kla.boundaries.model import BoundaryError, UnreachableError, UsageError

# The public file the app can fetch by itself: pinned to one commit and checked by sha256, so
# a changed upstream file is refused rather than silently shown (see shared geo/SOURCE.md).
PINNED_URL = ("https://raw.githubusercontent.com/cahyadsn/wilayah_boundaries/"
              "3c5a7960f4d227a38489094d84252bdbb3f978a5/db/kel/64/wilayah_boundaries_kel_64.71.sql")
PINNED_SHA256 = "9f4cc1374d4a400ad71160a2f2888d322f1ae8318a3c7719151bc61cedc235f3"
PINNED_ATTRIBUTION = "© 2024 Cahya DSN, MIT, github.com/cahyadsn/wilayah_boundaries"

MAX_BYTES = 50 * 1024 * 1024  # a source file, downloaded or read from disk
DEFAULT_TIMEOUT = 20.0
# Ten minutes fetch 50 MB over a 1 Mbit/s line; a longer deadline is a typo, not a wish.
MAX_TIMEOUT = 600.0
CHUNK = 64 * 1024

URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(text: str) -> bool:
    return bool(URL_LIKE.match(text))


def url_name(url: str) -> str:
    try:
        return Path(urllib.parse.urlsplit(url).path).name or shown(url)
    except ValueError:
        return shown(url)


def shown(text: str, limit: int = 200) -> str:
    """``text`` on one line: control characters escaped, long text cut (URLs come from users)."""
    safe = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
    return safe if len(safe) <= limit else safe[:limit] + "…"


def check_timeout(timeout: object) -> float:
    """Seconds for a whole download: a finite number above 0 and at most :data:`MAX_TIMEOUT`."""
    number = timeout if isinstance(timeout, (int, float)) and not isinstance(timeout, bool) else math.nan
    if not (math.isfinite(number) and 0 < number <= MAX_TIMEOUT):
        raise UsageError(f"batas waktu unduhan {timeout!r} detik tidak sah; diharapkan angka lebih dari 0 dan paling "
                         f"banyak {MAX_TIMEOUT:g} detik.")
    return float(number)


def check_url(url: str) -> str:
    """An http(s) URL with a host (and a valid port); anything else is a UsageError saying what is wrong."""
    where = f"URL {shown(url)}"
    bad = next((i for i, c in enumerate(url) if c.isspace() or not c.isprintable()), None)
    if bad is not None:
        raise UsageError(f"{where}: berisi spasi atau karakter kendali (karakter ke-{bad + 1}); diharapkan URL utuh "
                         "tanpa spasi (tulis spasi sebagai %20).")
    try:
        parts = urllib.parse.urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise UsageError(f"{where}: skema '{shown(scheme)}' tidak didukung; diharapkan http:// atau https://.")
        host, _ = parts.hostname, parts.port  # .port raises ValueError for a bad port
    except ValueError as exc:
        part = "nomor port" if "port" in str(exc).lower() else "alamat server"
        raise UsageError(f"{where}: {part} tidak sah; diharapkan seperti https://contoh.go.id/batas.geojson "
                         "(port berupa angka 1-65535).") from exc
    if not host:
        raise UsageError(f"{where}: tanpa nama server; diharapkan seperti https://contoh.go.id/batas.geojson.")
    return url


def read_path(path: Path, label: str | None = None) -> bytes:
    """A regular file's bytes, at most :data:`MAX_BYTES`; special files (FIFOs, devices) are refused unread."""
    label = label or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UsageError(f"Berkas batas {label} tidak ditemukan; periksa nama dan foldernya.") from None
    except OSError as exc:
        raise UsageError(f"Berkas batas {label} tidak dapat dibuka ({exc.strerror}).") from exc
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{label} adalah folder; diharapkan berkas batas (GeoJSON, GeoPackage, .zip atau .sql).")
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(f"{label} bukan berkas biasa (pipa atau perangkat); diharapkan berkas batas di disk.")
    if info.st_size > MAX_BYTES:
        raise BoundaryError(f"{path.name}: ukuran {info.st_size:,} bita, lebih dari batas {MAX_BYTES:,} bita.")
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)  # the file may grow after stat
    except OSError as exc:
        raise UsageError(f"Berkas batas {label} tidak dapat dibaca ({exc.strerror}).") from exc
    if len(data) > MAX_BYTES:
        raise BoundaryError(f"{path.name}: lebih dari batas {MAX_BYTES:,} bita.")
    return data


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """GET an http(s) URL: at most :data:`MAX_BYTES`, all of it within ``timeout`` seconds."""
    check_url(url)
    timeout = check_timeout(timeout)
    outcome: dict[str, object] = {}
    stop = threading.Event()
    worker = threading.Thread(target=_transfer, args=(url, timeout, stop, outcome), name="kla-batas-unduh",
                              daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        stop.set()
        raise UnreachableError(f"URL {shown(url)}: unduhan tidak selesai dalam {timeout:g} detik (server terlalu "
                               "lambat atau macet); dihentikan. Coba lagi nanti, perbesar --timeout, "
                               "atau pasang dari berkas.")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["data"]  # type: ignore[return-value]


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """urllib follows redirects to ftp:// too; a boundary file comes over http(s) only."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001 (urllib's signature)
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise BoundaryError(f"URL {shown(req.full_url)}: dialihkan ke {shown(newurl)}; diharapkan http(s).")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _transfer(url: str, timeout: float, stop: threading.Event, outcome: dict[str, object]) -> None:
    """The worker: every socket operation times out too, so it ends soon after the caller gave up."""
    request = urllib.request.Request(url, headers={"User-Agent": "kla-balikpapan-dashboard"})
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    try:
        with opener.open(request, timeout=timeout) as response:
            outcome["data"] = _read_capped(response, url, stop)
    except BaseException as exc:  # noqa: BLE001 - handed over to the waiting caller, who raises it
        outcome["error"] = _as_boundary_error(exc, url, timeout)


def _read_capped(response, url: str, stop: threading.Event) -> bytes:  # noqa: ANN001 (an http.client response)
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_BYTES:
        raise BoundaryError(f"URL {shown(url)}: ukuran {int(declared):,} bita, lebih dari batas {MAX_BYTES:,} bita.")
    chunks: list[bytes] = []
    size = 0
    while not stop.is_set():
        chunk = response.read1(CHUNK)  # whatever has arrived: a drip returns often, so `stop` is seen
        if not chunk:
            if response.length:  # http.client notes the bytes still owed but does not complain
                raise UnreachableError(f"URL {shown(url)}: sambungan terputus setelah {size:,} bita, "
                                       f"{response.length:,} bita belum diterima; coba lagi.")
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_BYTES:
            raise BoundaryError(f"URL {shown(url)}: berkas lebih dari batas {MAX_BYTES:,} bita; unduhan dihentikan.")
        chunks.append(chunk)
    return b""  # the caller has already given up


def _as_boundary_error(exc: BaseException, url: str, timeout: float) -> BaseException:
    where = f"URL {shown(url)}"
    if isinstance(exc, BoundaryError):
        return exc
    if isinstance(exc, urllib.error.HTTPError):
        return BoundaryError(f"{where}: server menjawab {exc.code} {exc.reason}; diharapkan 200 (berkas ada).")
    if isinstance(exc, http.client.IncompleteRead):  # a chunked answer cut short
        return UnreachableError(f"{where}: sambungan terputus setelah {len(exc.partial):,} bita; coba lagi.")
    if isinstance(exc, (urllib.error.URLError, TimeoutError, ConnectionError)):
        reason = getattr(exc, "reason", exc)
        return UnreachableError(f"{where} tidak dapat dihubungi ({reason}) dalam {timeout:g} detik: "
                                "periksa sambungan internet, atau pasang dari berkas.")
    if isinstance(exc, (http.client.HTTPException, OSError)):
        return UnreachableError(f"{where}: jawaban server tidak dapat dibaca ({type(exc).__name__}: {exc}).")
    if isinstance(exc, ValueError):
        return UsageError(f"{where} tidak sah ({exc}); diharapkan seperti https://contoh.go.id/batas.geojson.")
    return exc


def valid_sha256(sha256: str | None) -> str | None:
    if sha256 is None:
        return None
    wanted = sha256.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{64}", wanted):
        raise UsageError(f"sha256 '{shown(sha256)}' tidak sah: diharapkan 64 digit heksadesimal.")
    return wanted


def check_sha256(name: str, digest: str, expected: str | None) -> None:
    if expected is not None and digest != expected:
        raise BoundaryError(f"{name}: sha256 berkas {digest}, diharapkan {expected}. Berkas ditolak "
                            "(berubah di sumber, atau unduhan rusak); batas yang terpasang tidak diubah.")
