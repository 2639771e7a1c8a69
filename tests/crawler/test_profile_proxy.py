"""Optional proxy per browser profile: it reaches that profile's Playwright context only."""

from __future__ import annotations

import click
import pytest

from crawler.render.policy import RenderPolicyMiddleware
from crawler.render.profiles import PROFILES, context_kwargs, proxy_settings
from fraudwatch.cli.crawl_cmd import _profile_proxies


def middleware(proxies=None) -> RenderPolicyMiddleware:
    return RenderPolicyMiddleware("auto", 200, 20, 10_000, proxies)


def test_no_proxy_by_default():
    meta = middleware()._playwright_meta("desktop", False)
    assert meta["playwright_context_kwargs"] == PROFILES["desktop"]
    assert "proxy" not in meta["playwright_context_kwargs"]


def test_a_configured_profile_renders_through_its_proxy_and_the_other_does_not():
    policy = middleware({"mobile": "http://user:p%40ss@proxy.kz:3128"})
    mobile = policy._playwright_meta("mobile", False)["playwright_context_kwargs"]
    assert mobile["proxy"] == {"server": "http://proxy.kz:3128", "username": "user",
                               "password": "p@ss"}
    assert mobile["user_agent"] == PROFILES["mobile"]["user_agent"]
    assert "proxy" not in policy._playwright_meta("desktop", False)["playwright_context_kwargs"]
    assert "proxy" not in PROFILES["mobile"]  # the shared profile is not modified


def test_proxy_urls():
    assert proxy_settings("socks5://10.0.0.1:1080") == {"server": "socks5://10.0.0.1:1080"}
    assert context_kwargs("desktop", {"desktop": "proxy.kz:8080"})["proxy"] == {
        "server": "http://proxy.kz:8080"}
    with pytest.raises(ValueError):
        proxy_settings("http://")


def test_unknown_profiles_are_refused():
    with pytest.raises(ValueError, match="tablet"):
        middleware({"tablet": "http://proxy.kz:3128"})
    with pytest.raises(click.BadParameter, match="tablet"):
        _profile_proxies(("tablet=http://proxy.kz:3128",))
    assert _profile_proxies(("mobile = http://proxy.kz:3128",)) == {
        "mobile": "http://proxy.kz:3128"}


def test_behind_the_browser_guard_only_http_profile_proxies_chain():
    with pytest.raises(click.BadParameter, match="only http:// proxies"):
        _profile_proxies(("mobile=socks5://10.0.0.1:1080",))
    assert _profile_proxies(("mobile=socks5://10.0.0.1:1080",), guarded=False) == {
        "mobile": "socks5://10.0.0.1:1080"}
    assert _profile_proxies(("mobile=http://u:p@proxy.kz:3128",)) == {
        "mobile": "http://u:p@proxy.kz:3128"}
