"""The weeks the dashboard counts by: ISO weeks, each named by its Monday (an ISO date)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


def moment(stamp: str) -> datetime | None:
    """A stored time (ISO text; UTC when it names no zone), or None if it is not one."""
    try:
        when = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def monday(day: date) -> date:
    """The Monday of the week `day` falls in: the day that names its week."""
    return day - timedelta(days=day.weekday())


def week_of(stamp: str) -> str:
    """The Monday (ISO date) of the week `stamp` falls in, or "" if it is not a date."""
    when = moment(stamp)
    return monday(when.date()).isoformat() if when else ""


def last_weeks(today: date, count: int) -> list[str]:
    """The Mondays of the `count` weeks up to `today`'s, oldest first (the last one is the
    week under way)."""
    return [(monday(today) - timedelta(weeks=i)).isoformat() for i in reversed(range(count))]
