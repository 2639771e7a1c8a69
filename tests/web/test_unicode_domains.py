"""Cyrillic and Kazakh domains: accepted in either form everywhere a person names a site, and
shown in Unicode with the punycode beside it (issue 4/6)."""

from __future__ import annotations

import zipfile

from fraudwatch.review import review_site
from fraudwatch.store import Page, Site
from takedown.evidence import build_pack
from tests.web.support import csrf_of

UNICODE, ASCII = "казино-алтын.қаз", "xn----7sbb0afjmndg1cyg.xn--80ao21a"


def add_idn_site(store) -> None:
    page = Page(url=f"http://{ASCII}/", domain=ASCII, tld="xn--80ao21a", title="Алтын казино",
                text="Казино алтын: фриспины и бонус на депозит", lang="ru", category="casino",
                verdict="illegal", score=0.95, last_seen="2026-11-20T10:00:00+00:00")
    store.put_pages([page])
    store.put_sites([Site(domain=ASCII, tld="xn--80ao21a", title=page.title, category="casino",
                          verdict="illegal", score=0.95, last_seen=page.last_seen)])
    store.refresh()


def test_the_site_page_answers_to_both_forms_and_shows_both(sample_store, as_role):
    add_idn_site(sample_store)
    viewer = as_role("viewer")
    for name in (UNICODE, ASCII, UNICODE.upper()):
        page = viewer.get(f"/sites/{name}")
        assert page.status_code == 200, name
        assert f"{UNICODE} ({ASCII})" in page.text
    results = viewer.get("/search", params={"q": "фриспины"}).text
    assert f"{UNICODE} ({ASCII})" in results
    assert "қаз (xn--80ao21a)" in results  # the TLD facet


def test_review_and_evidence_take_the_unicode_name(sample_store, tmp_path):
    add_idn_site(sample_store)
    entry = review_site(sample_store, UNICODE, "boss", "confirm", "casino")
    assert entry.site_id == sample_store.get_site_by_domain(ASCII).id
    assert sample_store.get_site_by_domain(ASCII).review_state == "confirmed"
    pack = build_pack(sample_store, UNICODE, tmp_path / "var", tmp_path / "packs")
    assert ASCII in pack.name
    with zipfile.ZipFile(pack) as zf:
        assert ASCII in zf.read("site.json").decode()


def test_the_citizen_check_heading_reads_in_unicode(sample_store, client):
    add_idn_site(sample_store)
    body = client.post("/check", data={"url": f"http://{UNICODE}/", "lang": "ru",
                                       "csrf_token": csrf_of(client)}).text
    assert f"{UNICODE} ({ASCII})" in body
