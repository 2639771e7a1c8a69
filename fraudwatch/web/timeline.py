"""The search page's timeline: its results per day, week or month of first and last seen.

The store counts results per UTC day (SearchResult.timeline); this module picks the unit
that keeps the span within MAX_BARS bars, fills the empty ones, and lays the bars out for the
template's inline SVG. Each bar knows its first and last day, so a last-seen bar can link to
the same search narrowed to its days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from fraudwatch.i18n import N_, _
from fraudwatch.web.charts import HEIGHT, WIDTH, Rect
from fraudwatch.weeks import monday

MAX_BARS = 62
UNITS = ("day", "week", "month")
LABELS = 6  # dates written under the bars, at most
LABEL_WIDTH = 45  # room a date needs to the right of its bar
FILL = {"first_seen": "#2e86c1", "last_seen": "#5d6d7e"}
CAPTIONS = {
    ("first_seen", "day"): N_("First seen, per day"),
    ("first_seen", "week"): N_("First seen, per week"),
    ("first_seen", "month"): N_("First seen, per month"),
    ("last_seen", "day"): N_("Last seen, per day (a bar shows that day's results)"),
    ("last_seen", "week"): N_("Last seen, per week (a bar shows its week's results)"),
    ("last_seen", "month"): N_("Last seen, per month (a bar shows its month's results)"),
}


@dataclass
class Bar(Rect):
    start: str  # ISO date of the bar's first day
    end: str  # and of its last


@dataclass
class Timeline:
    field: str
    unit: str
    bars: list[Bar]
    labels: list[tuple[float, str]]  # (x, ISO date)
    peak: int
    fill: str
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def caption(self) -> str:
        return _(CAPTIONS[self.field, self.unit])

    @property
    def links(self) -> bool:
        """Whether a bar links to its days (the search's date range is of last seen)."""
        return self.field == "last_seen"


def _start(day: date, unit: str) -> date:
    if unit == "week":
        return monday(day)
    return day.replace(day=1) if unit == "month" else day


def _next(start: date, unit: str) -> date:
    if unit == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=7 if unit == "week" else 1)


def _buckets(first: date, last: date, unit: str) -> list[tuple[date, date]]:
    """(first day, last day) of each unit from `first`'s to `last`'s."""
    spans, start = [], _start(first, unit)
    while start <= last:
        after = _next(start, unit)
        spans.append((start, after - timedelta(days=1)))
        start = after
    return spans


def timeline(field: str, days: dict[str, int]) -> Timeline | None:
    """Bars of `days` ({ISO day: results}) in the finest unit that fits; None when empty."""
    counted = {date.fromisoformat(d): n for d, n in days.items() if n}
    if not counted:
        return None
    first, last = min(counted), max(counted)
    unit = next((u for u in UNITS if len(_buckets(first, last, u)) <= MAX_BARS), "month")
    spans = _buckets(first, last, unit)
    totals = [sum(n for d, n in counted.items() if a <= d <= b) for a, b in spans]
    peak = max(totals)
    step = WIDTH / len(spans)
    bars = [Bar(x=i * step + 1, y=HEIGHT - HEIGHT * n / peak, width=max(step - 2, 1),
                height=HEIGHT * n / peak, count=n, start=a.isoformat(), end=b.isoformat())
            for i, ((a, b), n) in enumerate(zip(spans, totals, strict=True)) if n]
    every = -(-len(spans) // LABELS)
    labels = [(i * step + 1, a.isoformat()) for i, (a, _) in enumerate(spans)
              if i % every == 0 and i * step < WIDTH - LABEL_WIDTH]
    return Timeline(field, unit, bars, labels, peak, FILL[field])
