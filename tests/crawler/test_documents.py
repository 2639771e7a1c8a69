"""Captures, pages and the site aggregate (most severe page wins, reviews are kept)."""

from __future__ import annotations

from classifiers import Verdict
from crawler.ingest.documents import page_of
from crawler.items import Fetch
from fraudwatch.store.models import Capture, Site
from fraudwatch.store.siterollup import SiteRollup


def fetch(url: str, verdict: str | None, category: str = "casino", score: float = 0.5,
          error: str = "", depth: int = 1) -> Fetch:
    item = Fetch(Capture(url=url, domain="a.kz", fetched_at="2026-01-01T00:00:00.000+00:00",
                         final_url=url, text="x", title="A", error=error, ip="203.0.113.5",
                         html_sha256="ab" * 32),
                 html="<p>x</p>", final_domain="a.kz", depth=depth)
    if verdict:
        item.verdict = Verdict(category=category, verdict=verdict, score=score, lang="ru",
                               signs=[{"id": f"{category}.sign", "category": category,
                                       "weight": 1.0, "evidence": "x"}])
    return item


def seen(rollup: SiteRollup, *items: Fetch) -> SiteRollup:
    """`rollup` after the store pipeline counted `items`."""
    for item in items:
        rollup.add(item.capture, page_of(item), landing=item.depth == 0)
    return rollup


def test_capture_and_page_of_a_good_fetch():
    item = fetch("http://a.kz/bonus", "illegal")
    page = page_of(item)
    assert page.capture_id == item.capture.id and page.category == "casino"
    assert (page.domain, page.tld, page.ip, page.lang) == ("a.kz", "kz", "203.0.113.5", "ru")
    assert page.sign_ids == ["casino.sign"]


def test_failures_have_a_capture_but_no_page():
    item = fetch("http://a.kz/big", None, error="too_big: cancelled")
    assert item.capture.error == "too_big: cancelled"
    assert page_of(item) is None


def test_site_takes_its_most_severe_page_and_keeps_review_state():
    rollup = seen(SiteRollup("a.kz"), fetch("http://a.kz/", "clean", "legit", 0.9, depth=0),
                  fetch("http://a.kz/casino", "illegal", "casino", 0.7),
                  fetch("http://a.kz/loan", "suspicious", "loan", 0.99),
                  fetch("http://a.kz/slow", None, error="timeout: slow"))
    existing = Site(domain="a.kz", review_state="confirmed", letters=["L-1"])
    site = rollup.site([], existing)
    assert (site.category, site.verdict, site.score) == ("casino", "illegal", 0.7)
    assert site.review_state == "confirmed" and site.letters == ["L-1"]
    assert site.status == "live" and site.title == "A" and site.ip == "203.0.113.5"


def test_the_category_with_most_weight_at_the_worst_verdict_wins():
    rollup = seen(SiteRollup("a.kz"), fetch("http://a.kz/", "illegal", "casino", 0.99, depth=0),
                  fetch("http://a.kz/deposit", "illegal", "loan", 0.999),
                  fetch("http://a.kz/terms", "illegal", "casino", 0.95))
    site = rollup.site([], None)
    assert (site.category, site.verdict, site.score) == ("casino", "illegal", 0.99)


def test_a_site_that_never_answered_is_down():
    rollup = seen(SiteRollup("gone.kz"),
                  fetch("http://gone.kz/", None, error="dns: no such host", depth=0))
    assert rollup.site([], None).status == "down"


def test_a_rollup_read_back_from_the_spool_makes_the_same_site_from_the_stored_pages():
    items = [fetch("http://a.kz/", "clean", "legit", 0.9, depth=0),
             fetch("http://a.kz/casino", "illegal", "casino", 0.7),
             fetch("http://a.kz/slow", None, error="timeout: slow")]
    live = seen(SiteRollup("a.kz"), *items)
    stored = list(live.pages.values())
    spooled = SiteRollup.from_doc("a.kz", live.to_doc())
    assert spooled == live and spooled.pages == {}
    assert spooled.site(stored, None) == live.site([], None)
