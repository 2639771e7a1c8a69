"""The dashboard: pipeline counts, charts, time to block, overdue cases."""

from __future__ import annotations

from datetime import date

from fraudwatch.store import Review
from fraudwatch.web.charts import stacked_bars
from fraudwatch.web.pipeline import dashboard, week_of


def test_dashboard_page_renders_svg_charts(as_role):
    page = as_role("viewer").get("/").text
    assert "<svg" in page and "Case pipeline" in page and "letter sent" in page


def test_pipeline_time_to_block_and_overdue(filled):
    altyn = filled.get_site_by_domain("altyn-bonus.kz")
    tez = filled.get_site_by_domain("tez-nesie.kz")
    filled.add_review(Review(altyn.id, "boss", "confirm", at="2026-11-01T00:00:00+00:00"))
    filled.add_review(Review(tez.id, "boss", "confirm", at="2026-11-01T00:00:00+00:00"))
    altyn.review_state = tez.review_state = "confirmed"
    altyn.status, altyn.last_seen = "blocked", "2026-11-05T00:00:00+00:00"
    filled.put_sites([altyn, tez])
    filled.refresh()
    figures = dashboard(filled, today=date(2026, 11, 30))
    assert figures.stages == {"detected": 3, "confirmed": 2, "letter sent": 1, "blocked": 1,
                              "reappeared": 0}
    assert figures.median_days_to_block == 4.0
    assert [(o.domain, o.days) for o in figures.overdue] == [("tez-nesie.kz", 29)]
    assert sum(figures.by_category[week_of("2026-11-03")].values()) == 3


def test_stacked_bars_scale_to_the_busiest_week():
    from collections import Counter

    chart = stacked_bars(["2026-11-02", "2026-11-09"],
                         {"2026-11-02": Counter(casino=2, loan=2)}, ("casino", "loan"))
    assert chart.peak == 4 and len(chart.bars) == 2
    assert chart.bars[0].height + chart.bars[1].height == chart.height
