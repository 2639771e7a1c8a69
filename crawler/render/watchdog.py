"""Bound every render: a page whose JavaScript never yields cannot hang the crawl.

Playwright bounds navigation and screenshots, but not `page.content()` (the DOM capture) nor
`evaluate`: a page that loops forever after `load` would hold its request, its context slot and
eventually the whole crawl. `BoundedPlaywrightHandler` is scrapy-playwright's download handler
with a deadline on the whole render (navigation, page methods, DOM capture): after
FRAUDWATCH_RENDER_DEADLINE seconds (0: twice FRAUDWATCH_RENDER_TIMEOUT, one for navigation and
one for the capture) the render is cancelled, its page closed (which ends the renderer), or, if
that does not answer, its context and then the browser (scrapy-playwright starts a new one for
the next render), and the request fails with `RenderTimeout`: a capture with error kind
`render_timeout`. Other requests and the queue are untouched.

The handler also puts the browser behind the SSRF guard (`crawler.safety.browserguard`): the browser
and every context use the guard's proxy, so no request of a rendered page reaches a private or
loopback address unless the crawl allows it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from crawler.ingest.errors import RenderTimeout
from crawler.safety.browserguard import BrowserGuard

log = logging.getLogger(__name__)
CLOSE_SECONDS = 5  # for each step of tearing a stuck render down


def render_deadline(settings) -> float:
    """Seconds a whole render may take."""
    deadline = settings.getfloat("FRAUDWATCH_RENDER_DEADLINE", 0)
    return deadline or 2 * settings.getfloat("FRAUDWATCH_RENDER_TIMEOUT", 20)


async def _answered(awaitable) -> bool:
    """Whether `awaitable` finished without error within CLOSE_SECONDS."""
    try:
        await asyncio.wait_for(awaitable, timeout=CLOSE_SECONDS)
    except Exception:  # a crashed or closed target is as good as closed
        return False
    return True


class BoundedPlaywrightHandler(ScrapyPlaywrightDownloadHandler):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.deadline = render_deadline(crawler.settings)
        self.guard = BrowserGuard.from_settings(crawler.settings)
        if self.guard is not None:
            self.config.launch_options["proxy"] = self.guard.proxy_for()

    async def _create_browser_context(self, name, context_kwargs, spider=None):
        if self.guard is not None:
            context_kwargs = self.guard.context_kwargs(context_kwargs)
        return await super()._create_browser_context(name, context_kwargs, spider)

    async def _close(self) -> None:
        try:
            await super()._close()
        finally:
            if self.guard is not None:
                self.stats.set_value("fraudwatch/browser_requests_refused", self.guard.refused)
                self.guard.close()

    async def _download_request(self, request, spider=None):
        render = asyncio.ensure_future(super()._download_request(request, spider))
        try:
            done, _ = await asyncio.wait({render}, timeout=self.deadline)
        except asyncio.CancelledError:
            render.cancel()
            raise
        if done:
            return render.result()
        render.cancel()
        with contextlib.suppress(BaseException):
            await render
        self.stats.inc_value("fraudwatch/render_timeouts")
        log.warning("render of %s overran %.0fs; tearing it down", request.url, self.deadline)
        await self._tear_down(request)
        raise RenderTimeout(f"render did not finish within {self.deadline:.0f}s")

    async def _tear_down(self, request) -> None:
        """Close the stuck render's page; failing that its context; failing that the browser."""
        page = request.meta.get("playwright_page")
        if page is not None and await _answered(page.close(run_before_unload=False)):
            return
        wrapper = self.context_wrappers.get(request.meta.get("playwright_context", ""))
        if wrapper is not None and await _answered(wrapper.context.close()):
            return
        browser = getattr(self, "browser", None)
        if browser is not None:
            log.warning("browser did not answer after a stuck render; restarting it")
            with contextlib.suppress(Exception):
                await asyncio.wait_for(browser.close(), timeout=CLOSE_SECONDS)
