"""Filling sites' registrar, hosting and abuse e-mails from RDAP/DNS (loopback servers), and
the abuse notices addressed with them."""

from __future__ import annotations

import re
from datetime import date

import pytest
from click.testing import CliRunner

from fraudwatch.cli import main
from fraudwatch.store import Site
from takedown.contacts.cache import ExpiringCache
from takedown.contacts.fill import Found, abuse_email, apply, fill_contacts, sites_to_fill
from takedown.contacts.lookup import ContactFinder
from takedown.letters import build_letters
from tests.takedown.servers import RDAP, DnsServer, RdapServer, vcard
from tests.takedown.support import fill

DAY = date(2026, 11, 20)
HOSTILE_EMAIL = 'abuse@evil.kz"><script>alert(1)</script>'


def domain_doc(name: str, registrar: str, email: str) -> dict:
    return {"objectClassName": "domain", "ldhName": name,
            "entities": [{"objectClassName": "entity", "roles": ["registrar"],
                          "vcardArray": vcard(registrar),
                          "entities": [{"objectClassName": "entity", "roles": ["abuse"],
                                        "vcardArray": vcard("Abuse", email)}]}]}


DOCS = {
    **RDAP,
    "/domain/zaim-tez.kz": domain_doc("zaim-tez.kz", "Hoster.KZ", "mailto:abuse@hoster.kz"),
    "/domain/no-ip.kz": domain_doc("no-ip.kz", "Hoster.KZ", "abuse@hoster.kz"),
    "/domain/ptichka.kz": domain_doc("ptichka.kz", "Hoster.KZ", "abuse@hoster.kz"),
    "/domain/evil-rdap.kz": domain_doc("evil-rdap.kz", "<b>Evil</b> Registrar", HOSTILE_EMAIL),
    # same network name as 127.0.0.2, another abuse desk and an ARIN-style origin AS
    "/ip/127.0.0.3": {
        "objectClassName": "ip network", "handle": "KZ-LOOP-2", "name": "LOOPBACK-HOSTING",
        "startAddress": "127.0.0.3", "endAddress": "127.0.0.3", "country": "KZ",
        "arin_originas0_originautnums": [65001],
        "entities": [{"objectClassName": "entity", "roles": ["abuse"],
                      "vcardArray": vcard("NOC", "noc@hosting2.kz")}]},
}
ZONE = {("zaim-tez.kz", "A"): ["127.0.0.3"], ("no-ip.kz", "NS"): ["ns1.hoster.kz."]}


def site(domain: str, **fields) -> Site:
    return Site(domain=domain, title=f"{domain} casino", category="casino", verdict="illegal",
                signs=["casino.no_licence"], first_seen="2026-10-01T08:00:00+00:00", **fields)


@pytest.fixture
def rdap_server():
    with RdapServer(DOCS) as server:
        yield server


@pytest.fixture
def dns_server():
    with DnsServer(ZONE) as server:
        yield server


@pytest.fixture
def finder(rdap_server, dns_server, tmp_path):
    return ContactFinder(ExpiringCache(tmp_path / "contacts.sqlite", 3600),
                         rdap_base=rdap_server.url, nameserver=dns_server.address)


@pytest.fixture
def cli_env(sqlite_store, rdap_server, dns_server, tmp_path):
    return {"FRAUDWATCH_STORE": sqlite_store.url, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var"),
            "FRAUDWATCH_CONTACTS_RDAP_BASE": rdap_server.url,
            "FRAUDWATCH_CONTACTS_NAMESERVER": dns_server.address}


def recipient_block(html: str) -> str:
    """The HTML of a letter's address block."""
    return re.search(r'<div class="recipient">(.*?)</div>', html, re.S).group(1)


def recipient_text(html: str) -> str:
    """The address block as text (e-mails are split into spans so they wrap at the @ only)."""
    return re.sub(r"<[^>]*>", "", recipient_block(html))


def letter_html(letter, out) -> str:
    [name] = [f for f in letter.files if f.endswith(".html")]
    return (out / name).read_text(encoding="utf-8")


