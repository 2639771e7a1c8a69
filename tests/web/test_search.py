"""The search page and /api/search: query language, facets, dates, paging, escaping."""

from __future__ import annotations

import pytest

from fraudwatch.store import SearchQuery, es_counts
from fraudwatch.store.elastic import ElasticStore
from tests.calls import recorded
from tests.web.support import XSS


@pytest.fixture
def viewer(as_role):
    return as_role("viewer")


def test_search_lists_hits_with_facet_counts(viewer):
    page = viewer.get("/search").text
    assert "<strong>3</strong> sites" in page
    assert 'href="/search?category=casino"' in page
    assert 'data-facet="verdict"' in page


def test_query_language_and_facet_filter(viewer):
    page = viewer.get("/search", params={"q": "депозит", "category": "casino"}).text
    assert "altyn-bonus.kz" in page and "tez-nesie.kz" not in page
    assert "<mark>" in page
    page = viewer.get("/search", params={"q": "sign:loan.no_refusal"}).text
    assert "tez-nesie.kz" in page and "altyn-bonus.kz" not in page


def test_ticked_facet_links_back_to_the_unfiltered_search(viewer):
    page = viewer.get("/search", params={"verdict": "suspicious"}).text
    assert 'class="on"' in page and 'href="/search?"' in page


def test_date_range_and_paging(viewer):
    page = viewer.get("/search", params={"since": "2026-11-04", "until": "2026-11-04"}).text
    assert "<strong>1</strong> site" in page and "tez-nesie.kz" in page
    page = viewer.get("/search", params={"size": "1", "sort": "-last_seen"}).text
    assert "page 1 of 3" in page and "page=2" in page


def test_bad_query_is_a_400_with_a_message(viewer):
    resp = viewer.get("/search", params={"q": 'unbalanced "quote'})
    assert resp.status_code == 400 and "unbalanced quotes" in resp.text
    assert viewer.get("/search", params={"since": "yesterday"}).status_code == 400
    brackets = viewer.get("/search", params={"q": "bad ((("})
    assert brackets.status_code == 400 and "no brackets or operators" in brackets.text


def test_site_text_is_escaped_and_links_are_safe(viewer):
    page = viewer.get("/search", params={"q": "returns"}).text
    assert XSS not in page
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in page
    assert 'rel="noopener noreferrer nofollow"' in page


def test_api_search_matches_the_page(viewer):
    body = viewer.get("/api/search", params={"q": "category:loan"}).json()
    assert body["total"] == 1 and body["hits"][0]["domain"] == "tez-nesie.kz"
    assert body["facets"]["category"] == {"loan": 1, "casino": 1, "pyramid": 1}  # disjunctive
    assert viewer.get("/api/search", params={"page": 600, "size": 20}).status_code == 400


def test_api_hits_are_the_stores_hits_as_documented(viewer):
    hit = viewer.get("/api/search", params={"q": "category:loan"}).json()["hits"][0]
    documented = viewer.get("/openapi.json").json()["components"]["schemas"]["Hit"]
    assert set(hit) == set(documented["properties"])
    assert "<mark>" in documented["properties"]["snippet"]["description"]


def test_security_headers(viewer):
    headers = viewer.get("/search").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"


def test_results_come_by_site_with_its_verdict_and_review_state(viewer, sample_store):
    from fraudwatch.review import review_site
    from fraudwatch.store import Page

    about = Page(url="http://altyn-bonus.kz/about", domain="altyn-bonus.kz", tld="kz",
                 title="About us", text="Бонус на депозит для новых игроков", lang="ru",
                 category="legit", verdict="clean", score=0.01,
                 last_seen="2026-11-06T10:00:00+00:00")
    sample_store.put_pages([about])
    review_site(sample_store, "altyn-bonus.kz", "boss", "confirm")
    sample_store.refresh()
    page = viewer.get("/search", params={"q": "депозит"}).text
    rows = page.split('<table class="hits">', 1)[1].split("</table>", 1)[0].split("<tr>")[2:]
    assert len(rows) == 1 and "altyn-bonus.kz" in rows[0]  # the site once, not per page
    assert '<span class="verdict illegal">illegal</span>' in rows[0]  # the site's verdict
    assert 'data-state="confirmed"' in rows[0] and "2 matching pages on this site" in rows[0]
    assert "<strong>1</strong> site" in page
    pages = viewer.get("/search", params={"q": "депозит", "group": "page"}).text
    assert "<strong>2</strong> pages" in pages and "http://altyn-bonus.kz/about" in pages


def test_a_ticked_facet_still_offers_its_other_values(viewer):
    page = viewer.get("/search", params={"category": "casino"}).text
    facet = page.split('data-facet="category"', 1)[1].split("</section>", 1)[0]
    assert 'class="on"' in facet and 'category=casino&amp;category=loan' in facet
    both = viewer.get("/search", params=[("category", "casino"), ("category", "loan")]).text
    assert "<strong>2</strong> sites" in both


def test_the_search_downloads_as_csv_with_sign_names(viewer):
    import csv
    import io

    resp = viewer.get("/search.csv", params={"q": "депозит", "category": "casino"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    assert resp.text.startswith("\ufeff")  # spreadsheets read the Cyrillic right
    rows = list(csv.DictReader(io.StringIO(resp.text.lstrip("\ufeff"))))
    assert [r["domain"] for r in rows] == ["altyn-bonus.kz"]
    assert "Free spins" in rows[0]["signs"] and "casino.free_spins" in rows[0]["sign_ids"]
    everything = list(csv.DictReader(io.StringIO(viewer.get("/search.csv").text.lstrip("\ufeff"))))
    assert len(everything) == 3
    assert viewer.get("/search.csv", params={"since": "yesterday"}).status_code == 400
    page = viewer.get("/search", params={"category": "casino"}).text
    assert 'href="/search.csv?category=casino"' in page


def test_the_csv_export_reads_each_result_page_of_sites_at_once(viewer, sample_store,
                                                                monkeypatch):
    one_by_one = recorded(monkeypatch, type(sample_store), "get_site_by_domain")
    at_once = recorded(monkeypatch, type(sample_store), "get_sites")
    rows = viewer.get("/search.csv").text.strip().splitlines()
    assert len(rows) == 4  # the header and three sites, each with its site's own verdict
    assert (len(one_by_one), len(at_once)) == (0, 1)


def test_facet_counts_estimated_from_a_sample_of_sites_are_marked(viewer, sample_store,
                                                                    monkeypatch):
    # every count of the sites of more than one page is made on a sample (Elasticsearch)
    monkeypatch.setattr(es_counts, "EXACT_PAGES", 1)
    result = sample_store.search(SearchQuery(group="site"))
    assert bool(result.estimated) == isinstance(sample_store, ElasticStore)
    page = viewer.get("/search").text
    total = page.split('<p class="total">', 1)[1].split("</strong>", 1)[0]
    assert ("≈" in total) == result.total_estimated
    for name, values in ((n, v) for n, v in result.facets.items() if v):
        facet = page.split(f'data-facet="{name}"', 1)[1].split("</section>", 1)[0]
        assert facet.count("≈") == (len(values) if name in result.estimated else 0)
        assert ("estimated from a sample of the sites" in facet) == (name in result.estimated)
    api = viewer.get("/api/search", params={"group": "site"}).json()
    assert (api["facets"], api["estimated"]) == (result.facets, result.estimated)
