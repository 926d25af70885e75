"""A Streamlit client at the protocol level: what a browser tab sends and waits for, without the browser.

It speaks the websocket protocol of the installed Streamlit (1.67: ``streamlit/proto``, the frontend
bundle ``static/js/index.*.js`` and ``web/server/starlette/starlette_websocket.py``) in the order a
browser tab does, so the server does the same work for it as for a person:

1. ``GET /<page>``: the HTML (through nginx this also sets the replica affinity cookie ``kla_replika``);
2. ``GET /_stcore/health`` (sets the ``_streamlit_xsrf`` cookie) and ``GET /_stcore/host-config``;
3. websocket ``/_stcore/stream`` with the subprotocols ``["streamlit", <xsrf cookie>]``, the page's
   ``Origin`` and the cookies;
4. ``BackMsg.rerun_script`` with a ``ClientState``: the query string, ``page_name`` = the URL path
   on the first run (``page_script_hash`` after it, from the ``navigation`` message),
   ``widget_states``, the hashes of the cacheable messages already received (the server then sends
   a ``ref_hash`` instead of the element again) and ``context_info`` (time zone, locale, URL);
5. ``ForwardMsg``s until ``script_finished``: ``FINISHED_SUCCESSFULLY`` is a finished run,
   ``FINISHED_EARLY_FOR_RERUN`` means another run follows (wait on), anything else is a failure;
   an ``exception`` element inside a successful run is a failure too (Streamlit shows an uncaught
   exception as an element and still reports success).

Not done: the JavaScript of custom components (e.g. st_folium's iframe) never runs, so a rerun a
component would trigger by reporting its state is not sent; static assets (JS, CSS) are not fetched.

Loopback only: :func:`ensure_loopback` refuses any other host (this is a load generator).

    async with Session.open("http://127.0.0.1:8501", "peta") as s:
        first = s.last                       # RunResult of the first run
        metric = s.widget_by_key("url_metrik")
        second = await s.change(metric, metric.options[1])
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from dataclasses import dataclass, field
from types import TracebackType
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect

SUBPROTOCOL = "streamlit"
NO_XSRF = "PLACEHOLDER_AUTH_TOKEN"  # what the frontend sends when it has no XSRF cookie
TIMEZONE, TIMEZONE_OFFSET, LOCALE = "Asia/Makassar", -480, "id-ID"  # a reader in Balikpapan (WITA, UTC+8)
USER_AGENT = "kla-load-bench (bench/stproto.py)"
# Widgets whose value is one choice, sent as the chosen option's text (the server's serde for these).
CHOICE_WIDGETS = ("selectbox", "radio")
FINISHED = {v: k for k, v in ForwardMsg.ScriptFinishedStatus.items()}


class ProtocolError(RuntimeError):
    """The server answered, but not as a finished successful run (the message says what it sent)."""


@dataclass(frozen=True)
class Widget:
    """A choice widget as the server described it in its element (``id`` is what widget states name)."""

    id: str
    kind: str
    label: str
    options: tuple[str, ...]
    default: int | None


@dataclass
class RunResult:
    """One script run as the client saw it: ``seconds`` from the request to ``script_finished``."""

    status: str
    seconds: float
    messages: int = 0
    received_bytes: int = 0
    texts: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    widgets: dict[str, Widget] = field(default_factory=dict)
    # The server's hash of every element shown, in order (some change on every run: compare texts, not these).
    elements: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "FINISHED_SUCCESSFULLY" and not self.exceptions


@dataclass(frozen=True)
class _Shown:
    """What one element message showed (kept per hash: a later ``ref_hash`` shows it again)."""

    hash: str
    texts: list[str]
    exceptions: list[str]
    widget: Widget | None


def ensure_loopback(url: str) -> None:
    """Refuse a URL whose host is not a loopback address (127.0.0.0/8, ::1, or a name resolving only there)."""
    host = urlsplit(url).hostname
    if not host:
        raise ValueError(f"alamat tanpa host: {url!r}")
    try:
        addresses = {ipaddress.ip_address(host)}
    except ValueError:
        addresses = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in socket.getaddrinfo(host, None)}
    if not addresses or not all(a.is_loopback for a in addresses):
        raise ValueError(f"hanya loopback (127.0.0.1, ::1): {url!r} menunjuk ke {sorted(map(str, addresses))}")


def _texts(element: Element) -> list[str]:
    """The words of an element a reader sees (enough to tell two runs apart)."""
    kind = element.WhichOneof("type")
    if kind in ("markdown", "heading", "text", "alert"):
        return [getattr(element, kind).body]
    if kind == "metric":
        return [element.metric.label, element.metric.body]
    return []


def _widget(element: Element) -> Widget | None:
    kind = element.WhichOneof("type")
    if kind not in CHOICE_WIDGETS:
        return None
    proto = getattr(element, kind)
    default = proto.default if proto.HasField("default") else None
    return Widget(proto.id, kind, proto.label, tuple(proto.options), default)


async def _http_get(url: str, cookies: dict[str, str], timeout: float) -> tuple[int, dict[str, str]]:
    """A plain HTTP/1.1 GET (the body is read and dropped); returns the status and the cookies it sets."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    async with asyncio.timeout(timeout):
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port or 80)
        try:
            cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
            request = (f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nUser-Agent: {USER_AGENT}\r\n"
                       f"Accept: */*\r\nAccept-Encoding: gzip\r\nConnection: close\r\n"
                       + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n")
            writer.write(request.encode("latin-1"))
            await writer.drain()
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            while await reader.read(65536):  # the page itself: received, as a browser would
                pass
        finally:
            writer.close()
    status = int(head[0].split()[1])
    set_cookies: dict[str, str] = {}
    for line in head[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "set-cookie":
            key, _, rest = value.strip().partition("=")
            set_cookies[key] = rest.split(";", 1)[0]
    return status, set_cookies


class Session:
    """One browser tab's session. Use :meth:`open` (an async context manager that closes the socket)."""

    def __init__(self, base_url: str, page: str, query: str = "", timeout: float = 120.0) -> None:
        ensure_loopback(base_url)
        self.base_url = base_url.rstrip("/")
        self.page = page.strip("/")
        self.query = query.lstrip("?")
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.page_script_hash = ""
        self.session_id = ""
        self.widgets: dict[str, Widget] = {}
        self.last: RunResult | None = None
        self._cached: set[str] = set()  # hashes of cacheable messages received (the browser's message cache)
        self._seen: dict[str, _Shown] = {}  # hash of a cacheable element -> what it showed
        self._ws: ClientConnection | None = None

    @property
    def page_url(self) -> str:
        return f"{self.base_url}/{self.page}" + (f"?{self.query}" if self.query else "")

    @classmethod
    def open(cls, base_url: str, page: str, query: str = "", timeout: float = 120.0) -> _Opening:
        """Connect as a tab opening ``base_url/page`` and wait for the first run (``session.last``)."""
        return _Opening(cls(base_url, page, query, timeout))

    async def connect(self) -> RunResult:
        """Steps 1 to 5 of the module docstring; the result's ``seconds`` count from the page request."""
        began = time.perf_counter()
        for url in (self.page_url, f"{self.base_url}/_stcore/health", f"{self.base_url}/_stcore/host-config"):
            status, cookies = await _http_get(url, self.cookies, self.timeout)
            if status != 200:
                raise ProtocolError(f"GET {url}: HTTP {status}")
            self.cookies.update(cookies)
        parts = urlsplit(self.base_url)
        ws_url = f"ws://{parts.netloc}{parts.path}/_stcore/stream"
        xsrf = self.cookies.get("_streamlit_xsrf", NO_XSRF)
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        async with asyncio.timeout(self.timeout):
            self._ws = await connect(
                ws_url, subprotocols=[SUBPROTOCOL, xsrf], origin=f"{parts.scheme}://{parts.netloc}",  # type: ignore[list-item]
                additional_headers={"Cookie": cookie}, user_agent_header=USER_AGENT, proxy=None,
                max_size=None, ping_interval=None, open_timeout=self.timeout)  # deflate offered as a browser does
        return await self._run(self._client_state(page_name=self.page), began)

    async def change(self, widget: Widget, value: str) -> RunResult:
        """Choose ``value`` (one of ``widget.options``) and wait for the rerun, as a person picking it."""
        if value not in widget.options:
            raise ValueError(f"{value!r} bukan pilihan {widget.label!r}: {widget.options}")
        state = self._client_state(page_name="")
        sent = state.widget_states.widgets.add()
        sent.id = widget.id
        sent.string_value = value
        return await self._run(state, time.perf_counter())

    def widget_by_key(self, key: str) -> Widget:
        """The widget created with ``key=`` (Streamlit ends a keyed widget's id with ``-<key>``)."""
        found = [w for w in self.widgets.values() if w.id.endswith(f"-{key}")]
        if len(found) != 1:
            raise KeyError(f"widget {key!r}: {len(found)} ditemukan di antara {sorted(self.widgets)}")
        return found[0]

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    def _client_state(self, page_name: str) -> ClientState:
        state = ClientState(query_string=self.query, page_script_hash=self.page_script_hash, page_name=page_name,
                            cached_message_hashes=sorted(self._cached))
        state.widget_states.SetInParent()
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = TIMEZONE, TIMEZONE_OFFSET, LOCALE
        info.url, info.is_embedded, info.color_scheme = self.page_url, False, "light"
        return state

    async def _run(self, state: ClientState, began: float) -> RunResult:
        if self._ws is None:
            raise ProtocolError("belum tersambung")
        await self._ws.send(BackMsg(rerun_script=state).SerializeToString())
        result = RunResult(status="", seconds=0.0)
        async with asyncio.timeout(self.timeout):
            while True:
                data = await self._ws.recv(decode=False)
                msg = ForwardMsg.FromString(data)
                result.messages += 1
                result.received_bytes += len(data)
                if self._handle(msg, result):
                    break
        result.seconds = time.perf_counter() - began
        self.widgets.update(result.widgets)
        self.last = result
        return result

    def _handle(self, msg: ForwardMsg, result: RunResult) -> bool:
        """Take one message into ``result``; True when the run has finished."""
        kind = msg.WhichOneof("type")
        if kind == "new_session":  # a run starts (again, after FINISHED_EARLY_FOR_RERUN): only its page counts
            result.texts.clear()
            result.exceptions.clear()
            result.widgets.clear()
            result.elements.clear()
            self.session_id = msg.new_session.initialize.session_id
            self.page_script_hash = msg.new_session.page_script_hash or self.page_script_hash
        elif kind == "navigation":
            self.page_script_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            result.exceptions.append(f"page_not_found: {msg.page_not_found.page_name!r}")
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            seen = _Shown(msg.hash, _texts(element),
                          [element.exception.message] if element.HasField("exception") else [], _widget(element))
            if msg.metadata.cacheable:
                self._cached.add(msg.hash)
                self._seen[msg.hash] = seen
            self._take(seen, result)
        elif kind == "ref_hash":  # an element this client already holds: the browser shows it from its cache
            if msg.ref_hash in self._seen:
                self._take(self._seen[msg.ref_hash], result)
        elif kind == "script_finished":
            status = FINISHED[msg.script_finished]
            if status == "FINISHED_EARLY_FOR_RERUN":  # the script asked for another run: that one counts
                return False
            result.status = status
            return True
        return False

    @staticmethod
    def _take(seen: _Shown, result: RunResult) -> None:
        result.elements.append(seen.hash)
        result.texts.extend(seen.texts)
        result.exceptions.extend(seen.exceptions)
        if seen.widget is not None:
            result.widgets[seen.widget.id] = seen.widget


class _Opening:
    """``async with Session.open(...) as s``: connected and first run done inside, closed after."""

    def __init__(self, session: Session) -> None:
        self.session = session

    async def __aenter__(self) -> Session:
        try:
            await self.session.connect()
        except BaseException:
            await self.session.close()
            raise
        return self.session

    async def __aexit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.session.close()


def option_other_than(widget: Widget) -> str:
    """The first option other than the widget's default: what a person would pick next."""
    for i, option in enumerate(widget.options):
        if i != widget.default:
            return option
    raise ValueError(f"{widget.label!r} tidak punya pilihan lain")
