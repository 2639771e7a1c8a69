"""A misbehaving proxy in front of the real Elasticsearch node, for the retry tests."""

from __future__ import annotations

import http.client
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}
REJECTED = {"type": "es_rejected_execution_exception",
            "reason": "rejected execution of coordinating operation [queue capacity 200]"}


class ESProxy:
    """Forwards every request to the node, except those a rule says to spoil.

    Actions: "drop" closes the connection unanswered (a node that went away), "429" answers
    the whole request with Too Many Requests, "reject-items" answers a bulk request with each
    document rejected (429), as a node whose write queue is full does.
    """

    def __init__(self, node_url: str):
        self.node = urlsplit(node_url)
        self.rules: list[list] = []
        self.seen: list[tuple[str, str, str]] = []  # method, path, action
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.proxy = self
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def spoil(self, action: str, path: str = "", times: int | None = None) -> None:
        """Do `action` to the next `times` requests whose path contains `path` (None: all)."""
        with self.lock:
            self.rules.append([path, action, times])

    def requests(self, path: str) -> list[str]:
        """What was done to each request whose path contains `path`, in order."""
        with self.lock:
            return [action for _, p, action in self.seen if path in p]

    def decide(self, method: str, path: str) -> str:
        with self.lock:
            action = "forward"
            for rule in self.rules:
                if rule[0] in path and rule[2] != 0:
                    action = rule[1]
                    rule[2] = None if rule[2] is None else rule[2] - 1
                    break
            self.seen.append((method, path, action))
            return action

    def forward(self, method: str, path: str, headers, body: bytes):
        conn = http.client.HTTPConnection(self.node.hostname, self.node.port, timeout=60)
        try:
            conn.request(method, path, body=body or None,
                         headers={k: v for k, v in headers.items()
                                  if k.lower() not in HOP_BY_HOP})
            resp = conn.getresponse()
            return resp.status, resp.getheaders(), resp.read()
        finally:
            conn.close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def handle_one(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        proxy: ESProxy = self.server.proxy
        action = proxy.decide(self.command, self.path)
        if action == "drop":
            self.close_connection = True
            return
        if action == "429":
            self.reply(429, {"error": {"root_cause": [REJECTED], **REJECTED}, "status": 429})
        elif action == "reject-items":
            self.reply(200, {"took": 1, "errors": True, "items": _rejected_items(body)})
        else:
            status, headers, data = proxy.forward(self.command, self.path, self.headers, body)
            self.send_response(status)
            for name, value in headers:
                if name.lower() not in HOP_BY_HOP:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

    def reply(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_one


def _rejected_items(ndjson: bytes) -> list[dict]:
    lines = [json.loads(line) for line in ndjson.splitlines() if line.strip()]
    items, i = [], 0
    while i < len(lines):
        op, meta = next(iter(lines[i].items()))
        items.append({op: {"_index": meta.get("_index"), "_id": meta.get("_id"),
                           "status": 429, "error": REJECTED}})
        i += 1 if op == "delete" else 2
    return items


@pytest.fixture
def es_proxy(es_url):
    proxy = ESProxy(es_url)
    thread = threading.Thread(target=proxy.server.serve_forever, daemon=True)
    thread.start()
    yield proxy
    proxy.server.shutdown()
    proxy.server.server_close()
    thread.join()
