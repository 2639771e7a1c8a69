"""Decide which requests Chromium renders, and keep the browser's memory bounded.

`FRAUDWATCH_RENDER`: `never`; `always` (every request); `auto` (requests that ask for it with
`meta["fw_render"] = profile`, e.g. landing pages for their screenshot, plus plain responses
that turn out to be JavaScript shells or nearly empty, which are fetched again rendered).
Rendered pages get a victim's profile (crawler.render.profiles), a page-level timeout, pop-ups
closed at once and `window.open` disabled (Playwright already dismisses dialogs), and a browser
context that is closed and replaced after FRAUDWATCH_CONTEXT_PAGES pages. A profile may
browse through its own proxy (FRAUDWATCH_PROFILE_PROXIES, `--profile-proxy NAME=URL`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter

from scrapy.exceptions import NotConfigured
from scrapy.http import TextResponse
from scrapy_playwright.page import PageMethod

from crawler.ingest.reading import content_type, page_of
from crawler.render.contacted import record_contacts
from crawler.render.profiles import PROFILES, context_kwargs
from crawler.render.shells import needs_render

MODES = ("auto", "always", "never")


def screenshot_of(request) -> bytes:
    """The PNG screenshot a rendered request took, or b''."""
    methods = request.meta.get("playwright_page_methods") or {}
    method = methods.get("screenshot") if isinstance(methods, dict) else None
    return getattr(method, "result", None) or b""


async def close_popup(popup) -> None:
    await popup.close()


# Pop-ups share the opener's renderer: a looping pop-up would hang the page we capture.
NO_POPUPS = "window.open = function () { return null; };"


async def prepare_page(page, request) -> None:
    """scrapy-playwright page init callback: stop the page from opening windows, and record
    the hosts it contacts (crawler.render.contacted)."""
    await page.add_init_script(NO_POPUPS)
    record_contacts(page, request)


class RenderPolicyMiddleware:
    def __init__(self, mode: str, min_text: int, context_pages: int, timeout_ms: int,
                 proxies: dict[str, str] | None = None):
        if mode not in MODES:
            raise ValueError(f"render mode {mode!r}; use one of {', '.join(MODES)}")
        unknown = sorted(set(proxies or {}) - set(PROFILES))
        if unknown:
            raise ValueError(f"FRAUDWATCH_PROFILE_PROXIES: no profile {', '.join(unknown)}; "
                             f"profiles are {', '.join(PROFILES)}")
        self.proxies = dict(proxies or {})
        self.mode = mode
        self.min_text = min_text
        self.context_pages = context_pages
        self.timeout_ms = timeout_ms
        self.generation: Counter[str] = Counter()
        self.started: Counter[str] = Counter()
        self.open: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        mode = settings.get("FRAUDWATCH_RENDER", "auto")
        if mode == "never":
            raise NotConfigured
        return cls(mode, settings.getint("FRAUDWATCH_MIN_TEXT"),
                   settings.getint("FRAUDWATCH_CONTEXT_PAGES"),
                   int(settings.getfloat("FRAUDWATCH_RENDER_TIMEOUT") * 1000),
                   settings.getdict("FRAUDWATCH_PROFILE_PROXIES"))

    def process_request(self, request):
        if self.mode == "always" and "fw_render" not in request.meta:
            request.meta["fw_render"] = "desktop"
        profile = request.meta.get("fw_render")
        if profile and not request.meta.get("playwright"):
            request.meta.update(self._playwright_meta(profile, request.meta.get("fw_screenshot")))
        return None

    def _playwright_meta(self, profile: str, screenshot: bool) -> dict:
        """scrapy-playwright meta for one rendered request in the profile's current context."""
        context = f"{profile}-{self.generation[profile]}"
        self.started[context] += 1
        self.open[context] += 1
        if self.started[context] >= self.context_pages:
            self.generation[profile] += 1
        # the charset Chromium read the page in, so the crawler can read it as the static
        # path does (crawler.ingest.charset.repair_render)
        methods = {"charset": PageMethod("evaluate", "document.characterSet")}
        if screenshot:
            # the whole page: what a scam shows below the first screen is evidence too
            methods["screenshot"] = PageMethod("screenshot", type="png", full_page=True,
                                               timeout=self.timeout_ms)
        return {
            "playwright": True,
            "playwright_context": context,
            "playwright_context_kwargs": context_kwargs(profile, self.proxies),
            "playwright_include_page": True,
            "playwright_page_goto_kwargs": {"wait_until": "load", "timeout": self.timeout_ms},
            "playwright_page_event_handlers": {"popup": close_popup},
            "playwright_page_init_callback": prepare_page,
            "playwright_page_methods": methods,
        }

    async def process_response(self, request, response):
        if request.meta.get("playwright"):
            await self._release(request)
            return response
        if self.mode == "auto" and self._looks_empty(response):
            screenshot = bool(request.meta.get("fw_landing"))
            return request.replace(
                meta={**request.meta, "fw_render": "desktop", "fw_screenshot": screenshot})
        return response

    async def process_exception(self, request, exception):
        if request.meta.get("playwright"):
            await self._release(request)

    def _looks_empty(self, response) -> bool:
        if response.status != 200 or not isinstance(response, TextResponse):
            return False
        kind = content_type(response)
        if kind and "html" not in kind:
            return False
        page = page_of(response)
        return needs_render(page.html, page.text, self.min_text)

    async def _release(self, request) -> None:
        """Close the request's page, and its context once retired and idle."""
        page = request.meta.pop("playwright_page", None)
        context = request.meta.get("playwright_context", "")
        self.open[context] -= 1
        if page is None:
            return
        with contextlib.suppress(Exception):
            await asyncio.wait_for(page.close(), timeout=10)
        if self.started[context] >= self.context_pages and self.open[context] <= 0:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(page.context.close(), timeout=10)
