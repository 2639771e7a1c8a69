"""Hostile behaviour: responses that attack a crawler and pages served in treacherous forms."""

from __future__ import annotations

import io
import itertools
import random
import re
import struct
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from functools import cache
from typing import Protocol

from fraudwatch.farm.content import ui
from fraudwatch.farm.sites import FarmSite

BOMB_SIZE = 1 << 30  # decompressed bytes of the gzip bomb
HUGE_SIZE = 50 * 1024 * 1024
DRIP_SECONDS = 120  # a drip never lasts longer than this, even if the client keeps reading
ENCODINGS = {"cp1251": "cp1251", "koi8-r": "koi8_r"}
HTML = "text/html; charset=utf-8"
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # deflate, no name, no mtime


class Responder(Protocol):
    """What a hostile handler needs from the request handler."""

    def send(self, status: int, body: bytes, content_type: str,
             headers: dict[str, str] | None = None) -> None: ...

    def stream(self, status: int, content_type: str, chunks: Iterator[bytes],
               headers: dict[str, str] | None = None) -> None: ...

    def pause(self, seconds: float) -> bool: ...


def respond(handler: Responder, site: FarmSite, path: str) -> bool:
    """Answer the request directly when the hostility is the response itself; False otherwise."""
    if site.hostile in _RESPONSES:
        _RESPONSES[site.hostile](handler, path)
        return True
    if site.hostile == "downloads" and path in _downloads():
        body, name = _downloads()[path]
        handler.send(200, body, "application/octet-stream",
                     {"Content-Disposition": f'attachment; filename="{name}"'})
        return True
    return False


def encode_page(site: FarmSite, path: str, html: str) -> tuple[bytes, str]:
    """(body, content type) of a rendered page as `site` serves it, traps included."""
    if site.hostile in ENCODINGS:  # no charset anywhere: the client must guess
        return html.encode(ENCODINGS[site.hostile], "xmlcharrefreplace"), "text/html"
    if site.hostile == "broken-html":
        html = _break(html)
    elif site.hostile == "js-trap":
        trap = {"/bonus": _HANG, SPIN_PATH: _HANG_AFTER_LOAD}.get(path, _POPUPS)
        html = html.replace("</head>", trap + "</head>", 1)
    elif site.hostile == "downloads" and path == "/":
        html = html.replace("</main>", _download_links(site) + "</main>", 1)
    return html.encode("utf-8"), HTML


def page_path(site: FarmSite, path: str) -> str:
    """The content page a path shows: the js-trap's SPIN_PATH shows its landing page."""
    return "/" if site.hostile == "js-trap" and path == SPIN_PATH else path


def _gzip_bomb(handler: Responder, path: str) -> None:
    """About 1 MB of gzip that inflates to a gibibyte of spaces."""
    handler.send(200, _bomb(), HTML, {"Content-Encoding": "gzip"})


