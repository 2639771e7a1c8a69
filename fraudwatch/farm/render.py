"""Turn a site's page data into HTML: the plain static page or its JavaScript-only shell."""

from __future__ import annotations

import base64
from functools import cache

import jinja2
from markupsafe import Markup

from fraudwatch.farm.content import Page, pages_for, ui
from fraudwatch.farm.sites import CDN_DOMAIN, FarmSite

THEMES = {
    "casino": {"bg": "#14001f", "fg": "#f4e9ff", "bar": "#2b0040", "accent": "#ffcc00"},
    "loan": {"bg": "#ffffff", "fg": "#1b1b1b", "bar": "#0a8f3c", "accent": "#ffe600"},
    "pyramid": {"bg": "#0b1633", "fg": "#e8eefc", "bar": "#111f4d", "accent": "#f5b700"},
    "legit": {"bg": "#ffffff", "fg": "#222222", "bar": "#eef2f7", "accent": "#0b57d0"},
}

# Writes the base64 UTF-8 body into #app, so the static HTML carries none of the page's words.
_APP_LOADER = (
    "(function(){{function d(s){{return new TextDecoder().decode("
    "Uint8Array.from(atob(s),function(c){{return c.charCodeAt(0)}}))}}"
    'document.getElementById("app").innerHTML=d("{body}");document.title=d("{title}");}})();'
)


@cache
def _env() -> jinja2.Environment:
    """The Jinja2 environment over the farm's own templates (autoescaped, strict)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("fraudwatch.farm", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_page(site: FarmSite, path: str, port: int, *, meta_charset: bool = True,
                pages: tuple[Page, ...] = ()) -> str | None:
    """The HTML of `site` at `path` on a farm listening on `port`; None if there is no such page.
    `pages`: the site's pages, when not its content kind's own (generated sites)."""
    pages = pages or pages_for(site)
    page = next((p for p in pages if p.path == path), None)
    if page is None:
        return None
    context = _context(site, page, pages, port)
    body = _env().get_template("body.html").render(context)
    if site.variant == "js-only":
        return _env().get_template("page.html").render(
            context, title=site.operator.brand, meta_charset=meta_charset,
            app=Markup(_APP_LOADER.format(body=_b64(body), title=_b64(page.title))), body="")
    return _env().get_template("page.html").render(
        context, title=page.title, meta_charset=meta_charset, app="", body=Markup(body))


def _context(site: FarmSite, page: Page, pages: tuple[Page, ...], port: int) -> dict:
    """Template variables shared by the page layout and its body."""
    return {
        "site": site,
        "op": site.operator,
        "t": site.operator.template,
        "page": page,
        "nav": pages,
        "words": ui.words(site.lang),
        "html_lang": "ru" if site.lang == "mixed" else site.lang,
        "theme": THEMES[site.category or "legit"],
        "scripts": [f"http://{CDN_DOMAIN}:{port}{path}" for path in site.cdn_scripts],
        "links": _links(site, port) if page.path == "/" else [],
        "countdown": page.countdown,
        "form_fields": ui.FORMS.get(page.form or "", ()),
        "input_types": ui.INPUT_TYPES,
        "patterns": ui.PATTERNS,
        "plans": ui.PLANS,
    }


def _links(site: FarmSite, port: int) -> list[tuple[str, str]]:
    """(label, href) of the other farm sites this site links to, Unicode host names kept."""
    ref = site.host.split(".")[0]
    return [(domain, f"http://{domain}:{port}/?ref={ref}") for domain in site.links]


def _b64(text: str) -> str:
    """Base64 of the UTF-8 bytes of `text`."""
    return base64.b64encode(text.encode("utf-8")).decode("ascii")
