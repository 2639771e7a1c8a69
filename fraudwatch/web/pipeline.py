"""Dashboard figures: sites per week by category and verdict, and the takedown cases.

The case figures (how many reached each stage, the median time from confirmation to block,
the overdue cases) are takedown.lifecycle's, the same that `fraudwatch letters cases` prints:
a block is the audit log's `blocked` entry, a case is overdue `letters.overdue_days` after
its letter was sent.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from fraudwatch.config import Config
from fraudwatch.store import Store
from fraudwatch.weeks import last_weeks, week_of
from takedown.lifecycle import Case, summary

__all__ = ["WEEKS", "Dashboard", "dashboard", "week_of"]

WEEKS = 12


@dataclass
class Dashboard:
    stages: dict[str, int]
    weeks: list[str]
    by_category: dict[str, Counter]
    by_verdict: dict[str, Counter]
    median_days_to_block: float | None
    overdue: list[Case] = field(default_factory=list)
    overdue_days: int = 0
    sites: int = 0
    now: datetime | None = None


def dashboard(store: Store, config: Config, today: date | None = None) -> Dashboard:
    """Counts per week by category and verdict; the cases' funnel, time to block, overdue."""
    now = datetime.combine(today or datetime.now(UTC).date(), datetime.min.time(), UTC)
    weeks = last_weeks(now.date(), WEEKS)
    by_category: dict[str, Counter] = defaultdict(Counter)
    by_verdict: dict[str, Counter] = defaultdict(Counter)
    detected = reappeared = total = 0
    for site in store.iter_sites():
        total += 1
        week = week_of(site.first_seen)
        if week in weeks:
            by_category[week][site.category] += 1
            by_verdict[week][site.verdict] += 1
        detected += site.verdict in ("illegal", "suspicious")
        reappeared += bool(site.mirror_of)
    cases = summary(store, config, now)
    stages = {"detected": detected, **cases["funnel"], "reappeared": reappeared}
    overdue = sorted(cases["overdue"], key=lambda c: c.sent)
    median = cases["median_days_to_block"]
    return Dashboard(stages, weeks, by_category, by_verdict,
                     None if median is None else round(median, 1), overdue,
                     cases["overdue_days"], total, now)
