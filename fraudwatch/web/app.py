"""The web app factory: `create_app(store, config, secret_key=...)` wires routes and state."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import Response

from fraudwatch.config import Config
from fraudwatch.i18n import _
from fraudwatch.store import Store
from fraudwatch.web import (
    api,
    auditlog,
    auth,
    check,
    dashboard,
    models,
    network,
    replay,
    review,
    savedsearches,
    search,
    site,
)
from fraudwatch.web.bodylimit import BodyLimit, validation_error
from fraudwatch.web.challenge import Challenges
from fraudwatch.web.headers import SecurityHeaders
from fraudwatch.web.language import Language
from fraudwatch.web.ratelimit import (
    CHECK_BURST,
    CHECK_RATE,
    CLIENT_FAILURES,
    LOGIN_FAILURES,
    LOGIN_RETRY_MINUTES,
    SOLVED_BURST,
    SOLVED_RATE,
    TokenBucket,
)
from fraudwatch.web.render import STATIC_DIR, make_templates, render
from fraudwatch.web.savedsearches import SavedSearches
from fraudwatch.web.security import LoginRequired, check_csrf
from fraudwatch.web.users import UserStore

SESSION_HOURS = 8




def create_app(store: Store, config: Config, *, secret_key: str, users: UserStore | None = None,
               secure_cookies: bool = False, check_rate: float = CHECK_RATE,
               check_burst: int = CHECK_BURST) -> FastAPI:
    """The fraudwatch web app over `store`, with accounts in `<var_dir>/users.db`.

    check_rate/check_burst: citizen checks allowed per client IP a minute, and in a burst.
    """
    var_dir = Path(config.var_dir)
    app = FastAPI(title="fraudwatch", version="1", dependencies=[Depends(check_csrf)],
                  docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.config = config
    app.state.var_dir = var_dir
    app.state.users = users or UserStore(var_dir / "users.db")
    app.state.check_bucket = TokenBucket(check_rate, check_burst)
    app.state.challenges = Challenges(secret_key, bits=config.check.challenge_bits)
    app.state.solved_bucket = TokenBucket(SOLVED_RATE, SOLVED_BURST)
    # Failed logins per account: LOGIN_FAILURES in a row, then one more every
    # LOGIN_RETRY_MINUTES (password guessing gets a few tries an hour); per client address
    # CLIENT_FAILURES, for many accounts tried from one place.
    app.state.login_failures = TokenBucket(1 / LOGIN_RETRY_MINUTES, LOGIN_FAILURES)
    app.state.client_failures = TokenBucket(1, CLIENT_FAILURES)
    app.state.saved_searches = SavedSearches(var_dir / "searches.db")
    app.state.templates = make_templates(config.web.timezone)
    app.add_middleware(SessionMiddleware, secret_key=secret_key, session_cookie="fw_session",
                       max_age=SESSION_HOURS * 3600, same_site="lax", https_only=secure_cookies)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(Language, default=config.web.language, secure=secure_cookies)
    for module in (dashboard, search, site, network, models, review, auditlog, replay,
                   savedsearches, check, auth, api):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    return app


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/")


async def _login_required(request: Request, exc: LoginRequired) -> Response:
    if _wants_html(request):
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse("/login?" + urlencode({"next": here}), status_code=303)
    return await http_exception_handler(
        request, HTTPException(401, "log in or send Authorization: Bearer <token>",
                               headers={"WWW-Authenticate": "Bearer"}))


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    """An error page in the reader's language (the JSON API: JSON), keeping the status and
    headers (Retry-After)."""
    if _wants_html(request):
        back = "/check" if request.url.path.startswith("/check") else ""
        return render(request, "error.html", status_code=exc.status_code,
                      headers=getattr(exc, "headers", None), status=exc.status_code,
                      message=str(exc.detail), back=back)
    return await http_exception_handler(request, exc)


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    """A form that cannot be read: an error page in words; the API: where and what."""
    if _wants_html(request):
        return render(request, "error.html", status_code=422, status=422,
                      message=_("The form was not filled in correctly: a field is missing or "
                                "too long."), back="")
    return await validation_error(request, exc)
