"""Jinja2 for the web pages: autoescape, StrictUndefined, and filters for crawled data."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from classifiers.explain import describe_hit, sign_name
from fraudwatch.domains import shown_domain
from fraudwatch.web.security import csrf_token, current_user

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates" / "web"
STATIC_DIR = TEMPLATE_DIR / "static"
UI_LANG = "en"  # the regulator UI's language until it is localised (kk, ru, en)


def safe_href(url: str) -> str:
    """`url` if it is http(s), else "#": crawled links never become javascript: or data:."""
    return url if urlsplit(url.strip()).scheme.lower() in {"http", "https"} else "#"


def screenshot_name(ref: str) -> str:
    """The file name of a screenshot reference (`.../screenshots/<sha256>.png`)."""
    return Path(ref).name if ref else ""


def describe_sign(sign, lang: str) -> dict:
    """A stored sign (the store's `Sign`) in a reader's words, through the catalogue."""
    return describe_hit(asdict(sign) if is_dataclass(sign) else sign, lang)


def make_templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), undefined=StrictUndefined,
                      autoescape=select_autoescape(["html", "svg"], default=True))
    env.filters["safe_href"] = safe_href
    env.filters["screenshot_name"] = screenshot_name
    env.filters["day"] = lambda value: (value or "")[:10]
    env.filters["domain"] = shown_domain
    env.filters["sign_name"] = lambda sign_id, lang=UI_LANG: sign_name(sign_id, lang)
    env.globals["describe_sign"] = describe_sign
    env.globals["ui_lang"] = UI_LANG
    return Jinja2Templates(env=env)


def render(request: Request, name: str, status_code: int = 200,
           headers: dict[str, str] | None = None, **context):
    """A template response with the current user and CSRF token in its context."""
    context.update(user=current_user(request), csrf_token=csrf_token(request))
    return request.app.state.templates.TemplateResponse(
        request, name, context, status_code=status_code, headers=headers)
