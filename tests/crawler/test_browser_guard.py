"""The SSRF guard on the browser path: a hostile page on an allowed host tries 13 kinds of
browser request against a canary on loopback; none may reach it, and nothing of it may be
stored. A control crawl with --allow-private shows that the same page does reach the canary."""

from __future__ import annotations

import base64
import gzip
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = [pytest.mark.timeout(300)]
ATTACKER = "attacker-casino.kz"
ATTACKER_IP = "127.0.0.2"
SECRET = "CANARY-SECRET-7f3d91"
MAGENTA = "#ff00ff"
# The canary path each browser request type asks for
REQUEST_TYPES = ("/img", "/img-v6", "/css", "/script", "/iframe", "/fetch", "/xhr", "/beacon",
                 "/fetch-post", "/form", "/redirect", "/meta", "/js")


class Canary(BaseHTTPRequestHandler):
    """Answers everything with the secret, on a magenta page; records each request."""

    hits: list[str]

    def _answer(self) -> None:
        self.hits.append(f"{self.command} {self.path}")
        if "img" in self.path:
            body, kind = base64.b64decode(MAGENTA_GIF), "image/gif"
        elif "css" in self.path:
            body, kind = f"body{{background:{MAGENTA}}} /* {SECRET} */".encode(), "text/css"
        elif "script" in self.path:
            body, kind = f"document.title='{SECRET}'".encode(), "text/javascript"
        else:
            body = (f"<html><head><title>{SECRET}</title></head><body style='background:"
                    f"{MAGENTA}'><h1>{SECRET}</h1></body></html>").encode()
            kind = "text/html"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args) -> None:
        pass


MAGENTA_GIF = "R0lGODlhAQABAIAAAP8A/wAAACwAAAAAAQABAAACAkQBADs="  # one magenta pixel


def hostile_pages(canary: str, canary6: str) -> dict[str, str]:
    """The attacker's pages: every browser request type aimed at the canary."""
    landing = f"""<html><head><title>Казино Алтын — бонус 200%</title>
<link rel="stylesheet" href="{canary}/css">
<script src="{canary}/script"></script></head>
<body><h1>Онлайн казино: слоты, джекпот, бонус за депозит</h1>
<img src="{canary}/img" width="400" height="300">
<img src="{canary6}/img-v6" width="400" height="300">
<iframe src="{canary}/iframe" width="400" height="300"></iframe>
<a href="/form">form</a> <a href="/meta">meta</a> <a href="/js">js</a>
<a href="/bounce">bounce</a>
<script>
fetch("{canary}/fetch").catch(() => 0);
const x = new XMLHttpRequest(); x.open("GET", "{canary}/xhr"); x.send();
navigator.sendBeacon("{canary}/beacon", "b");
fetch("{canary}/fetch-post", {{method: "POST", body: "p"}}).catch(() => 0);
fetch("/own-probe").catch(() => 0);
</script></body></html>"""
    return {
        "/": landing,
        "/form": f"""<html><body><form id=f method=post action="{canary}/form">
<input name=a value=b></form><script>document.getElementById('f').submit()</script>
</body></html>""",
        "/meta": f'<html><head><meta http-equiv="refresh" content="0;url={canary}/meta">'
                 "</head><body>wait</body></html>",
        "/js": f"<html><body><script>location.href='{canary}/js'</script></body></html>",
        "/bounce": "<html><body>nothing here</body></html>",
    }


def serve(handler, host: str, family=socket.AF_INET) -> ThreadingHTTPServer:
    server_class = type("Server", (ThreadingHTTPServer,), {"address_family": family})
    server = server_class((host, 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def canaries():
    hits: list[str] = []
    handler = type("Handler", (Canary,), {"hits": hits})
    servers = [serve(handler, "127.0.0.1"), serve(handler, "::1", socket.AF_INET6)]
    yield hits, f"http://127.0.0.1:{servers[0].server_port}", \
        f"http://[::1]:{servers[1].server_port}"
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def attacker(canaries):
    hits, canary, canary6 = canaries
    pages = hostile_pages(canary, canary6)
    seen: list[str] = []

    class Attacker(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's interface)
            seen.append(self.path)
            if self.path == "/bounce" and "Chrome" in self.headers.get("User-Agent", ""):
                self.send_response(302)  # only the browser is bounced into the canary
                self.send_header("Location", f"{canary}/redirect")
                self.end_headers()
                return
            body = pages.get(self.path, "<html><body>ok</body></html>").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = serve(Attacker, ATTACKER_IP)
    yield f"http://{ATTACKER}:{server.server_port}/", seen
    server.shutdown()
    server.server_close()


def crawl(fraudwatch_cli, url: str, *allow: str):
    return fraudwatch_cli("crawl", "--render", "always", "--max-pages", "6", "--max-depth", "1",
                          f"--resolve={ATTACKER}={ATTACKER_IP}", *allow, url)


def screenshots_show_magenta(folder) -> bool:
    """Whether any stored screenshot has a magenta pixel (read by Chromium itself)."""
    from playwright.sync_api import sync_playwright

    from fraudwatch.browser import launch_options

    shots = sorted(folder.glob("**/*.png"))
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_options())
        page = browser.new_page()
        found = False
        for shot in shots:
            data = base64.b64encode(shot.read_bytes()).decode()
            found |= page.evaluate("""async (src) => {
                const img = new Image(); img.src = src; await img.decode();
                const c = document.createElement('canvas');
                c.width = img.width; c.height = img.height;
                const g = c.getContext('2d'); g.drawImage(img, 0, 0);
                const d = g.getImageData(0, 0, c.width, c.height).data;
                for (let i = 0; i < d.length; i += 4)
                    if (d[i] > 240 && d[i + 1] < 15 && d[i + 2] > 240) return true;
                return false; }""", f"data:image/png;base64,{data}")
        browser.close()
    return found


def stored_bytes(tmp_path) -> bytes:
    """Everything the crawl kept: the store and the WARC records, decompressed."""
    kept = (tmp_path / "fw.db").read_bytes()
    for warc in (tmp_path / "var").glob("**/*.warc.gz"):
        kept += gzip.decompress(warc.read_bytes())
    return kept


def test_no_browser_request_of_a_hostile_page_reaches_loopback(tmp_path, fraudwatch_cli,
                                                               attacker, canaries):
    url, seen = attacker
    hits = canaries[0]
    crawl(fraudwatch_cli, url, f"--allow-private-host={ATTACKER}")
    assert "/own-probe" in seen  # the page was rendered and its script ran
    assert {"/form", "/meta", "/js", "/bounce"} <= set(seen)
    assert hits == []
    assert SECRET.encode() not in stored_bytes(tmp_path)
    assert not screenshots_show_magenta(tmp_path / "var")


def test_without_the_guard_the_same_page_reaches_the_canary(tmp_path, fraudwatch_cli,
                                                            attacker, canaries):
    url, _ = attacker
    hits = canaries[0]
    crawl(fraudwatch_cli, url, "--allow-private")
    # Chromium asks for /favicon.ico by itself once a top-level page lands on the canary
    reached = {hit.split()[1] for hit in hits} - {"/favicon.ico"}
    assert reached == set(REQUEST_TYPES), reached
    assert SECRET.encode() in stored_bytes(tmp_path)
