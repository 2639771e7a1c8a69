"""The JSON API under /api/: search, sites, networks, review, citizen check, audit log."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from fraudwatch.store import QueryError
from fraudwatch.store.query import GROUPS, SORTS
from fraudwatch.web.apimodels import (
    AuditOut,
    CheckIn,
    CheckOut,
    NetworkOut,
    NetworkSummaryOut,
    ReviewIn,
    ReviewOut,
    SearchOut,
    SiteOut,
)
from fraudwatch.web.auditlog import audit_rows
from fraudwatch.web.checking import CheckError, check_url
from fraudwatch.web.networkdetail import link_doc, network_detail, network_summaries
from fraudwatch.web.review import record_reviews
from fraudwatch.web.searchform import build_query
from fraudwatch.web.security import Analyst, Supervisor, Viewer, rate_limited
from fraudwatch.web.sitedetail import site_detail

router = APIRouter(prefix="/api", tags=["api"])
Values = Annotated[list[str] | None, Query()]


@router.get("/search", response_model=SearchOut)
def api_search(request: Request, user: Viewer,
               q: Annotated[str, Query(max_length=1000)] = "",
               category: Values = None, verdict: Values = None, tld: Values = None,
               lang: Values = None, status: Values = None, since: date | None = None,
               until: date | None = None, sort: Literal[SORTS] = "relevance",  # type: ignore
               page: Annotated[int, Query(ge=1, le=10_000)] = 1,
               size: Annotated[int, Query(ge=1, le=500)] = 20,
               group: Literal[GROUPS] = "page"):  # type: ignore
    """Full-text search over pages, with facet counts (same language as the search box);
    `group=site`: one hit per site, its best page, and sites counted."""
    filters = {"category": category, "verdict": verdict, "tld": tld, "lang": lang,
               "status": status}
    try:
        query = build_query(q, {k: v for k, v in filters.items() if v},
                            since.isoformat() if since else "",
                            until.isoformat() if until else "", sort, page, size, group)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from exc
    result = request.app.state.store.search(query)
    return {"total": result.total, "page": page, "size": size,
            "hits": result.hits, "facets": result.facets, "estimated": result.estimated}


@router.get("/sites/{domain}", response_model=SiteOut)
def api_site(request: Request, domain: str, user: Viewer):
    """A site with its pages, captures, network, letters and review history."""
    d = site_detail(request.app.state.store, domain.lower())
    if d is None:
        raise HTTPException(404, f"no site {domain!r} in the store")
    return {"site": d.site.to_doc(), "pages": [p.to_doc() for p in d.pages],
            "captures": [c.capture.to_doc() | {"changed": c.changed} for c in d.history],
            "related": [s.domain for s in d.related],
            "letters": [x.to_doc() for x in d.letters],
            "reviews": [r.to_doc() for r in d.reviews]}


@router.get("/networks", response_model=list[NetworkSummaryOut])
def api_networks(request: Request, user: Viewer):
    """The recorded operator networks, largest first."""
    return [asdict(n) for n in network_summaries(request.app.state.store)]


@router.get("/networks/{network_id}", response_model=NetworkOut)
def api_network(request: Request, network_id: str, user: Viewer):
    """A network's member sites and the shared fingerprints that link them."""
    n = network_detail(request.app.state.store, network_id)
    if n is None:
        raise HTTPException(404, f"no network {network_id!r} in the store")
    return {"id": n.id, "members": [s.to_doc() for s in n.members],
            "links": [link_doc(link) for link in n.links]}


@router.post("/sites/{domain}/review", response_model=ReviewOut)
def api_review(request: Request, domain: str, body: ReviewIn, user: Analyst):
    """Record a review decision (analysts: comment, needs_info; supervisors: all)."""
    entry = record_reviews(request.app.state.store, user, [domain.lower()], body.action,
                           body.comment, body.wrong_signs)[0]
    return entry.to_doc()


@router.post("/check", response_model=CheckOut, dependencies=[Depends(rate_limited)])
def api_check(request: Request, body: CheckIn):
    """Public: the verdict on a URL in plain words, or queue it for crawling if unknown."""
    state = request.app.state
    try:
        return asdict(check_url(state.store, state.var_dir, body.url, body.lang))
    except CheckError as exc:
        raise HTTPException(400, str(exc)) from exc


@router.get("/audit", response_model=list[AuditOut])
def api_audit(request: Request, user: Supervisor):
    """The whole audit log, oldest first."""
    return audit_rows(request.app.state.store)
