"""The search page: query box, results by site (or by page), disjunctive facets with counts,
a timeline of first and last seen, date range, sort, paging, bulk review, and the same
search as CSV."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, HTTPException, Request

from classifiers.explain import sign_name
from fraudwatch.i18n import current
from fraudwatch.store import QueryError, SearchResult, stable_id
from fraudwatch.store.query import FACET_FIELDS, SORTS, TIMELINE_FIELDS
from fraudwatch.web import columns as result_columns
from fraudwatch.web.csvout import csv_response
from fraudwatch.web.render import render
from fraudwatch.web.savedsearches import search_params, with_news
from fraudwatch.web.searchform import MAX_WINDOW, SearchForm
from fraudwatch.web.security import REVIEW_ROLES, Viewer
from fraudwatch.web.timeline import timeline

router = APIRouter(include_in_schema=False)


@router.get("/search")
def search_page(request: Request, user: Viewer):
    """Run the search in the URL and render hits, facets and paging."""
    form = SearchForm.from_request(request)
    error = ""
    try:
        query = replace(form.query(), timeline=True)
        result = request.app.state.store.search(query)
    except QueryError as exc:
        query, result, error = None, SearchResult(0, [], {}), str(exc)
    pages = -(-result.total // query.size) if query else 0
    # each row's site, in one read: its own verdict and review state, and the site columns
    sites = _sites_of(request.app.state.store, result.hits)
    columns, keep = result_columns.chosen(request)
    actions = [a for a in REVIEW_ROLES if user.at_least(REVIEW_ROLES[a])]
    timelines = [t for name in TIMELINE_FIELDS
                 if (t := timeline(name, result.timeline.get(name, {}))) is not None]
    response = render(
        request, "search.html", status_code=400 if error else 200, form=form, result=result,
        error=error, page=query.page if query else 1, pages=pages,
        by_site=query.by_site if query else True, sites=sites, columns=columns,
        all_columns=result_columns.COLUMNS, cell=result_columns.value,
        saved=with_news(request.app.state.store, request.app.state.saved_searches.of(user.name)),
        this_search=search_params(str(request.url.query)), facet_fields=FACET_FIELDS,
        sorts=SORTS, actions=actions, timelines=timelines,
        next_url=str(request.url.path) + ("?" + request.url.query if request.url.query else ""))
    if keep is not None:  # the analyst chose columns: remembered for the next searches
        response.set_cookie(result_columns.COOKIE, keep, max_age=365 * 24 * 3600, httponly=True,
                            samesite="lax")
    return response


EXPORT_COLUMNS = ("domain", "url", "verdict", "category", "score", "review_state", "pages",
                  "signs", "sign_ids", "title", "last_seen")
EXPORT_PAGE = 500


@router.get("/search.csv")
def search_csv(request: Request, user: Viewer):
    """The search in the URL as CSV, every hit up to the paging window (MAX_WINDOW), sites
    or pages as on the page; signs by name in the reader's language and by id."""
    form = SearchForm.from_request(request)
    store = request.app.state.store
    try:
        first = form.query()
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from exc
    rows = []
    for number in range(1, MAX_WINDOW // EXPORT_PAGE + 1):
        query = replace(first, page=number, size=EXPORT_PAGE)
        hits = store.search(query).hits
        sites = _sites_of(store, hits) if query.by_site else {}
        rows += [_export_row(hit, sites.get(hit.domain)) for hit in hits]
        if len(hits) < EXPORT_PAGE:
            break
    return csv_response(EXPORT_COLUMNS, rows, "search.csv")


def _sites_of(store, hits) -> dict:
    """The hits' sites by domain, in one read."""
    return {site.domain: site for site in store.get_sites(stable_id("site", hit.domain)
                                                          for hit in hits)}


def _export_row(hit, site) -> dict:
    """One CSV row: a page, or (with its `site`) a site with the site's own verdict."""
    shown = site or hit
    return {"domain": hit.domain, "url": hit.url, "verdict": shown.verdict,
            "category": shown.category, "score": f"{shown.score:.2f}",
            "review_state": hit.review_state, "pages": hit.pages,
            "signs": "; ".join(sign_name(s, current()) for s in hit.signs),
            "sign_ids": " ".join(hit.signs), "title": hit.title, "last_seen": hit.last_seen}
