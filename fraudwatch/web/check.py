"""The public citizen check page `/check`, in the reader's language (rate-limited per client
IP; a refused check gets the page back with the wait, in words)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request

from fraudwatch.i18n import current
from fraudwatch.web.checking import CheckError, check_url, domain_of, queue_seed
from fraudwatch.web.render import render
from fraudwatch.web.security import admit_check, client_ip, rate_limited, retry_after

router = APIRouter(include_in_schema=False)


def _page(request: Request, status_code: int = 200, headers: dict | None = None, **context):
    context.setdefault("result", None)
    context.setdefault("error", "")
    context.setdefault("url", "")
    context.setdefault("reported", False)
    context.setdefault("challenge", "")
    return render(request, "check.html", status_code=status_code, headers=headers,
                  police=request.app.state.config.check.police_phone,
                  checked_at=datetime.now(UTC), **context)


@router.get("/check")
def check_form(request: Request):
    return _page(request)


@router.post("/check")
def check_submit(request: Request, url: Annotated[str, Form(max_length=2000)],
                 challenge: Annotated[str, Form(max_length=200)] = "",
                 solution: Annotated[str, Form(max_length=40)] = ""):
    """Check the submitted URL and show the verdict, or say it was queued. Past the rate
    limit, the page comes back (429) with a challenge the browser solves to send it again."""
    state = request.app.state
    wait = admit_check(request, challenge, solution)
    if wait:
        return _page(request, status_code=429, headers={"Retry-After": retry_after(wait)},
                     url=url, challenge=state.challenges.issue(client_ip(request)))
    try:
        result = check_url(state.store, state.var_dir, url, current())
    except CheckError as exc:
        return _page(request, status_code=400, error=str(exc), url=url)
    return _page(request, result=result, url=url)


@router.post("/check/report", dependencies=[Depends(rate_limited)])
def report(request: Request, url: Annotated[str, Form(max_length=2000)]):
    """Queue a known site for checking again (a citizen saw it change or come back)."""
    try:
        url, _domain = domain_of(url)
        queue_seed(request.app.state.var_dir, url)
    except CheckError as exc:
        return _page(request, status_code=400, error=str(exc), url=url)
    return _page(request, reported=True, url=url)
