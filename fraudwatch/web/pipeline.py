"""Case pipeline figures for the dashboard, computed from sites, reviews and letters.

Best effort from what the store holds: a site counts as blocked when its status is
`blocked`, and its block time is its `last_seen` (the store keeps no status history).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from fraudwatch.store import Store

OVERDUE_DAYS = 14
WEEKS = 12
STAGES = ("detected", "confirmed", "letter sent", "blocked", "reappeared")


@dataclass
class Overdue:
    domain: str
    confirmed_at: str
    days: int


@dataclass
class Dashboard:
    stages: dict[str, int]
    weeks: list[str]
    by_category: dict[str, Counter]
    by_verdict: dict[str, Counter]
    median_days_to_block: float | None
    overdue: list[Overdue] = field(default_factory=list)
    sites: int = 0


def _when(stamp: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def week_of(stamp: str) -> str:
    """The Monday (ISO date) of the week `stamp` falls in, or "" if it is not a date."""
    moment = _when(stamp)
    return (moment.date() - timedelta(days=moment.weekday())).isoformat() if moment else ""


def first_confirmations(store: Store) -> dict[str, datetime]:
    """When each site was first confirmed, by site id."""
    confirmed: dict[str, datetime] = {}
    for entry in store.iter_reviews():
        moment = _when(entry.at)
        if entry.action == "confirm" and moment and entry.site_id not in confirmed:
            confirmed[entry.site_id] = moment
    return confirmed


def dashboard(store: Store, today: date | None = None) -> Dashboard:
    """Counts per week by category and verdict, the case pipeline, time to block, overdue."""
    now = datetime.combine(today or datetime.now(UTC).date(), datetime.min.time(), UTC)
    monday = now.date() - timedelta(days=now.weekday())
    weeks = [(monday - timedelta(weeks=i)).isoformat() for i in reversed(range(WEEKS))]
    by_category: dict[str, Counter] = defaultdict(Counter)
    by_verdict: dict[str, Counter] = defaultdict(Counter)
    confirmed = first_confirmations(store)
    lettered = {sid for x in store.iter_letters() if x.status != "draft" for sid in x.site_ids}
    stages = dict.fromkeys(STAGES, 0)
    block_days, overdue, total = [], [], 0
    for site in store.iter_sites():
        total += 1
        week = week_of(site.first_seen)
        if week in weeks:
            by_category[week][site.category] += 1
            by_verdict[week][site.verdict] += 1
        stages["detected"] += site.verdict in ("illegal", "suspicious")
        stages["confirmed"] += site.review_state == "confirmed"
        stages["letter sent"] += site.id in lettered or bool(site.letters)
        stages["blocked"] += site.status == "blocked"
        stages["reappeared"] += bool(site.mirror_of)
        confirmed_at = confirmed.get(site.id)
        if confirmed_at is None or site.review_state != "confirmed":
            continue
        blocked_at = _when(site.last_seen)
        if site.status == "blocked" and blocked_at and blocked_at >= confirmed_at:
            block_days.append((blocked_at - confirmed_at).total_seconds() / 86400)
        elif site.status != "blocked" and (now - confirmed_at).days > OVERDUE_DAYS:
            overdue.append(Overdue(site.domain, confirmed_at.isoformat(),
                                   (now - confirmed_at).days))
    overdue.sort(key=lambda o: -o.days)
    median = round(statistics.median(block_days), 1) if block_days else None
    return Dashboard(stages, weeks, by_category, by_verdict, median, overdue, total)
