"""Contacts: RDAP (loopback server) and DNS (loopback UDP server), cached with an expiry."""

from __future__ import annotations

import json
import threading

import pytest

from takedown.contacts import rdap
from takedown.contacts.cache import ExpiringCache
from takedown.contacts.lookup import ContactFinder
from tests.takedown.servers import DnsServer, RdapServer

ZONE = {("altyn-kazino.kz", "A"): ["127.0.0.2"],
        ("altyn-kazino.kz", "NS"): ["ns1.ps.kz."],
        ("altyn-kazino.kz", "MX"): ["10 mx.altyn-kazino.kz."]}


@pytest.fixture
def rdap_server():
    with RdapServer() as server:
        yield server


@pytest.fixture
def dns_server():
    with DnsServer(ZONE) as server:
        yield server


def test_domain_contacts_come_from_rdap_and_dns_and_are_cached(rdap_server, dns_server,
                                                               tmp_path):
    now = [1000.0]
    cache = ExpiringCache(tmp_path / "contacts.sqlite", ttl=3600, clock=lambda: now[0])
    finder = ContactFinder(cache, rdap_base=rdap_server.url, nameserver=dns_server.address)
    found = finder.domain("altyn-kazino.kz")
    assert found["registrar"] == "PS Internet Company"
    assert found["abuse_email"] == "abuse@ps.kz"
    assert found["dns"] == {"A": ["127.0.0.2"], "AAAA": [], "NS": ["ns1.ps.kz"],
                            "MX": ["10 mx.altyn-kazino.kz"]}
    network = found["networks"]["127.0.0.2"]
    assert network["network"] == "LOOPBACK-HOSTING" and network["abuse_email"] == "abuse@hosting.kz"
    assert rdap_server.hits == 2
    finder.domain("altyn-kazino.kz")
    assert rdap_server.hits == 2
    now[0] += 3601
    reloaded = ContactFinder(ExpiringCache(tmp_path / "contacts.sqlite", 3600, lambda: now[0]),
                             rdap_base=rdap_server.url, nameserver=dns_server.address)
    reloaded.domain("altyn-kazino.kz")
    assert rdap_server.hits == 4


def test_unknown_domain_is_a_clear_error(rdap_server, dns_server, tmp_path):
    finder = ContactFinder(ExpiringCache(tmp_path / "c.sqlite", 60), rdap_base=rdap_server.url,
                           nameserver=dns_server.address)
    with pytest.raises(rdap.RdapError, match="RDAP query .*/domain/nowhere.kz failed"):
        finder.domain("nowhere.kz")


def test_cli_contacts_prints_json(rdap_server, dns_server, tmp_path):

    from click.testing import CliRunner

    from fraudwatch.cli import main

    env = {"FRAUDWATCH_VAR_DIR": str(tmp_path), "FRAUDWATCH_CONTACTS_RDAP_BASE": rdap_server.url,
           "FRAUDWATCH_CONTACTS_NAMESERVER": dns_server.address}
    result = CliRunner().invoke(main, ["letters", "contacts", "altyn-kazino.kz"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["abuse_email"] == "abuse@ps.kz"
    assert (tmp_path / "cache" / "contacts.sqlite").is_file()


def test_cache_keeps_entries_of_the_older_json_file_and_writes_one_row_per_put(tmp_path):
    legacy = tmp_path / "contacts.json"
    legacy.write_text(json.dumps({"domain:old.kz": {"at": 1000.0, "value": {"registrar": "R"}},
                                  "domain:stale.kz": {"at": 0.0, "value": {"registrar": "S"}}}))
    cache = ExpiringCache(tmp_path / "contacts.sqlite", ttl=3600, clock=lambda: 4000.0)
    assert cache.get("domain:old.kz") == {"registrar": "R"}
    assert cache.get("domain:stale.kz") is None
    assert not legacy.exists()
    writers = [threading.Thread(target=cache.put, args=(f"domain:s{i}.kz", {"n": i}))
               for i in range(20)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    again = ExpiringCache(tmp_path / "contacts.sqlite", ttl=3600, clock=lambda: 4000.0)
    assert [again.get(f"domain:s{i}.kz") for i in range(20)] == [{"n": i} for i in range(20)]
    assert again.get("domain:old.kz") == {"registrar": "R"}
