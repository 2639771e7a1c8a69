"""The browser guard's proxy on its own: it connects to the address it checked, refuses the
rest by closing, and chains a profile's upstream proxy after its own check."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from fraudwatch.guardproxy import GuardProxy
from fraudwatch.netpolicy import TargetPolicy


def answering(text: str, seen: list[str]):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's interface)
            seen.append(f"{self.requestline} host={self.headers.get('Host')} "
                        f"auth={self.headers.get('Proxy-Authorization', '')}")
            body = text.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    return Handler


@pytest.fixture
def server():
    started = []

    def start(host: str, text: str, seen: list[str]) -> int:
        httpd = ThreadingHTTPServer((host, 0), answering(text, seen))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        started.append(httpd)
        return httpd.server_port

    yield start
    for httpd in started:
        httpd.shutdown()
        httpd.server_close()


def fetch(proxy: GuardProxy, url: str) -> str:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": proxy.url}))
    with opener.open(url, timeout=10) as response:
        return response.read().decode()


def test_connects_to_the_address_it_checked(server):
    seen: list[str] = []
    port = server("127.0.0.2", "the allowed site", seen)
    proxy = GuardProxy(TargetPolicy(allow_hosts=frozenset({"site.kz"})),
                       {"site.kz": "127.0.0.2"}).start()
    try:
        assert fetch(proxy, f"http://site.kz:{port}/page?a=1") == "the allowed site"
        assert seen[0].startswith("GET /page?a=1 HTTP/1.1 host=site.kz")
        with pytest.raises((urllib.error.URLError, ConnectionError)):
            fetch(proxy, f"http://127.0.0.2:{port}/")  # the same server by its address
        assert proxy.refused == 1 and len(seen) == 1
    finally:
        proxy.stop()


def test_chains_an_upstream_proxy_after_its_own_check(server):
    seen: list[str] = []
    upstream = server("127.0.0.1", "through the vantage point", seen)
    proxy = GuardProxy(TargetPolicy(), {"casino.kz": "185.22.64.1", "local.kz": "10.0.0.1"},
                       upstream=f"http://user:p%40ss@127.0.0.1:{upstream}").start()
    try:
        assert fetch(proxy, "http://casino.kz/bonus") == "through the vantage point"
        assert seen[0].startswith("GET http://casino.kz/bonus HTTP/1.1 host=casino.kz")
        assert seen[0].endswith("auth=Basic dXNlcjpwQHNz")  # user:p@ss
        with pytest.raises((urllib.error.URLError, ConnectionError)):
            fetch(proxy, "http://local.kz/")
        assert len(seen) == 1
    finally:
        proxy.stop()
