"""Review actions on sites (one or a bulk selection) and the audit log export."""

from __future__ import annotations

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from fraudwatch.i18n import _
from fraudwatch.logs import get_logger
from fraudwatch.review import ReviewError, review_site
from fraudwatch.store import Review, Store
from fraudwatch.web.security import Analyst, Supervisor, may_review
from fraudwatch.web.users import User
from fraudwatch.words import word

router = APIRouter(include_in_schema=False)
log = get_logger("fraudwatch.web.review")
AUDIT_COLUMNS = ("at", "user", "action", "domain", "site_id", "comment", "id")
MAX_BULK = 500


def record_reviews(store: Store, user: User, domains: list[str], action: str,
                   comment: str) -> list[Review]:
    """Append `user`'s `action` on each domain to the audit log; 403 if their role may not."""
    if not may_review(user, action):
        raise HTTPException(403, _("the %(role)s role may not %(action)s")
                            % {"role": word(user.role, "role"), "action": word(action, "action")})
    if not domains or len(domains) > MAX_BULK:
        raise HTTPException(400, _("choose between 1 and %(n)s sites") % {"n": MAX_BULK})
    try:
        entries = [review_site(store, d, user.name, action, comment)
                   for d in dict.fromkeys(domains)]
    except ReviewError as exc:
        raise HTTPException(400, str(exc)) from exc
    store.refresh()
    log.info("review", user=user.name, action=action, domains=domains)
    return entries


def safe_next(url: str, default: str) -> str:
    """A local path to go back to (never another host)."""
    return url if url.startswith("/") and not url.startswith(("//", "/\\")) else default


@router.post("/sites/{domain}/review")
def review_one(request: Request, domain: str, user: Analyst, action: Annotated[str, Form()],
               comment: Annotated[str, Form()] = ""):
    """Record one review action on a site from its page."""
    record_reviews(request.app.state.store, user, [domain.lower()], action, comment)
    return RedirectResponse(f"/sites/{domain.lower()}#reviews", status_code=303)


@router.post("/review/bulk")
def review_bulk(request: Request, user: Analyst, action: Annotated[str, Form()],
                comment: Annotated[str, Form()] = "",
                domain: Annotated[list[str] | None, Form()] = None,
                next: Annotated[str, Form()] = "/search"):
    """Apply one review action to every site ticked in a search result."""
    record_reviews(request.app.state.store, user, domain or [], action, comment)
    return RedirectResponse(safe_next(next, "/search"), status_code=303)


def audit_rows(store: Store) -> list[dict[str, str]]:
    """The whole audit log, oldest first, with each entry's domain."""
    domains: dict[str, str] = {}
    rows = []
    for entry in store.iter_reviews():
        if entry.site_id not in domains:
            site = store.get_site(entry.site_id)
            domains[entry.site_id] = site.domain if site else ""
        rows.append({"at": entry.at, "user": entry.user, "action": entry.action,
                     "domain": domains[entry.site_id], "site_id": entry.site_id,
                     "comment": entry.comment, "id": entry.id})
    return rows


def _csv_cell(value: str) -> str:
    """Neutralise spreadsheet formulas in user-typed text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@router.get("/audit.csv")
def audit_csv(request: Request, user: Supervisor):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=AUDIT_COLUMNS)
    writer.writeheader()
    for row in audit_rows(request.app.state.store):
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="audit.csv"'})
