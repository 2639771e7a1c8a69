"""Jinja2 for the web pages: autoescape, StrictUndefined, gettext in the reader's language,
and filters for crawled data and for stored values in human words."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from classifiers.explain import describe_hit, sign_name
from fraudwatch import i18n
from fraudwatch.domains import shown_domain
from fraudwatch.web.security import csrf_token, current_user
from fraudwatch.words import word

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates" / "web"
STATIC_DIR = TEMPLATE_DIR / "static"


def safe_href(url: str) -> str:
    """`url` if it is http(s), else "#": crawled links never become javascript: or data:."""
    return url if urlsplit(url.strip()).scheme.lower() in {"http", "https"} else "#"


def screenshot_name(ref: str) -> str:
    """The file name of a screenshot reference (`.../screenshots/<sha256>.png`)."""
    return Path(ref).name if ref else ""




def make_templates(timezone: str = i18n.DEFAULT_TIMEZONE) -> Jinja2Templates:
    """The page templates; dates are shown in `timezone`, words in the request's language."""
    env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), undefined=StrictUndefined,
                      autoescape=select_autoescape(["html", "svg"], default=True),
                      extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True,
                                  pgettext=i18n.pgettext, npgettext=i18n.npgettext)
    env.filters["safe_href"] = safe_href
    env.filters["screenshot_name"] = screenshot_name
    env.filters["day"] = \
        lambda value, form="medium": i18n.format_day(value, timezone, form=form) if value else "—"
    env.filters["moment"] = lambda value: i18n.format_moment(value, timezone) if value else "—"
    env.filters["number"] = lambda value, digits=0: i18n.format_number(value, digits)
    env.filters["percent"] = lambda value: "—" if value is None else i18n.format_percent(value)
    env.filters["domain"] = shown_domain
    env.filters["word"] = word
    env.filters["sign_name"] = lambda sign_id: sign_name(sign_id, i18n.current())
    env.globals["describe_sign"] = lambda sign: describe_hit(sign, i18n.current())
    env.globals["ui_lang"] = i18n.current
    env.globals["languages"] = i18n.LANG_NAMES
    return Jinja2Templates(env=env)


def render(request: Request, name: str, status_code: int = 200,
           headers: dict[str, str] | None = None, **context):
    """A template response with the current user, CSRF token and language in its context."""
    context.update(user=current_user(request), csrf_token=csrf_token(request),
                   flashed=request.session.pop("flash", []) if "session" in request.scope else [],
                   lang=i18n.current(),
                   url_with=lambda **params: str(request.url.include_query_params(**params)))
    return request.app.state.templates.TemplateResponse(
        request, name, context, status_code=status_code, headers=headers)


def flash(request: Request, message: str) -> None:
    """Say `message` on the next page this session sees (after a redirect)."""
    request.session["flash"] = [*request.session.get("flash", []), message][-5:]
