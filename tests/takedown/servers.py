"""Loopback servers for the takedown tests: an RDAP server (http.server) and a UDP DNS server."""

from __future__ import annotations

import json
import socket
import socketserver
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import dns.message
import dns.rcode
import dns.rrset


def vcard(fn: str, email: str = "") -> list:
    items = [["version", {}, "text", "4.0"], ["fn", {}, "text", fn]]
    if email:
        items.append(["email", {}, "text", email])
    return ["vcard", items]


RDAP = {
    "/domain/altyn-kazino.kz": {
        "objectClassName": "domain", "ldhName": "altyn-kazino.kz",
        "entities": [{"objectClassName": "entity", "roles": ["registrar"],
                      "vcardArray": vcard("PS Internet Company"),
                      "entities": [{"objectClassName": "entity", "roles": ["abuse"],
                                    "vcardArray": vcard("Abuse", "abuse@ps.kz")}]}]},
    "/ip/127.0.0.2": {
        "objectClassName": "ip network", "handle": "KZ-LOOP-1", "name": "LOOPBACK-HOSTING",
        "startAddress": "127.0.0.0", "endAddress": "127.0.0.255", "country": "KZ",
        "entities": [{"objectClassName": "entity", "roles": ["abuse"],
                      "vcardArray": vcard("NOC", "abuse@hosting.kz")}]},
}


class InBackground:
    """A socketserver that serves from a daemon thread for the length of a `with` block."""

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()


class RdapServer(InBackground, ThreadingHTTPServer):
    """Serves the RDAP documents above (or `docs` {path: document}) on 127.0.0.1 (port 0),
    counting requests."""

    def __init__(self, docs: dict[str, dict] | None = None):
        self.hits = 0
        self.docs = RDAP if docs is None else docs
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.hits += 1
                doc = server.docs.get(self.path)
                body = json.dumps(doc or {"errorCode": 404}).encode()
                self.send_response(200 if doc else 404)
                self.send_header("Content-Type", "application/rdap+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


class DnsServer:
    """Answers A/AAAA/NS/MX queries from `zone` {(name, type): [values]} over UDP on loopback;
    names not in the zone get NXDOMAIN."""

    def __init__(self, zone: dict[tuple[str, str], list[str]]):
        self.zone = zone
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.sock.getsockname()[1]}"

    def _answer(self, data: bytes) -> bytes:
        query = dns.message.from_wire(data)
        response = dns.message.make_response(query)
        question = query.question[0]
        name = question.name.to_text().rstrip(".")
        rtype = dns.rdatatype.to_text(question.rdtype)
        if not any(key[0] == name for key in self.zone):
            response.set_rcode(dns.rcode.NXDOMAIN)
        values = self.zone.get((name, rtype), [])
        if values:
            response.answer.append(dns.rrset.from_text_list(question.name, 60, "IN", rtype,
                                                            values))
        return response.to_wire()

    def _serve(self) -> None:
        self.sock.settimeout(0.1)  # so that closing is seen at once
        while self.sock.fileno() != -1:
            try:
                data, peer = self.sock.recvfrom(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            self.sock.sendto(self._answer(data), peer)

    def __enter__(self) -> DnsServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.sock.close()
        self.thread.join(timeout=2)


class WhoisServer(InBackground, socketserver.ThreadingTCPServer):
    """A WHOIS server (RFC 3912) on loopback answering `answers` {domain: text}; others get
    "No entries found". With `gather` N, each answer waits until N queries are open at once
    (or 5 s pass), so a test sees whether look-ups run concurrently; `most_open` records the
    most that were."""

    daemon_threads = True

    def __init__(self, answers: dict[str, str], gather: int = 1):
        self.answers, self.gather = answers, gather
        self.queries: list[str] = []
        self.open = self.most_open = 0
        self.lock = threading.Condition()
        server = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                name = self.rfile.readline().decode().strip()
                with server.lock:
                    server.queries.append(name)
                    server.open += 1
                    server.most_open = max(server.most_open, server.open)
                    server.lock.notify_all()
                    server.lock.wait_for(lambda: server.most_open >= server.gather, timeout=5)
                self.wfile.write(server.answers.get(name, "No entries found\r\n").encode())
                with server.lock:
                    server.open -= 1

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"


def bootstrap_docs(dns_services: list, ip_services: list) -> dict[str, dict]:
    """IANA-layout bootstrap registries (RFC 9224) to serve from an RdapServer."""
    def registry(services):
        return {"version": "1.0", "publication": "2026-12-01T00:00:00Z", "services": services}
    return {"/dns.json": registry(dns_services), "/ipv4.json": registry(ip_services),
            "/ipv6.json": registry([])}
