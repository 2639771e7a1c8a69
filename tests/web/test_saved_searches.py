"""Saved searches: named per person, listed beside the search box with the hits a crawl saw
since they were last opened, opened, replaced by name and deleted."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from fraudwatch.store import es_counts
from fraudwatch.store.elastic import ElasticStore
from tests.web.support import csrf_of, sample_page


def _save(client, name, query):
    return client.post("/searches", follow_redirects=False, data={
        "name": name, "query": query, "csrf_token": csrf_of(client, "/search")})


def _saved(page: str) -> str:
    return page.split('<section class="saved">', 1)[1].split("</section>", 1)[0]


def test_a_saved_search_is_listed_opened_and_counts_new_hits(as_role, sample_store):
    aigerim = as_role("analyst")
    resp = _save(aigerim, "kz casinos", "category=casino&tld=kz&page=3&hl=ru")
    assert resp.status_code == 303 and resp.headers["location"] == "/search?category=casino&tld=kz"
    listed = _saved(aigerim.get("/search").text)
    assert "kz casinos" in listed and 'class="new"' not in listed
    search_id = re.search(r'href="/searches/(\d+)"', listed).group(1)
    opened = aigerim.get(f"/searches/{search_id}", follow_redirects=False)
    assert opened.headers["location"] == "/search?category=casino&tld=kz"
    # a crawl sees a new casino page: the saved search says so until it is opened
    sample_store.put_pages([sample_page("new-casino.kz", "Slots", "Фриспины", "casino",
                                        "illegal", 0.9, [], datetime.now(UTC).isoformat())])
    sample_store.refresh()
    listed = _saved(aigerim.get("/search").text)
    assert '<span class="new"' in listed and "1 new" in listed
    aigerim.get(f"/searches/{search_id}")
    assert 'class="new"' not in _saved(aigerim.get("/search").text)


def test_saved_searches_are_each_persons_own(as_role):
    _save(as_role("analyst"), "mine", "verdict=illegal")
    other = as_role("supervisor")
    assert "mine" not in _saved(other.get("/search").text)
    listed = _saved(as_role("analyst").get("/search").text)
    search_id = re.search(r'href="/searches/(\d+)"', listed).group(1)
    assert other.get(f"/searches/{search_id}", follow_redirects=False).status_code == 404


def test_saving_under_a_name_replaces_and_delete_removes(as_role):
    boss = as_role("supervisor")
    _save(boss, "watch", "verdict=illegal")
    _save(boss, "watch", "verdict=suspicious")
    listed = _saved(boss.get("/search").text)
    assert listed.count('href="/searches/') == 1
    search_id = re.search(r'href="/searches/(\d+)"', listed).group(1)
    assert boss.get(f"/searches/{search_id}", follow_redirects=False).headers["location"] \
        == "/search?verdict=suspicious"
    boss.post(f"/searches/{search_id}/delete", data={"csrf_token": csrf_of(boss, "/search")})
    assert 'href="/searches/' not in _saved(boss.get("/search").text)
    assert _save(boss, "  ", "q=x").status_code == 400


def test_new_hits_estimated_from_a_sample_of_sites_are_marked(as_role, sample_store,
                                                               monkeypatch):
    aigerim = as_role("analyst")
    _save(aigerim, "all", "")
    sample_store.put_pages([sample_page(f"new-casino-{n}.kz", "Slots", "Фриспины", "casino",
                                        "illegal", 0.9, [], datetime.now(UTC).isoformat())
                            for n in range(2)])
    sample_store.refresh()
    assert "≈" not in _saved(aigerim.get("/search").text)
    # every count of the sites of more than one page is made on a sample (Elasticsearch)
    monkeypatch.setattr(es_counts, "EXACT_PAGES", 1)
    sampled = isinstance(sample_store, ElasticStore)
    assert ("≈" in _saved(aigerim.get("/search").text)) == sampled
