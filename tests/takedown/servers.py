"""Loopback servers for the takedown tests: an RDAP server (http.server) and a UDP DNS server."""

from __future__ import annotations

import json
import socket
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


class RdapServer(ThreadingHTTPServer):
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

    def __enter__(self) -> RdapServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()


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
        while True:
            try:
                data, peer = self.sock.recvfrom(4096)
            except OSError:
                return
            self.sock.sendto(self._answer(data), peer)

    def __enter__(self) -> DnsServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.sock.close()
        self.thread.join(timeout=2)
