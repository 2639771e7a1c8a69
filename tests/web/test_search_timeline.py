"""The search page's timeline of first and last seen: units, empty bars, links, words."""

from __future__ import annotations

import re
from html import unescape

import pytest

from fraudwatch.web.timeline import MAX_BARS, timeline

BAR_LINK = re.compile(r'<a href="(/search\?[^"]+)" aria-label="([^"]+)"><rect')


def test_the_unit_is_the_finest_that_keeps_the_span_in_view():
    days = timeline("last_seen", {"2026-11-03": 2, "2026-11-05": 1})
    assert days.unit == "day" and [(b.start, b.count) for b in days.bars] == [
        ("2026-11-03", 2), ("2026-11-05", 1)]
    assert days.bars[1].x > days.bars[0].x + days.bars[0].width  # the empty day keeps its place
    weeks = timeline("last_seen", {"2026-09-01": 1, "2026-09-03": 1, "2026-11-30": 4})
    assert weeks.unit == "week"
    assert [(b.start, b.end, b.count) for b in weeks.bars] == [
        ("2026-08-31", "2026-09-06", 2), ("2026-11-30", "2026-12-06", 4)]
    months = timeline("first_seen", {"2024-01-31": 1, "2026-02-01": 3})
    assert months.unit == "month" and len(months.labels) <= 6
    assert [(b.start, b.end) for b in months.bars] == [
        ("2024-01-01", "2024-01-31"), ("2026-02-01", "2026-02-28")]
    assert months.bars[1].height == months.height  # the busiest bar is full height
    assert timeline("first_seen", {}) is None


def test_a_long_span_of_days_never_gives_more_bars_than_fit():
    spread = {f"2026-{m:02d}-{d:02d}": 1 for m in range(1, 13) for d in (1, 15)}
    assert len(timeline("last_seen", spread).bars) <= MAX_BARS


@pytest.fixture
def viewer(as_role):
    return as_role("viewer")


def test_a_last_seen_bar_narrows_the_search_to_its_days(viewer):
    page = viewer.get("/search", params={"hl": "ru", "category": "casino"}).text
    shown = re.search(r'<section class="timeline">.*?</section>', page, re.S).group(0)
    assert "Впервые замечены, по дням" in shown and "Последний раз замечены" in shown
    links = [(unescape(href), label) for href, label in BAR_LINK.findall(shown)]
    assert [href for href, _ in links] == [
        "/search?category=casino&since=2026-11-03&until=2026-11-03"]
    assert links[0][1].startswith("1 сайт, 3 нояб.")
    narrowed = viewer.get(links[0][0]).text
    assert "altyn-bonus.kz" in narrowed and "<strong>1</strong>" in narrowed


def test_every_page_gets_its_own_day_in_kazakh(viewer):
    page = viewer.get("/search", params={"hl": "kk", "group": "page"}).text
    labels = [label for _, label in BAR_LINK.findall(page)]
    assert len(labels) == 3 and all(label.startswith("1 бет, ") for label in labels)
    assert "Алғаш байқалған, күн бойынша" in page