def test_fill_sets_registrar_hosting_and_abuse_emails(store, finder, tmp_path):
    fill(store, tmp_path, [site("altyn-kazino.kz", ip="127.0.0.2"), site("zaim-tez.kz")])
    store.put_sites([site("ptichka.kz", ip="127.0.0.2")])  # not confirmed: no letter due
    store.refresh()
    assert [s.domain for s in sites_to_fill(store)] == ["altyn-kazino.kz", "zaim-tez.kz"]

    outcomes = fill_contacts(store, finder, sites_to_fill(store))
    assert [(o.domain, o.status) for o in outcomes] == [("altyn-kazino.kz", "filled"),
                                                        ("zaim-tez.kz", "filled")]
    altyn = store.get_site_by_domain("altyn-kazino.kz")
    assert (altyn.registrar, altyn.hosting, altyn.ip) == (
        "PS Internet Company", "LOOPBACK-HOSTING", "127.0.0.2")
    assert altyn.abuse_emails == {"registrar": "abuse@ps.kz", "hosting": "abuse@hosting.kz"}
    assert altyn.review_state == "confirmed" and altyn.first_seen.startswith("2026-10-01")
    zaim = store.get_site_by_domain("zaim-tez.kz")
    assert (zaim.registrar, zaim.hosting, zaim.ip, zaim.asn) == (
        "Hoster.KZ", "LOOPBACK-HOSTING", "127.0.0.3", "65001")  # IP from the DNS A record
    assert zaim.abuse_emails == {"registrar": "abuse@hoster.kz", "hosting": "noc@hosting2.kz"}
    assert store.get_site_by_domain("ptichka.kz").registrar == ""

    assert sites_to_fill(store) == []  # nothing left to fill for the letters due
    assert [s.domain for s in sites_to_fill(store, every=True)] == [
        "altyn-kazino.kz", "ptichka.kz", "zaim-tez.kz"]
    again = fill_contacts(store, finder, sites_to_fill(store, every=True))
    assert [o.status for o in again] == ["unchanged", "filled", "unchanged"]
    assert store.get_site_by_domain("ptichka.kz").abuse_emails["registrar"] == "abuse@hoster.kz"


def test_letters_after_filling_are_addressed_to_the_abuse_emails(store, finder, config,
                                                                 tmp_path):
    fill(store, tmp_path, [site("altyn-kazino.kz", ip="127.0.0.2"), site("zaim-tez.kz")])
    fill_contacts(store, finder, sites_to_fill(store))
    out = tmp_path / "out"
    letters = {(lt.letter_type, lt.recipient): lt
               for lt in build_letters(store, config, out, DAY)}
    assert set(letters) == {("blocking", config.letters.ministry),
                            ("abuse_registrar", "Hoster.KZ"),
                            ("abuse_registrar", "PS Internet Company"),
                            ("abuse_hosting", "LOOPBACK-HOSTING")}
    expected = {("abuse_registrar", "PS Internet Company"): ["abuse@ps.kz"],
                ("abuse_registrar", "Hoster.KZ"): ["abuse@hoster.kz"],
                # two networks with one name and two abuse desks: both addresses
                ("abuse_hosting", "LOOPBACK-HOSTING"): ["abuse@hosting.kz", "noc@hosting2.kz"],
                ("blocking", config.letters.ministry): []}
    for key, emails in expected.items():
        letter = letters[key]
        assert letter.recipient_emails == emails
        assert store.get_letter(letter.id).recipient_emails == emails
        block = recipient_text(letter_html(letter, out))
        for email in emails:
            assert email in block
    ministry = letters[("blocking", config.letters.ministry)]
    assert "@" not in recipient_text(letter_html(ministry, out))


def test_reviewer_typed_registrar_is_kept_unless_refresh(sqlite_store, cli_env, tmp_path):
    fill(sqlite_store, tmp_path, [site("altyn-kazino.kz", ip="127.0.0.2",
                                       registrar="ТОО «Регистратор»")])
    runner = CliRunner()
    first = runner.invoke(main, ["letters", "contacts", "--fill"], env=cli_env)
    assert first.exit_code == 0, first.output
    assert "kept registrar 'ТОО «Регистратор»' (RDAP: 'PS Internet Company')" in first.output
    assert first.output.endswith("filled 1, unchanged 0, failed 0\n")
    kept = sqlite_store.get_site_by_domain("altyn-kazino.kz")
    assert kept.registrar == "ТОО «Регистратор»" and kept.hosting == "LOOPBACK-HOSTING"
    # the registrar's address is RDAP's registrar's: not written beside another name
    assert kept.abuse_emails == {"hosting": "abuse@hosting.kz"}

    refreshed = runner.invoke(main, ["letters", "contacts", "--fill", "--refresh"], env=cli_env)
    assert refreshed.exit_code == 0, refreshed.output
    assert "filled\taltyn-kazino.kz\tregistrar 'PS Internet Company'" in refreshed.output
    site_now = sqlite_store.get_site_by_domain("altyn-kazino.kz")
    assert site_now.registrar == "PS Internet Company"
    assert site_now.abuse_emails == {"registrar": "abuse@ps.kz", "hosting": "abuse@hosting.kz"}
    assert [r.action for r in sqlite_store.reviews_for(site_now.id)] == ["confirm"]


