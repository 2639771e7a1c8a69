"""HTML letters to PDF with Chromium's print-to-PDF, one browser for many letters."""

from __future__ import annotations

import io

from fraudwatch.browser import launch_options
from fraudwatch.config import Config


class PdfRenderer:
    """A headless Chromium, started at the first letter and kept open until the `with` ends."""

    def __init__(self, config: Config | None = None):
        self.config = config
        self._playwright = None
        self._browser = None

    def __enter__(self) -> PdfRenderer:
        return self

    def __exit__(self, *exc) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()

    def _launch(self):
        # loaded (~0.2 s) only when a letter is printed, not by every letters command
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(**launch_options(self.config))
        return self._browser

    def print(self, html: str) -> bytes:
        """`html` (self-contained, no network) printed to PDF; CSS @page sets page sizes,
        margins and the page numbers."""
        page = (self._browser or self._launch()).new_page(java_script_enabled=False)
        try:
            page.route("**/*", lambda route: route.abort())
            page.set_content(html, wait_until="load")
            return page.pdf(prefer_css_page_size=True, print_background=True)
        finally:
            page.close()


def annex_page_count(data: bytes) -> int:
    """Pages of a printed letter's annexes: they are the landscape pages (@page annex)."""
    from pypdf import PdfReader  # ~0.15 s to load, needed only to count printed pages

    return sum(1 for page in PdfReader(io.BytesIO(data)).pages
               if page.mediabox.width > page.mediabox.height)
