"""The dashboard: pipeline counts, charts, time to block, overdue cases."""

from __future__ import annotations

from datetime import UTC, date, datetime

from fraudwatch.store import Review
from fraudwatch.web.charts import stacked_bars
from fraudwatch.web.pipeline import dashboard, week_of
from takedown.lifecycle import summary


def test_dashboard_page_renders_svg_charts(as_role):
    page = as_role("viewer").get("/").text
    assert "<svg" in page and "Case pipeline" in page and "letter sent" in page


def test_the_dashboard_and_letters_cases_agree_on_the_same_store(filled, web_config, as_role):
    """One owner for the case lifecycle (takedown.lifecycle): the dashboard's funnel, median
    time to block and overdue list are those `fraudwatch letters cases` prints (its summary)."""
    altyn = filled.get_site_by_domain("altyn-bonus.kz")
    tez = filled.get_site_by_domain("tez-nesie.kz")
    for site in (altyn, tez):
        filled.add_review(Review(site.id, "boss", "confirm", at="2026-11-01T00:00:00+00:00"))
        filled.add_review(Review(site.id, "clerk", "letter_sent",
                                 at="2026-11-02T00:00:00+00:00"))
    filled.add_review(Review(altyn.id, "fraudwatch", "blocked", at="2026-11-05T00:00:00+00:00"))
    altyn.review_state = tez.review_state = "confirmed"
    altyn.status = "live"  # the store's status alone never counts as a block
    filled.put_sites([altyn, tez])
    filled.refresh()
    today = date(2026, 11, 30)

    figures = dashboard(filled, web_config, today=today)
    cases = summary(filled, web_config, datetime(2026, 11, 30, tzinfo=UTC))
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
