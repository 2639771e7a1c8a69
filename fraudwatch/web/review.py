"""Review actions on sites, one or a bulk selection, each confirmed to the reviewer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from fraudwatch.i18n import _, ngettext
from fraudwatch.logs import get_logger
from fraudwatch.review import ReviewError, review_site
from fraudwatch.store import Review, Store
from fraudwatch.web.render import flash
from fraudwatch.web.security import Analyst, may_review
from fraudwatch.web.users import User
from fraudwatch.words import word

router = APIRouter(include_in_schema=False)
log = get_logger("fraudwatch.web.review")
MAX_BULK = 500


def record_reviews(store: Store, user: User, domains: list[str], action: str,
                   comment: str, wrong_signs: list[str] | None = None) -> list[Review]:
    """Append `user`'s `action` on each domain to the audit log; 403 if their role may not.
    `wrong_signs`: the signs a rejection says the model got wrong (one site only)."""
    if not may_review(user, action):
        raise HTTPException(403, _("the %(role)s role may not %(action)s")
                            % {"role": word(user.role, "role"), "action": word(action, "action")})
    if not domains or len(domains) > MAX_BULK:
        raise HTTPException(400, _("choose between 1 and %(n)s sites") % {"n": MAX_BULK})
    try:
        entries = [review_site(store, d, user.name, action, comment, wrong_signs or ())
                   for d in dict.fromkeys(domains)]
    except ReviewError as exc:
        raise HTTPException(400, str(exc)) from exc
    store.refresh()
    log.info("review", user=user.name, action=action, domains=domains,
             wrong_signs=wrong_signs or [])
    return entries


def safe_next(url: str, default: str) -> str:
    """A local path to go back to (never another host)."""
    return url if url.startswith("/") and not url.startswith(("//", "/\\")) else default


@router.post("/sites/{domain}/review")
def review_one(request: Request, domain: str, user: Analyst, action: Annotated[str, Form()],
               comment: Annotated[str, Form()] = "",
               wrong_sign: Annotated[list[str] | None, Form()] = None):
    """Record one review action on a site from its page (a rejection with the signs the
    model got wrong, if ticked), and say so."""
    record_reviews(request.app.state.store, user, [domain.lower()], action, comment,
                   wrong_sign)
    flash(request, _("%(action)s recorded.") % {"action": word(action, "action").capitalize()})
    return RedirectResponse(f"/sites/{domain.lower()}#reviews", status_code=303)


@router.post("/review/bulk")
def review_bulk(request: Request, user: Analyst, action: Annotated[str, Form()],
                comment: Annotated[str, Form()] = "",
                domain: Annotated[list[str] | None, Form()] = None,
                next: Annotated[str, Form()] = "/search"):
    """Apply one review action to every site ticked in a search result, and say so."""
    entries = record_reviews(request.app.state.store, user, domain or [], action, comment)
    flash(request, ngettext("%(action)s recorded for %(num)d site.",
                            "%(action)s recorded for %(num)d sites.", len(entries))
          % {"action": word(action, "action").capitalize(), "num": len(entries)})
    return RedirectResponse(safe_next(next, "/search"), status_code=303)
