"""Re-verification against a loopback web server and DNS server: blocked, live, moved, down."""

from __future__ import annotations

import socket
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import dns.message
import dns.rdatatype
import pytest

from fraudwatch.netpolicy import TargetPolicy
from takedown.lifecycle import summary
from takedown.verify import (
    GuardedFetch,
    dns_resolve,
    http_fetch,
    judge,
    listed_sites,
    verify_sites,
)
from tests.takedown.servers import DnsServer

PAGES = {  # path -> (status, headers, body)
    "/altyn-kazino.kz/": (451, {}, "Unavailable For Legal Reasons"),
    "/profit-daily.com/": (302, {"Location": "http://profit-daily2.com/"}, ""),
    "/xn--80aqafcvdp.kz/": (200, {}, "<h1>Займ за 5 минут</h1>"),
}


LOOPBACK = TargetPolicy(allow_private=True)  # the test servers are on loopback


class Handler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):
        self.requests.append(self.path)
        status, headers, body = PAGES.get(self.path, (200, {}, "ok"))
        data = body.encode()
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(data))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def web():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def loopback_fetch(port: int):
    """http_fetch, with http://DOMAIN/ sent to the loopback server as /DOMAIN/."""
    def fetch(url: str, address: str = ""):
        status, final_url, body = http_fetch(
            url.replace("http://", f"http://127.0.0.1:{port}/"), timeout=5)
        if final_url.startswith(f"http://127.0.0.1:{port}/"):
            final_url = "http://" + final_url.split("/", 3)[3]
        return status, final_url, body
    return fetch


def test_judge_recognises_block_pages_and_moves():
    marks = ["доступ ограничен"]
    assert judge("a.kz", 200, "http://a.kz/", "Доступ ОГРАНИЧЕН по решению", marks).outcome == \
        "blocked"
    assert judge("a.kz", 200, "http://www.a.kz/", "casino", marks).outcome == "live"
    assert judge("a.kz", 200, "http://b.kz/", "casino", marks).reason == "redirects to b.kz"


def test_verify_records_outcomes_and_feeds_the_lifecycle(confirmed_sqlite, config, tmp_path, web):
    from takedown.letters import build_letters

    store = confirmed_sqlite
    build_letters(store, config, tmp_path / "letters", date(2026, 11, 20))
    zone = {("altyn-kazino.kz", "A"): ["127.0.0.1"], ("profit-daily.com", "A"): ["127.0.0.1"],
            ("xn--80aqafcvdp.kz", "A"): ["127.0.0.1"]}
    with DnsServer(zone) as dns_server:
        checks = verify_sites(store, config, listed_sites(store),
                              resolve=dns_resolve(dns_server.address), fetch=loopback_fetch(web),
                              policy=LOOPBACK)
        outcomes = {c.domain: (c.outcome, c.reason) for c in checks}
        assert outcomes == {"altyn-kazino.kz": ("blocked", "HTTP 451"),
                            "profit-daily.com": ("moved", "redirects to profit-daily2.com"),
                            "xn--80aqafcvdp.kz": ("live", "HTTP 200")}
        del zone[("xn--80aqafcvdp.kz", "A")]
        zone[("other.kz", "A")] = ["127.0.0.1"]
        [check] = verify_sites(store, config, [store.get_site_by_domain("xn--80aqafcvdp.kz")],
                               resolve=dns_resolve(dns_server.address),
                               fetch=loopback_fetch(web), policy=LOOPBACK)
    assert (check.outcome, check.reason) == ("blocked", "DNS: no address")
    assert store.get_site_by_domain("altyn-kazino.kz").status == "blocked"
    site = store.get_site_by_domain("profit-daily.com")
    assert [r.action for r in store.reviews_for(site.id)][-1] == "verified_moved"
    assert summary(store, config)["stages"]["blocked"] == 2


def test_cli_verify_reports_unreachable_sites(confirmed_sqlite, tmp_path):
    from click.testing import CliRunner

    from fraudwatch.cli import main

    with DnsServer({}) as dns_server:
        env = {"FRAUDWATCH_STORE": confirmed_sqlite.url, "FRAUDWATCH_VAR_DIR": str(tmp_path),
               "FRAUDWATCH_CONTACTS_NAMESERVER": dns_server.address}
        result = CliRunner().invoke(main, ["verify", "altyn-kazino.kz"], env=env)
    assert result.exit_code == 0, result.output
    assert "altyn-kazino.kz\tblocked\tDNS: no address" in result.output


