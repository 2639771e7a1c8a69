"""The dashboard: pipeline counts, charts, time to block, overdue cases."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from fraudwatch import i18n
from fraudwatch.store import Page, Review
from fraudwatch.web.charts import stacked_bars
from fraudwatch.web.pipeline import dashboard, week_of
from fraudwatch.words import word
from takedown.lifecycle import summary


def test_dashboard_page_renders_svg_charts(as_role):
    page = as_role("viewer").get("/").text
    assert "<svg" in page and "Case pipeline" in page and "letter sent" in page


def test_the_dashboard_and_letters_cases_agree_on_the_same_store(sample_store, web_config, as_role):
    """One owner for the case lifecycle (takedown.lifecycle): the dashboard's funnel, median
    time to block and overdue list are those `fraudwatch letters cases` prints (its summary)."""
    altyn = sample_store.get_site_by_domain("altyn-bonus.kz")
    tez = sample_store.get_site_by_domain("tez-nesie.kz")
    for site in (altyn, tez):
        sample_store.add_review(Review(site.id, "boss", "confirm", at="2026-11-01T00:00:00+00:00"))
        sample_store.add_review(Review(site.id, "clerk", "letter_sent",
                                 at="2026-11-02T00:00:00+00:00"))
    sample_store.add_review(Review(altyn.id, "fraudwatch", "blocked",
                                   at="2026-11-05T00:00:00+00:00"))
    altyn.review_state = tez.review_state = "confirmed"
    altyn.status = "live"  # the store's status alone never counts as a block
    sample_store.put_sites([altyn, tez])
    sample_store.refresh()
    today = date(2026, 11, 30)

    figures = dashboard(sample_store, web_config, today=today)
    cases = summary(sample_store, web_config, datetime(2026, 11, 30, tzinfo=UTC))
    assert figures.stages == {"detected": 3, "confirmed": 2, "letter sent": 2, "blocked": 1,
                              "reappeared": 0}
    assert figures.median_days_to_block == cases["median_days_to_block"] == 4.0
    assert [c.domain for c in figures.overdue] == [c.domain for c in cases["overdue"]] \
        == ["tez-nesie.kz"]
    assert sum(figures.by_category[week_of("2026-11-03")].values()) == 3
    page = as_role("viewer").get("/").text
    overdue = page.split('class="overdue"', 1)[1]
    assert "tez-nesie.kz" in overdue and "Nov 2, 2026" in overdue and "altyn" not in overdue


def test_stacked_bars_scale_to_the_busiest_week():
    from collections import Counter

    chart = stacked_bars(["2026-11-02", "2026-11-09"],
                         {"2026-11-02": Counter(casino=2, loan=2)}, ("casino", "loan"))
    assert chart.peak == 4 and len(chart.bars) == 2
    assert chart.bars[0].height + chart.bars[1].height == chart.height


def test_dashboard_figures_link_to_the_searches_they_count(as_role):
    page = as_role("viewer").get("/").text
    assert 'href="/search?category=casino"' in page and 'href="/search?verdict=illegal"' in page
    assert 'href="/search?review_state=confirmed"' in page
    assert 'class="value"' in page  # bars say their values


def _decide(store, rejects: int, confirms: int) -> str:
    """Record decisions in the latest complete week (the week before this one) on the sample
    sites the model flagged; return that week's Monday."""
    today = datetime.now(UTC).date()
    monday = today - timedelta(days=today.weekday() + 7)
    sites = list(store.iter_sites())
    for i, action in enumerate(["reject"] * rejects + ["confirm"] * confirms):
        store.add_review(Review(sites[i % len(sites)].id, "boss", action, "why",
                                at=f"{monday + timedelta(days=1)}T09:00:{i:02d}+00:00"))
    store.refresh()
    return monday.isoformat()


def _alert(page: str) -> str:
    return page.split('<p class="drift-alert" role="alert">', 1)[1].split("</p>", 1)[0] \
        if 'class="drift-alert"' in page else ""


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_the_dashboard_warns_when_reviewers_disagree_with_the_model_too_often(lang, sample_store,
                                                                             as_role):
    monday = _decide(sample_store, rejects=3, confirms=2)  # 3 of 5 decisions disagree: 60% > 20%
    alert = _alert(as_role("viewer").get(f"/?hl={lang}").text)
    assert i18n.format_percent(0.6, lang) in alert and i18n.format_percent(0.2, lang) in alert
    assert i18n.format_day(monday, lang=lang) in alert and "5" in alert
    assert ("Reviewers disagreed with the model" in alert) == (lang == "en")
    assert lang == "en" or re.search("[а-яә]", alert)


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_the_dashboard_names_the_categories_and_languages_that_drift(lang, sample_store, as_role):
    _decide(sample_store, rejects=15, confirms=0)  # 5 rejections of each flagged sample site
    page = as_role("viewer").get(f"/?hl={lang}").text
    for attribute in ('data-category="casino"', 'data-category="loan"',
                      'data-category="pyramid"', 'data-language="kk"', 'data-language="en"'):
        line = page.split(attribute, 1)[1].split("</p>", 1)[0]
        assert i18n.format_percent(1.0, lang) in line and "5" in line
        assert ("reviewers disagreed" in line) == (lang == "en")
    assert lang == "en" or "Category" not in page.split('class="drift"', 1)[1]


@pytest.mark.parametrize(("rejects", "confirms"), [(1, 4), (4, 0)])
def test_no_warning_at_the_alert_level_or_with_too_few_decisions(rejects, confirms, sample_store,
                                                                 as_role):
    monday = _decide(sample_store, rejects, confirms)  # 20% is not above 20%; 4 is fewer than 5
    for lang in ("en", "kk", "ru"):
        page = as_role("viewer").get(f"/?hl={lang}").text
        assert _alert(page) == "" and 'class="drift-weeks"' in page
    assert f'<tr data-week="{monday}"><td>' in page


def test_the_dashboard_shows_the_weeks_and_the_thin_language_share(sample_store, as_role):
    _decide(sample_store, rejects=1, confirms=1)
    now = datetime.now(UTC).isoformat()
    sample_store.put_pages([Page(url=f"http://altyn-bonus.kz/{lang}", domain="altyn-bonus.kz",
                           lang=lang, last_seen=now) for lang in ("ru", "de")])
    sample_store.refresh()
    page = as_role("viewer").get("/?hl=ru").text
    table = page.split('<table class="drift-weeks">', 1)[1].split("</table>", 1)[0]
    rows = table.split("<tr data-week=")[1:]
    assert len(rows) == 12 and "(неделя не окончена)" in rows[0]  # newest first
    assert "(неделя не окончена)" not in "".join(rows[1:])
    assert "<td>2</td><td>1</td><td>50\xa0%</td>" in rows[1]  # one of two disagreed
    with i18n.speaking("ru"):
        german = word("de", "language")
    thin = page.split('<p class="thin-languages">', 1)[1].split("</p>", 1)[0]
    assert "50\xa0%" in thin and f"{german} (1)" in thin
