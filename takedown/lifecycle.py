"""Each listed site's path from detection to block, read from the audit log, and its numbers.

Stages come from the site (first seen), the letter register (first letter listing the site)
and the audit log: confirm, letter_sent, blocked (by `letters mark --status blocked` or
re-verification), appeal, delist.
`summary()` is what a dashboard shows: time-to-block per site, its median, overdue cases.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from fraudwatch.config import Config
from fraudwatch.store import Letter, Review, Site, Store
from fraudwatch.store.vocabulary import Action, ReviewState

# audit action -> case field, and whether the first or the last such entry counts
STAGES = {Action.CONFIRM: ("confirmed", min), Action.LETTER_SENT: ("sent", min),
          Action.BLOCKED: ("blocked", min), Action.APPEAL: ("appealed", max),
          Action.DELIST: ("delisted", max)}
TRACKED_STATES = (ReviewState.CONFIRMED, ReviewState.DELISTED)


def _time(value: str) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _days(start: datetime | None, end: datetime | None) -> float | None:
    return (end - start) / timedelta(days=1) if start and end else None


@dataclass
class Case:
    """One site's takedown case: when each stage was reached (None: not yet)."""

    site_id: str
    domain: str
    detected: datetime | None = None
    confirmed: datetime | None = None
    letter: datetime | None = None
    sent: datetime | None = None
    blocked: datetime | None = None
    appealed: datetime | None = None
    delisted: datetime | None = None
    events: list[dict] = field(default_factory=list)

    @property
    def stage(self) -> str:
        """The latest stage reached: detected, confirmed, letter, sent, blocked or delisted."""
        order = ("delisted", "blocked", "sent", "letter", "confirmed")
        return next((name for name in order if getattr(self, name)), "detected")

    @property
    def days_to_block(self) -> float | None:
        """Days from the supervisor's confirmation to the block."""
        return _days(self.confirmed, self.blocked)

    @property
    def days_detect_to_block(self) -> float | None:
        return _days(self.detected, self.blocked)

    def overdue(self, now: datetime, limit_days: int) -> bool:
        """Letter sent more than `limit_days` ago, site neither blocked nor delisted."""
        return bool(self.sent and not self.blocked and not self.delisted
                    and _days(self.sent, now) > limit_days)


def case_of(site: Site, reviews: list[Review], letters: list[Letter]) -> Case:
    """The case of `site` from its audit entries and the letters that listed it."""
    case = Case(site_id=site.id, domain=site.domain, detected=_time(site.first_seen),
                letter=min((_time(lt.created_at) for lt in letters), default=None))
    for action, (name, pick) in STAGES.items():
        times = [_time(r.at) for r in reviews if r.action == action]
        if times:
            setattr(case, name, pick(times))
    case.events = [{"at": r.at, "action": r.action, "user": r.user, "comment": r.comment}
                   for r in reviews]
    return case


def cases(store: Store) -> list[Case]:
    """Cases of every confirmed or delisted site, by domain."""
    sites = [s for state in TRACKED_STATES for s in store.iter_sites(review_state=state)]
    letters: dict[str, list[Letter]] = {}
    for letter in store.iter_letters():
        for site_id in letter.site_ids:
            letters.setdefault(site_id, []).append(letter)
    return [case_of(s, store.reviews_for(s.id), letters.get(s.id, []))
            for s in sorted(sites, key=lambda s: s.domain)]


def _median(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


# The stages a case passes, in order, with the Case field that says it got there.
FUNNEL = (("confirmed", "confirmed"), ("letter sent", "sent"), ("blocked", "blocked"))


def funnel(all_cases: list[Case]) -> dict[str, int]:
    """How many cases reached each stage of FUNNEL (whatever came after)."""
    return {stage: sum(getattr(c, name) is not None for c in all_cases)
            for stage, name in FUNNEL}


def summary(store: Store, config: Config, now: datetime | None = None) -> dict:
    """The cases, counts per stage (the latest stage of each, and how many reached each),
    median days to block, and the overdue cases. The one owner of these figures: the CLI's
    `letters cases` and the web dashboard both show them."""
    now = now or datetime.now(UTC)
    all_cases = cases(store)
    stages: dict[str, int] = {}
    for case in all_cases:
        stages[case.stage] = stages.get(case.stage, 0) + 1
    return {
        "cases": len(all_cases), "cases_list": all_cases, "stages": stages,
        "funnel": funnel(all_cases), "overdue_days": config.letters.overdue_days,
        "median_days_to_block": _median([c.days_to_block for c in all_cases]),
        "median_days_detect_to_block": _median([c.days_detect_to_block for c in all_cases]),
        "overdue": [c for c in all_cases if c.overdue(now, config.letters.overdue_days)],
    }
