"""The hosts a page contacted, as evidence: a rendered page lists its own host and every host
its scripts and images came from, each with the address that answered and its autonomous
system from the configured ASN table (crawl.asn_table)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from crawler.pipelines.extract import with_origins
from fraudwatch.asntable import AsnTable, AsnTableError
from fraudwatch.store import open_store
from tests.loopback import Answering, serving
from tests.paths import ROOT

pytestmark = [pytest.mark.timeout(300)]
TABLE = ("1.0.0.0\t1.0.0.255\t13335\tUS\tCLOUDFLARENET\n"
         "2.0.0.0\t2.0.0.255\t0\tNone\tNot routed\n"
         "127.0.0.0\t127.255.255.255\t64500\tKZ\tTEST-LOOPBACK-NET\n"
         "2001:db8::\t2001:db8::ffff\t64501\tKZ\tTEST-V6\n")


def test_the_table_names_the_as_of_an_address(tmp_path):
    path = tmp_path / "ip2asn.tsv.gz"
    path.write_bytes(gzip.compress(TABLE.encode()))
    table = AsnTable.read(path)
    assert (table.origin("1.0.0.7").asn, table.origin("1.0.0.7").name) == (13335,
                                                                          "CLOUDFLARENET")
    assert table.origin("2001:db8::1").asn == 64501
    assert table.origin("2.0.0.1") is None  # announced by no one
    assert table.origin("9.9.9.9") is None and table.origin("not an ip") is None
    hosts = with_origins([{"host": "cdn.example", "ip": "127.0.0.1", "requests": 2},
                          {"host": "gone.example", "ip": "", "requests": 1}], table)
    assert [(h.get("asn"), h.get("as_name")) for h in hosts] == [
        ("64500", "TEST-LOOPBACK-NET"), (None, None)]
    assert with_origins(hosts[1:], None) == [{"host": "gone.example", "ip": "", "requests": 1}]


def test_a_broken_table_is_refused_with_its_line(tmp_path):
    path = tmp_path / "ip2asn.tsv"
    path.write_text(TABLE + "this is not a range\n")
    with pytest.raises(AsnTableError, match="line 5"):
        AsnTable.read(path)
    path.write_text(TABLE + "1.0.0.9\t1.0.0.1\t13335\tUS\tBACKWARDS\n")
    with pytest.raises(AsnTableError, match="line 5.*not a range"):
        AsnTable.read(path)


class Shop(Answering):
    """The scam page on one host; its script and pixel on a second one."""

    def do_GET(self):  # noqa: N802 (http.server's interface)
        port = self.server.server_port
        if self.path == "/":
            body = ("<html><head><meta charset='utf-8'><title>Казино</title>"
                    f"<script src='http://cdn-pixel.test:{port}/tag.js'></script></head>"
                    "<body><h1>Бонус 200% на первый депозит</h1>"
                    f"<img src='http://cdn-pixel.test:{port}/p.gif'></body></html>").encode()
            kind = "text/html; charset=utf-8"
        else:
            body, kind = b"var seen = 1;", "application/javascript"
        self.answer(body, kind)


@pytest.fixture
def shop():
    with serving(Shop) as port:
        yield port


def _crawl(tmp_path, port: int, render: str, table) -> subprocess.CompletedProcess:
    env = {**os.environ, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var"), "PYTHONPATH": str(ROOT),
           "FRAUDWATCH_LOG_LEVEL": "WARNING", "FRAUDWATCH_CRAWL_ASN_TABLE": str(table)}
    env.pop("FRAUDWATCH_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "fraudwatch", "-q", "--store", f"sqlite:///{tmp_path}/fw.db",
         "crawl", "--render", render, "--allow-private", "--max-pages", "1",
         "--resolve=kazino-tag.kz=127.0.0.1", "--resolve=cdn-pixel.test=127.0.0.1",
         f"http://kazino-tag.kz:{port}/"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240)


def _latest(tmp_path):
    with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
        return store.captures_for("kazino-tag.kz")[-1]


def _contacted(tmp_path) -> dict[str, dict]:
    return {host["host"]: host for host in _latest(tmp_path).contacted}


def test_a_rendered_page_lists_the_hosts_it_contacted_with_their_as(tmp_path, shop):
    (tmp_path / "ip2asn.tsv").write_text(TABLE)
    result = _crawl(tmp_path, shop, "always", tmp_path / "ip2asn.tsv")
    assert result.returncode == 0, result.stderr[-3000:]
    hosts = _contacted(tmp_path)
    assert set(hosts) == {"kazino-tag.kz", "cdn-pixel.test"}
    assert hosts["cdn-pixel.test"]["requests"] == 2  # the script and the pixel
    assert {(h["ip"], h["asn"], h["as_name"]) for h in hosts.values()} == {
        ("127.0.0.1", "64500", "TEST-LOOPBACK-NET")}
    made = {urlsplit(r["url"]).path: r for r in _latest(tmp_path).requests}
    assert {path: (r["type"], r["status"]) for path, r in made.items()} == {
        "/": ("document", 200), "/tag.js": ("script", 200), "/p.gif": ("image", 200)}
    assert made["/tag.js"]["size"] == len(b"var seen = 1;")


def test_a_plain_fetch_lists_its_own_host(tmp_path, shop):
    (tmp_path / "ip2asn.tsv").write_text(TABLE)
    result = _crawl(tmp_path, shop, "never", tmp_path / "ip2asn.tsv")
    assert result.returncode == 0, result.stderr[-3000:]
    assert list(_contacted(tmp_path)) == ["kazino-tag.kz"]
    [made] = _latest(tmp_path).requests
    assert (made["type"], made["status"], made["failure"]) == ("document", 200, "")
    assert made["size"] > 100 and made["url"].startswith("http://kazino-tag.kz:")


def test_a_missing_table_stops_the_crawl_with_the_fix(tmp_path, shop):
    result = _crawl(tmp_path, shop, "never", tmp_path / "nowhere.tsv")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "crawl.asn_table" in result.stderr and "ip2asn" in result.stderr


def test_a_broken_table_stops_the_crawl_with_its_line(tmp_path, shop):
    (tmp_path / "ip2asn.tsv").write_text("this is not a range\n")
    result = _crawl(tmp_path, shop, "never", tmp_path / "ip2asn.tsv")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "ip2asn.tsv, line 1" in result.stderr
