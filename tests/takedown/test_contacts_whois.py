"""Contacts for every TLD: RDAP servers from IANA's bootstrap registries (served on loopback in
IANA's layout), WHOIS for the TLDs without RDAP (.kz, .қаз), clear errors for the rest, and
look-ups that run concurrently with progress."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from fraudwatch.cli import main
from fraudwatch.store import Site
from takedown.contacts import bootstrap, rdap
from takedown.contacts.cache import ExpiringCache
from takedown.contacts.fill import fill_contacts
from takedown.contacts.lookup import ContactFinder
from tests.takedown.servers import DnsServer, RdapServer, WhoisServer, bootstrap_docs

KZ_WHOIS = """Whois Server for the KZ top level domain name.
This server is maintained by KazNIC Organization, a ccTLD manager for Kazakhstan Republic.

Domain Name............: {domain}

Organization Using Domain Name
Name...................: Private Person
Organization Name......: Private Person
Street Address.........: Almaty
Country................: KZ

Administrative Contact/Agent
NIC Handle.............: HOSTMASTER
Email Address..........: owner@mail.example

Domain created: 2026-10-01 09:00:00 (GMT+0:00)
Last modified : 2026-10-02 09:00:00 (GMT+0:00)
Domain status : ok - Normal state.

Registar created: KAZNIC
Current Registar: TEST-REGISTRAR.KZ
"""
SITES = [f"kazino-{n}.kz" for n in range(4)]
ZONE = {(domain, "A"): ["127.0.0.2"] for domain in SITES}


@pytest.fixture
def servers():
    """RDAP (networks, and the bootstrap files), WHOIS (.kz) and DNS servers on loopback."""
    with RdapServer() as registry, DnsServer(ZONE) as dns_server:
        docs = bootstrap_docs([[["com", "net"], ["https://rdap.verisign.example/"]]],
                              [[["127.0.0.0/8"], [registry.url]]])
        registry.docs = {**registry.docs, **{f"/iana{path}": doc for path, doc in docs.items()}}
        yield registry, dns_server


def finder_for(tmp_path, registry, dns_server, whois_servers: str) -> ContactFinder:
    return ContactFinder(ExpiringCache(tmp_path / "cache" / "contacts.sqlite", 3600),
                         nameserver=dns_server.address, whois_servers=whois_servers,
                         bootstrap_url=registry.url + "iana/")


def test_a_kz_domain_has_no_rdap_and_its_registrar_comes_from_whois(servers, tmp_path):
    registry, dns_server = servers
    answers = {d: KZ_WHOIS.format(domain=d) for d in SITES}
    with WhoisServer(answers) as whois_server:
        finder = finder_for(tmp_path, registry, dns_server, f"kz={whois_server.address}")
        found = finder.domain(SITES[0])
    assert whois_server.queries == [SITES[0]]
    assert found["registrar"] == "TEST-REGISTRAR.KZ"
    assert found["source"] == "whois 127.0.0.1"
    # the network still comes from RDAP, at the server IANA's ipv4.json names for 127/8
    assert found["networks"]["127.0.0.2"]["abuse_email"] == "abuse@hosting.kz"
    assert (tmp_path / "cache" / "rdap" / "dns.json").is_file()  # fetched once, kept


def test_a_tld_with_neither_rdap_nor_whois_says_how_to_get_its_contacts(servers, tmp_path):
    registry, dns_server = servers
    finder = finder_for(tmp_path, registry, dns_server, "")
    with pytest.raises(rdap.RdapError) as error:
        finder.domain("kazino.zz")
    message = str(error.value)
    assert ".zz has no RDAP service in IANA's bootstrap" in message
    assert "contacts.whois_servers" in message
    assert "letters contacts kazino.zz --registrar" in message


def test_without_a_bootstrap_copy_or_network_the_error_says_what_to_do(tmp_path):
    with pytest.raises(bootstrap.BootstrapError) as error:
        bootstrap.load(tmp_path / "rdap", "http://127.0.0.1:9/")
    message = str(error.value)
    assert "cannot fetch the RDAP bootstrap http://127.0.0.1:9/dns.json" in message
    assert "fraudwatch letters rdap-bootstrap" in message and "contacts.rdap_base" in message


def test_a_stale_copy_is_refreshed_and_kept_when_the_refresh_fails(servers, tmp_path):
    registry, _dns = servers
    folder = tmp_path / "rdap"
    first = bootstrap.fetch(registry.url + "iana/", folder)
    assert first.domain_server("shop.com") == "https://rdap.verisign.example/"
    later = first.fetched + 31 * 86400
    kept = bootstrap.load(folder, "http://127.0.0.1:9/", clock=lambda: later)
    assert kept.domain_server("x.net") == "https://rdap.verisign.example/"


def test_a_file_that_is_not_a_bootstrap_registry_is_refused(servers, tmp_path):
    registry, _dns = servers
    registry.docs["/bad/dns.json"] = {"services": "everything"}
    with pytest.raises(bootstrap.BootstrapError, match="not an RDAP bootstrap registry"):
        bootstrap.fetch(registry.url + "bad/", tmp_path / "rdap")
    assert not (tmp_path / "rdap" / "dns.json").exists()


def test_the_cli_fetches_the_registries_and_says_which_tlds_go_to_whois(servers, tmp_path):
    registry, _dns = servers
    env = {"FRAUDWATCH_VAR_DIR": str(tmp_path), "FRAUDWATCH_CONFIG": ""}
    result = CliRunner().invoke(main, ["letters", "rdap-bootstrap", "--from",
                                       registry.url + "iana/"], env=env)
    assert result.exit_code == 0, result.output
    assert "2 TLDs and 1 address blocks with RDAP" in result.output
    assert ".kz: no RDAP; WHOIS whois.nic.kz:43" in result.output
    failed = CliRunner().invoke(main, ["letters", "rdap-bootstrap", "--from",
                                       "http://127.0.0.1:9/"], env=env)
    assert failed.exit_code == 1 and "cannot fetch the RDAP bootstrap" in failed.output
    assert "Traceback" not in failed.output


def test_fill_looks_up_the_sites_concurrently(servers, tmp_path, sqlite_store):
    registry, dns_server = servers
    sqlite_store.put_sites([Site(domain=d, review_state="confirmed") for d in SITES])
    answers = {d: KZ_WHOIS.format(domain=d) for d in SITES}
    with WhoisServer(answers, gather=len(SITES)) as whois_server:
        finder = finder_for(tmp_path, registry, dns_server, f"kz={whois_server.address}")
        heard = []
        outcomes = fill_contacts(sqlite_store, finder, list(sqlite_store.iter_sites()),
                                 progress=heard.append, workers=8)
    assert whois_server.most_open == len(SITES)  # all four queries were open at once
    assert sorted(o.domain for o in heard) == SITES and len(outcomes) == len(SITES)
    assert {o.status for o in outcomes} == {"filled"}
    assert {sqlite_store.get_site_by_domain(d).registrar for d in SITES} == {"TEST-REGISTRAR.KZ"}
