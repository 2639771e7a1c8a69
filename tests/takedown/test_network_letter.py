"""One blocking request for a whole operator network: confirmed members to block, members under
review in their own section, the shared fingerprints as evidence; on both stores, and printed
to PDF by Chromium in every language and read back with pdftotext."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from fraudwatch.store import Site
from takedown.letters import LetterError, plan_letters
from takedown.network_letter import build_network_letter, network_case
from takedown.render import LANGS
from takedown.render_pdf import PdfRenderer
from tests.takedown.support import HOSTILE_TITLE

DAY = date(2026, 11, 20)
NET = "net-casino-1"
WALLET = "bc1qaltynoperator0wallet"
LEFTOVERS = ("{{", "{%", "None", "Undefined")
PENDING = {"en": "Related sites of the same operator, pending review",
           "ru": "Связанные ресурсы того же оператора, находящиеся на проверке",
           "kk": "Сол оператордың тексерудегі байланысты ресурстары"}


def join_network(store) -> None:
    """Give the network's confirmed members shared fingerprints and add an unreviewed mirror."""
    operator = {"telegram": ["altyn_pay"], "phone": ["+77015551234"]}
    casino = store.get_site_by_domain("altyn-kazino.kz")
    casino.fingerprints = operator | {"btc": [WALLET]}
    pyramid = store.get_site_by_domain("profit-daily.com")
    pyramid.fingerprints = {"btc": [WALLET]}
    mirror = Site(domain="altyn-kazino2.kz", title="Altyn зеркало", category="casino",
                  verdict="suspicious", network_id=NET, mirror_of="altyn-kazino.kz",
                  fingerprints=operator)
    store.put_sites([casino, pyramid, mirror])
    store.refresh()


@pytest.fixture
def network(confirmed_store):
    join_network(confirmed_store)
    return confirmed_store


def test_case_splits_confirmed_from_pending_members(network):
    case = network_case(network, NET)
    assert [s.domain for s in case.confirmed] == ["altyn-kazino.kz", "profit-daily.com"]
    assert [s.domain for s in case.pending] == ["altyn-kazino2.kz"]
    assert {(x.a, x.b) for x in case.links} == {("altyn-kazino.kz", "altyn-kazino2.kz"),
                                                ("altyn-kazino.kz", "profit-daily.com")}


def test_letter_is_registered_for_confirmed_members_only(network, config, tmp_path):
    letter = build_network_letter(network, config, NET, tmp_path / "out", DAY)
    assert letter.letter_type == "blocking" and letter.number == "FW-2026/00001"
    confirmed = {network.get_site_by_domain(d).id for d in ("altyn-kazino.kz", "profit-daily.com")}
    assert set(letter.site_ids) == confirmed
    assert network.get_letter(letter.id).files == letter.files
    assert network.get_site_by_domain("profit-daily.com").letters == ["FW-2026/00001"]
    assert network.get_site_by_domain("altyn-kazino2.kz").letters == []
    html = (tmp_path / "out" / "FW-2026-00001.ru.html").read_text()
    assert "altyn-kazino2.kz" in html and WALLET in html and "altyn_pay" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    [blocking] = [d for d in plan_letters(network, config) if d.letter_type == "blocking"]
    assert [s.domain for s in blocking.sites] == ["xn--80aqafcvdp.kz"]  # not asked twice


def test_members_requested_before_are_not_requested_again_unless_asked(network, config,
                                                                      tmp_path):
    first = build_network_letter(network, config, NET, tmp_path / "out", DAY)
    with pytest.raises(LetterError, match="earlier blocking request; use --again"):
        build_network_letter(network, config, NET, tmp_path / "out", DAY)
    assert [lt.number for lt in network.iter_letters()] == [first.number]
    mirror = network.get_site_by_domain("altyn-kazino2.kz")
    mirror.review_state, mirror.first_seen = "confirmed", "2026-11-02T08:00:00+00:00"
    network.put_sites([mirror])
    network.refresh()
    second = build_network_letter(network, config, NET, tmp_path / "out", DAY)
    assert second.site_ids == [mirror.id]  # only the newly confirmed member
    again = build_network_letter(network, config, NET, tmp_path / "out", DAY, again=True)
    assert len(again.site_ids) == 3


def test_no_letter_without_a_confirmed_member(network, config, tmp_path):
    with pytest.raises(LetterError, match="no network 'net-nope'"):
        build_network_letter(network, config, "net-nope", tmp_path)
    for domain in ("altyn-kazino.kz", "profit-daily.com"):
        site = network.get_site_by_domain(domain)
        site.review_state = "needs_info"
        network.put_sites([site])
    network.refresh()
    with pytest.raises(LetterError, match="no confirmed member"):
        build_network_letter(network, config, NET, tmp_path)


@pytest.fixture(scope="module")
def pdf():
    with PdfRenderer() as renderer:
        yield renderer


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_pdf_lists_every_member_and_the_shared_evidence(confirmed_sqlite, config, tmp_path, pdf,
                                                        lang):
    join_network(confirmed_sqlite)
    letter = build_network_letter(confirmed_sqlite, config, NET, tmp_path, DAY, lang, pdf)
    assert set(letter.files) == {f"FW-2026-00001.{lang}.html", f"FW-2026-00001.{lang}.pdf"}
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / f"FW-2026-00001.{lang}.pdf"),
                           "-"], capture_output=True, text=True, check=True).stdout
    assert "FW-2026/00001" in text and "20.11.2026" in text and NET in text
    for domain in ("altyn-kazino.kz", "profit-daily.com", "altyn-kazino2.kz"):
        assert domain in text
    assert "xn--80aqafcvdp.kz" not in text  # confirmed, but not in the network
    assert WALLET in text and "altyn_pay" in text and "+77015551234" in text
    assert PENDING[lang] in text
    assert HOSTILE_TITLE.split(" Altyn")[0] in text
    for leftover in LEFTOVERS:
        assert leftover not in text


def test_cli_builds_a_network_letter(confirmed_sqlite, tmp_path):
    from click.testing import CliRunner

    from fraudwatch.cli import main

    join_network(confirmed_sqlite)
    runner = CliRunner()
    env = {"FRAUDWATCH_STORE": confirmed_sqlite.url, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var")}
    args = ["letters", "build", "--no-pdf", "--date", "2026-11-20", "--network"]
    built = runner.invoke(main, [*args, NET, "--lang", "en"], env=env)
    assert built.exit_code == 0, built.output
    assert "FW-2026/00001\tblocking" in built.output and "2 sites" in built.output
    html = (tmp_path / "var" / "letters" / "FW-2026-00001.en.html").read_text()
    assert "Related sites of the same operator, pending review" in html
    missing = runner.invoke(main, [*args, "net-nope"], env=env)
    assert missing.exit_code == 1 and "no network 'net-nope'" in missing.output
