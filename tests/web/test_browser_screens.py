"""Every screen in a real Chromium, in Kazakh, Russian and English, at phone and desktop
width: the page is in the reader's language, nothing is wider than the screen, and no sign id
shows. Then the analyst's flow through them (search by site, a facet, the site page, a
confirmation, a saved search, the audit page) and the citizen's check of a confirmed, an
automatic and a cleared site, at phone width, in each language."""

from __future__ import annotations

import re

import pytest

from fraudwatch.review import review_site
from fraudwatch.store import Capture
from tests.web.support import PASSWORD, blank_png

pytestmark = pytest.mark.browser


@pytest.fixture
def store(sqlite_store):
    """The screens are the same on either store (the store contract and the server-side web
    tests run on both), so the browser walks them once, on SQLite."""
    return sqlite_store


@pytest.fixture(autouse=True)
def evidence(sample_store, web_config):
    """The casino's site page as a crawl leaves it: a desktop and a mobile render, each with
    a full-page screenshot, and the hosts the page contacted; the pyramid's with its landing
    page's screenshot alone."""
    shots = web_config.var_dir / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    captures = []
    for view, (width, height), digit in (("desktop", (1280, 2400), "c"),
                                         ("mobile", (390, 1600), "d")):
        shot = shots / f"{digit * 64}.png"
        shot.write_bytes(blank_png(width, height))
        captures.append(Capture(
            url="http://altyn-bonus.kz/", domain="altyn-bonus.kz", status=200, render=view,
            fetched_at=f"2026-11-04T10:00:0{len(captures)}+00:00", screenshot=str(shot),
            contacted=[{"host": "cdn.altyn-bonus-static.example", "ip": "203.0.113.20",
                        "requests": 9, "asn": "64501", "as_name": "EXAMPLE-CDN-LONG-NAME"}]))
    sample_store.put_captures(captures)
    casino, pyramid = (sample_store.get_site_by_domain(d)
                       for d in ("altyn-bonus.kz", "profit-daily.com"))
    casino.screenshot = pyramid.screenshot = str(shots / f"{'c' * 64}.png")
    sample_store.put_sites([casino, pyramid])
    sample_store.refresh()
LANGS = ("kk", "ru", "en")
WIDTHS = (390, 1280)
SCREENS = ("/", "/search", "/search?category=casino&category=loan", "/search?group=page",
           "/sites/altyn-bonus.kz", "/sites/profit-daily.com", "/audit", "/networks",
           "/networks/net-1", "/models", "/check")
SIGN_ID = re.compile(r"\b(casino|loan|pyramid)\.[a-z_]+\b")
# what each language's pages say, to tell them apart (the search page's "sites" count)
SITES_WORD = {"kk": "сайт", "ru": "сайт", "en": "sites"}
CHECK_SAYS = {  # (confirmed, automatic, cleared) in the citizen's language
    "kk": ("растады", "автоматты бағалау", "заңсыз деп танымады"),
    "ru": ("подтвердил", "автоматическая оценка", "не признали его незаконным"),
    "en": ("confirmed that this site operates illegally", "automatic assessment",
           "did not find it illegal"),
}


def _context(browser, width: int):
    return browser.new_context(viewport={"width": width, "height": 800})


def _log_in(page, base: str, lang: str, name: str = "supervisor") -> None:
    page.goto(f"{base}/login?hl={lang}")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.login button").click()
    page.wait_for_url(f"{base}/")


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_screen_is_in_the_readers_language_and_fits_the_screen(server, browser, lang,
                                                                     width):
    context = _context(browser, width)
    page = context.new_page()
    try:
        _log_in(page, server, lang)
        for screen in SCREENS:
            assert page.goto(server + screen).status == 200, screen
            assert page.locator("html").get_attribute("lang") == lang, screen
            _fits(page, width)
            shown = page.locator("body").inner_text()
            assert not SIGN_ID.search(shown), (screen, SIGN_ID.search(shown))
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_an_analyst_works_a_case_on_a_phone(server, browser, lang):
    context = _context(browser, 390)
    page = context.new_page()
    try:
        _log_in(page, server, lang)
        page.goto(f"{server}/search")
        rows = page.locator("table.hits tbody tr")
        assert rows.count() == 3 and SITES_WORD[lang] in page.locator("main").inner_text()
        # a ticked facet keeps its other values in view (disjunctive)
        page.locator("section[data-facet=category] a[href*='category=casino']").click()
        assert rows.count() == 1
        assert page.locator("section[data-facet=category] a[href*='category=loan']").count() == 1
        _fits(page, 390)
        # the search is saved under a name and listed
        page.fill("form.save-search input[name=name]", f"casino-{lang}")
        page.locator("form.save-search button").click()
        assert page.locator(".saved a", has_text=f"casino-{lang}").count() == 1
        # the site page, then a confirmation that the audit page lists
        page.goto(f"{server}/sites/altyn-bonus.kz")
        page.check("input[value=confirm]")
        page.fill("textarea[name=comment]", "no licence")
        page.locator("form.review button").click()
        assert page.locator("dd.review-state").get_attribute("data-state") == "confirmed"
        _fits(page, 390)
        page.goto(f"{server}/audit?action=confirm")
        entry = page.locator("table tbody tr", has=page.locator("td.action[data-action=confirm]"))
        assert entry.count() == 1 and "altyn-bonus.kz" in entry.inner_text()
        _fits(page, 390)
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_citizen_checks_confirmed_automatic_and_cleared_sites_on_a_phone(
        sample_store, server, browser, lang):
    review_site(sample_store, "tez-nesie.kz", "supervisor", "confirm")
    review_site(sample_store, "profit-daily.com", "supervisor", "reject", "a licensed fund")
    sample_store.refresh()
    context = _context(browser, 390)
    page = context.new_page()
    said = []
    try:
        for domain in ("tez-nesie.kz", "altyn-bonus.kz", "profit-daily.com"):
            page.goto(f"{server}/check?hl={lang}")
            page.locator("input[name=url]").fill(domain)
            page.locator("form.check button").click()
            result = page.locator("section.check-result")
            said.append((result.get_attribute("data-review"), result.inner_text(),
                         result.get_attribute("class")))
            assert page.locator("section.next-steps").is_visible()
            _fits(page, 390)
        assert [review for review, _, _ in said] == ["confirmed", "automatic", "cleared"]
        for (_, text, _), words in zip(said, CHECK_SAYS[lang], strict=True):
            assert words in text
        assert said[2][2].split() == ["check-result", "clean"]  # cleared: never dangerous
    finally:
        context.close()
