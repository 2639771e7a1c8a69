"""A guarding forward proxy on loopback: every request through it is checked against a
TargetPolicy (`fraudwatch.netpolicy`). Chromium renders through it
(`crawler.safety.browserguard`), so images, scripts, frames, fetch/XHR, beacons, forms,
redirects and navigations all pass the same rule as Scrapy's requests; re-verification of
blocked sites fetches through it too.

Each request's host is resolved once (`--resolve` overrides first), checked, and the proxy
connects to exactly that address, so a DNS answer that changes between check and use cannot
reach a private address. A refused request gets its connection closed: the page sees a network
error and nothing of the target.

With an upstream proxy (a profile's in-country vantage point), the host is still checked here;
the upstream then makes the connection.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import ipaddress
import logging
import socket
import threading
from urllib.parse import unquote, urlsplit

from fraudwatch.netpolicy import TargetPolicy

log = logging.getLogger(__name__)
HEAD_LIMIT = 64 * 1024
CONNECT_TIMEOUT = 15.0
HOP_HEADERS = {b"proxy-connection", b"proxy-authorization", b"connection", b"keep-alive"}


class Refused(Exception):
    """The request's target is not allowed, or the request is not one a proxy serves."""


class GuardProxy:
    """A guarded HTTP/CONNECT proxy on 127.0.0.1, serving from its own thread."""

    def __init__(self, policy: TargetPolicy, overrides: dict[str, str] | None = None,
                 upstream: str = ""):
        self.policy = policy
        self.overrides = {h.lower(): ip for h, ip in (overrides or {}).items()}
        self.upstream = urlsplit(upstream) if upstream else None
        self.refused = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._server: asyncio.base_events.Server | None = None
        self._thread = threading.Thread(target=self._serve, name="browser-guard", daemon=True)
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> GuardProxy:
        self._thread.start()
        self._ready.wait()
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0, limit=HEAD_LIMIT))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._server.close()
            self._loop.close()

    async def _handle(self, reader, writer) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            upstream_reader, upstream_writer = await self._open(head, writer)
        except Refused as exc:
            self.refused += 1
            log.warning("browser request refused", extra={"reason": str(exc)})
            writer.close()
            return
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, OSError, ValueError,
                TimeoutError):
            writer.close()
            return
        await asyncio.gather(_pipe(reader, upstream_writer),
                             _respond(upstream_reader, writer, rewrite=not tunnelled(head)))

    async def _open(self, head: bytes, client_writer):
        """Connect where the request asks, once its target is checked; send what must go."""
        request_line, _, header_block = head.partition(b"\r\n")
        method, target, version = request_line.split(b" ", 2)
        if method.upper() == b"CONNECT":
            host, port = _host_port(target.decode("latin-1"), 443)
            address = await self._check(host)
            reader, writer = await self._connect(host, address, port, tunnel=True)
            client_writer.write(b"HTTP/1.1 200 Connection Established\r\n\r\n")
            return reader, writer
        parts = urlsplit(target.decode("latin-1"))
        if parts.scheme != "http" or not parts.hostname:
            raise Refused(f"not an http URL: {target[:200]!r}")
        address = await self._check(parts.hostname)
        reader, writer = await self._connect(parts.hostname, address, parts.port or 80,
                                             tunnel=False)
        if self.upstream is None:
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            request_line = b" ".join((method, path.encode("latin-1"), version))
        writer.write(request_line + b"\r\n" + _forwardable(header_block, self._auth()))
        return reader, writer

    async def _check(self, host: str) -> str:
        """The one address `host` is fetched from, after the policy allowed it."""
        name = host.strip("[]").lower().rstrip(".")
        try:
            address = str(ipaddress.ip_address(name))
        except ValueError:
            address = self.overrides.get(name) or await self._resolve(name)
        reason = self.policy.refusal(name, address)
        if reason:
            raise Refused(reason)
        return address

    async def _resolve(self, host: str) -> str:
        try:
            infos = await self._loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise Refused(f"{host} does not resolve: {exc}") from exc
        return infos[0][4][0]

    async def _connect(self, host: str, address: str, port: int, tunnel: bool):
        if self.upstream is None:
            return await asyncio.wait_for(asyncio.open_connection(address, port),
                                          CONNECT_TIMEOUT)
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(self.upstream.hostname, self.upstream.port or 3128),
            CONNECT_TIMEOUT)
        if tunnel:
            target = f"{host}:{port}".encode("idna")
            writer.write(b"CONNECT " + target + b" HTTP/1.1\r\nHost: " + target + b"\r\n"
                         + self._auth() + b"\r\n")
            answer = await reader.readuntil(b"\r\n\r\n")
            if answer.split(b" ", 2)[1:2] != [b"200"]:
                writer.close()
                raise Refused(f"upstream proxy refused CONNECT {host}:{port}")
        return reader, writer

    def _auth(self) -> bytes:
        """The Proxy-Authorization header line for the upstream proxy, if it has credentials."""
        if self.upstream is None or not self.upstream.username:
            return b""
        pair = f"{unquote(self.upstream.username)}:{unquote(self.upstream.password or '')}"
        return b"Proxy-Authorization: Basic " + base64.b64encode(pair.encode()) + b"\r\n"


def _host_port(authority: str, default: int) -> tuple[str, int]:
    parts = urlsplit(f"//{authority}")
    if not parts.hostname:
        raise Refused(f"no host in {authority[:200]!r}")
    return parts.hostname, parts.port or default


def _forwardable(header_block: bytes, auth: bytes) -> bytes:
    """The request's headers without hop-by-hop ones, closing after one response."""
    lines = [line for line in header_block.split(b"\r\n")
             if line and line.split(b":", 1)[0].strip().lower() not in HOP_HEADERS]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n" + auth + b"\r\n"


async def _pipe(reader, writer) -> None:
    with contextlib.suppress(OSError, asyncio.IncompleteReadError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    with contextlib.suppress(OSError):
        writer.close()


def tunnelled(head: bytes) -> bool:
    return head[:8].upper() == b"CONNECT "


async def _respond(upstream_reader, client_writer, rewrite: bool) -> None:
    """Copy the response to the browser; a plain HTTP response is marked `Connection: close`
    so the browser never sends its next request, perhaps for another host, down this one."""
    if rewrite:
        try:
            head = await upstream_reader.readuntil(b"\r\n\r\n")
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            client_writer.close()
            return
        status, _, header_block = head.partition(b"\r\n")
        client_writer.write(status + b"\r\n" + _forwardable(header_block, b""))
    await _pipe(upstream_reader, client_writer)
