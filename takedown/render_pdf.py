"""HTML letters to PDF with Chromium's print-to-PDF, one browser for many letters."""

from __future__ import annotations

from pathlib import Path

from fraudwatch.browser import launch_options


class PdfRenderer:
    """A headless Chromium, started at the first letter and kept open until the `with` ends."""

    def __init__(self, config=None):
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
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(**launch_options(self.config))
        return self._browser

    def render(self, html: str, path: Path) -> None:
        """Print `html` (self-contained, no network) to a PDF at `path`; CSS @page sets sizes."""
        page = (self._browser or self._launch()).new_page(java_script_enabled=False)
        try:
            page.route("**/*", lambda route: route.abort())
            page.set_content(html, wait_until="load")
            page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
        finally:
            page.close()