class SilentDns:
    """A UDP port on loopback that reads DNS questions and never answers; it keeps the
    record types it was asked for."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.asked: set[str] = set()
        self.running = True
        self.thread = threading.Thread(target=self._listen, daemon=True)
        self.thread.start()

    @property
    def address(self) -> str:
        host, port = self.sock.getsockname()
        return f"{host}:{port}"

    def _listen(self) -> None:
        while self.running:
            try:
                wire, _ = self.sock.recvfrom(4096)
            except OSError:
                continue
            question = dns.message.from_wire(wire).question[0]
            self.asked.add(dns.rdatatype.to_text(question.rdtype))

    def close(self) -> None:
        self.running = False
        self.thread.join()
        self.sock.close()


def test_a_silent_dns_server_leaves_the_site_unchecked_not_blocked(confirmed_sqlite, tmp_path):
    from click.testing import CliRunner

    from fraudwatch.cli import main

    site = confirmed_sqlite.get_site_by_domain("altyn-kazino.kz")
    before = [r.action for r in confirmed_sqlite.reviews_for(site.id)]
    silent = SilentDns()
    try:
        env = {"FRAUDWATCH_STORE": confirmed_sqlite.url, "FRAUDWATCH_VAR_DIR": str(tmp_path),
               "FRAUDWATCH_CONTACTS_NAMESERVER": silent.address}
        result = CliRunner().invoke(main, ["verify", "altyn-kazino.kz"], env=env)
    finally:
        silent.close()
    assert result.exit_code == 0, result.output
    assert "altyn-kazino.kz\tunchecked\tDNS server 127.0.0.1" in result.output
    assert "did not answer" in result.output
    assert silent.asked == {"A"}  # it gave up on the server instead of asking four times
    after = confirmed_sqlite.get_site_by_domain("altyn-kazino.kz")
    assert after.status == site.status
    assert [r.action for r in confirmed_sqlite.reviews_for(site.id)] == before


def test_live_recheck_becomes_a_stix_sighting(confirmed_sqlite, config, tmp_path, web):
    import stix2

    from takedown.exports.formats import export_block_list
    from takedown.letters import build_letters

    store = confirmed_sqlite
    build_letters(store, config, tmp_path / "letters", date(2026, 11, 20))
    with DnsServer({("xn--80aqafcvdp.kz", "A"): ["127.0.0.1"]}) as dns_server:
        verify_sites(store, config, [store.get_site_by_domain("xn--80aqafcvdp.kz")],
                     resolve=dns_resolve(dns_server.address), fetch=loopback_fetch(web),
                     policy=LOOPBACK)
    bundle = stix2.parse(export_block_list(store, config, "stix"))
    sightings = [o for o in bundle.objects if o.type == "sighting"]
    assert len(sightings) == 4


def test_an_answer_on_a_loopback_address_is_a_block_and_is_never_fetched(confirmed_sqlite, config,
                                                                         web):
    Handler.requests.clear()
    with DnsServer({("xn--80aqafcvdp.kz", "A"): ["127.0.0.1"]}) as dns_server:
        [check] = verify_sites(confirmed_sqlite, config,
                               [confirmed_sqlite.get_site_by_domain("xn--80aqafcvdp.kz")],
                               resolve=dns_resolve(dns_server.address))
    assert (check.outcome, check.reason) == ("blocked", "DNS: non-public address 127.0.0.1")
    assert Handler.requests == []


def test_guarded_fetch_goes_to_the_resolved_address_and_refuses_private_ones():
    server = ThreadingHTTPServer(("127.0.0.2", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fetch = GuardedFetch(TargetPolicy.of(False, ["site.kz"]), timeout=5)
    try:
        Handler.requests.clear()
        port = server.server_address[1]
        status, _, body = fetch(f"http://site.kz:{port}/xn--80aqafcvdp.kz/", "127.0.0.2")
        assert status == 200 and "Займ" in body
        with pytest.raises(OSError):
            fetch(f"http://other.kz:{port}/", "127.0.0.2")
        with pytest.raises(OSError):
            fetch(f"http://127.0.0.2:{port}/")
        assert Handler.requests == ["/xn--80aqafcvdp.kz/"]
    finally:
        fetch.close()
        server.shutdown()
        server.server_close()
