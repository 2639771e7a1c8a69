"""What the spider hands to the pipelines: one fetch of one URL, failed or not."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fraudwatch.store.models import Capture


@dataclass(slots=True)  # a misspelt or stale field name fails at once
class Fetch:
    """A fetch as the spider saw it: the capture the store keeps (the spider fills what the
    response says, the pipelines its text, screenshot and fingerprints), and what only the
    crawl needs besides. A field name means one thing: the capture's `domain` is the site the
    crawl fetched for (its budget's key); `final_domain` is the final host's site."""

    capture: Capture
    html: str = ""
    screenshot_png: bytes = b""
    external_links: list[str] = field(default_factory=list)
    depth: int = 0
    hop: int = 0
    claim: str = ""  # the distributed frontier's claim on the request (crawler.frontier.scheduler)
    # Filled by the pipelines.
    final_domain: str = ""  # registered domain of the final URL's host: the page's site
    verdict: Any = None
    shadow: Any = None  # the shadow model's verdict (fraudwatch.modelversions), if one runs
    page: Any = None  # the parsed page (classifiers.PageView), read by every pipeline
    cloaking: bool = False  # a victim's render differs in substance from the plain fetch

    @property
    def address(self) -> str:
        """The address the page was read from: the final URL, else the one asked for."""
        return self.capture.final_url or self.capture.url
