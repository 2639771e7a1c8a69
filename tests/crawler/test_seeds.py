"""Seed lists: URLs, bare domains, IDNs, comments and bad seeds."""

from __future__ import annotations

from crawler.frontier.seeds import parse_seeds


def test_urls_domains_idns_and_comments():
    urls, bad = parse_seeds([
        "# seeds from the hotline",
        "",
        "zolotaya-fishka.kz",
        "http://zolotaya-fishka.kz:8080/bonus  # reported twice",
        "мысал.қаз",
        "xn--80awbu3c.xn--80ao21a",  # the same IDN in punycode
        "HTTPS://WWW.Example.COM/Path?b=2",
        "203.0.113.7",
    ])
    assert urls == [
        "http://zolotaya-fishka.kz/",
        "http://zolotaya-fishka.kz:8080/bonus",
        "http://xn--80awbu3c.xn--80ao21a/",
        "https://www.example.com/Path?b=2",
        "http://203.0.113.7/",
    ]
    assert bad == []


def test_bad_seeds_are_reported_with_line_numbers_and_skipped():
    urls, bad = parse_seeds(["ftp://a.kz", "ok.kz", "not a domain", "a..kz", "foo.notatld",
                             "http://a.kz:99999/", "-bad-.kz"])
    assert urls == ["http://ok.kz/"]
    assert [b.line for b in bad] == [1, 3, 4, 5, 6, 7]
    assert "scheme" in bad[0].reason
    assert "public suffix" in bad[3].reason
    assert str(bad[1]).startswith("line 3: 'not a domain'")