def test_failed_lookup_is_reported_and_the_others_are_filled(sqlite_store, cli_env, tmp_path):
    fill(sqlite_store, tmp_path, [site("altyn-kazino.kz", ip="127.0.0.2"),
                                  site("gone.kz", ip="127.0.0.2"), site("no-ip.kz")])
    result = CliRunner().invoke(main, ["letters", "contacts", "--fill"], env=cli_env)
    assert result.exit_code == 1, result.output
    *lines, summary = result.output.splitlines()  # a line a site, as each look-up ends
    by_domain = {line.split("\t")[1]: line for line in lines}
    assert sorted(by_domain) == ["altyn-kazino.kz", "gone.kz", "no-ip.kz"]
    assert by_domain["altyn-kazino.kz"].startswith(
        "filled\taltyn-kazino.kz\tregistrar 'PS Internet Company'")
    assert re.fullmatch(r"failed\tgone\.kz\tRDAP query http://127\.0\.0\.1:\d+/domain/gone\.kz "
                        r"failed: .*404.*", by_domain["gone.kz"])
    assert by_domain["no-ip.kz"] == ("failed\tno-ip.kz\tno IP address: the site has none and DNS "
                                     "gives no A record")
    assert summary == "filled 1, unchanged 0, failed 2"
    assert sqlite_store.get_site_by_domain("altyn-kazino.kz").abuse_emails["registrar"] == \
        "abuse@ps.kz"
    gone = sqlite_store.get_site_by_domain("gone.kz")
    assert (gone.registrar, gone.hosting, gone.abuse_emails) == ("", "", {})


def test_cli_fill_one_domain_and_list_shows_the_addresses(sqlite_store, cli_env, tmp_path):
    fill(sqlite_store, tmp_path, [site("altyn-kazino.kz", ip="127.0.0.2"),
                                  site("zaim-tez.kz")])
    runner = CliRunner()
    one = runner.invoke(main, ["letters", "contacts", "--fill", "zaim-tez.kz"], env=cli_env)
    assert one.exit_code == 0, one.output
    assert one.output.splitlines()[-1] == "filled 1, unchanged 0, failed 0"
    assert sqlite_store.get_site_by_domain("altyn-kazino.kz").registrar == ""
    built = runner.invoke(main, ["letters", "build", "--no-pdf", "--date", "2026-11-20"],
                          env=cli_env)
    assert built.exit_code == 0, built.output
    listed = runner.invoke(main, ["letters", "list"], env=cli_env).output.splitlines()
    # recipient, number of sites, abuse e-mails; altyn-kazino.kz has no host name yet
    assert [line.split("\t")[4:] for line in listed if "\tabuse_" in line] == [
        ["Hoster.KZ", "1", "abuse@hoster.kz"], ["127.0.0.2", "1", ""],
        ["LOOPBACK-HOSTING", "1", "noc@hosting2.kz"]]
    usage = runner.invoke(main, ["letters", "contacts", "--all"], env=cli_env)
    assert usage.exit_code == 2 and "go with --fill" in usage.output


