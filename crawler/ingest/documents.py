"""Store documents from fetches: a Page per good fetch (each fetch carries its Capture).

Their sites' rows are the store's to aggregate (fraudwatch.store.siterollup).
"""

from __future__ import annotations

from crawler.items import Fetch
from fraudwatch.store.models import Page
from fraudwatch.urls import normalise_url, public_suffix


def page_of(fetch: Fetch) -> Page | None:
    """The Page of a classified fetch; None for failures."""
    verdict, capture = fetch.verdict, fetch.capture
    if verdict is None or capture.error:
        return None
    return Page(
        url=normalise_url(fetch.address), domain=fetch.final_domain,
        tld=public_suffix(fetch.final_domain), title=capture.title, text=capture.text,
        lang=verdict.lang, category=verdict.category, verdict=verdict.verdict,
        score=verdict.score, signs=verdict.signs, model=verdict.model,
        http_status=capture.status, ip=capture.ip, first_seen=capture.fetched_at,
        last_seen=capture.fetched_at, capture_id=capture.id,
        promoted_domains=verdict.promoted_domains, shadow=shadow_of(fetch.shadow),
    )


def shadow_of(verdict) -> dict:
    """What a page keeps of the shadow model's verdict (nothing when none ran)."""
    if verdict is None:
        return {}
    return {"model": verdict.model, "category": verdict.category, "verdict": verdict.verdict,
            "score": round(verdict.score, 4),
            "signs": sorted({s.id for s in verdict.signs if not s.reported})}
