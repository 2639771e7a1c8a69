"""Routing by Host header, pages, links, robots.txt, favicon and the shared CDN."""

import re


def test_every_normal_site_is_served_under_its_own_host(farm, get):
    for site in farm.sites:
        if site.category and site.hostile is None:
            reply = get(site.host)
            assert reply.status == 200, site.domain
            shown = site.decoy if site.cloaks else site  # a plain client gets the decoy
            assert shown.operator.brand in reply.text, site.domain


def test_host_routing_ignores_port_and_case(farm, get):
    assert get("ZOLOTAYA-FISHKA.KZ").status == 200
    assert get("no-such-site.kz").status == 404


def test_subpages_are_served_and_unknown_paths_are_404(farm, get, by_domain):
    landing = get("bystro-zaim24.kz").text
    paths = set(re.findall(r'<a href="(/[a-z]+)"', landing))
    assert {"/apply", "/conditions", "/contacts"} <= paths
    for path in paths:
        assert get("bystro-zaim24.kz", path).status == 200
    assert get("bystro-zaim24.kz", "/nope").status == 404


def test_loan_form_asks_for_iin_and_cvv_but_licensed_lender_does_not(farm, get):
    scam = get("bystro-zaim24.kz", "/apply").text
    assert 'name="iin"' in scam and 'name="card_cvv"' in scam
    licensed = get("mfo-senim.kz", "/apply").text
    assert 'name="iin"' in licensed and 'name="card_cvv"' not in licensed
    assert "№ 02.23.0117.М" in get("mfo-senim.kz").text


def test_idn_site_is_served_under_punycode_and_linked_in_unicode(farm, get):
    assert get("xn----7sbb0afjmndg1cyg.xn--80ao21a").status == 200
    affiliate = get("top-kazino-obzor.com").text
    assert f'href="http://казино-алтын.қаз:{farm.base_port}/?ref=' in affiliate


def test_sites_link_to_other_farm_sites_that_are_not_seeds(farm, get, by_domain):
    affiliate = get("top-kazino-obzor.com").text
    linked = set(re.findall(r'href="http://([^:/"]+):\d+/', affiliate))
    not_seeded = {d for d, s in by_domain.items() if not s.seed and s.category}
    assert not_seeded <= linked
    assert all(by_domain[d].url(farm.base_port) not in farm.seeds() for d in not_seeded)


def test_seeds_and_hosts(farm, get):
    seeds = farm.seeds()
    assert all(url.startswith("http://") and url.endswith(f":{farm.base_port}/") for url in seeds)
    assert len(seeds) >= 30 and len(farm.hosts()) == len(farm.sites)


def test_robots_txt_one_site_disallows_everything(farm, get, by_domain):
    assert get("narodnyi-kapital.kz", "/robots.txt").text == "User-agent: *\nDisallow: /\n"
    assert "Disallow: /admin/" in get("zolotaya-fishka.kz", "/robots.txt").text


def test_favicon(farm, get):
    reply = get("zolotaya-fishka.kz", "/favicon.ico")
    assert reply.status == 200 and reply.headers["Content-Type"] == "image/x-icon"
    assert reply.body[:4] == b"\0\0\1\0" and b"PNG" in reply.body
    assert 'rel="icon"' in get("zolotaya-fishka.kz").text


def test_unrelated_sites_share_only_the_cdn_library(farm, get, by_domain):
    pages = {d: get(d).text for d in ("tez-nesie.kz", "tan-nany.kz")}
    src = f"http://static.dalacdn.com:{farm.base_port}/libs/jquery-3.7.1.min.js"
    assert all(f'<script src="{src}">' in page for page in pages.values())
    assert get("static.dalacdn.com", "/libs/jquery-3.7.1.min.js").status == 200
    loan, bakery = (by_domain[d].operator for d in pages)
    for field in ("telegram", "phone", "email", "metrica_id", "ga_id", "template"):
        assert getattr(loan, field) != getattr(bakery, field)
        assert getattr(bakery, field) not in pages["tez-nesie.kz"]
