"""The catalogue covers what the crawler and classifier tests need, deterministically."""

from collections import Counter

from classifiers.verdict import CATEGORIES
from fraudwatch.farm import catalogue
from fraudwatch.farm.content import pages_for
from fraudwatch.farm.render import render_page
from fraudwatch.farm.sites import LANGS, manifest


def test_enough_normal_sites_in_every_category_and_language():
    normal = [s for s in catalogue(hostile=False) if s.category]
    assert len(normal) >= 24
    assert set(Counter(s.category for s in normal)) == set(CATEGORIES)
    assert {s.lang for s in normal} == set(LANGS)
    assert sum(s.hard_negative for s in normal) >= 6
    assert {s.variant for s in normal} == {"static", "js-only"}


def test_hostile_sites_only_when_asked():
    assert not any(s.hostile for s in catalogue(hostile=False))
    kinds = {s.hostile for s in catalogue(hostile=True)} - {None}
    assert kinds == {"gzip-bomb", "redirect-loop", "drip", "huge-page", "calendar-trap", "cp1251",
                     "koi8-r", "broken-html", "js-trap", "downloads", "server-error", "not-found"}


def test_hosts_are_unique_ascii_and_one_is_a_cyrillic_idn():
    sites = catalogue()
    hosts = [s.host for s in sites]
    assert len(set(hosts)) == len(hosts)
    assert all(h.isascii() for h in hosts)
    idn = [s for s in sites if not s.domain.isascii()]
    assert [s.host for s in idn] == ["xn----7sbb0afjmndg1cyg.xn--80ao21a"]


def test_every_site_with_content_has_several_linked_pages():
    for site in catalogue():
        if site.category and site.hostile is None:
            pages = pages_for(site)
            assert len(pages) >= 3, site.domain
            landing = render_page(site, "/", 8765)
            if site.variant == "static":
                assert all(f'href="{p.path}"' in landing for p in pages), site.domain
            assert all(render_page(site, p.path, 8765) for p in pages)


def test_rendering_is_deterministic():
    first, second = catalogue(), catalogue()
    assert first == second
    assert [render_page(s, "/", 1) for s in first] == [render_page(s, "/", 1) for s in second]


def test_manifest_lists_metadata_and_urls():
    entry = next(e for e in manifest(catalogue(), 8765) if e["domain"] == "zolotaya-fishka-777.com")
    assert entry["url"] == "http://zolotaya-fishka-777.com:8765/"
    assert entry["mirror_of"] == "zolotaya-fishka.kz"
    assert entry["category"] == "casino" and entry["seed"] is False
    assert entry["operator"]["wallet"].startswith("T")
