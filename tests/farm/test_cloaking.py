"""The cloaking site: a flower shop for crawlers, a casino for victims' browsers."""

from __future__ import annotations

import http.client

import pytest

from crawler.render.profiles import PROFILES
from crawler.settings import USER_AGENT

CHROME = {"Upgrade-Insecure-Requests": "1"}  # sent by every Chrome navigation


@pytest.fixture(scope="module")
def cloaker(farm):
    sites = [site for site in farm.sites if site.cloaks]
    assert len(sites) == 1 and sites[0].category == "casino" and sites[0].lang == "ru"
    return sites[0]


def page(farm, site, headers: dict[str, str]) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", farm.base_port, timeout=10)
    try:
        conn.request("GET", "/", headers={"Host": site.host, **headers})
        return conn.getresponse().read().decode("utf-8")
    finally:
        conn.close()


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_victims_browsers_get_the_casino(farm, cloaker, profile):
    text = page(farm, cloaker, {"User-Agent": PROFILES[profile]["user_agent"], **CHROME})
    assert cloaker.operator.brand in text and "фриспин" in text and "зеркало" in text


@pytest.mark.parametrize("headers", [
    {"User-Agent": "Scrapy/2.11 (+https://scrapy.org)"},
    {"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1)", **CHROME},
    {"User-Agent": "python-requests/2.32"},
    {"User-Agent": USER_AGENT},  # a browser's user agent, without a browser's headers
    {},
])
def test_crawlers_get_a_flower_shop(farm, cloaker, headers):
    text = page(farm, cloaker, headers)
    assert cloaker.decoy.operator.brand in text and "букет" in text.casefold()
    assert "казино" not in text.casefold() and "фриспин" not in text
