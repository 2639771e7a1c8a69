"""The dashboard `/`: weekly charts, the case pipeline, time to block, overdue cases, and
drift (reviewers' disagreement with the model, pages in thinly covered languages)."""

from __future__ import annotations

import time

from fastapi import APIRouter, Request

from fraudwatch.drift import drift_report
from fraudwatch.store.vocabulary import CATEGORIES, VERDICTS
from fraudwatch.web.charts import stacked_bars
from fraudwatch.web.pipeline import dashboard
from fraudwatch.web.render import render
from fraudwatch.web.security import Viewer

router = APIRouter(include_in_schema=False)
CACHE_SECONDS = 30.0
# the search that lists the sites a stage counts (stages a search cannot express: none)
STAGE_SEARCH = {"detected": "/search", "confirmed": "/search?review_state=confirmed",
                "blocked": "/search?status=blocked"}


def cached_dashboard(request: Request):
    """The dashboard figures and drift, recomputed at most every CACHE_SECONDS (they scan all
    sites and the audit log)."""
    state = request.app.state
    stamp, figures = getattr(state, "dashboard_cache", (0.0, None))
    if figures is None or time.monotonic() - stamp > CACHE_SECONDS:
        figures = dashboard(state.store, state.config), drift_report(state.store, state.config)
        state.dashboard_cache = (time.monotonic(), figures)
    return figures


@router.get("/")
def dashboard_page(request: Request, user: Viewer):
    figures, drift = cached_dashboard(request)
    return render(request, "dashboard.html", dash=figures, drift=drift, stage_search=STAGE_SEARCH,
                  category_chart=stacked_bars(figures.weeks, figures.by_category, CATEGORIES),
                  verdict_chart=stacked_bars(figures.weeks, figures.by_verdict, VERDICTS))
