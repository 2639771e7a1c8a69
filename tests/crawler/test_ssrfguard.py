"""The SSRF guard refuses private, loopback, link-local, multicast and reserved targets."""

from __future__ import annotations

import asyncio

import pytest
from scrapy import Request
from twisted.internet import defer

from crawler.safety.ssrfguard import PrivateTargetRefused, SSRFGuardMiddleware, policy_from_settings
from fraudwatch.netpolicy import TargetPolicy, is_public


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
    "224.0.0.1", "240.0.0.1", "100.64.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1",
    "2002:7f00:1::", "2002:a00:1::5", "2002:a9fe:a9fe::", "64:ff9b::7f00:1",
])
def test_non_public_addresses(address):
    assert not is_public(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "185.22.64.1", "2a00:1450:4001::1",
                                     "2002:808:808::1"])
def test_public_addresses(address):
    assert is_public(address)


def run(coro):
    return asyncio.run(coro)


def middleware(answers: dict[str, str], policy: TargetPolicy | None = None) -> SSRFGuardMiddleware:
    return SSRFGuardMiddleware(lambda host: defer.succeed(answers[host]), policy or TargetPolicy())


def test_refuses_a_name_resolving_to_loopback():
    guard = middleware({"farm.kz": "127.0.0.1"})
    with pytest.raises(PrivateTargetRefused, match="farm.kz resolves to non-public 127.0.0.1"):
        run(guard.process_request(Request("http://farm.kz:8080/")))


def test_refuses_ip_literals_without_resolving():
    guard = middleware({})
    with pytest.raises(PrivateTargetRefused):
        run(guard.process_request(Request("http://169.254.169.254/latest/meta-data/")))


def test_lets_public_targets_through():
    guard = middleware({"casino.kz": "185.22.64.1"})
    assert run(guard.process_request(Request("https://casino.kz/"))) is None


def test_an_allowed_private_host_passes_and_every_other_private_target_stays_refused():
    policy = TargetPolicy(allow_hosts=frozenset({"attacker-casino.kz"}))
    guard = middleware({"attacker-casino.kz": "127.0.0.2", "intranet.corp": "10.0.0.5"}, policy)
    assert run(guard.process_request(Request("http://ATTACKER-casino.kz:8080/"))) is None
    for url in ("http://intranet.corp/", "http://127.0.0.1:6379/", "http://[::1]/"):
        with pytest.raises(PrivateTargetRefused):
            run(guard.process_request(Request(url)))


def test_allowed_hosts_come_from_the_option_and_the_config(monkeypatch):
    from scrapy.settings import Settings

    settings = Settings({"FRAUDWATCH_ALLOW_PRIVATE_HOSTS": ["Казино.қаз", "farm.kz."]})
    policy = policy_from_settings(settings)
    assert policy.guarded
    assert policy.refusal("xn--80aodfsg.xn--80ao21a", "127.0.0.1") is None
    assert policy.refusal("farm.kz", "127.0.0.1") is None
    assert "non-public" in policy.refusal("other.kz", "127.0.0.1")