@cache
def _bomb() -> bytes:
    """The bomb's bytes: a self-contained deflate segment of 1 MiB of spaces, repeated."""
    prefix, block = b"<!doctype html><html><body>", b" " * (1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate; gzip framing added below
    head = deflate.compress(prefix) + deflate.flush(zlib.Z_FULL_FLUSH)
    # A full flush resets the history, so every block compresses to the same bytes.
    segment = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    count = BOMB_SIZE // len(block)
    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    trailer = struct.pack("<II", crc, (len(prefix) + BOMB_SIZE) & 0xFFFFFFFF)
    return _GZIP_HEADER + head + segment * count + deflate.flush() + trailer


def _redirect_loop(handler: Responder, path: str) -> None:
    """Bounce between /loop/a and /loop/b forever."""
    target = "/loop/b" if path == "/loop/a" else "/loop/a"
    handler.send(302, b"", HTML, {"Location": target})


def _drip(handler: Responder, path: str) -> None:
    """One byte a second until the client leaves, the farm stops or DRIP_SECONDS pass."""
    def slowly() -> Iterator[bytes]:
        deadline = time.monotonic() + DRIP_SECONDS
        for byte in itertools.cycle(b"<!doctype html><html><body><p>Loading, please wait"):
            yield bytes([byte])
            if not handler.pause(1.0) or time.monotonic() > deadline:
                return

    handler.stream(200, HTML, slowly())


def _huge_page(handler: Responder, path: str) -> None:
    """A generated 50 MB catalogue page; /stream sends it without a Content-Length."""
    headers = {} if path == "/stream" else {"Content-Length": str(HUGE_SIZE)}
    handler.stream(200, HTML, _huge_chunks(HUGE_SIZE), headers)


def _huge_chunks(size: int) -> Iterator[bytes]:
    """Exactly `size` bytes of HTML, produced 64 KiB at a time."""
    head = b'<!doctype html><html><body><h1>Catalogue</h1><a href="/stream">all items</a>\n'
    tail = b"</body></html>\n"
    line = b"<p>Item: spare part for a tractor, in stock, ships from Kostanay.</p>\n"
    block = line * (65536 // len(line))
    body = size - len(head) - len(tail)
    yield head
    for _ in range(body // len(block)):
        yield block
    yield block[: body % len(block)]
    yield tail


_MONTH = re.compile(r"/calendar/(\d{4,})/(\d{2})")
_EVENTS = ("Концерт домбристов", "Ярмарка мёда", "Шахматный турнир", "Выставка войлока",
           "Кинопоказ под открытым небом", "Лекция о звёздах", "Забег по парку")


def _calendar(handler: Responder, path: str) -> None:
    """An events calendar whose every month links to the next one, forever."""
    match = _MONTH.fullmatch(path)
    if path != "/" and not (match and 1 <= int(match[2]) <= 12):
        handler.send(404, b"<h1>404</h1>", HTML)
        return
    year, month = (int(match[1]), int(match[2])) if match else (2025, 1)
    prev_ym, next_ym = divmod(year * 12 + month - 2, 12), divmod(year * 12 + month, 12)
    rng = random.Random(f"calendar:{year}-{month}")
    events = "".join(f"<li>{rng.randint(1, 28)}.{month:02d}.{year}: {name}</li>"
                     for name in rng.sample(_EVENTS, 3))
    html = (f'<!doctype html><html lang="ru"><head><meta charset="utf-8">'
            f"<title>Афиша на {month:02d}.{year}</title></head><body>"
            f"<h1>Афиша Караганды: {month:02d}.{year}</h1><ul>{events}</ul>"
            f'<a href="/calendar/{prev_ym[0]}/{prev_ym[1] + 1:02d}">← предыдущий месяц</a> '
            f'<a href="/calendar/{next_ym[0]}/{next_ym[1] + 1:02d}">следующий месяц →</a>'
            f"</body></html>")
    handler.send(200, html.encode("utf-8"), HTML)


def _server_error(handler: Responder, path: str) -> None:
    """Every path fails with 500."""
    handler.send(500, b"<html><body><h1>500 Internal Server Error</h1></body></html>", HTML)


def _not_found(handler: Responder, path: str) -> None:
    """Every path, the landing page included, is 404."""
    handler.send(404, b"<html><body><h1>404 Not Found</h1></body></html>", HTML)


_RESPONSES: dict[str, Callable[[Responder, str], None]] = {
    "gzip-bomb": _gzip_bomb,
    "redirect-loop": _redirect_loop,
    "drip": _drip,
    "huge-page": _huge_page,
    "calendar-trap": _calendar,
    "server-error": _server_error,
    "not-found": _not_found,
}

_POPUPS = (
    "<script>alert(\"Congratulations! You have won 1,000,000 ₸!\");"
    "if (confirm(\"Claim your bonus now?\")) { window.location = \"/register\"; }"
    "window.open(\"/bonus\", \"promo\", \"width=400,height=300\");"
    "setInterval(function () { window.open(\"/register\"); }, 3000);"
    "window.onbeforeunload = function () { return \"Your bonus will be lost!\"; };</script>\n"
)
_HANG = "<script>for (;;) {}</script>\n"
# Linked from nowhere: a page that loads normally, then spins forever (the render watchdog's
# test): navigation succeeds, the DOM capture never answers.
SPIN_PATH = "/spin"
_HANG_AFTER_LOAD = ("<script>window.addEventListener(\"load\", function () {"
                    " setTimeout(function () { for (;;) {} }, 0); });</script>\n")


def _break(html: str) -> str:
    """Mangle valid HTML: unclosed and misnested elements, unquoted attributes, no end tags."""
    html = re.sub(r"</(p|li|td|tr|div|section|nav)>", "", html)
    html = re.sub(r'class="([\w-]+)"', r"class=\1", html)
    html = html.replace("<h1>", "<h1><b><i>", 1).replace("</h1>", "</b></h1></i>", 1)
    html = html.replace("<main", "</td><table><main", 1)
    return html.replace("<!doctype html>\n", "").replace("</body>\n</html>", "<div><p><span")


def _download_links(site: FarmSite) -> str:
    """Links to the site's Android and Windows "apps"."""
    label = ui.words(site.lang)["download"]
    return "".join(f'<p><a href="{path}">{label} ({name})</a></p>\n'
                   for path, (_, name) in _downloads().items())


@cache
def _downloads() -> dict[str, tuple[bytes, str]]:
    """path → (harmless placeholder bytes, file name) of the downloadable "apps"."""
    note = b"fraudwatch test farm: placeholder, not a program\n"
    apk = io.BytesIO()
    with zipfile.ZipFile(apk, "w") as archive:
        archive.writestr("README.txt", note)
    return {
        "/download/kazino.apk": (apk.getvalue(), "kazino.apk"),
        "/download/setup.exe": (b"MZ" + b"\0" * 62 + note, "setup.exe"),
    }
