"""Log in and out with a local account; every attempt is logged with structure."""

from __future__ import annotations

import math
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from fraudwatch.i18n import _, ngettext
from fraudwatch.logs import get_logger
from fraudwatch.web.render import render
from fraudwatch.web.review import safe_next
from fraudwatch.web.security import client_ip, current_user

router = APIRouter(include_in_schema=False)
log = get_logger("fraudwatch.web.auth")


@router.get("/login")
def login_form(request: Request, next: str = "/"):
    return render(request, "login.html", next_url=safe_next(next, "/"), error="")


@router.post("/login")
def login(request: Request, username: Annotated[str, Form(max_length=200)],
          password: Annotated[str, Form(max_length=1000)], next: Annotated[str, Form()] = "/"):
    """Start a fresh session for a right name and password; else show the form again. After
    too many failures for the account or from the client, refuse to try for a while."""
    state, ip = request.app.state, client_ip(request)
    account, client = f"user:{username.strip().lower()}", f"ip:{ip}"
    wait = _reserve(state, account, client)  # before the password check: no race
    if wait:
        log.warning("login_throttled", user=username, ip=ip, wait_seconds=round(wait))
        minutes = max(1, math.ceil(wait / 60))
        return render(request, "login.html", status_code=429, next_url=safe_next(next, "/"),
                      error=ngettext("Too many failed logins. Try again in %(num)d minute.",
                                     "Too many failed logins. Try again in %(num)d minutes.",
                                     minutes) % {"num": minutes},
                      headers={"Retry-After": str(math.ceil(wait))})
    user = state.users.authenticate(username, password)
    if user is None:
        log.warning("login_failed", user=username, ip=ip)
        return render(request, "login.html", status_code=401, next_url=safe_next(next, "/"),
                      error=_("Wrong name or password."))
    state.login_failures.refund((account,))
    state.client_failures.refund((client,))
    request.session.clear()
    request.session.update(user=user.name, sessions=user.sessions,
                           csrf=secrets.token_urlsafe(32))
    log.info("login", user=user.name, role=user.role, ip=client_ip(request))
    return RedirectResponse(safe_next(next, "/"), status_code=303)


def _reserve(state, account: str, client: str) -> float:
    """Take one try from the account's bucket and one from the client's, or neither: 0, or the
    seconds to wait. Accounts allow few failures; a client address (many people behind one
    proxy or carrier) allows many, so others' failures there never lock an account out."""
    wait = state.login_failures.reserve((account,))
    if wait:
        return wait
    wait = state.client_failures.reserve((client,))
    if wait:
        state.login_failures.refund((account,))
    return wait


@router.post("/logout")
def logout(request: Request):
    user = current_user(request)
    if user is not None:  # every cookie issued to this account so far stops working
        request.app.state.users.end_sessions(user.name)
    log.info("logout", user=request.session.get("user", ""), ip=client_ip(request))
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
