"""Per-site crawl budget: pages, depth and wall time (restored from the journal on --resume)."""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    max_pages: int
    max_depth: int
    max_seconds: float


class SiteBudgets:
    """Counts pages scheduled per site and says whether another one fits."""

    def __init__(self, budget: Budget, state: dict, clock=time.time):
        self.budget = budget
        self.pages: dict[str, int] = state.setdefault("pages", {})
        self.started: dict[str, float] = state.setdefault("started", {})
        self.clock = clock

    def start(self, site: str) -> bool:
        """Open a site's budget; False if the site was already started (by another seed)."""
        if site in self.pages:
            return False
        self.pages[site] = 1
        self.started[site] = self.clock()
        return True

    def restore(self, site: str, pages: int) -> None:
        """Mark a site started with `pages` already spent; its time budget starts again now."""
        self.pages[site] = pages
        self.started[site] = self.clock()

    def open(self, site: str, depth: int) -> bool:
        """Whether a link at `depth` could still fit the site's budget."""
        if depth > self.budget.max_depth or self.pages.get(site, 0) >= self.budget.max_pages:
            return False
        return self.clock() - self.started.get(site, self.clock()) <= self.budget.max_seconds

    def take(self, site: str, depth: int) -> bool:
        """Spend one page of a site's budget for a link at `depth`, if it fits."""
        if not self.open(site, depth):
            return False
        self.pages[site] = self.pages.get(site, 0) + 1
        return True


class SharedBudgets:
    """Site budgets of the Redis frontier (crawler.frontier.shared), read to skip links early:
    the frontier's gate spends them, atomically with queueing the request."""

    def __init__(self, budget: Budget, frontier, clock=time.time):
        self.budget = budget
        self.frontier = frontier
        self.clock = clock

    def start(self, site: str) -> bool:
        """Whether the site looks unstarted (its landing request's gate decides)."""
        return not self.frontier.site_started(site)

    def open(self, site: str, depth: int) -> bool:
        if depth > self.budget.max_depth:
            return False
        pages, started = self.frontier.site_state(site)
        if pages >= self.budget.max_pages:
            return False
        return started is None or self.clock() - started <= self.budget.max_seconds

    def take(self, site: str, depth: int) -> bool:
        """Whether a link at `depth` may be requested (its gate spends the page)."""
        return self.open(site, depth)
