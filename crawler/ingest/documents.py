"""Store documents from fetches: a Capture per fetch and a Page per good fetch.

Their sites' rows are the store's to aggregate (fraudwatch.store.siterollup).
"""

from __future__ import annotations

from crawler.items import Fetch
from fraudwatch.store.models import Capture, Page, stable_id
from fraudwatch.urls import normalise_url, public_suffix


def capture_of(fetch: Fetch) -> Capture:
    return Capture(
        id=stable_id("capture", f"{fetch.url}@{fetch.fetched_at}@{fetch.render}"),
        url=fetch.url, fetched_at=fetch.fetched_at, domain=fetch.site,
        final_url=fetch.final_url, redirects=fetch.redirects, status=fetch.status,
        headers=fetch.headers, ip=fetch.ip, render=fetch.render,
        html_sha256=fetch.body_sha256 if fetch.html else "", text=fetch.text, title=fetch.title,
        lang=fetch.verdict.lang if fetch.verdict else "", screenshot=fetch.screenshot,
        screenshot_sha256=fetch.screenshot_sha256, warc_file=fetch.warc_file,
        warc_offset=fetch.warc_offset, error=fetch.error, run_id=fetch.run_id,
        fingerprints=fetch.fingerprints, tls=fetch.tls, contacted=fetch.contacted,
        requests=fetch.requests,
    )


def page_of(fetch: Fetch, capture: Capture) -> Page | None:
    """The Page of a classified fetch; None for failures."""
    verdict = fetch.verdict
    if verdict is None or fetch.error:
        return None
    return Page(
        url=normalise_url(fetch.final_url or fetch.url), domain=fetch.domain,
        tld=public_suffix(fetch.domain), title=fetch.title, text=fetch.text, lang=verdict.lang,
        category=verdict.category, verdict=verdict.verdict, score=verdict.score,
        signs=verdict.signs, model=verdict.model, http_status=fetch.status, ip=fetch.ip,
        first_seen=fetch.fetched_at, last_seen=fetch.fetched_at, capture_id=capture.id,
        promoted_domains=verdict.promoted_domains, shadow=shadow_of(fetch.shadow),
    )


def shadow_of(verdict) -> dict:
    """What a page keeps of the shadow model's verdict (nothing when none ran)."""
    if verdict is None:
        return {}
    return {"model": verdict.model, "category": verdict.category, "verdict": verdict.verdict,
            "score": round(verdict.score, 4),
            "signs": sorted({s.id for s in verdict.signs if not s.reported})}
