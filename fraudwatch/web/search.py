"""The search page: query box, results by site (or by page), disjunctive facets with counts,
date range, sort, paging, bulk review."""

from __future__ import annotations

from fastapi import APIRouter, Request

from fraudwatch.store import QueryError, SearchResult
from fraudwatch.store.query import FACET_FIELDS, SORTS
from fraudwatch.web.render import render
from fraudwatch.web.searchform import SearchForm
from fraudwatch.web.security import REVIEW_ROLES, Viewer

router = APIRouter(include_in_schema=False)


@router.get("/search")
def search_page(request: Request, user: Viewer):
    """Run the search in the URL and render hits, facets and paging."""
    form = SearchForm.from_request(request)
    error = ""
    try:
        query = form.query()
        result = request.app.state.store.search(query)
    except QueryError as exc:
        query, result, error = None, SearchResult(0, [], {}), str(exc)
    pages = -(-result.total // query.size) if query else 0
    sites = {}
    if query and query.by_site:  # each row shows its site's own verdict and review state
        store = request.app.state.store
        sites = {hit.domain: store.get_site_by_domain(hit.domain) for hit in result.hits}
    actions = [a for a in REVIEW_ROLES if user.at_least(REVIEW_ROLES[a])]
    return render(request, "search.html", status_code=400 if error else 200, form=form,
                  result=result, error=error, page=query.page if query else 1, pages=pages,
                  by_site=query.by_site if query else True, sites=sites,
                  facet_fields=FACET_FIELDS, sorts=SORTS, actions=actions,
                  next_url=str(request.url.path) + ("?" + request.url.query
                                                    if request.url.query else ""))
