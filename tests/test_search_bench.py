"""The search bench's generated pages are shaped like a crawl's: sites of 1 to 20 pages, about 7
on average, each page consistent with its site (bench/search_bench.py, row 5 of bench/run)."""

from __future__ import annotations

import importlib.util
from collections import Counter

import pytest

from tests.paths import ROOT


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("search_bench",
                                                  ROOT / "bench" / "search_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sites_have_up_to_the_crawl_budget_of_pages_about_seven_on_average(bench):
    pages, sites = bench.generate(20_000)
    per_site = Counter(page.domain for page in pages)
    assert len(pages) == 20_000 and len({page.url for page in pages}) == 20_000
    assert set(per_site) == {site.domain for site in sites} and len(sites) == len(per_site)
    assert max(per_site.values()) == bench.MAX_PAGES == 20 and min(per_site.values()) == 1
    assert 6 <= len(pages) / len(sites) <= 9


def test_a_sites_pages_agree_with_it(bench):
    pages, sites = bench.generate(5_000)
    by_domain = {site.domain: site for site in sites}
    for page in pages:
        site = by_domain[page.domain]
        assert (page.category, page.verdict, page.tld, page.status) == \
            (site.category, site.verdict, site.tld, site.status)
        assert set(page.sign_ids) <= set(site.signs)
        assert site.first_seen <= page.last_seen <= site.last_seen


def test_one_page_a_site_is_the_old_worst_case(bench):
    pages, sites = bench.generate(3_000, per_site=1)
    assert len(sites) == len(pages) == 3_000
    assert all(page.url == f"http://{page.domain}/" for page in pages)


def test_the_same_seed_gives_the_same_pages(bench):
    first, again = bench.generate(2_000)[0], bench.generate(2_000)[0]
    assert [(p.url, p.text, p.last_seen) for p in first] == \
        [(p.url, p.text, p.last_seen) for p in again]
