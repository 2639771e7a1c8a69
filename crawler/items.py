"""What the spider hands to the pipelines: one fetch of one URL, failed or not."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Fetch:
    """A fetch as the spider saw it; pipelines fill in text, verdict and evidence paths."""

    url: str
    site: str  # registered domain of the site this page belongs to (the budget's key)
    fetched_at: str
    run_id: str = ""
    final_url: str = ""
    redirects: list[str] = field(default_factory=list)
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    ip: str = ""
    tls: dict[str, str] = field(default_factory=dict)  # the certificate (crawler.ingest.reading)
    # hosts the page contacted (crawler.render.contacted); the extract step adds their AS
    contacted: list[dict] = field(default_factory=list)
    requests: list[dict] = field(default_factory=list)  # crawler.render.contacted.requests_of
    render: str = "static"  # static, or the browser profile that rendered it
    html: str = ""
    body_sha256: str = ""
    warc_file: str = ""
    warc_offset: int | None = None
    screenshot_png: bytes = b""
    external_links: list[str] = field(default_factory=list)
    depth: int = 0
    hop: int = 0
    error: str = ""
    claim: str = ""  # the distributed frontier's claim on the request (crawler.frontier.scheduler)
    # Filled by the pipelines.
    domain: str = ""
    title: str = ""
    text: str = ""
    screenshot: str = ""
    screenshot_sha256: str = ""
    verdict: Any = None
    shadow: Any = None  # the shadow model's verdict (fraudwatch.modelversions), if one runs
    page: Any = None  # the parsed page (classifiers.PageView), read by every pipeline
    # operator fingerprints (analytics ids, wallets, contacts, external links), found by the
    # extract pipeline; the store keeps them on the capture
    fingerprints: dict[str, list[str]] = field(default_factory=dict)
    cloaking: bool = False  # a victim's render differs in substance from the plain fetch
