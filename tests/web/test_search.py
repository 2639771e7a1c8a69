"""The search page and /api/search: query language, facets, dates, paging, escaping."""

from __future__ import annotations

import pytest


@pytest.fixture
def viewer(as_role):
    return as_role("viewer")


def test_search_lists_hits_with_facet_counts(viewer):
    page = viewer.get("/search").text
    assert "<strong>3</strong> pages" in page
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
    assert "<strong>1</strong> page" in page and "tez-nesie.kz" in page
    page = viewer.get("/search", params={"size": "1", "sort": "-last_seen"}).text
    assert "page 1 of 3" in page and "page=2" in page


def test_bad_query_is_a_400_with_a_message(viewer):
    resp = viewer.get("/search", params={"q": 'unbalanced "quote'})
    assert resp.status_code == 400 and "unbalanced quotes" in resp.text
    assert viewer.get("/search", params={"since": "yesterday"}).status_code == 400
    brackets = viewer.get("/search", params={"q": "bad ((("})
    assert brackets.status_code == 400 and "no brackets or operators" in brackets.text


def test_site_text_is_escaped_and_links_are_safe(viewer, xss):
    page = viewer.get("/search", params={"q": "returns"}).text
    assert xss not in page
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in page
    assert 'rel="noopener noreferrer nofollow"' in page


def test_api_search_matches_the_page(viewer):
    body = viewer.get("/api/search", params={"q": "category:loan"}).json()
    assert body["total"] == 1 and body["hits"][0]["domain"] == "tez-nesie.kz"
    assert body["facets"]["category"] == {"loan": 1}
    assert viewer.get("/api/search", params={"page": 600, "size": 20}).status_code == 400


def test_security_headers(viewer):
    headers = viewer.get("/search").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