def test_contacts_typed_by_hand_are_stored_audited_and_kept_by_fill(sqlite_store, cli_env,
                                                                   tmp_path):
    fill(sqlite_store, tmp_path, [site("altyn-kazino.kz", ip="127.0.0.2")])
    runner = CliRunner()
    typed = runner.invoke(main, ["letters", "contacts", "altyn-kazino.kz", "--registrar",
                                 "ТОО «Регистратор»", "--registrar-abuse", "abuse@reg.kz",
                                 "--user", "aigerim"], env=cli_env)
    assert typed.exit_code == 0, typed.output
    assert "registrar e-mail abuse@reg.kz" in typed.output
    stored = sqlite_store.get_site_by_domain("altyn-kazino.kz")
    assert stored.registrar == "ТОО «Регистратор»"
    assert stored.abuse_emails == {"registrar": "abuse@reg.kz"}
    [entry] = [r for r in sqlite_store.reviews_for(stored.id) if r.action == "comment"]
    assert entry.user == "aigerim" and "abuse@reg.kz" in entry.comment
    nameless = runner.invoke(main, ["letters", "contacts", "altyn-kazino.kz",
                                    "--hosting-abuse", "noc@x.kz"], env=cli_env)
    assert nameless.exit_code == 1 and "give the hosting's name" in nameless.output
    filled = runner.invoke(main, ["letters", "contacts", "--fill"], env=cli_env)
    assert filled.exit_code == 0, filled.output
    assert sqlite_store.get_site_by_domain("altyn-kazino.kz").abuse_emails["registrar"] == \
        "abuse@reg.kz"  # what a person typed outlives RDAP's answer
    bad = runner.invoke(main, ["letters", "contacts", "altyn-kazino.kz", "--hosting-abuse",
                               "not an address"], env=cli_env)
    assert bad.exit_code == 1 and "is not an e-mail address" in bad.output
    mixed = runner.invoke(main, ["letters", "contacts", "--fill", "--registrar", "X"],
                          env=cli_env)
    assert mixed.exit_code == 2 and "without --fill" in mixed.output


def test_rdap_values_are_escaped_in_the_letter(sqlite_store, finder, config, tmp_path):
    fill(sqlite_store, tmp_path, [site("evil-rdap.kz", ip="127.0.0.2")])
    fill_contacts(sqlite_store, finder, sites_to_fill(sqlite_store))
    stored = sqlite_store.get_site_by_domain("evil-rdap.kz")
    assert stored.abuse_emails["registrar"] == HOSTILE_EMAIL  # kept as published...
    out = tmp_path / "out"
    [letter] = [lt for lt in build_letters(sqlite_store, config, out, DAY)
                if lt.letter_type == "abuse_registrar"]
    html = letter_html(letter, out)
    block = recipient_block(html)  # ...and escaped where it is printed
    assert "evil.kz&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in block
    assert "abuse@evil.kz&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in recipient_text(html)
    assert "&lt;b&gt;Evil&lt;/b&gt; Registrar" in block
    assert "<script>" not in html and "<b>" not in html


def test_an_email_goes_with_its_name():
    found = Found(registrar="PS Internet Company", registrar_email="abuse@ps.kz",
                  ip="127.0.0.2", network="NEW-NET", network_email="abuse@new.kz")
    typed = Site(domain="a.kz", registrar="ps  internet COMPANY", hosting="OLD-NET", ip="1.2.3.4",
                 abuse_emails={"hosting": "abuse@old.kz"})
    changes, notes = apply(typed, found)
    # same registrar written differently: its e-mail applies; the host typed differs: kept
    assert typed.registrar == "ps  internet COMPANY" and typed.hosting == "OLD-NET"
    assert typed.abuse_emails == {"registrar": "abuse@ps.kz", "hosting": "abuse@old.kz"}
    assert typed.ip == "1.2.3.4" and changes == ["registrar e-mail abuse@ps.kz"]
    assert notes == ["kept hosting 'OLD-NET' (RDAP: 'NEW-NET'), its e-mail not filled; "
                     "--refresh takes RDAP's"]
    # a new name never keeps the old name's address
    changes, _ = apply(typed, Found("PS Internet Company", "abuse@ps.kz", "1.2.3.4",
                                    "NEW-NET", ""), refresh=True)
    assert typed.hosting == "NEW-NET" and "hosting" not in typed.abuse_emails
    assert typed.registrar == "PS Internet Company"
    assert typed.abuse_emails == {"registrar": "abuse@ps.kz"}
    assert changes == ["registrar 'PS Internet Company'", "hosting 'NEW-NET'",
                       "hosting e-mail abuse@old.kz dropped"]


@pytest.mark.parametrize(("published", "stored"), [
    ("abuse@ps.kz", "abuse@ps.kz"), (" MAILTO:abuse@ps.kz ", "abuse@ps.kz"),
    ("Abuse Desk", ""), ("abuse @ps.kz", ""), ("abuse@ps.kz\n", "abuse@ps.kz"),
    ("abuse@ps.kz\x00", ""), ("a@" + "x" * 300, ""),
])
def test_abuse_email_keeps_addresses_only(published, stored):
    assert abuse_email(published) == stored
