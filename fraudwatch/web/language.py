"""The reader's language for each request: their choice (`?hl=`, kept in a cookie), else
their browser's Accept-Language, else `web.language` from the config.

`hl`, not `lang`: on the search page `lang` filters pages by their language. The citizen
check, which has no such filter, also takes `?lang=` as links to it were shared that way."""

from __future__ import annotations

from http.cookies import SimpleCookie

from starlette.datastructures import MutableHeaders, QueryParams
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fraudwatch import i18n

COOKIE = "fw_lang"
COOKIE_DAYS = 365
PARAM = "hl"
LEGACY = {"lang": ("/check",)}  # older parameter names, on the paths that took them


def _cookie(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            jar = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header is no choice
                return ""
            return jar[COOKIE].value if COOKIE in jar else ""
    return ""


def choose(scope: Scope, default: str) -> tuple[str, bool]:
    """The request's language, and whether the reader chose it just now (`?hl=`)."""
    params = QueryParams(scope.get("query_string", b"").decode("latin-1"))
    asked = params.get(PARAM, "")
    for name, paths in LEGACY.items():
        if not asked and scope.get("path", "").startswith(paths):
            asked = params.get(name, "")
    if asked in i18n.LANGS:
        return asked, True
    kept = _cookie(scope)
    if kept in i18n.LANGS:
        return kept, False
    accept = dict(scope.get("headers", [])).get(b"accept-language", b"").decode("latin-1")
    return i18n.negotiate(accept) or default, False


class Language:
    """ASGI middleware: speak the reader's language for the whole request, and remember a
    language chosen with `?hl=` in a cookie."""

    def __init__(self, app: ASGIApp, default: str, secure: bool = False):
        self.app = app
        self.default = i18n.checked(default)
        self.secure = secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lang, chosen = choose(scope, self.default)
        i18n.use(lang)
        scope.setdefault("state", {})["lang"] = lang
        if not chosen:
            await self.app(scope, receive, send)
            return

        async def remember(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append(
                    "set-cookie", f"{COOKIE}={lang}; Max-Age={COOKIE_DAYS * 86400}; Path=/; "
                    f"SameSite=Lax{'; Secure' if self.secure else ''}")
            await send(message)

        await self.app(scope, receive, remember)
