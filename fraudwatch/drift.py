"""Drift: how often the regulator's reviewers disagree with the model, week by week, and how
much of what the crawler reads is in languages the team corpus covers thinly.

- A decision is a confirm, reject or delist entry of the audit log. It disagrees with the
  model when it rejects or delists a site the model flagged (verdict illegal or suspicious),
  or confirms a site the model did not flag (clean, or licensed). The model's word on a site
  is the site's verdict and category as stored now; the site's language is the most common
  language of its pages.
- A language is thin when the team corpus (classifiers.corpus) has fewer than
  `drift.thin_language_pages` pages in it; a script variant counts for its language (the
  corpus's kk_latin pages are Kazakh, as the page language detector calls them). The share
  is over the pages seen in the last 4 weeks whose language is known.
- The alert: the latest complete week's disagreement rate is above `drift.alert_rate`, with
  at least `drift.alert_min_decisions` decisions that week; the same test per category and
  per language of that week (each on its own decisions) names where the model drifts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache

from classifiers.corpus import load_corpus
from fraudwatch.config import Config
from fraudwatch.store import SearchQuery, Site, Store
from fraudwatch.store.vocabulary import Action
from fraudwatch.weeks import last_weeks, week_of

WEEKS = 12
RECENT_DAYS = 28  # the pages of the last 4 weeks
DECISIONS = frozenset({Action.CONFIRM, Action.REJECT, Action.DELIST})
FLAGGED = frozenset({"illegal", "suspicious"})


@dataclass
class Tally:
    """Decisions and how many of them disagreed with the model."""

    decisions: int = 0
    disagreements: int = 0

    @property
    def rate(self) -> float | None:
        return self.disagreements / self.decisions if self.decisions else None

    def add(self, disagrees: bool) -> None:
        self.decisions += 1
        self.disagreements += disagrees


@dataclass
class WeekDrift:
    """One week's decisions: in all, per category and per language of the sites decided on."""

    week: str  # ISO date of its Monday
    complete: bool
    total: Tally = field(default_factory=Tally)
    by_category: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_language: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))


@dataclass
class ThinLanguages:
    """The recent pages in languages the team corpus covers thinly."""

    min_pages: int  # a language with fewer corpus pages is thin
    pages: int = 0  # pages seen in the last RECENT_DAYS whose language is known
    by_language: dict[str, int] = field(default_factory=dict)  # of those, per thin language

    @property
    def thin_pages(self) -> int:
        return sum(self.by_language.values())

    @property
    def share(self) -> float | None:
        return self.thin_pages / self.pages if self.pages else None


@dataclass
class Drift:
    weeks: list[WeekDrift]  # oldest first; the last is the week under way
    thin: ThinLanguages
    alert_rate: float
    alert_min_decisions: int

    @property
    def latest_complete(self) -> WeekDrift | None:
        done = [week for week in self.weeks if week.complete]
        return done[-1] if done else None

    def too_often(self, tally: Tally) -> bool:
        """Whether `tally` has enough decisions and disagrees above the alert rate."""
        return tally.decisions >= self.alert_min_decisions and tally.rate > self.alert_rate

    @property
    def alert(self) -> WeekDrift | None:
        """The latest complete week, when it disagreed with the model too often."""
        week = self.latest_complete
        return week if week and self.too_often(week.total) else None

    @property
    def group_alerts(self) -> list[tuple[str, str, Tally]]:
        """("category" or "language", which one, its tally) for each category and language
        of the latest complete week that disagreed with the model too often."""
        week = self.latest_complete
        if week is None:
            return []
        return [(kind, key, tally)
                for kind, groups in (("category", week.by_category),
                                     ("language", week.by_language))
                for key, tally in sorted(groups.items()) if key and self.too_often(tally)]


def disagrees(action: str, verdict: str) -> bool:
    """Whether a reviewer's decision contradicts the model's verdict on the site."""
    return (verdict in FLAGGED) != (action == Action.CONFIRM)


def site_language(store: Store, site: Site) -> str:
    """The most common language of the site's pages ("" when none is known); a tie goes to
    the first in alphabetical order, so the answer does not depend on the store."""
    counts = Counter(page.lang for page in store.pages_for(site.domain) if page.lang)
    return min(counts, key=lambda lang: (-counts[lang], lang)) if counts else ""


def weekly_disagreement(store: Store, weeks: list[str], today: date) -> list[WeekDrift]:
    """The decisions of each of `weeks` (Mondays) and how many disagreed with the model."""
    drift = {week: WeekDrift(week, complete=date.fromisoformat(week) + timedelta(weeks=1)
                             <= today) for week in weeks}
    sites: dict[str, tuple[Site, str] | None] = {}
    for entry in store.iter_reviews():
        week = drift.get(week_of(entry.at))
        if week is None or entry.action not in DECISIONS:
            continue
        if entry.site_id not in sites:
            site = store.get_site(entry.site_id)
            sites[entry.site_id] = (site, site_language(store, site)) if site else None
        if sites[entry.site_id] is None:
            continue
        site, lang = sites[entry.site_id]
        wrong = disagrees(entry.action, site.verdict)
        week.total.add(wrong)
        week.by_category[site.category].add(wrong)
        week.by_language[lang].add(wrong)
    return list(drift.values())


@cache
def corpus_languages() -> dict[str, int]:
    """Pages of the team corpus per language (script variants counted for their language);
    generated once per process (a few seconds)."""

    return dict(Counter(doc["lang"].split("_")[0] for doc in load_corpus()))


def thin_languages(store: Store, corpus: Mapping[str, int], min_pages: int,
                   since: date) -> ThinLanguages:
    """The pages last seen on `since` or later, and those in languages with fewer than
    `min_pages` corpus pages (a language the corpus lacks is thin)."""
    seen = store.search(SearchQuery(last_seen_from=since.isoformat(), facets=("lang",),
                                    size=1)).facets.get("lang", {})
    thin = {lang: n for lang, n in seen.items() if corpus.get(lang, 0) < min_pages}
    return ThinLanguages(min_pages, sum(seen.values()),
                         dict(sorted(thin.items(), key=lambda item: (-item[1], item[0]))))


def drift_report(store: Store, config: Config, today: date | None = None,
                 corpus: Mapping[str, int] | None = None) -> Drift:
    """The weekly disagreement of the last WEEKS weeks, the thin-language share of the last
    RECENT_DAYS days and the alert settings, as of `today` (default: today, UTC)."""
    today = today or datetime.now(UTC).date()
    since = today - timedelta(days=RECENT_DAYS)
    return Drift(
        weeks=weekly_disagreement(store, last_weeks(today, WEEKS), today),
        thin=thin_languages(store, corpus_languages() if corpus is None else corpus,
                            config.drift.thin_language_pages, since),
        alert_rate=config.drift.alert_rate,
        alert_min_decisions=config.drift.alert_min_decisions)
