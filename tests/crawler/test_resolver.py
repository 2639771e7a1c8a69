"""--resolve overrides for Scrapy's resolver and Chromium's host-resolver-rules."""

from __future__ import annotations

import pytest

from crawler.safety.resolver import OverrideResolver, host_resolver_rules, parse_resolve


def test_parse_resolve_accepts_idns_and_comments():
    overrides = parse_resolve(["Casino.KZ=127.0.0.1", "мысал.қаз = 127.0.0.2  # farm", ""])
    assert overrides == {"casino.kz": "127.0.0.1", "xn--80awbu3c.xn--80ao21a": "127.0.0.2"}
    assert host_resolver_rules(overrides) == (
        "MAP casino.kz 127.0.0.1, MAP xn--80awbu3c.xn--80ao21a 127.0.0.2")


@pytest.mark.parametrize("entry", ["casino.kz", "casino.kz=localhost"])
def test_parse_resolve_rejects_bad_entries(entry):
    with pytest.raises(ValueError, match="--resolve"):
        parse_resolve([entry])


def test_resolver_answers_overridden_hosts_from_the_map():
    from twisted.internet import reactor

    resolver = OverrideResolver(reactor, 0, 5.0, {"casino.kz": "127.0.0.1"})
    answers = []
    resolver.getHostByName("CASINO.kz").addCallback(answers.append)
    assert answers == ["127.0.0.1"]
