"""A farm shared by the farm tests, and a raw HTTP helper that sets the Host header."""

from __future__ import annotations

import http.client
from dataclasses import dataclass

import pytest

from fraudwatch.farm import Farm


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@pytest.fixture(scope="session")
def farm():
    with Farm(port=0, hostile=True) as running:
        yield running


@pytest.fixture(scope="session")
def by_domain(farm):
    return {site.domain: site for site in farm.sites}


@pytest.fixture(scope="session")
def get(farm):
    """GET(host, path="/", limit=None): fetch from the farm as `host`, reading <= `limit` bytes."""
    def fetch(host: str, path: str = "/", limit: int | None = None) -> Reply:
        return request(farm, host, path, limit)

    return fetch


def request(farm: Farm, host: str, path: str, limit: int | None) -> Reply:
    """One GET against the farm's port with an explicit Host header."""
    conn = http.client.HTTPConnection("127.0.0.1", farm.base_port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": f"{host}:{farm.base_port}",
                                           "Accept-Encoding": "gzip"})
        resp = conn.getresponse()
        return Reply(resp.status, resp.headers, resp.read(limit) if limit else resp.read())
    finally:
        conn.close()
