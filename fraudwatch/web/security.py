"""Who is asking (session cookie or Bearer token), what their role allows, and CSRF checks."""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from fraudwatch.i18n import _
from fraudwatch.store.vocabulary import STATE_AFTER, Action
from fraudwatch.web.users import User
from fraudwatch.words import word

# review action -> the least role that may take it: analysts propose, supervisors decide
REVIEW_ROLES = {
    Action.COMMENT: "analyst",
    Action.NEEDS_INFO: "analyst",
    Action.CONFIRM: "supervisor",
    Action.REJECT: "supervisor",
    Action.APPEAL: "supervisor",
    Action.DELIST: "supervisor",
}
assert set(REVIEW_ROLES) == set(STATE_AFTER), "every review action needs a role"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
# Public JSON endpoints that use no session state, so a forged request gains nothing.
CSRF_EXEMPT = {"/api/check"}


class LoginRequired(Exception):
    """Raised when a page needs a logged-in user; HTML gets a redirect, the API a 401."""


def bearer_token(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def current_user(request: Request) -> User | None:
    """The user behind the Bearer token or the session cookie, if any and still active."""
    users = request.app.state.users
    token = bearer_token(request)
    if token:
        return users.by_token(token)
    name = request.session.get("user")
    user = users.get(name) if name else None
    if user is None or request.session.get("sessions") != user.sessions:
        return None  # logged out, reset or disabled since this cookie was issued
    return user


def require(role: str):
    """A dependency that returns the current user if their role is at least `role`."""

    def dependency(request: Request) -> User:
        user = current_user(request)
        if user is None:
            raise LoginRequired()
        if not user.at_least(role):
            raise HTTPException(403, _("this needs the %(role)s role")
                                % {"role": word(role, "role")})
        return user

    return dependency


Viewer = Annotated[User, Depends(require("viewer"))]
Analyst = Annotated[User, Depends(require("analyst"))]
Supervisor = Annotated[User, Depends(require("supervisor"))]


def may_review(user: User, action: str) -> bool:
    return action in REVIEW_ROLES and user.at_least(REVIEW_ROLES[action])


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use."""
    if "csrf" not in request.session:
        request.session["csrf"] = secrets.token_urlsafe(32)
    return request.session["csrf"]


async def check_csrf(request: Request) -> None:
    """Refuse (403) a POST without the session's CSRF token in a form field or header."""
    if request.method != "POST" or request.url.path in CSRF_EXEMPT or bearer_token(request):
        return
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and "form" in request.headers.get("content-type", ""):
        sent = str((await request.form()).get(CSRF_FIELD, ""))
    expected = request.session.get("csrf", "")
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise HTTPException(403, _("the form has expired or came from elsewhere; reload the page "
                                  "and try again"))


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def too_many_checks(wait: float) -> HTTPException:
    """429 with Retry-After: the client has used up its checks for `wait` seconds."""
    return HTTPException(429, _("Too many checks from your network in a short time. Please "
                                "wait a minute and try again."),
                         headers={"Retry-After": retry_after(wait)})


def retry_after(wait: float) -> str:
    return str(max(1, round(wait + 0.5)))


def rate_limited(request: Request) -> None:
    """Refuse (429, Retry-After) a client that has used up its check requests."""
    wait = request.app.state.check_bucket.take(client_ip(request))
    if wait:
        raise too_many_checks(wait)


def admit_check(request: Request, token: str, nonce: str) -> float:
    """0 when the client may check now, by its bucket or by a solved challenge
    (fraudwatch.web.challenge); else the seconds it would wait without one. A client past
    the bucket of solved challenges too is refused (429)."""
    state = request.app.state
    client = client_ip(request)
    wait = state.check_bucket.take(client)
    if not wait:
        return 0
    if token and state.challenges.redeem(client, token, nonce):
        solved_wait = state.solved_bucket.take(client)
        if solved_wait:
            raise too_many_checks(solved_wait)
        return 0
    return wait
